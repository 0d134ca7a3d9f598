//! The derive adds `MultiBackend` and friends to the enclosing module, which
//! is why this enum has a module of its own.

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}
