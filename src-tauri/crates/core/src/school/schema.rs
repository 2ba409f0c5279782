//! The schema of the curator's school document.
//!
//! Same merge rules as the pair document: keyed list items, nested objects created with
//! their parent, scalars for what two devices may set concurrently.

use autosurgeon::{Hydrate, Reconcile};
use nastavnik_shared::report::AttentionSettings;
use nastavnik_shared::vocab::{
    ConsentGiver, Form, Kind, MemberRole, PairStatus, PersonCategory, RoadmapStage, RoadmapStatus,
};

use crate::coded::{Coded, Day, Stamp};

/// The root of the school's document.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct SchoolDoc {
    /// Always `nastavnik/school`.
    pub doc_type: String,
    /// Schema version the document was written with.
    pub schema_version: u64,
    /// The school itself.
    pub school: School,
    /// The bank of people (база наставников и наставляемых).
    pub people: Vec<Person>,
    /// Questionnaires of mentors: competencies and capacity.
    pub mentor_profiles: Vec<MentorProfile>,
    /// Requests of mentees (запросы наставляемых).
    pub mentee_requests: Vec<MenteeRequest>,
    /// The index of pairs and groups.
    pub pairs: Vec<PairEntry>,
    /// The roadmap (дорожная карта).
    pub roadmap: Vec<RoadmapItem>,
    /// When the document was created.
    pub created_at: Stamp,
}

/// The educational organisation.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct School {
    /// Id.
    pub id: String,
    /// Full name (полное наименование ОО).
    pub name: String,
    /// Руководитель ОО (signs the orders).
    pub head_name: String,
    /// Куратор.
    pub curator_name: String,
    /// The thresholds of «Требует внимания» (documents written before them get the defaults).
    #[autosurgeon(missing = "Warnings::default")]
    pub warnings: Warnings,
}

/// The school's thresholds of the early warnings, in days (see [`crate::attention`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub struct Warnings {
    /// A working pair with no meeting held for this long.
    pub no_meeting_days: u32,
    /// A held meeting not confirmed by both sides after this long.
    pub unconfirmed_days: u32,
    /// This long into the programme without the entry diagnostics.
    pub entry_diagnostics_days: u32,
    /// A pair's document not synced with the curator for this long.
    pub not_synced_days: u32,
}

impl Default for Warnings {
    fn default() -> Self {
        AttentionSettings::default().into()
    }
}

impl From<AttentionSettings> for Warnings {
    fn from(s: AttentionSettings) -> Self {
        Warnings {
            no_meeting_days: s.no_meeting_days,
            unconfirmed_days: s.unconfirmed_days,
            entry_diagnostics_days: s.entry_diagnostics_days,
            not_synced_days: s.not_synced_days,
        }
    }
}

impl From<Warnings> for AttentionSettings {
    fn from(w: Warnings) -> Self {
        AttentionSettings {
            no_meeting_days: w.no_meeting_days,
            unconfirmed_days: w.unconfirmed_days,
            entry_diagnostics_days: w.entry_diagnostics_days,
            not_synced_days: w.not_synced_days,
        }
    }
}

/// A person of the bank.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Person {
    /// Id.
    #[key]
    pub id: String,
    /// ФИО.
    pub name: String,
    /// Category.
    pub category: Coded<PersonCategory>,
    /// Subject taught (teachers) or class (students), e.g. "математика", "7 «Б»".
    pub subject_or_class: String,
    /// Year of birth, if known.
    pub birth_year: Option<u16>,
    /// Years of teaching (педагогический стаж), teachers only.
    pub teaching_years: Option<u8>,
    /// Consents to personal-data processing.
    pub consents: Vec<Consent>,
}

/// A consent to personal-data processing.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Consent {
    /// Id.
    #[key]
    pub id: String,
    /// The participant or a parent.
    pub giver: Coded<ConsentGiver>,
    /// Who signed it.
    pub giver_name: String,
    /// Date of signature.
    pub signed_on: Day,
    /// Date it was withdrawn, if it was.
    pub withdrawn_on: Option<Day>,
}

/// A mentor's questionnaire (анкета наставника).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct MentorProfile {
    /// The person.
    #[key]
    pub person_id: String,
    /// Competencies, one per entry.
    pub competencies: Vec<String>,
    /// How many mentees they can take at once.
    pub capacity: u8,
    /// Forms they are ready to work in.
    pub forms: Vec<Coded<Form>>,
}

/// A mentee's request (запрос наставляемого).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct MenteeRequest {
    /// Id.
    #[key]
    pub id: String,
    /// The mentee.
    pub person_id: String,
    /// What they need help with.
    pub text: String,
    /// When it was recorded.
    pub recorded_on: Day,
}

/// A pair or group in the index.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct PairEntry {
    /// Id (the same as the pair document's `pair_id`).
    #[key]
    pub id: String,
    /// Members with roles.
    pub members: Vec<PairMember>,
    /// Form.
    pub form: Coded<Form>,
    /// Kind.
    pub kind: Coded<Kind>,
    /// Role model.
    pub role_model: String,
    /// First day.
    pub period_start: Day,
    /// Months, 3–12.
    pub period_months: u8,
    /// Number of the head's order fixing the pair (empty until issued).
    pub order_number: String,
    /// Date of that order.
    pub order_date: Option<Day>,
    /// Status.
    pub status: Coded<PairStatus>,
    /// Id of the pair's document in the sync repository (empty until the node creates it).
    /// Added after the v1 fixtures were frozen: documents without it load with "".
    #[autosurgeon(missing = "String::new")]
    pub doc_id: String,
}

/// A member of a pair in the index.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct PairMember {
    /// The person.
    #[key]
    pub person_id: String,
    /// Mentor or mentee.
    pub role: Coded<MemberRole>,
}

/// An activity of the roadmap.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct RoadmapItem {
    /// Id.
    #[key]
    pub id: String,
    /// Which of the seven stages.
    pub stage: Coded<RoadmapStage>,
    /// Мероприятие.
    pub title: String,
    /// Срок.
    pub deadline: Day,
    /// Ответственные.
    pub responsible: String,
    /// Status.
    pub status: Coded<RoadmapStatus>,
}
