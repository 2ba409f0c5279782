//! Unit tests of the pair's operations, on the typed document and through `document::change`.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use nastavnik_shared::vocab::{
    ActivityStatus, Form, GoalTerm, Kind, MeetingFormat, MeetingType, MemberRole, MonitoringStage, Rater,
};

use super::*;
use crate::document;
use crate::error::{DomainError, Error};

pub(crate) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap()
}

pub(crate) fn d(m: u32, day: u32) -> NaiveDate {
    let y = if m >= 9 { 2026 } else { 2027 };
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn new_pair(months: u32, kind: Kind, mentees: usize) -> NewPair {
    let mut members = vec![NewMember {
        person_id: "mentor".into(),
        name: "Петрова А. И.".into(),
        role: MemberRole::Mentor,
    }];
    for i in 0..mentees {
        members.push(NewMember {
            person_id: format!("mentee{i}"),
            name: format!("Наставляемый {i}"),
            role: MemberRole::Mentee,
        });
    }
    NewPair {
        pair_id: "pair-1".into(),
        school_name: "Школа №1".into(),
        form: Form::TeacherTeacher,
        kind,
        role_model: "опытный педагог – молодой специалист".into(),
        period_start: d(9, 1),
        period_months: months,
        members,
    }
}

pub(crate) fn pair() -> PairDoc {
    PairDoc::new(new_pair(9, Kind::Traditional, 1), now()).unwrap()
}

fn mentor() -> Actor {
    Actor::Person("mentor".into())
}
fn mentee() -> Actor {
    Actor::Person("mentee0".into())
}
fn outsider() -> Actor {
    Actor::Person("stranger".into())
}

fn activity(title: &str, deadline: NaiveDate) -> ActivityInput {
    ActivityInput { title: title.into(), deadline, ..ActivityInput::default() }
}

#[test]
fn a_programme_lasts_three_to_twelve_months() {
    for bad in [0, 2, 13, 36] {
        let err = PairDoc::new(new_pair(bad, Kind::Traditional, 1), now()).unwrap_err();
        assert_eq!(err, DomainError::Period { months: bad });
    }
    assert_eq!(PairDoc::new(new_pair(12, Kind::Traditional, 1), now()).unwrap().period_end(), d(8, 31));
    assert_eq!(pair().period_end(), d(5, 31));
}

#[test]
fn a_pair_needs_both_sides_and_a_group_two_mentees() {
    let no_mentee = PairDoc::new(new_pair(9, Kind::Traditional, 0), now()).unwrap_err();
    assert!(no_mentee.to_string().contains("наставляемый"), "{no_mentee}");
    let group = PairDoc::new(new_pair(9, Kind::Group, 1), now()).unwrap_err();
    assert!(group.to_string().contains("двух"), "{group}");
    assert!(PairDoc::new(new_pair(9, Kind::Group, 2), now()).is_ok());
    let mut dup = new_pair(9, Kind::Traditional, 1);
    dup.members.push(dup.members[1].clone());
    assert!(matches!(PairDoc::new(dup, now()), Err(DomainError::Duplicate { .. })));
    let mut blank = new_pair(9, Kind::Traditional, 1);
    blank.members[0].name = "  ".into();
    assert_eq!(PairDoc::new(blank, now()).unwrap_err(), DomainError::Empty { field: "ФИО участника" });
}

#[test]
fn activities_are_checked_and_only_participants_edit_them() {
    let mut p = pair();
    assert_eq!(
        p.add_activity(&mentor(), "a1", activity(" ", d(10, 1))),
        Err(DomainError::Empty { field: "Мероприятие" })
    );
    let early = p
        .add_activity(&mentor(), "a1", activity("Урок", NaiveDate::from_ymd_opt(2026, 8, 31).unwrap()))
        .unwrap_err();
    assert!(early.to_string().contains("раньше начала программы"), "{early}");
    let late = p.add_activity(&mentor(), "a1", activity("Урок", d(6, 1))).unwrap_err();
    assert!(late.to_string().contains("позже окончания"), "{late}");
    assert!(matches!(
        p.add_activity(&outsider(), "a1", activity("Урок", d(10, 1))),
        Err(DomainError::Forbidden(_))
    ));
    assert!(p.activities.is_empty(), "refused operations change nothing");

    p.add_activity(&mentee(), "a1", activity("  Урок  ", d(10, 1))).unwrap();
    p.add_activity(&Actor::Curator, "a2", activity("Аттестация", d(12, 1))).unwrap();
    assert_eq!(p.activities[0].title, "Урок");
    assert_eq!(*p.activities[0].status, ActivityStatus::Planned);
    assert!(matches!(
        p.add_activity(&mentor(), "a1", activity("x", d(10, 1))),
        Err(DomainError::Duplicate { .. })
    ));
    p.edit_activity(&mentor(), "a2", activity("Подготовка к аттестации", d(12, 10))).unwrap();
    assert_eq!(
        (p.activities[1].title.as_str(), *p.activities[1].deadline),
        ("Подготовка к аттестации", d(12, 10))
    );
    p.remove_activity(&mentor(), "a1").unwrap();
    assert!(matches!(p.remove_activity(&mentor(), "a1"), Err(DomainError::NotFound { .. })));
}

#[test]
fn marking_done_needs_a_past_date_and_reopening_clears_it() {
    let mut p = pair();
    p.add_activity(&mentor(), "a1", activity("Урок", d(10, 1))).unwrap();
    let today = d(10, 20);
    assert_eq!(
        p.set_activity_status(&mentor(), "a1", ActivityStatus::Done, None, "", today),
        Err(DomainError::Empty { field: "Дата выполнения" })
    );
    let future = p.set_activity_status(&mentor(), "a1", ActivityStatus::Done, Some(d(10, 21)), "", today);
    assert!(matches!(future, Err(DomainError::Date { .. })));
    p.set_activity_status(&mentor(), "a1", ActivityStatus::Done, Some(d(10, 2)), "проведён", today).unwrap();
    assert_eq!(p.activities[0].completed_on.map(|c| *c), Some(d(10, 2)));
    assert_eq!(p.activities[0].completion_note, "проведён");
    p.set_activity_status(&mentor(), "a1", ActivityStatus::InProgress, None, "", today).unwrap();
    assert_eq!(p.activities[0].completed_on, None);
    assert_eq!(*p.activities[0].status, ActivityStatus::InProgress);
}

fn meeting(topic: &str, date: NaiveDate) -> MeetingInput {
    MeetingInput {
        meeting_type: MeetingType::Organisational,
        date,
        format: MeetingFormat::InPerson,
        topic: topic.into(),
    }
}

#[test]
fn meetings_are_confirmed_by_each_side_once_held() {
    let mut p = pair();
    assert_eq!(
        p.add_meeting(&mentor(), "m1", meeting("", d(10, 1))),
        Err(DomainError::Empty { field: "Тема встречи" })
    );
    p.add_meeting(&mentor(), "m1", meeting("Знакомство", d(10, 1))).unwrap();
    p.add_meeting(&mentor(), "m2", meeting("Планирование", d(12, 1))).unwrap();
    assert!(matches!(p.confirm_meeting(&outsider(), "m1", now()), Err(DomainError::Forbidden(_))));
    assert!(matches!(p.confirm_meeting(&Actor::Curator, "m1", now()), Err(DomainError::Forbidden(_))));
    assert!(p.confirm_meeting(&mentor(), "m2", now()).unwrap_err().to_string().contains("ещё не состоялась"));
    p.confirm_meeting(&mentor(), "m1", now()).unwrap();
    let m1 = p.meetings[0].clone();
    assert!(p.confirmed_by(&m1, MemberRole::Mentor));
    assert!(!p.confirmed_by(&m1, MemberRole::Mentee));
    p.confirm_meeting(&mentee(), "m1", now()).unwrap();
    assert!(p.confirmed_by(&p.meetings[0].clone(), MemberRole::Mentee));
    assert!(p.remove_meeting(&mentor(), "m1").is_err(), "a confirmed meeting stays in the journal");
    p.remove_meeting(&mentor(), "m2").unwrap();
    assert_eq!(p.meetings.len(), 1);
}

#[test]
fn monitoring_scores_are_one_to_five_and_given_by_the_right_person() {
    let mut p = pair();
    let on = d(9, 10);
    let s = |c: &str, v: u8| vec![(c.to_string(), v)];
    let st = MonitoringStage::Entry;
    assert!(matches!(
        p.record_scores(&mentee(), st, "mentee0", Rater::Mentee, &s("c1", 0), on),
        Err(DomainError::OutOfRange { .. })
    ));
    assert!(matches!(
        p.record_scores(&mentee(), st, "mentee0", Rater::Mentee, &s("c1", 6), on),
        Err(DomainError::OutOfRange { .. })
    ));
    assert!(matches!(
        p.record_scores(&mentee(), st, "mentee0", Rater::Mentee, &s("c99", 3), on),
        Err(DomainError::NotFound { .. })
    ));
    assert!(matches!(
        p.record_scores(&mentor(), st, "mentee0", Rater::Mentee, &s("c1", 3), on),
        Err(DomainError::Forbidden(_))
    ));
    assert!(matches!(
        p.record_scores(&mentee(), st, "mentee0", Rater::Mentor, &s("c1", 3), on),
        Err(DomainError::Forbidden(_))
    ));
    assert!(matches!(
        p.record_scores(&mentor(), st, "mentor", Rater::Mentor, &s("c1", 3), on),
        Err(DomainError::NotFound { .. })
    ));
    p.record_scores(&mentee(), st, "mentee0", Rater::Mentee, &[("c1".into(), 2), ("c2".into(), 3)], on)
        .unwrap();
    p.record_scores(&mentor(), st, "mentee0", Rater::Mentor, &s("c1", 4), on).unwrap();
    assert_eq!(p.average_score(st), Some(3.0));
    assert_eq!(p.average_score(MonitoringStage::Final), None);
}

#[test]
fn surveys_reports_and_replacement_requests() {
    let mut p = pair();
    let on = d(11, 1);
    assert!(matches!(p.answer_survey(&mentee(), "s1", 11, "", on), Err(DomainError::OutOfRange { .. })));
    assert!(matches!(p.answer_survey(&Actor::Curator, "s1", 5, "", on), Err(DomainError::Forbidden(_))));
    p.answer_survey(&mentee(), "s1", 9, "Полезно", on).unwrap();
    assert_eq!(p.surveys[0].respondent, "mentee0");

    assert_eq!(p.submit_final_report(&mentor(), on), Err(DomainError::Empty { field: "Результаты" }));
    assert!(matches!(p.submit_final_report(&mentee(), on), Err(DomainError::Forbidden(_))));

    assert!(matches!(p.request_replacement(&mentor(), "r1", "причина", on), Err(DomainError::Forbidden(_))));
    p.request_replacement(&mentee(), "r1", "Не удаётся договориться о встречах", on).unwrap();
    assert!(matches!(p.resolve_replacement(&mentor(), "r1", "отказать"), Err(DomainError::Forbidden(_))));
    p.resolve_replacement(&Actor::Curator, "r1", "Назначен другой наставник").unwrap();
    assert_eq!(p.replacement_requests[0].resolution.as_deref(), Some("Назначен другой наставник"));
}

#[test]
fn summary_counts_what_the_curator_needs() {
    let mut p = pair();
    let today = d(11, 1);
    for (id, deadline) in [("a1", d(9, 20)), ("a2", d(10, 10)), ("a3", d(10, 20)), ("a4", d(12, 1))] {
        p.add_activity(&mentor(), id, activity(id, deadline)).unwrap();
    }
    p.set_activity_status(&mentor(), "a1", ActivityStatus::Done, Some(d(9, 19)), "", today).unwrap();
    p.set_activity_status(&mentor(), "a2", ActivityStatus::Cancelled, None, "не актуально", today).unwrap();
    p.add_meeting(&mentor(), "m1", meeting("Знакомство", d(9, 5))).unwrap();
    p.add_meeting(
        &mentor(),
        "m2",
        MeetingInput { meeting_type: MeetingType::Regular, ..meeting("Урок", d(10, 5)) },
    )
    .unwrap();
    p.confirm_meeting(&mentor(), "m1", now()).unwrap();
    p.confirm_meeting(&mentee(), "m1", now()).unwrap();
    p.confirm_meeting(&mentor(), "m2", now()).unwrap();
    p.record_scores(&mentee(), MonitoringStage::Entry, "mentee0", Rater::Mentee, &[("c1".into(), 2)], today)
        .unwrap();
    p.record_scores(&mentee(), MonitoringStage::Final, "mentee0", Rater::Mentee, &[("c1".into(), 4)], today)
        .unwrap();
    p.answer_survey(&mentee(), "s1", 8, "", today).unwrap();
    p.answer_survey(&mentor(), "s2", 10, "", today).unwrap();

    let s = p.summary();
    assert_eq!((s.plan.part, s.plan.whole), (1, 3), "cancelled activities are not counted");
    let overdue: Vec<&str> = s.overdue(today).iter().map(|a| a.id.as_str()).collect();
    assert_eq!(overdue, ["a3"]);
    assert!(s.overdue(d(9, 1)).is_empty());
    assert_eq!(s.meetings(), 2);
    assert_eq!(s.meetings_by_type, vec![(MeetingType::Organisational, 1), (MeetingType::Regular, 1)]);
    assert_eq!((s.meetings_confirmed.part, s.meetings_confirmed.whole), (1, 2));
    assert_eq!(s.last_meeting, Some(d(10, 5)));
    let change = s.score_change.unwrap();
    assert_eq!((change.entry, change.final_score, change.delta()), (2.0, 4.0, 2.0));
    assert_eq!((s.satisfaction, s.surveys), (Some(9.0), 2));
    assert_eq!(s.title(), "Петрова А. И. → Наставляемый 0");
}

#[test]
fn a_refused_change_leaves_the_document_untouched() {
    let mut doc = document::create(&pair(), now()).unwrap();
    let heads = doc.get_heads();
    let refused = document::change(&mut doc, now(), "мероприятие", |p: &mut PairDoc| {
        p.add_activity(&mentor(), "a1", activity("Урок", d(10, 1)))?;
        p.add_activity(&mentor(), "a2", activity("", d(10, 1)))
    });
    assert!(matches!(refused, Err(Error::Domain(DomainError::Empty { .. }))));
    assert_eq!(doc.get_heads(), heads, "nothing committed, not even the first activity");
    document::change(&mut doc, now(), "мероприятие", |p: &mut PairDoc| {
        p.add_activity(&mentor(), "a1", activity("Урок", d(10, 1)))
    })
    .unwrap();
    let change = doc.get_last_local_change().unwrap();
    assert_eq!(change.message().map(|m| m.to_string()).as_deref(), Some("мероприятие"));
    assert_eq!(change.timestamp(), now().timestamp());
    assert_eq!(document::read::<PairDoc>(&doc).unwrap().activities.len(), 1);
}

#[test]
fn only_the_curator_changes_form_and_period() {
    let mut p = pair();
    let header = |months| HeaderInput {
        form: Form::HeadTeacher,
        kind: Kind::ShortTerm,
        role_model: "руководитель ОО – педагог".into(),
        period_start: d(10, 1),
        period_months: months,
    };
    assert!(matches!(p.edit_header(&mentor(), header(6)), Err(DomainError::Forbidden(_))));
    assert_eq!(p.edit_header(&Actor::Curator, header(13)), Err(DomainError::Period { months: 13 }));
    assert_eq!(*p.header.form, Form::TeacherTeacher, "refused edits change nothing");
    p.edit_header(&Actor::Curator, header(6)).unwrap();
    assert_eq!(
        (*p.header.form, *p.header.kind, p.period_end()),
        (Form::HeadTeacher, Kind::ShortTerm, d(3, 31))
    );
}

#[test]
fn programme_lists_are_edited_by_participants() {
    let mut p = pair();
    p.add_programme_item(&mentee(), ProgrammeList::Deficits, "d1", "Дисциплина").unwrap();
    p.edit_programme_item(&mentor(), ProgrammeList::Deficits, "d1", "Дисциплина на уроке").unwrap();
    assert_eq!(p.programme.deficits[0].text, "Дисциплина на уроке");
    assert!(p.edit_programme_item(&mentor(), ProgrammeList::Strengths, "d1", "x").is_err(), "another list");
    assert!(matches!(
        p.add_programme_item(&outsider(), ProgrammeList::Directions, "x", "x"),
        Err(DomainError::Forbidden(_))
    ));
    p.add_goal(&mentor(), "g1", "Закрепиться в профессии", GoalTerm::Long).unwrap();
    p.remove_goal(&mentor(), "g1").unwrap();
    assert!(p.remove_goal(&mentor(), "g1").is_err());
    p.remove_programme_item(&mentor(), ProgrammeList::Deficits, "d1").unwrap();
    assert!(p.programme.deficits.is_empty());
}
