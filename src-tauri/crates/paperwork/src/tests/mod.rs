//! The generated files, read back with reader libraries (calamine, docx-rs's reader): the
//! expected tables and numbers, not just "a file exists".

mod docx;
mod import;
mod record;
mod xlsx;

use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_core::document;
use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::SchoolDoc;

/// The demo school as the curator has it.
pub(crate) struct Demo {
    pub school: SchoolDoc,
    pub pairs: Vec<PairDoc>,
    pub today: NaiveDate,
}

pub(crate) fn demo() -> Demo {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let built = nastavnik_core::demo::build(now).unwrap();
    Demo {
        school: document::read(&built.school).unwrap(),
        pairs: built.pairs.iter().map(|d| document::read(d).unwrap()).collect(),
        today: now.date_naive(),
    }
}
