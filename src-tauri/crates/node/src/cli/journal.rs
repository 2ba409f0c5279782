//! The pair's programme and journal: plan activities, meetings and their notes, monitoring.

use nastavnik_core::pair::{ActivityInput, MeetingInput, PairDoc, TextField, set_text};
use nastavnik_node::NodeError;
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{
    ActivityStatus, MeetingFormat, MeetingText, MeetingType, MemberRole, MonitoringStage, Rater,
};
use serde_json::json;

use super::args::{MeetingCmd, MonitoringArgs, PlanCmd};
use super::context::{Ctx, Output};
use super::parse;

/// `plan …`.
pub async fn plan(ctx: &Ctx<'_>, cmd: PlanCmd) -> Result<Output, NodeError> {
    let actor = ctx.actor()?;
    let (now, today) = (ctx.now(), ctx.today());
    match cmd {
        PlanCmd::Add { pair, title, deadline, mentor_activity, result, responsible } => {
            let input = ActivityInput {
                title,
                mentor_activity,
                expected_result: result,
                deadline: parse::date("--deadline", &deadline)?,
                responsible,
            };
            let id = parse::new_id("a");
            let activity = id.clone();
            let doc = ctx.pair_doc(&pair).await?;
            ctx.node
                .change(&doc, now, "новое мероприятие", move |p: &mut PairDoc| {
                    p.add_activity(&actor, &activity, input)
                })
                .await?;
            Ok(Output::new(format!("Мероприятие добавлено: {id}"), json!({ "id": id })))
        }
        PlanCmd::Edit { pair, activity, title, deadline, mentor_activity, result, responsible } => {
            let deadline = deadline.map(|d| parse::date("--deadline", &d)).transpose()?;
            let doc = ctx.pair_doc(&pair).await?;
            let id = activity.clone();
            ctx.node
                .change(&doc, now, "правка мероприятия", move |p: &mut PairDoc| {
                    let current = nastavnik_core::keyed::get(&p.activities, &id)?.clone();
                    let input = ActivityInput {
                        title: title.unwrap_or(current.title),
                        mentor_activity: mentor_activity.unwrap_or(current.mentor_activity),
                        expected_result: result.unwrap_or(current.expected_result),
                        deadline: deadline.unwrap_or(*current.deadline),
                        responsible: responsible.unwrap_or(current.responsible),
                    };
                    p.edit_activity(&actor, &id, input)
                })
                .await?;
            Ok(Output::new(format!("Мероприятие {activity} изменено"), json!({ "id": activity })))
        }
        PlanCmd::Remove { pair, activity } => {
            let doc = ctx.pair_doc(&pair).await?;
            let id = activity.clone();
            ctx.node
                .change(&doc, now, "удаление мероприятия", move |p: &mut PairDoc| {
                    p.remove_activity(&actor, &id)
                })
                .await?;
            Ok(Output::new(format!("Мероприятие {activity} удалено"), json!({ "id": activity })))
        }
        PlanCmd::Status { pair, activity, status, done_on, note } => {
            let status = parse::code("--status", &status, ActivityStatus::ALL)?;
            let done_on = match (status, done_on) {
                (_, Some(d)) => Some(parse::date("--done-on", &d)?),
                (ActivityStatus::Done, None) => Some(today),
                _ => None,
            };
            let doc = ctx.pair_doc(&pair).await?;
            let id = activity.clone();
            ctx.node
                .change(&doc, now, "статус мероприятия", move |p: &mut PairDoc| {
                    p.set_activity_status(&actor, &id, status, done_on, &note, today)
                })
                .await?;
            Ok(Output::new(format!("{activity}: {status}"), json!({ "id": activity, "status": status })))
        }
        PlanCmd::List { pair } => {
            let doc = ctx.pair_doc(&pair).await?;
            let p: PairDoc = ctx.node.read(&doc).await?;
            let mut text = format!("План пары {pair}:\n");
            for a in &p.activities {
                let late =
                    if a.status.is_open() && *a.deadline < today { " — ПРОСРОЧЕНО" } else { "" };
                text.push_str(&format!(
                    "  {}  {} — срок {}, {}{late}\n",
                    a.id,
                    a.title,
                    ru::date_short(*a.deadline),
                    *a.status
                ));
            }
            // The same rows the window's pair screen shows.
            let rows = p.view(None).activities;
            Ok(Output::new(text, json!(rows)))
        }
    }
}

/// `meeting …`.
pub async fn meeting(ctx: &Ctx<'_>, cmd: MeetingCmd) -> Result<Output, NodeError> {
    let actor = ctx.actor()?;
    let now = ctx.now();
    match cmd {
        MeetingCmd::Add { pair, meeting_type, date, format, topic } => {
            let input = MeetingInput {
                meeting_type: parse::code("--type", &meeting_type, MeetingType::ALL)?,
                date: parse::date("--date", &date)?,
                format: parse::code("--format", &format, MeetingFormat::ALL)?,
                topic,
            };
            let id = parse::new_id("m");
            let meeting = id.clone();
            let doc = ctx.pair_doc(&pair).await?;
            ctx.node
                .change(&doc, now, "новая встреча", move |p: &mut PairDoc| {
                    p.add_meeting(&actor, &meeting, input)
                })
                .await?;
            Ok(Output::new(format!("Встреча добавлена: {id}"), json!({ "id": id })))
        }
        MeetingCmd::Edit { pair, meeting, meeting_type, date, format, topic } => {
            let meeting_type =
                meeting_type.map(|t| parse::code("--type", &t, MeetingType::ALL)).transpose()?;
            let date = date.map(|d| parse::date("--date", &d)).transpose()?;
            let format = format.map(|f| parse::code("--format", &f, MeetingFormat::ALL)).transpose()?;
            let doc = ctx.pair_doc(&pair).await?;
            let id = meeting.clone();
            ctx.node
                .change(&doc, now, "правка встречи", move |p: &mut PairDoc| {
                    let current = nastavnik_core::keyed::get(&p.meetings, &id)?;
                    let input = MeetingInput {
                        meeting_type: meeting_type.unwrap_or(*current.meeting_type),
                        date: date.unwrap_or(*current.date),
                        format: format.unwrap_or(*current.format),
                        topic: topic.unwrap_or_else(|| current.topic.clone()),
                    };
                    p.edit_meeting(&actor, &id, input)
                })
                .await?;
            Ok(Output::new(format!("Встреча {meeting} изменена"), json!({ "id": meeting })))
        }
        MeetingCmd::Remove { pair, meeting } => {
            let doc = ctx.pair_doc(&pair).await?;
            let id = meeting.clone();
            ctx.node
                .change(&doc, now, "удаление встречи", move |p: &mut PairDoc| {
                    p.remove_meeting(&actor, &id)
                })
                .await?;
            Ok(Output::new(format!("Встреча {meeting} удалена"), json!({ "id": meeting })))
        }
        MeetingCmd::Notes { pair, meeting, text } => {
            let doc = ctx.pair_doc(&pair).await?;
            let field = TextField::Notes(meeting.clone());
            ctx.node.edit(&doc, move |d| set_text(d, now, &actor, &field, &text)).await?;
            Ok(Output::new("Заметки сохранены", json!({ "meeting": meeting })))
        }
        MeetingCmd::Text { pair, meeting, field, text } => {
            let which = parse::code("--field", &field, MeetingText::ALL)?;
            let doc = ctx.pair_doc(&pair).await?;
            let field = TextField::of_meeting(which, meeting.clone());
            ctx.node.edit(&doc, move |d| set_text(d, now, &actor, &field, &text)).await?;
            Ok(Output::new(format!("{}: сохранено", which.label()), json!({ "meeting": meeting })))
        }
        MeetingCmd::List { pair } => {
            let doc = ctx.pair_doc(&pair).await?;
            let p: PairDoc = ctx.node.read(&doc).await?;
            let mut text = format!("Журнал встреч пары {pair}:\n");
            for m in &p.meetings {
                let confirmed =
                    p.confirmed_by(m, MemberRole::Mentor) && p.confirmed_by(m, MemberRole::Mentee);
                let mark =
                    if confirmed { "подтверждена" } else { "не подтверждена" };
                text.push_str(&format!(
                    "  {}  {} — {} ({}), {mark}\n    {}\n",
                    m.id,
                    ru::date_short(*m.date),
                    m.topic,
                    *m.meeting_type,
                    m.notes.as_str()
                ));
                for (label, t) in [("Задачи", &m.agreed_tasks), ("Рефлексия", &m.reflection)] {
                    if !t.as_str().is_empty() {
                        text.push_str(&format!("    {label}: {}\n", t.as_str()));
                    }
                }
            }
            // The same meetings the window's journal shows.
            Ok(Output::new(text, json!(p.view(None).meetings)))
        }
        MeetingCmd::Confirm { pair, meeting } => {
            let doc = ctx.pair_doc(&pair).await?;
            let id = meeting.clone();
            ctx.node
                .change(&doc, now, "подтверждение встречи", move |p: &mut PairDoc| {
                    p.confirm_meeting(&actor, &id, now)
                })
                .await?;
            Ok(Output::new("Встреча подтверждена", json!({ "meeting": meeting })))
        }
    }
}

/// `monitoring`.
pub async fn monitoring(ctx: &Ctx<'_>, args: MonitoringArgs) -> Result<Output, NodeError> {
    let actor = ctx.actor()?;
    let stage = parse::code("--stage", &args.stage, MonitoringStage::ALL)?;
    let rater = parse::code("--rater", &args.rater, Rater::ALL)?;
    let scores = args.scores.iter().map(|s| parse::score(s)).collect::<Result<Vec<_>, _>>()?;
    let doc = ctx.pair_doc(&args.pair).await?;
    let (today, mentee) = (ctx.today(), args.mentee.clone());
    let count = scores.len();
    ctx.node
        .change(&doc, ctx.now(), "мониторинг", move |p: &mut PairDoc| {
            p.record_scores(&actor, stage, &mentee, rater, &scores, today)
        })
        .await?;
    Ok(Output::new(format!("Оценки записаны ({stage}): {count}"), json!({ "stage": stage, "scores": count })))
}
