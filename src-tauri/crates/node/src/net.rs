//! The network: an iroh endpoint (QUIC + TLS 1.3, the peer id is its ed25519 key, relays
//! disabled) carrying samod's sync protocol, authenticated per connection.
//!
//! Every connection — accepted or dialled — is handed to samod with
//! `with_expected_peer_id(<the TLS-authenticated key>)`, so a peer cannot claim another id in the
//! sync handshake, and the share policy decides per (document, authenticated peer).

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;

use futures::future::BoxFuture;
use iroh::endpoint::{Connection, presets};
use iroh::{Endpoint, EndpointAddr, PublicKey, RelayMode, TransportAddr};
use samod::{AcceptorHandle, DialError, Dialer, PeerId, Transport};

use crate::error::NodeError;
use crate::identity::Identity;
use crate::wire;

/// ALPN of the sync protocol.
pub const SYNC_ALPN: &[u8] = b"nastavnik/sync/1";
/// ALPN of invite redemption.
pub const INVITE_ALPN: &[u8] = b"nastavnik/invite/1";
/// ALPN on which a device presents its own curator-signed grants to a pair partner.
pub const ACCESS_ALPN: &[u8] = b"nastavnik/access/1";

/// A peer's id and where to reach it: `<device id>@<ip:port>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerAddr {
    /// The device id (public key).
    pub id: PublicKey,
    /// Its address.
    pub addr: SocketAddr,
}

impl FromStr for PeerAddr {
    type Err = NodeError;
    fn from_str(s: &str) -> Result<PeerAddr, NodeError> {
        let bad = || NodeError::Input(format!("адрес устройства «{s}»: нужен вид <идентификатор>@<ip:порт>"));
        let (id, addr) = s.trim().split_once('@').ok_or_else(bad)?;
        Ok(PeerAddr {
            id: PublicKey::from_str(id).map_err(|_| bad())?,
            addr: addr.parse().map_err(|_| bad())?,
        })
    }
}

impl std::fmt::Display for PeerAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.id, self.addr)
    }
}

impl PeerAddr {
    /// The iroh address to dial.
    pub fn endpoint_addr(&self) -> EndpointAddr {
        EndpointAddr::from_parts(self.id, [TransportAddr::Ip(self.addr)])
    }
}

/// Binds this device's endpoint on `listen` (use port 0 for any free port).
pub async fn bind(identity: &Identity, listen: SocketAddr) -> Result<Endpoint, NodeError> {
    let net = |e: &dyn std::fmt::Display| NodeError::Net(e.to_string());
    Endpoint::builder(presets::Minimal)
        .secret_key(identity.secret().clone())
        .alpns(vec![SYNC_ALPN.to_vec(), INVITE_ALPN.to_vec(), ACCESS_ALPN.to_vec()])
        .relay_mode(RelayMode::Disabled)
        .clear_ip_transports()
        .bind_addr(listen)
        .map_err(|e| net(&e))?
        .bind()
        .await
        .map_err(|e| net(&e))
}

/// The address other devices dial to reach this endpoint.
pub fn own_addr(endpoint: &Endpoint) -> Result<PeerAddr, NodeError> {
    let addr =
        endpoint.bound_sockets().into_iter().next().ok_or_else(|| NodeError::Net("нет сокета".into()))?;
    Ok(PeerAddr { id: endpoint.id(), addr })
}

/// Hands an accepted sync connection to samod, bound to the authenticated peer.
pub async fn accept_sync(acceptor: &AcceptorHandle, conn: Connection) -> Result<(), NodeError> {
    let peer = PeerId::from(conn.remote_id().to_string());
    let (send, recv) = conn.accept_bi().await.map_err(NodeError::net_by)?;
    let transport = SyncStream::transport(conn, send, recv);
    let handle = acceptor.accept(transport)?;
    tokio::spawn(async move {
        if let Err(reason) = handle.handshake_complete().await {
            tracing::warn!("соединение с {peer} закрыто до начала синхронизации: {reason}");
        }
    });
    Ok(())
}

/// How samod retries a dial to a device that is away: samod's default (100 ms, doubling to
/// 30 s, for ever), in one place for every dialler.
///
/// A dial used to cost 50–175 ms more than its connection about half the time (samod 0.16's
/// dial race, fixed by the patch we carry: `vendor/samod/PATCHED.md`); with it a dial on
/// loopback connects in ~2 ms (`cargo bench -p nastavnik-node --bench sync_pair`).
pub fn backoff() -> samod::BackoffConfig {
    samod::BackoffConfig::default()
}

/// Dials one peer for samod; every reconnect is authenticated again.
pub struct IrohDialer {
    endpoint: Endpoint,
    peer: PeerAddr,
}

impl IrohDialer {
    /// A dialer to `peer` through `endpoint`.
    pub fn new(endpoint: Endpoint, peer: PeerAddr) -> Arc<IrohDialer> {
        Arc::new(IrohDialer { endpoint, peer })
    }
}

impl Dialer for IrohDialer {
    type Error = std::convert::Infallible;

    fn url(&self) -> url::Url {
        // A hex key is always a valid host.
        url::Url::parse(&format!("iroh://{}", self.peer.id)).expect("iroh://<hex key> is a valid url")
    }

    fn connect(&self) -> BoxFuture<'static, Result<Transport, DialError<Self::Error>>> {
        let (endpoint, peer) = (self.endpoint.clone(), self.peer.clone());
        Box::pin(async move {
            let conn =
                endpoint.connect(peer.endpoint_addr(), SYNC_ALPN).await.map_err(DialError::transient)?;
            let (send, recv) = conn.open_bi().await.map_err(DialError::transient)?;
            Ok(SyncStream::transport(conn, send, recv))
        })
    }
}

/// A sync stream handed to samod, owning its QUIC connection: when samod drops the transport
/// (a clean end, or an error such as a garbled message), the connection closes. Its frames are
/// read and checked by [`wire`].
///
/// The ordinary ends of a connection — the other device closed it, went away or was reset —
/// reach samod as the end of the stream, not as an error (samod logs every stream error at
/// ERROR level, and a school day has dozens of ordinary disconnects). A write or shutdown on
/// a connection that has ended so is dropped quietly: the read side then ends the connection.
/// Anything else (a protocol violation, a garbled message) stays an error.
struct SyncStream {
    recv: iroh::endpoint::RecvStream,
    send: iroh::endpoint::SendStream,
    _conn: Connection,
}

impl SyncStream {
    fn transport(
        conn: Connection,
        send: iroh::endpoint::SendStream,
        recv: iroh::endpoint::RecvStream,
    ) -> Transport {
        let expected = PeerId::from(conn.remote_id().to_string());
        let (read, write) = tokio::io::split(SyncStream { recv, send, _conn: conn });
        Transport::new(wire::frames(read, expected.to_string()), wire::sink(write))
            .with_expected_peer_id(expected)
    }
}

/// Whether a stream error is an ordinary end of the connection.
fn ordinary_end(e: &std::io::Error) -> bool {
    use iroh::endpoint::{ConnectionError, ReadError, WriteError};
    let lost = |c: &ConnectionError| {
        matches!(
            c,
            ConnectionError::ApplicationClosed(_)
                | ConnectionError::LocallyClosed
                | ConnectionError::Reset
                | ConnectionError::TimedOut
        )
    };
    let Some(inner) = e.get_ref() else { return false };
    if let Some(read) = inner.downcast_ref::<ReadError>() {
        return match read {
            ReadError::ConnectionLost(c) => lost(c),
            ReadError::Reset { .. } | ReadError::ClosedStream => true,
            _ => false,
        };
    }
    match inner.downcast_ref::<WriteError>() {
        Some(WriteError::ConnectionLost(c)) => lost(c),
        Some(WriteError::Stopped(_) | WriteError::ClosedStream) => true,
        _ => false,
    }
}

type Poll<T> = std::task::Poll<std::io::Result<T>>;

/// `Ok(quiet)` instead of an ordinary end.
fn quietly<T>(poll: Poll<T>, quiet: T) -> Poll<T> {
    match poll {
        std::task::Poll::Ready(Err(e)) if ordinary_end(&e) => {
            tracing::debug!("соединение завершено: {e}");
            std::task::Poll::Ready(Ok(quiet))
        }
        other => other,
    }
}

impl tokio::io::AsyncRead for SyncStream {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<()> {
        // Nothing read: the end of the stream.
        quietly(std::pin::Pin::new(&mut self.recv).poll_read(cx, buf), ())
    }
}

impl tokio::io::AsyncWrite for SyncStream {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> Poll<usize> {
        quietly(tokio::io::AsyncWrite::poll_write(std::pin::Pin::new(&mut self.send), cx, buf), buf.len())
    }

    fn poll_flush(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<()> {
        quietly(tokio::io::AsyncWrite::poll_flush(std::pin::Pin::new(&mut self.send), cx), ())
    }

    fn poll_shutdown(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<()> {
        quietly(tokio::io::AsyncWrite::poll_shutdown(std::pin::Pin::new(&mut self.send), cx), ())
    }
}
