//! The school overview: KPIs of the seeds, pairs by form and status, plan completion,
//! overdue activities and meetings, from the school document and the pairs' summaries.
//!
//! How the KPIs are counted (N = A / B × 100%):
//! * involved — a person is counted when they are a member of a pair that is working or
//!   completed; B is everyone of the category in the bank (target 70%, seed 003);
//! * young teachers — B: teachers under 35 (by birth year) with at most 3 years of teaching;
//!   A: those of them who are mentees of a working or completed pair (target 60%, seed 002).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use nastavnik_shared::report::{Kpi, KpiKind, OverdueActivity, PairRow, PairSummary, SchoolOverview, Share};
use nastavnik_shared::vocab::{Form, MemberRole, PairStatus, PersonCategory};

use super::schema::{PairEntry, Person, SchoolDoc};

fn counts(p: &PairEntry) -> bool {
    matches!(*p.status, PairStatus::Active | PairStatus::Completed)
}

/// Builds the overview as of `today`. `summaries` may miss pairs whose documents have not
/// reached this device yet; their rows say so.
pub fn overview<'a>(
    school: &SchoolDoc,
    summaries: impl IntoIterator<Item = &'a PairSummary>,
    today: NaiveDate,
) -> SchoolOverview {
    let by_id: HashMap<&str, &PairSummary> = summaries.into_iter().map(|s| (s.pair_id.as_str(), s)).collect();
    let mut involved: HashSet<&str> = HashSet::new();
    let mut mentees: HashSet<&str> = HashSet::new();
    for pair in school.pairs.iter().filter(|p| counts(p)) {
        for m in &pair.members {
            involved.insert(&m.person_id);
            if *m.role == MemberRole::Mentee {
                mentees.insert(&m.person_id);
            }
        }
    }
    let share = |filter: &dyn Fn(&Person) -> bool, counted: &HashSet<&str>| {
        let whole: Vec<&Person> = school.people.iter().filter(|p| filter(p)).collect();
        Share {
            part: whole.iter().filter(|p| counted.contains(p.id.as_str())).count() as u32,
            whole: whole.len() as u32,
        }
    };
    let teacher = |p: &Person| *p.category == PersonCategory::Teacher;
    let student = |p: &Person| *p.category == PersonCategory::Student;
    let young = |p: &Person| {
        teacher(p) && p.age(today).is_some_and(|a| a < 35) && p.teaching_years.is_some_and(|y| y <= 3)
    };
    let kpis = vec![
        Kpi { kind: KpiKind::TeachersInvolved, share: share(&teacher, &involved) },
        Kpi { kind: KpiKind::StudentsInvolved, share: share(&student, &involved) },
        Kpi { kind: KpiKind::YoungTeachersSupported, share: share(&young, &mentees) },
    ];

    let pairs_by_form = Form::ALL
        .iter()
        .map(|f| (*f, school.pairs.iter().filter(|p| *p.form == *f).count() as u32))
        .filter(|(_, n)| *n > 0)
        .collect();
    let pairs_by_status = PairStatus::ALL
        .iter()
        .map(|s| (*s, school.pairs.iter().filter(|p| *p.status == *s).count() as u32))
        .collect();

    let mut plan = Share { part: 0, whole: 0 };
    let mut overdue = Vec::new();
    let mut upcoming: Vec<(NaiveDate, String, String)> = Vec::new();
    let (mut meetings, mut months) = (0u32, 0f64);
    let mut rows = Vec::with_capacity(school.pairs.len());
    for pair in &school.pairs {
        let summary = by_id.get(pair.id.as_str()).copied();
        let title = summary.map(PairSummary::title).unwrap_or_else(|| title_from_index(school, pair));
        if let (Some(s), true) = (summary, counts(pair)) {
            plan.part += s.plan.part;
            plan.whole += s.plan.whole;
            let worked = months_worked(s, today);
            if worked > 0.0 {
                meetings += s.meetings();
                months += worked;
            }
        }
        if let (Some(s), PairStatus::Active) = (summary, *pair.status) {
            upcoming.extend(
                s.latest_meetings
                    .iter()
                    .filter(|(date, _)| *date >= today)
                    .map(|(date, topic)| (*date, title.clone(), topic.clone())),
            );
            overdue.extend(s.overdue(today).into_iter().map(|a| OverdueActivity {
                pair_id: pair.id.clone(),
                pair_title: title.clone(),
                title: a.title.clone(),
                deadline: a.deadline,
                days_overdue: (today - a.deadline).num_days(),
            }));
        }
        rows.push(PairRow {
            pair_id: pair.id.clone(),
            title,
            form: *pair.form,
            status: *pair.status,
            has_data: summary.is_some(),
            plan: summary.map_or(Share { part: 0, whole: 0 }, |s| s.plan),
            overdue: summary.map_or(0, |s| s.overdue(today).len() as u32),
            meetings: summary.map_or(0, PairSummary::meetings),
            // The latest meeting held by today (planned ones are not "last").
            last_meeting: summary.and_then(|s| {
                s.latest_meetings
                    .iter()
                    .map(|m| m.0)
                    .find(|d| *d <= today)
                    .or(s.last_meeting.filter(|d| *d <= today))
            }),
            score_change: summary.and_then(|s| s.score_change),
            satisfaction: summary.and_then(|s| s.satisfaction),
            last_synced: None,
            open_requests: summary.map_or(0, |s| s.open_replacement_requests),
            members: pair
                .members
                .iter()
                .map(|m| {
                    let name = school.person(&m.person_id).map_or(m.person_id.clone(), |p| p.name.clone());
                    (m.person_id.clone(), name, *m.role)
                })
                .collect(),
        });
    }
    overdue.sort_by(|a, b| b.days_overdue.cmp(&a.days_overdue).then(a.pair_title.cmp(&b.pair_title)));
    upcoming.sort();
    upcoming.truncate(10);
    SchoolOverview {
        school_name: school.school.name.clone(),
        as_of: today,
        kpis,
        pairs_by_form,
        pairs_by_status,
        plan,
        overdue,
        meetings_per_pair_month: (months > 0.0).then(|| f64::from(meetings) / months),
        pairs: rows,
        upcoming_meetings: upcoming,
        // The device's sync with the pairs is not in the documents: the node adds it (`attention::school`).
        attention: crate::attention::school(
            school,
            by_id.values().copied(),
            None,
            &school.attention_settings(),
            today,
        ),
        warnings: school.attention_settings(),
    }
}

/// Months of the programme elapsed by `today` (average month 30.44 days), within its period.
fn months_worked(s: &PairSummary, today: NaiveDate) -> f64 {
    let end = today.min(s.period_end());
    let days = (end - s.period_start).num_days() + 1;
    if days <= 0 { 0.0 } else { (days as f64 / 30.44).max(1.0) }
}

fn title_from_index(school: &SchoolDoc, pair: &PairEntry) -> String {
    let names = |role| school.member_names(pair, role).join(", ");
    format!("{} → {}", names(MemberRole::Mentor), names(MemberRole::Mentee))
}
