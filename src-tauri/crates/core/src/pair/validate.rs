//! The rules every state of a pair's document satisfies.
//!
//! Only rules that survive any merge of valid replicas belong here (each is about one value,
//! and every write that passes the operations keeps it). Rules that span several values — "a
//! done activity has a completion date", "a group has two mentees" — are checked by the
//! operations when input arrives, and read models tolerate their absence.

use nastavnik_shared::vocab::{SATISFACTION_MAX, SCORE_MAX, SCORE_MIN};

use super::schema::PairDoc;
use crate::document::Schema;
use crate::error::DomainError;

impl Schema for PairDoc {
    const DOC_TYPE: &'static str = "nastavnik/pair";
    const SCHEMA_VERSION: u64 = 1;
    const NAME_RU: &'static str = "документ наставнической пары";
    const DESCRIBES: bool = true;

    fn describe(message: &str, before: &Self, after: &Self) -> String {
        super::describe::activity_changes(message, before, after)
    }

    fn validate(&self) -> Result<(), DomainError> {
        crate::check::months(u32::from(self.header.period_months))?;
        for m in &self.members {
            if m.name.trim().is_empty() {
                return Err(DomainError::Empty { field: "ФИО участника" });
            }
        }
        for a in &self.activities {
            if a.title.trim().is_empty() {
                return Err(DomainError::Empty { field: "Мероприятие" });
            }
        }
        let stages = [&self.monitoring.entry, &self.monitoring.intermediate, &self.monitoring.final_stage];
        for score in stages.iter().flat_map(|s| s.scores.values()) {
            crate::check::range("Оценка", i64::from(*score), i64::from(SCORE_MIN), i64::from(SCORE_MAX))?;
        }
        for s in &self.surveys {
            crate::check::range("Удовлетворённость", i64::from(s.score), 1, i64::from(SATISFACTION_MAX))?;
        }
        Ok(())
    }
}
