//! What the desktop app's commands take and give: the typed contract between the Tauri shell
//! (`src-tauri`) and the yew UI (`frontend`). Both sides use these very types, so a renamed
//! field breaks the build instead of a screen. Field names go over IPC in camelCase.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod commands;
mod forms;
mod views;

pub use forms::*;
pub use views::*;

/// Why a command failed, for the UI to decide what to show; `message` is for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Bad input: shown next to the form, the form keeps what was typed.
    Input,
    /// Something asked for is not on this device.
    NotFound,
    /// Not allowed for this device's role.
    Forbidden,
    /// The device has not joined a school yet.
    NotJoined,
    /// Disk or network trouble; worth retrying.
    Io,
}

/// A failed command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppError {
    /// What kind of failure.
    pub code: ErrorCode,
    /// In Russian.
    pub message: String,
}

/// Who uses this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "role")]
pub enum Role {
    /// First run: neither a school nor an invitation yet.
    New,
    /// The curator's device.
    Curator {
        /// The school's name.
        school_name: String,
    },
    /// A mentor's or mentee's device.
    Member {
        /// The person's id in the school's bank.
        #[serde(default)]
        person_id: String,
        /// The person's name.
        name: String,
        /// Pair ids this person is in.
        pairs: Vec<String>,
    },
}

/// The device and its role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// Role.
    pub role: Role,
    /// This device's id.
    pub device_id: String,
    /// Where its data lives.
    pub data_dir: String,
    /// Today, as the app counts overdue items.
    pub today: NaiveDate,
}

/// Event name: a document changed on this device (a local edit or one synced in).
pub const DOC_CHANGED: &str = "doc-changed";
