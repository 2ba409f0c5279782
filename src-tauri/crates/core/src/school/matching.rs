//! Matching suggestions: which mentors suit a mentee, and why — in words the curator can check.
//! The curator decides; this only ranks.
//!
//! Points: each request word echoed by the mentor's competencies (+3, up to four words), the same
//! subject (+3), readiness for the form (+2, or −2 if the mentor named other forms), free places
//! (+1; none free puts the mentor last), experience of five years or more (+1), a missing consent
//! (−1). Words are compared by their first five letters, a crude stem that lets «дисциплина»
//! meet «дисциплины».

use std::collections::BTreeSet;

use chrono::NaiveDate;
use nastavnik_shared::vocab::Form;
use serde::Serialize;

use super::schema::SchoolDoc;
use crate::error::DomainError;

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The mentor's person id.
    pub mentor_id: String,
    /// Their name.
    pub name: String,
    /// Points (higher is better).
    pub score: i32,
    /// Mentees they can still take.
    pub free_places: i64,
    /// Why, in Russian.
    pub reasons: Vec<String>,
}

fn stems(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.chars().take(5).collect())
        .collect()
}

impl SchoolDoc {
    /// Mentor candidates for `mentee_id` in `form`, best first.
    pub fn suggest_mentors(
        &self,
        mentee_id: &str,
        form: Form,
        today: NaiveDate,
    ) -> Result<Vec<Suggestion>, DomainError> {
        let mentee = self.person(mentee_id)?;
        let requests: Vec<&str> = self
            .mentee_requests
            .iter()
            .filter(|r| r.person_id == mentee_id)
            .map(|r| r.text.as_str())
            .collect();
        let wanted = stems(&requests.join(" "));
        let mut out = Vec::new();
        for profile in self.mentor_profiles.iter().filter(|p| p.person_id != mentee_id) {
            let Ok(mentor) = self.person(&profile.person_id) else { continue };
            let (mut score, mut reasons) = (0, Vec::new());
            let offered = stems(&profile.competencies.join(" "));
            let echoed: Vec<&String> = wanted.intersection(&offered).take(4).collect();
            if !echoed.is_empty() {
                score += 3 * echoed.len() as i32;
                let matched: Vec<&str> = profile
                    .competencies
                    .iter()
                    .filter(|c| stems(c).iter().any(|s| echoed.contains(&s)))
                    .map(String::as_str)
                    .collect();
                reasons.push(format!("компетенции отвечают запросу: {}", matched.join("; ")));
            }
            let subject = mentor.subject_or_class.trim().to_lowercase();
            if !subject.is_empty() && subject == mentee.subject_or_class.trim().to_lowercase() {
                score += 3;
                reasons.push(format!("тот же предмет: {}", mentor.subject_or_class));
            }
            if profile.forms.iter().any(|f| **f == form) {
                score += 2;
                reasons.push(format!("готов(а) работать в форме «{form}»"));
            } else if !profile.forms.is_empty() {
                score -= 2;
                reasons.push(format!("не указал(а) готовность к форме «{form}»"));
            }
            let load = self.mentor_load(&profile.person_id) as i64;
            let free = i64::from(profile.capacity) - load;
            if free > 0 {
                score += 1;
                reasons.push(format!("свободно мест: {free} из {}", profile.capacity));
            } else {
                score -= 100;
                reasons.push(format!("свободных мест нет (ведёт {load} из {})", profile.capacity));
            }
            if let Some(years) = mentor.teaching_years.filter(|y| *y >= 5) {
                score += 1;
                reasons.push(format!("педагогический стаж {years} лет"));
            }
            if !mentor.has_consent(today) {
                score -= 1;
                reasons.push("нет согласия на обработку персональных данных".into());
            }
            out.push(Suggestion {
                mentor_id: mentor.id.clone(),
                name: mentor.name.clone(),
                score,
                free_places: free,
                reasons,
            });
        }
        out.sort_by(|a, b| b.score.cmp(&a.score).then(a.name.cmp(&b.name)));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use nastavnik_shared::vocab::{ConsentGiver, Kind, MemberRole, PersonCategory};

    use super::*;
    use crate::school::{MentorProfileInput, NewSchool, PairInput, PersonInput};

    fn teacher(s: &mut SchoolDoc, id: &str, name: &str, subject: &str, years: u8, today: NaiveDate) {
        let input = PersonInput {
            name: name.into(),
            category: PersonCategory::Teacher,
            subject_or_class: subject.into(),
            birth_year: Some(1980),
            teaching_years: Some(years),
        };
        s.add_person(id, input, today).unwrap();
        s.record_consent(id, &format!("c-{id}"), ConsentGiver::Participant, name, today, today).unwrap();
    }

    #[test]
    fn a_clearly_better_mentor_comes_first_and_says_why() {
        let now = Utc.with_ymd_and_hms(2026, 9, 10, 9, 0, 0).unwrap();
        let today = now.date_naive();
        let new = NewSchool {
            id: "s".into(),
            name: "Школа".into(),
            head_name: String::new(),
            curator_name: String::new(),
            year_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        };
        let mut s = SchoolDoc::new(new, now).unwrap();
        teacher(&mut s, "young", "Смирнов И. О.", "математика", 1, today);
        teacher(&mut s, "best", "Петрова А. И.", "Математика", 22, today);
        teacher(&mut s, "other", "Кузнецова О. В.", "русский язык", 27, today);
        teacher(&mut s, "full", "Лебедева Н. Ю.", "математика", 15, today);
        teacher(&mut s, "busy-mentee", "Волкова Д. С.", "математика", 2, today);
        s.add_mentee_request(
            "r1",
            "young",
            "Трудности с дисциплиной на уроках, ведение электронного журнала",
            today,
        )
        .unwrap();
        let profile = |competencies: &[&str], capacity, forms: Vec<Form>| MentorProfileInput {
            competencies: competencies.iter().map(|c| c.to_string()).collect(),
            capacity,
            forms,
        };
        s.set_mentor_profile(
            "best",
            profile(&["удержание дисциплины в классе", "электронный журнал"], 2, vec![Form::TeacherTeacher]),
        )
        .unwrap();
        s.set_mentor_profile("other", profile(&["подготовка к ОГЭ"], 2, vec![Form::TeacherStudent])).unwrap();
        s.set_mentor_profile("full", profile(&["дисциплина"], 1, vec![Form::TeacherTeacher])).unwrap();
        let pair = PairInput {
            id: "p1".into(),
            members: vec![("full".into(), MemberRole::Mentor), ("busy-mentee".into(), MemberRole::Mentee)],
            form: Form::TeacherTeacher,
            kind: Kind::Traditional,
            role_model: String::new(),
            period_start: today,
            period_months: 9,
        };
        s.form_pair(pair, now).unwrap();

        let ranked = s.suggest_mentors("young", Form::TeacherTeacher, today).unwrap();
        let order: Vec<&str> = ranked.iter().map(|r| r.mentor_id.as_str()).collect();
        assert_eq!(order, ["best", "other", "full"]);
        let best = &ranked[0];
        assert!(
            best.reasons
                .iter()
                .any(|r| r.contains("компетенции отвечают запросу") && r.contains("дисциплины")),
            "{:?}",
            best.reasons
        );
        assert!(best.reasons.iter().any(|r| r == "тот же предмет: Математика"));
        assert!(best.reasons.iter().any(|r| r.contains("«педагог – педагог»")));
        assert_eq!(best.free_places, 2);
        assert!(ranked[1].reasons.iter().any(|r| r.starts_with("не указал(а) готовность")));
        assert!(ranked[2].reasons.iter().any(|r| r.starts_with("свободных мест нет (ведёт 1 из 1)")));
        assert!(s.suggest_mentors("nobody", Form::TeacherTeacher, today).is_err());
    }
}
