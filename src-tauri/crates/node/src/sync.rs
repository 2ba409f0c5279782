//! Syncing once with the reachable peers: connect, make sure every document this device
//! should have is loaded (fetching missing ones), wait until both sides have each other's
//! changes, report, disconnect.

use std::time::Duration;

use iroh::Endpoint;
use samod::ConnectionId;
use serde::Serialize;

use crate::device::Device;
use crate::error::NodeError;
use crate::net::{IrohDialer, PeerAddr};
use crate::node::Node;
use crate::sync_state::SyncState;

/// The outcome for one document and one peer.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocSync {
    /// Document id.
    pub doc: String,
    /// Peer device id.
    pub peer: String,
    /// Whether both sides ended with each other's changes.
    pub synced: bool,
    /// Whether the peer refused to share the document with this device (access revoked or
    /// never granted).
    pub refused: bool,
}

/// Finds a document, asking connected peers for it if it is not here; a peer's first answer
/// may come after samod's first "unavailable", so ask again until `wait` is over.
async fn find(node: &Node, doc: &str, wait: Duration) -> Option<samod::DocHandle> {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        if let Ok(Ok(handle)) = tokio::time::timeout(left, node.handle(doc)).await {
            return Some(handle);
        }
        if tokio::time::Instant::now() + Duration::from_millis(100) >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The documents this device keeps.
pub async fn own_documents(node: &Node) -> Result<Vec<String>, NodeError> {
    Ok(match &node.device {
        Device::New => Vec::new(),
        Device::Curator { school_doc } => {
            let school: nastavnik_core::school::SchoolDoc = node.read(school_doc).await?;
            let mut docs = vec![school_doc.clone()];
            docs.extend(school.pairs_with_docs().map(|p| p.doc_id.clone()));
            docs
        }
        Device::Member { pairs, .. } => pairs.iter().map(|(_, d)| d.clone()).collect(),
    })
}

/// Connects to `peers` and syncs every own document with each, waiting at most `wait` per
/// document and peer.
pub async fn sync_once(
    node: &Node,
    endpoint: &Endpoint,
    peers: &[PeerAddr],
    extra_docs: &[String],
    wait: Duration,
) -> Result<Vec<DocSync>, NodeError> {
    let mut connections: Vec<(String, ConnectionId)> = Vec::new();
    let mut dialers = Vec::new();
    let mut docs = own_documents(node).await?;
    docs.extend(extra_docs.iter().cloned());
    // A member asks for its documents and learns at once which a peer refuses; the curator's
    // device asks for nothing (it may have every document: a member's device shares with it).
    let asked: &[String] = if matches!(node.device, Device::Member { .. }) { &docs } else { extra_docs };
    let mut refused: Vec<(String, String)> = Vec::new();
    for peer in peers {
        match crate::grants::present(node, endpoint, peer, asked).await {
            Ok(answer) => refused.extend(answer.refused.into_iter().map(|d| (d, peer.id.to_string()))),
            Err(e) => tracing::info!("доступ не предъявлен устройству {peer}: {e}"),
        }
        let dialer =
            node.repo().dial(crate::net::backoff(), IrohDialer::new(endpoint.clone(), peer.clone()))?;
        match tokio::time::timeout(wait, dialer.established()).await {
            Ok(Ok(_)) => {
                if let Some(conn) = dialer.connection_id() {
                    connections.push((peer.id.to_string(), conn));
                }
            }
            _ => tracing::warn!("устройство {peer} недоступно"),
        }
        dialers.push(dialer);
    }
    if connections.is_empty() && !peers.is_empty() {
        for dialer in dialers {
            dialer.close();
        }
        let names: Vec<String> = peers.iter().map(|p| p.to_string()).collect();
        return Err(NodeError::Net(format!(
            "ни одно из устройств не ответило за {} с: {}; синхронизация не выполнена",
            wait.as_secs(),
            names.join(", ")
        )));
    }
    let mut report = Vec::new();
    let mut state = SyncState::load(&node.dir);
    let table = node.access();
    // Only what a peer may have is opened for it (a curator with thousands of pairs syncing
    // with one mentor opens that mentor's pairs, not all of them).
    // (Or what this device asks for: a document named on the command line, or one of its own pairs
    // it has not received yet — the peer's side decides whether to give it.)
    let shared_with = |doc: &str, peer: &str| {
        table.may(doc, peer).may_have()
            || extra_docs.iter().any(|x| x == doc)
            || matches!(node.device, Device::Member { .. }) && !node.has_local(doc)
    };
    for doc in docs {
        let peers_for_doc: Vec<&(String, ConnectionId)> =
            connections.iter().filter(|(peer, _)| shared_with(&doc, peer)).collect();
        if peers_for_doc.is_empty() {
            continue;
        }
        let (no, yes): (Vec<_>, Vec<_>) =
            peers_for_doc.into_iter().partition(|(peer, _)| refused.contains(&(doc.clone(), peer.clone())));
        for (peer, _) in no {
            report.push(DocSync { doc: doc.clone(), peer: peer.clone(), synced: false, refused: true });
        }
        if yes.is_empty() {
            continue;
        }
        let handle = find(node, &doc, wait).await;
        for (peer, conn) in yes {
            let synced = match &handle {
                Some(h) => tokio::time::timeout(wait, async {
                    h.we_have_their_changes(*conn).await;
                    h.they_have_our_changes(*conn).await;
                })
                .await
                .is_ok(),
                None => false,
            };
            if synced && let Some(h) = &handle {
                let heads: Vec<String> =
                    h.with_document(|d| d.get_heads()).iter().map(|x| x.to_string()).collect();
                state.record(&doc, peer, heads, node.clock.now());
            }
            report.push(DocSync { doc: doc.clone(), peer: peer.clone(), synced, refused: false });
        }
    }
    for dialer in dialers {
        dialer.close();
    }
    state.save(&node.dir)?;
    Ok(report)
}
