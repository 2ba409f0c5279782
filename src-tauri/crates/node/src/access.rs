//! The share policy: which peer may receive which document.
//!
//! The table is computed from the roster this device can verify (see `roster`) and published
//! through a `tokio::sync::watch`, so a grant or a revocation applies to connections that are
//! already open: samod subscribes to one decision stream per (document, peer) and follows it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use futures::Stream;
use samod::{DocumentId, PeerId, ShareConfig};
use tokio::sync::watch;

/// Who may have what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessTable {
    /// Curator devices: they may have every document of the school.
    pub curators: HashSet<String>,
    /// Per document id: the member devices that may have it.
    pub members: HashMap<String, HashSet<String>>,
}

impl AccessTable {
    /// The decision for one document and one peer.
    pub fn decide(&self, doc: &str, peer: &str) -> ShareConfig {
        let member = self.members.get(doc).is_some_and(|devices| devices.contains(peer));
        if self.curators.contains(peer) || member { ShareConfig::read_write() } else { ShareConfig::none() }
    }
}

/// The live share policy handed to samod.
#[derive(Clone)]
pub struct Access {
    rx: watch::Receiver<Arc<AccessTable>>,
}

/// Where new tables are published.
pub type AccessPublisher = watch::Sender<Arc<AccessTable>>;

impl Access {
    /// A policy that starts with `table`, and the handle to change it.
    pub fn new(table: AccessTable) -> (Access, AccessPublisher) {
        let (tx, rx) = watch::channel(Arc::new(table));
        (Access { rx }, tx)
    }
}

impl samod::SharePolicy for Access {
    fn share(&self, doc_id: DocumentId, peer_id: PeerId) -> impl Stream<Item = ShareConfig> + Send + 'static {
        let rx = self.rx.clone();
        let (doc, peer) = (doc_id.to_string(), peer_id.to_string());
        futures::stream::unfold((rx, true), move |(mut rx, first)| {
            let (doc, peer) = (doc.clone(), peer.clone());
            async move {
                if !first && rx.changed().await.is_err() {
                    return None;
                }
                let decision = rx.borrow_and_update().decide(&doc, &peer);
                Some((decision, (rx, false)))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_get_their_documents_and_curators_all() {
        let mut table = AccessTable::default();
        table.curators.insert("curator".into());
        table.members.insert("doc-a".into(), HashSet::from(["mentor".to_string(), "mentee".to_string()]));
        assert_eq!(table.decide("doc-a", "mentor"), ShareConfig::read_write());
        assert_eq!(table.decide("doc-b", "mentor"), ShareConfig::none());
        assert_eq!(table.decide("doc-b", "curator"), ShareConfig::read_write());
        assert_eq!(table.decide("doc-a", "outsider"), ShareConfig::none());
    }
}
