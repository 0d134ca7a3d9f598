-- The search index of comments. Each comment's text is kept as the terms
-- the application made of it (words folded to lower case without accents,
-- stemmed in the comment's language), written in the same transaction as
-- the comment; `roundtable reindex` rebuilds it. Who may see a comment is
-- not kept here: searches join `comments` and read its status then.
-- The terms are already stemmed, so the 'simple' configuration only
-- splits them; a query is matched against the comments of each language
-- with that language's stems.
CREATE TABLE search_documents (
    id BIGSERIAL PRIMARY KEY,
    comment_id TEXT NOT NULL UNIQUE REFERENCES comments (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es', 'other')),
    terms TEXT NOT NULL,
    vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, terms)) STORED
);
CREATE INDEX search_documents_vector ON search_documents USING GIN (vector);

-- Cached search pages follow the index (a rebuild changes what they show).
CREATE CONSTRAINT TRIGGER search_documents_bumps_content AFTER INSERT OR UPDATE OR DELETE ON search_documents
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');
