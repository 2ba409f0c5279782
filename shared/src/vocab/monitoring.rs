//! Monitoring: the three stages of diagnostics and who rates.

crate::vocabulary! {
    /// Stage of monitoring (входная, промежуточная, итоговая диагностика).
    MonitoringStage {
        Entry = "entry" => "входная диагностика",
        Intermediate = "intermediate" => "промежуточный мониторинг",
        Final = "final" => "итоговая диагностика",
    }
}

crate::vocabulary! {
    /// Who gave a monitoring score.
    Rater {
        /// The mentee rates themself (самооценка).
        Mentee = "self" => "самооценка наставляемого",
        /// The mentor rates the mentee.
        Mentor = "mentor" => "оценка наставника",
    }
}

/// Lowest monitoring score.
pub const SCORE_MIN: u8 = 1;
/// Highest monitoring score.
pub const SCORE_MAX: u8 = 5;
/// Satisfaction surveys are answered from 1 to this value (анкета удовлетворённости, 1–10).
pub const SATISFACTION_MAX: u8 = 10;
