//! Import of the bases (база наставников / база наставляемых) from the `.xlsx` or `.csv`
//! tables schools keep today.
//!
//! It is two steps, so the curator sees what will happen before anything does:
//! 1. [`preview`] reads the file and tries every row on a copy of the school with the same
//!    operations a form uses: rows ready to import, rows skipped (the person is already in
//!    the bank), and per-row errors in Russian (row number as in the spreadsheet).
//! 2. [`apply`] imports the ready rows in one change — and only if no row has an error:
//!    a file is imported whole or not at all, and cancelling after the preview changes nothing.

mod columns;
pub mod table;

use chrono::NaiveDate;
use nastavnik_core::error::DomainError;
use nastavnik_core::school::{MentorProfileInput, PersonInput, SchoolDoc};
use nastavnik_shared::vocab::{ConsentGiver, Form};

use crate::PaperworkError;
use columns::{Columns, normalize};

/// Which base a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// База наставников: each row gets a mentor's questionnaire.
    Mentors,
    /// База наставляемых: each row's requests are recorded.
    Mentees,
}

/// A row read from the file, ready to import.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Its row number in the spreadsheet (from 1).
    pub line: usize,
    /// The person's card.
    pub person: PersonInput,
    /// Competencies (mentors).
    pub competencies: Vec<String>,
    /// How many mentees at once (mentors; 1 when the file does not say).
    pub capacity: u8,
    /// Forms the mentor is ready for.
    pub forms: Vec<Form>,
    /// Requests (mentees).
    pub requests: Vec<String>,
    /// A signed consent, if the file records one.
    pub consent: Option<ConsentDraft>,
}

/// A consent as the file records it.
#[derive(Debug, Clone)]
pub struct ConsentDraft {
    /// The person or a parent.
    pub giver: ConsentGiver,
    /// Who signed.
    pub giver_name: String,
    /// When (today when the file gives no date).
    pub signed_on: NaiveDate,
}

/// A row that will not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNote {
    /// Row number in the spreadsheet.
    pub line: usize,
    /// The name in the row (may be empty).
    pub name: String,
    /// Why, in Russian.
    pub message: String,
}

/// What an import would do.
#[derive(Debug, Clone)]
pub struct Preview {
    /// Which base.
    pub base: Base,
    /// Rows that would be imported.
    pub ready: Vec<Draft>,
    /// People already in the bank (not imported again).
    pub skipped: Vec<RowNote>,
    /// Rows with errors: while there is one, nothing is imported.
    pub errors: Vec<RowNote>,
    /// Columns that were not understood and are left out.
    pub ignored_columns: Vec<String>,
}

/// Reads `bytes` (a file named `file_name`) and checks every row against `school`.
pub fn preview(
    base: Base,
    file_name: &str,
    bytes: &[u8],
    school: &SchoolDoc,
    today: NaiveDate,
) -> Result<Preview, PaperworkError> {
    let rows = table::read(file_name, bytes)?;
    let columns = Columns::find(&rows)?;
    let mut p = Preview {
        base,
        ready: Vec::new(),
        skipped: Vec::new(),
        errors: Vec::new(),
        ignored_columns: columns.ignored.clone(),
    };
    let known: std::collections::HashSet<String> = school.people.iter().map(|x| normalize(&x.name)).collect();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut trial = school.clone();
    for (i, row) in rows.iter().enumerate().skip(columns.header_row + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = i + 1;
        let note = |name: &str, message: String| RowNote { line, name: name.to_string(), message };
        let draft = match columns.draft(base, line, row, today) {
            Ok(d) => d,
            Err(errors) => {
                let name = row.iter().find(|c| !c.is_empty()).cloned().unwrap_or_default();
                p.errors.push(note(&name, errors.join("; ")));
                continue;
            }
        };
        let key = normalize(&draft.person.name);
        if let Some(first) = seen.insert(key.clone(), line) {
            p.errors.push(note(&draft.person.name, format!("повторяет строку {first}")));
            continue;
        }
        if known.contains(&key) {
            p.skipped.push(note(&draft.person.name, "уже есть в базе".into()));
            continue;
        }
        let mut id = format!("preview-{line}");
        while trial.person(&id).is_ok() {
            id.push('x');
        }
        match import_row(&mut trial, base, &draft, &id, today) {
            Ok(()) => p.ready.push(draft),
            Err(e) => {
                trial.remove_person(&id).ok();
                p.errors.push(note(&draft.person.name, e.to_string()));
            }
        }
    }
    Ok(p)
}

fn import_row(
    school: &mut SchoolDoc,
    base: Base,
    d: &Draft,
    id: &str,
    today: NaiveDate,
) -> Result<(), DomainError> {
    school.add_person(id, d.person.clone(), today)?;
    if let Some(c) = &d.consent {
        school.record_consent(id, &format!("{id}-consent"), c.giver, &c.giver_name, c.signed_on, today)?;
    }
    match base {
        Base::Mentors => school.set_mentor_profile(
            id,
            MentorProfileInput {
                competencies: d.competencies.clone(),
                capacity: d.capacity,
                forms: d.forms.clone(),
            },
        ),
        Base::Mentees => d
            .requests
            .iter()
            .enumerate()
            .try_for_each(|(n, text)| school.add_mentee_request(&format!("{id}-r{n}"), id, text, today)),
    }
}

/// Imports a previewed file into `school`, one fresh id per person from `new_id`; refuses
/// (changing nothing) while the preview has errors. Returns how many people were added.
pub fn apply(
    school: &mut SchoolDoc,
    preview: &Preview,
    new_id: &mut dyn FnMut() -> String,
    today: NaiveDate,
) -> Result<usize, DomainError> {
    if let Some(first) = preview.errors.first() {
        return Err(DomainError::Conflict(format!(
            "в файле {} с ошибками (первая — строка {}: {}); ничего не импортировано",
            nastavnik_shared::ru::count(preview.errors.len() as u64, ["строка", "строки", "строк"]),
            first.line,
            first.message
        )));
    }
    for draft in &preview.ready {
        import_row(school, preview.base, draft, &new_id(), today)?;
    }
    Ok(preview.ready.len())
}
