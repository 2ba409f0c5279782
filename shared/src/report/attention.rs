//! What needs attention («Требует внимания»): early warnings about pairs that are stuck, for the
//! curator's overview, and a member's own reminders. Computed by `nastavnik-core` from the pairs'
//! summaries, the day, and (on the curator's device) when each pair's document last synced.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The thresholds of the warnings, in days (the school's settings; these are the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttentionSettings {
    /// A working pair with no meeting held for this long.
    pub no_meeting_days: u32,
    /// A meeting held this long ago and not confirmed by both sides.
    pub unconfirmed_days: u32,
    /// This long into the programme without the entry diagnostics.
    pub entry_diagnostics_days: u32,
    /// A pair's document not synced with the curator for this long.
    pub not_synced_days: u32,
}

impl Default for AttentionSettings {
    fn default() -> Self {
        AttentionSettings {
            no_meeting_days: 30,
            unconfirmed_days: 7,
            entry_diagnostics_days: 30,
            not_synced_days: 14,
        }
    }
}

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttentionKind {
    /// An open request to replace the mentor.
    ReplacementRequest,
    /// Activities past their deadline.
    Overdue,
    /// No meeting held for [`AttentionSettings::no_meeting_days`].
    NoMeeting,
    /// A held meeting not confirmed by both sides.
    Unconfirmed,
    /// The entry diagnostics not done a month into the programme.
    NoEntryDiagnostics,
    /// The pair's document not synced with the curator.
    NotSynced,
    /// Fields two devices set differently while apart: someone must choose.
    Conflicts,
}

impl AttentionKind {
    /// Every kind, in the order the list shows them.
    pub const ALL: [AttentionKind; 7] = [
        AttentionKind::ReplacementRequest,
        AttentionKind::Overdue,
        AttentionKind::NoMeeting,
        AttentionKind::Unconfirmed,
        AttentionKind::NoEntryDiagnostics,
        AttentionKind::NotSynced,
        AttentionKind::Conflicts,
    ];

    /// The kind's name in the list.
    pub fn label(self) -> &'static str {
        match self {
            AttentionKind::ReplacementRequest => "запрос на замену наставника",
            AttentionKind::Overdue => "просроченные мероприятия",
            AttentionKind::NoMeeting => "нет встреч",
            AttentionKind::Unconfirmed => "встреча не подтверждена",
            AttentionKind::NoEntryDiagnostics => "нет входной диагностики",
            AttentionKind::NotSynced => "нет синхронизации с куратором",
            AttentionKind::Conflicts => "расхождения правок",
        }
    }
}

/// One warning about one pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttentionItem {
    /// The pair's id.
    pub pair_id: String,
    /// "Наставник → Наставляемый".
    pub pair_title: String,
    /// What it is about.
    pub kind: AttentionKind,
    /// The day the matter began (a deadline, the last meeting, the programme's start…), when known.
    pub since: Option<NaiveDate>,
    /// What to do or what is wrong, in a sentence («запишите встречу: последняя была 01.10.2026»).
    pub text: String,
}
