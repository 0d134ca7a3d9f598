DROP TABLE email_batch_items;
DROP TABLE email_batches;
