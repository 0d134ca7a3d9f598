# Setting up: consultations, roundtables, accounts and undelivered emails (staff and administrators).

# Shared
admin-breadcrumb = Breadcrumb
admin-correct-this = Please correct this
admin-choose = Choose…
admin-title = Title
admin-slug = Web address name
admin-status = Status
admin-public-page = Public page
admin-preview = Preview
admin-save-changes = Save changes
admin-content-language = Language of the texts
admin-remove = Remove
admin-accounts = Accounts
admin-organisation = Organisation
admin-role = Role
admin-state = State

# Consultations (pages/admin/consultations.html, consultation_form.html)
admin-consultations-title = Consultations
admin-consultations-new = New consultation
admin-consultations-caption = Every consultation, drafts included, newest first
admin-consultations-empty = No consultation yet.
admin-all-consultations = All consultations
admin-consultation-slug-hint = Lowercase letters, digits and hyphens, as in /c/prague-cities-2019. Leave empty to make one from the title. Old addresses keep working after a change.
admin-consultation-summary = Summary (one paragraph, for lists and feeds)
admin-consultation-description = Description (Markdown)
admin-consultation-description-hint = Headings, lists, links and tables are allowed. Use Preview to see it as published.
admin-consultation-preview-heading = Preview of the description
admin-consultation-kind = Kind of event
admin-consultation-venue = Venue
admin-consultation-venue-hint = City and building, if it meets in person.
admin-consultation-online = Takes place online (too)
admin-consultation-time-zone = Time zone of the event
admin-consultation-time-zone-hint = Times below, and on the public pages, are in this zone.
admin-consultation-starts = Starts
admin-consultation-ends = Ends
admin-consultation-comment-languages = Languages comments may be written in
admin-consultation-organisers = Organised by
admin-consultation-organisers-hint = One organisation a line; add its web address after a bar: Name | https://example.org
admin-consultation-partners = In partnership with
admin-consultation-partners-hint = One organisation a line, as above.
admin-consultation-status-hint = A draft is seen by staff only. Open: people read and comment. Closed: people read, nobody comments. Archived: read-only for good.
admin-consultation-create = Create the consultation
admin-consultation-roundtables = Roundtables
admin-consultation-move-up = Up
admin-consultation-move-down = Down
admin-consultation-move-up-label = Move { $title } up
admin-consultation-move-down-label = Move { $title } down
admin-consultation-add-sub = Add a sub-roundtable
admin-consultation-no-roundtable = No roundtable yet.
admin-consultation-new-roundtable = New roundtable

# A roundtable (pages/admin/roundtable_form.html)
admin-roundtable-code = Code
admin-roundtable-code-hint = Optional, such as RT 3.2.
admin-roundtable-slug-hint = Leave empty to make one from the title. Old addresses keep working after a change.
admin-roundtable-parent = Part of
admin-roundtable-no-parent = No parent: a roundtable of its own
admin-roundtable-summary = Summary
admin-roundtable-background-markdown = Background (Markdown)
admin-roundtable-objectives-markdown = Objectives (Markdown)
admin-roundtable-background = Background
admin-roundtable-objectives = Objectives
admin-roundtable-moderation = Moderation
admin-roundtable-times-zone = Times are in the consultation's zone, { $zone }.
admin-roundtable-comments-open = Comments open
admin-roundtable-comments-open-hint = Empty: open as soon as the consultation is.
admin-roundtable-comments-close = Comments close
admin-roundtable-comments-close-hint = Empty: open until the consultation closes.
admin-roundtable-starts = Session starts
admin-roundtable-ends = Session ends
admin-roundtable-venue = Room or venue
admin-roundtable-language-as-consultation = As the consultation
admin-roundtable-questions = Guiding questions
admin-roundtable-question-number = Question { $number }
admin-roundtable-question-retired = (retired)
admin-roundtable-question-uses = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
admin-roundtable-question-place = Place
admin-roundtable-question-keep = Keep
admin-roundtable-question-keep-retired = Keep retired
admin-roundtable-question-retire = Retire (stays on its comments and in exports)
admin-roundtable-question-remove = Remove
admin-roundtable-add-questions = Add questions
admin-roundtable-add-questions-hint = One question a line; they come after the others.
admin-roundtable-create = Create the roundtable
admin-roundtable-chairs = Chairs
admin-roundtable-no-chair = No chair yet: comments wait for staff until a chair is assigned.
admin-roundtable-find-person = Find a person by name, organisation or email
admin-roundtable-search = Search
admin-roundtable-make-chair = Make chair
admin-roundtable-nobody-matches = Nobody matches "{ $search }".

# One account (pages/admin/user.html)
admin-user-email = Email address
admin-user-email-confirmed = confirmed
admin-user-email-not-confirmed = not confirmed
admin-user-deactivated = Deactivated: cannot sign in or post
admin-user-active = Active
admin-user-change-role = Change the role
# Heading over the roundtables this person chairs
admin-user-chairs = Chairs
admin-user-chairs-none = Chairs no roundtable.
admin-user-make-chair-of = Make chair of
admin-user-choose-roundtable = Choose a roundtable…
admin-user-assign = Assign
admin-user-access = Access
admin-user-reactivate = Reactivate the account
admin-user-deactivate-note = A deactivated account can no longer sign in or post; its comments stay.
admin-user-deactivate = Deactivate the account

# Accounts (pages/admin/users.html)
admin-users-search = Name, organisation or email
admin-users-any-role = Any
admin-users-address = Address
admin-users-any-address = Any
admin-users-address-confirmed = Confirmed
admin-users-address-not-confirmed = Not confirmed
admin-users-filter = Filter
admin-users-caption = Accounts, newest first
admin-users-name = Name
admin-users-email = Email
admin-users-state-deactivated = deactivated
admin-users-state-confirmed = confirmed
admin-users-state-not-confirmed = not confirmed
admin-users-limit = At most 50 accounts are listed; narrow the search to find others.
admin-users-empty = No account matches.

# Undelivered emails (pages/admin/emails.html)
admin-emails-title = Undelivered emails
admin-emails-lead = Emails that failed every try. Fix the cause (often the mail server's settings), then send them again.
admin-emails-caption = Undelivered emails, newest first
admin-emails-queued = Queued
admin-emails-kind = Kind
admin-emails-to = To
admin-emails-subject = Subject
admin-emails-tries = Tries
admin-emails-last-error = Last error
admin-emails-action = Action
admin-emails-retry = Retry
admin-emails-empty = Every email was delivered.
admin-consultation-patrons-label = Under the auspices of
admin-consultation-patrons-hint = One organisation a line, as above.
# The programme and resources of a consultation
admin-programme-heading = Programme
admin-programme-none = No programme item yet.
admin-programme-add = Add to the programme
admin-programme-starts = Starts
admin-programme-ends = Ends
admin-programme-title = Title
admin-programme-description = Description
admin-programme-speakers = Speakers
admin-programme-speakers-hint = One a line, such as "Name, Organisation".
admin-entry-roundtable = For
admin-entry-whole-consultation = The whole consultation
admin-resources-heading = Resources
admin-resources-none = No resource yet.
admin-resources-add = Add a resource
admin-resources-kind = Kind
admin-resources-title = Title
admin-resources-url = Web address
admin-resources-description = Description
admin-account-title = Account of { $name }
admin-edit-title = Edit { $title }
admin-new-consultation-title = New consultation
admin-new-roundtable-title = New roundtable
admin-entry-edit = Edit
admin-entry-save = Save changes
admin-entry-cancel = Cancel
admin-programme-edit = Edit the programme item
admin-resources-edit = Edit the resource
admin-done-saved = “{ $title }” is saved.
admin-done-programme-saved = The programme of “{ $title }” is saved.
admin-done-programme-removed = The item is removed from the programme of “{ $title }”.
admin-done-resource-saved = The resources of “{ $title }” are saved.
admin-done-resource-removed = The resource is removed from “{ $title }”.
admin-done-moved = The roundtables of “{ $title }” are in their new order.
admin-done-chair-added = The chair is added to “{ $title }”.
admin-done-chair-removed = The chair is removed from “{ $title }”.
admin-remove-programme-title = Remove this item from the programme?
admin-remove-resource-title = Remove this resource?
admin-remove-cannot-undo = It cannot be brought back: it would have to be entered again.
admin-remove-keep = No, keep it
