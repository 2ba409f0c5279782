//! # nastavnik-paperwork
//!
//! The documents a school is asked for, generated from the model in Russian, as bytes (the
//! caller writes the file): today the `.xlsx` tables —
//! [`xlsx::monitoring_table`] (one row per pair: the school overview / monitoring table),
//! [`xlsx::mentor_base`] and [`xlsx::mentee_base`] (база наставников / наставляемых).
//! and the `.docx` documents — [`docx::order`] «О закреплении наставнических пар»,
//! [`docx::programme`] (персонализированная программа with its plan), [`docx::journal`]
//! (журнал встреч) and [`docx::final_report`] (итоговый аналитический отчёт) — and reads the
//! bases back in: [`import`] (preview with per-row errors, then all or nothing).
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
//! let demo = nastavnik_core::demo::build(now).unwrap();
//! let school: nastavnik_core::school::SchoolDoc = nastavnik_core::document::read(&demo.school).unwrap();
//! let bytes = nastavnik_paperwork::xlsx::mentor_base(&school, now.date_naive()).unwrap();
//! assert!(bytes.starts_with(b"PK")); // an .xlsx is a zip
//! ```

pub mod docx;
pub mod import;
mod sheet;
pub mod xlsx;

use thiserror::Error;

/// Why a document could not be generated.
#[derive(Debug, Error)]
#[error("не удалось сформировать документ: {0}")]
pub struct PaperworkError(pub String);

#[cfg(test)]
mod tests;
