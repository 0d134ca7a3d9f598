-- The whole data model. Ids are UUID v7 as 36-character text (they sort by
-- creation time); times are UTC without a zone. Keep this file in step with
-- migrations/postgres: a test compares the two.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    organisation_type TEXT,
    country_code TEXT,
    gender TEXT CHECK (gender IN ('woman', 'man', 'another', 'prefer_not_to_say')),
    role TEXT NOT NULL DEFAULT 'participant' CHECK (role IN ('participant', 'staff', 'admin')),
    trusted BOOLEAN NOT NULL DEFAULT 0,
    preferred_language TEXT,
    password_hash TEXT,
    verified_at TIMESTAMP,
    consented_at TIMESTAMP,
    deactivated_at TIMESTAMP,
    erased_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX users_role ON users (role, created_at);

CREATE TABLE consultations (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    description_markdown TEXT NOT NULL DEFAULT '',
    description_html TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('conference', 'online_conference', 'workshop', 'workshop_series', 'forum', 'consultation')),
    venue TEXT,
    online BOOLEAN NOT NULL DEFAULT 0,
    starts_at TIMESTAMP,
    ends_at TIMESTAMP,
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    languages TEXT NOT NULL DEFAULT 'en',
    content_language TEXT NOT NULL DEFAULT 'en',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'archived')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX consultations_status_starts ON consultations (status, starts_at);

CREATE TABLE consultation_organisations (
    id TEXT PRIMARY KEY NOT NULL,
    consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('organiser', 'partner', 'patron')),
    name TEXT NOT NULL,
    url TEXT,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consultation_organisations_by_consultation ON consultation_organisations (consultation_id, position);

CREATE TABLE roundtables (
    id TEXT PRIMARY KEY NOT NULL,
    consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES roundtables (id) ON DELETE SET NULL,
    code TEXT,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    background_markdown TEXT NOT NULL DEFAULT '',
    background_html TEXT NOT NULL DEFAULT '',
    objectives_markdown TEXT NOT NULL DEFAULT '',
    objectives_html TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    moderation_mode TEXT NOT NULL DEFAULT 'pre' CHECK (moderation_mode IN ('pre', 'post')),
    comments_open_at TIMESTAMP,
    comments_close_at TIMESTAMP,
    starts_at TIMESTAMP,
    ends_at TIMESTAMP,
    venue TEXT,
    content_language TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (consultation_id, slug)
);
CREATE INDEX roundtables_by_consultation ON roundtables (consultation_id, position);
CREATE INDEX roundtables_by_parent ON roundtables (parent_id);

CREATE TABLE guiding_questions (
    id TEXT PRIMARY KEY NOT NULL,
    roundtable_id TEXT NOT NULL REFERENCES roundtables (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    retired_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX guiding_questions_by_roundtable ON guiding_questions (roundtable_id, position);

CREATE TABLE programme_items (
    id TEXT PRIMARY KEY NOT NULL,
    consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    roundtable_id TEXT REFERENCES roundtables (id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    speakers TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX programme_items_by_consultation ON programme_items (consultation_id, roundtable_id, starts_at);
CREATE INDEX programme_items_by_roundtable ON programme_items (roundtable_id, starts_at);

CREATE TABLE chair_assignments (
    id TEXT PRIMARY KEY NOT NULL,
    roundtable_id TEXT NOT NULL REFERENCES roundtables (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    assigned_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (roundtable_id, user_id)
);
CREATE INDEX chair_assignments_by_user ON chair_assignments (user_id);

CREATE TABLE comments (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    roundtable_id TEXT NOT NULL REFERENCES roundtables (id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES comments (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    author_organisation TEXT NOT NULL DEFAULT '',
    author_organisation_type TEXT,
    author_country_code TEXT,
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL,
    language TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
    highlighted BOOLEAN NOT NULL DEFAULT 0,
    hidden_by_reports BOOLEAN NOT NULL DEFAULT 0,
    path TEXT NOT NULL,
    depth INTEGER NOT NULL DEFAULT 0,
    decision_reason TEXT,
    decision_note TEXT,
    decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    edited_at TIMESTAMP
);
CREATE INDEX comments_thread_order ON comments (roundtable_id, path);
CREATE INDEX comments_by_status ON comments (status, created_at);
CREATE INDEX comments_by_author ON comments (author_id, created_at);
CREATE INDEX comments_by_parent ON comments (parent_id);

CREATE TABLE comment_guiding_questions (
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    guiding_question_id TEXT NOT NULL REFERENCES guiding_questions (id) ON DELETE CASCADE,
    PRIMARY KEY (comment_id, guiding_question_id)
);
CREATE INDEX comment_guiding_questions_by_question ON comment_guiding_questions (guiding_question_id);

CREATE TABLE moderation_events (
    id TEXT PRIMARY KEY NOT NULL,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    reason_code TEXT,
    note TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX moderation_events_by_comment ON moderation_events (comment_id, created_at);

CREATE TABLE comment_reports (
    id TEXT PRIMARY KEY NOT NULL,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    reporter_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    note TEXT,
    created_at TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP,
    resolved_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    resolution TEXT,
    UNIQUE (comment_id, reporter_id)
);
CREATE INDEX comment_reports_open ON comment_reports (resolved_at, created_at);

CREATE TABLE email_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    headers_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    last_error TEXT,
    dedup_key TEXT UNIQUE,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);

CREATE TABLE resources (
    id TEXT PRIMARY KEY NOT NULL,
    consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    roundtable_id TEXT REFERENCES roundtables (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('background_paper', 'issues_paper', 'publication', 'organisation', 'other')),
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX resources_by_consultation ON resources (consultation_id, roundtable_id, position);
CREATE INDEX resources_by_roundtable ON resources (roundtable_id, position);

CREATE TABLE roundtable_outcomes (
    id TEXT PRIMARY KEY NOT NULL,
    roundtable_id TEXT NOT NULL UNIQUE REFERENCES roundtables (id) ON DELETE CASCADE,
    summary_markdown TEXT NOT NULL DEFAULT '',
    summary_html TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    published_at TIMESTAMP,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE outcome_points (
    id TEXT PRIMARY KEY NOT NULL,
    outcome_id TEXT NOT NULL REFERENCES roundtable_outcomes (id) ON DELETE CASCADE,
    guiding_question_id TEXT REFERENCES guiding_questions (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('synthesis', 'recommendation')),
    position INTEGER NOT NULL,
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL
);
CREATE INDEX outcome_points_by_outcome ON outcome_points (outcome_id, position);

CREATE TABLE outcome_citations (
    outcome_point_id TEXT NOT NULL REFERENCES outcome_points (id) ON DELETE CASCADE,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    PRIMARY KEY (outcome_point_id, comment_id)
);
CREATE INDEX outcome_citations_by_comment ON outcome_citations (comment_id);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY NOT NULL,
    actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    details_json TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_by_entity ON audit_log (entity_type, entity_id, created_at);
