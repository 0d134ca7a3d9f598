# Emails, in the recipient's language. Each email has a subject, a plain-text
# body and an HTML body. Messages ending in -text carry a link for the plain
# text; messages ending in -link are the words of the same link in HTML.
# Where HTML shows a roundtable in bold, the sentence is split around it:
# "<before> <roundtable> <after>".

# Shared by several emails
email-hello = Hello { $name },
# An excerpt of a comment quoted in the plain text
email-quoted = "{ $text }"
email-chair-of = A chair of
email-reason-label = Reason:
email-chair-note-label = Note from the chair:
email-copy-link = Or copy this address into your browser: { $link }
email-links-confirm = Each link opens a page that asks you to confirm; nothing happens until you do. The links work for { $expires }.
email-publish-link = Publish
email-reject-link = Reject with a reason
email-stop-these-text = Stop these emails: { $link }
email-stop-these-link = Stop these emails
email-stop-decisions-text = Stop emails about decisions on your comments: { $link }
email-stop-decisions-link = Stop emails about decisions on your comments

# Someone tried to register an address that has an account (account_exists)
email-account-exists-subject = Someone tried to register your address on Roundtable
email-account-exists-intro = Someone, perhaps you, tried to create a Roundtable account with this email address. You already have one, so nothing was changed.
email-account-exists-sign-in-text = To sign in: { $link }
email-account-exists-sign-in-link = Sign in to Roundtable
email-account-exists-not-you = If it was not you, you need not do anything.

# Confirm the address of a new account (verify_email)
email-verify-subject = Confirm your email address for Roundtable
email-verify-intro = Please confirm that this is your email address, so that you can take part in consultations on Roundtable:
email-verify-button = Confirm my email address
email-verify-expiry = The link works once, for { $expires }. If you did not create an account, ignore this message: nothing will be published in your name.

# Confirm a new address for an account (confirm_new_email)
email-confirm-new-subject = Confirm your new email address for Roundtable
email-confirm-new-intro = To move your Roundtable account to this address, follow this link:
email-confirm-new-button = Confirm my new address
email-confirm-new-expiry = The link works once, for { $expires }. Until then your account keeps its current address. If you did not ask for this, ignore this message.

# Sent to the old address after a change (email_changed)
email-email-changed-subject = Your Roundtable account has a new email address
email-email-changed-intro = The email address of your Roundtable account was changed, and this address no longer signs in. If you did not do this, reset your password from the new address or write to the organisers at once.
email-email-changed-account-text = Your account: { $link }
email-email-changed-account-link = Your account

# Reset a password (reset_password)
email-reset-subject = Choose a new Roundtable password
email-reset-intro = Someone, probably you, asked to reset the password of your Roundtable account.
email-reset-choose-text = To choose a new one:
email-reset-button = Choose a new password
email-reset-expiry = The link works once, for { $expires }. If you did not ask, ignore this message: your password stays as it is.

# A chair published a comment (comment_published)
email-comment-published-subject = Your comment in { $roundtable } is published
email-comment-published-intro-after = ({ $consultation }) published your comment:
email-comment-published-see-text = See it in its thread: { $link }
email-comment-published-see-link = See it in its thread

# A chair rejected a comment (comment_rejected): "You can post a new comment
# <on the roundtable> while it is open."
email-comment-rejected-subject = Your comment in { $roundtable } was not published
email-comment-rejected-intro-after = ({ $consultation }) decided not to publish your comment.
email-comment-rejected-reuse = Your comment, so that you can reuse it:
email-comment-rejected-new-text = You can post a new comment on the roundtable while it is open: { $link }
email-comment-rejected-new-before = You can post a new comment
email-comment-rejected-new-link = on the roundtable
email-comment-rejected-new-after = while it is open.

# A chair unpublished a comment (comment_unpublished)
email-comment-unpublished-subject = Your comment in { $roundtable } was unpublished
email-comment-unpublished-intro-after = ({ $consultation }) unpublished your comment. It no longer shows on the roundtable.
email-comment-unpublished-yours = Your comment:

# A reply to a comment was published (reply_published)
email-reply-subject = { $replier } replied to your comment in { $roundtable }
email-reply-intro-before = { $replier } replied to your comment in
email-reply-intro-after = :
email-reply-read-text = Read the reply in its thread: { $link }
email-reply-read-link = Read the reply in its thread
email-reply-stop-text = Stop emails about replies to your comments: { $link }
email-reply-stop-link = Stop emails about replies to your comments

# An outcome cites the recipient's comments (comment_cited)
email-comment-cited-subject = { $count ->
    [one] Your comment was cited
   *[other] Your comments were cited
} in the outcome of { $roundtable }
email-comment-cited-intro-before = The chairs of
email-comment-cited-intro-after = ({ $consultation }) have published the roundtable's outcome, and it cites { $count ->
    [one] your comment
   *[other] these comments of yours
}:
email-comment-cited-read-text = Read the synthesis and recommendations: { $link }
email-comment-cited-read-link = Read the synthesis and recommendations
email-comment-cited-thanks = Thank you for taking part.
email-comment-cited-stop-text = Stop emails about outcomes citing your comments: { $link }
email-comment-cited-stop-link = Stop emails about outcomes citing your comments

# To a chair: one comment waits for a decision (comment_waiting)
email-comment-waiting-subject = A comment waits for your decision in { $roundtable }
email-comment-waiting-intro-before = A new comment waits for your decision in
email-comment-waiting-intro-after = ({ $consultation }).
email-from-label = From:
email-answers-label = Answers:
email-in-reply-to-label = In reply to:
email-comment-waiting-publish-text = Publish it: { $link }
email-comment-waiting-reject-text = Reject it (with a reason): { $link }
email-comment-waiting-queue-text = See it in your moderation queue: { $link }
email-comment-waiting-queue-link = See it in your queue
email-comment-waiting-why = You get this email because you chair this roundtable.

# To a chair: the hourly or daily summary (moderation_summary). "And 3 more
# in <your queue>."
email-moderation-summary-subject = { $count ->
    [one] One comment waits
   *[other] { $count } comments wait
} for your decision
email-moderation-summary-intro = New comments arrived { $period }. { $count ->
    [one] One comment waits
   *[other] { $count } comments wait
} for your decision, oldest first:
email-moderation-summary-publish-text = Publish: { $link }
email-moderation-summary-reject-text = Reject: { $link }
email-moderation-summary-queue-text = In the queue: { $link }
email-moderation-summary-queue-link = In the queue
email-moderation-summary-more-text = And { $count } more in your queue: { $link }
email-moderation-summary-more-before = And { $count } more in
email-moderation-summary-more-link = your queue
email-moderation-summary-why = You get this summary because you chair roundtables.

# To a chair on "at once": several comments waiting, gathered in one email
# (comments_waiting). "And 3 more in <your queue>."
email-comments-waiting-subject = { $count ->
    [one] A new comment waits
   *[other] { $count } new comments wait
} for your decision
email-comments-waiting-intro = { $count ->
    [one] A new comment waits
   *[other] { $count } new comments wait
} for your decision, in the order they arrived:
email-comments-waiting-publish-text = Publish: { $link }
email-comments-waiting-reject-text = Reject: { $link }
email-comments-waiting-queue-text = In the queue: { $link }
email-comments-waiting-queue-link = In the queue
email-comments-waiting-more-text = And { $count } more in your queue: { $link }
email-comments-waiting-more-before = And { $count } more in
email-comments-waiting-more-link = your queue
email-comments-waiting-why = You get these emails because you chair roundtables: at once for the first comment, then at most one every 15 minutes with everything that arrived meanwhile.

# To an author: several decisions on their comments within a minute, in one
# email (decisions_made). Each item says what was decided.
email-decisions-subject = { $count ->
    [one] A chair decided on one of your comments
   *[other] Chairs decided on { $count } of your comments
}
email-decisions-intro = { $count ->
    [one] A chair decided on one of your comments:
   *[other] Chairs decided on { $count } of your comments:
}
email-decisions-published = Published
email-decisions-rejected = Not published
email-decisions-unpublished = Unpublished, no longer shown
email-decisions-see-text = See it in its thread: { $link }
email-decisions-see-link = See it in its thread
email-decisions-more = { $count ->
    [one] And one more decision.
   *[other] And { $count } more decisions.
}

# Not used by the templates: the Rust code fills in { $expires } ("48 hours")
# and { $period } ("in the last hour") with these, in the recipient's language.
email-expires-hours = { $count ->
    [one] one hour
   *[other] { $count } hours
}
email-expires-days = { $count ->
    [one] one day
   *[other] { $count } days
}
email-period-last-hour = in the last hour
email-period-yesterday = yesterday
email-questions-line = { $count ->
    [0] General
    [one] Question { $numbers }
   *[other] Questions { $numbers }
}
