//! The bank as the База screen and `person list --json` show it ([`PersonRow`]).

use chrono::NaiveDate;
use nastavnik_shared::app::{ConsentView, PersonRow};
use nastavnik_shared::vocab::MemberRole;

use super::SchoolDoc;

impl SchoolDoc {
    /// Every person of the bank with their consents, questionnaire and requests; `today`
    /// decides whether a consent is valid and who is a minor.
    pub fn person_rows(&self, today: NaiveDate) -> Vec<PersonRow> {
        let in_role = |id: &str, role: MemberRole| {
            self.pairs.iter().any(|p| p.members.iter().any(|m| m.person_id == id && *m.role == role))
        };
        self.people
            .iter()
            .map(|p| {
                let profile = self.mentor_profiles.iter().find(|m| m.person_id == p.id);
                let requests: Vec<String> = self
                    .mentee_requests
                    .iter()
                    .filter(|r| r.person_id == p.id)
                    .map(|r| r.text.clone())
                    .collect();
                PersonRow {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    category: *p.category,
                    subject_or_class: p.subject_or_class.clone(),
                    birth_year: p.birth_year,
                    teaching_years: p.teaching_years,
                    consent: p.has_consent(today),
                    minor: p.is_minor(today),
                    competencies: profile.map(|m| m.competencies.clone()).unwrap_or_default(),
                    capacity: profile.map(|m| m.capacity),
                    forms: profile.map(|m| m.forms.iter().map(|f| **f).collect()).unwrap_or_default(),
                    mentor: profile.is_some() || in_role(&p.id, MemberRole::Mentor),
                    mentee: !requests.is_empty() || in_role(&p.id, MemberRole::Mentee),
                    requests,
                    consents: p
                        .consents
                        .iter()
                        .map(|c| ConsentView {
                            id: c.id.clone(),
                            giver: c.giver.label().to_string(),
                            giver_name: c.giver_name.clone(),
                            signed_on: *c.signed_on,
                            withdrawn_on: c.withdrawn_on.map(|d| *d),
                        })
                        .collect(),
                }
            })
            .collect()
    }
}
