//! The meeting journal: meetings, their details and confirmation by each side.

use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_shared::vocab::{MeetingFormat, MeetingType, MemberRole};

use super::Actor;
use super::schema::{Meeting, PairDoc};
use crate::error::DomainError;
use crate::{check, keyed};

/// The details of a meeting as a form fills them (notes are typed separately).
#[derive(Debug, Clone)]
pub struct MeetingInput {
    /// Type of meeting.
    pub meeting_type: MeetingType,
    /// Date (within the programme's period).
    pub date: NaiveDate,
    /// In person or remote.
    pub format: MeetingFormat,
    /// Topic (required).
    pub topic: String,
}

impl PairDoc {
    fn checked_meeting(&self, input: MeetingInput) -> Result<MeetingInput, DomainError> {
        let date = check::not_before(
            "Дата встречи",
            input.date,
            *self.header.period_start,
            "раньше начала программы",
        )?;
        let date = check::not_after("Дата встречи", date, self.period_end(), "позже окончания программы")?;
        Ok(MeetingInput {
            date,
            topic: check::required("Тема встречи", &input.topic, check::SHORT * 2)?,
            ..input
        })
    }

    /// Adds a meeting to the journal (by a member or the curator).
    pub fn add_meeting(&mut self, actor: &Actor, id: &str, input: MeetingInput) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let id = keyed::new_id(&self.meetings, id)?;
        let input = self.checked_meeting(input)?;
        self.meetings.push(Meeting {
            id,
            meeting_type: input.meeting_type.into(),
            date: input.date.into(),
            format: input.format.into(),
            topic: input.topic,
            notes: Default::default(),
            agreed_tasks: Default::default(),
            reflection: Default::default(),
            confirmations: Default::default(),
        });
        Ok(())
    }

    /// Changes a meeting's type, date, format or topic.
    pub fn edit_meeting(&mut self, actor: &Actor, id: &str, input: MeetingInput) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        let input = self.checked_meeting(input)?;
        let m = keyed::get_mut(&mut self.meetings, id)?;
        m.meeting_type = input.meeting_type.into();
        m.date = input.date.into();
        m.format = input.format.into();
        m.topic = input.topic;
        Ok(())
    }

    /// Removes a meeting that nobody has confirmed yet.
    pub fn remove_meeting(&mut self, actor: &Actor, id: &str) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        if !keyed::get(&self.meetings, id)?.confirmations.is_empty() {
            return Err(DomainError::Conflict("подтверждённую встречу нельзя удалить".into()));
        }
        keyed::remove(&mut self.meetings, id).map(drop)
    }

    /// A member confirms that the meeting took place (not before its date).
    pub fn confirm_meeting(
        &mut self,
        actor: &Actor,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let person = self
            .member(actor)
            .ok_or(DomainError::Forbidden("подтверждают встречу только её участники"))?
            .person_id
            .clone();
        let m = keyed::get_mut(&mut self.meetings, id)?;
        if *m.date > now.date_naive() {
            return Err(DomainError::Conflict("встреча ещё не состоялась".into()));
        }
        m.confirmations.entry(person).or_insert(now.into());
        Ok(())
    }

    /// Whether a meeting is confirmed by a mentor and by a mentee.
    pub fn confirmed_by(&self, meeting: &Meeting, role: MemberRole) -> bool {
        // A former member's confirmation still counts for the meeting they held.
        self.members
            .iter()
            .chain(&self.former_members)
            .filter(|m| *m.role == role)
            .any(|member| meeting.confirmations.contains_key(&member.person_id))
    }
}
