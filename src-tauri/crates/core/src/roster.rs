//! Who may receive a pair's document: access entries signed by the curator.
//!
//! The curator's device key is the school's trust root; every member device learns it when it
//! redeems an invite. Access is granted (and revoked) by entries the curator signs over
//! `nastavnik/access/v1|<document id>|<kind>|<device>|<person>|<issued at>`. The entries travel
//! inside the pair's document like any other data; a member who edits them cannot forge the
//! signature, and an entry copied from another document fails because the document id is signed.
//!
//! Effective access = devices with a valid grant, minus devices with a valid revocation.
//! Signature checking is passed in (the node has the ed25519 code); this module only decides.

use std::collections::BTreeSet;

use autosurgeon::{Hydrate, Reconcile};
use chrono::{DateTime, Utc};

use crate::coded::Stamp;

/// Grant or revoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// The device may receive the document.
    Grant,
    /// The device may no longer receive it.
    Revoke,
}

impl EntryKind {
    fn code(self) -> &'static str {
        match self {
            EntryKind::Grant => "grant",
            EntryKind::Revoke => "revoke",
        }
    }
}

/// One signed access entry.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct AccessEntry {
    /// Id.
    #[key]
    pub id: String,
    /// "grant" or "revoke".
    pub kind: String,
    /// The device (its public key as text).
    pub device: String,
    /// The person the device belongs to.
    pub person_id: String,
    /// When the curator issued it.
    pub issued_at: Stamp,
    /// The curator's signature, hex.
    pub signature: String,
}

impl AccessEntry {
    /// An unsigned entry; sign [`AccessEntry::message`] and set `signature`.
    pub fn new(
        id: String,
        kind: EntryKind,
        device: String,
        person_id: String,
        now: DateTime<Utc>,
    ) -> AccessEntry {
        AccessEntry {
            id,
            kind: kind.code().into(),
            device,
            person_id,
            issued_at: now.into(),
            signature: String::new(),
        }
    }

    /// The bytes the curator signs, binding the entry to one document.
    pub fn message(&self, doc_id: &str) -> Vec<u8> {
        use nastavnik_shared::Code;
        format!(
            "nastavnik/access/v1|{doc_id}|{}|{}|{}|{}",
            self.kind,
            self.device,
            self.person_id,
            self.issued_at.0.code()
        )
        .into_bytes()
    }
}

/// The devices that may receive document `doc_id`, given its entries and a check that a
/// signature over a message is the trusted curator's.
pub fn effective_devices(
    doc_id: &str,
    entries: &[AccessEntry],
    verify: impl Fn(&[u8], &str) -> bool,
) -> BTreeSet<String> {
    let valid = |e: &&AccessEntry| verify(&e.message(doc_id), &e.signature);
    let revoked: BTreeSet<&str> =
        entries.iter().filter(|e| e.kind == "revoke").filter(valid).map(|e| e.device.as_str()).collect();
    entries
        .iter()
        .filter(|e| e.kind == "grant" && !revoked.contains(e.device.as_str()))
        .filter(valid)
        .map(|e| e.device.clone())
        .collect()
}

/// The person a device acts as in a document, if it holds a valid grant.
pub fn person_of(
    doc_id: &str,
    entries: &[AccessEntry],
    device: &str,
    verify: impl Fn(&[u8], &str) -> bool,
) -> Option<String> {
    effective_devices(doc_id, entries, &verify)
        .contains(device)
        .then(|| {
            entries.iter().find(|e| e.device == device && e.kind == "grant").map(|e| e.person_id.clone())
        })
        .flatten()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    /// A stand-in signature: "signed:" + the message, by the one trusted key.
    fn sign(e: &mut AccessEntry, doc: &str) {
        e.signature = format!("signed:{}", String::from_utf8(e.message(doc)).unwrap());
    }
    fn verify(message: &[u8], signature: &str) -> bool {
        signature == format!("signed:{}", String::from_utf8_lossy(message))
    }
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 9, 1, 9, 0, 0).unwrap()
    }
    fn entry(kind: EntryKind, device: &str, doc: &str) -> AccessEntry {
        let mut e = AccessEntry::new(format!("{device}-{kind:?}"), kind, device.into(), "p".into(), now());
        sign(&mut e, doc);
        e
    }

    #[test]
    fn grants_minus_revocations_and_nothing_forged_counts() {
        let doc = "doc-a";
        let mut forged = entry(EntryKind::Grant, "thief", doc);
        forged.signature = "signed:something else".into();
        let copied = entry(EntryKind::Grant, "copycat", "doc-b"); // signed for another document
        let mut tampered = entry(EntryKind::Grant, "mentee", doc);
        tampered.device = "attacker".into(); // changed after signing
        let entries = vec![
            entry(EntryKind::Grant, "mentor", doc),
            entry(EntryKind::Grant, "mentee", doc),
            entry(EntryKind::Grant, "lost-phone", doc),
            entry(EntryKind::Revoke, "lost-phone", doc),
            forged,
            copied,
            tampered,
        ];
        let devices: Vec<String> = effective_devices(doc, &entries, verify).into_iter().collect();
        assert_eq!(devices, ["mentee", "mentor"]);
        assert_eq!(person_of(doc, &entries, "mentor", verify).as_deref(), Some("p"));
        assert_eq!(person_of(doc, &entries, "lost-phone", verify), None);
        let mut fake_revoke = entry(EntryKind::Revoke, "mentor", doc);
        fake_revoke.signature.push('x');
        let mut with_fake = entries.clone();
        with_fake.push(fake_revoke);
        assert!(
            effective_devices(doc, &with_fake, verify).contains("mentor"),
            "a forged revocation changes nothing"
        );
    }
}
