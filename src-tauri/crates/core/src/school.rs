//! The curator's school document: the school, the bank of people, pairs index and roadmap.
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use nastavnik_core::school::{NewSchool, PersonInput, SchoolDoc};
//! use nastavnik_shared::vocab::PersonCategory;
//!
//! let now = Utc.with_ymd_and_hms(2026, 9, 1, 9, 0, 0).unwrap();
//! let mut school = SchoolDoc::new(NewSchool {
//!     id: "school-1".into(),
//!     name: "МБОУ «Лузинская СОШ №1»".into(),
//!     head_name: "Задворнова Е. Ф.".into(),
//!     curator_name: "Нестеренко О. И.".into(),
//!     year_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
//! }, now).unwrap();
//! assert_eq!(school.roadmap.iter().filter(|i| i.stage.number() == 1).count(), 4);
//! school.add_person("p-1", PersonInput {
//!     name: "Петрова Анна Ивановна".into(),
//!     category: PersonCategory::Teacher,
//!     subject_or_class: "математика".into(),
//!     birth_year: Some(1979),
//!     teaching_years: Some(22),
//! }, now.date_naive()).unwrap();
//! ```

mod matching;
mod overview;
mod pairs;
mod patch;
mod people;
mod roadmap;
mod rows;
mod schema;
mod warnings;

pub use matching::Suggestion;
pub use overview::overview;
pub use pairs::PairInput;
pub use people::{MentorProfileInput, PersonInput};
pub use roadmap::seed_roadmap;
pub use schema::{
    Consent, MenteeRequest, MentorProfile, PairEntry, PairMember, Person, RoadmapItem, School, SchoolDoc,
    Warnings,
};

use chrono::{DateTime, NaiveDate, Utc};

use crate::check;
use crate::document::Schema;
use crate::error::DomainError;

/// What the curator fills in to create the school.
#[derive(Debug, Clone)]
pub struct NewSchool {
    /// Id of the school.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Head of the school.
    pub head_name: String,
    /// The curator.
    pub curator_name: String,
    /// First day of the school year the roadmap is laid over.
    pub year_start: NaiveDate,
}

impl SchoolDoc {
    /// Builds the first state of the school's document, with the roadmap of the seeds laid
    /// over the school year.
    pub fn new(new: NewSchool, now: DateTime<Utc>) -> Result<SchoolDoc, DomainError> {
        Ok(SchoolDoc {
            doc_type: Self::DOC_TYPE.into(),
            schema_version: Self::SCHEMA_VERSION,
            school: School {
                id: check::id("школа", &new.id)?,
                name: check::required("Наименование ОО", &new.name, check::SHORT)?,
                head_name: check::optional("Руководитель ОО", &new.head_name, check::SHORT)?,
                curator_name: check::optional("Куратор", &new.curator_name, check::SHORT)?,
                warnings: Warnings::default(),
            },
            people: Vec::new(),
            mentor_profiles: Vec::new(),
            mentee_requests: Vec::new(),
            pairs: Vec::new(),
            roadmap: seed_roadmap(new.year_start),
            created_at: now.into(),
        })
    }
}

impl Schema for SchoolDoc {
    const DOC_TYPE: &'static str = "nastavnik/school";
    const SCHEMA_VERSION: u64 = 1;
    const NAME_RU: &'static str = "документ школы";

    const KEEP_IN_MEMORY: bool = true;

    fn patch<D: autosurgeon::Doc>(
        &self,
        before: &Self,
        doc: &mut D,
    ) -> Result<(), autosurgeon::ReconcileError> {
        self.patch_into(before, doc)
    }

    fn validate(&self) -> Result<(), DomainError> {
        check::required("Наименование ОО", &self.school.name, check::SHORT)?;
        warnings::checked(self.school.warnings)?;
        for p in &self.people {
            check::required("ФИО", &p.name, check::SHORT)?;
        }
        for pair in &self.pairs {
            check::months(u32::from(pair.period_months))?;
        }
        for item in &self.roadmap {
            check::required("Мероприятие дорожной карты", &item.title, check::LONG)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
