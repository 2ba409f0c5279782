//! Serving: accept sync connections (handed to samod) and invite redemptions (curator only),
//! and keep the share table in step with the documents.

use std::time::Duration;

use iroh::Endpoint;
use iroh::endpoint::Connection;
use nastavnik_core::pair::{Actor, PairDoc};
use nastavnik_core::roster::EntryKind;
use nastavnik_core::school::SchoolDoc;
use samod::AcceptorHandle;

use crate::device::Device;
use crate::error::NodeError;
use crate::invite::{self, RedeemRequest, RedeemResponse};
use crate::net::{self, ACCESS_ALPN, INVITE_ALPN, SYNC_ALPN};
use crate::node::Node;
use crate::trust;

/// At most this many connections are being set up or answered at once; more are turned away
/// until some finish (a crowd of stalled peers cannot exhaust the node).
pub const MAX_PENDING: usize = 64;

/// Accepts connections until the endpoint closes. Each is handled on its own, concurrently: a
/// peer that connects and then stalls (a killed process, a hostile device) holds only its own
/// connection for its time limit, never the door for everyone else.
pub async fn accept_loop(node: &Node, endpoint: &Endpoint, acceptor: &AcceptorHandle) {
    use futures::StreamExt;
    let mut pending = futures::stream::FuturesUnordered::new();
    loop {
        tokio::select! {
            incoming = endpoint.accept() => {
                let Some(incoming) = incoming else { break };
                if pending.len() >= MAX_PENDING {
                    tracing::warn!("слишком много соединений сразу: входящее отклонено");
                    incoming.refuse();
                    continue;
                }
                pending.push(answer(node, acceptor, incoming));
            }
            Some(()) = pending.next(), if !pending.is_empty() => {}
        }
    }
}

/// Sets up one incoming connection and answers it by its protocol.
async fn answer(node: &Node, acceptor: &AcceptorHandle, incoming: iroh::endpoint::Incoming) {
    let Ok(mut accepting) = incoming.accept() else { return };
    let Ok(alpn) = accepting.alpn().await else { return };
    let conn = match accepting.await {
        Ok(conn) => conn,
        Err(e) => {
            tracing::warn!("входящее соединение не установлено: {e}");
            return;
        }
    };
    let peer = conn.remote_id();
    let result = match alpn.as_slice() {
        SYNC_ALPN => net::accept_sync(acceptor, conn).await,
        INVITE_ALPN => redeem(node, conn).await,
        ACCESS_ALPN => crate::grants::receive(node, conn).await,
        _ => Ok(()),
    };
    if let Err(e) = result {
        tracing::warn!("соединение с {peer} закрыто: {e}");
    }
}

/// Logs connections that end with an error (a garbled or hostile message closes only that
/// connection; the node goes on).
pub async fn log_connections(acceptor: &AcceptorHandle) {
    use futures::StreamExt;
    let mut events = acceptor.events();
    while let Some(event) = events.next().await {
        match event {
            samod::AcceptorEvent::ClientConnected { peer_info, .. } => {
                tracing::info!("подключено устройство {}", peer_info.peer_id);
            }
            samod::AcceptorEvent::ClientDisconnected { reason, .. } => match reason {
                samod::ConnFinishedReason::ErrorReceiving(_) | samod::ConnFinishedReason::ErrorSending(_) => {
                    tracing::warn!("соединение закрыто из-за ошибки: {reason}");
                }
                _ => tracing::info!("соединение закрыто: {reason}"),
            },
        }
    }
}

/// Dials every relevant device seen nearby (members dial their curators and pair partners;
/// the curator waits to be dialled), once each; samod redials with backoff when it drops.
pub async fn dial_nearby(node: &Node, endpoint: &Endpoint, discovery: &crate::discovery::Discovery) {
    let mut dialed = std::collections::HashSet::new();
    let mut dialers = Vec::new();
    loop {
        if node.role() == "member" {
            let relevant = node.relevant_devices();
            for device in discovery.nearby() {
                if !relevant.contains(&device.id) || dialed.contains(&device.id) {
                    continue;
                }
                let Some(peer) = device.peer() else { continue };
                if let Err(e) = crate::grants::present(node, endpoint, &peer, &[]).await {
                    tracing::info!("доступ не предъявлен устройству {}: {e}", device.id);
                }
                match node
                    .repo()
                    .dial(crate::net::backoff(), crate::net::IrohDialer::new(endpoint.clone(), peer))
                {
                    Ok(d) => {
                        tracing::info!("найдено рядом и подключается устройство {}", device.id);
                        dialed.insert(device.id.clone());
                        dialers.push(d);
                    }
                    Err(_) => return,
                }
            }
        }
        let nearby = serde_json::to_vec_pretty(&discovery.nearby()).unwrap_or_default();
        let _ = crate::paths::write_atomic(&node.dir.root().join("nearby.json"), &nearby, 0o600);
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}

/// What `serve` records of its syncs (`sync-state.json`): samod reports every change of every
/// connection's state; a member's `sync` often connects, syncs and leaves between two rounds of
/// [`refresh_loop`], so each connection's last state is recorded as it closes, and whatever is
/// still open when the node stops ([`SyncRecorder::finish`]).
pub struct SyncRecorder {
    state: crate::sync_state::SyncState,
    last: Vec<samod::ConnectionInfo>,
    changes: Box<dyn futures::Stream<Item = Vec<samod::ConnectionInfo>> + Unpin + Send>,
}

impl SyncRecorder {
    /// Starts following the node's connections.
    pub fn new(node: &Node) -> SyncRecorder {
        let (last, changes) = node.repo().connected_peers();
        SyncRecorder {
            state: crate::sync_state::SyncState::load(&node.dir),
            last,
            changes: Box::new(changes),
        }
    }

    /// A new snapshot of the connections: those gone since the last one are recorded.
    fn take(&mut self, now: Vec<samod::ConnectionInfo>, at: chrono::DateTime<chrono::Utc>) -> bool {
        let closed: Vec<_> = self.last.iter().filter(|c| !now.iter().any(|n| n.id == c.id)).collect();
        let any = !closed.is_empty();
        self.state.observe_connections(closed, at);
        self.last = now;
        any
    }

    fn save(&mut self, node: &Node) {
        if let Err(e) = self.state.save(&node.dir) {
            tracing::warn!("не удалось сохранить состояние синхронизации: {e}");
        }
    }

    /// When the node stops: what samod has reported so far, and the connections still open.
    pub fn finish(&mut self, node: &Node) {
        use futures::FutureExt;
        let at = node.clock.now();
        while let Some(Some(now)) = futures::StreamExt::next(&mut self.changes).now_or_never() {
            self.take(now, at);
        }
        self.state.observe_connections(&self.last, at);
        self.save(node);
    }
}

/// Every `period`: recomputes the share table (grants arrive inside synced documents), records
/// which documents are in sync with which connected peer, and tries failed writes again; in
/// between, records each connection as it closes.
pub async fn refresh_loop(node: &Node, period: Duration, recorder: &tokio::sync::Mutex<SyncRecorder>) {
    use futures::StreamExt;
    let mut recorder = recorder.lock().await;
    loop {
        refresh(node).await;
        recorder.state.observe(node.repo(), node.clock.now());
        recorder.save(node);
        match node.flush().await {
            0 => {}
            n => tracing::error!(
                "на диск не записано фрагментов документов: {n}; новая попытка через {period:?}"
            ),
        }
        let round = tokio::time::sleep(period);
        tokio::pin!(round);
        loop {
            tokio::select! {
                _ = &mut round => break,
                Some(now) = recorder.changes.next() => {
                    if recorder.take(now, node.clock.now()) {
                        recorder.save(node);
                    }
                }
            }
        }
    }
}

/// Recomputes the share table once.
pub async fn refresh(node: &Node) {
    match trust::access_table(node).await {
        Ok(table) => node.set_access(table),
        Err(e) => tracing::warn!("не удалось пересчитать доступ: {e}"),
    }
}

/// The curator's side of an invite: check the code, grant the device its pairs, answer.
async fn redeem(node: &Node, conn: Connection) -> Result<(), NodeError> {
    let device = conn.remote_id().to_string();
    let (mut send, mut recv) = conn.accept_bi().await.map_err(NodeError::net_by)?;
    let request: RedeemRequest = invite::read_message(&mut recv).await?;
    let response = match grant(node, &device, &request.proof).await {
        Ok(response) => response,
        Err(e) => {
            tracing::warn!("приглашение отклонено для устройства {device}: {e}");
            RedeemResponse::refused(e.to_string())
        }
    };
    invite::write_message(&mut send, &response).await?;
    let _ = send.finish();
    // Give the answer time to leave before the connection is dropped.
    let _ = tokio::time::timeout(invite::TIMEOUT, conn.closed()).await;
    Ok(())
}

async fn grant(node: &Node, device: &str, proof: &str) -> Result<RedeemResponse, NodeError> {
    let Device::Curator { school_doc } = &node.device else {
        return Err(NodeError::Input("это не устройство куратора".into()));
    };
    let _alone = node.exclusive().await;
    let now = node.clock.now();
    let mut invites = invite::load(&node.dir)?;
    let curator = node.identity.device_id();
    let at = invite::find_usable(&invites, &curator, device, proof, now).map_err(NodeError::Input)?;
    let school: SchoolDoc = node.read(school_doc).await?;
    let person = school.person(&invites[at].person_id)?.clone();
    let mut pairs = Vec::new();
    for entry in school.pairs_with_docs() {
        if !entry.members.iter().any(|m| m.person_id == person.id) {
            continue;
        }
        let signed =
            trust::signed_entry(&node.identity, &entry.doc_id, EntryKind::Grant, device, &person.id, now);
        node.change(&entry.doc_id, now, "доступ устройства", move |p: &mut PairDoc| {
            p.add_access_entry(&Actor::Curator, signed)
        })
        .await?;
        crate::roster_file::update(&node.dir, &entry.doc_id, device, true)?;
        pairs.push((entry.id.clone(), entry.doc_id.clone()));
    }
    invites[at].used_by = Some(device.to_string());
    invite::save(&node.dir, &invites)?;
    refresh(node).await;
    tracing::info!("устройство {device} подключено как {}", person.name);
    Ok(RedeemResponse {
        error: None,
        school: school.school.name.clone(),
        person_id: person.id.clone(),
        name: person.name.clone(),
        curators: vec![node.identity.device_id()],
        pairs,
    })
}
