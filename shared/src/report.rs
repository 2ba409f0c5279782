//! Read models the UI shows and the node caches: a pair's [`PairSummary`] and the
//! [`SchoolOverview`]. They are plain data computed by `nastavnik-core`; they carry no automerge.

mod analysis;
mod attention;
mod overview;
mod summary;

pub use analysis::{Analysis, BEST_PAIRS, BestPair, FormRow, MonitoringStats, SatisfactionStats};
pub use attention::{AttentionItem, AttentionKind, AttentionSettings};
pub use overview::{Kpi, KpiKind, OverdueActivity, PairRow, SchoolOverview};
pub use summary::{MeetingMark, OpenActivity, PairSummary, ScoreChange};

/// The last day of a programme that starts on `start` and lasts `months` months.
pub fn period_end(start: chrono::NaiveDate, months: u8) -> chrono::NaiveDate {
    start
        .checked_add_months(chrono::Months::new(u32::from(months)))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start)
}

use serde::{Deserialize, Serialize};

/// A share `N = A / B × 100%`, as the KPI formulas of the seeds write it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Share {
    /// A — how many are counted.
    pub part: u32,
    /// B — out of how many.
    pub whole: u32,
}

impl Share {
    /// The share in percent, `None` when B is 0 (nothing to measure yet).
    pub fn percent(self) -> Option<f64> {
        (self.whole > 0).then(|| f64::from(self.part) * 100.0 / f64::from(self.whole))
    }
}
