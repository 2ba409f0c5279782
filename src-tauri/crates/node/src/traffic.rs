//! Counting the sync messages samod sends and receives (for the sync status and the benches).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use samod::{RepoEvent, RepoObserver};
use serde::Serialize;

/// Counters, shared between the repository and whoever reads them.
#[derive(Debug, Default, Clone)]
pub struct Traffic(Arc<Counters>);

#[derive(Debug, Default)]
struct Counters {
    sent: AtomicU64,
    sent_bytes: AtomicU64,
    received: AtomicU64,
    received_bytes: AtomicU64,
}

/// A reading of the counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrafficTotals {
    /// Sync messages sent.
    pub sent: u64,
    /// Their bytes.
    pub sent_bytes: u64,
    /// Sync messages received.
    pub received: u64,
    /// Their bytes.
    pub received_bytes: u64,
}

impl Traffic {
    /// The totals so far.
    pub fn totals(&self) -> TrafficTotals {
        let c = &self.0;
        TrafficTotals {
            sent: c.sent.load(Ordering::Relaxed),
            sent_bytes: c.sent_bytes.load(Ordering::Relaxed),
            received: c.received.load(Ordering::Relaxed),
            received_bytes: c.received_bytes.load(Ordering::Relaxed),
        }
    }
}

impl RepoObserver for Traffic {
    fn observe(&self, event: &RepoEvent) {
        let c = &self.0;
        match event {
            RepoEvent::SyncMessageGenerated { bytes, .. } => {
                c.sent.fetch_add(1, Ordering::Relaxed);
                c.sent_bytes.fetch_add(*bytes as u64, Ordering::Relaxed);
            }
            RepoEvent::SyncMessageReceived { bytes, .. } => {
                c.received.fetch_add(1, Ordering::Relaxed);
                c.received_bytes.fetch_add(*bytes as u64, Ordering::Relaxed);
            }
            _ => {}
        }
    }
}
