-- The search index of comments. Each comment's text is kept as the terms
-- the application made of it (words folded to lower case without accents,
-- stemmed in the comment's language), written in the same transaction as
-- the comment; `roundtable reindex` rebuilds it.
CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY,
    comment_id TEXT NOT NULL UNIQUE REFERENCES comments (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es', 'other')),
    terms TEXT NOT NULL
);

-- What searches filter on, as words the full-text engine intersects with
-- the query's (much faster than joining each match to its comment): the
-- status ('stpending'…), 'xhidden' while readers' reports hide it, its
-- roundtable ('rt' and the id's hex digits), consultation ('cn…'), guiding
-- questions ('qn…'), organisation type ('ot…') and country ('cc…').
-- Derived here, from the rows themselves, and refreshed by the triggers
-- below whenever one of them changes: no writer can forget it.
CREATE VIEW search_meta AS
SELECT c.id AS comment_id,
       'st' || c.status
       || CASE WHEN c.hidden_by_reports THEN ' xhidden' ELSE '' END
       || ' rt' || replace(c.roundtable_id, '-', '')
       || ' cn' || replace(r.consultation_id, '-', '')
       || COALESCE(' ot' || replace(c.author_organisation_type, '_', ''), '')
       || COALESCE(' cc' || lower(c.author_country_code), '')
       || COALESCE((SELECT ' ' || group_concat('qn' || replace(t.guiding_question_id, '-', ''), ' ')
                    FROM comment_guiding_questions t WHERE t.comment_id = c.id), '')
       AS meta
FROM comments c JOIN roundtables r ON r.id = c.roundtable_id;

-- FTS5 over the terms, one column per stemming, so that a query's words
-- are looked up in each language as that language stems them, and the
-- filter words in a column of their own. The terms are already folded:
-- the tokenizer only splits them.
CREATE VIRTUAL TABLE comment_fts USING fts5 (
    en, fr, es, other, meta,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER search_documents_fill_fts AFTER INSERT ON search_documents
BEGIN
    INSERT INTO comment_fts (rowid, en, fr, es, other, meta) VALUES (
        new.id,
        CASE new.language WHEN 'en' THEN new.terms END,
        CASE new.language WHEN 'fr' THEN new.terms END,
        CASE new.language WHEN 'es' THEN new.terms END,
        CASE new.language WHEN 'other' THEN new.terms END,
        (SELECT meta FROM search_meta WHERE comment_id = new.comment_id));
END;

CREATE TRIGGER search_documents_refill_fts AFTER UPDATE ON search_documents
BEGIN
    DELETE FROM comment_fts WHERE rowid = old.id;
    INSERT INTO comment_fts (rowid, en, fr, es, other, meta) VALUES (
        new.id,
        CASE new.language WHEN 'en' THEN new.terms END,
        CASE new.language WHEN 'fr' THEN new.terms END,
        CASE new.language WHEN 'es' THEN new.terms END,
        CASE new.language WHEN 'other' THEN new.terms END,
        (SELECT meta FROM search_meta WHERE comment_id = new.comment_id));
END;

CREATE TRIGGER search_documents_empty_fts AFTER DELETE ON search_documents
BEGIN
    DELETE FROM comment_fts WHERE rowid = old.id;
END;

-- A decision, a withdrawal, a report hiding it, an erasure, or its
-- questions re-tagged: the filter words follow in the same transaction.
CREATE TRIGGER comments_refresh_search AFTER UPDATE OF status, hidden_by_reports, author_organisation_type, author_country_code ON comments
WHEN old.status IS NOT new.status
  OR old.hidden_by_reports IS NOT new.hidden_by_reports
  OR old.author_organisation_type IS NOT new.author_organisation_type
  OR old.author_country_code IS NOT new.author_country_code
BEGIN
    UPDATE search_documents SET terms = terms WHERE comment_id = new.id;
END;

CREATE TRIGGER question_tag_added_refreshes_search AFTER INSERT ON comment_guiding_questions
BEGIN
    UPDATE search_documents SET terms = terms WHERE comment_id = new.comment_id;
END;

CREATE TRIGGER question_tag_removed_refreshes_search AFTER DELETE ON comment_guiding_questions
BEGIN
    UPDATE search_documents SET terms = terms WHERE comment_id = old.comment_id;
END;
