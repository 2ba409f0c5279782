//! Invites: how a mentor's or mentee's device joins.
//!
//! The curator creates an invite for a person: a short code to type (and a payload with the
//! curator's device id and address, for a QR code), single use, expiring. The person's device
//! connects to the curator's device (ALPN `nastavnik/invite/1`, authenticated by its own key),
//! sends the code, and gets back the school, its person and pairs; the curator signs grants for
//! that device into each of the person's pair documents. The exchange is one small JSON message
//! each way, size- and time-limited; anything else closes the connection.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::error::NodeError;
use crate::invite_proof;
use crate::paths::{DataDir, write_atomic};

/// Largest message accepted on the invite protocol.
pub const MAX_MESSAGE: usize = 64 * 1024;
/// How long one exchange may take.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Alphabet of codes: no 0/O, 1/I/L, so a code read aloud is typed right.
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// An invite kept on the curator's device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invite {
    /// The code, e.g. `K7F4Q-9XZ2M`.
    pub code: String,
    /// The person invited.
    pub person_id: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// The device that redeemed it, once used.
    pub used_by: Option<String>,
    /// The key a redeeming device proves it knows the code with ([`crate::invite_proof`]),
    /// derived when the invite is issued (empty in invites issued before: derived when checked).
    #[serde(default)]
    pub key: String,
}

/// The payload of a QR code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitePayload {
    /// The school's name (shown before joining).
    pub school: String,
    /// The curator device to connect to: `<id>@<ip:port>`.
    pub curator: String,
    /// The code.
    pub code: String,
}

/// What a joining device sends: not the code, a proof that it knows it
/// ([`crate::invite_proof`]).
#[derive(Debug, Serialize, Deserialize)]
pub struct RedeemRequest {
    /// The code's key's MAC of the joining device's id (hex).
    pub proof: String,
}

/// What the curator's device answers.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RedeemResponse {
    /// Set when the invite was refused.
    pub error: Option<String>,
    /// The school's name.
    pub school: String,
    /// The person this device belongs to.
    pub person_id: String,
    /// Their name.
    pub name: String,
    /// The curator devices to trust.
    pub curators: Vec<String>,
    /// The person's pairs: (pair id, document id).
    pub pairs: Vec<(String, String)>,
}

impl RedeemResponse {
    /// A refusal.
    pub fn refused(why: impl Into<String>) -> RedeemResponse {
        RedeemResponse {
            error: Some(why.into()),
            school: String::new(),
            person_id: String::new(),
            name: String::new(),
            curators: Vec::new(),
            pairs: Vec::new(),
        }
    }

    /// Checks an accepting answer before the device records it: the curators' keys are keys,
    /// the documents are document ids, the person is named.
    pub fn check(&self) -> Result<(), NodeError> {
        let bad = |what: String| Err(NodeError::Net(format!("куратор прислал неверный ответ: {what}")));
        if self.person_id.trim().is_empty() {
            return bad("не указан участник".into());
        }
        if self.curators.is_empty() {
            return bad("не указано устройство куратора".into());
        }
        if let Some(key) = self.curators.iter().find(|k| k.parse::<iroh::PublicKey>().is_err()) {
            return bad(format!("«{key}» — не ключ устройства"));
        }
        if let Some((_, doc)) = self.pairs.iter().find(|(_, d)| d.parse::<samod::DocumentId>().is_err()) {
            return bad(format!("«{doc}» — не идентификатор документа"));
        }
        Ok(())
    }
}

/// A fresh code: 10 characters of [`ALPHABET`] (about 49 bits), grouped 5-5.
pub fn new_code() -> String {
    let bytes = uuid::Uuid::new_v4().into_bytes();
    let chars: String =
        bytes.iter().take(10).map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// Normalises a typed code: upper case, no spaces or dashes.
pub fn normalise(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// The curator's invites, in `invites.json`.
pub fn load(dir: &DataDir) -> Result<Vec<Invite>, NodeError> {
    let path = dir.root().join("invites.json");
    match std::fs::read(&path) {
        Ok(bytes) => {
            serde_json::from_slice(&bytes).map_err(|e| NodeError::io_in(&path.display().to_string(), e))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(NodeError::io(&path, e)),
    }
}

/// Saves the curator's invites.
pub fn save(dir: &DataDir, invites: &[Invite]) -> Result<(), NodeError> {
    let bytes = serde_json::to_vec_pretty(invites).map_err(NodeError::io_by)?;
    write_atomic(&dir.root().join("invites.json"), &bytes, 0o600)
}

/// Checks a joining device's proof against the invites of curator device `curator`: the index of
/// the usable invite whose code device `joiner` knows, or why not.
pub fn find_usable(
    invites: &[Invite],
    curator: &str,
    joiner: &str,
    proof: &str,
    now: DateTime<Utc>,
) -> Result<usize, String> {
    let key = |i: &Invite| {
        invite_proof::key_from_text(&i.key).or_else(|| invite_proof::code_key(&i.code, curator).ok())
    };
    let at = invites
        .iter()
        .position(|i| key(i).is_some_and(|k| invite_proof::proves(&k, joiner, proof)))
        .ok_or("неверный код приглашения")?;
    match &invites[at] {
        i if i.used_by.is_some() => Err("приглашение уже использовано".into()),
        i if i.expires_at < now => Err("срок действия приглашения истёк".into()),
        _ => Ok(at),
    }
}

/// Reads one JSON message of at most [`MAX_MESSAGE`] bytes (the sender finishes its stream).
pub async fn read_message<T: for<'de> Deserialize<'de>>(
    recv: &mut (impl AsyncReadExt + Unpin),
) -> Result<T, NodeError> {
    let mut buf = Vec::new();
    let read = tokio::time::timeout(TIMEOUT, recv.take(MAX_MESSAGE as u64 + 1).read_to_end(&mut buf)).await;
    match read {
        Err(_) => Err(NodeError::Net("превышено время ожидания ответа".into())),
        Ok(Err(e)) => Err(NodeError::net_by(e)),
        Ok(Ok(_)) if buf.len() > MAX_MESSAGE => Err(NodeError::Net("сообщение слишком большое".into())),
        Ok(Ok(_)) => decode_message(&buf),
    }
}

/// One message of the invite and access protocols from its bytes.
pub fn decode_message<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, NodeError> {
    serde_json::from_slice(bytes).map_err(|e| NodeError::net_in("неверное сообщение", e))
}

/// Writes one JSON message.
pub async fn write_message<T: Serialize>(
    send: &mut (impl AsyncWriteExt + Unpin),
    message: &T,
) -> Result<(), NodeError> {
    let bytes = serde_json::to_vec(message).map_err(NodeError::io_by)?;
    send.write_all(&bytes).await.map_err(NodeError::net_by)
}

#[cfg(test)]
mod tests {
    use chrono::Duration as Days;

    use super::*;

    #[test]
    fn codes_are_single_use_expiring_and_forgiving_to_type() {
        let code = new_code();
        assert_eq!(code.len(), 11);
        assert!(code.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
        let now = Utc::now();
        let key = invite_proof::code_key(&code, "curator").unwrap();
        let mut invites = vec![Invite {
            code: code.clone(),
            person_id: "p".into(),
            expires_at: now + Days::hours(72),
            used_by: None,
            key: invite_proof::key_text(&key),
        }];
        let typed = code.to_lowercase().replace('-', " ");
        let by = |code: &str| invite_proof::proof(&invite_proof::code_key(code, "curator").unwrap(), "phone");
        assert_eq!(find_usable(&invites, "curator", "phone", &by(&typed), now), Ok(0));
        assert!(find_usable(&invites, "curator", "phone", &by("AAAAA-AAAAA"), now).is_err());
        assert!(find_usable(&invites, "curator", "other", &by(&code), now).is_err(), "bound to the device");
        assert_eq!(
            find_usable(&invites, "curator", "phone", &by(&code), now + Days::hours(73)).unwrap_err(),
            "срок действия приглашения истёк"
        );
        // An invite issued before keys were stored: derived from its code when checked.
        invites[0].key.clear();
        assert_eq!(find_usable(&invites, "curator", "phone", &by(&code), now), Ok(0));
        invites[0].used_by = Some("device".into());
        assert_eq!(
            find_usable(&invites, "curator", "phone", &by(&code), now).unwrap_err(),
            "приглашение уже использовано"
        );
    }

    #[test]
    fn an_answer_with_foreign_keys_or_ids_is_refused_before_it_is_recorded() {
        let key = iroh::SecretKey::from_bytes(&[7; 32]).public().to_string();
        let good = RedeemResponse {
            error: None,
            school: "Школа".into(),
            person_id: "p-1".into(),
            name: "Петрова".into(),
            curators: vec![key.clone()],
            pairs: vec![("pair-1".into(), "6gMHXjsZ5cxdn4qSbgGYYY8CnKK".into())],
        };
        good.check().unwrap();
        let broken = [
            RedeemResponse { curators: vec!["не ключ".into()], ..good_clone(&good) },
            RedeemResponse { curators: vec![], ..good_clone(&good) },
            RedeemResponse { pairs: vec![("pair-1".into(), "../../etc".into())], ..good_clone(&good) },
            RedeemResponse { person_id: " ".into(), ..good_clone(&good) },
        ];
        for answer in broken {
            let err = answer.check().unwrap_err().to_string();
            assert!(err.contains("куратор прислал неверный ответ"), "{err}");
        }
    }

    fn good_clone(r: &RedeemResponse) -> RedeemResponse {
        serde_json::from_slice(&serde_json::to_vec(r).unwrap()).unwrap()
    }
}
