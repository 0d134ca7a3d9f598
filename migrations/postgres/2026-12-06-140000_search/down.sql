DROP TRIGGER question_tags_refresh_search ON comment_guiding_questions;
DROP TRIGGER comments_refresh_search ON comments;
DROP FUNCTION question_tag_refreshes_search();
DROP FUNCTION comment_refreshes_search();
DROP TABLE search_documents;
DROP FUNCTION search_documents_vector();
DROP VIEW search_meta;
