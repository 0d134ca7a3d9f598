//! One integration test binary: every test spawns the real server on a random
//! loopback port, on a fresh SQLite file and, when ROUNDTABLE_TEST_POSTGRES
//! holds a server URL, on a fresh PostgreSQL database as well; each database
//! is a copy of a template made once per process (see `test_database`).

mod fixtures;
mod helpers;
mod test_database;

mod account_privacy;
mod accounts;
mod admin;
mod api;
mod architecture;
mod authoring;
mod browser;
mod cli;
mod comment_page;
mod comments;
mod comments_api;
mod composed_batches;
mod coverage;
mod csrf;
mod deadline_changes;
mod demo;
mod digests;
mod email_batching;
mod followers;
mod hardening;
mod harness;
mod health;
mod languages;
mod late_comments;
mod mail;
mod mail_resilience;
mod methods;
mod migrations;
mod moderation;
mod openapi;
mod operations;
mod outcome_editor;
mod outcome_versions;
mod outcomes;
mod page_cache;
mod pages;
mod paging;
mod people;
mod processes;
mod query_count;
mod queue;
mod races;
mod relevance;
mod report_filters;
mod reports;
mod search;
mod search_moderation;
mod search_pages;
mod shutdown;
mod smtp_server;
mod syndication;
mod templates;
mod terms;
mod themes;
mod two_instances;
mod verify;
