//! Typing that is not in the document yet. A meeting's notes, agreed tasks and reflection are
//! saved into the pair's document a moment after typing stops (one change per pause, not one per
//! key); what was typed in that moment is kept here, in `drafts.json` in the data folder (0600),
//! with every key. A window closed — or killed — before the save loses nothing: the next start
//! merges what is left into the document from the version it was typed on (as any offline
//! edit), and so does a normal exit.
//!
//! A draft is dropped once a save holds its last key. Keys typed while a save was on its way
//! continue from that save's own version (`set_text_since`'s answer), so merging them repeats
//! nothing; a draft whose text the document already reads is not applied again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use nastavnik_core::pair::{PairDoc, TextField, set_text_since};
use nastavnik_node::Node;
use nastavnik_shared::Code;
use nastavnik_shared::app::commands::KeepDraft;
use nastavnik_shared::vocab::MeetingText;

/// Which text a draft is of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    /// The pair.
    pub pair_id: String,
    /// The meeting.
    pub meeting_id: String,
    /// Which text (code).
    pub field: String,
}

impl Key {
    fn of(d: &KeepDraft) -> Key {
        Key { pair_id: d.pair_id.clone(), meeting_id: d.meeting_id.clone(), field: d.field.clone() }
    }

    fn name(&self) -> String {
        format!("{}/{}/{}", self.pair_id, self.meeting_id, self.field)
    }
}

/// The last save of a text: typing from `since` up to `typed_at` is in the document, and the
/// text then read exactly as saved at `own`.
struct Saved {
    since: Vec<String>,
    own: Vec<String>,
    typed_at: f64,
}

/// The drafts of this device's window.
pub struct Drafts {
    path: PathBuf,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    pending: BTreeMap<String, KeepDraft>,
    saves: BTreeMap<Key, Saved>,
}

impl State {
    /// A draft typed on after a save, from the version that save started from, was typed on
    /// top of the saved text: it continues from the save's own version (else merging it would
    /// repeat what the save already wrote).
    fn rebase(&self, draft: &mut KeepDraft) {
        if let Some(s) = self.saves.get(&Key::of(draft))
            && draft.since == s.since
        {
            draft.since = s.own.clone();
        }
    }
}

impl Drafts {
    /// The drafts left in `root` (none if there is no file; an unreadable file is set aside as
    /// `drafts.json.unreadable`, never silently dropped).
    pub fn open(root: &Path) -> Drafts {
        let path = root.join("drafts.json");
        let pending = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                tracing::warn!("drafts.json не читается ({e}): отложен как drafts.json.unreadable");
                let _ = std::fs::rename(&path, root.join("drafts.json.unreadable"));
                BTreeMap::new()
            }),
            Err(_) => BTreeMap::new(),
        };
        Drafts { path, state: Mutex::new(State { pending, saves: BTreeMap::new() }) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps what was typed — unless a later key is kept already or a save holds it (calls may
    /// arrive out of order).
    pub fn keep(&self, mut draft: KeepDraft) -> Result<(), String> {
        let mut state = self.lock();
        let name = Key::of(&draft).name();
        let newer = state.pending.get(&name).is_some_and(|old| old.typed_at > draft.typed_at);
        let saved = state.saves.get(&Key::of(&draft)).is_some_and(|s| s.typed_at >= draft.typed_at);
        if newer || saved {
            return Ok(());
        }
        state.rebase(&mut draft);
        state.pending.insert(name, draft);
        self.write(&state.pending)
    }

    /// The typing from `since` up to `typed_at` is saved; the text reads as saved at `own`.
    pub fn saved(&self, key: &Key, since: &[String], own: &[String], typed_at: f64) {
        let mut state = self.lock();
        state.saves.insert(key.clone(), Saved { since: since.to_vec(), own: own.to_vec(), typed_at });
        let name = key.name();
        let Some(mut draft) = state.pending.remove(&name) else { return };
        if draft.typed_at > typed_at {
            state.rebase(&mut draft);
            state.pending.insert(name, draft);
        }
        if let Err(e) = self.write(&state.pending) {
            tracing::warn!("{e}");
        }
    }

    fn write(&self, pending: &BTreeMap<String, KeepDraft>) -> Result<(), String> {
        if pending.is_empty() {
            return match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.to_string()),
                _ => Ok(()),
            };
        }
        let bytes = serde_json::to_vec(pending).map_err(|e| e.to_string())?;
        nastavnik_node::paths::write_atomic(&self.path, &bytes, 0o600).map_err(|e| e.to_string())
    }

    /// Merges every draft left into its document, as this device's person. A draft that
    /// cannot be applied (the meeting was removed, the pair closed) is reported and dropped.
    pub async fn apply(&self, node: &Node, now: chrono::DateTime<chrono::Utc>) {
        let drafts: Vec<KeepDraft> = self.lock().pending.values().cloned().collect();
        if drafts.is_empty() {
            return;
        }
        let Ok(who) = crate::state::actor(node) else { return };
        for d in drafts {
            let own = match apply_one(node, now, &who, &d).await {
                Ok(own) => {
                    tracing::info!("несохранённый текст встречи {} записан", d.meeting_id);
                    own
                }
                Err(e) => {
                    tracing::warn!("несохранённый текст встречи {} не записан: {e}", d.meeting_id);
                    Vec::new()
                }
            };
            self.saved(&Key::of(&d), &d.since, &own, d.typed_at);
        }
    }
}

async fn apply_one(
    node: &Node,
    now: chrono::DateTime<chrono::Utc>,
    who: &nastavnik_core::pair::Actor,
    d: &KeepDraft,
) -> Result<Vec<String>, String> {
    let which = MeetingText::from_code(&d.field).ok_or("неизвестное поле встречи")?;
    let doc = node.pair_doc(&d.pair_id).await.map_err(|e| e.to_string())?;
    let pair: PairDoc = node.read(&doc).await.map_err(|e| e.to_string())?;
    let current = pair.view(None).meetings.into_iter().find(|m| m.id == d.meeting_id).map(|m| match which {
        MeetingText::Notes => m.notes,
        MeetingText::AgreedTasks => m.agreed_tasks,
        MeetingText::Reflection => m.reflection,
    });
    if current.as_deref() == Some(d.text.as_str()) {
        return Ok(Vec::new()); // already saved
    }
    let field = TextField::of_meeting(which, d.meeting_id.clone());
    let (since, text, who) = (d.since.clone(), d.text.clone(), who.clone());
    node.edit(&doc, move |a| set_text_since(a, now, &who, &field, &since, &text))
        .await
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn typed(text: &str, since: &str, at: f64) -> KeepDraft {
        KeepDraft {
            pair_id: "p".into(),
            meeting_id: "m".into(),
            field: "notes".into(),
            text: text.into(),
            since: vec![since.into()],
            typed_at: at,
        }
    }

    /// A fresh folder of this test (removed when it passes).
    struct Dir(PathBuf);
    impl Dir {
        fn new(name: &str) -> Dir {
            let d = std::env::temp_dir().join(format!("nastavnik-drafts-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&d);
            std::fs::create_dir_all(&d).unwrap();
            Dir(d)
        }
        fn path(&self) -> &Path {
            &self.0
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn key() -> Key {
        Key::of(&typed("", "", 0.0))
    }

    fn on_disk(dir: &Path) -> Vec<KeepDraft> {
        Drafts::open(dir).lock().pending.values().cloned().collect()
    }

    #[test]
    fn typing_is_on_disk_until_a_save_holds_it() {
        let dir = Dir::new("typing");
        let drafts = Drafts::open(dir.path());
        drafts.keep(typed("Об", "h0", 1.0)).unwrap();
        drafts.keep(typed("Обсудили", "h0", 3.0)).unwrap();
        drafts.keep(typed("Обсу", "h0", 2.0)).unwrap(); // arrived late: older than what is kept
        assert_eq!(on_disk(dir.path()), vec![typed("Обсудили", "h0", 3.0)]);
        drafts.saved(&key(), &["h0".into()], &["h1".into()], 3.0);
        assert!(on_disk(dir.path()).is_empty());
        assert!(!dir.path().join("drafts.json").exists(), "no file once nothing is pending");
        // A key older than the save arriving after it changes nothing.
        drafts.keep(typed("Обсу", "h0", 2.0)).unwrap();
        assert!(on_disk(dir.path()).is_empty());
    }

    #[test]
    fn keys_typed_during_a_save_continue_from_its_own_version() {
        let dir = Dir::new("during");
        let drafts = Drafts::open(dir.path());
        drafts.keep(typed("План", "h0", 1.0)).unwrap();
        // The save of «План» is on its way; she types on (the editor still says h0).
        drafts.keep(typed("План урока", "h0", 2.0)).unwrap();
        drafts.saved(&key(), &["h0".into()], &["own1".into()], 1.0);
        assert_eq!(on_disk(dir.path()), vec![typed("План урока", "own1", 2.0)]);
        // A key sent before the answer came, arriving after it: rebased too.
        drafts.keep(typed("План урока.", "h0", 3.0)).unwrap();
        assert_eq!(on_disk(dir.path()), vec![typed("План урока.", "own1", 3.0)]);
    }

    #[test]
    fn an_unreadable_file_is_set_aside_not_lost() {
        let dir = Dir::new("unreadable");
        std::fs::write(dir.path().join("drafts.json"), b"{not json").unwrap();
        assert!(on_disk(dir.path()).is_empty());
        assert_eq!(std::fs::read(dir.path().join("drafts.json.unreadable")).unwrap(), b"{not json");
    }
}
