//! Invites, serving and syncing.

use std::net::SocketAddr;
use std::time::Duration;

use chrono::Duration as Span;
use nastavnik_node::device::Device;
use nastavnik_node::discovery::Discovery;
use nastavnik_node::invite::{self, Invite, InvitePayload, RedeemRequest, RedeemResponse};
use nastavnik_node::net::{self, INVITE_ALPN, PeerAddr};
use nastavnik_node::{NodeError, server, sync};
use serde_json::json;

use super::args::{InviteCmd, ServeArgs, SyncArgs};
use super::context::{Ctx, Output};

fn any_port() -> SocketAddr {
    SocketAddr::from(([0, 0, 0, 0], 0))
}

fn peers(list: &[String]) -> Result<Vec<PeerAddr>, NodeError> {
    list.iter().map(|p| p.parse()).collect()
}

/// `invite create` / `invite redeem`.
pub async fn invite(ctx: &mut Ctx, cmd: InviteCmd) -> Result<Output, NodeError> {
    match cmd {
        InviteCmd::Create { person, hours } => {
            let school = ctx.school().await?;
            let who = school.person(&person)?.name.clone();
            if !(1..=24 * 30).contains(&hours) {
                return Err(NodeError::Input("срок действия приглашения — от 1 часа до 30 дней".into()));
            }
            let code = invite::new_code();
            let mut invites = invite::load(&ctx.node.dir)?;
            let expires_at = ctx.now + Span::hours(i64::from(hours));
            invites.push(Invite { code: code.clone(), person_id: person.clone(), expires_at, used_by: None });
            invite::save(&ctx.node.dir, &invites)?;
            let curator = std::fs::read_to_string(ctx.node.dir.root().join("address")).unwrap_or_default();
            let payload = InvitePayload {
                school: school.school.name.clone(),
                curator: curator.trim().into(),
                code: code.clone(),
            };
            let payload = serde_json::to_string(&payload).map_err(|e| NodeError::Io(e.to_string()))?;
            let text = format!(
                "Приглашение для {who}: код {code} (действует {hours} ч, один раз)\nДля QR-кода: {payload}"
            );
            Ok(Output::new(
                text,
                json!({ "code": code, "person": person, "expiresAt": expires_at, "payload": payload }),
            ))
        }
        InviteCmd::Redeem { code, peer, payload } => redeem(ctx, code, peer, payload).await,
    }
}

async fn redeem(
    ctx: &mut Ctx,
    code: Option<String>,
    peer: Option<String>,
    payload: Option<String>,
) -> Result<Output, NodeError> {
    if ctx.node.device != Device::New {
        return Err(NodeError::Input(format!("это устройство уже подключено ({})", ctx.node.device.label())));
    }
    let (code, curator) = match (payload, code, peer) {
        (Some(p), _, _) => {
            let p: InvitePayload = serde_json::from_str(&p)
                .map_err(|_| NodeError::Input("содержимое QR-кода не распознано".into()))?;
            (p.code, p.curator)
        }
        (None, Some(code), Some(peer)) => (code, peer),
        (None, Some(code), None) => (code, String::new()),
        _ => {
            return Err(NodeError::Input(
                "укажите код приглашения (--code) или содержимое QR-кода (--payload)".into(),
            ));
        }
    };
    let endpoint = net::bind(&ctx.node.identity, any_port()).await?;
    let curator: PeerAddr = if curator.is_empty() {
        let discovery = Discovery::start(&endpoint, "member").await?;
        let found = discovery.find(Duration::from_secs(10), 1, |n| n.role == "curator").await;
        match found.first().and_then(|n| n.peer()) {
            Some(peer) => peer,
            None => {
                endpoint.close().await;
                return Err(NodeError::Missing(
                    "устройство куратора не найдено в локальной сети; укажите --peer".into(),
                ));
            }
        }
    } else {
        curator.parse()?
    };
    let response = ask(&endpoint, &curator, code).await;
    let response = match response {
        Ok(r) => r,
        Err(e) => {
            endpoint.close().await;
            return Err(e);
        }
    };
    if let Some(error) = response.error {
        endpoint.close().await;
        return Err(NodeError::Input(format!("куратор отклонил приглашение: {error}")));
    }
    ctx.node.set_device(Device::Member {
        person_id: response.person_id.clone(),
        name: response.name.clone(),
        curators: response.curators.clone(),
        pairs: response.pairs.clone(),
    })?;
    server::refresh(&ctx.node).await;
    let report = sync::sync_once(&ctx.node, &endpoint, &[curator], &[], Duration::from_secs(10)).await?;
    server::refresh(&ctx.node).await;
    endpoint.close().await;
    let text = format!(
        "Устройство подключено к школе «{}» как {}; пар: {}",
        response.school,
        response.name,
        response.pairs.len()
    );
    Ok(Output::new(
        text,
        json!({ "school": response.school, "person": response.person_id, "pairs": response.pairs, "sync": report }),
    ))
}

async fn ask(
    endpoint: &iroh::Endpoint,
    curator: &PeerAddr,
    code: String,
) -> Result<RedeemResponse, NodeError> {
    let addr = iroh::EndpointAddr::from_parts(curator.id, [iroh::TransportAddr::Ip(curator.addr)]);
    let conn = tokio::time::timeout(invite::TIMEOUT, endpoint.connect(addr, INVITE_ALPN))
        .await
        .map_err(|_| NodeError::Net("устройство куратора не отвечает".into()))?
        .map_err(|e| NodeError::Net(format!("не удалось подключиться к куратору: {e}")))?;
    let (mut send, mut recv) = conn.open_bi().await.map_err(|e| NodeError::Net(e.to_string()))?;
    invite::write_message(&mut send, &RedeemRequest { code }).await?;
    let _ = send.finish();
    let response = invite::read_message(&mut recv).await;
    conn.close(0u32.into(), b"done");
    response
}

/// `serve`: runs until Ctrl-C or SIGTERM.
pub async fn serve(ctx: &Ctx, args: ServeArgs) -> Result<Output, NodeError> {
    let listen: SocketAddr = args
        .listen
        .parse()
        .map_err(|_| NodeError::Input(format!("--listen: неверный адрес «{}»", args.listen)))?;
    let opts = nastavnik_node::online::Online {
        listen,
        peers: peers(&args.peers)?,
        mdns: !args.no_mdns,
        addr_file: args.addr_file.clone(),
    };
    let me =
        nastavnik_node::online::run(&ctx.node, opts, |me| eprintln!("Устройство в сети: {me}"), shutdown())
            .await?;
    Ok(Output::new("Остановлено", json!({ "address": me.to_string(), "stopped": true })))
}

async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// `sync`: once with the given peers.
pub async fn sync(ctx: &Ctx, args: SyncArgs) -> Result<Output, NodeError> {
    let mut peers = peers(&args.peers)?;
    let endpoint = net::bind(&ctx.node.identity, any_port()).await?;
    server::refresh(&ctx.node).await;
    if peers.is_empty() {
        let discovery = Discovery::start(&endpoint, ctx.node.role()).await?;
        let relevant = ctx.node.relevant_devices();
        let found = discovery
            .find(Duration::from_secs(args.discover), relevant.len(), |n| relevant.contains(&n.id))
            .await;
        peers = found.iter().filter_map(|n| n.peer()).collect();
        if peers.is_empty() {
            endpoint.close().await;
            return Err(NodeError::Missing(
                "рядом не найдено ни одного устройства школы; укажите --peer".into(),
            ));
        }
    }
    let report =
        sync::sync_once(&ctx.node, &endpoint, &peers, &args.docs, Duration::from_secs(args.wait)).await;
    server::refresh(&ctx.node).await;
    endpoint.close().await;
    let report = report?;
    let synced = report.iter().filter(|r| r.synced).count();
    let text = format!("Синхронизировано: {synced} из {}", report.len());
    Ok(Output::new(text, json!({ "docs": report, "synced": synced, "total": report.len() })))
}
