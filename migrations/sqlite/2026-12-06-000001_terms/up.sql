-- The terms and privacy notice people accept when they register. Every
-- version is kept, so that each consent names the text it was given to.
CREATE TABLE terms_versions (
    version INTEGER PRIMARY KEY NOT NULL,
    body_markdown TEXT NOT NULL,
    body_html TEXT NOT NULL,
    published_at TIMESTAMP NOT NULL,
    -- NULL: the text the software ships with.
    published_by TEXT REFERENCES users (id) ON DELETE SET NULL
);

ALTER TABLE users ADD COLUMN consented_terms_version INTEGER REFERENCES terms_versions (version);
