DROP TABLE comment_fts;
DROP TABLE search_documents;
