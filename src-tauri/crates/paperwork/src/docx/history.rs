//! A pair's history of changes (who changed what, when) as a table, for an inspection.

use chrono::NaiveDate;
use nastavnik_core::pair::PairDoc;
use nastavnik_shared::app::HistoryRow;
use nastavnik_shared::ru;
use nastavnik_shared::vocab::MemberRole;

use super::page::{Orientation, Page};
use crate::PaperworkError;

/// The history `rows` (oldest first) of `pair`, as of `today`.
pub fn history(pair: &PairDoc, rows: &[HistoryRow], today: NaiveDate) -> Result<Vec<u8>, PaperworkError> {
    let names = |role| pair.members_with(role).map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
    let mut page = Page::new(Orientation::Portrait);
    page.title("История изменений программы и журнала наставнической пары");
    page.centred(&pair.school_name);
    page.field("Наставник", &names(MemberRole::Mentor));
    page.field("Наставляемый", &names(MemberRole::Mentee));
    page.field("Сформировано", &ru::date_long(today));
    page.field("Изменений", &rows.len().to_string());
    let table = rows.iter().enumerate().map(|(i, r)| {
        vec![(i + 1).to_string(), r.at.clone(), r.who.clone(), r.part.label().to_string(), r.what.clone()]
    });
    page.table(&["№", "Когда", "Кто", "Раздел", "Что сделано"], &[6, 18, 30, 18, 28], table);
    page.finish()
}
