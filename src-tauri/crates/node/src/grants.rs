//! Presenting grants: before syncing with a pair partner, a member's device sends the
//! curator-signed grants that name it, so a partner whose copy of the document predates them
//! (it has not met the curator since) can verify and record them — and then share. The partner
//! answers with its own grants, but only for documents the presenter proved access to. Each
//! side sends only grants naming itself; nothing else of the pair is revealed.
//!
//! The presenter also names the documents it wants to sync, and the answer says which of them
//! the partner will not share with it (revoked, never granted, or not there — one answer for
//! all three, so a stolen document id learns nothing): the device then says plainly that access
//! was refused instead of waiting for changes that will never come.

use iroh::Endpoint;
use iroh::endpoint::Connection;
use nastavnik_core::roster::AccessEntry;
use serde::{Deserialize, Serialize};

use crate::error::NodeError;
use crate::invite::{self, TIMEOUT};
use crate::net::{ACCESS_ALPN, PeerAddr};
use crate::node::Node;
use crate::trust;

/// What a presenting device sends.
#[derive(Serialize, Deserialize)]
pub struct Presented {
    grants: Vec<(String, Entry)>,
    /// The documents the presenter wants to sync.
    #[serde(default)]
    pub asked: Vec<String>,
}

/// What the partner answers.
#[derive(Serialize, Deserialize)]
pub struct Accepted {
    added: usize,
    /// The receiver's own grants for the documents the presenter proved access to.
    grants: Vec<(String, Entry)>,
    /// Of the documents asked for, those the receiver will not share with the presenter.
    #[serde(default)]
    refused: Vec<String>,
}

/// The (document, entry) pairs of a message that read as access entries (the rest are dropped).
fn core_grants(grants: Vec<(String, Entry)>) -> Vec<(String, AccessEntry)> {
    grants.into_iter().filter_map(|(d, e)| e.into_core().map(|e| (d, e))).collect()
}

impl Presented {
    /// The presented grants, as access entries (still to be checked: [`trust::genuine_grant`]).
    pub fn grants(self) -> Vec<(String, AccessEntry)> {
        core_grants(self.grants)
    }
}

impl Accepted {
    /// The partner's answer and its own grants (still to be checked).
    pub fn into_parts(self) -> (Answer, Vec<(String, AccessEntry)>) {
        (Answer { added: self.added, refused: self.refused }, core_grants(self.grants))
    }
}

/// What a partner answered to a presentation.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Answer {
    /// How many of our grants it recorded as new.
    pub added: usize,
    /// The documents it will not share with this device.
    pub refused: Vec<String>,
}

/// At most this many refusals are listed in one answer (the message stays small).
const MAX_ASKED: usize = 1000;

/// An access entry on the wire.
#[derive(Serialize, Deserialize)]
struct Entry {
    id: String,
    kind: String,
    device: String,
    person_id: String,
    issued_at: String,
    signature: String,
}

impl Entry {
    fn from_core(e: &AccessEntry) -> Entry {
        use nastavnik_shared::Code;
        Entry {
            id: e.id.clone(),
            kind: e.kind.clone(),
            device: e.device.clone(),
            person_id: e.person_id.clone(),
            issued_at: e.issued_at.0.code(),
            signature: e.signature.clone(),
        }
    }

    fn into_core(self) -> Option<AccessEntry> {
        use nastavnik_shared::Code;
        let issued_at = chrono::DateTime::<chrono::Utc>::from_code(&self.issued_at)?;
        Some(AccessEntry {
            id: self.id,
            kind: self.kind,
            device: self.device,
            person_id: self.person_id,
            issued_at: issued_at.into(),
            signature: self.signature,
        })
    }
}

/// Sends this device's grants to `peer`, asking for the documents `asked`, and records the
/// peer's own grants it sends back; returns its answer.
pub async fn present(
    node: &Node,
    endpoint: &Endpoint,
    peer: &PeerAddr,
    asked: &[String],
) -> Result<Answer, NodeError> {
    let grants = trust::own_grants(node).await;
    if grants.is_empty() && asked.is_empty() {
        return Ok(Answer::default());
    }
    let conn = tokio::time::timeout(TIMEOUT, endpoint.connect(peer.endpoint_addr(), ACCESS_ALPN))
        .await
        .map_err(|_| NodeError::Net("устройство не отвечает".into()))?
        .map_err(NodeError::net_by)?;
    let (mut send, mut recv) = conn.open_bi().await.map_err(NodeError::net_by)?;
    let message = Presented {
        grants: grants.iter().map(|(d, e)| (d.clone(), Entry::from_core(e))).collect(),
        asked: asked.to_vec(),
    };
    invite::write_message(&mut send, &message).await?;
    let _ = send.finish();
    let answer: Accepted = invite::read_message(&mut recv).await?;
    conn.close(0u32.into(), b"done");
    let (answer, theirs) = answer.into_parts();
    trust::accept_grants(node, &peer.id.to_string(), theirs).await?;
    Ok(answer)
}

/// The receiving side: check and record what a peer presented.
pub async fn receive(node: &Node, conn: Connection) -> Result<(), NodeError> {
    let presenter = conn.remote_id().to_string();
    let (mut send, mut recv) = conn.accept_bi().await.map_err(NodeError::net_by)?;
    let mut message: Presented = invite::read_message(&mut recv).await?;
    let asked = std::mem::take(&mut message.asked);
    let added = trust::accept_grants(node, &presenter, message.grants()).await?;
    // Answer with our own grants, only for documents the presenter may have.
    let table = node.access();
    let ours = trust::own_grants(node)
        .await
        .into_iter()
        .filter(|(doc, _)| table.may(doc, &presenter).may_have())
        .map(|(doc, e)| (doc, Entry::from_core(&e)))
        .collect();
    let refused =
        asked.into_iter().filter(|doc| !table.may(doc, &presenter).may_have()).take(MAX_ASKED).collect();
    invite::write_message(&mut send, &Accepted { added, grants: ours, refused }).await?;
    let _ = send.finish();
    let _ = tokio::time::timeout(TIMEOUT, conn.closed()).await;
    Ok(())
}
