-- A batched email is composed by the outbox worker when it takes the batch,
-- no longer by every change that adds an item: posting a comment only
-- records the item. `composed_at` says the outbox row holds the composed
-- text, so that a retry sends that same text. Batches opened before this
-- change were rendered as their items joined: they count as composed.
ALTER TABLE email_batches ADD COLUMN composed_at TIMESTAMP;
UPDATE email_batches SET composed_at = created_at;
