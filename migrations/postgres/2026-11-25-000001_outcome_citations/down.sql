ALTER TABLE roundtable_outcomes DROP COLUMN revision;
DELETE FROM email_opt_outs WHERE topic = 'citations';
ALTER TABLE email_opt_outs DROP CONSTRAINT email_opt_outs_topic_check;
ALTER TABLE email_opt_outs ADD CONSTRAINT email_opt_outs_topic_check
    CHECK (topic IN ('decisions', 'replies'));
