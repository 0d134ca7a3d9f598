# Why a value or a request is refused (src/domain, src/services, src/web).
# Field messages are shown next to their field; the others stand alone.

## Values typed into a field
invalid-password-common = is too easy to guess: choose a less common one, such as a few unrelated words
invalid-password-short = must be at least { $min } characters long
invalid-password-long = must be at most { $max } characters long
invalid-current-password = is not your current password
invalid-credentials = the email address or the password is wrong
invalid-account-deactivated = this account has been deactivated; write to the organisers if you think this is a mistake
invalid-email = must be an email address such as name@example.org
invalid-email-taken-meanwhile = another account took this address meanwhile
invalid-name-length = must be 1 to 100 characters long
invalid-organisation-length = must be 1 to 200 characters long (write None if you speak for yourself)
invalid-organisation-type-missing = choose the kind of organisation you speak for
invalid-organisation-type = '{ $value }' is not an organisation type
invalid-country-missing = choose a country
invalid-country = '{ $value }' is not an ISO 3166 country code
invalid-choice = '{ $value }' is not one of the choices
invalid-consent-missing = you must accept the terms to take part
invalid-token-name = must be 1 to 100 characters long, such as "Report script"
invalid-alert-frequency = Choose one of the listed frequencies.
invalid-boolean = must be true or false
invalid-unreadable = could not be read: { $detail }

## Comments and moderation
invalid-comment-empty = Write your comment before sending it.
invalid-comment-too-long = Your comment is { $length } characters long; the limit is { $limit }.
invalid-comment-question = Question { $number } is not one of this roundtable's open questions.
invalid-question-number = '{ $value }' is not a question number
invalid-comment-language = Write in one of this consultation's languages: { $languages }.
invalid-reply-parent = The comment you reply to is not published in this roundtable.
invalid-reply-too-deep = Replies can nest at most { $max } levels deep, and this thread has reached that depth. Reply to an earlier comment of the thread, or post a new comment.
invalid-control-character = The field “{ $field }” contains an invisible control character ({ $code }), which cannot be stored. It often comes with text pasted from another program: remove it and send again. Nothing was saved.
invalid-comment-period = the comment period must close after it opens
invalid-moderation-reason = Choose one of the listed reasons.
invalid-note-too-long = Your note is { $length } characters long; the limit is { $limit }.
invalid-moderation-action = must be one of: { $actions }
invalid-moderation-action-missing = Choose a decision.
invalid-moderation-reason-unused = A reason goes only with “Reject” or “Unpublish”: choose one of those, or clear the reason. Nothing was decided.
invalid-moderation-nothing-selected = Select at least one comment.

## Setting up consultations and roundtables
invalid-title-missing = Give a title.
invalid-too-long = Keep it under { $limit } characters ({ $length } now).
invalid-slug-length = The web address name must be 1 to { $max } characters long.
invalid-slug-characters = The web address name may contain only lowercase letters, digits and single hyphens between them.
invalid-slug-reserved = '{ $slug }' names a page of its own here: choose another web address name.
invalid-slug-taken = '{ $slug }' is already in use: choose another web address name.
invalid-slug-exhausted = Choose a web address name: every one made from this title is taken.
invalid-local-time = Give a date and time such as 2026-11-25 09:30.
invalid-skipped-time = { $time } does not exist in { $zone }: the clocks jump over it.
invalid-end-before-start = The end must come after the start.
invalid-time-zone = '{ $value }' is not an IANA time zone such as Europe/Prague
invalid-time-zone-choice = Choose the time zone from the list.
invalid-language-code = '{ $value }' is not a language code such as en, fr or es
invalid-language-choice = Choose English, French or Spanish.
invalid-event-kind = Choose what kind of event this is.
invalid-status = '{ $value }' is not one of draft, open, closed, archived
invalid-status-choice = Choose draft, open, closed or archived.
invalid-status-archived = An archived consultation stays archived.
invalid-status-backwards = A consultation that is { $from ->
        [open] open
        [closed] closed
        [archived] archived
       *[draft] a draft
    } cannot go back to { $to ->
        [open] open
        [closed] closed
        [archived] archived
       *[draft] draft
    }.
invalid-organisation-url = '{ $value }' is not a web address starting with https://.
invalid-organisation-lines = Give each organisation's name on its own line.
invalid-moderation-mode = Choose how comments are moderated.
invalid-parent-choice = Choose the parent roundtable from the list.
invalid-parent-elsewhere = The parent roundtable belongs to another consultation.
invalid-parent-nested = '{ $title }' is itself a sub-roundtable: roundtables nest one level deep.
invalid-parent-has-children = This roundtable has sub-roundtables of its own: roundtables nest one level deep.
invalid-questions-too-many = A roundtable has at most { $limit } guiding questions.
invalid-question-gone = This question was removed meanwhile: reload the page.
invalid-question-in-use = { $count ->
        [one] One comment answers
       *[other] { $count } comments answer
    } this question: it cannot be removed, only retired (it then stays on those comments and in exports).
invalid-roundtable-choice = Choose the roundtable from the list.
invalid-programme-start-missing = Give the time it starts.
invalid-speaker-too-long = Keep each speaker's line under 200 characters.
invalid-resource-kind = Choose what kind of resource it is.
invalid-url-missing = Give a web address starting with https://.

## Outcomes and exports
invalid-outcome-summary-long = Keep the introduction under { $limit } characters.
invalid-outcome-section-long = Keep this section under { $limit } characters.
invalid-outcome-points = A section holds at most { $limit } points; this one has { $count }.
invalid-outcome-empty = Write at least one synthesis point or recommendation before publishing.
invalid-citation-unknown = #{ $reference } is not a published comment of this roundtable: check the reference beside the comment.
invalid-citation-ambiguous = #{ $reference } fits { $count } comments: give more of its reference.
invalid-digest-format = '{ $value }' is not a format: choose csv, xlsx, json, md or html.
invalid-date = Give a date as YYYY-MM-DD, such as 2020-11-25.
invalid-digest-question = Choose a question by its number.
invalid-digest-dates = The end date comes before the start date.

## Accounts, for administrators
invalid-last-admin = this is the last active administrator
invalid-role = '{ $value }' is not a role
invalid-own-role = you cannot change your own role: ask another administrator
invalid-own-deactivation = you cannot deactivate your own account
invalid-already-chair = already chairs this roundtable
invalid-unknown-account = unknown account

## The API's query parameters
invalid-limit = must be a whole number from 1 to { $max }, not '{ $value }'
invalid-cursor = is not a cursor this API returned
invalid-api-status = must be open, closed or archived, not '{ $value }'

## Nothing at this address
missing-account = There is no account at this address.
missing-comment = There is no comment at this address.
missing-own-comment = There is no comment of yours at this address.
missing-citable-comment = There is no published comment of this roundtable with that reference to cite.
missing-published-comment = There is no published comment at this address.
missing-consultation = There is no consultation at this address.
missing-roundtable = There is no roundtable at this address.
missing-dead-email = There is no undelivered email at this address.
missing-token = There is no API token at this address.
missing-file = There is no file at this address.
missing-api-resource = There is no API resource at this address.
missing-language = There is no language at this address.
missing-page = There is no page at this address.
missing-programme-item = There is no programme item at this address.
missing-resource = There is no resource at this address.

## Sign in first
unauthorized-moderation = Sign in to moderate: the queue is for chairs and staff.
unauthorized-outcome = Sign in: the roundtable's chairs write its outcome.
unauthorized-authoring = Sign in: staff set up consultations.
unauthorized-export = Sign in: exports are for staff and the roundtable's chairs.
unauthorized-comment = Sign in to take part: comments are published under their author's name.
unauthorized-api = Sign in, or send a personal API token from your account page as "Authorization: Bearer <token>".
unauthorized-bearer-format = The Authorization header must read "Bearer <token>".
unauthorized-token-unknown = This API token is unknown or revoked.

## Not allowed
forbidden-csrf = This form has expired or did not come from this site. Go back, reload the page and send it again.
forbidden-api-csrf = With a session cookie, send the page's anti-forgery token in the X-CSRF-Token header.
forbidden-unconfirmed = Confirm your email address first: follow the link we sent you.
forbidden-moderation = Only chairs and staff moderate comments.
forbidden-not-chair = You do not chair this comment's roundtable.
forbidden-audit = Only staff read the audit trail.
forbidden-trust = Only staff mark participants as trusted.
forbidden-authoring = Only staff set up consultations.
forbidden-outcome = Only the roundtable's chairs and staff write its outcome.
forbidden-export = Only staff and the roundtable's chairs export its comments.
forbidden-export-unpublished = Only staff include comments that are not published.
forbidden-accounts = Only administrators manage accounts.
forbidden-email-queue = Only staff see the email queue.

## The request came too late: something changed first
conflict-archived = This consultation is archived: it is read-only.
conflict-archived-outcome = This consultation is archived: its outcomes are read-only.
conflict-outcome-exists = The roundtable has an outcome already.
conflict-outcome-saved-since = { $who } saved this outcome ({ $when }) after you opened it. Your text is still in the form: open the roundtable in another tab to compare, then save again to replace theirs.
conflict-outcome-saved-meanwhile = Someone saved this outcome after you opened it. Your text is still in the form: open the roundtable in another tab to compare, then save again to replace theirs.
conflict-comment-decided = A chair has already decided on this comment, so it can no longer be edited.
conflict-comment-decided-meanwhile = A chair decided on this comment while you were editing it.
conflict-report-own = This is your own comment: withdraw it instead of reporting it.
conflict-report-twice = You have already reported this comment; the chairs will look at it.
conflict-edited-since = Its author edited the comment since you read it: read it again before deciding.
conflict-not-possible = Not possible: { $why }.
conflict-already-decided = Already decided: the comment’s status is now “{ $status }”.
conflict-already-decided-by = Already decided: { $who } { $action ->
        [published] published
        [rejected] rejected
        [unpublished] unpublished
        [highlighted] highlighted
        [highlight_removed] removed the highlight of
        [retagged] changed the questions of
        [reports_dismissed] dismissed the reports on
        [withdrawn] withdrew
       *[other] decided on
    } this comment at { $at }; its status is now “{ $status }”.
not-applicable-withdrawn = its author has withdrawn this comment
not-applicable-highlight = only a published comment can be highlighted

## Titles and details of error answers
problem-not-found = Not found
problem-invalid-parameter = Invalid parameter
problem-invalid-content = Invalid content
problem-forbidden = Forbidden
problem-unauthorized = Sign-in required
problem-conflict = Conflict
problem-too-many = Too many attempts
problem-too-large = Request too large
problem-too-large-detail = The request is larger than the { $kilobytes } KB this site accepts. Nothing was saved: shorten the text and send it again.
problem-unavailable = Service unavailable
problem-internal = Internal error
problem-error = Error
problem-too-many-seconds = Too many attempts in a short time. Please try again in { $count } seconds.
problem-too-many-minutes = Too many attempts in a short time. Please try again in { $count ->
        [one] a minute
       *[other] { $count } minutes
    }.
problem-too-many-hours = Too many attempts in a short time. Please try again in { $count ->
        [one] an hour
       *[other] { $count } hours
    }.
problem-unavailable-detail = The service cannot reach its database right now. Please try again in a minute.
problem-busy-detail = Too many exports are being prepared at this moment. Please try again in a minute.
problem-internal-detail = Something went wrong on our side. It has been logged; please try again later.
problem-nothing-here = There is nothing at this address.
problem-method = This address does not accept that kind of request.
problem-method-not-allowed = Method not allowed
problem-method-allowed = This address does not accept { $method } requests; it accepts { $allowed }.
problem-not-understood = The request could not be understood.
not-applicable-archived = its consultation is archived: decisions there are final
invalid-comment-question-gone = A question you chose was retired meanwhile: choose again.

unauthorized-terms = Sign in: staff edit the terms and privacy notice.
forbidden-terms = Only staff edit the terms and privacy notice.
invalid-terms-empty = Write the terms before publishing them.
invalid-terms-intent = Choose Preview or Publish.
conflict-terms-published = Someone published another version at the same moment. Nothing was published; your text is kept here: publish it again to replace theirs.

invalid-order = '{ $value }' is not an order of comments: use oldest or newest.
invalid-page = '{ $value }' is not a page number: use a whole number from 1.
missing-comments-page = This roundtable has fewer pages of comments: go back to the first page.
invalid-reading-question = '{ $value }' is not one of this roundtable's questions: use a question's number, or general.
invalid-comment-reference = '{ $value }' is not a comment reference: references look like c-2f9a01bc.
invalid-search-empty = Type a word or a "quoted phrase" to search for.
invalid-search-too-long = Your search is { $length } characters long; the limit is { $limit }.
invalid-search-unclosed-quote = A quotation mark is not closed: put one at each end of a phrase.
invalid-search-no-words = Add at least one word to look for; a word with a minus sign before it is only left out.
invalid-search-consultation = There is no such consultation to search in.
invalid-search-roundtable = There is no such roundtable in this consultation.
invalid-search-question = This roundtable has no such guiding question.
invalid-search-date = '{ $value }' is not a date: write it as year-month-day, for example 2026-03-31.
invalid-search-dates-reversed = The end date comes before the start date.
invalid-search-too-many = This search matches more than { $limit } comments of one roundtable: add a word, a phrase or a filter to narrow it.
invalid-search-word-too-long = A word of your search is longer than { $limit } letters: no word of a comment is that long.

## Outcome versions and /verify
missing-outcome-version = There is no published version of this outcome at this address.
invalid-fingerprint-empty = Enter a fingerprint, or upload a file below.
invalid-fingerprint-not-hex = A fingerprint is 'sha256:' followed by 64 characters from 0 to 9 and a to f.
invalid-fingerprint-length = A fingerprint has 64 characters after 'sha256:': check that you copied all of it.
invalid-verify-file-missing = Choose a digest file to check.
invalid-verify-file-empty = The file you chose is empty.
invalid-verify-file-too-large = The file is larger than { $limit } MB: no digest file from this site is that large.
