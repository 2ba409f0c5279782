//! The personalised programme and its plan: directions, deficits, strengths, goals, activities.

use chrono::NaiveDate;
use nastavnik_shared::vocab::{ActivityStatus, GoalTerm};

use super::Actor;
use super::schema::{Activity, Goal, Item, PairDoc};
use crate::check;
use crate::error::DomainError;

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
            id: check::id("пункт программы", id)?,
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
        let items = self.list_mut(list);
        let before = items.len();
        items.retain(|i| i.id != id);
        if items.len() == before {
            return Err(DomainError::NotFound { what: "пункт программы", id: id.into() });
        }
        Ok(())
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
        let item = self
            .list_mut(list)
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or_else(|| DomainError::NotFound { what: "пункт программы", id: id.into() })?;
        item.text = text;
        Ok(())
    }

    /// Removes a goal.
    pub fn remove_goal(&mut self, actor: &Actor, id: &str) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let before = self.programme.goals.len();
        self.programme.goals.retain(|g| g.id != id);
        if self.programme.goals.len() == before {
            return Err(DomainError::NotFound { what: "цель", id: id.into() });
        }
        Ok(())
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
            id: check::id("цель", id)?,
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
        let id = check::id("мероприятие", id)?;
        if self.activities.iter().any(|a| a.id == id) {
            return Err(DomainError::Duplicate { what: "мероприятие", id });
        }
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

    fn activity_mut(&mut self, id: &str) -> Result<&mut Activity, DomainError> {
        self.activities
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| DomainError::NotFound { what: "мероприятие", id: id.into() })
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
        let a = self.activity_mut(id)?;
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
        let a = self.activity_mut(id)?;
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
        self.activity_mut(id)?;
        self.activities.retain(|a| a.id != id);
        Ok(())
    }
}
