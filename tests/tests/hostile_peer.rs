//! A peer that speaks garbage over an authenticated connection: the curator's node closes that
//! connection with a log line and goes on serving everyone else. And a connection killed in
//! the middle of a sync: the next sync resumes and converges.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::time::Duration;

use nastavnik_node::identity::Identity;
use nastavnik_node::net::{self, PeerAddr, SYNC_ALPN};
use nastavnik_node::paths::DataDir;
use nastavnik_tests::cli::{Device, field as s};

/// A curator with one pair whose mentor has joined; returns (curator, mentor, pair id).
fn school() -> (Device, Device, String, String) {
    let curator = Device::new("hostile-curator");
    let mentor = Device::new("hostile-mentor");
    curator.ok(&["school", "create", "--name", "Школа"]);
    let m = curator.add_teacher("Петрова");
    let e = curator.add_teacher("Смирнов");
    let pair = curator.form_pair(&m, &e);
    (curator, mentor, pair, m)
}

fn attack(target: &str, payload: Vec<u8>) -> bool {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async move {
        let dir =
            DataDir::open(std::env::temp_dir().join(format!("nastavnik-attacker-{}", std::process::id())))
                .unwrap();
        let (identity, _) = Identity::load_or_create(&dir).unwrap();
        let endpoint = net::bind(&identity, "127.0.0.1:0".parse().unwrap()).await.unwrap();
        let peer: PeerAddr = target.parse().unwrap();
        let addr = iroh::EndpointAddr::from_parts(peer.id, [iroh::TransportAddr::Ip(peer.addr)]);
        let conn = endpoint.connect(addr, SYNC_ALPN).await.unwrap();
        let (mut send, _recv) = conn.open_bi().await.unwrap();
        send.write_all(&payload).await.unwrap();
        let _ = send.finish();
        // The node must drop this connection by itself.
        let closed = tokio::time::timeout(Duration::from_secs(10), conn.closed()).await.is_ok();
        endpoint.close().await;
        let _ = std::fs::remove_dir_all(dir.root());
        closed
    })
}

#[test]
fn garbage_closes_that_connection_and_harms_nothing() {
    let (curator, mentor, pair, m) = school();
    curator.ok(&["plan", "add", "--pair", &pair, "--title", "До атаки", "--deadline", "2026-10-01"]);
    let serving = curator.serve();

    let mut noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    noise.splice(0..0, [0x85, 0x6f, 0x4a, 0x83]); // starts like automerge, is not
    assert!(attack(&serving.addr, noise), "the node kept a garbled connection open");
    assert!(attack(&serving.addr, vec![0xff; 16]), "the node kept a garbled connection open");
    std::thread::sleep(Duration::from_millis(300));
    let log = serving.log(&curator.dir);
    assert!(log.contains("соединение"), "no log line about the closed connection: {log}");

    // Everyone else is served as before.
    let code = s(&curator.ok(&["invite", "create", "--person", &m]), "code");
    mentor.ok(&["invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    let plan = mentor.ok(&["plan", "list", "--pair", &pair]);
    assert_eq!(plan[0]["title"], "До атаки");
    serving.stop();
    assert_eq!(
        curator.ok(&["plan", "list", "--pair", &pair]).as_array().unwrap().len(),
        1,
        "nothing harmed on disk"
    );
}

#[test]
fn a_sync_killed_midway_resumes_and_converges() {
    let (curator, mentor, pair, m) = school();
    let serving = curator.serve();
    let code = s(&curator.ok(&["invite", "create", "--person", &m]), "code");
    mentor.ok(&["invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    // A large offline batch on the mentor's device.
    for i in 0..40 {
        let title = format!("Мероприятие {i} с длинным описанием, чтобы синхронизация заняла время");
        mentor.ok(&["plan", "add", "--pair", &pair, "--title", &title, "--deadline", "2026-10-01"]);
    }
    // Kill the sync at a few moments, then let one finish.
    for ms in [5u64, 30, 80] {
        let mut child = mentor
            .command(&["sync", "--peer", &serving.addr])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let _ = child.wait();
    }
    let report = mentor.ok(&["sync", "--peer", &serving.addr]);
    assert_eq!(report["synced"], report["total"], "{report}");
    assert!(report["total"].as_u64() > Some(0), "a sync that reached nobody is no success: {report}");
    // What `serve` took in memory reaches its disk a moment later (samod writes asynchronously).
    let on_disk = || curator.ok(&["plan", "list", "--pair", &pair]).as_array().unwrap().len();
    let started = std::time::Instant::now();
    while on_disk() < 40 && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(on_disk(), 40);
    assert!(curator.ok(&["status"])["quarantined"].as_array().unwrap().is_empty());
    serving.stop();
}

/// Peers that open the access and invite protocols and then say nothing (a killed process, a
/// hostile device) hold only their own connections: the node goes on answering everyone else.
#[test]
fn stalled_peers_do_not_hold_the_door_for_others() {
    use nastavnik_node::net::{ACCESS_ALPN, INVITE_ALPN};
    let (curator, mentor, pair, m) = school();
    let serving = curator.serve();
    let code = s(&curator.ok(&["invite", "create", "--person", &m]), "code");
    mentor.ok(&["invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    mentor.ok(&["plan", "add", "--pair", &pair, "--title", "Пока другие молчат", "--deadline", "2026-10-01"]);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let dir = DataDir::open(std::env::temp_dir().join(format!("nastavnik-staller-{}", std::process::id())))
        .unwrap();
    let target: PeerAddr = serving.addr.parse().unwrap();
    let (identity, _) = Identity::load_or_create(&dir).unwrap();
    let endpoint = runtime.block_on(net::bind(&identity, "127.0.0.1:0".parse().unwrap())).unwrap();
    let addr = iroh::EndpointAddr::from_parts(target.id, [iroh::TransportAddr::Ip(target.addr)]);
    // All at once, each held open: the start of a message that never ends.
    let stalled: Vec<_> = [ACCESS_ALPN, INVITE_ALPN]
        .repeat(4)
        .into_iter()
        .map(|alpn| {
            let (endpoint, addr) = (endpoint.clone(), addr.clone());
            runtime.spawn(async move {
                let conn = endpoint.connect(addr, alpn).await.ok()?;
                let (mut send, recv) = conn.open_bi().await.ok()?;
                send.write_all(b"{").await.ok()?;
                std::future::pending::<()>().await;
                Some((conn, send, recv))
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    // Each stall lasts up to the protocol's 10-second limit — 80 s in a row if they were answered
    // one after another; the mentor's sync must not wait for them (it takes a second or two).
    let started = std::time::Instant::now();
    let report = mentor.ok(&["sync", "--peer", &serving.addr, "--wait", "8"]);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the sync waited for the stalled peers: {:?}",
        started.elapsed()
    );
    assert_eq!(report["synced"], report["total"], "{report}");
    assert!(report["total"].as_u64() > Some(0), "{report}");
    stalled.iter().for_each(|t| t.abort());
    drop(runtime);
    let _ = std::fs::remove_dir_all(dir.root());
    serving.stop();
}

/// A samod wire message as a map of text keys to text or bytes values.
fn wire_message(fields: &[(&str, Result<&str, &[u8]>)]) -> Vec<u8> {
    let mut e = minicbor::Encoder::new(Vec::new());
    e.map(fields.len() as u64).unwrap();
    for (key, value) in fields {
        e.str(key).unwrap();
        match value {
            Ok(text) => e.str(text).unwrap(),
            Err(bytes) => e.bytes(bytes).unwrap(),
        };
    }
    e.into_writer()
}

/// A member device turned hostile (a stolen or tampered phone) speaks the sync protocol properly,
/// then sends, for its own pair's document, the sync message that makes automerge 0.12.0 panic
/// (found by fuzzing: `fuzz/regressions/sync_message/`). The node refuses it and closes that
/// connection; it keeps serving that very document, and nothing is lost.
#[test]
fn a_sync_message_that_would_crash_automerge_is_refused_and_the_node_serves_on() {
    use futures::{SinkExt, StreamExt};
    use nastavnik_node::wire;
    let (curator, mentor, pair, m) = school();
    let serving = curator.serve();
    let code = s(&curator.ok(&["invite", "create", "--person", &m]), "code");
    mentor.ok(&["invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    let doc = curator.ok(&["pair", "list"])[0]["doc"].as_str().unwrap().to_string(); // the one pair
    let regressions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    let bloom = std::fs::read(regressions.join("sync_message/empty_bloom_filter")).unwrap();
    // A document whose columns panic automerge's decoder, sent as the changes of a sync message.
    let columns = std::fs::read(regressions.join("doc_load/hexane_null_run")).unwrap();
    let mut in_changes = vec![0x42, 0, 0, 0, 1, columns.len() as u8];
    in_changes.extend_from_slice(&columns);
    for crasher in [bloom, in_changes] {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let closed = runtime.block_on(async {
            let (identity, _) = Identity::load_or_create(&DataDir::open(&mentor.dir).unwrap()).unwrap();
            let me = identity.device_id();
            let endpoint = net::bind(&identity, "127.0.0.1:0".parse().unwrap()).await.unwrap();
            let target: PeerAddr = serving.addr.parse().unwrap();
            let conn = endpoint.connect(target.endpoint_addr(), SYNC_ALPN).await.unwrap();
            let (send, recv) = conn.open_bi().await.unwrap();
            let target_id = target.id.to_string();
            let (mut out, mut back) = (wire::sink(send), wire::frames(recv, target_id.clone()));
            let mut join = minicbor::Encoder::new(Vec::new());
            join.map(3).unwrap();
            join.str("type").unwrap().str("join").unwrap();
            join.str("senderId").unwrap().str(&me).unwrap();
            join.str("supportedProtocolVersions").unwrap().array(1).unwrap().str("1").unwrap();
            out.send(join.into_writer()).await.unwrap();
            let answer = back.next().await.unwrap().unwrap();
            assert!(String::from_utf8_lossy(&answer).contains("peer"), "no handshake answer");
            for kind in ["request", "sync"] {
                let message = wire_message(&[
                    ("type", Ok(kind)),
                    ("senderId", Ok(&me)),
                    ("targetId", Ok(&target_id)),
                    ("documentId", Ok(&doc)),
                    ("data", Err(&crasher)),
                ]);
                let _ = out.send(message).await;
            }
            let closed = tokio::time::timeout(Duration::from_secs(10), conn.closed()).await.is_ok();
            endpoint.close().await;
            closed
        });
        assert!(closed, "the node kept the hostile connection open: {}", serving.log(&curator.dir));
    }
    std::thread::sleep(Duration::from_millis(300));
    let log = serving.log(&curator.dir);
    assert!(log.contains("недопустимым фильтром"), "no log line naming the refused message: {log}");
    // The second is a bundle chunk (our devices never send one), refused before automerge decodes it.
    assert!(log.contains("недопустимыми изменениями"), "no log line naming the refused message: {log}");
    // The same document still syncs with the node that was attacked, and reaches its disk.
    mentor.ok(&["plan", "add", "--pair", &pair, "--title", "После атаки", "--deadline", "2026-10-01"]);
    let report = mentor.ok(&["sync", "--peer", &serving.addr]);
    assert_eq!(report["synced"], report["total"], "{report}");
    assert!(report["total"].as_u64() > Some(0), "{report}");
    serving.stop();
    let plan = curator.ok(&["plan", "list", "--pair", &pair]);
    assert_eq!(plan[0]["title"], "После атаки", "{plan}");
}
