//! Invites, serving and syncing.

use std::net::SocketAddr;
use std::time::Duration;

use nastavnik_node::discovery::Discovery;
use nastavnik_node::joining;
use nastavnik_node::net::{self, PeerAddr};
use nastavnik_node::{Node, NodeError, server, sync};
use serde_json::json;

use super::args::{ServeArgs, SyncArgs};
use super::context::{Ctx, Output};

fn any_port() -> SocketAddr {
    SocketAddr::from(([0, 0, 0, 0], 0))
}

fn peers(list: &[String]) -> Result<Vec<PeerAddr>, NodeError> {
    list.iter().map(|p| p.parse()).collect()
}

/// `invite create`.
pub async fn create_invite(ctx: &Ctx<'_>, person: String, hours: u32) -> Result<Output, NodeError> {
    let school = ctx.school().await?;
    let issued = joining::create_invite(ctx.node, &school, &person, hours, ctx.now()).await?;
    let text = format!(
        "Приглашение для {}: код {} (действует {hours} ч, один раз)\nДля QR-кода: {}",
        issued.name, issued.code, issued.payload
    );
    Ok(Output::new(
        text,
        json!({ "code": issued.code, "person": person, "expiresAt": issued.expires_at, "payload": issued.payload }),
    ))
}

/// `invite redeem`: joins the school on this (new) device.
pub async fn redeem_invite(
    node: &mut Node,
    code: Option<String>,
    peer: Option<String>,
    payload: Option<String>,
) -> Result<Output, NodeError> {
    let typed = match (payload, code) {
        (Some(p), _) => p,
        (None, Some(code)) => code,
        (None, None) => {
            return Err(NodeError::Input(
                "укажите код приглашения (--code) или содержимое QR-кода (--payload)".into(),
            ));
        }
    };
    let (code, curator) = joining::parse_invite(&typed, peer.as_deref())?;
    let (response, report) = joining::redeem_invite(node, code, curator).await?;
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

/// `serve`: runs until Ctrl-C or SIGTERM.
pub async fn serve(ctx: &Ctx<'_>, args: ServeArgs) -> Result<Output, NodeError> {
    let listen: SocketAddr = args
        .listen
        .parse()
        .map_err(|_| NodeError::Input(format!("--listen: неверный адрес «{}»", args.listen)))?;
    let opts = nastavnik_node::online::Online {
        listen,
        peers: peers(&args.peers)?,
        mdns: !args.no_mdns,
        addr_file: args.addr_file.clone(),
        kick: Default::default(),
    };
    // Other commands on this computer hand their changes to this process meanwhile.
    let door = nastavnik_node::control::Listener::open(&ctx.node.dir).await?;
    let stop = async {
        tokio::select! {
            _ = shutdown() => {}
            _ = door.run(|request| super::forwarded::run(ctx.node, request)) => {}
        }
    };
    let me =
        nastavnik_node::online::run(ctx.node, opts, |me| eprintln!("Устройство в сети: {me}"), stop).await?;
    drop(door);
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
pub async fn sync(ctx: &Ctx<'_>, args: SyncArgs) -> Result<Output, NodeError> {
    let mut peers = peers(&args.peers)?;
    let endpoint = net::bind(&ctx.node.identity, any_port()).await?;
    server::refresh(ctx.node).await;
    if peers.is_empty() {
        let discovery = Discovery::start(&endpoint, ctx.node.role(), ctx.node.clock).await?;
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
        sync::sync_once(ctx.node, &endpoint, &peers, &args.docs, Duration::from_secs(args.wait)).await;
    server::refresh(ctx.node).await;
    endpoint.close().await;
    let report = report?;
    let synced = report.iter().filter(|r| r.synced).count();
    let mut refusing: Vec<&str> = report.iter().filter(|r| r.refused).map(|r| r.peer.as_str()).collect();
    refusing.dedup();
    let refused = report.iter().filter(|r| r.refused).count();
    let mut text = format!("Синхронизировано: {synced} из {}", report.len());
    if refused > 0 {
        let why = format!(
            "в доступе отказано: устройства ({}) не делятся с этим устройством документами ({refused}) — доступ отозван куратором или не был выдан",
            refusing.join(", ")
        );
        if synced == 0 {
            return Err(NodeError::Refused(why));
        }
        text = format!("{text}\nВнимание: {why}");
    }
    Ok(Output::new(
        text,
        json!({ "docs": report, "synced": synced, "refused": refused, "total": report.len() }),
    ))
}
