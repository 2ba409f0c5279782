use chrono::{DateTime, TimeZone, Utc};
use nastavnik_shared::vocab::{ConsentGiver, Form, Kind, MeetingFormat, MeetingType, PersonCategory};

use super::*;
use crate::pair::{ActivityInput, Actor, MeetingInput, PairDoc};
use crate::school::{NewSchool, PairInput, PersonInput};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}
fn at(m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, 12, 0, 0).unwrap()
}
fn mentor() -> Actor {
    Actor::Person("m".into())
}
fn mentee() -> Actor {
    Actor::Person("e".into())
}

/// A school with one working pair (from 1 September) and one still forming; the working pair's document.
fn school_with_pair() -> (SchoolDoc, PairDoc) {
    let new = NewSchool {
        id: "s".into(),
        name: "Школа №1".into(),
        head_name: String::new(),
        curator_name: String::new(),
        year_start: day(9, 1),
    };
    let mut s = SchoolDoc::new(new, at(9, 1)).unwrap();
    for (id, name) in [("m", "Петрова А. И."), ("e", "Сидоров П. П."), ("e2", "Орлова Е. В.")]
    {
        let person = PersonInput {
            name: name.into(),
            category: PersonCategory::Teacher,
            subject_or_class: String::new(),
            birth_year: Some(1990),
            teaching_years: Some(2),
        };
        s.add_person(id, person, day(9, 1)).unwrap();
        s.record_consent(id, &format!("c-{id}"), ConsentGiver::Participant, name, day(9, 1), day(9, 1))
            .unwrap();
    }
    let input = |id: &str, mentee: &str| PairInput {
        id: id.into(),
        members: vec![("m".into(), MemberRole::Mentor), (mentee.into(), MemberRole::Mentee)],
        form: Form::TeacherTeacher,
        kind: Kind::Traditional,
        role_model: String::new(),
        period_start: day(9, 1),
        period_months: 9,
    };
    let pair = s.form_pair(input("p1", "e"), at(9, 1)).unwrap();
    s.set_pair_doc("p1", "doc-p1").unwrap();
    s.set_pair_status("p1", PairStatus::Active, day(9, 1)).unwrap();
    s.form_pair(input("p2", "e2"), at(9, 1)).unwrap();
    s.set_pair_doc("p2", "doc-p2").unwrap();
    (s, pair)
}

fn kinds(items: &[AttentionItem]) -> Vec<AttentionKind> {
    items.iter().map(|i| i.kind).collect()
}

#[test]
fn a_new_pair_is_left_alone_for_its_first_month_then_warned() {
    let (_, pair) = school_with_pair();
    let settings = AttentionSettings::default();
    let s = pair.summary();
    assert!(warnings(&s, &settings, day(9, 20)).is_empty());
    let late = warnings(&s, &settings, day(10, 5));
    assert_eq!(kinds(&late), [AttentionKind::NoMeeting, AttentionKind::NoEntryDiagnostics]);
    assert_eq!(late[0].text, "ни одной встречи с начала программы (01.09.2026)");
    assert_eq!(late[0].pair_title, "Петрова А. И. → Сидоров П. П.");
    let mine = reminders(&s, MemberRole::Mentor, &settings, day(10, 5));
    assert_eq!(mine[0].text, "запишите первую встречу с начала программы");
    assert_eq!(mine[1].text, "проведите входную диагностику");
    assert_eq!(kinds(&reminders(&s, MemberRole::Mentee, &settings, day(10, 5))), [AttentionKind::NoMeeting]);
    // The school's thresholds decide.
    let patient = AttentionSettings { no_meeting_days: 60, entry_diagnostics_days: 60, ..settings };
    assert!(warnings(&s, &patient, day(10, 5)).is_empty());
}

#[test]
fn overdue_activities_and_a_half_confirmed_meeting() {
    let (_, mut pair) = school_with_pair();
    let settings = AttentionSettings::default();
    let activity =
        |title: &str, deadline| ActivityInput { title: title.into(), deadline, ..Default::default() };
    pair.add_activity(&mentor(), "a1", activity("Посетить урок", day(10, 10))).unwrap();
    pair.add_activity(&mentor(), "a2", activity("Разработать план урока", day(10, 3))).unwrap();
    pair.add_activity(&mentor(), "a3", activity("Позже", day(12, 1))).unwrap();
    let meeting = MeetingInput {
        meeting_type: MeetingType::Regular,
        date: day(10, 1),
        format: MeetingFormat::InPerson,
        topic: "Анализ урока".into(),
    };
    pair.add_meeting(&mentor(), "mt1", meeting).unwrap();
    pair.confirm_meeting(&mentor(), "mt1", at(10, 1)).unwrap();
    let s = pair.summary();

    // Six days after the meeting: not yet a warning for the curator, but a reminder for the mentee.
    assert!(!kinds(&warnings(&s, &settings, day(10, 7))).contains(&AttentionKind::Unconfirmed));
    let w = warnings(&s, &settings, day(10, 20));
    assert_eq!(
        kinds(&w),
        [AttentionKind::Overdue, AttentionKind::Unconfirmed, AttentionKind::NoEntryDiagnostics]
    );
    assert_eq!(
        w[0].text,
        "просрочено мероприятий: 2; самое раннее — «Разработать план урока», срок 03.10.2026"
    );
    assert_eq!(w[0].since, Some(day(10, 3)));
    assert_eq!(w[1].text, "встреча от 01.10.2026 «Анализ урока» не подтверждена наставляемым");
    let mentee_sees = reminders(&s, MemberRole::Mentee, &settings, day(10, 7));
    assert!(
        mentee_sees.iter().any(|r| r.text == "подтвердите встречу от 01.10.2026 «Анализ урока»"),
        "{mentee_sees:?}"
    );
    let mentor_sees = reminders(&s, MemberRole::Mentor, &settings, day(10, 7));
    assert!(
        !kinds(&mentor_sees).contains(&AttentionKind::Unconfirmed),
        "the mentor has confirmed: {mentor_sees:?}"
    );

    // Confirmed by both, a recent meeting: those warnings go.
    pair.confirm_meeting(&mentee(), "mt1", at(10, 21)).unwrap();
    assert!(!kinds(&warnings(&pair.summary(), &settings, day(10, 21))).contains(&AttentionKind::Unconfirmed));
    // A month after the meeting: no meeting for 30 days, counted from it.
    let w = warnings(&pair.summary(), &settings, day(11, 1));
    let no_meeting = w.iter().find(|i| i.kind == AttentionKind::NoMeeting).unwrap();
    assert_eq!(no_meeting.text, "нет встреч 31 день: последняя была 01.10.2026");
    let r = reminders(&pair.summary(), MemberRole::Mentor, &settings, day(11, 1));
    assert!(r.iter().any(|i| i.text == "запишите встречу: последняя была 01.10.2026"), "{r:?}");
}

#[test]
fn the_school_list_has_working_pairs_and_their_sync() {
    let (school, pair) = school_with_pair();
    let settings = AttentionSettings::default();
    let summaries = [pair.summary()];
    // On a device that does not know the sync (or before 14 days), no sync warning.
    let no_sync = super::school(&school, &summaries, None, &settings, day(10, 5));
    assert_eq!(kinds(&no_sync), [AttentionKind::NoMeeting, AttentionKind::NoEntryDiagnostics]);
    assert!(no_sync.iter().all(|i| i.pair_id == "p1"), "the forming pair is not judged: {no_sync:?}");
    let mut synced = HashMap::new();
    let never = super::school(&school, &summaries, Some(&synced), &settings, day(10, 5));
    assert_eq!(never.last().unwrap().kind, AttentionKind::NotSynced);
    assert!(never.last().unwrap().text.contains("ни разу"), "{never:?}");
    synced.insert("doc-p1".to_string(), day(10, 1));
    let recent = super::school(&school, &summaries, Some(&synced), &settings, day(10, 14));
    assert!(!kinds(&recent).contains(&AttentionKind::NotSynced));
    let stale = super::school(&school, &summaries, Some(&synced), &settings, day(10, 15));
    let item = stale.iter().find(|i| i.kind == AttentionKind::NotSynced).unwrap();
    assert_eq!(item.text, "документ пары не синхронизировался с куратором с 01.10.2026");
    // A pair whose document has not reached the curator is still listed, under its index's names.
    let unseen = super::school(&school, &[], Some(&synced), &settings, day(10, 15));
    assert_eq!(kinds(&unseen), [AttentionKind::NotSynced]);
    assert_eq!(unseen[0].pair_title, "Петрова А. И. → Сидоров П. П.");
}

#[test]
fn a_replacement_request_is_listed_and_a_closed_pair_asks_nothing() {
    let (_, mut pair) = school_with_pair();
    let settings = AttentionSettings::default();
    pair.request_replacement(&mentee(), "r1", "Не совпадают графики", day(9, 10)).unwrap();
    let w = warnings(&pair.summary(), &settings, day(9, 11));
    assert_eq!(kinds(&w), [AttentionKind::ReplacementRequest]);
    pair.close(&Actor::Curator, PairStatus::Dissolved, "Переезд", day(9, 12)).unwrap();
    assert!(warnings(&pair.summary(), &settings, day(12, 1)).is_empty());
    assert!(reminders(&pair.summary(), MemberRole::Mentor, &settings, day(12, 1)).is_empty());
}

#[test]
fn open_conflicts_ask_the_curator_and_the_members_to_choose() {
    let (_, pair) = school_with_pair();
    let settings = AttentionSettings::default();
    let calm = pair.summary();
    assert!(!kinds(&warnings(&calm, &settings, day(9, 2))).contains(&AttentionKind::Conflicts));
    let split = nastavnik_shared::report::PairSummary { open_conflicts: 2, ..calm };
    let w = warnings(&split, &settings, day(9, 2));
    let item = w.iter().find(|i| i.kind == AttentionKind::Conflicts).unwrap();
    assert!(item.text.contains("2 поля"), "{}", item.text);
    let r = reminders(&split, MemberRole::Mentee, &settings, day(9, 2));
    assert!(kinds(&r).contains(&AttentionKind::Conflicts));
}

#[test]
fn the_school_sets_its_thresholds_within_reason() {
    let (mut school, pair) = school_with_pair();
    let summaries = [pair.summary()];
    assert_eq!(school.attention_settings(), AttentionSettings::default());
    let strict = super::school(&school, &summaries, None, &school.attention_settings(), day(10, 5));
    assert!(kinds(&strict).contains(&AttentionKind::NoMeeting));
    let patient = AttentionSettings { no_meeting_days: 60, ..AttentionSettings::default() };
    school.set_warnings(patient).unwrap();
    assert_eq!(school.attention_settings(), patient);
    assert_eq!(crate::school::overview(&school, &summaries, day(10, 5)).warnings, patient);
    let list = crate::school::overview(&school, &summaries, day(10, 5)).attention;
    assert_eq!(kinds(&list), [AttentionKind::NoEntryDiagnostics], "judged by the school's thresholds");
    for bad in [0, 401] {
        let err = school.set_warnings(AttentionSettings { unconfirmed_days: bad, ..patient }).unwrap_err();
        assert!(err.to_string().contains("от 1 до 400"), "{err}");
    }
    assert_eq!(school.attention_settings(), patient, "a refused change leaves the thresholds");
}

#[test]
fn a_school_document_written_before_the_thresholds_reads_with_the_defaults() {
    use automerge::{ReadDoc, transaction::Transactable};
    let (mut school, _) = school_with_pair();
    school.set_warnings(AttentionSettings { no_meeting_days: 45, ..AttentionSettings::default() }).unwrap();
    let mut doc = crate::document::create(&school, at(9, 1)).unwrap();
    let (_, school_obj) = doc.get(automerge::ROOT, "school").unwrap().unwrap();
    let mut tx = doc.transaction();
    tx.delete(&school_obj, "warnings").unwrap();
    tx.commit();
    let (_, old): (_, SchoolDoc) = crate::document::load(&doc.save()).unwrap();
    assert_eq!(old.attention_settings(), AttentionSettings::default());
}
