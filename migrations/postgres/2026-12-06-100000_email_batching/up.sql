-- Emails that gather, for one person, what happens over a short while: a
-- chair's waiting comments (alerts "at once": the first at once, then at
-- most one email every 15 minutes) and an author's decisions (one email per
-- minute). Each batch is one outbox row, held until `send_at` and rendered
-- again whenever an item joins it, as long as no worker has tried to send it.
CREATE TABLE email_batches (
    id TEXT PRIMARY KEY NOT NULL REFERENCES email_outbox (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('waiting', 'decisions')),
    -- The batch before this one for the same person and kind ('' for the
    -- first): two instances opening a batch at once collide here, and the
    -- one that comes second joins the other's batch instead.
    follows TEXT NOT NULL,
    send_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, kind, follows)
);
CREATE INDEX email_batches_latest ON email_batches (user_id, kind, send_at);

CREATE TABLE email_batch_items (
    batch_id TEXT NOT NULL REFERENCES email_batches (id) ON DELETE CASCADE,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    -- 'waiting' for a chair; 'published', 'rejected' or 'unpublished' for an author.
    action TEXT NOT NULL CHECK (action IN ('waiting', 'published', 'rejected', 'unpublished')),
    reason TEXT,
    note TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (batch_id, comment_id, action)
);
