//! Forming pairs and groups, fixing them by the head's order, and their status.

use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_shared::vocab::{Form, Kind, MemberRole, PairStatus};

use super::schema::{PairEntry, PairMember, SchoolDoc};
use crate::error::DomainError;
use crate::pair::{HeaderInput, NewMember, NewPair, PairDoc};
use crate::{check, keyed};

/// What the curator chooses to form a pair or group.
#[derive(Debug, Clone)]
pub struct PairInput {
    /// Id of the new pair.
    pub id: String,
    /// Mentors and mentees, by person id.
    pub members: Vec<(String, MemberRole)>,
    /// Form.
    pub form: Form,
    /// Kind.
    pub kind: Kind,
    /// Role model.
    pub role_model: String,
    /// First day.
    pub period_start: NaiveDate,
    /// Months, 3–12.
    pub period_months: u32,
}

impl SchoolDoc {
    /// How many mentees a mentor has in pairs that are forming or working.
    pub fn mentor_load(&self, person_id: &str) -> usize {
        self.pairs
            .iter()
            .filter(|p| matches!(*p.status, PairStatus::Forming | PairStatus::Active))
            .filter(|p| p.members.iter().any(|m| m.person_id == person_id && *m.role == MemberRole::Mentor))
            .map(|p| p.members.iter().filter(|m| *m.role == MemberRole::Mentee).count())
            .sum()
    }

    /// Forms a pair or group (status "forming") and returns the first state of its document.
    /// The caller creates the pair's automerge document from it, on this device only.
    pub fn form_pair(&mut self, input: PairInput, now: DateTime<Utc>) -> Result<PairDoc, DomainError> {
        let id = keyed::new_id(&self.pairs, &input.id)?;
        let mut members = Vec::new();
        for (person_id, role) in &input.members {
            let person = self.person(person_id)?;
            members.push(NewMember { person_id: person.id.clone(), name: person.name.clone(), role: *role });
        }
        let new_mentees = members.iter().filter(|m| m.role == MemberRole::Mentee).count();
        for mentor in members.iter().filter(|m| m.role == MemberRole::Mentor) {
            if let Some(profile) = self.mentor_profiles.iter().find(|p| p.person_id == mentor.person_id) {
                let load = self.mentor_load(&mentor.person_id);
                if load + new_mentees > usize::from(profile.capacity) {
                    return Err(DomainError::Conflict(format!(
                        "{} может вести не больше {} наставляемых, уже ведёт {}",
                        mentor.name, profile.capacity, load
                    )));
                }
            }
        }
        // The pair document's own checks (roles, period, names) run before the index changes.
        let pair_doc = PairDoc::new(
            NewPair {
                pair_id: id.clone(),
                school_name: self.school.name.clone(),
                form: input.form,
                kind: input.kind,
                role_model: input.role_model,
                period_start: input.period_start,
                period_months: input.period_months,
                members,
            },
            now,
        )?;
        self.pairs.push(PairEntry {
            id,
            members: input
                .members
                .iter()
                .map(|(person_id, role)| PairMember { person_id: person_id.clone(), role: (*role).into() })
                .collect(),
            form: input.form.into(),
            kind: input.kind.into(),
            role_model: pair_doc.header.role_model.clone(),
            period_start: pair_doc.header.period_start,
            period_months: pair_doc.header.period_months,
            order_number: String::new(),
            order_date: None,
            status: PairStatus::Forming.into(),
            doc_id: String::new(),
        });
        Ok(pair_doc)
    }

    /// The pairs whose documents exist (the node records a document id once it creates one).
    pub fn pairs_with_docs(&self) -> impl Iterator<Item = &PairEntry> {
        self.pairs.iter().filter(|p| !p.doc_id.is_empty())
    }

    /// Names of a pair's members with a role, from the bank (the id if the person is gone).
    pub fn member_names<'a>(&'a self, pair: &'a PairEntry, role: MemberRole) -> Vec<&'a str> {
        pair.members
            .iter()
            .filter(|m| *m.role == role)
            .map(|m| self.person(&m.person_id).map_or(m.person_id.as_str(), |p| p.name.as_str()))
            .collect()
    }

    /// A pair in the index.
    pub fn pair(&self, id: &str) -> Result<&PairEntry, DomainError> {
        keyed::get(&self.pairs, id)
    }

    /// Changes a pair's form, kind, role model or period in the index; the curator makes the
    /// same change in the pair's document with [`crate::pair::PairDoc::edit_header`].
    pub fn edit_pair(&mut self, id: &str, input: &HeaderInput) -> Result<(), DomainError> {
        let (role_model, months) = input.checked()?;
        let pair = keyed::get_mut(&mut self.pairs, id)?;
        pair.form = input.form.into();
        pair.kind = input.kind.into();
        pair.role_model = role_model;
        pair.period_start = input.period_start.into();
        pair.period_months = months;
        Ok(())
    }

    /// Replaces a mentor of a pair in the index (the pair's document records the same with
    /// [`crate::pair::PairDoc::replace_mentor`]); returns the new mentor's name as the bank has it.
    pub fn replace_pair_mentor(&mut self, id: &str, old: &str, new: &str) -> Result<String, DomainError> {
        let name = self.person(new)?.name.clone();
        let pair = keyed::get_mut(&mut self.pairs, id)?;
        if pair.members.iter().any(|m| m.person_id == new) {
            return Err(DomainError::Conflict(format!("{name} уже участник этой пары")));
        }
        let mentor = pair
            .members
            .iter_mut()
            .find(|m| m.person_id == old && *m.role == MemberRole::Mentor)
            .ok_or_else(|| DomainError::NotFound { what: "наставник пары", id: old.into() })?;
        mentor.person_id = new.into();
        Ok(name)
    }

    /// Records where the pair's document lives in the sync repository.
    pub fn set_pair_doc(&mut self, id: &str, doc_id: &str) -> Result<(), DomainError> {
        let doc_id = check::required("Идентификатор документа пары", doc_id, 100)?;
        keyed::get_mut(&mut self.pairs, id)?.doc_id = doc_id;
        Ok(())
    }

    /// Records the head's order «О закреплении наставнических пар» for a pair.
    pub fn set_pair_order(
        &mut self,
        id: &str,
        number: &str,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let number = check::required("Номер приказа", number, 50)?;
        check::not_after("Дата приказа", date, today, "ещё не наступила")?;
        let pair = keyed::get_mut(&mut self.pairs, id)?;
        pair.order_number = number;
        pair.order_date = Some(date.into());
        Ok(())
    }

    /// Fixes pairs by the head's order «О закреплении наставнических пар» and returns their ids.
    /// The pairs are the ones named; if none are named, the ones this order already fixes
    /// (printing it again); if there are none, every forming or working pair not yet fixed
    /// by an order — what a curator means by "the order for the new pairs".
    pub fn fix_pairs_by_order(
        &mut self,
        number: &str,
        date: NaiveDate,
        named: &[String],
        today: NaiveDate,
    ) -> Result<Vec<String>, DomainError> {
        let number = check::required("Номер приказа", number, 50)?;
        let issued = self.pairs.iter().filter(|p| p.order_number == number).find_map(|p| p.order_date);
        if let Some(issued) = issued.filter(|d| **d != date) {
            return Err(DomainError::Conflict(format!(
                "приказ № {number} уже издан {}: укажите эту дату или другой номер",
                issued.format("%d.%m.%Y")
            )));
        }
        let mut ids: Vec<String> = named.to_vec();
        if ids.is_empty() {
            ids = self.pairs.iter().filter(|p| p.order_number == number).map(|p| p.id.clone()).collect();
        }
        if ids.is_empty() {
            ids = self
                .pairs
                .iter()
                .filter(|p| matches!(*p.status, PairStatus::Forming | PairStatus::Active))
                .filter(|p| p.order_number.is_empty())
                .map(|p| p.id.clone())
                .collect();
        }
        if ids.is_empty() {
            return Err(DomainError::Conflict(
                "нет пар для приказа: все формируемые и работающие пары уже закреплены приказами".into(),
            ));
        }
        for id in &ids {
            self.set_pair_order(id, &number, date, today)?;
        }
        Ok(ids)
    }

    /// Changes a pair's status. A pair starts working only when every member's consent to
    /// personal-data processing is on file (a parent's for a minor).
    pub fn set_pair_status(
        &mut self,
        id: &str,
        status: PairStatus,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        let pair = self.pair(id)?;
        let from = *pair.status;
        let allowed = match (from, status) {
            (a, b) if a == b => true,
            (PairStatus::Forming, PairStatus::Active | PairStatus::Dissolved) => true,
            (PairStatus::Active, PairStatus::Completed | PairStatus::Dissolved) => true,
            _ => false,
        };
        if !allowed {
            return Err(DomainError::Conflict(format!(
                "пару со статусом «{from}» нельзя перевести в «{status}»"
            )));
        }
        if status == PairStatus::Active {
            let missing: Vec<&str> = pair
                .members
                .iter()
                .filter_map(|m| self.person(&m.person_id).ok())
                .filter(|p| !p.has_consent(today))
                .map(|p| p.name.as_str())
                .collect();
            if !missing.is_empty() {
                return Err(DomainError::Conflict(format!(
                    "нет согласия на обработку персональных данных: {}",
                    missing.join(", ")
                )));
            }
        }
        keyed::get_mut(&mut self.pairs, id)?.status = status.into();
        Ok(())
    }
}

impl PairEntry {
    /// The programme's last day.
    pub fn period_end(&self) -> NaiveDate {
        nastavnik_shared::report::period_end(*self.period_start, self.period_months)
    }
}
