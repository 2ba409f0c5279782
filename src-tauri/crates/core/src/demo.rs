//! A demo school to explore: the seeds' plan «Учитель-учитель» in a working pair, a second
//! teacher pair, a student group and a pair still forming. Everything is made with the real
//! operations, so the demo is also a walk through the API. Deterministic for a given `now`.

mod fill;
mod seed_plan;

use automerge::Automerge;
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use nastavnik_shared::vocab::{ConsentGiver, Form, Kind, MemberRole, PairStatus, PersonCategory as Cat};

use crate::document;
use crate::error::Error;
use crate::school::{MentorProfileInput, NewSchool, PairInput, PersonInput, SchoolDoc};

/// The documents of the demo school.
pub struct DemoSchool {
    /// The curator's school document.
    pub school: Automerge,
    /// One document per pair.
    pub pairs: Vec<Automerge>,
}

/// (id, name, category, subject or class, birth year, years of teaching)
type PersonRow = (&'static str, &'static str, Cat, &'static str, u16, Option<u8>);

const PEOPLE: [PersonRow; 13] = [
    ("t1", "Петрова Анна Ивановна", Cat::Teacher, "математика", 1979, Some(22)),
    ("t2", "Смирнов Илья Олегович", Cat::Teacher, "математика", 2001, Some(1)),
    ("t3", "Кузнецова Ольга Викторовна", Cat::Teacher, "русский язык и литература", 1975, Some(27)),
    ("t4", "Волкова Дарья Сергеевна", Cat::Teacher, "русский язык", 1999, Some(2)),
    ("t5", "Соколов Павел Андреевич", Cat::Teacher, "физика", 1998, Some(3)),
    ("t6", "Морозова Елена Петровна", Cat::Teacher, "история", 1968, Some(33)),
    ("t7", "Лебедева Наталья Юрьевна", Cat::Teacher, "начальные классы", 1985, Some(15)),
    ("t8", "Новиков Артём Игоревич", Cat::Teacher, "информатика", 2000, Some(0)),
    ("s1", "Орлова Мария", Cat::Student, "10 «А»", 2010, None),
    ("s2", "Зайцев Кирилл", Cat::Student, "7 «Б»", 2013, None),
    ("s3", "Павлова Софья", Cat::Student, "7 «Б»", 2013, None),
    ("s4", "Егоров Дмитрий", Cat::Student, "8 «А»", 2012, None),
    ("s5", "Фёдорова Алиса", Cat::Student, "9 «В»", 2011, None),
];

/// The first day of the school year `today` falls in.
pub fn school_year_start(today: NaiveDate) -> NaiveDate {
    let year = if today.month() >= 9 { today.year() } else { today.year() - 1 };
    NaiveDate::from_ymd_opt(year, 9, 1).unwrap_or(today)
}

pub(crate) fn day(d: NaiveDate, plus: u64) -> NaiveDate {
    d.checked_add_days(Days::new(plus)).unwrap_or(d)
}

/// Builds the demo school as of `now`.
pub fn build(now: DateTime<Utc>) -> Result<DemoSchool, Error> {
    let today = now.date_naive();
    let year = school_year_start(today);
    let mut school = SchoolDoc::new(
        NewSchool {
            id: "demo-school".into(),
            name: "МБОУ «Средняя общеобразовательная школа №1»".into(),
            head_name: "Задорнова Елена Фёдоровна".into(),
            curator_name: "Нестеренко Ольга Ивановна".into(),
            year_start: year,
        },
        now,
    )?;
    for (id, name, category, subject, birth_year, teaching_years) in PEOPLE {
        let input = PersonInput {
            name: name.into(),
            category,
            subject_or_class: subject.into(),
            birth_year: Some(birth_year),
            teaching_years,
        };
        school.add_person(id, input, today)?;
        let (giver, giver_name) = match category {
            Cat::Student => (ConsentGiver::Parent, mother_of(name)),
            _ => (ConsentGiver::Participant, name.to_string()),
        };
        if id != "t8" {
            school.record_consent(id, &format!("consent-{id}"), giver, &giver_name, year, today)?;
        }
    }
    for (id, competencies) in [
        ("t1", vec!["методика преподавания математики", "проектирование урока", "школьная документация"]),
        ("t3", vec!["методика преподавания русского языка", "подготовка к ОГЭ"]),
        ("t7", vec!["цифровые образовательные ресурсы", "классное руководство"]),
    ] {
        let input = MentorProfileInput {
            competencies: competencies.into_iter().map(String::from).collect(),
            capacity: 2,
            forms: vec![Form::TeacherTeacher],
        };
        school.set_mentor_profile(id, input)?;
    }
    school.add_mentee_request("req-t2", "t2", "Дисциплина на уроках, ведение электронного журнала", year)?;
    school.add_mentee_request("req-t8", "t8", "Освоение цифровых инструментов и методики урока", year)?;

    let pair_specs = [
        (
            "pair-1",
            vec![("t1", MemberRole::Mentor), ("t2", MemberRole::Mentee)],
            Form::TeacherTeacher,
            Kind::Traditional,
            "опытный педагог – молодой специалист",
            14,
            9,
        ),
        (
            "pair-2",
            vec![("t3", MemberRole::Mentor), ("t4", MemberRole::Mentee)],
            Form::TeacherTeacher,
            Kind::Traditional,
            "опытный предметник – неопытный предметник",
            30,
            6,
        ),
        (
            "pair-3",
            vec![("s1", MemberRole::Mentor), ("s2", MemberRole::Mentee), ("s3", MemberRole::Mentee)],
            Form::StudentStudent,
            Kind::Group,
            "успевающий – неуспевающий",
            30,
            6,
        ),
        (
            "pair-4",
            vec![("t7", MemberRole::Mentor), ("t8", MemberRole::Mentee)],
            Form::TeacherTeacher,
            Kind::Traditional,
            "педагог-новатор – консервативный педагог",
            60,
            6,
        ),
    ];
    let mut pairs = Vec::new();
    for (id, members, form, kind, role_model, offset, months) in pair_specs {
        let start = day(year, offset);
        let input = PairInput {
            id: id.into(),
            members: members.iter().map(|(p, r)| ((*p).to_string(), *r)).collect(),
            form,
            kind,
            role_model: role_model.into(),
            period_start: start,
            period_months: months,
        };
        let pair = school.form_pair(input, now)?;
        if id != "pair-4" {
            school.set_pair_order(id, "45-о", day(year, 11).min(today), today)?;
            school.set_pair_status(id, PairStatus::Active, today)?;
        }
        let mut doc = document::create(&pair, now)?;
        fill::fill_pair(&mut doc, &pair, now, id != "pair-4")?;
        pairs.push(doc);
    }
    school.set_roadmap_status("rm-1.1", nastavnik_shared::vocab::RoadmapStatus::Done)?;
    Ok(DemoSchool { school: document::create(&school, now)?, pairs })
}

/// A plausible name for a demo student's mother: the surname in the feminine, a first name.
fn mother_of(child: &str) -> String {
    let surname = child.split(' ').next().unwrap_or(child);
    let surname = if surname.ends_with('а') { surname.to_string() } else { format!("{surname}а") };
    format!("{surname} Елена Викторовна")
}
