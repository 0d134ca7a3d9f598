# Late comments, deadline changes and followers (issue 19).
views-period-late-until = Past the deadline: late comments are taken until { $at }
invalid-grace-hours = Enter the grace period as a whole number of hours from 0 to { $max }, not '{ $value }'
invalid-deadline-reason-missing = Say why the comment deadline changes: followers are told
missing-late-comment = This comment was not posted late.
unauthorized-follow = Sign in to follow a roundtable.
late-grace-hours = Grace period after the deadline (hours, optional)
late-grace-hours-hint = Comments posted in these hours are marked late, and the chairs decide whether they enter the report. 0 or empty: none.
follow-deadline-reason = Why the comment deadline changes
follow-deadline-reason-hint = Required when you change the deadline: it is shown on the roundtable page and emailed to its followers.
late-grace-line = Comments close on { $at }; comments posted in the following { $hours } hours are marked late and the chairs decide whether they enter the report.
late-deadline-extended = Deadline extended on { $on } to { $to }: { $reason }
late-deadline-brought-forward = Deadline brought forward on { $on } to { $to }: { $reason }
late-deadline-set = Deadline set on { $on } to { $to }: { $reason }
late-deadline-removed = Deadline removed on { $on }: { $reason }
late-badge = Late
late-decision-undecided = Late — not decided yet
late-decision-included = Late — included by the chairs
late-decision-left_out = Late — not in the report
late-include-button = Include in the report
late-leave-out-button = Leave out of the report
late-done-included-title = Included in the report
late-done-included-detail = The late comment { $reference } now enters the report.
late-done-left-out-title = Left out of the report
late-done-left-out-detail = The late comment { $reference } stays out of the report. You can change this later.
late-filter = Late comments only
late-filter-all = All waiting comments
late-digest-section = Late comments not in the report
follow-now = You follow this roundtable: you are emailed when its deadline changes or its outcome is published.
follow-now-with-digest = You follow this roundtable, with a daily email of newly published comments.
follow-button = Follow this roundtable
follow-stop-button = Stop following
follow-add-digest-button = Also a daily email of newly published comments
follow-digest-option = Also a daily email of newly published comments
follow-done-following-title = You follow this roundtable
follow-done-following-detail = You will be emailed when its comment deadline changes and when its outcome is published.
follow-done-digest-title = You follow this roundtable
follow-done-digest-detail = You will be emailed when its comment deadline changes, when its outcome is published, and once a day when new comments are published.
follow-done-stopped-title = You no longer follow this roundtable
follow-done-stopped-detail = You will not be emailed about it any more. Commenting on it again does not change this.
follow-unsubscribed-topic = emails about { $roundtable }, which you no longer follow
follow-no-deadline = no deadline
follow-deadline-subject-extended = The comment deadline of { $roundtable } is extended
follow-deadline-subject-brought-forward = The comment deadline of { $roundtable } is brought forward
follow-deadline-subject-set = { $roundtable } now has a comment deadline
follow-deadline-subject-removed = { $roundtable } no longer has a comment deadline
follow-deadline-intro = The comment deadline of { $roundtable }, which you follow, has changed.
follow-deadline-from-to = { $previous } → { $new }
follow-deadline-reason-line = Why: { $reason }
follow-stop-text = Stop following { $roundtable }: { $link }
follow-stop-link = Stop following { $roundtable }
follow-outcome-subject = Version { $version } of the outcome of { $roundtable } is published
follow-outcome-read-text = Read it, with the changes since the previous version: { $link }
follow-outcome-read-link = Read it, with the changes since the previous version
follow-digest-subject = { $count ->
    [one] 1 new comment in { $roundtable }
   *[other] { $count } new comments in { $roundtable }
}
follow-digest-intro = { $count ->
    [one] One new comment was published in { $roundtable }, which you follow:
   *[other] { $count } new comments were published in { $roundtable }, which you follow:
}
follow-digest-more = { $count ->
    [one] and 1 more on the roundtable's page.
   *[other] and { $count } more on the roundtable's page.
}
follow-digest-read = Read
account-following-heading = Roundtables you follow
account-following-none = You follow no roundtable.
account-following-digest = with a daily email
