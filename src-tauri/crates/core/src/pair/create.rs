//! Creating a pair's document.

use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_shared::vocab::{Form, Kind, MemberRole};

use super::schema::{Criterion, FinalReport, Header, Member, Monitoring, PairDoc, Programme};
use crate::check;
use crate::document::Schema;
use crate::error::DomainError;

/// What the curator fills in to open a pair's document.
#[derive(Debug, Clone)]
pub struct NewPair {
    /// Id of the pair (shared with the school's index).
    pub pair_id: String,
    /// The school's name.
    pub school_name: String,
    /// Form.
    pub form: Form,
    /// Kind.
    pub kind: Kind,
    /// Role model (free text).
    pub role_model: String,
    /// First day.
    pub period_start: NaiveDate,
    /// Length in months (3–12).
    pub period_months: u32,
    /// Mentors and mentees.
    pub members: Vec<NewMember>,
}

/// A member of a new pair.
#[derive(Debug, Clone)]
pub struct NewMember {
    /// Person id in the school's bank.
    pub person_id: String,
    /// Name to show.
    pub name: String,
    /// Mentor or mentee.
    pub role: MemberRole,
}

/// The monitoring criteria a new pair starts with (the curator's pairs may edit them).
pub fn default_criteria() -> Vec<Criterion> {
    [
        "Планирование и проектирование урока",
        "Владение современными образовательными технологиями",
        "Ведение школьной документации",
        "Взаимодействие с обучающимися и родителями",
        "Уверенность в профессии, удовлетворённость работой",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| Criterion { id: format!("c{}", i + 1), title: (*t).to_string() })
    .collect()
}

impl PairDoc {
    /// Builds the first state of a pair's document, checking the input.
    pub fn new(new: NewPair, now: DateTime<Utc>) -> Result<PairDoc, DomainError> {
        let pair_id = check::id("пара", &new.pair_id)?;
        let school_name = check::required("Образовательная организация", &new.school_name, check::SHORT)?;
        let role_model = check::optional("Ролевая модель", &new.role_model, check::SHORT)?;
        let period_months = check::months(new.period_months)?;
        let mut members: Vec<Member> = Vec::new();
        for m in new.members {
            let person_id = check::id("участник", &m.person_id)?;
            if members.iter().any(|x| x.person_id == person_id) {
                return Err(DomainError::Duplicate { what: "участник", id: person_id });
            }
            members.push(Member {
                person_id,
                name: check::required("ФИО участника", &m.name, check::SHORT)?,
                role: m.role.into(),
            });
        }
        let count = |role| members.iter().filter(|m| *m.role == role).count();
        if count(MemberRole::Mentor) == 0 {
            return Err(DomainError::Conflict("в паре должен быть наставник".into()));
        }
        if count(MemberRole::Mentee) == 0 {
            return Err(DomainError::Conflict("в паре должен быть наставляемый".into()));
        }
        if new.kind == Kind::Group && count(MemberRole::Mentee) < 2 {
            return Err(DomainError::Conflict(
                "в групповом наставничестве не меньше двух наставляемых".into(),
            ));
        }
        Ok(PairDoc {
            doc_type: Self::DOC_TYPE.into(),
            schema_version: Self::SCHEMA_VERSION,
            pair_id,
            school_name,
            header: Header {
                form: new.form.into(),
                kind: new.kind.into(),
                role_model,
                period_start: new.period_start.into(),
                period_months,
            },
            members,
            programme: Programme::default(),
            activities: Vec::new(),
            meetings: Vec::new(),
            monitoring: Monitoring {
                criteria: default_criteria(),
                entry: Default::default(),
                intermediate: Default::default(),
                final_stage: Default::default(),
            },
            surveys: Vec::new(),
            final_report: FinalReport {
                results: Default::default(),
                conclusions: Default::default(),
                proposals: Default::default(),
                submitted_on: None,
            },
            replacement_requests: Vec::new(),
            created_at: now.into(),
            access: Vec::new(),
            closure: None,
            former_members: Vec::new(),
        })
    }
}
