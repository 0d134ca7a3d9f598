-- What a roundtable's followers are to be told (a changed deadline, a new
-- outcome version), recorded by the change that causes it. The scheduler
-- turns each into one email per follower (outbox de-duplication key per
-- announcement and person) and then sets `announced_at`: the services that
-- cause an announcement do not hold the templates that write the emails.
CREATE TABLE follower_announcements (
    id TEXT PRIMARY KEY NOT NULL,
    roundtable_id TEXT NOT NULL REFERENCES roundtables (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    details_json TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    announced_at TIMESTAMP,
    UNIQUE (roundtable_id, kind, subject_key)
);
CREATE INDEX follower_announcements_waiting ON follower_announcements (announced_at);
