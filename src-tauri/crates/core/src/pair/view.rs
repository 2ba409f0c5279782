//! The pair's document as the app's pair screens show it ([`PairView`]).

use nastavnik_shared::Code;
use nastavnik_shared::app::{
    ActivityView, ClosedView, FinalReportView, MeetingView, PairView, RequestView, StageView,
};
use nastavnik_shared::vocab::{MemberRole, MonitoringStage, PairStatus, Rater};

use super::schema::PairDoc;

impl PairDoc {
    /// The screens' view; `status` is the pair's status in the school's index, if known.
    pub fn view(&self, status: Option<PairStatus>) -> PairView {
        let mut activities: Vec<ActivityView> = self
            .activities
            .iter()
            .map(|a| ActivityView {
                id: a.id.clone(),
                title: a.title.clone(),
                deadline: *a.deadline,
                responsible: a.responsible.clone(),
                status: *a.status,
                completed_on: a.completed_on.map(|d| *d),
                mentor_activity: a.mentor_activity.clone(),
                expected_result: a.expected_result.clone(),
                completion_note: a.completion_note.clone(),
            })
            .collect();
        activities.sort_by(|a, b| a.deadline.cmp(&b.deadline).then_with(|| a.id.cmp(&b.id)));
        let mut meetings: Vec<MeetingView> = self
            .meetings
            .iter()
            .map(|m| MeetingView {
                id: m.id.clone(),
                meeting_type: *m.meeting_type,
                date: *m.date,
                format: *m.format,
                topic: m.topic.clone(),
                notes: m.notes.as_str().to_string(),
                agreed_tasks: m.agreed_tasks.as_str().to_string(),
                reflection: m.reflection.as_str().to_string(),
                confirmed_by_mentor: self.confirmed_by(m, MemberRole::Mentor),
                confirmed_by_mentee: self.confirmed_by(m, MemberRole::Mentee),
            })
            .collect();
        meetings.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        PairView {
            pair_id: self.pair_id.clone(),
            heads: Vec::new(),
            summary: self.summary(),
            form: *self.header.form,
            kind: *self.header.kind,
            role_model: self.header.role_model.clone(),
            members: self.members.iter().map(|m| (m.person_id.clone(), m.name.clone(), *m.role)).collect(),
            programme: self.entries(),
            activities,
            meetings,
            status,
            criteria: self.monitoring.criteria.iter().map(|c| (c.id.clone(), c.title.clone())).collect(),
            stages: MonitoringStage::ALL.iter().map(|&stage| self.stage_view(stage)).collect(),
            surveys: self
                .surveys
                .iter()
                .map(|v| (self.name_of(&v.respondent), *v.date, v.score, v.comment.clone()))
                .collect(),
            final_report: FinalReportView {
                results: self.final_report.results.as_str().to_string(),
                conclusions: self.final_report.conclusions.as_str().to_string(),
                proposals: self.final_report.proposals.as_str().to_string(),
                submitted_on: self.final_report.submitted_on.map(|d| *d),
            },
            requests: self
                .replacement_requests
                .iter()
                .map(|r| RequestView {
                    id: r.id.clone(),
                    mentee_id: r.mentee.clone(),
                    mentee: self.name_of(&r.mentee),
                    reason: r.reason.clone(),
                    date: *r.date,
                    resolution: r.resolution.clone(),
                })
                .collect(),
            former_members: self.former_members.iter().map(|m| m.name.clone()).collect(),
            closed: self.closure.as_ref().map(|c| ClosedView {
                status: *c.status,
                reason: c.reason.clone(),
                on: *c.on,
            }),
        }
    }

    fn name_of(&self, person: &str) -> String {
        self.members
            .iter()
            .chain(&self.former_members)
            .find(|m| m.person_id == person)
            .map_or(person.to_string(), |m| m.name.clone())
    }

    fn stage_view(&self, stage: MonitoringStage) -> StageView {
        let scores = self.monitoring.stage(stage);
        let recorded = scores
            .recorded_on
            .iter()
            .map(|(key, day)| {
                let (mentee, rater) = key.split_once('|').unwrap_or((key, ""));
                let rater = Rater::from_code(rater).map_or("оценка", |r| r.label());
                format!("{} — {rater}, {}", self.name_of(mentee), day.format("%d.%m.%Y"))
            })
            .collect();
        StageView { stage, average: self.average_score(stage), recorded }
    }
}
