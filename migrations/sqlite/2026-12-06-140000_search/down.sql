DROP TRIGGER question_tag_removed_refreshes_search;
DROP TRIGGER question_tag_added_refreshes_search;
DROP TRIGGER comments_refresh_search;
DROP TABLE comment_fts;
DROP TABLE search_documents;
DROP VIEW search_meta;
