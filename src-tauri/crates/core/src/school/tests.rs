//! Unit tests of the school's operations, the roadmap and the overview.

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use nastavnik_shared::report::KpiKind;
use nastavnik_shared::vocab::{
    ActivityStatus, ConsentGiver, Form, Kind, MemberRole, PairStatus, PersonCategory, RoadmapStage,
};

use super::*;
use crate::error::DomainError;
use crate::pair::{ActivityInput, Actor};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap()
}
fn today() -> NaiveDate {
    now().date_naive()
}
fn sept() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
}

fn school() -> SchoolDoc {
    SchoolDoc::new(
        NewSchool {
            id: "s".into(),
            name: "Школа №1".into(),
            head_name: "Директор".into(),
            curator_name: "Куратор".into(),
            year_start: sept(),
        },
        now(),
    )
    .unwrap()
}

fn person(name: &str, category: PersonCategory, birth_year: u16, teaching_years: Option<u8>) -> PersonInput {
    PersonInput {
        name: name.into(),
        category,
        subject_or_class: String::new(),
        birth_year: Some(birth_year),
        teaching_years,
    }
}

fn consent(s: &mut SchoolDoc, id: &str, giver: ConsentGiver) {
    s.record_consent(id, &format!("c-{id}"), giver, "подписавший", sept(), today()).unwrap();
}

fn pair_input(id: &str, mentor: &str, mentees: &[&str], months: u32) -> PairInput {
    let mut members = vec![(mentor.to_string(), MemberRole::Mentor)];
    members.extend(mentees.iter().map(|m| (m.to_string(), MemberRole::Mentee)));
    PairInput {
        id: id.into(),
        members,
        form: Form::TeacherTeacher,
        kind: Kind::Traditional,
        role_model: String::new(),
        period_start: sept(),
        period_months: months,
    }
}

#[test]
fn people_are_checked() {
    let mut s = school();
    assert_eq!(
        s.add_person("p", person(" ", PersonCategory::Teacher, 1990, Some(3)), today()),
        Err(DomainError::Empty { field: "ФИО" })
    );
    assert!(matches!(
        s.add_person("p", person("А", PersonCategory::Teacher, 1890, None), today()),
        Err(DomainError::OutOfRange { field: "Год рождения", .. })
    ));
    assert!(s.add_person("p", person("А", PersonCategory::Student, 2012, Some(1)), today()).is_err());
    s.add_person("p", person("Иванова", PersonCategory::Teacher, 1990, Some(3)), today()).unwrap();
    assert!(matches!(
        s.add_person("p", person("Другая", PersonCategory::Teacher, 1990, None), today()),
        Err(DomainError::Duplicate { .. })
    ));
    s.edit_person("p", person("Иванова-Петрова", PersonCategory::Teacher, 1991, Some(4)), today()).unwrap();
    assert_eq!((s.people[0].name.as_str(), s.people[0].birth_year), ("Иванова-Петрова", Some(1991)));
}

#[test]
fn a_minor_needs_a_parents_consent() {
    let mut s = school();
    s.add_person("kid", person("Зайцев Кирилл", PersonCategory::Student, 2013, None), today()).unwrap();
    s.add_person("adult", person("Орлова", PersonCategory::Graduate, 2000, None), today()).unwrap();
    let refused =
        s.record_consent("kid", "c1", ConsentGiver::Participant, "Зайцев", sept(), today()).unwrap_err();
    assert!(refused.to_string().contains("несовершеннолетний"), "{refused}");
    let future =
        s.record_consent("kid", "c1", ConsentGiver::Parent, "Зайцева", today().succ_opt().unwrap(), today());
    assert!(matches!(future, Err(DomainError::Date { .. })));
    assert!(!s.person("kid").unwrap().has_consent(today()));
    consent(&mut s, "kid", ConsentGiver::Parent);
    consent(&mut s, "adult", ConsentGiver::Participant);
    assert!(s.person("kid").unwrap().has_consent(today()));
    assert!(s.person("adult").unwrap().has_consent(today()));
    s.withdraw_consent("adult", "c-adult", today()).unwrap();
    assert!(!s.person("adult").unwrap().has_consent(today()));
}

#[test]
fn forming_pairs_respects_capacity_consent_and_period() {
    let mut s = school();
    for id in ["m", "a", "b", "c"] {
        s.add_person(id, person(&format!("Педагог {id}"), PersonCategory::Teacher, 1980, Some(10)), today())
            .unwrap();
    }
    let profile =
        MentorProfileInput { competencies: vec!["методика".into()], capacity: 2, forms: vec![] };
    s.set_mentor_profile("m", profile).unwrap();
    assert!(matches!(
        s.form_pair(pair_input("p0", "m", &["zz"], 9), now()),
        Err(DomainError::NotFound { .. })
    ));
    assert_eq!(
        s.form_pair(pair_input("p0", "m", &["a"], 13), now()).unwrap_err(),
        DomainError::Period { months: 13 }
    );
    assert!(s.pairs.is_empty(), "a refused pair leaves no trace in the index");

    let doc = s.form_pair(pair_input("p1", "m", &["a"], 9), now()).unwrap();
    assert_eq!(doc.members[0].name, "Педагог m");
    assert_eq!(doc.school_name, "Школа №1");
    s.form_pair(pair_input("p2", "m", &["b"], 9), now()).unwrap();
    let full = s.form_pair(pair_input("p3", "m", &["c"], 9), now()).unwrap_err();
    assert!(full.to_string().contains("не больше 2"), "{full}");
    assert_eq!(s.mentor_load("m"), 2);

    let no_consent = s.set_pair_status("p1", PairStatus::Active, today()).unwrap_err();
    assert!(no_consent.to_string().contains("Педагог m, Педагог a"), "{no_consent}");
    consent(&mut s, "m", ConsentGiver::Participant);
    consent(&mut s, "a", ConsentGiver::Participant);
    s.set_pair_status("p1", PairStatus::Active, today()).unwrap();
    s.set_pair_order("p1", "45-о", today(), today()).unwrap();
    assert_eq!(s.pair("p1").unwrap().order_number, "45-о");
    s.set_pair_status("p1", PairStatus::Completed, today()).unwrap();
    assert!(
        s.set_pair_status("p1", PairStatus::Active, today()).is_err(),
        "a completed pair stays completed"
    );
    assert_eq!(s.mentor_load("m"), 1, "completed pairs free the mentor");
}

#[test]
fn the_roadmap_has_the_seven_stages_over_the_school_year() {
    let s = school();
    assert_eq!(s.roadmap.len(), 35);
    for stage in RoadmapStage::ALL {
        assert!(s.roadmap.iter().any(|i| *i.stage == *stage), "{stage:?}");
    }
    let first = &s.roadmap[0];
    assert_eq!(*first.deadline, NaiveDate::from_ymd_opt(2026, 9, 30).unwrap());
    let last = s.roadmap.iter().map(|i| *i.deadline).max().unwrap();
    assert_eq!(last, NaiveDate::from_ymd_opt(2027, 6, 30).unwrap());
    assert!(s.roadmap.iter().all(|i| i.deadline.succ_opt().unwrap().day() == 1), "due at month ends");
}

#[test]
fn overview_counts_kpis_pairs_and_overdue() {
    let mut s = school();
    // Teachers: mentor (old), two young ones (one in a pair), one young but 5 years of teaching.
    s.add_person("m", person("Наставник", PersonCategory::Teacher, 1975, Some(25)), today()).unwrap();
    s.add_person("y1", person("Молодой 1", PersonCategory::Teacher, 2000, Some(1)), today()).unwrap();
    s.add_person("y2", person("Молодой 2", PersonCategory::Teacher, 1999, Some(3)), today()).unwrap();
    s.add_person("y3", person("Не молодой спец.", PersonCategory::Teacher, 1998, Some(5)), today()).unwrap();
    s.add_person("k", person("Ученик", PersonCategory::Student, 2012, None), today()).unwrap();
    for id in ["m", "y1", "y2"] {
        consent(&mut s, id, ConsentGiver::Participant);
    }
    let mut working = s.form_pair(pair_input("p1", "m", &["y1"], 9), now()).unwrap();
    s.set_pair_status("p1", PairStatus::Active, today()).unwrap();
    s.form_pair(pair_input("p2", "m", &["y2"], 9), now()).unwrap(); // forming: not counted yet
    let mentor = Actor::Person("m".into());
    let late = ActivityInput {
        title: "Просрочено".into(),
        deadline: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        ..Default::default()
    };
    working.add_activity(&mentor, "a1", late).unwrap();
    let done = ActivityInput {
        title: "Сделано".into(),
        deadline: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        ..Default::default()
    };
    working.add_activity(&mentor, "a2", done).unwrap();
    working.set_activity_status(&mentor, "a2", ActivityStatus::Done, Some(today()), "", today()).unwrap();
    for (id, day, topic) in [("past", 1, "Прошедшая"), ("soon", 30, "Ближайшая")] {
        let meeting = crate::pair::MeetingInput {
            meeting_type: nastavnik_shared::vocab::MeetingType::Regular,
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            format: nastavnik_shared::vocab::MeetingFormat::InPerson,
            topic: topic.into(),
        };
        working.add_meeting(&mentor, id, meeting).unwrap();
    }

    let o = overview(&s, &[working.summary()], today());
    let upcoming = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    assert_eq!(
        o.upcoming_meetings,
        vec![(upcoming, "Наставник → Молодой 1".to_string(), "Ближайшая".to_string())]
    );
    assert_eq!(
        o.pairs[0].last_meeting,
        NaiveDate::from_ymd_opt(2026, 11, 1),
        "the last one held, not the planned"
    );
    let kpi = |k: KpiKind| o.kpis.iter().find(|x| x.kind == k).unwrap().share;
    let teachers = kpi(KpiKind::TeachersInvolved);
    assert_eq!((teachers.part, teachers.whole), (2, 4));
    let students = kpi(KpiKind::StudentsInvolved);
    assert_eq!((students.part, students.whole), (0, 1));
    let young = kpi(KpiKind::YoungTeachersSupported);
    assert_eq!((young.part, young.whole), (1, 2), "y3 has 5 years of teaching; y2's pair is still forming");
    assert_eq!(o.kpis[0].reached(), Some(false));
    assert_eq!(o.pairs_by_form, vec![(Form::TeacherTeacher, 2)]);
    assert_eq!(o.pairs_by_status[0], (PairStatus::Forming, 1));
    assert_eq!(o.pairs_by_status[1], (PairStatus::Active, 1));
    assert_eq!((o.plan.part, o.plan.whole), (1, 2));
    assert_eq!(o.overdue.len(), 1);
    assert_eq!((o.overdue[0].title.as_str(), o.overdue[0].days_overdue), ("Просрочено", 32));
    assert_eq!(o.pairs.len(), 2);
    assert!(o.pairs[0].has_data && !o.pairs[1].has_data);
    assert_eq!(o.pairs[1].title, "Наставник → Молодой 2", "a pair without data is titled from the bank");
}

#[test]
fn people_in_pairs_stay_and_pair_statuses_move_forward() {
    let mut s = school();
    for id in ["m", "a", "x"] {
        s.add_person(id, person(&format!("Педагог {id}"), PersonCategory::Teacher, 1980, Some(10)), today())
            .unwrap();
    }
    s.form_pair(pair_input("p1", "m", &["a"], 9), now()).unwrap();
    let kept = s.remove_person("a").unwrap_err();
    assert!(kept.to_string().contains("состоит в наставнической паре"), "{kept}");
    s.remove_person("x").unwrap();
    assert!(s.person("x").is_err());
    assert!(
        s.set_pair_status("p1", PairStatus::Completed, today()).is_err(),
        "a forming pair cannot complete"
    );
    s.set_pair_status("p1", PairStatus::Dissolved, today()).unwrap();

    let header = crate::pair::HeaderInput {
        form: Form::TeacherTeacher,
        kind: Kind::Virtual,
        role_model: String::new(),
        period_start: sept(),
        period_months: 0,
    };
    assert_eq!(s.edit_pair("p1", &header), Err(DomainError::Period { months: 0 }));
    s.edit_pair("p1", &crate::pair::HeaderInput { period_months: 12, ..header }).unwrap();
    assert_eq!((*s.pair("p1").unwrap().kind, s.pair("p1").unwrap().period_months), (Kind::Virtual, 12));
}

#[test]
fn roadmap_items_can_be_added_and_ticked_off() {
    let mut s = school();
    let due = NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
    s.add_roadmap_item("rm-x", RoadmapStage::MentorTraining, "Семинар для наставников", due, "Куратор")
        .unwrap();
    assert!(matches!(
        s.add_roadmap_item("rm-x", RoadmapStage::MentorTraining, "Ещё", due, ""),
        Err(DomainError::Duplicate { .. })
    ));
    assert_eq!(
        s.add_roadmap_item("rm-y", RoadmapStage::Completion, " ", due, ""),
        Err(DomainError::Empty { field: "Мероприятие" })
    );
    s.set_roadmap_status("rm-x", nastavnik_shared::vocab::RoadmapStatus::Done).unwrap();
    assert!(s.set_roadmap_status("rm-404", nastavnik_shared::vocab::RoadmapStatus::Done).is_err());
    assert_eq!(s.roadmap.len(), 36);
}
