-- A batched email is composed by the outbox worker when it takes the batch,
-- no longer by every change that adds an item: posting a comment only
-- records the item. `composed_at` says the outbox row holds the composed
-- text, so that a retry sends that same text, and that no item joins it any
-- more. Batches a worker has tried before this change count as composed;
-- those still open are composed from their items when they fall due, like
-- new ones (their items were recorded all along).
ALTER TABLE email_batches ADD COLUMN composed_at TIMESTAMP;
UPDATE email_batches SET composed_at = created_at
WHERE id IN (SELECT id FROM email_outbox WHERE status <> 'pending' OR attempts > 0);
