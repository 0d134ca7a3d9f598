-- The search index of comments. Each comment's text is kept as the terms
-- the application made of it (words folded to lower case without accents,
-- stemmed in the comment's language), written in the same transaction as
-- the comment; `roundtable reindex` rebuilds it. A query is matched
-- against the comments of each language with that language's stems.
CREATE TABLE search_documents (
    id BIGSERIAL PRIMARY KEY,
    comment_id TEXT NOT NULL UNIQUE REFERENCES comments (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es', 'other')),
    terms TEXT NOT NULL,
    vector tsvector NOT NULL DEFAULT ''
);
CREATE INDEX search_documents_vector ON search_documents USING GIN (vector);

-- What searches filter on, as words the full-text engine intersects with
-- the query's (much faster than joining each match to its comment): the
-- status ('stpending'…), 'xhidden' while readers' reports hide it, its
-- roundtable ('rt' and the id's hex digits), consultation ('cn…'), guiding
-- questions ('qn…'), organisation type ('ot…') and country ('cc…'). They
-- go in the vector with weight D, the text's terms with weight A, and
-- queries say which they look for. Derived here, from the rows themselves,
-- and refreshed by the triggers below whenever one of them changes: no
-- writer can forget it.
CREATE VIEW search_meta AS
SELECT c.id AS comment_id,
       'st' || c.status
       || CASE WHEN c.hidden_by_reports THEN ' xhidden' ELSE '' END
       || ' rt' || replace(c.roundtable_id, '-', '')
       || ' cn' || replace(r.consultation_id, '-', '')
       || COALESCE(' ot' || replace(c.author_organisation_type, '_', ''), '')
       || COALESCE(' cc' || lower(c.author_country_code), '')
       || COALESCE((SELECT ' ' || string_agg('qn' || replace(t.guiding_question_id, '-', ''), ' ')
                    FROM comment_guiding_questions t WHERE t.comment_id = c.id), '')
       AS meta
FROM comments c JOIN roundtables r ON r.id = c.roundtable_id;

-- The terms are taken as they are, each at its position (a phrase needs
-- them), the filter words after them: no text-search parser runs, so no
-- locale decides what is a word, and PostgreSQL holds exactly the words
-- the application made (and SQLite's FTS5 table holds).
CREATE FUNCTION search_documents_vector() RETURNS trigger AS $$
BEGIN
    NEW.vector := COALESCE((
        SELECT string_agg(quote_literal(word) || ':' || LEAST(at, 16383) || 'A', ' ')
        FROM unnest(string_to_array(NEW.terms, ' ')) WITH ORDINALITY AS t(word, at)
        WHERE word <> ''), '')::tsvector
        || COALESCE((
        SELECT string_agg(quote_literal(word) || ':1D', ' ')
        FROM unnest(string_to_array(
            (SELECT meta FROM search_meta WHERE comment_id = NEW.comment_id), ' ')) AS m(word)
        WHERE word <> ''), '')::tsvector;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER search_documents_vector BEFORE INSERT OR UPDATE ON search_documents
    FOR EACH ROW EXECUTE FUNCTION search_documents_vector();

-- A decision, a withdrawal, a report hiding it, an erasure, or its
-- questions re-tagged: the filter words follow in the same transaction.
CREATE FUNCTION comment_refreshes_search() RETURNS trigger AS $$
BEGIN
    UPDATE search_documents SET terms = terms WHERE comment_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER comments_refresh_search
    AFTER UPDATE OF status, hidden_by_reports, author_organisation_type, author_country_code ON comments
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
       OR OLD.hidden_by_reports IS DISTINCT FROM NEW.hidden_by_reports
       OR OLD.author_organisation_type IS DISTINCT FROM NEW.author_organisation_type
       OR OLD.author_country_code IS DISTINCT FROM NEW.author_country_code)
    EXECUTE FUNCTION comment_refreshes_search();

CREATE FUNCTION question_tag_refreshes_search() RETURNS trigger AS $$
BEGIN
    UPDATE search_documents SET terms = terms
        WHERE comment_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.comment_id ELSE NEW.comment_id END;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER question_tags_refresh_search AFTER INSERT OR DELETE ON comment_guiding_questions
    FOR EACH ROW EXECUTE FUNCTION question_tag_refreshes_search();
