//! A mentor's private notes on this device (`nastavnik_core::notes`).
//!
//! One automerge document in `private/notes.automerge`, kept **outside** the samod repository on
//! purpose: every way documents leave a device (the network sync, and any transport built on the
//! repository) starts from the repository, so a document it never holds cannot be sent, whatever a
//! peer asks for — the curator's, the mentee's and an outsider's devices alike get nothing of it
//! (`tests/tests/private_notes.rs` checks their disks). It is written whole and atomically (a crash
//! leaves the old or the new file), by one operation at a time ([`Node::exclusive`]); a damaged
//! file is reported and left as it is, never overwritten.
//!
//! Only a mentor keeps notes, about the pairs they mentor, on a member's device.

use std::path::PathBuf;

use automerge::Automerge;
use chrono::{DateTime, Utc};
use nastavnik_core::DomainError;
use nastavnik_core::document;
use nastavnik_core::notes::NotesDoc;
use nastavnik_core::pair::PairDoc;
use nastavnik_shared::app::PrivateNote;
use nastavnik_shared::vocab::MemberRole;

use crate::device::Device;
use crate::error::NodeError;
use crate::node::Node;
use crate::paths::{DataDir, write_atomic};

/// Where the notes are kept.
pub fn path(dir: &DataDir) -> PathBuf {
    dir.root().join("private").join("notes.automerge")
}

/// The notes document on disk, if there is one (reads only).
fn load(dir: &DataDir) -> Result<Option<(Automerge, NotesDoc)>, NodeError> {
    let path = path(dir);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(NodeError::io(&path, e)),
    };
    let (doc, notes) = document::load::<NotesDoc>(&bytes).map_err(|e| {
        NodeError::io_in(&format!("личные заметки ({}) не читаются и не изменены", path.display()), e)
    })?;
    Ok(Some((doc, notes)))
}

/// The person this device belongs to, if they are a mentor of `pair_id`.
async fn mentor_of(node: &Node, pair_id: &str) -> Result<String, NodeError> {
    let Device::Member { person_id, .. } = &node.device else {
        return Err(NodeError::Input("личные заметки ведёт наставник на своём устройстве".into()));
    };
    let pair: PairDoc = node.read(&node.pair_doc(pair_id).await?).await?;
    let mentor = pair.members.iter().any(|m| m.person_id == *person_id && *m.role == MemberRole::Mentor);
    if !mentor {
        return Err(NodeError::Input("личные заметки о паре ведёт её наставник".into()));
    }
    Ok(person_id.clone())
}

/// The notes about pair `pair_id`, the latest first (this device's mentor only).
pub async fn about(node: &Node, pair_id: &str) -> Result<Vec<PrivateNote>, NodeError> {
    mentor_of(node, pair_id).await?;
    let Some((_, notes)) = load(&node.dir)? else { return Ok(Vec::new()) };
    Ok(notes.about(pair_id).into_iter().map(view).collect())
}

fn view(n: &nastavnik_core::notes::Note) -> PrivateNote {
    PrivateNote { id: n.id.clone(), pair_id: n.pair_id.clone(), on: *n.on, text: n.text.clone() }
}

/// What an operation is about: a pair (a new note) or an existing note.
pub enum Target<'a> {
    /// A new note about this pair.
    Pair(&'a str),
    /// The note with this id (about its own pair).
    Note(&'a str),
}

/// Runs one operation on the notes and writes them to disk before returning. Only the mentor of
/// the pair the target is about may run it.
pub async fn change<R>(
    node: &Node,
    target: Target<'_>,
    now: DateTime<Utc>,
    message: &str,
    op: impl FnOnce(&mut NotesDoc) -> Result<R, DomainError>,
) -> Result<R, NodeError> {
    let _alone = node.exclusive().await;
    let loaded = load(&node.dir)?;
    let pair = match target {
        Target::Pair(p) => p.to_string(),
        Target::Note(id) => loaded
            .as_ref()
            .and_then(|(_, notes)| notes.notes.iter().find(|n| n.id == id))
            .map(|n| n.pair_id.clone())
            .ok_or_else(|| DomainError::NotFound { what: "заметка", id: id.to_string() })?,
    };
    let person = mentor_of(node, &pair).await?;
    let mut doc = match loaded {
        Some((doc, _)) => doc,
        None => document::create(&NotesDoc::new(&person)?, now)?,
    };
    let out = document::change(&mut doc, now, message, op)?;
    write_atomic(&path(&node.dir), &doc.save(), 0o600)?;
    Ok(out)
}
