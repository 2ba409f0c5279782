//! What users see when two devices edited the same thing offline, case by case.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use automerge::{ActorId, Automerge};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use nastavnik_core::demo;
use nastavnik_core::document::{self, change};
use nastavnik_core::pair::{ActivityInput, Actor, PairDoc, TextField, set_text};
use nastavnik_shared::vocab::{ActivityStatus, MemberRole};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

/// The demo's first pair, and a second device's copy of it.
fn two_devices() -> (Automerge, Automerge, PairDoc) {
    let built = demo::build(now()).unwrap();
    let a = built.pairs[0].fork().with_actor(ActorId::random());
    let b = built.pairs[0].fork().with_actor(ActorId::random());
    let pair = document::read(&a).unwrap();
    (a, b, pair)
}

fn sync(a: &mut Automerge, b: &mut Automerge) -> PairDoc {
    a.merge(&mut b.clone()).unwrap();
    b.merge(&mut a.clone()).unwrap();
    let left: PairDoc = document::read(a).unwrap();
    assert_eq!(left, document::read::<PairDoc>(b).unwrap());
    left
}

fn member(p: &PairDoc, role: MemberRole) -> Actor {
    Actor::Person(p.members_with(role).next().unwrap().person_id.clone())
}

#[test]
fn edits_of_different_fields_of_one_activity_both_survive() {
    let (mut a, mut b, p) = two_devices();
    let (mentor, mentee) = (member(&p, MemberRole::Mentor), member(&p, MemberRole::Mentee));
    let target = p.activities.iter().find(|x| x.status.is_open()).unwrap().clone();
    change(&mut a, now(), "правка", |p: &mut PairDoc| {
        let input = ActivityInput {
            title: "Новое название".into(),
            mentor_activity: target.mentor_activity.clone(),
            expected_result: target.expected_result.clone(),
            deadline: *target.deadline,
            responsible: target.responsible.clone(),
        };
        p.edit_activity(&mentor, &target.id, input)
    })
    .unwrap();
    change(&mut b, now(), "статус", |p: &mut PairDoc| {
        p.set_activity_status(
            &mentee,
            &target.id,
            ActivityStatus::Done,
            Some(now().date_naive()),
            "сделано",
            now().date_naive(),
        )
    })
    .unwrap();
    let merged = sync(&mut a, &mut b);
    let got = merged.activities.iter().find(|x| x.id == target.id).unwrap();
    assert_eq!(got.title, "Новое название");
    assert_eq!(*got.status, ActivityStatus::Done);
    assert_eq!(got.completion_note, "сделано");
}

#[test]
fn activities_added_on_both_devices_are_all_kept_in_place() {
    let (mut a, mut b, p) = two_devices();
    let mentor = member(&p, MemberRole::Mentor);
    let deadline = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    for (doc, id) in [(&mut a, "new-a"), (&mut b, "new-b")] {
        change(doc, now(), "мероприятие", |p: &mut PairDoc| {
            p.add_activity(&mentor, id, ActivityInput { title: id.into(), deadline, ..Default::default() })
        })
        .unwrap();
    }
    let merged = sync(&mut a, &mut b);
    assert_eq!(merged.activities.len(), p.activities.len() + 2);
    assert_eq!(merged.activities[..p.activities.len()], p.activities[..], "existing rows untouched");
}

#[test]
fn both_sides_confirm_a_meeting_on_their_own_devices() {
    let (mut a, mut b, p) = two_devices();
    let (mentor, mentee) = (member(&p, MemberRole::Mentor), member(&p, MemberRole::Mentee));
    let id = "m-new";
    let input = nastavnik_core::pair::MeetingInput {
        meeting_type: nastavnik_shared::vocab::MeetingType::Regular,
        date: now().date_naive(),
        format: nastavnik_shared::vocab::MeetingFormat::InPerson,
        topic: "Новая".into(),
    };
    change(&mut a, now(), "встреча", |p: &mut PairDoc| p.add_meeting(&mentor, id, input)).unwrap();
    sync(&mut a, &mut b);
    change(&mut a, now(), "подтверждение", |p: &mut PairDoc| {
        p.confirm_meeting(&mentor, id, now())
    })
    .unwrap();
    change(&mut b, now(), "подтверждение", |p: &mut PairDoc| {
        p.confirm_meeting(&mentee, id, now())
    })
    .unwrap();
    let merged = sync(&mut a, &mut b);
    let m = merged.meetings.iter().find(|m| m.id == id).unwrap();
    assert!(merged.confirmed_by(m, MemberRole::Mentor) && merged.confirmed_by(m, MemberRole::Mentee));
}

#[test]
fn notes_typed_on_both_devices_interleave_without_loss() {
    let (mut a, mut b, p) = two_devices();
    let (mentor, mentee) = (member(&p, MemberRole::Mentor), member(&p, MemberRole::Mentee));
    let meeting = p.meetings[0].id.clone();
    let field = TextField::Notes(meeting.clone());
    let before = p.meetings[0].notes.as_str().to_string();
    set_text(&mut a, now(), &mentor, &field, &format!("Наставник: план урока. {before}")).unwrap();
    set_text(&mut b, now(), &mentee, &field, &format!("{before} Наставляемый: вопросы к уроку.")).unwrap();
    let merged = sync(&mut a, &mut b);
    let notes = merged.meetings.iter().find(|m| m.id == meeting).unwrap().notes.as_str().to_string();
    assert_eq!(notes, format!("Наставник: план урока. {before} Наставляемый: вопросы к уроку."));
}

#[test]
fn a_removed_activity_stays_removed_even_if_edited_elsewhere() {
    let (mut a, mut b, p) = two_devices();
    let mentor = member(&p, MemberRole::Mentor);
    let target = p.activities.last().unwrap().id.clone();
    change(&mut a, now(), "удаление", |p: &mut PairDoc| p.remove_activity(&mentor, &target)).unwrap();
    change(&mut b, now(), "статус", |p: &mut PairDoc| {
        p.set_activity_status(
            &mentor,
            &target,
            ActivityStatus::Cancelled,
            None,
            "не нужно",
            now().date_naive(),
        )
    })
    .unwrap();
    let merged = sync(&mut a, &mut b);
    assert!(merged.activities.iter().all(|x| x.id != target));
}
