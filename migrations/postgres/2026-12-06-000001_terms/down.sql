ALTER TABLE users DROP COLUMN consented_terms_version;
DROP TABLE terms_versions;
