//! Errors of the node. Messages are Russian: the CLI and the app show them as they are.

use std::path::Path;

use thiserror::Error;

/// What a node operation can fail with.
#[derive(Debug, Error)]
pub enum NodeError {
    /// Bad input from the user (exit code 2 in the CLI).
    #[error("{0}")]
    Input(String),
    /// A domain rule refused the operation.
    #[error(transparent)]
    Domain(#[from] nastavnik_core::DomainError),
    /// A document could not be read.
    #[error(transparent)]
    Doc(#[from] nastavnik_core::DocError),
    /// Something is not there (document, device, school).
    #[error("{0}")]
    Missing(String),
    /// File system trouble.
    #[error("ошибка ввода-вывода: {0}")]
    Io(String),
    /// Another device refused this one access (revoked, or never granted).
    #[error("{0}")]
    Refused(String),
    /// Network trouble.
    #[error("ошибка сети: {0}")]
    Net(String),
    /// A command handed to the running `serve` failed there (its message, whether the input was bad).
    #[error("{message}")]
    Relayed {
        /// The Russian message.
        message: String,
        /// Whether the input was bad.
        input: bool,
    },
    /// The document repository stopped.
    #[error("хранилище документов остановлено")]
    Stopped,
}

impl NodeError {
    /// An IO error with the path it happened at.
    pub fn io(path: &Path, e: std::io::Error) -> NodeError {
        match io_reason(&e) {
            Some(reason) => NodeError::Io(format!("{reason} ({}: {e})", path.display())),
            None => NodeError::Io(format!("{}: {e}", path.display())),
        }
    }

    /// The CLI's exit code: 2 for bad input, 3 when another device refused access, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            NodeError::Refused(_) => 3,
            e if e.is_input() => 2,
            _ => 1,
        }
    }

    /// Whether the user gave bad input (as opposed to the system failing).
    pub fn is_input(&self) -> bool {
        match self {
            NodeError::Input(_) | NodeError::Domain(_) | NodeError::Missing(_) => true,
            NodeError::Relayed { input, .. } => *input,
            _ => false,
        }
    }
}

impl From<nastavnik_core::Error> for NodeError {
    fn from(e: nastavnik_core::Error) -> Self {
        match e {
            nastavnik_core::Error::Domain(d) => NodeError::Domain(d),
            nastavnik_core::Error::Doc(d) => NodeError::Doc(d),
        }
    }
}

impl From<samod::Stopped> for NodeError {
    fn from(_: samod::Stopped) -> Self {
        NodeError::Stopped
    }
}

/// What a person can do about a file-system error, in Russian (the system's own text follows
/// in brackets for whoever helps them).
pub fn io_reason(e: &std::io::Error) -> Option<&'static str> {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            Some("на диске нет места: освободите место и повторите, сохранённое не потеряно")
        }
        ErrorKind::ReadOnlyFilesystem => {
            Some("папка данных доступна только для чтения: изменения не записаны, сохранённое не потеряно")
        }
        ErrorKind::PermissionDenied => Some("нет прав на запись в папку данных"),
        _ => None,
    }
}
