-- Participants may switch off the email that tells them a published
-- outcome cites their comment.
ALTER TABLE email_opt_outs DROP CONSTRAINT email_opt_outs_topic_check;
ALTER TABLE email_opt_outs ADD CONSTRAINT email_opt_outs_topic_check
    CHECK (topic IN ('decisions', 'replies', 'citations'));

-- Counts saves, so that a chair saving over another chair's newer text is
-- told instead of erasing it.
ALTER TABLE roundtable_outcomes ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
