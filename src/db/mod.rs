//! Storage: the connection over both backends, the pool, migrations, row
//! models and one query module per aggregate. Nothing outside this module
//! touches `schema`.

pub mod backup;
mod connection;
mod error;
mod migrations;
mod pool;
pub mod queries;
mod rows;
pub(crate) mod schema;
mod transaction;

pub use connection::AnyConnection;
pub use error::StorageError;
pub use migrations::{migration_versions, one_instance_at_a_time, run_migrations, table_columns};
pub use pool::{build_pool, maintenance_connection, Pool, PooledConnection};
pub use transaction::{in_savepoint, insert_unless_taken, with_deadline, write_transaction};
