//! The end of a programme, and what may end it early: the mentor's final report and a
//! mentee's request to replace the mentor.

use chrono::NaiveDate;
use nastavnik_shared::vocab::MemberRole;

use super::Actor;
use super::schema::{PairDoc, ReplacementRequest};
use crate::error::DomainError;
use crate::{check, keyed};

impl PairDoc {
    /// The mentor hands the final report to the curator (its texts are typed with
    /// [`super::splice_text`]).
    pub fn submit_final_report(&mut self, actor: &Actor, on: NaiveDate) -> Result<(), DomainError> {
        self.require_role(actor, MemberRole::Mentor, "отчёт сдаёт наставник")?;
        if self.final_report.results.as_str().trim().is_empty() {
            return Err(DomainError::Empty { field: "Результаты" });
        }
        self.final_report.submitted_on = Some(on.into());
        Ok(())
    }

    /// A mentee asks the curator to replace the mentor (ходатайство о замене наставника).
    pub fn request_replacement(
        &mut self,
        actor: &Actor,
        id: &str,
        reason: &str,
        on: NaiveDate,
    ) -> Result<(), DomainError> {
        let mentee = self
            .require_role(actor, MemberRole::Mentee, "ходатайство подаёт наставляемый")?
            .person_id
            .clone();
        self.replacement_requests.push(ReplacementRequest {
            id: keyed::new_id(&self.replacement_requests, id)?,
            mentee,
            reason: check::required("Причина", reason, check::LONG)?,
            date: on.into(),
            resolution: None,
        });
        Ok(())
    }

    /// The curator records the decision on a request.
    pub fn resolve_replacement(
        &mut self,
        actor: &Actor,
        id: &str,
        resolution: &str,
    ) -> Result<(), DomainError> {
        if *actor != Actor::Curator {
            return Err(DomainError::Forbidden("решение по ходатайству принимает куратор"));
        }
        let resolution = check::required("Решение", resolution, check::LONG)?;
        keyed::get_mut(&mut self.replacement_requests, id)?.resolution = Some(resolution);
        Ok(())
    }
}
