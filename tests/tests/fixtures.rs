//! Saved documents of schema v1 must keep loading in every later version.
//!
//! The files in `tests/fixtures/` were written once by `write_v1_fixtures` (ignored) from the
//! demo school as of 22.11.2026 and are frozen: when the schema changes, add `*-v2` files
//! beside them and keep these tests passing (a migration, if needed, is tested here).

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::fs;

use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_core::document::{self, Schema};
use nastavnik_core::pair::{ActivityInput, Actor, PairDoc};
use nastavnik_core::school::SchoolDoc;
use nastavnik_shared::vocab::{ActivityStatus, Form, MeetingType, PairStatus, RoadmapStatus};
use nastavnik_tests::fixtures_dir;

fn read(name: &str) -> Vec<u8> {
    fs::read(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

#[test]
fn pair_v1_loads_with_its_content() {
    let (mut doc, pair) = document::load::<PairDoc>(&read("pair-v1.automerge")).unwrap();
    assert_eq!(pair.schema_version, 1);
    assert_eq!(pair.pair_id, "pair-1");
    assert_eq!(*pair.header.form, Form::TeacherTeacher);
    assert_eq!(
        (*pair.header.period_start, pair.header.period_months),
        (NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(), 9)
    );
    let names: Vec<&str> = pair.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Петрова Анна Ивановна", "Смирнов Илья Олегович"]);
    assert_eq!(pair.activities.len(), 13);
    assert_eq!(
        pair.activities[0].title,
        "Выявление профессиональных проблем и образовательных запросов наставляемого педагога"
    );
    assert_eq!(pair.meetings.len(), 6);
    assert_eq!(*pair.meetings[0].meeting_type, MeetingType::Organisational);
    assert!(
        pair.meetings[0].notes.as_str().starts_with("Обсудили: знакомство"),
        "{}",
        pair.meetings[0].notes.as_str()
    );
    assert_eq!(pair.meetings[0].confirmations.len(), 2);
    assert_eq!(pair.monitoring.entry.scores.len(), 10);
    pair.validate().unwrap();

    let summary = pair.summary();
    assert_eq!((summary.plan.part, summary.plan.whole), (2, 13));
    assert_eq!(summary.overdue(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).len(), 1);
    assert!(summary.score_change.is_none(), "no final diagnostics yet");

    // A v1 document takes new changes from this version.
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let mentor = Actor::Person(pair.members[0].person_id.clone());
    let input = ActivityInput {
        title: "Новое".into(),
        deadline: NaiveDate::from_ymd_opt(2027, 1, 10).unwrap(),
        ..Default::default()
    };
    document::change(&mut doc, now, "мероприятие", |p: &mut PairDoc| {
        p.add_activity(&mentor, "new", input)
    })
    .unwrap();
    let (_, again) = document::load::<PairDoc>(&doc.save()).unwrap();
    assert_eq!(again.activities.len(), 14);
    assert_eq!(*again.activities[13].status, ActivityStatus::Planned);
}

#[test]
fn school_v1_loads_with_its_content() {
    let (_, school) = document::load::<SchoolDoc>(&read("school-v1.automerge")).unwrap();
    assert_eq!(school.schema_version, 1);
    assert_eq!(school.school.name, "МБОУ «Средняя общеобразовательная школа №1»");
    assert_eq!(school.people.len(), 13);
    assert_eq!(school.people.iter().map(|p| p.consents.len()).sum::<usize>(), 12);
    assert_eq!(school.mentor_profiles.len(), 3);
    assert_eq!(school.mentee_requests.len(), 2);
    let statuses: Vec<PairStatus> = school.pairs.iter().map(|p| *p.status).collect();
    assert_eq!(statuses, [PairStatus::Active, PairStatus::Active, PairStatus::Active, PairStatus::Forming]);
    assert_eq!(school.pairs[0].order_number, "45-о");
    assert_eq!(school.pairs[0].doc_id, "", "a field added after v1 loads with its default");
    assert_eq!(school.roadmap.len(), 35);
    assert_eq!(*school.roadmap[0].status, RoadmapStatus::Done);
    school.validate().unwrap();
}

/// Writes the v1 fixtures. Run once, deliberately:
/// `cargo test -p nastavnik-tests --test fixtures -- --ignored`.
#[test]
#[ignore = "writes the frozen fixtures; run only when adding a schema version"]
fn write_v1_fixtures() {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let built = nastavnik_core::demo::build(now).unwrap();
    fs::create_dir_all(fixtures_dir()).unwrap();
    fs::write(fixtures_dir().join("school-v1.automerge"), built.school.save()).unwrap();
    fs::write(fixtures_dir().join("pair-v1.automerge"), built.pairs[0].save()).unwrap();
}
