//! Input checks shared by the operations: each returns the cleaned value or a [`DomainError`].

use chrono::NaiveDate;
use nastavnik_shared::ru;

use crate::error::DomainError;

/// Longest short text (names, titles, topics), in characters.
pub const SHORT: usize = 300;
/// Longest long text (descriptions, comments), in characters.
pub const LONG: usize = 10_000;

/// A required text: trimmed, not empty, at most `max` characters.
pub fn required(field: &'static str, value: &str, max: usize) -> Result<String, DomainError> {
    let value = optional(field, value, max)?;
    if value.is_empty() {
        return Err(DomainError::Empty { field });
    }
    Ok(value)
}

/// An optional text: trimmed, at most `max` characters (may be empty).
pub fn optional(field: &'static str, value: &str, max: usize) -> Result<String, DomainError> {
    let value = value.trim();
    let len = value.chars().count();
    if len > max {
        return Err(DomainError::TooLong { field, len, max });
    }
    Ok(value.to_string())
}

/// An id given by the shell: non-empty, at most 64 visible ASCII characters.
pub fn id(what: &'static str, id: &str) -> Result<String, DomainError> {
    let ok = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_graphic());
    if !ok {
        return Err(DomainError::Conflict(format!("недопустимый идентификатор ({what}): {id:?}")));
    }
    Ok(id.to_string())
}

/// The length of a personalised programme: 3 to 12 months.
pub fn months(months: u32) -> Result<u8, DomainError> {
    match u8::try_from(months) {
        Ok(m @ 3..=12) => Ok(m),
        _ => Err(DomainError::Period { months }),
    }
}

/// A number within `min..=max`.
pub fn range(field: &'static str, value: i64, min: i64, max: i64) -> Result<i64, DomainError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(DomainError::OutOfRange { field, value, min, max })
    }
}

/// A date not before `earliest`.
pub fn not_before(
    field: &'static str,
    date: NaiveDate,
    earliest: NaiveDate,
    why: &'static str,
) -> Result<NaiveDate, DomainError> {
    if date < earliest {
        return Err(DomainError::Date { field, date: ru::date_short(date), why });
    }
    Ok(date)
}

/// A date not after `latest`.
pub fn not_after(
    field: &'static str,
    date: NaiveDate,
    latest: NaiveDate,
    why: &'static str,
) -> Result<NaiveDate, DomainError> {
    if date > latest {
        return Err(DomainError::Date { field, date: ru::date_short(date), why });
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(required("ФИО", "  Иванова А. А. ", SHORT), Ok("Иванова А. А.".into()));
        assert_eq!(required("ФИО", "   ", SHORT), Err(DomainError::Empty { field: "ФИО" }));
        let long = "я".repeat(SHORT + 1);
        assert!(matches!(
            required("ФИО", &long, SHORT),
            Err(DomainError::TooLong { len, .. }) if len == SHORT + 1
        ));
        assert_eq!(optional("Примечание", " ", SHORT), Ok(String::new()));
    }

    #[test]
    fn programme_length_is_three_to_twelve_months() {
        for bad in [0, 1, 2, 13, 24, 300] {
            assert_eq!(months(bad), Err(DomainError::Period { months: bad }));
        }
        assert_eq!(months(3), Ok(3));
        assert_eq!(months(12), Ok(12));
        assert!(months(0).unwrap_err().to_string().contains("от 3 до 12"));
    }

    #[test]
    fn ids_are_plain() {
        assert!(id("пара", "pair-1").is_ok());
        assert!(id("пара", "").is_err());
        assert!(id("пара", "a b").is_err());
        assert!(id("пара", &"x".repeat(65)).is_err());
    }
}
