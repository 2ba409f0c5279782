//! A device on the school's network that poses as the curator (anyone can announce "curator" over
//! mDNS) must not be able to steal an invite: the joining device sends a proof bound to the device
//! it talks to and to itself, never the code ([`nastavnik_node::invite_proof`]). The fake learns
//! nothing it can redeem; the real curator refuses the replayed proof; the person then joins.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::sync::{Arc, Mutex};
use std::time::Duration;

use nastavnik_node::identity::Identity;
use nastavnik_node::invite::{self, RedeemResponse};
use nastavnik_node::net::{self, INVITE_ALPN, PeerAddr};
use nastavnik_node::paths::DataDir;
use nastavnik_tests::cli::{Device, field as s};
use tokio::io::AsyncReadExt;

#[test]
fn a_device_posing_as_the_curator_gets_nothing_it_can_redeem() {
    let curator = Device::new("theft-curator");
    let mentor = Device::new("theft-mentor");
    curator.ok(&["school", "create", "--name", "Школа"]);
    let m = curator.add_teacher("Петрова");
    let e = curator.add_teacher("Смирнов");
    let pair = curator.form_pair(&m, &e);
    curator.ok(&["plan", "add", "--pair", &pair, "--title", "Только для пары", "--deadline", "2026-10-01"]);
    let serving = curator.serve();
    let code = s(&curator.ok(&["invite", "create", "--person", &m]), "code");

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let fake_dir =
        DataDir::open(std::env::temp_dir().join(format!("nastavnik-fake-{}", std::process::id()))).unwrap();
    let (fake, _) = Identity::load_or_create(&fake_dir).unwrap();
    let endpoint = runtime.block_on(net::bind(&fake, "127.0.0.1:0".parse().unwrap())).unwrap();
    let fake_addr = net::own_addr(&endpoint).unwrap().to_string();
    // The fake curator keeps what the joining device sends and refuses.
    let captured = Arc::new(Mutex::new(Vec::new()));
    let (accepting, keep) = (endpoint.clone(), captured.clone());
    runtime.spawn(async move {
        let conn = accepting.accept().await.unwrap().await.unwrap();
        let (mut send, mut recv) = conn.accept_bi().await.unwrap();
        let mut bytes = Vec::new();
        AsyncReadExt::read_to_end(&mut recv, &mut bytes).await.unwrap();
        *keep.lock().unwrap() = bytes;
        invite::write_message(&mut send, &RedeemResponse::refused("нет")).await.unwrap();
        let _ = send.finish();
        let _ = tokio::time::timeout(Duration::from_secs(5), conn.closed()).await;
    });
    let fooled =
        mentor.command(&["invite", "redeem", "--code", &code, "--peer", &fake_addr]).output().unwrap();
    assert!(!fooled.status.success());
    let sent = String::from_utf8(captured.lock().unwrap().clone()).unwrap();
    assert!(sent.contains("proof"), "the fake heard nothing: {sent:?}");
    let plain = invite::normalise(&code);
    for form in [code.clone(), plain.clone(), plain.to_lowercase(), code.to_lowercase()] {
        assert!(!sent.contains(&form), "the code reached the fake curator: {sent}");
    }

    // The fake replays what it heard at the real curator, as itself: refused, the invite unused.
    let real: PeerAddr = serving.addr.parse().unwrap();
    let answer: RedeemResponse = runtime.block_on(async {
        let conn = endpoint.connect(real.endpoint_addr(), INVITE_ALPN).await.unwrap();
        let (mut send, mut recv) = conn.open_bi().await.unwrap();
        send.write_all(sent.as_bytes()).await.unwrap();
        let _ = send.finish();
        invite::read_message(&mut recv).await.unwrap()
    });
    assert_eq!(answer.error.as_deref(), Some("неверный код приглашения"), "{answer:?}");
    assert!(answer.pairs.is_empty());

    // The person joins with the same code at the real curator, and gets the pair.
    mentor.ok(&["invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    assert_eq!(mentor.ok(&["plan", "list", "--pair", &pair])[0]["title"], "Только для пары");
    serving.stop();
    runtime.block_on(endpoint.close());
    let _ = std::fs::remove_dir_all(fake_dir.root());
}
