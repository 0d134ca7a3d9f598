//! The answers the page cache keeps, within a budget of bytes: when a new one does not fit,
//! the least recently served go first. An entry counts at the size it
//! reserves for its compressed forms too (see `Entry::size`), so that the
//! count never changes while it is kept.

mod entry;

pub use entry::{Encoding, Entry};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// What an instance keeps at most (the process stays small: see #17).
pub const BUDGET_BYTES: usize = 16 * 1024 * 1024;

pub struct Store {
    budget: usize,
    inner: Mutex<Inner>,
    clock: AtomicU64,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<String, Arc<Entry>>,
    bytes: usize,
}

impl Store {
    pub fn new(budget: usize) -> Self {
        Self {
            budget,
            inner: Mutex::default(),
            clock: AtomicU64::new(0),
        }
    }

    /// The largest answer worth keeping: a few such answers fit the budget.
    pub fn largest_kept(&self) -> usize {
        self.budget / 4
    }

    pub fn get(&self, key: &str) -> Option<Arc<Entry>> {
        self.lock().entries.get(key).cloned()
    }

    /// An entry was served (not merely found: a stale one must not look
    /// recently used).
    pub fn served(&self, entry: &Entry) {
        entry.touch(self.tick());
    }

    pub fn insert(&self, key: String, entry: Arc<Entry>) {
        let size = entry.size() + key.len();
        if size > self.largest_kept() {
            return;
        }
        entry.touch(self.tick());
        let mut inner = self.lock();
        if let Some(old) = inner.entries.insert(key.clone(), entry) {
            inner.bytes -= old.size() + key.len();
        }
        inner.bytes += size;
        while inner.bytes > self.budget {
            let Some(oldest) = inner
                .entries
                .iter()
                .min_by_key(|(_, e)| e.last_used())
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(gone) = inner.entries.remove(&oldest) {
                inner.bytes -= gone.size() + oldest.len();
            }
        }
    }

    pub fn bytes(&self) -> usize {
        self.lock().bytes
    }

    fn tick(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}
