//! One person's record of mentoring (сведения об участии в наставничестве) for their
//! аттестация: every pair they took part in — as a mentee or as a mentor — with its goals, the
//! activities done, the meetings held, the monitoring scores from entry to final (a mentee's own)
//! and the mentor's report. Made on the person's own device from the pairs' documents it holds.

use chrono::NaiveDate;
use nastavnik_core::pair::{PairDoc, score_key};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{ActivityStatus, GoalTerm, MemberRole, MonitoringStage, Rater};

use super::page::{Orientation, Page};
use crate::PaperworkError;

fn names(pair: &PairDoc, role: MemberRole) -> String {
    pair.members_with(role).map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")
}

/// The record of person `person_id` across `pairs` (those they are not a member of are left
/// out), as of `today`.
pub fn record(person_id: &str, pairs: &[PairDoc], today: NaiveDate) -> Result<Vec<u8>, PaperworkError> {
    let mut mine: Vec<(&PairDoc, MemberRole, &str)> = pairs
        .iter()
        .filter_map(|p| {
            let m = p.members.iter().find(|m| m.person_id == person_id)?;
            Some((p, *m.role, m.name.as_str()))
        })
        .collect();
    let Some(&(first, _, name)) = mine.first() else {
        return Err(PaperworkError("на этом устройстве нет пар этого участника".into()));
    };
    mine.sort_by_key(|(p, _, _)| *p.header.period_start);
    let mut page = Page::new(Orientation::Portrait);
    page.title("Сведения об участии в программе наставничества");
    page.centred(&first.school_name);
    page.field("ФИО", name);
    page.field("Сформировано", &ru::date_long(today));
    page.field("Наставнических пар", &mine.len().to_string());
    for (i, (pair, role, _)) in mine.iter().enumerate() {
        pair_part(&mut page, i + 1, pair, *role, person_id);
    }
    page.signature("Участник", name);
    page.finish()
}

fn pair_part(page: &mut Page, n: usize, pair: &PairDoc, role: MemberRole, person_id: &str) {
    page.heading(&format!(
        "{n}. Наставник: {}; наставляемый: {}",
        names(pair, MemberRole::Mentor),
        names(pair, MemberRole::Mentee)
    ));
    page.field("Роль", role.label());
    page.field("Форма наставничества", pair.header.form.label());
    let mut period =
        format!("{} – {}", ru::date_short(*pair.header.period_start), ru::date_short(pair.period_end()));
    if let Some(c) = &pair.closure {
        period.push_str(&format!(" ({} {})", c.status.label(), ru::date_short(*c.on)));
    }
    page.field("Срок реализации", &period);
    for (term, heading) in [(GoalTerm::Short, "Краткосрочные цели"), (GoalTerm::Long, "Долгосрочные цели")]
    {
        let goals: Vec<&str> =
            pair.programme.goals.iter().filter(|g| *g.term == term).map(|g| g.text.as_str()).collect();
        if !goals.is_empty() {
            page.text(&format!("{heading}:"));
            page.list(goals);
        }
    }

    let done: Vec<_> = pair.activities.iter().filter(|a| *a.status == ActivityStatus::Done).collect();
    let planned = pair.activities.iter().filter(|a| *a.status != ActivityStatus::Cancelled).count();
    page.text(&format!("Выполнено мероприятий: {} из {planned}", done.len()));
    if !done.is_empty() {
        let rows = done.iter().enumerate().map(|(i, a)| {
            vec![
                (i + 1).to_string(),
                a.title.clone(),
                ru::date_short(*a.deadline),
                a.completed_on.map(|d| ru::date_short(*d)).unwrap_or_default(),
                a.completion_note.clone(),
            ]
        });
        page.table(&["№", "Мероприятие", "Срок", "Выполнено", "Отметка"], &[6, 40, 14, 14, 26], rows);
    }

    let mut meetings: Vec<_> = pair.meetings.iter().collect();
    meetings.sort_by_key(|m| *m.date);
    page.text(&format!("Встреч: {}", meetings.len()));
    if !meetings.is_empty() {
        let rows = meetings.iter().enumerate().map(|(i, m)| {
            let both = pair.confirmed_by(m, MemberRole::Mentor) && pair.confirmed_by(m, MemberRole::Mentee);
            vec![
                (i + 1).to_string(),
                ru::date_short(*m.date),
                format!("{}: {}", m.meeting_type.label(), m.topic),
                if both {
                    "подтверждена".into()
                } else {
                    "не подтверждена обеими сторонами".into()
                },
            ]
        });
        page.table(&["№", "Дата", "Встреча", "Подтверждение"], &[6, 14, 54, 26], rows);
    }

    if role == MemberRole::Mentee && !pair.monitoring.criteria.is_empty() {
        page.text("Мониторинг (самооценка / оценка наставника, баллы 1–5):");
        let stages = [MonitoringStage::Entry, MonitoringStage::Intermediate, MonitoringStage::Final];
        let rows = pair.monitoring.criteria.iter().map(|c| {
            let mut row = vec![c.title.clone()];
            for stage in stages {
                let scores = &pair.monitoring.stage(stage).scores;
                let score = |rater| {
                    scores.get(&score_key(person_id, rater, &c.id)).map_or("—".to_string(), u8::to_string)
                };
                row.push(format!("{} / {}", score(Rater::Mentee), score(Rater::Mentor)));
            }
            row
        });
        page.table(&["Критерий", "Входная", "Промежуточная", "Итоговая"], &[40, 20, 20, 20], rows);
    }

    let report = &pair.final_report;
    let parts = [
        ("Результаты", report.results.as_str()),
        ("Выводы", report.conclusions.as_str()),
        ("Предложения", report.proposals.as_str()),
    ];
    if parts.iter().any(|(_, t)| !t.trim().is_empty()) {
        let when = report
            .submitted_on
            .map_or("не сдан куратору".to_string(), |d| format!("сдан {}", ru::date_short(*d)));
        page.text(&format!("Отчёт наставника ({when}):"));
        for (title, text) in parts {
            if !text.trim().is_empty() {
                page.text(&format!("{title}: {}", text.trim()));
            }
        }
    }
}
