//! A fresh database for each server: a SQLite file in the server's own
//! folder, or a PostgreSQL database created for it and dropped after.

use anyhow::Result;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use std::path::{Path, PathBuf};

pub enum Backend {
    Sqlite,
    Postgres(String),
}

impl Backend {
    pub fn name(&self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres(_) => "PostgreSQL",
        }
    }

    /// A fresh database for one server, and the folder for its files.
    pub fn fresh(&self, scratch: &Path, which: &str) -> Result<(PathBuf, Database)> {
        let dir = scratch.join(format!("{}-{which}", self.name()));
        std::fs::create_dir_all(&dir)?;
        let database = match self {
            Self::Sqlite => Database {
                url: dir.join("roundtable.db").display().to_string(),
                postgres: None,
            },
            Self::Postgres(server) => {
                let name = format!("roundtable_load_{}", uuid::Uuid::new_v4().simple());
                PgConnection::establish(&format!("{server}/postgres"))?
                    .batch_execute(&format!("CREATE DATABASE \"{name}\""))?;
                Database {
                    url: format!("{server}/{name}"),
                    postgres: Some((server.clone(), name)),
                }
            }
        };
        Ok((dir, database))
    }
}

pub struct Database {
    pub url: String,
    /// The server and the name of a PostgreSQL database, dropped at the end.
    postgres: Option<(String, String)>,
}

impl Drop for Database {
    fn drop(&mut self) {
        let Some((server, name)) = &self.postgres else {
            return;
        };
        let dropped = PgConnection::establish(&format!("{server}/postgres"))
            .map_err(|e| e.to_string())
            .and_then(|mut admin| {
                admin
                    .batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                    .map_err(|e| e.to_string())
            });
        if let Err(error) = dropped {
            eprintln!("could not drop the database {name}: {error}");
        }
    }
}
