# Comments: the comment form's own page, editing, replying, reporting and withdrawing one's own or others' comments.

# Shared
comments-preview = Preview
comments-cancel = Cancel
comments-choose = Choose…
comments-your-comment = Your comment

# The comment form's own page (pages/comments/comment.html)
comments-page-heading = Comment on { $title }
comments-page-crumb = Comment
comments-page-moderation-pre = A chair reads your comment before it is published.
comments-page-moderation-post = Your comment is published at once; the chairs may unpublish it later.
comments-page-sign-in = Sign in to comment
comments-page-or = or
comments-page-create-account = create an account
comments-page-sign-in-end = .
comments-page-back = Back to { $title }

# Editing a comment (pages/comments/edit.html)
comments-edit-lead = You can change your comment while it waits for the chair's decision.
comments-save-changes = Save changes

# Replying (pages/comments/reply.html)
comments-breadcrumb = Breadcrumb
comments-reply-crumb = Reply
comments-in-the-thread = in the thread
comments-reply-note = Your reply answers the same guiding questions as this comment.
comments-reply-submit = Post reply

# Reporting (pages/comments/report.html, reported.html)
comments-report-intro = Tell the chairs why this comment should not be here. They decide; after reports from three people it is hidden until they do.
comments-report-reason = Reason
comments-report-note = Anything the chairs should know (optional)
comments-report-submit = Send the report
comments-reported-lead = The chairs will look at this comment and decide whether it stays published.
comments-back-to-roundtable = Back to the roundtable

# Withdrawing (pages/comments/withdraw.html)
comments-withdraw-warning = Withdrawing cannot be undone. If others replied, a note "withdrawn by its author" keeps their replies in place.
comments-withdraw-submit = Withdraw my comment
comments-withdraw-keep = Keep it

# Page titles the handlers choose (src/web/comments)
comments-edit-title = Edit your comment
comments-withdraw-title = Withdraw your comment
comments-report-title = Report a comment
comments-reported-title = Thank you for your report
comments-reply-title = Reply to { $name }
