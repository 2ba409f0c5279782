//! The summary of one pair's document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Share;
use crate::vocab::{Form, Kind, MeetingType};

/// What the curator needs to know about one pair without opening its document.
///
/// It depends only on the document's content (not on today's date), so it can be cached
/// by the document's heads; [`PairSummary::overdue`] takes the day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairSummary {
    /// The pair's id.
    pub pair_id: String,
    /// Mentors' names.
    pub mentors: Vec<String>,
    /// Mentees' names.
    pub mentees: Vec<String>,
    /// Form of mentoring.
    pub form: Form,
    /// Kind of mentoring.
    pub kind: Kind,
    /// First day of the programme.
    pub period_start: NaiveDate,
    /// Length of the programme in months (3–12).
    pub period_months: u8,
    /// Activities done out of all activities that were not cancelled.
    pub plan: Share,
    /// Activities still to do, with their deadlines.
    pub open_activities: Vec<OpenActivity>,
    /// How many meetings of each type were held (types with none are omitted).
    pub meetings_by_type: Vec<(MeetingType, u32)>,
    /// Meetings confirmed by both sides out of all meetings.
    pub meetings_confirmed: Share,
    /// Date of the latest meeting.
    pub last_meeting: Option<NaiveDate>,
    /// The latest meetings by date (at most 5): (date, topic) — planned ones are among them.
    #[serde(default)]
    pub latest_meetings: Vec<(NaiveDate, String)>,
    /// Average monitoring score at entry and at the final diagnostics.
    pub score_change: Option<ScoreChange>,
    /// Average satisfaction (1–10) over the surveys answered.
    pub satisfaction: Option<f64>,
    /// How many satisfaction surveys were answered.
    pub surveys: u32,
    /// Whether the mentor has submitted the final report.
    pub final_report_submitted: bool,
    /// Requests to replace the mentor that are still open.
    pub open_replacement_requests: u32,
    /// Every meeting's date and who confirmed it, by date (for the warnings). No serde default on
    /// purpose: a summary cached before this field existed fails to load and is computed anew.
    pub meeting_marks: Vec<MeetingMark>,
    /// Whether the entry diagnostics has scores.
    pub entry_diagnostics: bool,
    /// Whether the curator has closed the pair (completed or dissolved).
    pub closed: bool,
    /// Fields two devices set differently while apart, not yet settled by a choice.
    #[serde(default)]
    pub open_conflicts: u32,
}

/// One meeting, as the warnings need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeetingMark {
    /// Date held (or planned).
    pub date: NaiveDate,
    /// Тема.
    pub topic: String,
    /// Confirmed by a mentor.
    pub by_mentor: bool,
    /// Confirmed by a mentee.
    pub by_mentee: bool,
}

/// An activity not yet done or cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenActivity {
    /// Activity id.
    pub id: String,
    /// Activity title.
    pub title: String,
    /// Deadline (срок).
    pub deadline: NaiveDate,
}

/// The average monitoring score at entry and at the end (1–5).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreChange {
    /// Average at the entry diagnostics.
    pub entry: f64,
    /// Average at the final diagnostics.
    pub final_score: f64,
}

impl ScoreChange {
    /// Final minus entry.
    pub fn delta(&self) -> f64 {
        self.final_score - self.entry
    }
}

impl PairSummary {
    /// Total meetings held.
    pub fn meetings(&self) -> u32 {
        self.meetings_by_type.iter().map(|(_, n)| n).sum()
    }

    /// Open activities whose deadline is before `today`, earliest first.
    pub fn overdue(&self, today: NaiveDate) -> Vec<&OpenActivity> {
        let mut late: Vec<_> = self.open_activities.iter().filter(|a| a.deadline < today).collect();
        late.sort_by_key(|a| a.deadline);
        late
    }

    /// Last day of the programme.
    pub fn period_end(&self) -> NaiveDate {
        super::period_end(self.period_start, self.period_months)
    }

    /// A short title: "Ментор → Наставляемый".
    pub fn title(&self) -> String {
        format!("{} → {}", self.mentors.join(", "), self.mentees.join(", "))
    }
}
