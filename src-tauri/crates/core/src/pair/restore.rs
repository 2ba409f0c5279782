//! Undoing a change of an activity, a meeting or an entry of the programme: the fields that change altered get back the
//! values they had just before it — as a new, ordinary change (the history keeps both), checked
//! like any edit (a deadline outside the programme's period is refused). Fields the change did
//! not touch keep their current values, so later edits of other fields survive. A meeting's texts
//! come back through automerge's text, one change per text, as typing does. A meeting's
//! confirmations and a mentee's reflection are that person's own statements: confirmations are
//! never restored, a reflection only by a mentee.

use automerge::{Automerge, ChangeHash};
use chrono::{DateTime, Utc};
use nastavnik_shared::app::Tracked;
use nastavnik_shared::vocab::{MemberRole, ProgrammePart};

use super::schema::{Activity, Meeting};
use super::{ActivityInput, Actor, MeetingInput, PairDoc, TextField, set_text};
use crate::document::{change, read};
use crate::error::{DomainError, Error};
use crate::keyed;

/// The list an item is in, from the document's root ([`crate::history::item_history`]).
pub fn tracked_list(item: &Tracked) -> &'static str {
    match item {
        Tracked::Activity(_) => "activities",
        Tracked::Meeting(_) => "meetings",
        Tracked::Entry(ProgrammePart::Directions, _) => "programme/directions",
        Tracked::Entry(ProgrammePart::Deficits, _) => "programme/deficits",
        Tracked::Entry(ProgrammePart::Strengths, _) => "programme/strengths",
        Tracked::Entry(ProgrammePart::ShortGoals | ProgrammePart::LongGoals, _) => "programme/goals",
    }
}

fn pick<T: PartialEq + Clone>(before: &T, after: &T, now: &T) -> T {
    if before != after { before.clone() } else { now.clone() }
}

fn nothing() -> DomainError {
    DomainError::Conflict("эта правка не меняла полей, которые можно вернуть".into())
}

impl PairDoc {
    /// Gives the activity `id` back the values `before` had wherever `after` differs from it.
    pub fn restore_activity(
        &mut self,
        actor: &Actor,
        id: &str,
        before: &Activity,
        after: &Activity,
    ) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let now = keyed::get(&self.activities, id)?.clone();
        let input = ActivityInput {
            title: pick(&before.title, &after.title, &now.title),
            mentor_activity: pick(&before.mentor_activity, &after.mentor_activity, &now.mentor_activity),
            expected_result: pick(&before.expected_result, &after.expected_result, &now.expected_result),
            deadline: *pick(&before.deadline, &after.deadline, &now.deadline),
            responsible: pick(&before.responsible, &after.responsible, &now.responsible),
        };
        self.edit_activity(actor, id, input)?;
        let a = keyed::get_mut(&mut self.activities, id)?;
        if before.status != after.status || before.completed_on != after.completed_on {
            a.status = before.status;
            a.completed_on = before.completed_on;
        }
        a.completion_note = pick(&before.completion_note, &after.completion_note, &a.completion_note);
        if *a == now { Err(nothing()) } else { Ok(()) }
    }

    /// Gives the meeting `id` back the type, date, format and topic `before` had wherever `after`
    /// differs from it (its texts are restored by [`restore_before`], through automerge's text).
    pub fn restore_meeting(
        &mut self,
        actor: &Actor,
        id: &str,
        before: &Meeting,
        after: &Meeting,
    ) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let now = keyed::get(&self.meetings, id)?.clone();
        let input = MeetingInput {
            meeting_type: *pick(&before.meeting_type, &after.meeting_type, &now.meeting_type),
            date: *pick(&before.date, &after.date, &now.date),
            format: *pick(&before.format, &after.format, &now.format),
            topic: pick(&before.topic, &after.topic, &now.topic),
        };
        self.edit_meeting(actor, id, input)?;
        if *keyed::get(&self.meetings, id)? == now { Err(nothing()) } else { Ok(()) }
    }
}

/// The pair as it was at `heads`.
fn at(doc: &Automerge, heads: &[ChangeHash]) -> Result<PairDoc, Error> {
    let past = doc.fork_at(heads).map_err(|e| DomainError::Conflict(e.to_string()))?;
    Ok(read(&past)?)
}

/// Undoes, for `item`, the change with hash `change_hash` (hex): one new change by `actor`.
pub fn restore_before(
    doc: &mut Automerge,
    now: DateTime<Utc>,
    actor: &Actor,
    item: &Tracked,
    change_hash: &str,
) -> Result<(), Error> {
    let unknown = || DomainError::NotFound { what: "правка", id: change_hash.to_string() };
    let hash: ChangeHash = change_hash.parse().map_err(|_| unknown())?;
    let deps = doc.get_change_meta_by_hash(&hash).ok_or_else(unknown)?.deps;
    let (before, after) = (at(doc, &deps)?, at(doc, &[hash])?);
    let created = |what: &str| {
        DomainError::Conflict(format!("эта правка создала {what}: удалите его, если оно не нужно"))
    };
    let removed =
        |what: &str| DomainError::Conflict(format!("эта правка удалила {what}: его нельзя вернуть отсюда"));
    match item {
        Tracked::Activity(id) => {
            let b =
                before.activities.iter().find(|a| a.id == *id).ok_or_else(|| created("мероприятие"))?.clone();
            let a =
                after.activities.iter().find(|a| a.id == *id).ok_or_else(|| removed("мероприятие"))?.clone();
            let id = id.clone();
            change(
                doc,
                now,
                "возврат мероприятия к прежним значениям",
                |p: &mut PairDoc| p.restore_activity(actor, &id, &b, &a),
            )
        }
        Tracked::Entry(part, id) => {
            let text = |p: &PairDoc| {
                p.entries().into_iter().find(|e| e.part == *part && e.id == *id).map(|e| e.text)
            };
            let b = text(&before).ok_or_else(|| created("пункт программы"))?;
            let a = text(&after).ok_or_else(|| removed("пункт программы"))?;
            if a == b {
                return Err(nothing().into());
            }
            let (part, id) = (*part, id.clone());
            change(
                doc,
                now,
                "возврат пункта программы к прежней формулировке",
                move |p: &mut PairDoc| {
                    if text(p).as_deref() == Some(b.as_str()) {
                        return Err(nothing());
                    }
                    p.edit_entry(actor, part, &id, &b)
                },
            )
        }
        Tracked::Meeting(id) => {
            let b = before
                .meetings
                .iter()
                .find(|m| m.id == *id)
                .ok_or_else(|| created("запись о встрече"))?
                .clone();
            let a = after
                .meetings
                .iter()
                .find(|m| m.id == *id)
                .ok_or_else(|| removed("запись о встрече"))?
                .clone();
            let current: PairDoc = read(doc)?;
            current.require_participant(actor)?;
            let now_m = keyed::get(&current.meetings, id)?.clone();
            let fields = |m: &Meeting| (m.meeting_type, m.date, m.format, m.topic.clone());
            let mut done = false;
            if fields(&b) != fields(&a) {
                let (id, b, a) = (id.clone(), b.clone(), a.clone());
                match change(
                    doc,
                    now,
                    "возврат встречи к прежним значениям",
                    move |p: &mut PairDoc| p.restore_meeting(actor, &id, &b, &a),
                ) {
                    Ok(()) => done = true,
                    Err(Error::Domain(DomainError::Conflict(_))) => {}
                    Err(e) => return Err(e),
                }
            }
            // Texts through automerge's text (character by character, as typing is merged); the
            // reflection is the mentee's own and only a mentee gives it back.
            let mentee = current.member(actor).is_some_and(|m| *m.role == MemberRole::Mentee);
            for (field, b, a, now_text, may) in [
                (TextField::Notes(id.clone()), &b.notes, &a.notes, &now_m.notes, true),
                (
                    TextField::AgreedTasks(id.clone()),
                    &b.agreed_tasks,
                    &a.agreed_tasks,
                    &now_m.agreed_tasks,
                    true,
                ),
                (TextField::Reflection(id.clone()), &b.reflection, &a.reflection, &now_m.reflection, mentee),
            ] {
                if may && b.as_str() != a.as_str() && now_text.as_str() != b.as_str() {
                    set_text(doc, now, actor, &field, b.as_str())?;
                    done = true;
                }
            }
            if done { Ok(()) } else { Err(nothing().into()) }
        }
    }
}

#[cfg(test)]
mod tests;
