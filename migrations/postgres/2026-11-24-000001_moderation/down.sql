DROP INDEX comment_reports_by_comment;
DROP INDEX moderation_events_by_time;
DROP INDEX comments_by_roundtable_status;
DROP TABLE site_secrets;
DROP TABLE roundtable_visits;
DROP TABLE api_tokens;
DROP TABLE email_opt_outs;
ALTER TABLE users DROP COLUMN moderation_alerts;
ALTER TABLE comments DROP COLUMN revision;
