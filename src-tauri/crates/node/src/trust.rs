//! Signing and checking access entries with device keys, and the share table they give.
//!
//! The curator's device signs; every device checks against the curator keys it trusts (its
//! own key on the curator's device; the keys learned from the invite on a member's device).

use std::collections::HashSet;
use std::str::FromStr;

use automerge::ROOT;
use chrono::{DateTime, Utc};
use iroh::{PublicKey, Signature};
use nastavnik_core::roster::{self, AccessEntry, EntryKind};
use nastavnik_core::school::SchoolDoc;

use crate::access::AccessTable;
use crate::device::Device;
use crate::error::NodeError;
use crate::identity::{Identity, hex};
use crate::node::Node;
use crate::roster_file;

/// A new entry for `device`, signed by this (curator) device for document `doc_id`.
pub fn signed_entry(
    identity: &Identity,
    doc_id: &str,
    kind: EntryKind,
    device: &str,
    person_id: &str,
    now: DateTime<Utc>,
) -> AccessEntry {
    let id = format!("acc-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
    let mut entry = AccessEntry::new(id, kind, device.into(), person_id.into(), now);
    entry.signature = hex(&identity.secret().sign(&entry.message(doc_id)).to_bytes());
    entry
}

/// A check that a signature is by one of the `trusted` keys.
pub fn verifier(trusted: &[String]) -> impl Fn(&[u8], &str) -> bool + use<> {
    let keys: Vec<PublicKey> = trusted.iter().filter_map(|k| PublicKey::from_str(k).ok()).collect();
    move |message: &[u8], signature: &str| {
        let Some(bytes) = unhex(signature) else { return false };
        let Ok(signature) = Signature::try_from(bytes.as_slice()) else { return false };
        keys.iter().any(|k| k.verify(message, &signature).is_ok())
    }
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// The access entries of a pair's document as its files on disk hold them (the document is not
/// kept in memory).
fn entries_on_disk(node: &Node, doc_id: &str) -> Result<Vec<AccessEntry>, NodeError> {
    let Some(doc) = crate::doc_files::DocFiles::new(&node.dir.docs(), doc_id).load()? else {
        return Ok(Vec::new());
    };
    autosurgeon::hydrate_prop::<_, Option<Vec<AccessEntry>>, _, _>(&doc, ROOT, "access")
        .map(Option::unwrap_or_default)
        .map_err(|e| NodeError::Doc(nastavnik_core::DocError::Schema(e.to_string())))
}

/// The access entries of a pair's document, read without hydrating the rest.
pub async fn entries(node: &Node, doc_id: &str) -> Result<Vec<AccessEntry>, NodeError> {
    let handle = node.handle(doc_id).await?;
    let read = handle
        .with_document_async(|doc| {
            autosurgeon::hydrate_prop::<_, Option<Vec<AccessEntry>>, _, _>(doc, ROOT, "access")
                .map(Option::unwrap_or_default)
        })
        .await?;
    read.map_err(|e| NodeError::Doc(nastavnik_core::DocError::Schema(e.to_string())))
}

/// The share table this device can verify right now.
pub async fn access_table(node: &Node) -> Result<AccessTable, NodeError> {
    let mut table = AccessTable::default();
    let (trusted, docs): (Vec<String>, Vec<String>) = match &node.device {
        Device::New => return Ok(table),
        Device::Curator { school_doc } => {
            if let Some(roster) = roster_file::load(&node.dir) {
                for (doc, devices) in roster {
                    table.members.insert(doc, devices.into_iter().collect());
                }
                return Ok(table);
            }
            let school: SchoolDoc = node.read(school_doc).await?;
            let docs = school.pairs_with_docs().map(|p| p.doc_id.clone()).collect();
            (vec![node.identity.device_id()], docs)
        }
        Device::Member { curators, pairs, .. } => {
            table.curators = curators.iter().cloned().collect();
            (curators.clone(), pairs.iter().map(|(_, d)| d.clone()).collect())
        }
    };
    let verify = verifier(&trusted);
    let curator = matches!(node.device, Device::Curator { .. });
    for doc in docs {
        // A document not received yet has no entries to read; the curator will send it.
        // (Asking for it here would make samod remember it as unavailable.)
        if !node.has_local(&doc) {
            continue;
        }
        // The curator rebuilds its roster from thousands of documents: read each from disk and
        // drop it, instead of loading every one into the repository for good (memory).
        let read = if curator { entries_on_disk(node, &doc) } else { entries(node, &doc).await };
        let Ok(entries) = read else { continue };
        let devices: HashSet<String> =
            roster::effective_devices(&doc, &entries, &verify).into_iter().collect();
        table.members.insert(doc, devices);
    }
    if matches!(node.device, Device::Curator { .. }) {
        // Rebuilt from the documents once; kept up to date by every grant and revocation.
        let roster = table.members.iter().map(|(d, s)| (d.clone(), s.iter().cloned().collect())).collect();
        roster_file::save(&node.dir, &roster)?;
    }
    Ok(table)
}

/// The grants this device holds, per document: what it presents to a pair partner whose copy
/// may not know them yet.
pub async fn own_grants(node: &Node) -> Vec<(String, AccessEntry)> {
    let Device::Member { pairs, .. } = &node.device else { return Vec::new() };
    let me = node.identity.device_id();
    let mut out = Vec::new();
    for (_, doc) in pairs {
        if !node.has_local(doc) {
            continue;
        }
        let Ok(list) = entries(node, doc).await else { continue };
        out.extend(
            list.into_iter().filter(|e| e.device == me && e.kind == "grant").map(|e| (doc.clone(), e)),
        );
    }
    out
}

/// Whether `entry`, presented by device `presenter` for document `doc`, is that device's own
/// grant, signed by a curator `verify` trusts.
pub fn genuine_grant(
    presenter: &str,
    doc: &str,
    entry: &AccessEntry,
    verify: &impl Fn(&[u8], &str) -> bool,
) -> bool {
    entry.device == presenter && entry.kind == "grant" && verify(&entry.message(doc), &entry.signature)
}

/// Takes grants a peer presented: only its own (the entry names the authenticated device),
/// only for documents held here, only with a valid signature of a trusted curator. Returns how
/// many were new.
pub async fn accept_grants(
    node: &Node,
    presenter: &str,
    grants: Vec<(String, AccessEntry)>,
) -> Result<usize, NodeError> {
    let trusted = match &node.device {
        Device::Member { curators, .. } => curators.clone(),
        Device::Curator { .. } => return Ok(0), // the curator made them
        Device::New => return Ok(0),
    };
    let verify = verifier(&trusted);
    let mut added = 0;
    for (doc, entry) in grants {
        if !genuine_grant(presenter, &doc, &entry, &verify) || !node.has_local(&doc) {
            continue;
        }
        let now = node.clock.now();
        let new = node
            .change(
                &doc,
                now,
                "доступ партнёра",
                move |p: &mut nastavnik_core::pair::PairDoc| p.import_verified_access(entry),
            )
            .await?;
        added += usize::from(new);
    }
    if added > 0 {
        node.set_access(access_table(node).await?);
    }
    Ok(added)
}

/// The curator revokes, in one pair's document, every device a person holds access through (a
/// mentor replaced: their devices get nothing of the pair from then on). Returns those devices.
pub async fn revoke_person_in(
    node: &Node,
    doc: &str,
    person: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, NodeError> {
    let _alone = node.exclusive().await;
    let current = entries(node, doc).await?;
    let verify = verifier(&[node.identity.device_id()]);
    let devices: Vec<String> = roster::effective_devices(doc, &current, &verify)
        .into_iter()
        .filter(|d| roster::person_of(doc, &current, d, &verify).as_deref() == Some(person))
        .collect();
    for device in &devices {
        let entry = signed_entry(&node.identity, doc, EntryKind::Revoke, device, person, now);
        node.change(doc, now, "отзыв доступа", move |p: &mut nastavnik_core::pair::PairDoc| {
            p.add_access_entry(&nastavnik_core::pair::Actor::Curator, entry)
        })
        .await?;
        roster_file::update(&node.dir, doc, device, false)?;
    }
    node.set_access(access_table(node).await?);
    Ok(devices)
}

/// The curator revokes a device (a lost phone): a signed revocation goes into every pair
/// document that granted it. Returns the pairs affected.
pub async fn revoke(node: &Node, device: &str, now: DateTime<Utc>) -> Result<Vec<String>, NodeError> {
    let Device::Curator { school_doc } = &node.device else {
        return Err(NodeError::Input("отзывать доступ может только куратор".into()));
    };
    let _alone = node.exclusive().await;
    let school: SchoolDoc = node.read(school_doc).await?;
    let verify = verifier(&[node.identity.device_id()]);
    let mut affected = Vec::new();
    for pair in school.pairs_with_docs() {
        let current = entries(node, &pair.doc_id).await?;
        let Some(person) = roster::person_of(&pair.doc_id, &current, device, &verify) else { continue };
        let entry = signed_entry(&node.identity, &pair.doc_id, EntryKind::Revoke, device, &person, now);
        node.change(
            &pair.doc_id,
            now,
            "отзыв доступа",
            move |p: &mut nastavnik_core::pair::PairDoc| {
                p.add_access_entry(&nastavnik_core::pair::Actor::Curator, entry)
            },
        )
        .await?;
        roster_file::update(&node.dir, &pair.doc_id, device, false)?;
        affected.push(pair.id.clone());
    }
    if affected.is_empty() {
        return Err(NodeError::Missing(format!("у устройства {device} нет доступа ни к одной паре")));
    }
    node.set_access(access_table(node).await?);
    Ok(affected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paths::DataDir;

    #[tokio::test]
    async fn presented_grants_count_only_if_genuine_and_the_presenters_own() {
        use chrono::NaiveDate;
        use nastavnik_core::pair::{NewMember, NewPair, PairDoc};
        use nastavnik_shared::vocab::{Form, Kind, MemberRole};
        let root = std::env::temp_dir().join(format!("nastavnik-present-{}", std::process::id()));
        let (curator, _) = Identity::load_or_create(&DataDir::open(root.join("c")).unwrap()).unwrap();
        let (stranger, _) = Identity::load_or_create(&DataDir::open(root.join("s")).unwrap()).unwrap();
        let mut node =
            Node::open(DataDir::open(root.join("m")).unwrap(), crate::clock::Clock::system()).await.unwrap();
        let members = vec![
            NewMember { person_id: "a".into(), name: "А".into(), role: MemberRole::Mentor },
            NewMember { person_id: "b".into(), name: "Б".into(), role: MemberRole::Mentee },
        ];
        let new = NewPair {
            pair_id: "p".into(),
            school_name: "Школа".into(),
            form: Form::TeacherTeacher,
            kind: Kind::Traditional,
            role_model: String::new(),
            period_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
            period_months: 9,
            members,
        };
        let now = Utc::now();
        let doc = node.create(&PairDoc::new(new, now).unwrap(), now).await.unwrap();
        node.set_device(Device::Member {
            person_id: "a".into(),
            name: "А".into(),
            curators: vec![curator.device_id()],
            pairs: vec![("p".into(), doc.clone())],
        })
        .unwrap();
        let partner = "partner-device";
        let genuine = signed_entry(&curator, &doc, EntryKind::Grant, partner, "b", now);
        let forged = signed_entry(&stranger, &doc, EntryKind::Grant, partner, "b", now);
        let someone_elses = signed_entry(&curator, &doc, EntryKind::Grant, "third-device", "b", now);
        assert_eq!(accept_grants(&node, partner, vec![(doc.clone(), forged)]).await.unwrap(), 0);
        assert_eq!(accept_grants(&node, partner, vec![(doc.clone(), someone_elses)]).await.unwrap(), 0);
        assert_eq!(
            accept_grants(&node, partner, vec![("other-doc".into(), genuine.clone())]).await.unwrap(),
            0
        );
        assert!(!node.access().members.get(&doc).is_some_and(|d| d.contains(partner)));
        assert_eq!(accept_grants(&node, partner, vec![(doc.clone(), genuine.clone())]).await.unwrap(), 1);
        assert!(node.access().members[&doc].contains(partner));
        assert_eq!(
            accept_grants(&node, partner, vec![(doc.clone(), genuine)]).await.unwrap(),
            0,
            "only once"
        );
        node.close().await.unwrap();
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn signatures_of_the_trusted_key_verify_and_others_do_not() {
        let root = std::env::temp_dir().join(format!("nastavnik-trust-{}", std::process::id()));
        let (curator, _) = Identity::load_or_create(&DataDir::open(root.join("c")).unwrap()).unwrap();
        let (other, _) = Identity::load_or_create(&DataDir::open(root.join("o")).unwrap()).unwrap();
        let now = Utc::now();
        let good = signed_entry(&curator, "doc", EntryKind::Grant, "dev", "p", now);
        let foreign = signed_entry(&other, "doc", EntryKind::Grant, "dev2", "p", now);
        let verify = verifier(&[curator.device_id()]);
        assert!(verify(&good.message("doc"), &good.signature));
        assert!(!verify(&good.message("other-doc"), &good.signature));
        assert!(!verify(&foreign.message("doc"), &foreign.signature));
        assert!(!verify(&good.message("doc"), "zz"));
        std::fs::remove_dir_all(root).unwrap();
    }
}
