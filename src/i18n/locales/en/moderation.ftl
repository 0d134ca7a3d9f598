# Moderation: the queue, one comment's page, decisions from an email link,
# the audit trail, the outcome editor and the export form.

# Shared
moderation-title = Moderation
moderation-breadcrumb = Breadcrumb
moderation-consultation = Consultation
moderation-roundtable = Roundtable
moderation-correct-this = Please correct this
moderation-choose = Choose…
moderation-reason = Reason
moderation-note-to-author = Note to the author (optional)
moderation-publish = Publish
moderation-reject = Reject
moderation-unpublish = Unpublish
moderation-dismiss-the-reports = Dismiss the reports
moderation-status-label = Status:
moderation-in-the-thread = in the thread
moderation-preview = Preview
moderation-save-changes = Save changes
moderation-cancel = Cancel
moderation-question-number = Question { $number }
moderation-question-choice = Question { $number }: { $text }
moderation-quoted = “{ $text }”
moderation-reason-and-note = { $reason }: “{ $note }”
moderation-when-and-note = { $when }: “{ $note }”

# The queue (pages/moderation/queue.html)
moderation-queue-empty = Nothing waits for you.
moderation-queue-empty-filtered = Nothing waits for you here.
moderation-queue-waiting = { $count ->
    [one] One comment waits for your decision.
   *[other] { $count } comments wait for your decision.
}
moderation-queue-bulk-legend = Decide on the selected comments
moderation-queue-decision = Decision
moderation-queue-reject-option = Reject (give a reason)
moderation-queue-dismiss-option = Dismiss reports
moderation-queue-unpublish-option = Unpublish (give a reason)
moderation-queue-reason = Reason, for rejecting or unpublishing
moderation-queue-note = Note to the authors (optional)
moderation-queue-apply = Apply to the selected comments
moderation-queue-select = Select
moderation-queue-waiting-for = waiting for { $time }
moderation-queue-reported = reported
moderation-queue-and-hidden = and hidden
moderation-queue-general = General
moderation-queue-reply-to = In reply to { $author }: “{ $excerpt }”
moderation-queue-reported-as = Reported as
moderation-queue-publish-whose = the comment by { $name }
moderation-queue-in-the-thread = In the thread
moderation-queue-places-nav = What waits, by roundtable
moderation-queue-everything = All roundtables
moderation-queue-order-label = Order
moderation-queue-order-oldest = Oldest first
moderation-queue-order-newest = Newest first
moderation-queue-position = Page { $current } of { $total }
moderation-queue-paging-nav = Pages of the queue
moderation-queue-previous = Previous
moderation-queue-next = Next
moderation-queue-page = Page
moderation-queue-select-all = Select all on this page
moderation-queue-more-pending = Change its questions…
moderation-queue-more-published = Highlight or change its questions…
moderation-queue-reject-summary = Reject…
moderation-queue-unpublish-summary = Unpublish…
moderation-queue-keys = Keyboard shortcuts
moderation-queue-key-move = next or previous comment
moderation-queue-key-select = select it, or not
moderation-queue-key-publish = publish it
moderation-queue-key-reject = reject or unpublish it: choose the reason, then press its button
moderation-trust-heading = Trusted participants
moderation-trust-intro = A trusted participant's comments are published at once, everywhere. Trust someone from their comment above:
moderation-trust-person = Trust { $name }
moderation-trust-person-organisation = Trust { $name } ({ $organisation })

# One comment (pages/moderation/item.html)
moderation-item-highlighted = highlighted
moderation-item-reports = Reports
moderation-item-decide = Decide
moderation-item-highlight = Highlight for the digest
moderation-item-unhighlight = Remove the highlight
moderation-item-reject-legend = Reject, with a reason the author will read
moderation-item-questions-legend = The guiding questions it answers
moderation-item-questions-hint = None ticked: a general comment.
moderation-item-save-questions = Save the questions
moderation-item-unpublish-legend = Unpublish, with a reason the author will read
moderation-item-nothing-to-decide = No decision applies to it now.

# Deciding from an email link (pages/moderation/email_action.html, link_problem.html)
moderation-email-publish-title = Publish this comment?
moderation-email-reject-title = Reject this comment?
moderation-email-reason = Reason, which the author will read
moderation-reject-comment = Reject the comment
moderation-publish-comment = Publish the comment
moderation-email-nothing-happens = Nothing happens until you press the button.
moderation-email-see-thread = See it in its thread
moderation-link-open-queue = Open the moderation queue
moderation-link-sign-in-first = (sign in first if asked).

# After a bulk decision (pages/moderation/decided.html)
moderation-back-to-queue = Back to the moderation queue

# The audit trail (pages/moderation/audit.html)
moderation-audit-crumb = Audit trail
moderation-audit-lead = Every submission, edit, report and decision on this roundtable's comments, newest first.
moderation-audit-when = When
moderation-audit-comment = Comment
moderation-audit-who = Who
moderation-audit-what = What
moderation-audit-reason-note = Reason and note
moderation-audit-empty = Nothing has happened here yet.

# The outcome editor (pages/outcome.html)
moderation-outcome-back = Back to { $title }
moderation-outcome-lead-write = Write the roundtable's synthesis and recommendations per guiding question, one numbered point per line item.
# Followed by a name and a date
moderation-outcome-last-saved = last saved by { $who }
moderation-outcome-updates-published = saving changes updates the published outcome
moderation-outcome-conflict = Saved by someone else meanwhile
moderation-outcome-introduction = Introduction
moderation-outcome-introduction-hint = (optional, Markdown)
moderation-outcome-list-hint = A numbered list: each item is one point.
moderation-outcome-save-draft = Save draft
moderation-outcome-withdraw = Withdraw to draft
moderation-outcome-publish = Publish the outcome

# Exporting comments (pages/export.html)
moderation-export-crumb = Export
moderation-export-lead-roundtable = This roundtable's comments: as a table (one row a comment), as nested data, or as the raw material of the meeting report with the chairs' outcome, highlighted comments and participation figures.
moderation-export-lead-consultation = The comments of every roundtable you may export: as a table (one row a comment), as nested data, or as the raw material of the meeting report with the chairs' outcome, highlighted comments and participation figures.
moderation-export-format = Format
moderation-export-which = Which comments (all optional)
moderation-export-from = Posted from
moderation-export-until = Posted until
moderation-export-question = Guiding question
moderation-export-all-questions = All questions
moderation-export-organisation-type = Type of organisation
moderation-export-all-types = All types
moderation-export-country = Country
moderation-export-all-countries = All countries
moderation-export-include-unpublished = Also comments that are pending, not published or withdrawn, with their status (the file name says so)
moderation-export-download = Download

# Text the moderation handlers build (src/web/moderation).
moderation-item-title = Comment by { $name }
moderation-audit-title = Audit trail – { $roundtable }
moderation-record-first = First comment
moderation-record-before = Before: { $published } published, { $rejected } not published
moderation-someone = Someone
moderation-former-participant = Former participant
moderation-already-decided-by = Already decided: { $who } { $action ->
    [published] published it
    [rejected] rejected it
    [unpublished] unpublished it
    [highlighted] highlighted it
    [highlight_removed] removed its highlight
    [retagged] changed its questions
    [reports_dismissed] dismissed its reports
    [withdrawn] withdrew it
   *[other] decided on it
} on { $at }.
moderation-already-decided = Already decided: its status is now “{ $status }”.
moderation-not-possible = Not possible: { $why }.
moderation-no-such-comment = No comment has this reference.
moderation-edited-since = Its author edited it since you read it: read the new text before deciding.
moderation-not-yours = Not yours to decide: you do not chair its roundtable.
# The confirmation of a decision on the queue, and the lines of the page
# after a decision. { $whose } is moderation-confirm-whose.
moderation-confirm-whose = { $count ->
    [0] { $name }’s general comment
    [one] { $name }’s comment on question { $questions }
   *[other] { $name }’s comment on questions { $questions }
}
moderation-confirm-one = { $action ->
    [publish] Published { $whose }.
    [reject] Rejected { $whose }.
    [unpublish] Unpublished { $whose }.
    [highlight] Highlighted { $whose } for the digest.
    [unhighlight] Removed the highlight from { $whose }.
    [retag] Changed the questions of { $whose }.
    [dismiss_reports] Dismissed the reports on { $whose }; it shows again.
   *[other] Decided on { $whose }.
}
# { $names } is a list of authors, from moderation-confirm-names-and or -others.
moderation-confirm-many = { $action ->
    [publish] Published { $count } comments, by { $names }.
    [reject] Rejected { $count } comments, by { $names }.
    [unpublish] Unpublished { $count } comments, by { $names }.
    [highlight] Highlighted { $count } comments, by { $names }.
    [unhighlight] Removed the highlight from { $count } comments, by { $names }.
    [retag] Changed the questions of { $count } comments, by { $names }.
    [dismiss_reports] Dismissed the reports on { $count } comments, by { $names }.
   *[other] Decided on { $count } comments, by { $names }.
}
moderation-confirm-name-count = { $name } ({ $count })
moderation-confirm-names-and = { $first } and { $last }
moderation-confirm-names-others = { $first } and { $others ->
    [one] one other
   *[other] { $others } others
}
moderation-report-line = About { $whose }: { $what }
moderation-audit-action = { $action ->
    [submitted] submitted
    [published] published
    [rejected] rejected
    [unpublished] unpublished
    [highlighted] highlighted
    [highlight_removed] highlight removed
    [retagged] questions changed
    [reports_dismissed] reports dismissed
    [withdrawn] withdrawn
    [posted] posted
    [edited] edited
    [reported] reported
    [retained] retained for the report
    [not_retained] not retained for the report
    [theme_added] theme added
    [theme_removed] theme removed
    [late_included] let into the report (late)
    [late_left_out] left out of the report (late)
   *[other] { $action }
}
moderation-link-expired-detail = Links in moderation emails work for 7 days. The comment is still in your moderation queue.
moderation-link-broken-detail = It was copied incompletely, or you no longer chair this roundtable. Open your moderation queue instead.
moderation-outcome-title = Outcome of { $roundtable }
moderation-outcome-not-written = Not written yet
moderation-outcome-former-account = a former account
moderation-export-title = Export the comments of { $consultation }
moderation-export-format-choice = { $format ->
    [csv] CSV: one row per comment, for spreadsheets
    [xlsx] Excel workbook (XLSX): one row per comment
    [json] JSON: nested by roundtable, question and thread
    [md] Markdown: the meeting report's raw material
   *[html] Printable HTML: the report's raw material, for A4
}

# Possible duplicates of a waiting comment, and the search box of the queue.
moderation-duplicates-title = Possible duplicates
moderation-duplicate-likeness = { $percent } % of words shared
moderation-duplicate-note = Duplicate of { $reference }
moderation-duplicate-reject = Reject as a duplicate of { $reference }
moderation-search-label = Search comments
moderation-search-button = Search
moderation-export-query = Only comments with these words
moderation-export-query-hint = Words, "an exact phrase" in quotes, -word to leave one out. Leave empty for every comment.
