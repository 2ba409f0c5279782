//! The school's thresholds of «Требует внимания»: set by the curator, used by the overview.

use nastavnik_shared::report::AttentionSettings;

use super::SchoolDoc;
use super::schema::Warnings;
use crate::check;
use crate::error::DomainError;

/// The longest threshold (a school year and some).
pub const MAX_DAYS: i64 = 400;

impl SchoolDoc {
    /// The thresholds in force.
    pub fn attention_settings(&self) -> AttentionSettings {
        self.school.warnings.into()
    }

    /// The curator sets the thresholds (each 1–400 days).
    pub fn set_warnings(&mut self, settings: AttentionSettings) -> Result<(), DomainError> {
        self.school.warnings = checked(settings.into())?;
        Ok(())
    }
}

/// Each threshold within 1–400 days (each is set on its own, so merged values stay valid).
pub(super) fn checked(w: Warnings) -> Result<Warnings, DomainError> {
    for (field, days) in [
        ("Нет встреч, дней", w.no_meeting_days),
        ("Встреча не подтверждена, дней", w.unconfirmed_days),
        ("Нет входной диагностики, дней", w.entry_diagnostics_days),
        ("Нет синхронизации, дней", w.not_synced_days),
    ] {
        check::range(field, i64::from(days), 1, MAX_DAYS)?;
    }
    Ok(w)
}
