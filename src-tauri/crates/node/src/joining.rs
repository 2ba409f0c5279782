//! Joining a school, both sides, for the CLI and the app: the curator issues an invite for a
//! person (a code, and the payload of a QR code); the participant's new device redeems it with
//! the curator's device — found on the LAN or given — becomes that person's device, and syncs
//! its pairs once.

use std::net::SocketAddr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use nastavnik_core::school::SchoolDoc;

use crate::device::Device;
use crate::discovery::Discovery;
use crate::invite::{self, Invite, InvitePayload, RedeemRequest, RedeemResponse};
use crate::invite_proof;
use crate::net::{self, INVITE_ALPN, PeerAddr};
use crate::sync::DocSync;
use crate::{Node, NodeError, server, sync};

/// An invite just issued.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The code to type (single use).
    pub code: String,
    /// Until when it can be used.
    pub expires_at: DateTime<Utc>,
    /// What a QR code carries: school, the curator device's address, the code (JSON).
    pub payload: String,
    /// The person's name.
    pub name: String,
}

/// Issues an invite for `person` valid `hours` hours (1 hour to 30 days), on the curator's device.
pub async fn create_invite(
    node: &Node,
    school: &SchoolDoc,
    person: &str,
    hours: u32,
    now: DateTime<Utc>,
) -> Result<Issued, NodeError> {
    let name = school.person(person)?.name.clone();
    if !(1..=24 * 30).contains(&hours) {
        return Err(NodeError::Input("срок действия приглашения — от 1 часа до 30 дней".into()));
    }
    let code = invite::new_code();
    let _alone = node.exclusive().await;
    let mut invites = invite::load(&node.dir)?;
    let expires_at = now + chrono::Duration::hours(i64::from(hours));
    let key = invite_proof::key_text(&invite_proof::code_key(&code, &node.identity.device_id())?);
    invites.push(Invite {
        code: code.clone(),
        person_id: person.to_string(),
        expires_at,
        used_by: None,
        key,
    });
    invite::save(&node.dir, &invites)?;
    let curator = std::fs::read_to_string(node.dir.root().join("address")).unwrap_or_default();
    let payload = InvitePayload {
        school: school.school.name.clone(),
        curator: curator.trim().into(),
        code: code.clone(),
    };
    let payload = serde_json::to_string(&payload).map_err(NodeError::io_by)?;
    Ok(Issued { code, expires_at, payload, name })
}

/// How to reach the curator for a redemption.
#[derive(Debug, Clone)]
pub enum Curator {
    /// Look for the school's curator device on the LAN (mDNS, 10 s).
    Nearby,
    /// This address.
    At(PeerAddr),
}

/// The code and the curator from what a person typed or scanned: a QR payload (JSON), or a code
/// with an optional `<id>@<ip:port>`.
pub fn parse_invite(code_or_payload: &str, curator: Option<&str>) -> Result<(String, Curator), NodeError> {
    let text = code_or_payload.trim();
    if text.starts_with('{') {
        let p: InvitePayload = serde_json::from_str(text)
            .map_err(|_| NodeError::Input("содержимое QR-кода не распознано".into()))?;
        return Ok((
            p.code,
            if p.curator.is_empty() { Curator::Nearby } else { Curator::At(p.curator.parse()?) },
        ));
    }
    if text.is_empty() {
        return Err(NodeError::Input("введите код приглашения".into()));
    }
    let curator = match curator.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Curator::At(c.parse()?),
        None => Curator::Nearby,
    };
    Ok((text.to_string(), curator))
}

/// Redeems an invite on a new device; returns the curator's answer and the first sync.
pub async fn redeem_invite(
    node: &mut Node,
    code: String,
    curator: Curator,
) -> Result<(RedeemResponse, Vec<DocSync>), NodeError> {
    if node.device != Device::New {
        return Err(NodeError::Input(format!("это устройство уже подключено ({})", node.device.label())));
    }
    let endpoint = net::bind(&node.identity, SocketAddr::from(([0, 0, 0, 0], 0))).await?;
    let result = redeem_with(node, &endpoint, code, curator).await;
    endpoint.close().await;
    result
}

async fn redeem_with(
    node: &mut Node,
    endpoint: &iroh::Endpoint,
    code: String,
    curator: Curator,
) -> Result<(RedeemResponse, Vec<DocSync>), NodeError> {
    let curator = match curator {
        Curator::At(peer) => peer,
        Curator::Nearby => {
            let discovery = Discovery::start(endpoint, "member", node.clock).await?;
            let found = discovery.find(Duration::from_secs(10), 1, |n| n.role == "curator").await;
            found.first().and_then(|n| n.peer()).ok_or_else(|| {
                NodeError::Missing(
                    "устройство куратора не найдено в локальной сети; укажите его адрес".into(),
                )
            })?
        }
    };
    let response = ask(endpoint, &curator, code).await?;
    if let Some(error) = response.error {
        return Err(NodeError::Input(format!("куратор отклонил приглашение: {error}")));
    }
    response.check()?;
    node.set_device(Device::Member {
        person_id: response.person_id.clone(),
        name: response.name.clone(),
        curators: response.curators.clone(),
        pairs: response.pairs.clone(),
    })?;
    server::refresh(node).await;
    // Joined either way: a first sync that fails is done by the next one.
    let report = match sync::sync_once(node, endpoint, &[curator], &[], Duration::from_secs(10)).await {
        Ok(report) => report,
        Err(e) => {
            tracing::warn!("первая синхронизация не выполнена: {e}");
            Vec::new()
        }
    };
    server::refresh(node).await;
    Ok((response, report))
}

async fn ask(
    endpoint: &iroh::Endpoint,
    curator: &PeerAddr,
    code: String,
) -> Result<RedeemResponse, NodeError> {
    // The code never leaves this device: a proof bound to this curator and this device does.
    let (curator_id, me) = (curator.id.to_string(), endpoint.id().to_string());
    let proof = tokio::task::spawn_blocking(move || {
        invite_proof::code_key(&code, &curator_id).map(|key| invite_proof::proof(&key, &me))
    })
    .await
    .map_err(NodeError::io_by)??;
    let addr = iroh::EndpointAddr::from_parts(curator.id, [iroh::TransportAddr::Ip(curator.addr)]);
    let conn = tokio::time::timeout(invite::TIMEOUT, endpoint.connect(addr, INVITE_ALPN))
        .await
        .map_err(|_| NodeError::Net("устройство куратора не отвечает".into()))?
        .map_err(|e| NodeError::net_in("не удалось подключиться к куратору", e))?;
    let (mut send, mut recv) = conn.open_bi().await.map_err(NodeError::net_by)?;
    invite::write_message(&mut send, &RedeemRequest { proof }).await?;
    let _ = send.finish();
    let response = invite::read_message(&mut recv).await;
    conn.close(0u32.into(), b"done");
    response
}
