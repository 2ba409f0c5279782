//! The pair's header — form, kind, role model, period — which only the curator changes.

use chrono::NaiveDate;
use nastavnik_shared::vocab::{Form, Kind};

use super::Actor;
use super::schema::PairDoc;
use crate::check;
use crate::error::DomainError;

/// Form, kind, role model and period as the curator sets them.
#[derive(Debug, Clone)]
pub struct HeaderInput {
    /// Form.
    pub form: Form,
    /// Kind.
    pub kind: Kind,
    /// Role model (free text).
    pub role_model: String,
    /// First day.
    pub period_start: NaiveDate,
    /// Months, 3–12.
    pub period_months: u32,
}

impl HeaderInput {
    /// Checks the input; returns the cleaned role model and the months.
    pub(crate) fn checked(&self) -> Result<(String, u8), DomainError> {
        Ok((
            check::optional("Ролевая модель", &self.role_model, check::SHORT)?,
            check::months(self.period_months)?,
        ))
    }
}

impl PairDoc {
    /// The curator changes the form, kind, role model or period (e.g. prolongs the programme).
    /// Activities and meetings are kept even if they now fall outside the period.
    pub fn edit_header(&mut self, actor: &Actor, input: HeaderInput) -> Result<(), DomainError> {
        if *actor != Actor::Curator {
            return Err(DomainError::Forbidden("форму, вид и срок программы меняет куратор"));
        }
        self.require_open()?;
        let (role_model, months) = input.checked()?;
        let h = &mut self.header;
        h.form = input.form.into();
        h.kind = input.kind.into();
        h.role_model = role_model;
        h.period_start = input.period_start.into();
        h.period_months = months;
        Ok(())
    }
}
