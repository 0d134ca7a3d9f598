-- Old addresses keep working after staff rename a consultation or a
-- roundtable: each former slug points at what now carries it. A slug in
-- use again by a live consultation or roundtable wins over its redirect.
CREATE TABLE slug_redirects (
    id TEXT PRIMARY KEY NOT NULL,
    old_slug TEXT NOT NULL,
    consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    -- NULL: the consultation's own slug; else a roundtable's within it.
    roundtable_id TEXT REFERENCES roundtables (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX slug_redirects_by_slug ON slug_redirects (old_slug);
