//! Errors of the node. Messages are Russian: the CLI and the app show them as they are. An error
//! caused by another (the file system, a network stream, a malformed message) keeps it as its
//! `source` ([`NodeError::IoBy`], [`NodeError::NetBy`]), so a log or a caller can tell a full disk
//! from a missing file without reading the text; the text ends with the cause's own words for
//! whoever helps the user.

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
    /// File system trouble (described, with no error underneath).
    #[error("ошибка ввода-вывода: {0}")]
    Io(String),
    /// File system or encoding trouble, with the error that caused it.
    #[error("ошибка ввода-вывода: {message}")]
    IoBy {
        /// In Russian, ending with the cause's own text.
        message: String,
        /// The cause.
        #[source]
        source: Cause,
    },
    /// Another device refused this one access (revoked, or never granted).
    #[error("{0}")]
    Refused(String),
    /// Network trouble (described, with no error underneath).
    #[error("ошибка сети: {0}")]
    Net(String),
    /// Network trouble, with the error that caused it.
    #[error("ошибка сети: {message}")]
    NetBy {
        /// In Russian, ending with the cause's own text.
        message: String,
        /// The cause.
        #[source]
        source: Cause,
    },
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

/// The error underneath a [`NodeError`], kept for whoever reads the chain (`Error::source`).
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

impl NodeError {
    /// An IO error with the path it happened at.
    pub fn io(path: &Path, e: std::io::Error) -> NodeError {
        let message = match io_reason(&e) {
            Some(reason) => format!("{reason} ({}: {e})", path.display()),
            None => format!("{}: {e}", path.display()),
        };
        NodeError::IoBy { message, source: Box::new(e) }
    }

    /// A file system or encoding error, its text as the message.
    pub fn io_by(e: impl std::error::Error + Send + Sync + 'static) -> NodeError {
        NodeError::IoBy { message: e.to_string(), source: Box::new(e) }
    }

    /// A file system or encoding error while doing `what`: «{what}: {e}».
    pub fn io_in(what: &str, e: impl std::error::Error + Send + Sync + 'static) -> NodeError {
        NodeError::IoBy { message: format!("{what}: {e}"), source: Box::new(e) }
    }

    /// A network error, its text as the message.
    pub fn net_by(e: impl std::error::Error + Send + Sync + 'static) -> NodeError {
        NodeError::NetBy { message: e.to_string(), source: Box::new(e) }
    }

    /// A network error while doing `what`: «{what}: {e}».
    pub fn net_in(what: &str, e: impl std::error::Error + Send + Sync + 'static) -> NodeError {
        NodeError::NetBy { message: format!("{what}: {e}"), source: Box::new(e) }
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

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    #[test]
    fn errors_keep_their_cause() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let e = NodeError::io(Path::new("/data/docs"), full);
        assert!(e.to_string().contains("на диске нет места"), "{e}");
        let cause =
            e.source().and_then(|s| s.downcast_ref::<std::io::Error>()).expect("the io::Error underneath");
        assert_eq!(cause.kind(), std::io::ErrorKind::StorageFull);

        let bad = serde_json::from_slice::<u8>(b"{").unwrap_err();
        let e = NodeError::net_in("неверное сообщение", bad);
        assert!(e.to_string().starts_with("ошибка сети: неверное сообщение: "), "{e}");
        assert!(e.source().and_then(|s| s.downcast_ref::<serde_json::Error>()).is_some());
        assert!(!e.is_input(), "a failing system is not bad input");
        assert_eq!(e.exit_code(), 1);
    }
}
