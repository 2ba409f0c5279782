//! A document's history: every change with when, by which device, and what.
//!
//! Each device writes with an automerge *author* — its device id (the public key, 32 bytes) —
//! set by the node before every change ([`author_of_device`]). Automerge keeps the author with
//! each change (separately from the actor id, which stays automerge's own business), so who made a
//! change is part of the change itself: it travels with it and does not depend on the order in
//! which devices merged. The message of a change is its domain operation («новое мероприятие»,
//! «содержание встречи»…); [`Part`] sorts messages into the parts of a pair's screen. Changes
//! written before authors were recorded have none (shown as such).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use automerge::{Author, Automerge, ChangeHash};
use chrono::{DateTime, Utc};
use nastavnik_shared::vocab::HistoryPart as Part;

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// When, by the writing device's clock.
    pub at: DateTime<Utc>,
    /// The writing device's id (hex), if the change carries an author.
    pub device: Option<String>,
    /// The domain operation.
    pub message: String,
    /// The part of the pair it touched.
    pub part: Part,
    /// The change's hash (hex): the same on every device.
    pub hash: String,
}

/// The author a device writes with: its id's bytes (a device id is 64 hex digits).
pub fn author_of_device(device_id: &str) -> Option<Author<'static>> {
    let bytes: Option<Vec<u8>> = (0..device_id.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(device_id.get(i..i + 2)?, 16).ok())
        .collect();
    bytes.filter(|b| b.len() == 32).map(Author::from)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every change of `doc`, oldest first: a change after every change it depends on, and among
/// those free to go next the earliest by its device's clock, then by hash — so every device lists
/// the same history in the same order, whatever order its copy merged them in (clocks of devices
/// differ and have one-second steps, so time alone cannot order them).
pub fn history(doc: &Automerge) -> Vec<Entry> {
    let metas = doc.get_changes_meta(&[]);
    let index: HashMap<ChangeHash, usize> = metas.iter().enumerate().map(|(i, c)| (c.hash, i)).collect();
    let mut waiting: Vec<usize> =
        metas.iter().map(|c| c.deps.iter().filter(|d| index.contains_key(d)).count()).collect();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); metas.len()];
    for (i, c) in metas.iter().enumerate() {
        for d in c.deps.iter().filter_map(|d| index.get(d)) {
            after[*d].push(i);
        }
    }
    let mut entries: Vec<Option<Entry>> = metas
        .iter()
        .map(|c| {
            let message = c.message.as_deref().unwrap_or("").to_string();
            Some(Entry {
                at: DateTime::from_timestamp(c.timestamp, 0).unwrap_or_default(),
                device: c.author.as_ref().map(|a| hex(a.as_bytes())),
                part: part_of(&message),
                message,
                hash: c.hash.to_string(),
            })
        })
        .collect();
    // Among the changes free to go next: the earliest, then the lowest hash.
    let key = |e: &Option<Entry>, i: usize| e.as_ref().map(|e| Reverse((e.at, e.hash.clone(), i)));
    let mut ready: BinaryHeap<Reverse<(DateTime<Utc>, String, usize)>> =
        (0..metas.len()).filter(|i| waiting[*i] == 0).filter_map(|i| key(&entries[i], i)).collect();
    let mut out = Vec::with_capacity(metas.len());
    while let Some(Reverse((_, _, i))) = ready.pop() {
        out.extend(entries[i].take());
        for &next in &after[i] {
            waiting[next] -= 1;
            if waiting[next] == 0 {
                ready.extend(key(&entries[next], next));
            }
        }
    }
    out
}

/// The part of a pair a change with `message` belongs to.
pub fn part_of(message: &str) -> Part {
    let m = message.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| m.contains(w));
    if has(&["мероприят"]) {
        Part::Plan
    } else if has(&["встреч", "журнал", "подтвержден"]) {
        Part::Journal
    } else if has(&["мониторинг", "оценк", "критери", "анкет", "отчёт"]) {
        Part::Results
    } else if has(&["программ"]) {
        Part::Programme
    } else {
        Part::Pair
    }
}

mod item;
pub use item::item_history;

#[cfg(test)]
mod tests;
