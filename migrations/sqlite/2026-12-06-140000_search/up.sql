-- The search index of comments. Each comment's text is kept as the terms
-- the application made of it (words folded to lower case without accents,
-- stemmed in the comment's language), written in the same transaction as
-- the comment; `roundtable reindex` rebuilds it. Who may see a comment is
-- not kept here: searches join `comments` and read its status then.
CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY,
    comment_id TEXT NOT NULL UNIQUE REFERENCES comments (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es', 'other')),
    terms TEXT NOT NULL
);

-- FTS5 over the terms, one column per stemming, so that a query's words
-- are looked up in each language as that language stems them. The terms
-- are already folded: the tokenizer only splits them.
CREATE VIRTUAL TABLE comment_fts USING fts5 (
    en, fr, es, other,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER search_documents_fill_fts AFTER INSERT ON search_documents
BEGIN
    INSERT INTO comment_fts (rowid, en, fr, es, other) VALUES (
        new.id,
        CASE new.language WHEN 'en' THEN new.terms END,
        CASE new.language WHEN 'fr' THEN new.terms END,
        CASE new.language WHEN 'es' THEN new.terms END,
        CASE new.language WHEN 'other' THEN new.terms END);
END;

CREATE TRIGGER search_documents_refill_fts AFTER UPDATE ON search_documents
BEGIN
    DELETE FROM comment_fts WHERE rowid = old.id;
    INSERT INTO comment_fts (rowid, en, fr, es, other) VALUES (
        new.id,
        CASE new.language WHEN 'en' THEN new.terms END,
        CASE new.language WHEN 'fr' THEN new.terms END,
        CASE new.language WHEN 'es' THEN new.terms END,
        CASE new.language WHEN 'other' THEN new.terms END);
END;

CREATE TRIGGER search_documents_empty_fts AFTER DELETE ON search_documents
BEGIN
    DELETE FROM comment_fts WHERE rowid = old.id;
END;

-- Cached search pages follow the index (a rebuild changes what they show).
CREATE TRIGGER search_documents_insert_bumps_content AFTER INSERT ON search_documents
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;
CREATE TRIGGER search_documents_update_bumps_content AFTER UPDATE ON search_documents
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;
CREATE TRIGGER search_documents_delete_bumps_content AFTER DELETE ON search_documents
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;
