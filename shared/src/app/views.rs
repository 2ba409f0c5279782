//! What the app's screens show.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::report::PairSummary;
use crate::vocab::{
    ActivityStatus, Form, Kind, MeetingFormat, MeetingType, MemberRole, PairStatus, PersonCategory,
    ProgrammePart,
};

/// A person of the bank as the База screen lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonRow {
    /// Id.
    pub id: String,
    /// ФИО.
    pub name: String,
    /// Category.
    pub category: PersonCategory,
    /// Subject or class.
    pub subject_or_class: String,
    /// Year of birth.
    pub birth_year: Option<u16>,
    /// Years of teaching.
    pub teaching_years: Option<u8>,
    /// Whether a valid consent is on file (a parent's for a minor).
    pub consent: bool,
    /// Whether the person is a minor.
    pub minor: bool,
    /// Competencies from the mentor's questionnaire (empty if none).
    pub competencies: Vec<String>,
    /// How many mentees the questionnaire says they can take (none without a questionnaire).
    #[serde(default)]
    pub capacity: Option<u8>,
    /// The forms the questionnaire names.
    #[serde(default)]
    pub forms: Vec<Form>,
    /// Requests (mentees).
    pub requests: Vec<String>,
    /// Mentor in some pair or has a questionnaire.
    pub mentor: bool,
    /// Mentee in some pair or has a request.
    pub mentee: bool,
    /// Consents on file, withdrawn ones too.
    #[serde(default)]
    pub consents: Vec<ConsentView>,
}

/// An import of a base, previewed or done.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportView {
    /// Rows ready to import.
    pub ready: Vec<ImportRow>,
    /// People already in the bank (not imported again).
    pub skipped: Vec<ImportRow>,
    /// Rows with errors: while there is one, nothing is imported.
    pub errors: Vec<ImportRow>,
    /// Columns not understood (left out).
    pub ignored_columns: Vec<String>,
    /// How many were imported, once applied.
    pub imported: Option<usize>,
}

/// One row of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportRow {
    /// Its line in the file.
    pub line: usize,
    /// The name in it.
    pub name: String,
    /// Why it is skipped or refused (empty when ready).
    pub message: String,
}

/// A consent to the processing of personal data, as the bank shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentView {
    /// Id.
    pub id: String,
    /// Who signed: «участник» or «родитель (законный представитель)».
    pub giver: String,
    /// Their name.
    pub giver_name: String,
    /// Signed on.
    pub signed_on: NaiveDate,
    /// Withdrawn on, if it was.
    pub withdrawn_on: Option<NaiveDate>,
}

/// A pair's document as the pair screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairView {
    /// Pair id.
    pub pair_id: String,
    /// The document's heads when this view was read: a text typed from this view is merged
    /// with what others wrote since (see `set_meeting_text`).
    #[serde(default)]
    pub heads: Vec<String>,
    /// The summary (plan completion, meetings, scores…).
    pub summary: PairSummary,
    /// Form.
    pub form: Form,
    /// Kind.
    pub kind: Kind,
    /// Role model.
    pub role_model: String,
    /// Members.
    pub members: Vec<(String, String, MemberRole)>,
    /// The programme's lists (directions, deficits, strengths, goals): every entry with its id,
    /// part by part, each list in its order.
    pub programme: Vec<ProgrammeEntry>,
    /// The plan.
    pub activities: Vec<ActivityView>,
    /// The journal, by date.
    pub meetings: Vec<MeetingView>,
    /// Status in the school's index (curator only).
    pub status: Option<PairStatus>,
    /// Monitoring criteria: (id, wording).
    #[serde(default)]
    pub criteria: Vec<(String, String)>,
    /// Each monitoring stage: its average and who has recorded it.
    #[serde(default)]
    pub stages: Vec<StageView>,
    /// Satisfaction surveys answered: (who, date, score 1–10, comment).
    #[serde(default)]
    pub surveys: Vec<(String, NaiveDate, u8, String)>,
    /// The mentor's final report.
    #[serde(default)]
    pub final_report: FinalReportView,
    /// Set once the curator closed the pair (completed or dissolved): everything is read-only.
    #[serde(default)]
    pub closed: Option<ClosedView>,
    /// Requests to replace the mentor (ходатайства), oldest first.
    #[serde(default)]
    pub requests: Vec<RequestView>,
    /// Who left the pair (a replaced mentor): their names, as the journal still shows them.
    #[serde(default)]
    pub former_members: Vec<String>,
}

/// A mentee's request to replace the mentor, and the curator's decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestView {
    /// Id.
    pub id: String,
    /// The mentee's person id.
    pub mentee_id: String,
    /// The mentee's name.
    pub mentee: String,
    /// Why.
    pub reason: String,
    /// When.
    pub date: NaiveDate,
    /// The decision, once taken.
    pub resolution: Option<String>,
}

/// How a pair's work ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClosedView {
    /// Completed or dissolved.
    pub status: PairStatus,
    /// Why (or the outcome).
    pub reason: String,
    /// The day.
    pub on: NaiveDate,
}

/// One entry of the programme's lists (a direction, a deficit, a strength, a goal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeEntry {
    /// Which list.
    pub part: ProgrammePart,
    /// Its id.
    pub id: String,
    /// Its wording.
    pub text: String,
}

/// One monitoring stage of a pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StageView {
    /// Entry, intermediate or final.
    pub stage: crate::vocab::MonitoringStage,
    /// Average of the scores given (1–5).
    pub average: Option<f64>,
    /// Who has recorded: "Name — самооценка наставляемого, 01.10.2026".
    pub recorded: Vec<String>,
}

/// The mentor's final report (отчёт наставника).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FinalReportView {
    /// Результаты.
    pub results: String,
    /// Выводы.
    pub conclusions: String,
    /// Предложения.
    pub proposals: String,
    /// When it was handed to the curator.
    pub submitted_on: Option<NaiveDate>,
}

/// An activity of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    /// Id.
    pub id: String,
    /// Мероприятие.
    pub title: String,
    /// Срок.
    pub deadline: NaiveDate,
    /// Ответственный.
    pub responsible: String,
    /// Status.
    pub status: ActivityStatus,
    /// When done.
    pub completed_on: Option<NaiveDate>,
    /// Деятельность наставника.
    #[serde(default)]
    pub mentor_activity: String,
    /// Ожидаемый результат.
    #[serde(default)]
    pub expected_result: String,
    /// Отметка о выполнении.
    #[serde(default)]
    pub completion_note: String,
}

/// A meeting of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeetingView {
    /// Id.
    pub id: String,
    /// Type.
    pub meeting_type: MeetingType,
    /// Date.
    pub date: NaiveDate,
    /// Format.
    pub format: MeetingFormat,
    /// Тема.
    pub topic: String,
    /// Notes.
    pub notes: String,
    /// Agreed tasks (договорённости и задачи).
    #[serde(default)]
    pub agreed_tasks: String,
    /// The mentee's reflection.
    #[serde(default)]
    pub reflection: String,
    /// Confirmed by the mentor.
    pub confirmed_by_mentor: bool,
    /// Confirmed by the mentee.
    pub confirmed_by_mentee: bool,
}

/// An invite just issued by the curator for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InviteView {
    /// Whose device it is for.
    pub name: String,
    /// The code to type (single use).
    pub code: String,
    /// Until when.
    pub expires: String,
    /// The QR code's content.
    pub payload: String,
    /// The QR code as an SVG image.
    pub qr_svg: String,
}

/// The Синхронизация screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncView {
    /// This device's id.
    pub device_id: String,
    /// Its address while online (`<id>@<ip:port>`), empty when offline.
    pub address: String,
    /// Whether the network runs.
    pub online: bool,
    /// Last sync per document and peer.
    pub rows: Vec<SyncRow>,
    /// Devices with access, with their pairs (curator).
    pub devices: Vec<DeviceRow>,
    /// The school's devices seen on the LAN: (device, role, seen at — local time).
    #[serde(default)]
    pub nearby: Vec<(String, String, String)>,
    /// The network as it is, not as it was asked to be.
    #[serde(default)]
    pub network: Network,
    /// Devices connected right now (short ids).
    #[serde(default)]
    pub connected: Vec<String>,
}

/// Whether this device is on the network.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum Network {
    /// Not started: the device has no school yet.
    #[default]
    Off,
    /// Starting.
    Starting,
    /// Listening at `address`.
    Listening {
        /// `<id>@<ip:port>`.
        address: String,
    },
    /// Failed to start (the reason in Russian); changes stay on this device.
    Failed {
        /// Why.
        reason: String,
    },
}

/// The last sync of one document with one peer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncRow {
    /// The document: the school, or a pair's title.
    pub title: String,
    /// The peer device (short id).
    pub peer: String,
    /// When, local time.
    pub last_synced: String,
    /// Whether this device has changes the peer did not have then (`None`: document not here).
    pub unsent: Option<bool>,
}

/// A device with access to pairs' documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceRow {
    /// Device id.
    pub device: String,
    /// Pairs it receives.
    pub pairs: Vec<String>,
}

/// An activity of the school's roadmap (дорожная карта).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoadmapRow {
    /// Id.
    pub id: String,
    /// Its stage.
    pub stage: crate::vocab::RoadmapStage,
    /// Мероприятие.
    pub title: String,
    /// Срок.
    pub deadline: NaiveDate,
    /// Ответственный.
    pub responsible: String,
    /// Status.
    pub status: crate::vocab::RoadmapStatus,
}

/// A mentor candidate for a mentee, with why (the curator decides).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MentorSuggestion {
    /// The mentor's person id.
    pub mentor_id: String,
    /// Their name.
    pub name: String,
    /// Points (higher is better).
    pub score: i32,
    /// Why, in Russian.
    pub reasons: Vec<String>,
}

/// A mentor's private note about a pair: kept on the mentor's own device, shown to nobody else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrivateNote {
    /// Id.
    pub id: String,
    /// The pair it is about.
    pub pair_id: String,
    /// The day it is about.
    pub on: NaiveDate,
    /// What the mentor wrote.
    pub text: String,
}

/// One change in a pair's history («История»): when, who, which part, what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryRow {
    /// When, local time, «22.11.2026 14:05».
    pub at: String,
    /// Who: «Петрова Анна Ивановна (наставник)», «куратор», an unknown device, or no author recorded.
    pub who: String,
    /// The person, when known (the filter by person).
    pub person_id: Option<String>,
    /// The writing device's id, when recorded.
    pub device: Option<String>,
    /// The part of the pair.
    pub part: crate::vocab::HistoryPart,
    /// What was done (the operation).
    pub what: String,
    /// The change's hash (hex), the same on every device: names it to undo it.
    #[serde(default)]
    pub change: String,
}

/// An item of a pair with a history of its own: what its history and «вернуть как было» name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Tracked {
    /// An activity of the plan (its id).
    Activity(String),
    /// A meeting of the journal (its id).
    Meeting(String),
    /// An entry of the programme: a direction, deficit, strength or goal (its part and id).
    Entry(crate::vocab::ProgrammePart, String),
}

impl Tracked {
    /// The item's id.
    pub fn id(&self) -> &str {
        match self {
            Tracked::Activity(id) | Tracked::Meeting(id) | Tracked::Entry(_, id) => id,
        }
    }
}

/// A field two devices set differently while apart: both values, side by side, with who wrote each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairConflict {
    /// Where the field is («activities/a-1/deadline»): what choosing names.
    pub path: String,
    /// What the field is: «мероприятие «Открытый урок»: срок».
    pub what: String,
    /// Its values; the last is the one shown until someone chooses.
    pub values: Vec<ConflictValue>,
}

/// One value of a [`PairConflict`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConflictValue {
    /// Names the value for choosing it.
    pub op: String,
    /// The value as the screen shows it («20.12.2026», «в работе»).
    pub value: String,
    /// Who wrote it (as in the history).
    pub who: String,
    /// When, local time.
    pub at: String,
}
