//! The personalised programme and its plan: directions, deficits, strengths, goals, activities.

use chrono::NaiveDate;
use nastavnik_shared::vocab::{ActivityStatus, GoalTerm};

use super::Actor;
use super::schema::{Activity, Goal, Item, PairDoc};
use crate::error::DomainError;
use crate::{check, keyed};

/// The fields of an activity as a form fills them.
#[derive(Debug, Clone, Default)]
pub struct ActivityInput {
    /// Мероприятие (required).
    pub title: String,
    /// Деятельность наставника.
    pub mentor_activity: String,
    /// Ожидаемый результат.
    pub expected_result: String,
    /// Срок (within the programme's period).
    pub deadline: NaiveDate,
    /// Ответственный.
    pub responsible: String,
}

/// Which list of the programme an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgrammeList {
    /// Направления работы.
    Directions,
    /// Затруднения, дефициты.
    Deficits,
    /// Сильные стороны.
    Strengths,
}

impl PairDoc {
    fn list_mut(&mut self, list: ProgrammeList) -> &mut Vec<Item> {
        match list {
            ProgrammeList::Directions => &mut self.programme.directions,
            ProgrammeList::Deficits => &mut self.programme.deficits,
            ProgrammeList::Strengths => &mut self.programme.strengths,
        }
    }

    /// Adds a direction, deficit or strength.
    pub fn add_programme_item(
        &mut self,
        actor: &Actor,
        list: ProgrammeList,
        id: &str,
        text: &str,
    ) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let item = Item {
            id: keyed::new_id(self.list_mut(list), id)?,
            text: check::required("Формулировка", text, check::LONG)?,
        };
        self.list_mut(list).push(item);
        Ok(())
    }

    /// Removes a direction, deficit or strength.
    pub fn remove_programme_item(
        &mut self,
        actor: &Actor,
        list: ProgrammeList,
        id: &str,
    ) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        keyed::remove(self.list_mut(list), id).map(drop)
    }

    /// Rewords a direction, deficit or strength.
    pub fn edit_programme_item(
        &mut self,
        actor: &Actor,
        list: ProgrammeList,
        id: &str,
        text: &str,
    ) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let text = check::required("Формулировка", text, check::LONG)?;
        keyed::get_mut(self.list_mut(list), id)?.text = text;
        Ok(())
    }

    /// Removes a goal.
    pub fn remove_goal(&mut self, actor: &Actor, id: &str) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        keyed::remove(&mut self.programme.goals, id).map(drop)
    }

    /// Adds a goal.
    pub fn add_goal(
        &mut self,
        actor: &Actor,
        id: &str,
        text: &str,
        term: GoalTerm,
    ) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        self.programme.goals.push(Goal {
            id: keyed::new_id(&self.programme.goals, id)?,
            text: check::required("Цель", text, check::LONG)?,
            term: term.into(),
        });
        Ok(())
    }

    fn checked_activity(&self, input: ActivityInput) -> Result<ActivityInput, DomainError> {
        let deadline =
            check::not_before("Срок", input.deadline, *self.header.period_start, "раньше начала программы")?;
        let deadline = check::not_after("Срок", deadline, self.period_end(), "позже окончания программы")?;
        Ok(ActivityInput {
            title: check::required("Мероприятие", &input.title, check::SHORT * 2)?,
            mentor_activity: check::optional("Деятельность наставника", &input.mentor_activity, check::LONG)?,
            expected_result: check::optional("Ожидаемый результат", &input.expected_result, check::LONG)?,
            deadline,
            responsible: check::optional("Ответственный", &input.responsible, check::SHORT)?,
        })
    }

    /// Adds an activity to the plan, status "planned".
    pub fn add_activity(&mut self, actor: &Actor, id: &str, input: ActivityInput) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let id = keyed::new_id(&self.activities, id)?;
        let input = self.checked_activity(input)?;
        self.activities.push(Activity {
            id,
            title: input.title,
            mentor_activity: input.mentor_activity,
            expected_result: input.expected_result,
            deadline: input.deadline.into(),
            responsible: input.responsible,
            status: ActivityStatus::Planned.into(),
            completion_note: String::new(),
            completed_on: None,
        });
        Ok(())
    }

    /// Edits an activity's fields (only those that differ are written, so a concurrent edit of
    /// another field survives the merge).
    pub fn edit_activity(
        &mut self,
        actor: &Actor,
        id: &str,
        input: ActivityInput,
    ) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let input = self.checked_activity(input)?;
        let a = keyed::get_mut(&mut self.activities, id)?;
        a.title = input.title;
        a.mentor_activity = input.mentor_activity;
        a.expected_result = input.expected_result;
        a.deadline = input.deadline.into();
        a.responsible = input.responsible;
        Ok(())
    }

    /// Changes an activity's status. Marking it done needs the day it was done (not after
    /// `today`) and takes an optional completion note.
    pub fn set_activity_status(
        &mut self,
        actor: &Actor,
        id: &str,
        status: ActivityStatus,
        done_on: Option<NaiveDate>,
        note: &str,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let note = check::optional("Отметка о выполнении", note, check::LONG)?;
        let done_on = match (status, done_on) {
            (ActivityStatus::Done, None) => {
                return Err(DomainError::Empty { field: "Дата выполнения" });
            }
            (ActivityStatus::Done, Some(d)) => {
                Some(check::not_after("Дата выполнения", d, today, "ещё не наступила")?)
            }
            _ => None,
        };
        let a = keyed::get_mut(&mut self.activities, id)?;
        a.status = status.into();
        a.completed_on = done_on.map(Into::into);
        if status == ActivityStatus::Done || !note.is_empty() {
            a.completion_note = note;
        }
        Ok(())
    }

    /// Removes an activity from the plan.
    pub fn remove_activity(&mut self, actor: &Actor, id: &str) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        keyed::remove(&mut self.activities, id).map(drop)
    }
}
