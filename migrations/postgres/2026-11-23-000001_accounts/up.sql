-- Sessions, single-use tokens and rate-limit hits live in the database so
-- that any app instance can serve any request.

-- The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Links sent by email (verify an address, reset a password, confirm a new
-- address). Only the token's SHA-256 is stored; each works once.
CREATE TABLE one_time_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
    new_email TEXT,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX one_time_tokens_by_user ON one_time_tokens (user_id, purpose);

CREATE TABLE rate_limit_hits (
    id TEXT PRIMARY KEY NOT NULL,
    bucket TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX rate_limit_hits_by_bucket ON rate_limit_hits (bucket, created_at);
