//! Which of a member's reminders (`crate::attention`) were already shown as desktop notifications,
//! so each is shown once — not again at every start of the app or every sync. A reminder is known
//! by its pair, kind and the day its matter began (a meeting to confirm by that meeting's day), not
//! by its wording, so a count in the text going up does not announce it anew. A reminder that is
//! gone (the meeting confirmed) is forgotten, so if the matter comes back it is announced again.
//! Kept in `notified.json` of the data folder; a missing or unreadable file means none shown yet.

use std::collections::BTreeSet;
use std::path::PathBuf;

use nastavnik_shared::report::AttentionItem;

use crate::error::NodeError;
use crate::paths::{DataDir, write_atomic};

/// The reminders shown so far.
#[derive(Debug)]
pub struct Notified {
    file: PathBuf,
    shown: BTreeSet<String>,
}

fn key(item: &AttentionItem) -> String {
    let since = item.since.map(|d| d.to_string()).unwrap_or_default();
    format!("{}|{:?}|{since}", item.pair_id, item.kind)
}

impl Notified {
    /// Loads what `dir` has shown so far.
    pub fn load(dir: &DataDir) -> Notified {
        let file = dir.notified_file();
        let shown =
            std::fs::read(&file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
        Notified { file, shown }
    }

    /// The reminders of `current` not shown yet; from now on they count as shown, and those no
    /// longer current are forgotten. Written to disk when anything changed.
    pub fn fresh(&mut self, current: &[AttentionItem]) -> Result<Vec<AttentionItem>, NodeError> {
        let keys: BTreeSet<String> = current.iter().map(key).collect();
        let new: Vec<AttentionItem> =
            current.iter().filter(|i| !self.shown.contains(&key(i))).cloned().collect();
        if keys != self.shown {
            let bytes = serde_json::to_vec(&keys).map_err(NodeError::io_by)?;
            write_atomic(&self.file, &bytes, 0o600)?;
            self.shown = keys;
        }
        Ok(new)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use nastavnik_shared::report::AttentionKind;

    use super::*;

    fn item(kind: AttentionKind, day: u32, text: &str) -> AttentionItem {
        AttentionItem {
            pair_id: "pair-1".into(),
            pair_title: "Петрова → Смирнов".into(),
            kind,
            since: NaiveDate::from_ymd_opt(2026, 11, day),
            text: text.into(),
        }
    }

    /// The texts of the reminders `n` announces among `current`.
    fn announced(n: &mut Notified, current: &[&AttentionItem]) -> Vec<String> {
        let current: Vec<AttentionItem> = current.iter().map(|i| (*i).clone()).collect();
        n.fresh(&current).unwrap().into_iter().map(|i| i.text).collect()
    }

    #[test]
    fn each_reminder_is_shown_once_across_restarts_and_again_when_it_returns() {
        let root = std::env::temp_dir().join(format!("nastavnik-notified-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dir = DataDir::open(&root).unwrap();
        let confirm = item(AttentionKind::Unconfirmed, 20, "подтвердите встречу от 20.11.2026");
        let late = item(AttentionKind::Overdue, 10, "просрочено мероприятий: 1");
        let none: Vec<String> = Vec::new();

        let mut n = Notified::load(&dir);
        assert_eq!(announced(&mut n, &[&confirm]), [confirm.text.as_str()]);
        assert_eq!(announced(&mut n, &[&confirm]), none);
        // After a restart: still shown.
        let mut n = Notified::load(&dir);
        assert_eq!(announced(&mut n, &[&confirm, &late]), [late.text.as_str()]);
        // A count in the text going up is the same reminder.
        let later = item(AttentionKind::Overdue, 10, "просрочено мероприятий: 2");
        assert_eq!(announced(&mut n, &[&confirm, &later]), none);
        // Confirmed, then a new meeting to confirm: that one is new; the old one forgotten.
        let next = item(AttentionKind::Unconfirmed, 27, "подтвердите встречу от 27.11.2026");
        assert_eq!(announced(&mut n, &[&later, &next]), [next.text.as_str()]);
        assert_eq!(announced(&mut n, &[&later, &next, &confirm]), [confirm.text.as_str()]);
        // Nothing changed: nothing written.
        let written = std::fs::metadata(dir.notified_file()).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(announced(&mut n, &[&later, &next, &confirm]), none);
        assert_eq!(std::fs::metadata(dir.notified_file()).unwrap().modified().unwrap(), written);
        // A damaged file: nothing counts as shown, and it is replaced.
        std::fs::write(dir.notified_file(), b"{oops").unwrap();
        assert_eq!(announced(&mut Notified::load(&dir), &[&later, &next, &confirm]).len(), 3);
        assert_eq!(announced(&mut Notified::load(&dir), &[&later, &next, &confirm]), none);
        let _ = std::fs::remove_dir_all(&root);
    }
}
