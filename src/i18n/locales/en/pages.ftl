# The public pages: layout, home, consultation, roundtable, comment form,
# programme, resources, outcome, error page.

## Layout (base.html)
pages-skip-to-content = Skip to content
pages-nav-site = Site
pages-consultations = Consultations
pages-moderation = Moderation
pages-nav-accounts = Accounts
pages-nav-set-up = Set up
pages-nav-emails = Emails
pages-nav-sign-out = Sign out
pages-nav-sign-in = Sign in
pages-nav-register = Register
pages-verify-banner = Please confirm your email address with the link we sent you: until then you can read but not take part.
pages-verify-send-again = Send the link again
pages-footer-about = Roundtable: public consultations. Every comment is published under its author's name, organisation and country, after a chair's review.

## Error page
pages-error-status = Error { $status }.
pages-error-back = Back to the consultations

## Home page
pages-home-feed-title = Consultations on Roundtable
pages-home-lead = Conferences, workshops and online roundtables: read the background and guiding questions, then take part under your own name.
pages-home-empty = No consultation has been published yet.

## Consultation and roundtable pages: shared
# The title of a feed link: $title is a consultation's or roundtable's title.
pages-feed-title = Comments on { $title }
pages-breadcrumb = Breadcrumb
pages-fact-event = Event
pages-fact-when = When
pages-fact-where = Where
pages-fact-follow = Follow
pages-fact-languages = Comments welcome in
pages-save-in-calendar = Save in my calendar
pages-comments-feed = Feed of published comments
pages-export-comments = Export the comments

## Consultation page
# Follows the "Save in my calendar" link.
pages-consultation-calendar-scope = (the event, its sessions and deadlines)
pages-consultation-about = About
pages-consultation-roundtables = Roundtables

## Roundtable page
pages-comments = Comments
pages-roundtable-chairs = { $count ->
    [one] Chair
   *[other] Chairs
}
pages-roundtable-background = Background
pages-roundtable-objectives = Objectives
pages-roundtable-questions = Guiding questions
# A tag beside a guiding question that is no longer asked.
pages-question-retired = retired
pages-question-number = Question { $number }
pages-outcome-heading = Outcome
pages-outcome-draft = draft, seen only by chairs and staff
# $date: "30 November 2020, 23:59 CET".
pages-outcome-published = Published { $date } by the roundtable's chairs.
pages-outcome-none = The chairs have not written the outcome yet.
pages-outcome-edit = Edit the outcome
pages-outcome-write = Write the outcome
pages-roundtable-children = Sub-roundtables
pages-write-comment = Write a comment
pages-moderation-queue = Moderation queue
pages-audit-trail = Audit trail
# Read by screen readers before a reply; $level is 1 for a direct reply.
pages-comment-reply-level = Reply, level { $level }.
pages-comment-new = New
pages-comment-edited = (edited)
pages-comment-highlighted = Highlighted by the chair
# $name: the author of the comment answered.
pages-comment-in-reply-to = In reply to { $name }
pages-comment-reply = Reply
# Read by screen readers after "Reply": "Reply to Ana Pérez".
pages-comment-reply-to = to { $name }
pages-comment-edit = Edit
pages-comment-withdraw = Withdraw
pages-comment-report = Report
# Read by screen readers after "Report": "Report this comment by Ana Pérez".
pages-comment-report-by = this comment by { $name }
pages-comment-moderate = Moderate
pages-comments-none = No comment has been published yet.
pages-take-part = Take part
pages-take-part-intro-pre = The chairs decide which comments are relevant and publish them: yours shows to others once a chair has approved it. Please write under your own identity.
pages-take-part-intro-post = The chairs decide which comments are relevant and publish them. Please write under your own identity.
pages-take-part-verify = Confirm your email address with the link we sent you to take part.
# One sentence around a link to the account page: before + link + after, with
# no space added between them (write spaces as {" "}; {""} is empty).
pages-take-part-resend-button = Send the link again
# One sentence: [Sign in] or [create an account] to comment: …
pages-take-part-sign-in = Sign in
pages-take-part-or = or
pages-take-part-create-account = create an account
pages-take-part-to-comment = to comment: comments are published under their author's name, organisation and country.

## Comment form (partials/comment_form.html)
# Heading of the error summary; $count is the number of errors.
pages-form-correct = { $count ->
    [one] Please correct this
   *[other] Please correct these
}
pages-form-questions-legend = Which guiding questions does your comment answer?
pages-form-questions-hint = Leave all unticked for a general comment.
# A checkbox label: $text is the guiding question.
pages-form-question-choice = Question { $number }: { $text }
pages-form-body-label = Your comment
pages-form-body-hint = Markdown: *emphasis*, **bold**, lists, > quotes, [links](https://example.org). Up to 10,000 characters. Published under your name, organisation and country.
pages-form-preview = Preview
pages-form-post-comment = Post comment

## Programme, resources, outcome (partials)
pages-programme = Programme
pages-programme-speakers = Speakers
# $zone: a time zone name such as "Europe/Prague".
pages-programme-time-zone = Times are { $zone } time.
pages-resources = Resources
pages-outcome-synthesis = Synthesis
pages-outcome-recommendations = Recommendations
pages-form-language-label = Language of your comment

terms-title = Terms and privacy
terms-version-published = Version { $version }, published on { $date }.
terms-version-shipped = The notice Roundtable ships with; the organisers have not replaced it.
terms-public-page = The public page
terms-editor-title = Terms and privacy notice
terms-editor-lead = Publishing makes a new version: people who register from now on accept it; everyone else keeps the version they accepted.
terms-editor-body = The notice, in Markdown
terms-editor-body-hint = Headings start with ##; a blank line starts a new paragraph.
terms-preview-heading = Preview: nothing is published yet
terms-publish = Publish this version
terms-published = Version { $version } is published. People who register from now on accept it.

pages-action-comment = Comment
pages-action-sign-in-to-comment = Sign in to comment
pages-action-register = Register
pages-question-comments = { $count ->
    [0] No comments yet
    [one] 1 comment
   *[other] { $count } comments
}
pages-question-comment-on = Comment on this question
pages-comment-reference-title = The comment's reference, to cite it; the link is its permanent address

pages-order-label = Order
pages-order-oldest = Oldest first
pages-order-newest = Newest first
pages-paging-nav = Pages of comments
pages-paging-page = Page
pages-paging-position = Page { $current } of { $total }
pages-paging-previous = Previous page
pages-paging-next = Next page
pages-reading-nav = Read by question
pages-reading-all = All
pages-reading-general = General
pages-reading-threads = { $count ->
    [one] thread
   *[other] threads
}

pages-copy-reference = Copy reference
pages-reference-copied = Reference {"{"}reference{"}"} copied.
pages-reference-not-copied = The reference could not be copied: select it to copy it.
pages-comment-not-shown = Comment { $reference } is not shown here: it was withdrawn, or it is not published (or not yet).
