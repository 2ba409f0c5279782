//! A pair's персонализированная программа наставничества and its журнал встреч.

use chrono::NaiveDate;
use nastavnik_core::pair::PairDoc;
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{GoalTerm, MemberRole};

use super::page::{Orientation, Page};
use crate::PaperworkError;

fn names(pair: &PairDoc, role: MemberRole) -> String {
    pair.members_with(role).map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")
}

fn header(page: &mut Page, pair: &PairDoc) {
    page.centred(&pair.school_name);
    page.field("Наставник", &names(pair, MemberRole::Mentor));
    page.field("Наставляемый", &names(pair, MemberRole::Mentee));
    page.field("Форма наставничества", pair.header.form.label());
    page.field("Вид наставничества", pair.header.kind.label());
    page.field("Ролевая модель", &pair.header.role_model);
    page.field(
        "Срок реализации",
        &format!(
            "{} – {} ({})",
            ru::date_short(*pair.header.period_start),
            ru::date_short(pair.period_end()),
            ru::count(u64::from(pair.header.period_months), ["месяц", "месяца", "месяцев"])
        ),
    );
}

/// The programme: participants, directions, deficits, strengths, goals and the plan of
/// activities (the table of 000's «План программы»), with statuses as of `today`.
pub fn programme(pair: &PairDoc, today: NaiveDate) -> Result<Vec<u8>, PaperworkError> {
    let mut page = Page::new(Orientation::Landscape);
    page.title("Персонализированная программа наставничества");
    header(&mut page, pair);
    page.heading("Направления работы");
    page.list(pair.programme.directions.iter().map(|i| i.text.as_str()));
    page.heading("Выявленные профессиональные затруднения (дефициты)");
    page.list(pair.programme.deficits.iter().map(|i| i.text.as_str()));
    page.heading("Сильные стороны");
    page.list(pair.programme.strengths.iter().map(|i| i.text.as_str()));
    for (term, heading) in [(GoalTerm::Short, "Краткосрочные цели"), (GoalTerm::Long, "Долгосрочные цели")]
    {
        page.heading(heading);
        page.list(pair.programme.goals.iter().filter(|g| *g.term == term).map(|g| g.text.as_str()));
    }
    page.heading(&format!("План мероприятий (состояние на {})", ru::date_long(today)));
    let mut activities: Vec<_> = pair.activities.iter().collect();
    activities.sort_by_key(|a| *a.deadline);
    let rows = activities.iter().enumerate().map(|(i, a)| {
        let note = a.completion_note.trim();
        let note = if note.to_lowercase() == a.status.label() { "" } else { note };
        let mark = match (a.completed_on, note) {
            (Some(d), "") => format!("{}, {}", a.status.label(), ru::date_short(*d)),
            (Some(d), note) => format!("{}, {}: {note}", a.status.label(), ru::date_short(*d)),
            (None, "") if *a.deadline < today && a.status.is_open() => {
                format!("{} (просрочено)", a.status.label())
            }
            (None, "") => a.status.label().to_string(),
            (None, note) => format!("{}: {note}", a.status.label()),
        };
        vec![
            (i + 1).to_string(),
            a.title.clone(),
            a.mentor_activity.clone(),
            a.expected_result.clone(),
            ru::date_short(*a.deadline),
            a.responsible.clone(),
            mark,
        ]
    });
    page.table(
        &[
            "№",
            "Мероприятие",
            "Деятельность наставника",
            "Ожидаемый результат",
            "Срок",
            "Ответственный",
            "Отметка о выполнении",
        ],
        &[4, 20, 20, 20, 9, 13, 14],
        rows,
    );
    let report = &pair.final_report;
    if !report.results.as_str().trim().is_empty() {
        let when = report
            .submitted_on
            .map_or("не сдан куратору".to_string(), |d| format!("сдан {}", ru::date_short(*d)));
        page.heading(&format!("Отчёт наставника ({when})"));
        for (title, text) in [
            ("Результаты", report.results.as_str()),
            ("Выводы", report.conclusions.as_str()),
            ("Предложения", report.proposals.as_str()),
        ] {
            if !text.trim().is_empty() {
                page.text(&format!("{title}: {}", text.trim()));
            }
        }
    }
    page.signature("Наставник", &names(pair, MemberRole::Mentor));
    page.signature("Наставляемый", &names(pair, MemberRole::Mentee));
    page.finish()
}

/// The meeting journal: one row per meeting in date order, with notes, agreed tasks, the
/// mentee's reflection and who confirmed it.
pub fn journal(pair: &PairDoc) -> Result<Vec<u8>, PaperworkError> {
    let mut page = Page::new(Orientation::Landscape);
    page.title("Журнал встреч наставнической пары");
    header(&mut page, pair);
    let mut meetings: Vec<_> = pair.meetings.iter().collect();
    meetings.sort_by_key(|m| *m.date);
    let rows = meetings.iter().enumerate().map(|(i, m)| {
        let confirmed: Vec<&str> = [(MemberRole::Mentor, "наставник"), (MemberRole::Mentee, "наставляемый")]
            .into_iter()
            .filter(|(role, _)| pair.confirmed_by(m, *role))
            .map(|(_, who)| who)
            .collect();
        vec![
            (i + 1).to_string(),
            format!("{}\n{}", ru::date_short(*m.date), m.format.label()),
            format!("{}\n{}", m.meeting_type.label(), m.topic),
            m.notes.as_str().to_string(),
            m.agreed_tasks.as_str().to_string(),
            m.reflection.as_str().to_string(),
            if confirmed.is_empty() { "не подтверждена".into() } else { confirmed.join(",\n") },
        ]
    });
    page.table(
        &[
            "№",
            "Дата, формат",
            "Вид встречи, тема",
            "Содержание",
            "Договорённости",
            "Рефлексия",
            "Подтвердили",
        ],
        &[4, 11, 17, 26, 15, 14, 13],
        rows,
    );
    if meetings.is_empty() {
        page.text("Встреч пока не было.");
    }
    page.finish()
}
