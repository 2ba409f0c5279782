//! Turning command-line text into values, with Russian errors that say what is expected.

use chrono::NaiveDate;
use nastavnik_node::NodeError;
use nastavnik_shared::Code;

/// A date in the ISO form.
pub fn date(field: &str, text: &str) -> Result<NaiveDate, NodeError> {
    NaiveDate::from_code(text.trim())
        .ok_or_else(|| NodeError::Input(format!("{field}: неверная дата «{text}», нужен формат ГГГГ-ММ-ДД")))
}

/// A vocabulary value by its code; the error lists the allowed codes with their labels.
pub fn code<T: Code + Copy + std::fmt::Display>(field: &str, text: &str, all: &[T]) -> Result<T, NodeError> {
    T::from_code(text.trim()).ok_or_else(|| {
        let allowed: Vec<String> = all.iter().map(|v| format!("{} ({v})", v.code())).collect();
        NodeError::Input(format!("{field}: неизвестное значение «{text}»; допустимо: {}", allowed.join(", ")))
    })
}

/// A fresh short id for a new item.
pub fn new_id(prefix: &str) -> String {
    nastavnik_node::new_id(prefix)
}

/// `c1=4` → ("c1", 4).
pub fn score(text: &str) -> Result<(String, u8), NodeError> {
    let bad = || NodeError::Input(format!("оценка «{text}»: нужен вид критерий=балл, например c1=4"));
    let (criterion, value) = text.split_once('=').ok_or_else(bad)?;
    let value: u8 = value.trim().parse().map_err(|_| bad())?;
    Ok((criterion.trim().to_string(), value))
}
