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

/// What one device may do with one document. Every way two devices exchange a document follows
/// this one decision ([`AccessTable::may`]); samod's [`ShareConfig`] is its translation for the
/// network sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Gets nothing of it, and nothing it sends is taken.
    Nothing,
    /// May have it; what it sends is not taken.
    Read,
    /// May have it and change it.
    ReadWrite,
}

impl Decision {
    /// Whether the device may have the document.
    pub fn may_have(self) -> bool {
        self != Decision::Nothing
    }

    /// Whether changes from the device are taken.
    pub fn may_write(self) -> bool {
        self == Decision::ReadWrite
    }
}

impl From<Decision> for ShareConfig {
    fn from(d: Decision) -> ShareConfig {
        match d {
            Decision::Nothing => ShareConfig::none(),
            Decision::Read => ShareConfig::read_only(),
            Decision::ReadWrite => ShareConfig::read_write(),
        }
    }
}

impl AccessTable {
    /// The decision for `device` and document `doc`: a trusted curator device has and writes every
    /// document of the school; a member's device, the documents of its pairs it was granted (and not
    /// revoked); anyone else, nothing. (Whether a pair's content may still change once the pair is
    /// closed is the document's own rule, not the transport's.)
    pub fn may(&self, doc: &str, device: &str) -> Decision {
        let member = self.members.get(doc).is_some_and(|devices| devices.contains(device));
        if self.curators.contains(device) || member { Decision::ReadWrite } else { Decision::Nothing }
    }

    /// The decision for one document and one peer, as samod takes it.
    pub fn decide(&self, doc: &str, peer: &str) -> ShareConfig {
        self.may(doc, peer).into()
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
    fn one_decision_for_every_path() {
        let mut table = AccessTable::default();
        table.curators.insert("curator".into());
        table.members.insert("doc-a".into(), HashSet::from(["mentor".to_string()]));
        assert_eq!(table.may("doc-a", "mentor"), Decision::ReadWrite);
        assert!(table.may("doc-a", "mentor").may_write());
        assert_eq!(table.may("doc-b", "mentor"), Decision::Nothing);
        assert!(!table.may("doc-b", "mentor").may_have());
        assert_eq!(table.may("anything", "curator"), Decision::ReadWrite);
        // A revoked device is one the table no longer names.
        table.members.get_mut("doc-a").unwrap().remove("mentor");
        assert_eq!(table.may("doc-a", "mentor"), Decision::Nothing);
        assert_eq!(ShareConfig::from(Decision::Read), ShareConfig::read_only());
    }

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
