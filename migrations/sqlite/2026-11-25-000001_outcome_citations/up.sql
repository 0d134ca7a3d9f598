-- Participants may switch off the email that tells them a published
-- outcome cites their comment. SQLite cannot change a CHECK constraint:
-- the table is rebuilt.
CREATE TABLE email_opt_outs_new (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('decisions', 'replies', 'citations')),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, topic)
);
INSERT INTO email_opt_outs_new SELECT user_id, topic, created_at FROM email_opt_outs;
DROP TABLE email_opt_outs;
ALTER TABLE email_opt_outs_new RENAME TO email_opt_outs;

-- Counts saves, so that a chair saving over another chair's newer text is
-- told instead of erasing it.
ALTER TABLE roundtable_outcomes ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
