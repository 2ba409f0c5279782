//! The schema of a pair's document (one per mentoring pair or group).
//!
//! Merge-friendliness is designed in:
//! * list items carry an id marked `#[key]`, so concurrent inserts, removals and edits of
//!   different items never mix up; edits of different fields of one item both survive;
//! * texts two people type into ([`Meeting::notes`], reflection, the final report) are
//!   [`autosurgeon::Text`], merged character by character;
//! * every nested map exists from the moment its parent is created (monitoring stages, the
//!   final report, a meeting's confirmations), so two devices never create "the same" object;
//! * scores and confirmations are flat maps of scalars, so concurrent entries merge per key.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile, Text};
use nastavnik_shared::vocab::{
    ActivityStatus, Form, GoalTerm, Kind, MeetingFormat, MeetingType, MemberRole, MonitoringStage,
};

use crate::coded::{Coded, Day, Stamp};

/// The root of a pair's document.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct PairDoc {
    /// Always [`PairDoc::DOC_TYPE`](crate::document::Schema::DOC_TYPE).
    pub doc_type: String,
    /// Schema version the document was written with.
    pub schema_version: u64,
    /// The pair's id (the same as in the school's pairs index).
    pub pair_id: String,
    /// The school's name, for headers of printed documents.
    pub school_name: String,
    /// Form, kind, role model and period.
    pub header: Header,
    /// Mentors and mentees with the names they are shown under.
    pub members: Vec<Member>,
    /// The personalised programme: directions, deficits, strengths, goals.
    pub programme: Programme,
    /// The plan: activities with deadlines and status.
    pub activities: Vec<Activity>,
    /// The meeting journal.
    pub meetings: Vec<Meeting>,
    /// Monitoring: criteria and scores at entry, midway and at the end.
    pub monitoring: Monitoring,
    /// Satisfaction surveys.
    pub surveys: Vec<Survey>,
    /// The mentor's final report.
    pub final_report: FinalReport,
    /// Mentees' requests to replace the mentor.
    pub replacement_requests: Vec<ReplacementRequest>,
    /// When the document was created.
    pub created_at: Stamp,
    /// Signed access entries: which devices may receive this document (see `roster`).
    /// Added after the v1 fixtures were frozen: documents without it load with none.
    #[autosurgeon(missing = "Vec::new")]
    pub access: Vec<crate::roster::AccessEntry>,
    /// How the programme ended, once the curator closed it: from then on the document is read-
    /// only (see `closing.rs`). Added after the v1 fixtures: documents without it are open.
    #[autosurgeon(missing = "Option::default")]
    pub closure: Option<Closure>,
    /// Members who left the pair (a mentor replaced at a mentee's request): kept so the journal
    /// still names who confirmed what. Added after the v1 fixtures.
    #[autosurgeon(missing = "Vec::new")]
    pub former_members: Vec<Member>,
}

/// The end of a pair's work: completed or dissolved, why, and when.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Closure {
    /// Completed or dissolved.
    pub status: Coded<nastavnik_shared::vocab::PairStatus>,
    /// Why (a dissolution needs one; a completion may have one).
    pub reason: String,
    /// The day.
    pub on: crate::coded::Day,
}

/// Form, kind, role model and period of the programme.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Header {
    /// Форма наставничества.
    pub form: Coded<Form>,
    /// Вид наставничества.
    pub kind: Coded<Kind>,
    /// Ролевая модель (free text, suggestions in `vocab::role_models`).
    pub role_model: String,
    /// First day of the programme.
    pub period_start: Day,
    /// Length in months, 3–12. Stored as start + length (not two dates) so that concurrent
    /// edits of both cannot merge into an invalid period.
    pub period_months: u8,
}

/// A member of the pair or group.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Member {
    /// The person's id in the school's bank.
    #[key]
    pub person_id: String,
    /// Full name as shown.
    pub name: String,
    /// Mentor or mentee.
    pub role: Coded<MemberRole>,
}

/// The personalised programme (персонализированная программа наставничества).
#[derive(Debug, Clone, PartialEq, Default, Reconcile, Hydrate)]
pub struct Programme {
    /// Направления работы.
    pub directions: Vec<Item>,
    /// Профессиональные затруднения, дефициты.
    pub deficits: Vec<Item>,
    /// Сильные стороны.
    pub strengths: Vec<Item>,
    /// Цели.
    pub goals: Vec<Goal>,
}

/// An entry of a programme list.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Item {
    /// Id.
    #[key]
    pub id: String,
    /// Wording.
    pub text: String,
}

/// A goal of the programme.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Goal {
    /// Id.
    #[key]
    pub id: String,
    /// Wording.
    pub text: String,
    /// Short or long term.
    pub term: Coded<GoalTerm>,
}

/// An activity (мероприятие) of the plan.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Activity {
    /// Id.
    #[key]
    pub id: String,
    /// Мероприятие.
    pub title: String,
    /// Деятельность наставника.
    pub mentor_activity: String,
    /// Ожидаемый результат.
    pub expected_result: String,
    /// Срок.
    pub deadline: Day,
    /// Ответственный (a name or a role, as schools write it).
    pub responsible: String,
    /// Status.
    pub status: Coded<ActivityStatus>,
    /// Отметка о выполнении.
    pub completion_note: String,
    /// When it was done (set when marked done).
    pub completed_on: Option<Day>,
}

/// A meeting in the journal.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Meeting {
    /// Id.
    #[key]
    pub id: String,
    /// Organisational, trial, planning, regular or final.
    pub meeting_type: Coded<MeetingType>,
    /// Date held (or planned).
    pub date: Day,
    /// In person or remote.
    pub format: Coded<MeetingFormat>,
    /// Тема.
    pub topic: String,
    /// Notes both sides type into.
    pub notes: Text,
    /// Agreed tasks (договорённости).
    pub agreed_tasks: Text,
    /// The mentee's reflection.
    pub reflection: Text,
    /// Who confirmed the meeting: person id → when.
    pub confirmations: BTreeMap<String, Stamp>,
}

/// Monitoring: the criteria and the scores of each stage.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Monitoring {
    /// What is assessed.
    pub criteria: Vec<Criterion>,
    /// Входная диагностика.
    pub entry: StageScores,
    /// Промежуточный мониторинг.
    pub intermediate: StageScores,
    /// Итоговая диагностика.
    pub final_stage: StageScores,
}

impl Monitoring {
    /// The scores of one stage.
    pub fn stage(&self, stage: MonitoringStage) -> &StageScores {
        match stage {
            MonitoringStage::Entry => &self.entry,
            MonitoringStage::Intermediate => &self.intermediate,
            MonitoringStage::Final => &self.final_stage,
        }
    }

    /// The scores of one stage, to change.
    pub fn stage_mut(&mut self, stage: MonitoringStage) -> &mut StageScores {
        match stage {
            MonitoringStage::Entry => &mut self.entry,
            MonitoringStage::Intermediate => &mut self.intermediate,
            MonitoringStage::Final => &mut self.final_stage,
        }
    }
}

/// A monitoring criterion.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Criterion {
    /// Id.
    #[key]
    pub id: String,
    /// Wording.
    pub title: String,
}

/// Scores of one stage. Keys are `"{mentee id}|{rater code}|{criterion id}"` (see
/// [`score_key`]); a flat map so that concurrent scoring merges per score.
#[derive(Debug, Clone, PartialEq, Default, Reconcile, Hydrate)]
pub struct StageScores {
    /// Score 1–5 per key.
    pub scores: BTreeMap<String, u8>,
    /// When each mentee/rater filled the stage: `"{mentee id}|{rater code}"` → day.
    pub recorded_on: BTreeMap<String, Day>,
}

/// The key of one score in [`StageScores::scores`].
pub fn score_key(mentee: &str, rater: nastavnik_shared::vocab::Rater, criterion: &str) -> String {
    format!("{mentee}|{}|{criterion}", rater.as_code())
}

/// A satisfaction survey answered by a member.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Survey {
    /// Id.
    #[key]
    pub id: String,
    /// Who answered.
    pub respondent: String,
    /// When.
    pub date: Day,
    /// Overall satisfaction, 1–10.
    pub score: u8,
    /// What was useful, what to improve.
    pub comment: String,
}

/// The mentor's final report (отчёт наставника).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct FinalReport {
    /// Результаты.
    pub results: Text,
    /// Выводы.
    pub conclusions: Text,
    /// Предложения.
    pub proposals: Text,
    /// When the mentor submitted it to the curator.
    pub submitted_on: Option<Day>,
}

/// A mentee's request to replace the mentor (ходатайство о замене наставника).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct ReplacementRequest {
    /// Id.
    #[key]
    pub id: String,
    /// The mentee who asks.
    pub mentee: String,
    /// Why.
    pub reason: String,
    /// When.
    pub date: Day,
    /// The curator's decision, once taken.
    pub resolution: Option<String>,
}
