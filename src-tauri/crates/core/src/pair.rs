//! A pair's (or group's) document: schema, creation, rules and operations.
//!
//! Operations are methods on the hydrated [`PairDoc`]; run them on a real document with
//! [`crate::document::change`], which makes each one an atomic automerge change:
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use nastavnik_core::{document, pair::{Actor, ActivityInput, NewPair, NewMember, PairDoc}};
//! use nastavnik_shared::vocab::{Form, Kind, MemberRole};
//!
//! let now = Utc.with_ymd_and_hms(2026, 9, 1, 9, 0, 0).unwrap();
//! let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
//! let pair = PairDoc::new(NewPair {
//!     pair_id: "pair-1".into(),
//!     school_name: "МБОУ СОШ №1".into(),
//!     form: Form::TeacherTeacher,
//!     kind: Kind::Traditional,
//!     role_model: "опытный педагог – молодой специалист".into(),
//!     period_start: start,
//!     period_months: 9,
//!     members: vec![
//!         NewMember { person_id: "p-1".into(), name: "Петрова Анна Ивановна".into(), role: MemberRole::Mentor },
//!         NewMember { person_id: "p-2".into(), name: "Смирнов Илья Олегович".into(), role: MemberRole::Mentee },
//!     ],
//! }, now).unwrap();
//! let mut doc = document::create(&pair, now).unwrap();
//! document::change(&mut doc, now, "мероприятие", |p: &mut PairDoc| {
//!     p.add_activity(&Actor::Person("p-1".into()), "a-1", ActivityInput {
//!         title: "Изучение нормативно-правовой базы".into(),
//!         deadline: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
//!         ..ActivityInput::default()
//!     })
//! }).unwrap();
//! let pair: PairDoc = document::read(&doc).unwrap();
//! assert_eq!(pair.activities.len(), 1);
//! ```

mod access;
mod assessment;
mod closing;
mod conflicts;
mod create;
mod describe;
mod header;
mod journal;
mod plan;
mod programme;
mod restore;
mod schema;
mod summary;
mod texts;
mod validate;
mod view;

pub use conflicts::{choose_value, value_label};
pub use create::{NewMember, NewPair, default_criteria};
pub use header::HeaderInput;
pub use journal::MeetingInput;
pub use nastavnik_shared::app::Tracked;
pub use plan::{ActivityInput, ProgrammeList};
pub use restore::{restore_before, tracked_list};
pub use schema::{
    Activity, Closure, Criterion, FinalReport, Goal, Header, Item, Meeting, Member, Monitoring, PairDoc,
    Programme, ReplacementRequest, StageScores, Survey, score_key,
};
pub use summary::summary_of;
pub use texts::{TextField, set_text, set_text_since, splice_text};

use nastavnik_shared::vocab::MemberRole;

use crate::error::DomainError;

/// Who performs an operation: the curator, or a person of the school's bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// The school's curator (куратор).
    Curator,
    /// A person, by id.
    Person(String),
}

impl PairDoc {
    /// The member an actor is, if they are one.
    pub fn member(&self, actor: &Actor) -> Option<&Member> {
        match actor {
            Actor::Curator => None,
            Actor::Person(id) => self.members.iter().find(|m| &m.person_id == id),
        }
    }

    /// Members with a role.
    pub fn members_with(&self, role: MemberRole) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| *m.role == role)
    }

    /// The period's last day.
    pub fn period_end(&self) -> chrono::NaiveDate {
        nastavnik_shared::report::period_end(*self.header.period_start, self.header.period_months)
    }

    /// Refuses every change once the pair is closed (completed or dissolved): its programme
    /// and journal are kept as they were, read-only.
    pub(crate) fn require_open(&self) -> Result<(), DomainError> {
        match &self.closure {
            None => Ok(()),
            Some(c) => Err(closed(*c.status, *c.on)),
        }
    }

    /// The curator or a member of the pair (anyone else is refused), while the pair is open.
    pub(crate) fn require_participant(&self, actor: &Actor) -> Result<(), DomainError> {
        self.require_open()?;
        match actor {
            Actor::Curator => Ok(()),
            _ if self.member(actor).is_some() => Ok(()),
            _ => Err(DomainError::Forbidden("вы не участник этой пары")),
        }
    }

    /// A member with the given role.
    pub(crate) fn require_role(
        &self,
        actor: &Actor,
        role: MemberRole,
        what: &'static str,
    ) -> Result<&Member, DomainError> {
        self.require_open()?;
        self.member(actor).filter(|m| *m.role == role).ok_or(DomainError::Forbidden(what))
    }
}

/// The refusal of a change to a closed pair.
pub(crate) fn closed(status: nastavnik_shared::vocab::PairStatus, on: chrono::NaiveDate) -> DomainError {
    DomainError::Conflict(format!(
        "пара в архиве (статус «{status}» с {}): её программу и журнал можно читать и выгружать, но не менять",
        on.format("%d.%m.%Y")
    ))
}

#[cfg(test)]
pub(crate) mod tests;
