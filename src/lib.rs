//! Roundtable: public consultations with roundtables, guiding questions and
//! identified, moderated comments. The binary in `main.rs` is a thin command
//! line over this library, which `tests/` drives as well.

pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod embedded;
pub mod export;
pub mod i18n;
pub mod mail;
pub mod outbox;
pub mod services;
pub mod startup;
pub mod telemetry;
pub mod templates;
pub mod text;
pub mod web;
