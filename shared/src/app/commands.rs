//! Every command the window's shell registers, as one type each: its name, its arguments (the
//! struct's fields, camelCase over IPC) and its answer. The shell's handlers take the struct and
//! return [`Answer`] of it; the frontend sends the struct and receives the answer — so a name,
//! a field or an answer cannot differ between the two sides without breaking the build.
//! `ALL` lists the names in the order the shell registers them (the parity test compares it with
//! what the shell registers and with the CLI).
//!
//! Over IPC a call travels as `{ "call": <the struct> }`: the shell's handlers have one
//! parameter, `call`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{
    ActivityForm, AppStatus, HeaderForm, HistoryRow, ImportView, InviteView, MentorSuggestion,
    NewActivityForm, NewMeetingForm, NewPairForm, NewPersonForm, PairConflict, PairView, PersonRow,
    PrivateNote, RoadmapRow, SyncView, Tracked,
};
use crate::report::{AttentionItem, AttentionSettings, SchoolOverview};

/// One command of the window: its name and what it answers.
pub trait Command: Serialize + DeserializeOwned {
    /// The name the shell registers.
    const NAME: &'static str;
    /// What it gives back.
    type Answer: Serialize + DeserializeOwned;
}

/// What command `C` gives back.
pub type Answer<C> = <C as Command>::Answer;

macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident => $ty:ident { $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)? } -> $answer:ty;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
            #[serde(rename_all = "camelCase")]
            pub struct $ty { $( $(#[$fmeta])* pub $field: $fty, )* }

            impl Command for $ty {
                const NAME: &'static str = stringify!($name);
                type Answer = $answer;
            }
        )*

        /// Every command's name, in the order the shell registers them.
        pub const ALL: &[&str] = &[$(stringify!($name)),*];
    };
}

commands! {
    /// This device: its role, school and person.
    app_status => GetAppStatus {} -> AppStatus;
    /// A new school on this device, whose curator it becomes.
    create_school => CreateSchool {
        /// Название.
        name: String,
        /// Руководитель.
        head: String,
        /// Куратор (this device's person).
        curator: String,
    } -> AppStatus;
    /// The demo school on an empty device.
    load_demo => LoadDemo {} -> AppStatus;
    /// The school overview (curator).
    overview => GetOverview {} -> SchoolOverview;
    /// What needs attention: the school's warnings (curator) or one's own reminders (member).
    attention => GetAttention {} -> Vec<AttentionItem>;
    /// The school's thresholds of the warnings (curator).
    set_warnings => SetWarnings {
        /// Each threshold in days.
        settings: AttentionSettings,
    } -> ();
    /// The bank of mentors and mentees (curator).
    people => GetPeople {} -> Vec<PersonRow>;
    /// A new person in the bank; answers the id.
    add_person => AddPerson {
        /// The card as typed.
        form: NewPersonForm,
    } -> String;
    /// A new pair or group; answers the pair's id.
    create_pair => CreatePair {
        /// The form as typed.
        form: NewPairForm,
    } -> String;
    /// A pair's status (active, completed, dissolved) with the reason.
    set_pair_status => SetPairStatus {
        /// The pair.
        pair_id: String,
        /// Status code.
        status: String,
        /// Why (completed early / dissolved).
        reason: Option<String>,
    } -> ();
    /// A pair's header: form, kind, role model, period.
    edit_pair => EditPair {
        /// The pair.
        pair_id: String,
        /// The header as typed.
        form: HeaderForm,
    } -> ();
    /// The programme's roadmap (дорожная карта).
    roadmap => GetRoadmap {} -> Vec<RoadmapRow>;
    /// A roadmap item's status.
    set_roadmap_status => SetRoadmapStatus {
        /// The item.
        item_id: String,
        /// Status code.
        status: String,
    } -> ();
    /// One pair's document as the pair screen shows it.
    pair_view => GetPairView {
        /// The pair.
        pair_id: String,
    } -> PairView;
    /// A new activity of the plan.
    add_activity => AddActivity {
        /// The pair.
        pair_id: String,
        /// The activity as typed.
        form: NewActivityForm,
    } -> ();
    /// An activity's status.
    set_activity_status => SetActivityStatus {
        /// The pair.
        pair_id: String,
        /// The activity.
        activity_id: String,
        /// Status code.
        status: String,
    } -> ();
    /// An activity's deadline.
    set_activity_deadline => SetActivityDeadline {
        /// The pair.
        pair_id: String,
        /// The activity.
        activity_id: String,
        /// Срок as typed.
        deadline: String,
    } -> ();
    /// A new meeting in the journal; answers its id.
    add_meeting => AddMeeting {
        /// The pair.
        pair_id: String,
        /// The meeting as typed.
        form: NewMeetingForm,
    } -> String;
    /// A meeting's notes, agreed tasks or reflection, typed since `since` (the heads the editor
    /// started from); answers the typist's own version (`since` plus this change), to type on
    /// from.
    set_meeting_text => SetMeetingText {
        /// The pair.
        pair_id: String,
        /// The meeting.
        meeting_id: String,
        /// Which text (code).
        field: String,
        /// The whole text as it now reads in the editor.
        text: String,
        /// The document's heads the editor's text was based on.
        since: Vec<String>,
        /// When its last key was pressed (ms since 1970, the page's clock).
        typed_at: f64,
    } -> Vec<String>;
    /// What is being typed into a meeting's text, kept with every key until it is saved with
    /// `set_meeting_text` (so closing the window mid-typing loses nothing).
    keep_draft => KeepDraft {
        /// The pair.
        pair_id: String,
        /// The meeting.
        meeting_id: String,
        /// Which text (code).
        field: String,
        /// The whole text as it now reads in the editor.
        text: String,
        /// The document's heads the typing started from.
        since: Vec<String>,
        /// When the key was pressed (ms since 1970, the page's clock): orders the calls.
        typed_at: f64,
    } -> ();
    /// This member's confirmation of a meeting.
    confirm_meeting => ConfirmMeeting {
        /// The pair.
        pair_id: String,
        /// The meeting.
        meeting_id: String,
    } -> ();
    /// The mentee's request to replace the mentor (ходатайство); answers its id.
    request_replacement => RequestReplacement {
        /// The pair.
        pair_id: String,
        /// Причина.
        reason: String,
    } -> String;
    /// The curator replaces the mentor; answers the devices that lost access.
    replace_mentor => ReplaceMentor {
        /// The pair.
        pair_id: String,
        /// The request answered (may be empty: the curator's own decision).
        request_id: String,
        /// The mentor leaving.
        old_mentor: String,
        /// The mentor coming.
        new_mentor: String,
        /// Решение.
        resolution: String,
    } -> Vec<String>;
    /// The curator declines a request.
    decline_request => DeclineRequest {
        /// The pair.
        pair_id: String,
        /// The request.
        request_id: String,
        /// Решение.
        resolution: String,
    } -> ();
    /// Every field of an activity.
    edit_activity => EditActivity {
        /// The pair.
        pair_id: String,
        /// The activity.
        activity_id: String,
        /// The fields as typed.
        form: ActivityForm,
    } -> ();
    /// An activity removed from the plan.
    remove_activity => RemoveActivity {
        /// The pair.
        pair_id: String,
        /// The activity.
        activity_id: String,
    } -> ();
    /// A meeting's date, type, format and topic.
    edit_meeting => EditMeeting {
        /// The pair.
        pair_id: String,
        /// The meeting.
        meeting_id: String,
        /// The fields as typed.
        form: NewMeetingForm,
    } -> ();
    /// A meeting removed from the journal.
    remove_meeting => RemoveMeeting {
        /// The pair.
        pair_id: String,
        /// The meeting.
        meeting_id: String,
    } -> ();
    /// A new entry of a programme list (direction, deficit, strength, goal); answers its id.
    add_programme_entry => AddProgrammeEntry {
        /// The pair.
        pair_id: String,
        /// Which list (code).
        part: String,
        /// The text.
        text: String,
    } -> String;
    /// A programme entry reworded.
    edit_programme_entry => EditProgrammeEntry {
        /// The pair.
        pair_id: String,
        /// Which list (code).
        part: String,
        /// The entry.
        entry_id: String,
        /// The new text.
        text: String,
    } -> ();
    /// A programme entry removed.
    remove_programme_entry => RemoveProgrammeEntry {
        /// The pair.
        pair_id: String,
        /// Which list (code).
        part: String,
        /// The entry.
        entry_id: String,
    } -> ();
    /// The first screen with data is drawn (start-up measurement).
    first_paint => FirstPaint {} -> ();
    /// An invitation for a person's device (curator).
    invite => CreateInvite {
        /// The person.
        person_id: String,
    } -> InviteView;
    /// This device joins a school with an invitation.
    join => Join {
        /// The code.
        code: String,
        /// The curator's device address.
        curator: String,
    } -> AppStatus;
    /// Devices, documents and the network as this device sees them.
    sync_status => GetSyncStatus {} -> SyncView;
    /// A device cut off (curator); answers how many devices are revoked now.
    revoke_device => RevokeDevice {
        /// The device.
        device: String,
    } -> usize;
    /// Sync with every reachable device now.
    sync_now => SyncNow {} -> ();
    /// A .docx/.xlsx written to the documents folder; answers its path.
    export_document => ExportDocument {
        /// Which document (code).
        kind: String,
        /// The pair, for a pair's documents.
        pair_id: Option<String>,
        /// The participant, for a record (the curator's device; a member's is their own).
        #[serde(default)]
        person_id: Option<String>,
        /// The order's number, for the order.
        order_number: Option<String>,
    } -> String;
    /// The order «О закреплении наставнических пар» issued and written; answers its path.
    issue_order => IssueOrder {
        /// Номер.
        number: String,
        /// Дата as typed.
        date: String,
    } -> String;
    /// A base (mentors or mentees) read from .xlsx/.csv: a preview, or applied.
    import_base => ImportBase {
        /// Which base (code).
        base: String,
        /// The file's name (its extension decides the format).
        file_name: String,
        /// The file's bytes.
        bytes: Vec<u8>,
        /// Apply (else only preview).
        apply: bool,
    } -> ImportView;
    /// Monitoring scores of one stage for one mentee.
    record_scores => RecordScores {
        /// The pair.
        pair_id: String,
        /// Stage code.
        stage: String,
        /// The mentee scored.
        mentee: String,
        /// (criterion id, score 1–5).
        scores: Vec<(String, u8)>,
    } -> ();
    /// The mentee's satisfaction survey.
    answer_survey => AnswerSurvey {
        /// The pair.
        pair_id: String,
        /// Score as typed.
        score: String,
        /// Comment.
        comment: String,
    } -> ();
    /// The mentor's final report (saved or submitted).
    save_final_report => SaveFinalReport {
        /// The pair.
        pair_id: String,
        /// Результаты.
        results: String,
        /// Выводы.
        conclusions: String,
        /// Предложения.
        proposals: String,
        /// Submitted (no longer a draft).
        submit: bool,
    } -> ();
    /// A monitoring criterion added to a pair (curator); answers its id.
    add_criterion => AddCriterion {
        /// The pair.
        pair_id: String,
        /// The criterion.
        title: String,
    } -> String;
    /// A consent signed.
    record_consent => RecordConsent {
        /// The person.
        person_id: String,
        /// Who signed.
        signed_by: String,
    } -> ();
    /// A mentor's questionnaire: competencies, capacity, forms.
    set_mentor_profile => SetMentorProfile {
        /// The mentor.
        person_id: String,
        /// Competencies, comma-separated.
        competencies: String,
        /// Capacity as typed.
        capacity: String,
        /// Form codes.
        forms: Vec<String>,
    } -> ();
    /// A mentee's request (запрос).
    add_request => AddRequest {
        /// The mentee.
        person_id: String,
        /// The request.
        text: String,
    } -> ();
    /// A person's card corrected.
    edit_person => EditPerson {
        /// The person.
        person_id: String,
        /// The card as typed.
        form: NewPersonForm,
    } -> ();
    /// A consent withdrawn.
    withdraw_consent => WithdrawConsent {
        /// The person.
        person_id: String,
        /// The consent.
        consent_id: String,
    } -> ();
    /// A person not in any pair removed from the bank.
    remove_person => RemovePerson {
        /// The person.
        person_id: String,
    } -> ();
    /// Mentors ranked for a mentee and a form.
    suggest_mentors => SuggestMentors {
        /// The mentee.
        mentee: String,
        /// Form code.
        form: String,
    } -> Vec<MentorSuggestion>;
    /// A pair's history: every change with when, who and what, oldest first.
    pair_history => GetPairHistory {
        /// The pair.
        pair_id: String,
        /// Only this item's changes.
        #[serde(default)]
        item: Option<Tracked>,
    } -> Vec<HistoryRow>;
    /// Fields of a pair two devices set differently while apart, with both values.
    pair_conflicts => GetPairConflicts {
        /// The pair.
        pair_id: String,
    } -> Vec<PairConflict>;
    /// Keeps one value of a conflicting field (an ordinary change); answers what the field is.
    choose_value => ChooseValue {
        /// The pair.
        pair_id: String,
        /// The field ([`PairConflict::path`]).
        path: String,
        /// The value kept ([`crate::app::ConflictValue::op`]).
        op: String,
    } -> String;
    /// Undoes one change of an activity, a meeting or a programme entry: what it altered gets its
    /// earlier values back.
    restore_before => RestoreBefore {
        /// The pair.
        pair_id: String,
        /// The activity, meeting or programme entry.
        item: Option<Tracked>,
        /// The change undone ([`HistoryRow::change`]).
        change: String,
    } -> ();
    /// The mentor's private notes about a pair, latest first (the mentor's own device only).
    private_notes => GetPrivateNotes {
        /// The pair.
        pair_id: String,
    } -> Vec<PrivateNote>;
    /// A new private note; answers its id.
    add_private_note => AddPrivateNote {
        /// The pair.
        pair_id: String,
        /// The day it is about (today when not given).
        on: Option<chrono::NaiveDate>,
        /// The text.
        text: String,
    } -> String;
    /// A private note rewritten.
    edit_private_note => EditPrivateNote {
        /// The note.
        note_id: String,
        /// The new text.
        text: String,
    } -> ();
    /// A private note deleted.
    remove_private_note => RemovePrivateNote {
        /// The note.
        note_id: String,
    } -> ();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_handlers_and_unique() {
        assert_eq!(GetPairView::NAME, "pair_view");
        assert_eq!(CreateInvite::NAME, "invite");
        let unique: std::collections::BTreeSet<_> = ALL.iter().collect();
        assert_eq!(unique.len(), ALL.len());
    }

    #[test]
    fn arguments_travel_in_camel_case() {
        let call =
            EditActivity { pair_id: "p".into(), activity_id: "a".into(), form: ActivityForm::default() };
        let json = serde_json::to_value(&call).unwrap_or_default();
        assert_eq!(json["pairId"], "p");
        assert_eq!(json["activityId"], "a");
        assert!(json.get("pair_id").is_none());
    }
}
