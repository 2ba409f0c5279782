//! Filling a demo pair: its programme, the seeds' plan, meetings with notes, monitoring.

use automerge::Automerge;
use chrono::{DateTime, Utc};
use nastavnik_shared::vocab::{
    ActivityStatus, GoalTerm, MeetingFormat, MeetingType, MemberRole, MonitoringStage, Rater,
};

use super::{day, seed_plan};
use crate::document::change;
use crate::error::Error;
use crate::pair::{ActivityInput, Actor, MeetingInput, PairDoc, ProgrammeList, TextField, set_text};

/// Fills a pair with a plan, meetings and monitoring, up to `now`.
pub(super) fn fill_pair(
    doc: &mut Automerge,
    pair: &PairDoc,
    now: DateTime<Utc>,
    working: bool,
) -> Result<(), Error> {
    let today = now.date_naive();
    let mentor = Actor::Person(
        pair.members_with(MemberRole::Mentor).map(|m| m.person_id.clone()).next().unwrap_or_default(),
    );
    let mentee_id =
        pair.members_with(MemberRole::Mentee).map(|m| m.person_id.clone()).next().unwrap_or_default();
    let mentee = Actor::Person(mentee_id.clone());
    let start = *pair.header.period_start;
    let span = (pair.period_end() - start).num_days().max(1) as u64;
    let rows = if pair.pair_id == "pair-1" { 13 } else { 5 };
    change(doc, now, "программа", |p: &mut PairDoc| {
        p.add_programme_item(
            &mentor,
            ProgrammeList::Directions,
            "dir-1",
            "Методическая помощь в проектировании уроков",
        )?;
        p.add_programme_item(&mentor, ProgrammeList::Deficits, "def-1", "Трудности с дисциплиной на уроке")?;
        p.add_programme_item(
            &mentor,
            ProgrammeList::Strengths,
            "str-1",
            "Хорошее знание предмета, открытость",
        )?;
        p.add_goal(&mentor, "goal-1", "Успешная адаптация и закрепление в профессии", GoalTerm::Long)?;
        p.add_goal(&mentor, "goal-2", "Освоить проектирование урока по ФГОС", GoalTerm::Short)?;
        for (i, (title, activity, result)) in seed_plan::TEACHER_TEACHER_PLAN.iter().take(rows).enumerate() {
            let deadline = day(start, span * (i as u64 + 1) / rows as u64);
            let input = ActivityInput {
                title: (*title).into(),
                mentor_activity: (*activity).into(),
                expected_result: (*result).into(),
                deadline,
                responsible: "наставник".into(),
            };
            let id = format!("{}-a{}", p.pair_id, i + 1);
            p.add_activity(&mentor, &id, input)?;
            // One activity is left overdue on purpose, so the overview has something to show.
            if !working {
                continue;
            }
            if deadline < today && i != 1 {
                p.set_activity_status(
                    &mentor,
                    &id,
                    ActivityStatus::Done,
                    Some(deadline),
                    "выполнено",
                    today,
                )?;
            } else if deadline < day(today, 30) && deadline >= today {
                p.set_activity_status(&mentor, &id, ActivityStatus::InProgress, None, "", today)?;
            }
        }
        Ok(())
    })?;
    if !working {
        return Ok(());
    }
    let meetings = [
        (MeetingType::Organisational, 2, "Знакомство, ожидания и правила работы пары"),
        (MeetingType::Trial, 9, "Пробное занятие: анализ урока наставляемого"),
        (MeetingType::Planning, 16, "Составление плана работы на период программы"),
        (MeetingType::Regular, 30, "Разбор открытого урока наставника"),
        (MeetingType::Regular, 44, "Ведение электронного журнала и рабочей программы"),
        (MeetingType::Regular, 58, "Приёмы удержания дисциплины на уроке"),
    ];
    for (n, (kind, offset, topic)) in meetings.iter().enumerate() {
        let date = day(start, *offset);
        if date > today {
            break;
        }
        let id = format!("{}-m{}", pair.pair_id, n + 1);
        change(doc, now, "встреча", |p: &mut PairDoc| {
            let format = if n % 3 == 2 { MeetingFormat::Remote } else { MeetingFormat::InPerson };
            p.add_meeting(
                &mentor,
                &id,
                MeetingInput { meeting_type: *kind, date, format, topic: (*topic).into() },
            )
        })?;
        let notes = format!(
            "Обсудили: {}. Наставляемый рассказал о трудностях; договорились о следующем шаге.",
            topic.to_lowercase()
        );
        set_text(doc, now, &mentor, &TextField::Notes(id.clone()), &notes)?;
        set_text(
            doc,
            now,
            &mentee,
            &TextField::Reflection(id.clone()),
            "Было полезно, попробую на следующей неделе.",
        )?;
        change(doc, now, "подтверждение", |p: &mut PairDoc| {
            p.confirm_meeting(&mentor, &id, now)?;
            p.confirm_meeting(&mentee, &id, now)
        })?;
    }
    if day(start, 10) <= today {
        let criteria: Vec<String> = pair.monitoring.criteria.iter().map(|c| c.id.clone()).collect();
        let scores = |base: u8| {
            criteria.iter().enumerate().map(|(i, c)| (c.clone(), base + (i % 2) as u8)).collect::<Vec<_>>()
        };
        change(doc, now, "входная диагностика", |p: &mut PairDoc| {
            let on = day(start, 10);
            p.record_scores(&mentee, MonitoringStage::Entry, &mentee_id, Rater::Mentee, &scores(2), on)?;
            p.record_scores(&mentor, MonitoringStage::Entry, &mentee_id, Rater::Mentor, &scores(2), on)
        })?;
    }
    Ok(())
}
