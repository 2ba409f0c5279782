//! A mentor's private notes (личные заметки наставника): what a mentor writes down for
//! themselves about a pair — observations, what to try next, what to raise at the next meeting —
//! and shows nobody.
//!
//! One document per mentor's device ([`NotesDoc`]), created on that device the first time a note
//! is written. Unlike a pair's document it is never shared: the node's share decision refuses it
//! to every other device, the curator's included (`nastavnik_node::access`). Only this device
//! writes it, but it is still an ordinary automerge document on disk — crash-safe like the others.
//! Each note names the pair it is about; the pair's document knows nothing of it.

use autosurgeon::{Hydrate, Reconcile};
use chrono::{DateTime, NaiveDate, Utc};

use crate::check;
use crate::coded::{Day, Stamp};
use crate::document::Schema;
use crate::error::DomainError;

/// Longest note, in characters.
pub const NOTE_MAX: usize = check::LONG;

/// The root of a mentor's private notes.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct NotesDoc {
    /// Always [`NotesDoc::DOC_TYPE`](crate::document::Schema::DOC_TYPE).
    pub doc_type: String,
    /// Schema version the document was written with.
    pub schema_version: u64,
    /// Whose notes (the person in the school's bank).
    pub person_id: String,
    /// The notes, oldest first.
    pub notes: Vec<Note>,
}

/// One note.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Note {
    /// Id.
    #[key]
    pub id: String,
    /// The pair it is about.
    pub pair_id: String,
    /// The day it is about (the day written, unless the mentor says otherwise).
    pub on: Day,
    /// What the mentor wrote.
    pub text: String,
    /// When it was written or last changed.
    pub changed_at: Stamp,
}

impl Schema for NotesDoc {
    const DOC_TYPE: &'static str = "nastavnik/mentor-notes";
    const SCHEMA_VERSION: u64 = 1;
    const NAME_RU: &'static str = "личные заметки наставника";

    fn validate(&self) -> Result<(), DomainError> {
        let mut seen = std::collections::HashSet::new();
        for n in &self.notes {
            if !seen.insert(n.id.as_str()) {
                return Err(DomainError::Duplicate { what: "заметка", id: n.id.clone() });
            }
            check::required("Заметка", &n.text, NOTE_MAX)?;
        }
        Ok(())
    }
}

impl NotesDoc {
    /// Empty notes of `person_id`.
    pub fn new(person_id: &str) -> Result<NotesDoc, DomainError> {
        Ok(NotesDoc {
            doc_type: Self::DOC_TYPE.into(),
            schema_version: Self::SCHEMA_VERSION,
            person_id: check::id("человек", person_id)?,
            notes: Vec::new(),
        })
    }

    /// Writes a new note about pair `pair_id`.
    pub fn add(
        &mut self,
        id: &str,
        pair_id: &str,
        on: NaiveDate,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let id = check::id("заметка", id)?;
        if self.notes.iter().any(|n| n.id == id) {
            return Err(DomainError::Duplicate { what: "заметка", id });
        }
        let note = Note {
            id,
            pair_id: check::id("пара", pair_id)?,
            on: on.into(),
            text: check::required("Заметка", text, NOTE_MAX)?,
            changed_at: now.into(),
        };
        self.notes.push(note);
        Ok(())
    }

    /// Rewrites a note's text.
    pub fn edit(&mut self, id: &str, text: &str, now: DateTime<Utc>) -> Result<(), DomainError> {
        let text = check::required("Заметка", text, NOTE_MAX)?;
        let note = self.note_mut(id)?;
        note.text = text;
        note.changed_at = now.into();
        Ok(())
    }

    /// Deletes a note.
    pub fn remove(&mut self, id: &str) -> Result<(), DomainError> {
        self.note_mut(id)?;
        self.notes.retain(|n| n.id != id);
        Ok(())
    }

    /// The notes about one pair, the latest day first.
    pub fn about(&self, pair_id: &str) -> Vec<&Note> {
        let mut notes: Vec<&Note> = self.notes.iter().filter(|n| n.pair_id == pair_id).collect();
        notes.sort_by_key(|n| std::cmp::Reverse((*n.on, *n.changed_at)));
        notes
    }

    fn note_mut(&mut self, id: &str) -> Result<&mut Note, DomainError> {
        self.notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or_else(|| DomainError::NotFound { what: "заметка", id: id.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap()
    }

    #[test]
    fn notes_are_written_edited_and_deleted_in_a_real_document() {
        let mut doc = document::create(&NotesDoc::new("p-1").unwrap(), at(1)).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        document::change(&mut doc, at(2), "заметка", |n: &mut NotesDoc| {
            n.add("n-1", "pair-1", day(2), "  Волнуется у доски  ", at(2))
        })
        .unwrap();
        document::change(&mut doc, at(5), "заметка", |n: &mut NotesDoc| {
            n.add("n-2", "pair-1", day(5), "Попробовать хронометраж", at(5))?;
            n.add("n-3", "pair-2", day(5), "Другая пара", at(5))
        })
        .unwrap();
        let saved = doc.save();
        let (_, notes) = document::load::<NotesDoc>(&saved).unwrap();
        let about: Vec<&str> = notes.about("pair-1").iter().map(|n| n.text.as_str()).collect();
        assert_eq!(about, ["Попробовать хронометраж", "Волнуется у доски"], "latest first, trimmed");

        document::change(&mut doc, at(6), "заметка", |n: &mut NotesDoc| {
            n.edit("n-1", "Спокойнее", at(6))
        })
        .unwrap();
        document::change(&mut doc, at(6), "заметка", |n: &mut NotesDoc| n.remove("n-3")).unwrap();
        let notes: NotesDoc = document::read(&doc).unwrap();
        assert_eq!(notes.notes.len(), 2);
        assert_eq!(notes.notes[0].text, "Спокойнее");
        assert_eq!(*notes.notes[0].changed_at, at(6));
        assert!(notes.about("pair-2").is_empty());
    }

    #[test]
    fn bad_notes_are_refused_and_change_nothing() {
        let mut doc = document::create(&NotesDoc::new("p-1").unwrap(), at(1)).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let heads = doc.get_heads();
        let empty = document::change(&mut doc, at(2), "заметка", |n: &mut NotesDoc| {
            n.add("n-1", "pair-1", day, " ", at(2))
        });
        assert!(empty.unwrap_err().to_string().contains("«Заметка» не заполнено"));
        let long = "я".repeat(NOTE_MAX + 1);
        let too_long = document::change(&mut doc, at(2), "заметка", |n: &mut NotesDoc| {
            n.add("n-1", "pair-1", day, &long, at(2))
        });
        assert!(too_long.unwrap_err().to_string().contains("слишком длинное"));
        let missing = document::change(&mut doc, at(2), "заметка", |n: &mut NotesDoc| {
            n.edit("n-9", "текст", at(2))
        });
        assert!(missing.unwrap_err().to_string().contains("заметка не найден"));
        assert_eq!(doc.get_heads(), heads, "nothing written");
        assert!(NotesDoc::new("").is_err(), "notes belong to someone");
    }
}
