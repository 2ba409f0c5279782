//! What the app's forms send: fields as typed, parsed and checked by the shell (Russian
//! messages name the field).

use serde::{Deserialize, Serialize};

/// A new person, as the form sends it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewPersonForm {
    /// ФИО.
    pub name: String,
    /// Category code.
    pub category: String,
    /// Subject or class.
    pub subject_or_class: String,
    /// Year of birth as typed.
    pub birth_year: String,
    /// Years of teaching as typed.
    pub teaching_years: String,
    /// Consent signed today by the person (or, for a minor, by this parent).
    pub consent_by: String,
}

/// A new pair, as the form sends it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewPairForm {
    /// Mentor's person id.
    pub mentor: String,
    /// Mentee's person id.
    pub mentee: String,
    /// Form code.
    pub form: String,
    /// First day as typed (ГГГГ-ММ-ДД).
    pub start: String,
    /// Months as typed.
    pub months: String,
}

/// A new activity, as the form sends it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewActivityForm {
    /// Мероприятие.
    pub title: String,
    /// Срок as typed.
    pub deadline: String,
    /// Ответственный.
    pub responsible: String,
}

/// A new meeting, as the form sends it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewMeetingForm {
    /// Type code.
    pub meeting_type: String,
    /// Date as typed.
    pub date: String,
    /// Format code.
    pub format: String,
    /// Тема.
    pub topic: String,
}
