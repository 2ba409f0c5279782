//! Errors of the core. Messages are in Russian: they reach users as they are (CLI, UI).

use thiserror::Error;

/// Why a domain operation was refused. Nothing in the document changes when one is returned.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DomainError {
    /// A required text field is empty.
    #[error("поле «{field}» не заполнено")]
    Empty {
        /// The field's Russian name.
        field: &'static str,
    },
    /// A text field is longer than allowed.
    #[error("поле «{field}» слишком длинное: {len} символов при допустимых {max}")]
    TooLong {
        /// The field's Russian name.
        field: &'static str,
        /// Its length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The programme length is outside 3–12 months.
    #[error("срок программы — от 3 до 12 месяцев, указано: {months}")]
    Period {
        /// What was asked for.
        months: u32,
    },
    /// A number is outside its range.
    #[error("«{field}»: допустимы значения от {min} до {max}, указано: {value}")]
    OutOfRange {
        /// The field's Russian name.
        field: &'static str,
        /// What was given.
        value: i64,
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
    },
    /// A date is not plausible for what it describes.
    #[error("дата «{field}» ({date}) {why}")]
    Date {
        /// The field's Russian name.
        field: &'static str,
        /// The date given, as dd.mm.yyyy.
        date: String,
        /// What is wrong, e.g. "раньше начала программы".
        why: &'static str,
    },
    /// An id was used that the document does not have.
    #[error("{what} не найден(а): {id}")]
    NotFound {
        /// What was looked for, e.g. "мероприятие".
        what: &'static str,
        /// The id.
        id: String,
    },
    /// An id that must be new is already used.
    #[error("{what} с идентификатором {id} уже есть")]
    Duplicate {
        /// What, e.g. "человек".
        what: &'static str,
        /// The id.
        id: String,
    },
    /// The person acting may not do this.
    #[error("нет прав: {0}")]
    Forbidden(&'static str),
    /// The operation contradicts the state of the document.
    #[error("{0}")]
    Conflict(String),
}

/// Why bytes could not be opened as one of our documents.
#[derive(Debug, Error)]
pub enum DocError {
    /// Not an automerge document at all, or a damaged one.
    #[error("файл повреждён или не является документом Наставника: {0}")]
    Corrupt(String),
    /// An automerge document, but not ours or of another type.
    #[error("это не {expected}: в документе {found}")]
    WrongType {
        /// The Russian name of the expected document.
        expected: &'static str,
        /// What it declares itself to be.
        found: String,
    },
    /// Written by a newer version of the app.
    #[error(
        "документ создан более новой версией Наставника (схема {found}, поддерживается до {supported}); обновите приложение"
    )]
    TooNew {
        /// The document's schema version.
        found: u64,
        /// The newest we read.
        supported: u64,
    },
    /// The structure does not match the schema.
    #[error("документ повреждён: {0}")]
    Schema(String),
    /// It loaded, but its content breaks a rule of the domain.
    #[error("документ содержит недопустимые данные: {0}")]
    Invalid(#[from] DomainError),
}

/// What an operation on a document can fail with.
#[derive(Debug, Error)]
pub enum Error {
    /// The operation was refused; the document is unchanged.
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// The document itself could not be read or written.
    #[error(transparent)]
    Doc(#[from] DocError),
}
