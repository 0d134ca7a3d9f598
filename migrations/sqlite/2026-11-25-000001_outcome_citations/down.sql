ALTER TABLE roundtable_outcomes DROP COLUMN revision;
CREATE TABLE email_opt_outs_old (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('decisions', 'replies')),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, topic)
);
INSERT INTO email_opt_outs_old SELECT user_id, topic, created_at FROM email_opt_outs WHERE topic <> 'citations';
DROP TABLE email_opt_outs;
ALTER TABLE email_opt_outs_old RENAME TO email_opt_outs;
