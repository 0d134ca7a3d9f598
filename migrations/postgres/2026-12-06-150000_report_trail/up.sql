-- Issue 19: from comments to the report, traceably.

-- A chair's decision that a published comment is (or is not) retained for
-- the report, distinct from being visible. No row: not decided yet.
CREATE TABLE comment_relevance (
    comment_id TEXT PRIMARY KEY NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    retained BOOLEAN NOT NULL,
    decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at TIMESTAMP NOT NULL
);

-- Short labels chairs give comments, per roundtable; `label_key` is the
-- folded label, so "Funding" and "funding " are one theme.
CREATE TABLE themes (
    id TEXT PRIMARY KEY NOT NULL,
    roundtable_id TEXT NOT NULL REFERENCES roundtables (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    label_key TEXT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (roundtable_id, label_key)
);

CREATE TABLE comment_themes (
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    theme_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    tagged_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    tagged_at TIMESTAMP NOT NULL,
    PRIMARY KEY (comment_id, theme_id)
);
CREATE INDEX comment_themes_theme ON comment_themes (theme_id);

-- Comments posted after the deadline, in the roundtable's grace period:
-- `deadline` is the one they missed; `included` NULL until a chair decides
-- whether the comment enters the report.
CREATE TABLE late_comments (
    comment_id TEXT PRIMARY KEY NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    deadline TIMESTAMP NOT NULL,
    included BOOLEAN,
    decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at TIMESTAMP
);

-- Every change of a roundtable's comment deadline, with its reason.
CREATE TABLE deadline_changes (
    id TEXT PRIMARY KEY NOT NULL,
    roundtable_id TEXT NOT NULL REFERENCES roundtables (id) ON DELETE CASCADE,
    previous_close_at TIMESTAMP,
    new_close_at TIMESTAMP,
    reason TEXT NOT NULL,
    changed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX deadline_changes_roundtable ON deadline_changes (roundtable_id, created_at);

-- Who follows a roundtable. A row with `following` false remembers that a
-- participant stopped, so commenting again does not follow them anew.
CREATE TABLE roundtable_followers (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roundtable_id TEXT NOT NULL REFERENCES roundtables (id) ON DELETE CASCADE,
    following BOOLEAN NOT NULL,
    daily_digest BOOLEAN NOT NULL,
    digest_sent_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, roundtable_id)
);
CREATE INDEX roundtable_followers_roundtable ON roundtable_followers (roundtable_id, following);

-- Every save of an outcome, as its canonical JSON; a published save has a
-- version number (1, 2, ...) and the SHA-256 fingerprint of that JSON.
CREATE TABLE outcome_revisions (
    id TEXT PRIMARY KEY NOT NULL,
    outcome_id TEXT NOT NULL REFERENCES roundtable_outcomes (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    version INTEGER,
    content_json TEXT NOT NULL,
    fingerprint TEXT,
    saved_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    saved_at TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    UNIQUE (outcome_id, revision)
);
CREATE UNIQUE INDEX outcome_revisions_version ON outcome_revisions (outcome_id, version)
    WHERE version IS NOT NULL;
CREATE INDEX outcome_revisions_fingerprint ON outcome_revisions (fingerprint);

-- Each digest file the application produced: the fingerprint printed in
-- it (over its canonical form) and the SHA-256 of the file as delivered.
CREATE TABLE digest_files (
    id TEXT PRIMARY KEY NOT NULL,
    consultation_id TEXT REFERENCES consultations (id) ON DELETE SET NULL,
    roundtable_id TEXT REFERENCES roundtables (id) ON DELETE SET NULL,
    format TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    comment_count INTEGER NOT NULL,
    generated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    generated_at TIMESTAMP NOT NULL
);
CREATE INDEX digest_files_fingerprint ON digest_files (fingerprint);
CREATE INDEX digest_files_file ON digest_files (file_sha256);

-- What pages show changes with these; followers and digest files show nowhere.
ALTER TABLE roundtables ADD COLUMN grace_minutes INTEGER;

CREATE CONSTRAINT TRIGGER comment_relevance_bumps_content AFTER INSERT OR UPDATE OR DELETE ON comment_relevance
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER themes_bumps_content AFTER INSERT OR UPDATE OR DELETE ON themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER comment_themes_bumps_content AFTER INSERT OR UPDATE OR DELETE ON comment_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER late_comments_bumps_content AFTER INSERT OR UPDATE OR DELETE ON late_comments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER deadline_changes_bumps_content AFTER INSERT OR UPDATE OR DELETE ON deadline_changes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER outcome_revisions_bumps_content AFTER INSERT OR UPDATE OR DELETE ON outcome_revisions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

