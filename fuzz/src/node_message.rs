//! The node's own messages read off a network stream: the sync stream's frames (checked before
//! samod sees them), the invite protocol's request and answer, the access protocol's
//! presentation and answer, and the invite a person types or scans. The first byte picks the
//! message; the rest is what a device sent. Each is read and then checked the way the node does.

use chrono::{TimeZone, Utc};
use nastavnik_core::roster::EntryKind;
use nastavnik_node::grants::{Accepted, Presented};
use nastavnik_node::identity::Identity;
use nastavnik_node::invite::{self, Invite, RedeemRequest, RedeemResponse};
use nastavnik_node::{invite_proof, joining, trust, wire};

/// The presenting device's key (fixed, so seeds carry genuine signatures).
fn presenter() -> Identity {
    Identity::from_secret(iroh::SecretKey::from_bytes(&[3; 32]))
}

/// The curator whose signatures the receiving device trusts.
fn curator() -> Identity {
    Identity::from_secret(iroh::SecretKey::from_bytes(&[5; 32]))
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).single().unwrap_or_default()
}

/// The curator's one invite (its key derived once: Argon2id is slow on purpose).
fn invites() -> &'static [Invite] {
    static INVITES: std::sync::OnceLock<Vec<Invite>> = std::sync::OnceLock::new();
    INVITES.get_or_init(|| {
        let key = invite_proof::code_key(CODE, &curator().device_id()).unwrap_or_default();
        vec![Invite {
            code: CODE.into(),
            person_id: "p-1".into(),
            expires_at: now() + chrono::Duration::days(7),
            used_by: None,
            key: invite_proof::key_text(&key),
        }]
    })
}

const CODE: &str = "K7F4Q-9XZ2M";

/// Which message the first byte picks.
const KINDS: u8 = 6;

/// Runs one message through the node's reading and checking.
pub fn node_message(data: &[u8]) {
    crate::caught_panics_are_not_crashes();
    let Some((&pick, bytes)) = data.split_first() else { return };
    match pick % KINDS {
        0 => {
            let _ = wire::check_frame(bytes);
        }
        1 => {
            if let Ok(request) = invite::decode_message::<RedeemRequest>(bytes) {
                let (curator, joiner) = (curator().device_id(), presenter().device_id());
                let _ = invite::find_usable(invites(), &curator, &joiner, &request.proof, now());
            }
        }
        2 => {
            if let Ok(answer) = invite::decode_message::<RedeemResponse>(bytes) {
                let _ = answer.check();
            }
        }
        3 => {
            if let Ok(presented) = invite::decode_message::<Presented>(bytes) {
                check_grants(presented.grants());
            }
        }
        4 => {
            if let Ok(accepted) = invite::decode_message::<Accepted>(bytes) {
                check_grants(accepted.into_parts().1);
            }
        }
        _ => {
            if let Ok(text) = std::str::from_utf8(bytes) {
                let _ = joining::parse_invite(text, None);
            }
        }
    }
}

fn check_grants(grants: Vec<(String, nastavnik_core::roster::AccessEntry)>) {
    let verify = trust::verifier(&[curator().device_id()]);
    for (doc, entry) in grants {
        let _ = trust::genuine_grant(&presenter().device_id(), &doc, &entry, &verify);
    }
}

/// Real messages of each kind, as the node writes them.
pub fn seeds() -> Vec<Vec<u8>> {
    let with = |kind: u8, body: Vec<u8>| [&[kind][..], &body[..]].concat();
    let json = |v: serde_json::Value| serde_json::to_vec(&v).unwrap_or_default();
    let doc = "6gMHXjsZ5cxdn4qSbgGYYY8CnKK";
    let entry =
        trust::signed_entry(&curator(), doc, EntryKind::Grant, &presenter().device_id(), "p-1", now());
    let wire_entry = serde_json::json!({
        "id": entry.id, "kind": entry.kind, "device": entry.device, "person_id": entry.person_id,
        "issued_at": nastavnik_shared::Code::code(&entry.issued_at.0), "signature": entry.signature,
    });
    vec![
        with(0, sync_frame(doc)),
        with(1, json(serde_json::json!({ "proof": proof_of(&presenter().device_id()) }))),
        with(
            2,
            json(serde_json::json!({
                "error": null, "school": "Школа", "personId": "p-1", "name": "Петрова",
                "curators": [curator().device_id()], "pairs": [["pair-1", doc]],
            })),
        ),
        with(3, json(serde_json::json!({ "grants": [[doc, wire_entry]], "asked": [doc] }))),
        with(4, json(serde_json::json!({ "added": 1, "grants": [[doc, wire_entry]], "refused": [] }))),
        with(5, r#"{"school":"Школа","curator":"","code":"K7F4Q-9XZ2M"}"#.as_bytes().to_vec()),
    ]
}

/// A joining device's proof of the invite's code.
fn proof_of(joiner: &str) -> String {
    invites()
        .first()
        .and_then(|i| invite_proof::key_from_text(&i.key))
        .map(|key| invite_proof::proof(&key, joiner))
        .unwrap_or_default()
}

/// A `sync` message of samod's wire protocol carrying a real first sync message.
fn sync_frame(doc: &str) -> Vec<u8> {
    use automerge::sync::{State, SyncDoc};
    let data = automerge::Automerge::new().generate_sync_message(&mut State::new()).map(|m| m.encode());
    let mut e = minicbor::Encoder::new(Vec::new());
    let written = (|| -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
        e.map(5)?;
        e.str("type")?.str("sync")?;
        e.str("senderId")?.str("a")?;
        e.str("targetId")?.str("b")?;
        e.str("documentId")?.str(doc)?;
        e.str("data")?.bytes(&data.unwrap_or_default())?;
        Ok(())
    })();
    if written.is_err() {
        return Vec::new();
    }
    e.into_writer()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seeds are what the node accepts, so mutations start from the paths past the parsing.
    #[test]
    fn every_seed_is_a_message_the_node_accepts() {
        let seeds = seeds();
        assert_eq!(seeds.len(), usize::from(KINDS));
        wire::check_frame(&seeds[0][1..]).unwrap();
        let request: RedeemRequest = invite::decode_message(&seeds[1][1..]).unwrap();
        let (c, p) = (curator().device_id(), presenter().device_id());
        assert_eq!(invite::find_usable(invites(), &c, &p, &request.proof, now()), Ok(0));
        invite::decode_message::<RedeemResponse>(&seeds[2][1..]).unwrap().check().unwrap();
        let verify = trust::verifier(&[curator().device_id()]);
        let presented = invite::decode_message::<Presented>(&seeds[3][1..]).unwrap().grants();
        let accepted = invite::decode_message::<Accepted>(&seeds[4][1..]).unwrap().into_parts().1;
        for (doc, entry) in presented.iter().chain(&accepted) {
            assert!(trust::genuine_grant(&presenter().device_id(), doc, entry, &verify));
            assert!(!trust::genuine_grant(&curator().device_id(), doc, entry, &verify), "not someone else's");
        }
        assert_eq!(presented.len() + accepted.len(), 2);
        joining::parse_invite(std::str::from_utf8(&seeds[5][1..]).unwrap(), None).unwrap();
    }
}
