# Text the pages build in Rust: places, headings, counts, periods, notes.
views-online = Online
views-venue-and-online = { $venue } and online
views-consultations = Consultations
views-open-now = Open now
views-coming-up = Coming up
views-past = Past consultations
views-comment-count = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
views-comment-count-new = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}, { $new } new since your last visit
views-period-opens = Comments open on { $at }
views-period-open-until = Open for comments until { $at }
views-period-open = Open for comments
views-period-closed-on = Comments closed on { $at }
views-period-closed = Comments are closed
views-withdrawn-by-author = This comment was withdrawn by its author.
views-not-published = This comment is not published.
views-awaiting-decision = Awaiting the chair's decision: only you and the chairs see it
views-hidden-after-reports = Hidden after readers' reports, until a chair decides
views-status-not-published = Not published
views-kind-conference = Conference
views-kind-online_conference = Online conference
views-kind-workshop = Workshop
views-kind-workshop_series = Workshop series
views-kind-forum = Forum
views-kind-consultation = Consultation
views-status-draft = Draft
views-status-open = Open
views-status-closed = Closed
views-status-archived = Archived
views-role-organiser = Organised by
views-role-partner = In partnership with
views-role-patron = Under the auspices of
views-moderation-pre = Comments are published after a chair approves them
views-moderation-post = Comments are published at once; chairs may unpublish them
views-resource-background_paper = Background paper
views-resource-issues_paper = Issues paper
views-resource-publication = Publication
views-resource-organisation = Organisation
views-resource-other = Other
views-orgtype-national_government = National government
views-orgtype-local_authority = Local or regional authority
views-orgtype-international_organisation = International organisation
views-orgtype-civil_society = Civil-society organisation or NGO
views-orgtype-migrant_association = Migrant or diaspora association
views-orgtype-academia = Academia or research
views-orgtype-private_sector = Private sector
views-orgtype-media = Media
views-orgtype-individual = Individual
views-language-en = English
views-language-fr = French
views-language-es = Spanish
views-question-heading = Question { $number }: { $text }
views-across-questions = Across the questions
views-gender-woman = Woman
views-gender-man = Man
views-gender-another = Another gender
views-gender-prefer_not_to_say = Prefer not to say
views-userrole-participant = Participant
views-userrole-staff = Staff
views-userrole-admin = Administrator
views-reason-off_topic = Off-topic
views-reason-not_identified = Not correctly identified
views-reason-duplicate = Duplicate of another comment
views-reason-abusive = Abusive
views-reason-spam = Spam
views-reason-other = Other reason
views-comment-pending = Awaiting the chair's decision
views-comment-approved = Published
views-comment-rejected = Not published
views-comment-withdrawn = Withdrawn by its author
views-frequency-immediate = At once, then at most one email every 15 minutes
views-frequency-hourly = A summary every hour
views-frequency-daily = A summary every day
views-frequency-off = Never
views-topic-moderation = Comments waiting for my decision, as a chair
views-topic-decisions = Chairs' decisions on my comments
views-topic-replies = Published replies to my comments
views-topic-citations = A published outcome citing my comments
views-language-de = German
views-language-cs = Czech
views-language-ka = Georgian
views-language-ru = Russian
views-language-tr = Turkish
views-language-ar = Arabic
views-language-it = Italian
views-language-nl = Dutch
views-language-pt = Portuguese
views-waited-moment = less than a minute
views-waited-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
views-waited-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
views-waited-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
views-ago = { $time } ago
views-outcome-draft = Draft
views-outcome-published = Published
views-point-synthesis = Synthesis
views-point-recommendation = Recommendations
