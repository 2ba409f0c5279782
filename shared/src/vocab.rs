//! The closed vocabularies of the target model of mentoring, with the Russian words of the seeds.
//!
//! Every enum here is declared with [`crate::vocabulary!`]: it has `ALL`, `label()` (Russian),
//! `as_code()` (stable, stored) and implements [`crate::Code`] and `Display` (the label).

mod meeting;
mod monitoring;
mod pair;
mod people;
mod plan;
mod roadmap;

pub use meeting::{MeetingFormat, MeetingText, MeetingType};
pub use monitoring::{MonitoringStage, Rater, SATISFACTION_MAX, SCORE_MAX, SCORE_MIN};
pub use pair::{Form, HistoryPart, Kind, PairStatus, role_models};
pub use people::{ConsentGiver, MemberRole, PersonCategory};
pub use plan::{ActivityStatus, GoalTerm, ProgrammePart};
pub use roadmap::{RoadmapStage, RoadmapStatus};
