ALTER TABLE email_batches DROP COLUMN composed_at;
