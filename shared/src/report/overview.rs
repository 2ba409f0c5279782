//! The curator's overview of the whole school.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ScoreChange, Share};
use crate::vocab::{Form, PairStatus};

/// The school overview (обзор школы): KPIs, pairs, progress, overdue items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchoolOverview {
    /// The school's name.
    pub school_name: String,
    /// The day the overview is computed for.
    pub as_of: NaiveDate,
    /// Key indicators with their targets.
    pub kpis: Vec<Kpi>,
    /// Pairs per form (forms with no pair omitted).
    pub pairs_by_form: Vec<(Form, u32)>,
    /// Pairs per status (all statuses listed).
    pub pairs_by_status: Vec<(PairStatus, u32)>,
    /// Plan completion over all pairs that are working or completed.
    pub plan: Share,
    /// Overdue activities of working pairs, most overdue first.
    pub overdue: Vec<OverdueActivity>,
    /// Meetings held per pair per month of work (working and completed pairs).
    pub meetings_per_pair_month: Option<f64>,
    /// One row per pair of the index.
    pub pairs: Vec<PairRow>,
    /// Meetings planned from today on, soonest first (at most 10): (date, "Mentor → Mentee", topic).
    #[serde(default)]
    pub upcoming_meetings: Vec<(NaiveDate, String, String)>,
    /// What needs attention («Требует внимания»), by kind, then oldest first.
    #[serde(default)]
    pub attention: Vec<super::AttentionItem>,
    /// The school's thresholds the list was judged by.
    #[serde(default)]
    pub warnings: super::AttentionSettings,
}

/// Which indicator a [`Kpi`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiKind {
    /// Share of teachers in the bank involved in a pair.
    TeachersInvolved,
    /// Share of students in the bank involved in a pair.
    StudentsInvolved,
    /// Share of teachers under 35 in their first 3 years who are mentees.
    YoungTeachersSupported,
}

impl KpiKind {
    /// The indicator's name, as the seeds word it.
    pub fn label(self) -> &'static str {
        match self {
            KpiKind::TeachersInvolved => "Доля педагогов, вовлечённых в программы наставничества",
            KpiKind::StudentsInvolved => "Доля обучающихся, вовлечённых в программы наставничества",
            KpiKind::YoungTeachersSupported => {
                "Доля педагогов в возрасте до 35 лет, участвующих в формах поддержки и сопровождения в первые 3 года работы"
            }
        }
    }

    /// The target in percent (003: at least 70%; 002: 60% of young teachers).
    pub fn target_percent(self) -> u8 {
        match self {
            KpiKind::TeachersInvolved | KpiKind::StudentsInvolved => 70,
            KpiKind::YoungTeachersSupported => 60,
        }
    }
}

/// A key indicator `N = A / B × 100%` with its target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    /// Which indicator.
    pub kind: KpiKind,
    /// A and B.
    pub share: Share,
}

impl Kpi {
    /// Whether the target is reached (`None` when B is 0).
    pub fn reached(&self) -> Option<bool> {
        self.share.percent().map(|p| p >= f64::from(self.kind.target_percent()))
    }
}

/// An activity past its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueActivity {
    /// The pair it belongs to.
    pub pair_id: String,
    /// "Mentor → Mentee".
    pub pair_title: String,
    /// Activity title.
    pub title: String,
    /// Its deadline.
    pub deadline: NaiveDate,
    /// Days past the deadline.
    pub days_overdue: i64,
}

/// One pair in the overview table (the monitoring table, one row per pair).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairRow {
    /// Pair id.
    pub pair_id: String,
    /// "Mentor → Mentee".
    pub title: String,
    /// Form.
    pub form: Form,
    /// Status from the index.
    pub status: PairStatus,
    /// Whether the pair's document has reached this device (if not, the numbers below are empty).
    pub has_data: bool,
    /// Plan completion.
    pub plan: Share,
    /// Overdue activities.
    pub overdue: u32,
    /// Meetings held.
    pub meetings: u32,
    /// Latest meeting.
    pub last_meeting: Option<NaiveDate>,
    /// Entry → final monitoring.
    pub score_change: Option<ScoreChange>,
    /// Average satisfaction.
    pub satisfaction: Option<f64>,
    /// When this device last synced the pair's document with another device (local time,
    /// filled in by the app; `None`: never).
    #[serde(default)]
    pub last_synced: Option<String>,
    /// Members: (person id, name, role), from the index.
    #[serde(default)]
    pub members: Vec<(String, String, crate::vocab::MemberRole)>,
    /// Requests to replace the mentor still waiting for the curator's decision.
    #[serde(default)]
    pub open_requests: u32,
}
