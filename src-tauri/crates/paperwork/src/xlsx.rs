//! The `.xlsx` tables: the monitoring table with the KPIs, the mentor and mentee bases.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use nastavnik_core::school::{Person, SchoolDoc};
use nastavnik_shared::report::SchoolOverview;
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{ConsentGiver, MemberRole};

use crate::PaperworkError;
use crate::sheet::{Cell, Sheet, workbook};

fn number(n: impl Into<f64>) -> Cell {
    Cell::Number(n.into())
}

fn optional(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, |x| Cell::Number((x * 100.0).round() / 100.0))
}

/// The school overview as a monitoring table (one row per pair) with a sheet of KPIs.
pub fn monitoring_table(o: &SchoolOverview) -> Result<Vec<u8>, PaperworkError> {
    const PAIRS: &[(&str, f64)] = &[
        ("№", 5.0),
        ("Наставническая пара (группа)", 40.0),
        ("Форма наставничества", 22.0),
        ("Статус", 14.0),
        ("Выполнено мероприятий", 12.0),
        ("Всего мероприятий", 12.0),
        ("Выполнение плана, %", 12.0),
        ("Просрочено", 11.0),
        ("Проведено встреч", 11.0),
        ("Последняя встреча", 12.0),
        ("Входная диагностика, средний балл", 14.0),
        ("Итоговая диагностика, средний балл", 14.0),
        ("Удовлетворённость (1–10)", 14.0),
    ];
    let rows = o
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                number(i as u32 + 1),
                p.title.clone().into(),
                p.form.label().into(),
                p.status.label().into(),
                number(p.plan.part),
                number(p.plan.whole),
                optional(p.plan.percent()),
                number(p.overdue),
                number(p.meetings),
                p.last_meeting.map_or(Cell::Empty, |d| ru::date_short(d).into()),
                optional(p.score_change.map(|s| s.entry)),
                optional(p.score_change.map(|s| s.final_score)),
                optional(p.satisfaction),
            ]
        })
        .collect();
    const KPIS: &[(&str, f64)] = &[
        ("Показатель", 60.0),
        ("A", 8.0),
        ("B", 8.0),
        ("N = A / B × 100%", 14.0),
        ("Цель, %", 10.0),
        ("Достигнуто", 12.0),
    ];
    let kpis = o
        .kpis
        .iter()
        .map(|k| {
            let reached = match k.reached() {
                Some(true) => "да",
                Some(false) => "нет",
                None => "нет данных",
            };
            vec![
                k.kind.label().into(),
                number(k.share.part),
                number(k.share.whole),
                optional(k.share.percent()),
                number(k.kind.target_percent()),
                reached.into(),
            ]
        })
        .collect();
    let as_of = ru::date_long(o.as_of);
    workbook(vec![
        Sheet {
            name: "Мониторинг пар",
            title: format!("{} — мониторинг наставнических пар на {as_of}", o.school_name),
            columns: PAIRS,
            rows,
        },
        Sheet {
            name: "Показатели",
            title: format!("{} — показатели на {as_of}", o.school_name),
            columns: KPIS,
            rows: kpis,
        },
    ])
}

fn consent(p: &Person, today: NaiveDate) -> String {
    let valid = p.consents.iter().rfind(|c| c.withdrawn_on.is_none());
    match (p.has_consent(today), valid) {
        (true, Some(c)) => {
            let by = if *c.giver == ConsentGiver::Parent {
                format!(" (родитель: {})", c.giver_name)
            } else {
                String::new()
            };
            format!("есть, {}{by}", ru::date_short(*c.signed_on))
        }
        _ if p.is_minor(today) => "нет согласия родителя".into(),
        _ => "нет".into(),
    }
}

fn with_role(school: &SchoolDoc, role: MemberRole) -> BTreeSet<&str> {
    school
        .pairs
        .iter()
        .flat_map(|p| p.members.iter())
        .filter(|m| *m.role == role)
        .map(|m| m.person_id.as_str())
        .collect()
}

/// База наставников: everyone with a mentor's questionnaire or a mentor's place in a pair
/// (with the birth year: in «ученик – ученик» the mentor is a minor too).
pub fn mentor_base(school: &SchoolDoc, today: NaiveDate) -> Result<Vec<u8>, PaperworkError> {
    const COLUMNS: &[(&str, f64)] = &[
        ("№", 5.0),
        ("ФИО", 32.0),
        ("Категория", 16.0),
        ("Предмет / класс", 20.0),
        ("Год рождения", 10.0),
        ("Педагогический стаж, лет", 12.0),
        ("Компетенции", 40.0),
        ("Может вести наставляемых", 12.0),
        ("Ведёт сейчас", 10.0),
        ("Согласие на обработку ПД", 24.0),
    ];
    let mentors = with_role(school, MemberRole::Mentor);
    let rows = school
        .people
        .iter()
        .filter(|p| {
            mentors.contains(p.id.as_str()) || school.mentor_profiles.iter().any(|m| m.person_id == p.id)
        })
        .enumerate()
        .map(|(i, p)| {
            let profile = school.mentor_profiles.iter().find(|m| m.person_id == p.id);
            vec![
                number(i as u32 + 1),
                p.name.clone().into(),
                p.category.label().into(),
                p.subject_or_class.clone().into(),
                p.birth_year.map_or(Cell::Empty, number),
                p.teaching_years.map_or(Cell::Empty, number),
                profile.map_or(String::new(), |m| m.competencies.join("; ")).into(),
                profile.map_or(Cell::Empty, |m| number(m.capacity)),
                number(school.mentor_load(&p.id) as u32),
                consent(p, today).into(),
            ]
        })
        .collect();
    let title = format!("{} — база наставников на {}", school.school.name, ru::date_long(today));
    workbook(vec![Sheet { name: "База наставников", title, columns: COLUMNS, rows }])
}

/// База наставляемых: everyone with a request or a mentee's place in a pair.
pub fn mentee_base(school: &SchoolDoc, today: NaiveDate) -> Result<Vec<u8>, PaperworkError> {
    const COLUMNS: &[(&str, f64)] = &[
        ("№", 5.0),
        ("ФИО", 32.0),
        ("Категория", 16.0),
        ("Предмет / класс", 20.0),
        ("Год рождения", 10.0),
        ("Запросы", 40.0),
        ("Наставник(и)", 32.0),
        ("Согласие на обработку ПД", 28.0),
    ];
    let mentees = with_role(school, MemberRole::Mentee);
    let rows = school
        .people
        .iter()
        .filter(|p| {
            mentees.contains(p.id.as_str()) || school.mentee_requests.iter().any(|r| r.person_id == p.id)
        })
        .enumerate()
        .map(|(i, p)| {
            let requests: Vec<&str> = school
                .mentee_requests
                .iter()
                .filter(|r| r.person_id == p.id)
                .map(|r| r.text.as_str())
                .collect();
            let mentors: Vec<&str> = school
                .pairs
                .iter()
                .filter(|pair| {
                    pair.members.iter().any(|m| m.person_id == p.id && *m.role == MemberRole::Mentee)
                })
                .flat_map(|pair| pair.members.iter().filter(|m| *m.role == MemberRole::Mentor))
                .filter_map(|m| school.person(&m.person_id).ok().map(|x| x.name.as_str()))
                .collect();
            vec![
                number(i as u32 + 1),
                p.name.clone().into(),
                p.category.label().into(),
                p.subject_or_class.clone().into(),
                p.birth_year.map_or(Cell::Empty, number),
                requests.join("; ").into(),
                mentors.join(", ").into(),
                consent(p, today).into(),
            ]
        })
        .collect();
    let title = format!("{} — база наставляемых на {}", school.school.name, ru::date_long(today));
    workbook(vec![Sheet { name: "База наставляемых", title, columns: COLUMNS, rows }])
}
