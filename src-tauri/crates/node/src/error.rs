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
    /// Network trouble.
    #[error("ошибка сети: {0}")]
    Net(String),
    /// The document repository stopped.
    #[error("хранилище документов остановлено")]
    Stopped,
}

impl NodeError {
    /// An IO error with the path it happened at.
    pub fn io(path: &Path, e: std::io::Error) -> NodeError {
        NodeError::Io(format!("{}: {e}", path.display()))
    }

    /// Whether the user gave bad input (as opposed to the system failing).
    pub fn is_input(&self) -> bool {
        matches!(self, NodeError::Input(_) | NodeError::Domain(_) | NodeError::Missing(_))
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
