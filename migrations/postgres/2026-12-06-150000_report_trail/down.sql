ALTER TABLE roundtables DROP COLUMN grace_minutes;
DROP TABLE IF EXISTS digest_files;
DROP TABLE IF EXISTS outcome_revisions;
DROP TABLE IF EXISTS roundtable_followers;
DROP TABLE IF EXISTS deadline_changes;
DROP TABLE IF EXISTS late_comments;
DROP TABLE IF EXISTS comment_themes;
DROP TABLE IF EXISTS themes;
DROP TABLE IF EXISTS comment_relevance;
