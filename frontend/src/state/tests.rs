//! The reducer, natively.

use chrono::NaiveDate;
use nastavnik_shared::app::{AppStatus, Role};

use super::*;

fn status(role: Role) -> AppStatus {
    AppStatus {
        role,
        device_id: "dev".into(),
        data_dir: "/tmp".into(),
        today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default(),
    }
}

#[test]
fn a_member_opens_on_their_pair_a_curator_on_the_overview() {
    let member = State::default().next(Action::Status(status(Role::Member {
        person_id: "p-7".into(),
        name: "Илья".into(),
        pairs: vec!["pair-7".into()],
    })));
    assert_eq!(member.screen, Screen::Pair { id: "pair-7".into(), tab: PairTab::Programme });
    assert!(!member.is_curator());
    let curator =
        State::default().next(Action::Status(status(Role::Curator { school_name: "Школа".into() })));
    assert_eq!(curator.screen, Screen::Overview);
    assert!(curator.is_curator());
}

#[test]
fn an_error_stays_until_dismissed_or_the_screen_changes() {
    let s = State::default().next(Action::Failed("поле «ФИО» не заполнено".into()));
    assert_eq!(s.error.as_deref(), Some("поле «ФИО» не заполнено"));
    assert_eq!(s.next(Action::Changed).error, s.error, "a reload keeps it");
    assert_eq!(s.next(Action::Dismiss).error, None);
    assert_eq!(s.next(Action::Go(Screen::Base)).error, None);
}

fn view(id: &str) -> nastavnik_shared::app::PairView {
    use nastavnik_shared::report::{PairSummary, Share};
    use nastavnik_shared::vocab::{Form, Kind};
    let none = Share { part: 0, whole: 0 };
    let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default();
    nastavnik_shared::app::PairView {
        pair_id: id.into(),
        heads: vec![],
        closed: None,
        requests: vec![],
        former_members: vec![],
        summary: PairSummary {
            pair_id: id.into(),
            mentors: vec![],
            mentees: vec![],
            form: Form::TeacherTeacher,
            kind: Kind::Traditional,
            period_start: start,
            period_months: 9,
            plan: none,
            open_activities: vec![],
            meetings_by_type: vec![],
            meetings_confirmed: none,
            last_meeting: None,
            latest_meetings: vec![],
            score_change: None,
            satisfaction: None,
            surveys: 0,
            final_report_submitted: false,
            open_replacement_requests: 0,
            meeting_marks: vec![],
            entry_diagnostics: false,
            closed: false,
            open_conflicts: 0,
        },
        form: Form::TeacherTeacher,
        kind: Kind::Traditional,
        role_model: String::new(),
        members: vec![],
        programme: vec![],
        activities: vec![],
        meetings: vec![],
        status: None,
        criteria: vec![],
        stages: vec![],
        surveys: vec![],
        final_report: Default::default(),
    }
}

#[test]
fn a_late_answer_for_another_pair_is_ignored() {
    let s = State::default().next(Action::Go(Screen::Pair { id: "a".into(), tab: PairTab::Journal }));
    assert_eq!(
        s.next(Action::Pair(Box::new(view("b")))).pair,
        None,
        "the answer for a pair no longer on screen"
    );
    let loaded = s.next(Action::Pair(Box::new(view("a"))));
    assert_eq!(loaded.pair.as_ref().map(|p| p.pair_id.as_str()), Some("a"));
    // Another tab of the same pair keeps its data; another pair drops it.
    let tab = loaded.next(Action::Go(Screen::Pair { id: "a".into(), tab: PairTab::Programme }));
    assert!(tab.pair.is_some());
    assert!(loaded.next(Action::Go(Screen::Pair { id: "b".into(), tab: PairTab::Programme })).pair.is_none());
    assert_eq!(loaded.next(Action::Changed).revision, 1);
}
