//! The bank of people: persons, consents, mentors' questionnaires, mentees' requests.

use chrono::{Datelike, NaiveDate};
use nastavnik_shared::vocab::{ConsentGiver, Form, PersonCategory};

use super::schema::{Consent, MenteeRequest, MentorProfile, Person, SchoolDoc};
use crate::error::DomainError;
use crate::{check, keyed};

/// A person's card as a form fills it.
#[derive(Debug, Clone)]
pub struct PersonInput {
    /// ФИО (required).
    pub name: String,
    /// Category.
    pub category: PersonCategory,
    /// Subject or class.
    pub subject_or_class: String,
    /// Year of birth.
    pub birth_year: Option<u16>,
    /// Years of teaching (teachers only).
    pub teaching_years: Option<u8>,
}

/// A mentor's questionnaire as a form fills it.
#[derive(Debug, Clone)]
pub struct MentorProfileInput {
    /// Competencies.
    pub competencies: Vec<String>,
    /// Mentees at once, 1–10.
    pub capacity: u8,
    /// Forms the mentor is ready for.
    pub forms: Vec<Form>,
}

impl Person {
    /// Age reached in `today`'s year (only the birth year is kept).
    pub fn age(&self, today: NaiveDate) -> Option<i32> {
        self.birth_year.map(|y| today.year() - i32::from(y))
    }

    /// Whether the person is a minor: by birth year if known, else every student is.
    pub fn is_minor(&self, today: NaiveDate) -> bool {
        match self.age(today) {
            Some(age) => age < 18,
            None => *self.category == PersonCategory::Student,
        }
    }

    /// Whether a valid consent is on file: a parent's for a minor, the person's own otherwise.
    pub fn has_consent(&self, today: NaiveDate) -> bool {
        let needed = if self.is_minor(today) { ConsentGiver::Parent } else { ConsentGiver::Participant };
        self.consents.iter().any(|c| *c.giver == needed && c.withdrawn_on.is_none() && *c.signed_on <= today)
    }
}

impl SchoolDoc {
    fn checked_person(id: String, input: PersonInput, today: NaiveDate) -> Result<Person, DomainError> {
        if let Some(y) = input.birth_year {
            check::range(
                "Год рождения",
                i64::from(y),
                i64::from(today.year() - 100),
                i64::from(today.year() - 5),
            )?;
        }
        if input.teaching_years.is_some() && input.category != PersonCategory::Teacher {
            return Err(DomainError::Conflict("педагогический стаж указывается только у педагогов".into()));
        }
        if let Some(t) = input.teaching_years {
            check::range("Педагогический стаж", i64::from(t), 0, 60)?;
        }
        Ok(Person {
            id,
            name: check::required("ФИО", &input.name, check::SHORT)?,
            category: input.category.into(),
            subject_or_class: check::optional("Предмет или класс", &input.subject_or_class, check::SHORT)?,
            birth_year: input.birth_year,
            teaching_years: input.teaching_years,
            consents: Vec::new(),
        })
    }

    /// Adds a person to the bank.
    pub fn add_person(&mut self, id: &str, input: PersonInput, today: NaiveDate) -> Result<(), DomainError> {
        let id = keyed::new_id(&self.people, id)?;
        let person = Self::checked_person(id, input, today)?;
        self.people.push(person);
        Ok(())
    }

    /// Edits a person's card (consents are kept).
    pub fn edit_person(&mut self, id: &str, input: PersonInput, today: NaiveDate) -> Result<(), DomainError> {
        let fresh = Self::checked_person(id.into(), input, today)?;
        let p = keyed::get_mut(&mut self.people, id)?;
        p.name = fresh.name;
        p.category = fresh.category;
        p.subject_or_class = fresh.subject_or_class;
        p.birth_year = fresh.birth_year;
        p.teaching_years = fresh.teaching_years;
        Ok(())
    }

    /// Removes a person who is in no pair (their consents go with them).
    pub fn remove_person(&mut self, id: &str) -> Result<(), DomainError> {
        let name = self.person(id)?.name.clone();
        if self.pairs.iter().any(|p| p.members.iter().any(|m| m.person_id == id)) {
            return Err(DomainError::Conflict(format!(
                "{name} состоит в наставнической паре: сначала завершите или расформируйте её"
            )));
        }
        self.people.retain(|p| p.id != id);
        self.mentor_profiles.retain(|p| p.person_id != id);
        self.mentee_requests.retain(|r| r.person_id != id);
        Ok(())
    }

    /// A person by id.
    pub fn person(&self, id: &str) -> Result<&Person, DomainError> {
        keyed::get(&self.people, id)
    }

    /// Records a signed consent. For a minor, only a parent's (legal representative's) counts.
    pub fn record_consent(
        &mut self,
        person_id: &str,
        consent_id: &str,
        giver: ConsentGiver,
        giver_name: &str,
        signed_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let consent_id = check::id("согласие", consent_id)?;
        let giver_name = check::required("Кто подписал согласие", giver_name, check::SHORT)?;
        check::not_after("Дата согласия", signed_on, today, "ещё не наступила")?;
        let person = keyed::get_mut(&mut self.people, person_id)?;
        if person.is_minor(today) && giver == ConsentGiver::Participant {
            return Err(DomainError::Conflict(format!(
                "{} — несовершеннолетний: согласие даёт родитель (законный представитель)",
                person.name
            )));
        }
        person.consents.push(Consent {
            id: consent_id,
            giver: giver.into(),
            giver_name,
            signed_on: signed_on.into(),
            withdrawn_on: None,
        });
        Ok(())
    }

    /// Records that a consent was withdrawn.
    pub fn withdraw_consent(
        &mut self,
        person_id: &str,
        consent_id: &str,
        on: NaiveDate,
    ) -> Result<(), DomainError> {
        let person = keyed::get_mut(&mut self.people, person_id)?;
        keyed::get_mut(&mut person.consents, consent_id)?.withdrawn_on = Some(on.into());
        Ok(())
    }

    /// Sets a mentor's questionnaire.
    pub fn set_mentor_profile(
        &mut self,
        person_id: &str,
        input: MentorProfileInput,
    ) -> Result<(), DomainError> {
        self.person(person_id)?;
        check::range("Сколько наставляемых может вести", i64::from(input.capacity), 1, 10)?;
        let competencies = input
            .competencies
            .iter()
            .map(|c| check::required("Компетенция", c, check::SHORT))
            .collect::<Result<Vec<_>, _>>()?;
        let profile = MentorProfile {
            person_id: person_id.into(),
            competencies,
            capacity: input.capacity,
            forms: input.forms.into_iter().map(Into::into).collect(),
        };
        match self.mentor_profiles.iter_mut().find(|p| p.person_id == person_id) {
            Some(existing) => *existing = profile,
            None => self.mentor_profiles.push(profile),
        }
        Ok(())
    }

    /// Records a mentee's request.
    pub fn add_mentee_request(
        &mut self,
        id: &str,
        person_id: &str,
        text: &str,
        on: NaiveDate,
    ) -> Result<(), DomainError> {
        self.person(person_id)?;
        self.mentee_requests.push(MenteeRequest {
            id: check::id("запрос", id)?,
            person_id: person_id.into(),
            text: check::required("Запрос", text, check::LONG)?,
            recorded_on: on.into(),
        });
        Ok(())
    }
}
