//! The benchmark's settings, from ROUNDTABLE_BENCH_* environment variables
//! (see the doc comment of load.rs); the KEEP one is read where it acts.

use anyhow::{ensure, Context, Result};
use std::path::PathBuf;

pub struct Options {
    pub seconds: u32,
    pub accounts: usize,
    pub postgres: Option<String>,
    pub baseline: Option<PathBuf>,
}

impl Options {
    pub fn from_env() -> Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let seconds: u32 = match var("ROUNDTABLE_BENCH_SECONDS") {
            Some(v) => v
                .trim()
                .parse()
                .ok()
                .filter(|s| *s > 0)
                .context("ROUNDTABLE_BENCH_SECONDS: a whole number of seconds")?,
            None => 10,
        };
        let accounts = match var("ROUNDTABLE_BENCH_ACCOUNTS") {
            Some(v) => v
                .trim()
                .parse()
                .ok()
                .filter(|n| *n >= crate::wrk::THREADS as usize)
                .context("ROUNDTABLE_BENCH_ACCOUNTS: a whole number")?,
            None => 300 * seconds as usize,
        };
        let baseline = var("ROUNDTABLE_BENCH_BASELINE").map(PathBuf::from);
        if let Some(path) = &baseline {
            ensure!(path.is_file(), "no baseline binary at {}", path.display());
        }
        Ok(Self {
            seconds,
            accounts,
            postgres: var("ROUNDTABLE_BENCH_POSTGRES")
                .map(|url| url.trim().trim_end_matches('/').to_owned()),
            baseline,
        })
    }
}
