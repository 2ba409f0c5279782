//! Undoing one change of an activity or a meeting on a real document.

use automerge::Automerge;
use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_shared::vocab::ActivityStatus;

use super::*;
use crate::document::create;
use crate::history::item_history;
use crate::pair::tests::{d, new_pair};
use crate::pair::{TextField, set_text};

fn t(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 10, minute, 0).unwrap()
}

fn mentor() -> Actor {
    Actor::Person("mentor".into())
}

fn pair() -> Automerge {
    let p = PairDoc::new(new_pair(9, nastavnik_shared::vocab::Kind::Traditional, 1), t(0)).unwrap();
    let mut doc = create(&p, t(0)).unwrap();
    let input = ActivityInput {
        title: "Открытый урок".into(), deadline: d(12, 10), ..Default::default()
    };
    change(&mut doc, t(1), "новое мероприятие", |p: &mut PairDoc| {
        p.add_activity(&mentor(), "a1", input)
    })
    .unwrap();
    doc
}

fn hashes(doc: &Automerge, item: &str) -> Vec<String> {
    item_history(doc, "activities", item).unwrap().into_iter().map(|e| e.hash).collect()
}

fn activity(doc: &Automerge) -> Activity {
    read::<PairDoc>(doc).unwrap().activities[0].clone()
}

#[test]
fn undoing_a_status_change_keeps_a_later_deadline_move() {
    let mut doc = pair();
    change(&mut doc, t(2), "статус мероприятия", |p: &mut PairDoc| {
        p.set_activity_status(&mentor(), "a1", ActivityStatus::Done, Some(d(11, 1)), "провели", d(11, 2))
    })
    .unwrap();
    change(&mut doc, t(3), "правка мероприятия", |p: &mut PairDoc| {
        let input =
            ActivityInput {
                title: "Открытый урок".into(), deadline: d(12, 20), ..Default::default()
            };
        p.edit_activity(&mentor(), "a1", input)
    })
    .unwrap();
    let status_change = hashes(&doc, "a1")[1].clone();
    restore_before(
        &mut doc,
        t(4),
        &Actor::Person("mentee0".into()),
        &Tracked::Activity("a1".into()),
        &status_change,
    )
    .unwrap();
    let a = activity(&doc);
    assert_eq!(*a.status, ActivityStatus::Planned);
    assert_eq!(a.completed_on, None);
    assert_eq!(a.completion_note, "");
    assert_eq!(*a.deadline, d(12, 20), "the later edit of another field survives");
    let history = item_history(&doc, "activities", "a1").unwrap();
    let last = &history.last().unwrap().message;
    assert!(
        last.starts_with(
            "возврат мероприятия к прежним значениям: «Открытый урок»: выполнено → запланировано"
        ),
        "{last}"
    );
    // Undoing it again finds nothing to give back, and writes nothing.
    let heads = doc.get_heads();
    let again = restore_before(&mut doc, t(5), &mentor(), &Tracked::Activity("a1".into()), &status_change);
    assert!(again.unwrap_err().to_string().contains("нечего") || doc.get_heads() == heads);
    assert_eq!(doc.get_heads(), heads);
}

#[test]
fn an_earlier_deadline_comes_back_and_is_checked_like_an_edit() {
    let mut doc = pair();
    let moved = |doc: &mut Automerge, day: NaiveDate, minute| {
        change(doc, t(minute), "правка мероприятия", move |p: &mut PairDoc| {
            let input = ActivityInput {
                title: "Открытый урок".into(), deadline: day, ..Default::default()
            };
            p.edit_activity(&mentor(), "a1", input)
        })
        .unwrap();
    };
    moved(&mut doc, d(12, 20), 2);
    moved(&mut doc, d(12, 25), 3);
    let first_move = hashes(&doc, "a1")[1].clone();
    restore_before(&mut doc, t(4), &mentor(), &Tracked::Activity("a1".into()), &first_move).unwrap();
    assert_eq!(*activity(&doc).deadline, d(12, 10), "the value before that change");
}

#[test]
fn creation_unknown_changes_and_outsiders_are_refused_without_a_write() {
    let mut doc = pair();
    let created = hashes(&doc, "a1")[0].clone();
    let heads = doc.get_heads();
    let item = Tracked::Activity("a1".into());
    let err = restore_before(&mut doc, t(4), &mentor(), &item, &created).unwrap_err();
    assert!(err.to_string().contains("создала мероприятие"), "{err}");
    assert!(restore_before(&mut doc, t(4), &mentor(), &item, "00ff").is_err());
    assert!(restore_before(&mut doc, t(4), &mentor(), &item, &"ab".repeat(32)).is_err());
    change(&mut doc, t(5), "статус мероприятия", |p: &mut PairDoc| {
        p.set_activity_status(&mentor(), "a1", ActivityStatus::InProgress, None, "", d(11, 2))
    })
    .unwrap();
    let heads2 = doc.get_heads();
    let status = hashes(&doc, "a1")[1].clone();
    assert!(restore_before(&mut doc, t(6), &Actor::Person("stranger".into()), &item, &status).is_err());
    assert_eq!(doc.get_heads(), heads2);
    assert_ne!(heads, heads2);
}

#[test]
fn a_meeting_text_comes_back_but_a_mentor_never_rewrites_the_reflection() {
    let mut doc = pair();
    let input = MeetingInput {
        meeting_type: nastavnik_shared::vocab::MeetingType::Regular,
        date: d(10, 5),
        format: nastavnik_shared::vocab::MeetingFormat::InPerson,
        topic: "Разбор урока".into(),
    };
    change(&mut doc, t(2), "новая встреча", |p: &mut PairDoc| {
        p.add_meeting(&mentor(), "m1", input)
    })
    .unwrap();
    let mentee = Actor::Person("mentee0".into());
    set_text(&mut doc, t(3), &mentor(), &TextField::Notes("m1".into()), "Обсудили план").unwrap();
    set_text(&mut doc, t(4), &mentor(), &TextField::Notes("m1".into()), "Стёрто").unwrap();
    set_text(&mut doc, t(5), &mentee, &TextField::Reflection("m1".into()), "Было полезно").unwrap();
    let changes: Vec<String> =
        item_history(&doc, "meetings", "m1").unwrap().into_iter().map(|e| e.hash).collect();
    let item = Tracked::Meeting("m1".into());
    restore_before(&mut doc, t(6), &mentor(), &item, &changes[2]).unwrap();
    let m = read::<PairDoc>(&doc).unwrap().meetings[0].clone();
    assert_eq!(m.notes.as_str(), "Обсудили план");
    assert_eq!(m.reflection.as_str(), "Было полезно");
    // The reflection's change: a mentor finds nothing to give back; the mentee can.
    let heads = doc.get_heads();
    assert!(restore_before(&mut doc, t(7), &mentor(), &item, &changes[3]).is_err());
    assert_eq!(doc.get_heads(), heads);
    restore_before(&mut doc, t(8), &mentee, &item, &changes[3]).unwrap();
    assert_eq!(read::<PairDoc>(&doc).unwrap().meetings[0].reflection.as_str(), "");
}

#[test]
fn a_programme_entry_gets_its_earlier_wording_back() {
    use nastavnik_shared::vocab::ProgrammePart;
    let mut doc = pair();
    let part = ProgrammePart::Deficits;
    change(&mut doc, t(2), "пункт программы", |p: &mut PairDoc| {
        p.add_entry(&mentor(), part, "e1", "Дисциплина")
    })
    .unwrap();
    for (minute, text) in [(3, "Дисциплина на уроке"), (4, "Опечатка")] {
        change(&mut doc, t(minute), "пункт программы", move |p: &mut PairDoc| {
            p.edit_entry(&mentor(), part, "e1", text)
        })
        .unwrap();
    }
    let item = Tracked::Entry(part, "e1".into());
    let changes: Vec<String> =
        item_history(&doc, tracked_list(&item), item.id()).unwrap().into_iter().map(|e| e.hash).collect();
    assert_eq!(changes.len(), 3, "created and reworded twice");
    restore_before(&mut doc, t(5), &Actor::Person("mentee0".into()), &item, &changes[2]).unwrap();
    let text = |doc: &Automerge| {
        read::<PairDoc>(doc).unwrap().entries().into_iter().find(|e| e.id == "e1").unwrap().text
    };
    assert_eq!(text(&doc), "Дисциплина на уроке");
    let heads = doc.get_heads();
    assert!(
        restore_before(&mut doc, t(6), &mentor(), &item, &changes[0])
            .unwrap_err()
            .to_string()
            .contains("создала")
    );
    assert!(restore_before(&mut doc, t(6), &mentor(), &item, &changes[2]).is_err(), "already back");
    assert_eq!(doc.get_heads(), heads);
}
