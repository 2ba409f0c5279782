#![allow(clippy::unwrap_used)] // a panic is how a test fails

use super::*;
use automerge::sync::{State, SyncDoc};
use automerge::{AutoCommit, ROOT, transaction::Transactable};
use futures::{SinkExt, StreamExt};

/// A samod wire message as samod writes it (a definite CBOR map).
fn wire(kind: &str, data: &[u8]) -> Vec<u8> {
    let mut e = minicbor::Encoder::new(Vec::new());
    e.map(5).unwrap();
    e.str("type").unwrap().str(kind).unwrap();
    e.str("senderId").unwrap().str("a").unwrap();
    e.str("targetId").unwrap().str("b").unwrap();
    e.str("documentId").unwrap().str("6gMHXjsZ5cxdn4qSbgGYYY8CnKK").unwrap();
    e.str("data").unwrap().bytes(data).unwrap();
    e.into_writer()
}

fn honest_sync_message() -> Vec<u8> {
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "k", 1).unwrap();
    doc.document().clone().generate_sync_message(&mut State::new()).unwrap().encode()
}

/// The fuzzer's crasher: a filter with entries and no bits (automerge 0.12.0 panics on it).
fn hostile_sync_message() -> Vec<u8> {
    vec![0x42, 0, 0, 1, 0, 3, 3, 0, 7, 0]
}

#[test]
fn honest_messages_pass() {
    check_frame(&wire("sync", &honest_sync_message())).unwrap();
    check_frame(&wire("request", &honest_sync_message())).unwrap();
    // Messages without a sync message are samod's to judge.
    check_frame(&wire("ephemeral", b"anything")).unwrap();
}

#[test]
fn a_hostile_sync_message_is_refused_in_sync_and_request() {
    for kind in ["sync", "request"] {
        let err = check_frame(&wire(kind, &hostile_sync_message())).unwrap_err();
        assert!(matches!(err, BadFrame::Sync(BadSyncMessage::Filter(_))), "{kind}: {err}");
    }
}

#[test]
fn a_hostile_message_hidden_behind_an_honest_data_field_is_refused() {
    // samod keeps the last `data`; every one is checked.
    let mut e = minicbor::Encoder::new(Vec::new());
    e.map(3).unwrap();
    e.str("data").unwrap().bytes(&honest_sync_message()).unwrap();
    e.str("type").unwrap().str("sync").unwrap();
    e.str("data").unwrap().bytes(&hostile_sync_message()).unwrap();
    assert!(check_frame(e.writer()).is_err());
}

#[test]
fn what_is_not_a_cbor_map_is_unreadable() {
    for garbage in [&b""[..], b"\xff", b"\x81\x01", b"\xbf\x64type\x64sync\xff"] {
        assert!(matches!(check_frame(garbage), Err(BadFrame::Unreadable(_))), "{garbage:?}");
    }
}

#[tokio::test]
async fn frames_round_trip_and_end_quietly() {
    let (a, b) = tokio::io::duplex(1 << 16);
    let messages = vec![wire("sync", &honest_sync_message()), wire("leave", b""), vec![0xa0]];
    let mut out = sink(a);
    for m in &messages {
        out.send(m.clone()).await.unwrap();
    }
    drop(out);
    let got: Vec<Vec<u8>> = frames(b, "b".into()).map(|f| f.unwrap()).collect().await;
    assert_eq!(got, messages);
}

#[tokio::test]
async fn a_huge_header_is_refused_before_anything_is_allocated() {
    let (mut a, b) = tokio::io::duplex(64);
    a.write_all(&u32::MAX.to_be_bytes()).await.unwrap();
    let err = frames(b, "b".into()).next().await.unwrap().unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    assert!(err.to_string().contains("больше допустимого"), "{err}");
}

#[tokio::test]
async fn a_hostile_frame_ends_the_stream_with_an_error() {
    let (a, b) = tokio::io::duplex(1 << 16);
    let mut out = sink(a);
    out.send(wire("sync", &hostile_sync_message())).await.unwrap();
    let err = frames(b, "b".into()).next().await.unwrap().unwrap_err();
    assert!(err.to_string().contains("фильтром"), "{err}");
}

#[tokio::test]
async fn a_frame_cut_short_is_an_error_not_a_message() {
    let (mut a, b) = tokio::io::duplex(64);
    a.write_all(&[0, 0, 0, 10, 1, 2, 3]).await.unwrap();
    drop(a);
    let err = frames(b, "b".into()).next().await.unwrap().unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
}
