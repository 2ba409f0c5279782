//! Being online: what `nastavnik-cli serve` and the desktop app both run while they are open —
//! listen for devices, redeem invites (curator), dial the given peers and the school's devices
//! found nearby, keep the share table in step with the documents.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::discovery::Discovery;
use crate::net::{self, PeerAddr};
use crate::{Node, NodeError, server};

/// How to be online.
#[derive(Debug, Clone)]
pub struct Online {
    /// Where to listen (port 0: any free port).
    pub listen: SocketAddr,
    /// Devices to dial and keep dialling.
    pub peers: Vec<PeerAddr>,
    /// Announce and look for the school's devices on the LAN (mDNS).
    pub mdns: bool,
    /// Also write our address (`<id>@<ip:port>`) to this file.
    pub addr_file: Option<PathBuf>,
    /// "Sync now": when notified, the share table is recomputed and the given peers are dialled
    /// afresh at once instead of after their back-off.
    pub kick: std::sync::Arc<tokio::sync::Notify>,
}

/// Stays online until `stop` resolves; returns our address. `on_address` is told the address
/// as soon as we listen.
pub async fn run(
    node: &Node,
    opts: Online,
    on_address: impl FnOnce(&PeerAddr),
    stop: impl Future<Output = ()>,
) -> Result<PeerAddr, NodeError> {
    let endpoint = net::bind(&node.identity, opts.listen).await?;
    let me = net::own_addr(&endpoint)?;
    let acceptor = node.repo().make_acceptor(url::Url::parse("iroh://listen").map_err(NodeError::net_by)?)?;
    server::refresh(node).await;
    let dial_all = || -> Result<Vec<_>, NodeError> {
        opts.peers
            .iter()
            .map(|p| {
                node.repo()
                    .dial(net::backoff(), net::IrohDialer::new(endpoint.clone(), p.clone()))
                    .map_err(NodeError::from)
            })
            .collect()
    };
    let dialers = std::sync::Mutex::new(dial_all()?);
    crate::paths::write_atomic(&node.dir.root().join("address"), me.to_string().as_bytes(), 0o600)?;
    if let Some(file) = &opts.addr_file {
        crate::paths::write_atomic(file, me.to_string().as_bytes(), 0o644)?;
    }
    on_address(&me);
    let discovery =
        if opts.mdns { Some(Discovery::start(&endpoint, node.role(), node.clock).await?) } else { None };
    let nearby = async {
        match &discovery {
            Some(d) => server::dial_nearby(node, &endpoint, d).await,
            None => std::future::pending().await,
        }
    };
    let kicks = async {
        loop {
            opts.kick.notified().await;
            server::refresh(node).await;
            if let Ok(fresh) = dial_all()
                && let Ok(mut current) = dialers.lock()
            {
                for d in std::mem::replace(&mut *current, fresh) {
                    d.close();
                }
            }
        }
    };
    let recorder = tokio::sync::Mutex::new(server::SyncRecorder::new(node));
    tokio::select! {
        _ = kicks => {}
        _ = server::accept_loop(node, &endpoint, &acceptor) => {}
        _ = server::refresh_loop(node, Duration::from_secs(2), &recorder) => {}
        _ = server::log_connections(&acceptor) => {}
        _ = nearby => {}
        _ = stop => {}
    }
    recorder.lock().await.finish(node);
    for d in dialers.into_inner().unwrap_or_default() {
        d.close();
    }
    endpoint.close().await;
    Ok(me)
}
