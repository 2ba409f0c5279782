//! Form fields as typed → values, with Russian messages naming the field.

use chrono::NaiveDate;
use nastavnik_shared::Code;
use nastavnik_shared::app::AppError;

use crate::state::input;

/// A date: ГГГГ-ММ-ДД (what a date input gives) or ДД.ММ.ГГГГ (what people type).
pub fn date(field: &str, text: &str) -> Result<NaiveDate, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(input(format!("{field}: укажите дату")));
    }
    NaiveDate::from_code(text)
        .or_else(|| NaiveDate::parse_from_str(text, "%d.%m.%Y").ok())
        .ok_or_else(|| input(format!("{field}: «{text}» — не дата; нужна дата вида 15.09.2026")))
}

/// A whole number.
pub fn number<T: std::str::FromStr>(field: &str, text: &str) -> Result<T, AppError> {
    let text = text.trim();
    text.parse().map_err(|_| input(format!("{field}: «{text}» — нужно целое число")))
}

/// A whole number or nothing.
pub fn optional_number<T: std::str::FromStr>(field: &str, text: &str) -> Result<Option<T>, AppError> {
    if text.trim().is_empty() { Ok(None) } else { number(field, text).map(Some) }
}
