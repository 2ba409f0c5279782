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
    /// Kind code (empty: traditional, or group when there are several mentees).
    #[serde(default)]
    pub kind: String,
    /// Role model (ролевая модель), free text or one of the form's.
    #[serde(default)]
    pub role_model: String,
    /// More mentees of a group (person ids).
    #[serde(default)]
    pub more_mentees: Vec<String>,
    /// More mentors of a group (person ids).
    #[serde(default)]
    pub more_mentors: Vec<String>,
}

/// A pair's form, kind, role model and period, as the curator's edit form sends them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeaderForm {
    /// Form code.
    pub form: String,
    /// Kind code.
    pub kind: String,
    /// Role model.
    pub role_model: String,
    /// First day as typed.
    pub start: String,
    /// Months as typed (3–12).
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

/// An activity's every field, as the edit form sends it (status code, dates as typed).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityForm {
    /// Мероприятие.
    pub title: String,
    /// Деятельность наставника.
    pub mentor_activity: String,
    /// Ожидаемый результат.
    pub expected_result: String,
    /// Срок as typed.
    pub deadline: String,
    /// Ответственный.
    pub responsible: String,
    /// Status code.
    pub status: String,
    /// Дата выполнения as typed (done only; empty: today).
    pub done_on: String,
    /// Отметка о выполнении.
    pub note: String,
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
