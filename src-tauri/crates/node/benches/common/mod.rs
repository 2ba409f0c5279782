//! What the benches of the curator share: realistic pair documents, the samod folder layout
//! they are written in, and the process's peak memory.

#![allow(dead_code)] // each bench uses its part

use std::path::{Path, PathBuf};

use automerge::Automerge;
use chrono::{Days, TimeZone, Utc};
use nastavnik_core::document;
use nastavnik_core::pair::{ActivityInput, Actor, MeetingInput, PairDoc, TextField, set_text};
use nastavnik_shared::vocab::{ActivityStatus, MeetingFormat, MeetingType};

/// Fills a new pair's document the way two months of work do: 13 activities (3 done), 8
/// meetings with notes. `mentor` is the mentor's person id.
pub fn fill_pair(mut pair: PairDoc, i: usize, mentor: &str) -> Automerge {
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap();
    let start = *pair.header.period_start;
    let day = |n: u64| start.checked_add_days(Days::new(n)).unwrap();
    let mentor = Actor::Person(mentor.to_string());
    for a in 0..13u64 {
        let input = ActivityInput {
            title: format!("Мероприятие {a} пары {i}"),
            deadline: day(a * 20),
            ..Default::default()
        };
        pair.add_activity(&mentor, &format!("a{a}"), input).unwrap();
        if a < 3 {
            pair.set_activity_status(
                &mentor,
                &format!("a{a}"),
                ActivityStatus::Done,
                Some(day(a * 20)),
                "",
                now.date_naive(),
            )
            .unwrap();
        }
    }
    for m in 0..8u64 {
        let input = MeetingInput {
            meeting_type: MeetingType::Regular,
            date: day(m * 7),
            format: MeetingFormat::InPerson,
            topic: format!("Встреча {m}"),
        };
        pair.add_meeting(&mentor, &format!("m{m}"), input).unwrap();
    }
    let mut doc = document::create(&pair, now).unwrap();
    for m in 0..8u64 {
        let notes = format!("Заметки встречи {m} пары {i}: обсудили план урока, дисциплину и журнал.");
        set_text(&mut doc, now, &mentor, &TextField::Notes(format!("m{m}")), &notes).unwrap();
    }
    doc
}

/// Where samod keeps a document's chunks.
pub fn doc_dir(docs: &Path, id: &str) -> PathBuf {
    docs.join(&id[..2]).join(&id[2..])
}

/// Writes one chunk of a document as samod would.
pub fn write_chunk(docs: &Path, id: &str, kind: &str, name: &str, bytes: &[u8]) {
    let dir = doc_dir(docs, id).join(kind);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn status_mb(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// The process's peak resident memory since it started, in MB.
pub fn peak_rss_mb() -> f64 {
    status_mb("VmHWM:")
}
