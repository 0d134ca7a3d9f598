DROP TABLE rate_limit_hits;
DROP TABLE one_time_tokens;
DROP TABLE sessions;
