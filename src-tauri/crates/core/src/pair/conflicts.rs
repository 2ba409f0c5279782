//! A pair's concurrent edits in the words of its screens (see [`crate::conflicts`]): which field
//! of which activity, meeting or goal holds two values, each value as the screen shows it, and
//! choosing one of them — an ordinary change by a participant of an open pair.

use automerge::{Automerge, ScalarValue};
use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_shared::vocab::{
    ActivityStatus, Form, GoalTerm, Kind, MeetingFormat, MeetingType, MonitoringStage,
};
use nastavnik_shared::{Code, ru};

use super::{Actor, PairDoc};
use crate::conflicts::{self, Step};
use crate::document::{Schema, commit_options, read};
use crate::error::{DocError, DomainError, Error};

fn field_name(key: &str) -> &str {
    match key {
        "title" => "название",
        "deadline" => "срок",
        "status" => "статус",
        "responsible" => "ответственный",
        "mentor_activity" => "деятельность наставника",
        "expected_result" => "ожидаемый результат",
        "completion_note" => "отметка о выполнении",
        "completed_on" => "дата выполнения",
        "date" => "дата",
        "topic" => "тема",
        "format" => "формат",
        "meeting_type" => "вид встречи",
        "text" => "формулировка",
        "term" => "срок достижения",
        "role_model" => "ролевая модель",
        "period_start" => "начало программы",
        "period_months" => "длительность, месяцев",
        "form" => "форма наставничества",
        "kind" => "вид наставничества",
        "submitted_on" => "дата сдачи отчёта",
        "score" => "оценка",
        "comment" => "комментарий",
        other => other,
    }
}

impl PairDoc {
    /// What the field at `steps` is, as a person reads it: «мероприятие «Открытый урок»: срок».
    pub fn field_label(&self, steps: &[Step]) -> String {
        let text = |s: &Step| match s {
            Step::Key(k) | Step::Item(k) => k.clone(),
        };
        let field = steps.last().map(|s| field_name(&text(s)).to_string()).unwrap_or_default();
        let keys: Vec<String> = steps.iter().map(text).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        match keys.as_slice() {
            ["activities", id, _] => match self.activities.iter().find(|a| a.id == *id) {
                Some(a) => format!("мероприятие «{}»: {field}", a.title),
                None => format!("мероприятие: {field}"),
            },
            ["meetings", id, _] => match self.meetings.iter().find(|m| m.id == *id) {
                Some(m) => format!("встреча {} «{}»: {field}", ru::date_short(*m.date), m.topic),
                None => format!("встреча: {field}"),
            },
            ["programme", "goals", ..] => format!("цель программы: {field}"),
            ["programme", "directions", ..] => format!("направление работы: {field}"),
            ["programme", "deficits", ..] => format!("затруднение: {field}"),
            ["programme", "strengths", ..] => format!("сильная сторона: {field}"),
            ["header", ..] => format!("программа: {field}"),
            ["monitoring", stage, "scores", _] | ["monitoring", stage, "recorded_on", _] => {
                let stage = match *stage {
                    "entry" => MonitoringStage::Entry,
                    "intermediate" => MonitoringStage::Intermediate,
                    _ => MonitoringStage::Final,
                };
                format!("мониторинг, {}: оценка", stage.label().to_lowercase())
            }
            ["final_report", ..] => format!("отчёт наставника: {field}"),
            ["surveys", ..] => format!("анкета удовлетворённости: {field}"),
            _ => keys.join(" / "),
        }
    }
}

/// A value as the screen shows it: dates as dd.mm.yyyy, codes by their Russian names.
pub fn value_label(steps: &[Step], value: &ScalarValue) -> String {
    let key = match steps.last() {
        Some(Step::Key(k) | Step::Item(k)) => k.as_str(),
        None => "",
    };
    match value {
        ScalarValue::Null => "не указано".to_string(),
        ScalarValue::Str(s) => {
            let s = s.as_str();
            let label = match key {
                "status" => ActivityStatus::from_code(s).map(|c| c.label().to_string()),
                "format" => MeetingFormat::from_code(s).map(|c| c.label().to_string()),
                "meeting_type" => MeetingType::from_code(s).map(|c| c.label().to_string()),
                "term" => GoalTerm::from_code(s).map(|c| c.label().to_string()),
                "form" => Form::from_code(s).map(|c| c.label().to_string()),
                "kind" => Kind::from_code(s).map(|c| c.label().to_string()),
                _ => None,
            };
            label
                .or_else(|| NaiveDate::from_code(s).map(ru::date_short))
                .or_else(|| DateTime::<Utc>::from_code(s).map(|t| ru::date_short(t.date_naive())))
                .unwrap_or_else(|| if s.is_empty() { "пусто".to_string() } else { s.to_string() })
        }
        other => other.to_string(),
    }
}

/// Chooses, in the pair's document, the value that operation `op` wrote into the field at `path`:
/// one change, by a participant of the open pair, refused if it would make a valid document
/// invalid (two values may each be valid alone). Returns the field's label.
pub fn choose_value(
    doc: &mut Automerge,
    now: DateTime<Utc>,
    actor: &Actor,
    path: &str,
    op: &str,
) -> Result<String, Error> {
    let pair: PairDoc = read(doc)?;
    pair.require_participant(actor)?;
    let steps: Vec<Step> = match conflicts::find(doc).into_iter().find(|c| c.path() == path) {
        Some(c) => c.steps,
        None => {
            return Err(DomainError::Conflict("в этом поле нет расхождения: значение уже одно".into()).into());
        }
    };
    let label = pair.field_label(&steps);
    let done = doc.transact_with(
        |value: &ScalarValue| {
            let message = format!("выбор значения из расхождения: {label} — {}", value_label(&steps, value));
            commit_options(now, &message)
        },
        |tx| {
            let value = conflicts::choose(tx, path, op)?;
            let after: PairDoc =
                autosurgeon::hydrate(tx).map_err(|e| Error::Doc(DocError::Schema(e.to_string())))?;
            if let Err(broken) = after.validate()
                && pair.validate().is_ok()
            {
                return Err(Error::Domain(broken));
            }
            Ok::<_, Error>(value)
        },
    );
    done.map(|_| label).map_err(|f| f.error)
}
