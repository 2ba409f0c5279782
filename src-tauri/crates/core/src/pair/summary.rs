//! The pair's summary: the small read model the curator's overview is built from.

use nastavnik_shared::report::{MeetingMark, OpenActivity, PairSummary, ScoreChange, Share};
use nastavnik_shared::vocab::{ActivityStatus, MeetingType, MemberRole, MonitoringStage};

use super::schema::PairDoc;

impl PairDoc {
    /// Computes the summary. It depends only on the document, never on the clock. Open conflicts
    /// are counted by [`summary_of`], which has the automerge document.
    pub fn summary(&self) -> PairSummary {
        let names = |role| self.members_with(role).map(|m| m.name.clone()).collect();
        let counted = self.activities.iter().filter(|a| *a.status != ActivityStatus::Cancelled);
        let done = counted.clone().filter(|a| *a.status == ActivityStatus::Done).count();
        let open_activities = self
            .activities
            .iter()
            .filter(|a| a.status.is_open())
            .map(|a| OpenActivity { id: a.id.clone(), title: a.title.clone(), deadline: *a.deadline })
            .collect();
        let meetings_by_type = MeetingType::ALL
            .iter()
            .map(|t| (*t, self.meetings.iter().filter(|m| *m.meeting_type == *t).count() as u32))
            .filter(|(_, n)| *n > 0)
            .collect();
        let confirmed = self
            .meetings
            .iter()
            .filter(|m| self.confirmed_by(m, MemberRole::Mentor) && self.confirmed_by(m, MemberRole::Mentee))
            .count();
        let score_change = self
            .average_score(MonitoringStage::Entry)
            .zip(self.average_score(MonitoringStage::Final))
            .map(|(entry, final_score)| ScoreChange { entry, final_score });
        let surveys = self.surveys.len() as u32;
        let satisfaction = (surveys > 0)
            .then(|| self.surveys.iter().map(|s| f64::from(s.score)).sum::<f64>() / f64::from(surveys));
        PairSummary {
            pair_id: self.pair_id.clone(),
            mentors: names(MemberRole::Mentor),
            mentees: names(MemberRole::Mentee),
            form: *self.header.form,
            kind: *self.header.kind,
            period_start: *self.header.period_start,
            period_months: self.header.period_months,
            plan: Share { part: done as u32, whole: counted.count() as u32 },
            open_activities,
            meetings_by_type,
            meetings_confirmed: Share { part: confirmed as u32, whole: self.meetings.len() as u32 },
            last_meeting: self.meetings.iter().map(|m| *m.date).max(),
            latest_meetings: {
                let mut dated: Vec<(chrono::NaiveDate, String)> =
                    self.meetings.iter().map(|m| (*m.date, m.topic.clone())).collect();
                dated.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                dated.truncate(5);
                dated
            },
            score_change,
            satisfaction,
            surveys,
            final_report_submitted: self.final_report.submitted_on.is_some(),
            open_replacement_requests: self
                .replacement_requests
                .iter()
                .filter(|r| r.resolution.is_none())
                .count() as u32,
            meeting_marks: {
                let mut marks: Vec<MeetingMark> = self
                    .meetings
                    .iter()
                    .map(|m| MeetingMark {
                        date: *m.date,
                        topic: m.topic.clone(),
                        by_mentor: self.confirmed_by(m, MemberRole::Mentor),
                        by_mentee: self.confirmed_by(m, MemberRole::Mentee),
                    })
                    .collect();
                marks.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.topic.cmp(&b.topic)));
                marks
            },
            entry_diagnostics: self.average_score(MonitoringStage::Entry).is_some(),
            closed: self.closure.is_some(),
            open_conflicts: 0,
        }
    }
}

/// The summary of the pair document `doc`, with its open conflicts counted (they are in the
/// automerge document, not in the typed value).
pub fn summary_of(doc: &automerge::Automerge) -> Result<PairSummary, crate::DocError> {
    let pair: PairDoc = crate::document::read(doc)?;
    Ok(PairSummary { open_conflicts: crate::conflicts::count(doc) as u32, ..pair.summary() })
}
