//! The names of the commands the window's shell registers and the frontend calls — one place,
//! so a name cannot be misspelt on one side. `ALL` lists them (the parity test compares it with
//! what the shell registers).

/// `app_status`.
pub const APP_STATUS: &str = "app_status";
/// `create_school`.
pub const CREATE_SCHOOL: &str = "create_school";
/// `load_demo`.
pub const LOAD_DEMO: &str = "load_demo";
/// `overview`.
pub const OVERVIEW: &str = "overview";
/// `people`.
pub const PEOPLE: &str = "people";
/// `add_person`.
pub const ADD_PERSON: &str = "add_person";
/// `create_pair`.
pub const CREATE_PAIR: &str = "create_pair";
/// `set_pair_status`.
pub const SET_PAIR_STATUS: &str = "set_pair_status";
/// `edit_pair`.
pub const EDIT_PAIR: &str = "edit_pair";
/// `roadmap`.
pub const ROADMAP: &str = "roadmap";
/// `set_roadmap_status`.
pub const SET_ROADMAP_STATUS: &str = "set_roadmap_status";
/// `pair_view`.
pub const PAIR_VIEW: &str = "pair_view";
/// `add_activity`.
pub const ADD_ACTIVITY: &str = "add_activity";
/// `set_activity_status`.
pub const SET_ACTIVITY_STATUS: &str = "set_activity_status";
/// `set_activity_deadline`.
pub const SET_ACTIVITY_DEADLINE: &str = "set_activity_deadline";
/// `add_meeting`.
pub const ADD_MEETING: &str = "add_meeting";
/// `set_meeting_text`.
pub const SET_MEETING_TEXT: &str = "set_meeting_text";
/// `confirm_meeting`.
pub const CONFIRM_MEETING: &str = "confirm_meeting";
/// `request_replacement`.
pub const REQUEST_REPLACEMENT: &str = "request_replacement";
/// `replace_mentor`.
pub const REPLACE_MENTOR: &str = "replace_mentor";
/// `decline_request`.
pub const DECLINE_REQUEST: &str = "decline_request";
/// `edit_activity`.
pub const EDIT_ACTIVITY: &str = "edit_activity";
/// `remove_activity`.
pub const REMOVE_ACTIVITY: &str = "remove_activity";
/// `edit_meeting`.
pub const EDIT_MEETING: &str = "edit_meeting";
/// `remove_meeting`.
pub const REMOVE_MEETING: &str = "remove_meeting";
/// `add_programme_entry`.
pub const ADD_PROGRAMME_ENTRY: &str = "add_programme_entry";
/// `edit_programme_entry`.
pub const EDIT_PROGRAMME_ENTRY: &str = "edit_programme_entry";
/// `remove_programme_entry`.
pub const REMOVE_PROGRAMME_ENTRY: &str = "remove_programme_entry";
/// `first_paint`.
pub const FIRST_PAINT: &str = "first_paint";
/// `invite`.
pub const INVITE: &str = "invite";
/// `join`.
pub const JOIN: &str = "join";
/// `sync_status`.
pub const SYNC_STATUS: &str = "sync_status";
/// `revoke_device`.
pub const REVOKE_DEVICE: &str = "revoke_device";
/// `sync_now`.
pub const SYNC_NOW: &str = "sync_now";
/// `export_document`.
pub const EXPORT_DOCUMENT: &str = "export_document";
/// `issue_order`.
pub const ISSUE_ORDER: &str = "issue_order";
/// `import_base`.
pub const IMPORT_BASE: &str = "import_base";
/// `record_scores`.
pub const RECORD_SCORES: &str = "record_scores";
/// `answer_survey`.
pub const ANSWER_SURVEY: &str = "answer_survey";
/// `save_final_report`.
pub const SAVE_FINAL_REPORT: &str = "save_final_report";
/// `add_criterion`.
pub const ADD_CRITERION: &str = "add_criterion";
/// `record_consent`.
pub const RECORD_CONSENT: &str = "record_consent";
/// `set_mentor_profile`.
pub const SET_MENTOR_PROFILE: &str = "set_mentor_profile";
/// `add_request`.
pub const ADD_REQUEST: &str = "add_request";
/// `edit_person`.
pub const EDIT_PERSON: &str = "edit_person";
/// `withdraw_consent`.
pub const WITHDRAW_CONSENT: &str = "withdraw_consent";
/// `remove_person`.
pub const REMOVE_PERSON: &str = "remove_person";
/// `suggest_mentors`.
pub const SUGGEST_MENTORS: &str = "suggest_mentors";
/// Every command, in the order the shell registers them.
pub const ALL: &[&str] = &[
    APP_STATUS,
    CREATE_SCHOOL,
    LOAD_DEMO,
    OVERVIEW,
    PEOPLE,
    ADD_PERSON,
    CREATE_PAIR,
    SET_PAIR_STATUS,
    EDIT_PAIR,
    ROADMAP,
    SET_ROADMAP_STATUS,
    PAIR_VIEW,
    ADD_ACTIVITY,
    SET_ACTIVITY_STATUS,
    SET_ACTIVITY_DEADLINE,
    ADD_MEETING,
    SET_MEETING_TEXT,
    CONFIRM_MEETING,
    REQUEST_REPLACEMENT,
    REPLACE_MENTOR,
    DECLINE_REQUEST,
    EDIT_ACTIVITY,
    REMOVE_ACTIVITY,
    EDIT_MEETING,
    REMOVE_MEETING,
    ADD_PROGRAMME_ENTRY,
    EDIT_PROGRAMME_ENTRY,
    REMOVE_PROGRAMME_ENTRY,
    FIRST_PAINT,
    INVITE,
    JOIN,
    SYNC_STATUS,
    REVOKE_DEVICE,
    SYNC_NOW,
    EXPORT_DOCUMENT,
    ISSUE_ORDER,
    IMPORT_BASE,
    RECORD_SCORES,
    ANSWER_SURVEY,
    SAVE_FINAL_REPORT,
    ADD_CRITERION,
    RECORD_CONSENT,
    SET_MENTOR_PROFILE,
    ADD_REQUEST,
    EDIT_PERSON,
    WITHDRAW_CONSENT,
    REMOVE_PERSON,
    SUGGEST_MENTORS,
];
