-- Moderation and notifications: each person's choice of chair alerts, opt-outs
-- by email topic, personal API tokens, last visits (for "new since your last
-- visit"), and the secret that signs emailed links. The secret lives in the
-- database so that every app instance signs and checks links alike.

-- Counts the author's edits, so that a chair's decision applies only to
-- the text the chair read.
ALTER TABLE comments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

ALTER TABLE users ADD COLUMN moderation_alerts TEXT NOT NULL DEFAULT 'immediate'
    CHECK (moderation_alerts IN ('immediate', 'hourly', 'daily', 'off'));

CREATE TABLE email_opt_outs (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('decisions', 'replies')),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, topic)
);

-- Only the token's SHA-256 is stored.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_digest TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, created_at);

CREATE TABLE roundtable_visits (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roundtable_id TEXT NOT NULL REFERENCES roundtables (id) ON DELETE CASCADE,
    last_seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, roundtable_id)
);

CREATE TABLE site_secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX comments_by_roundtable_status ON comments (roundtable_id, status, created_at);
CREATE INDEX moderation_events_by_time ON moderation_events (created_at);
CREATE INDEX comment_reports_by_comment ON comment_reports (comment_id, resolved_at);
