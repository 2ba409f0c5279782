//! Finding the header row and what each column holds, and reading a row into a [`Draft`].
//! Headers are matched loosely (case, «ё», spaces and punctuation ignored; common wordings
//! accepted), so the tables schools keep today — and our own exports — are understood.

use chrono::{Datelike, NaiveDate};
use nastavnik_core::school::PersonInput;
use nastavnik_shared::Code;
use nastavnik_shared::vocab::{ConsentGiver, Form, PersonCategory};

use super::{Base, ConsentDraft, Draft};
use crate::PaperworkError;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Name,
    Category,
    SubjectOrClass,
    BirthYear,
    TeachingYears,
    Competencies,
    Capacity,
    Forms,
    Requests,
    Consent,
}

/// Lower case, «ё» as «е», letters and digits only.
pub(super) fn normalize(text: &str) -> String {
    text.to_lowercase().replace('ё', "е").chars().filter(|c| c.is_alphanumeric()).collect()
}

fn field_of(header: &str) -> Option<Field> {
    let h = normalize(header);
    let has = |s: &str| h.contains(s);
    Some(match () {
        _ if h.starts_with("фио") || has("фамилияимяотчество") => Field::Name,
        _ if h.starts_with("категор") => Field::Category,
        _ if has("предмет") || h == "класс" || h == "должность" => Field::SubjectOrClass,
        _ if has("годрожд") || has("датарожд") => Field::BirthYear,
        _ if has("стаж") => Field::TeachingYears,
        _ if h.starts_with("компетенц") => Field::Competencies,
        _ if has("можетвести") || has("нагрузк") || has("количествонаставляемых") => {
            Field::Capacity
        }
        _ if h.starts_with("форм") => Field::Forms,
        _ if h.starts_with("запрос") => Field::Requests,
        _ if h.starts_with("соглас") => Field::Consent,
        _ => return None,
    })
}

/// The header row and the meaning of each column.
pub(super) struct Columns {
    /// Index of the header row.
    pub header_row: usize,
    fields: Vec<(usize, Field)>,
    /// Headers not understood (their columns are not imported).
    pub ignored: Vec<String>,
}

impl Columns {
    /// The first of the top 15 rows with a «ФИО» column is the header row.
    pub fn find(rows: &[Vec<String>]) -> Result<Columns, PaperworkError> {
        let header_row = rows
            .iter()
            .take(15)
            .position(|r| r.iter().any(|c| field_of(c) == Some(Field::Name)))
            .ok_or_else(|| {
                PaperworkError("не найдена строка заголовков: в таблице нужен столбец «ФИО»".into())
            })?;
        let mut fields = Vec::new();
        let mut ignored = Vec::new();
        for (i, header) in rows[header_row].iter().enumerate() {
            match field_of(header) {
                Some(f) if !fields.iter().any(|(_, g)| *g == f) => fields.push((i, f)),
                _ if header.is_empty() || header == "№" || normalize(header) == "n" => {}
                _ => ignored.push(header.clone()),
            }
        }
        Ok(Columns { header_row, fields, ignored })
    }

    fn cell<'a>(&self, row: &'a [String], field: Field) -> &'a str {
        self.fields.iter().find(|(_, f)| *f == field).and_then(|(i, _)| row.get(*i)).map_or("", |s| s.trim())
    }

    /// Reads one data row (`line` = its number in the spreadsheet, from 1); the errors of
    /// every cell are returned together.
    pub fn draft(
        &self,
        base: Base,
        line: usize,
        row: &[String],
        today: NaiveDate,
    ) -> Result<Draft, Vec<String>> {
        let mut errors = Vec::new();
        let name = self.cell(row, Field::Name).split_whitespace().collect::<Vec<_>>().join(" ");
        let subject = self.cell(row, Field::SubjectOrClass).to_string();
        let category = keep(&mut errors, category(self.cell(row, Field::Category), base, &subject));
        let birth_year = keep(&mut errors, birth_year(self.cell(row, Field::BirthYear))).flatten();
        let teaching_years =
            keep(&mut errors, small_number("Педагогический стаж", self.cell(row, Field::TeachingYears)))
                .flatten();
        let capacity =
            keep(&mut errors, small_number("Может вести наставляемых", self.cell(row, Field::Capacity)))
                .flatten();
        let forms = keep(&mut errors, forms(self.cell(row, Field::Forms)));
        let consent = keep(&mut errors, consent(self.cell(row, Field::Consent), &name, today)).flatten();
        if name.is_empty() {
            errors.push("не указано ФИО".into());
        }
        let (Some(category), Some(forms), true) = (category, forms, errors.is_empty()) else {
            return Err(errors);
        };
        Ok(Draft {
            line,
            person: PersonInput { name, category, subject_or_class: subject, birth_year, teaching_years },
            competencies: split(self.cell(row, Field::Competencies), &[';', ',', '\n']),
            capacity: capacity.unwrap_or(1),
            forms,
            requests: split(self.cell(row, Field::Requests), &[';', '\n']),
            consent,
        })
    }
}

/// The value, or `None` with the error noted.
fn keep<T>(errors: &mut Vec<String>, r: Result<T, String>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

fn split(text: &str, by: &[char]) -> Vec<String> {
    text.split(by).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn category(text: &str, base: Base, subject: &str) -> Result<PersonCategory, String> {
    if text.is_empty() {
        // Mentees in a class ("7А", "10 Б") are students; everyone else a teacher.
        let class_like =
            subject.chars().next().is_some_and(|c| c.is_ascii_digit()) && subject.chars().count() <= 6;
        return Ok(if base == Base::Mentees && class_like {
            PersonCategory::Student
        } else {
            PersonCategory::Teacher
        });
    }
    let t = normalize(text);
    let synonyms = [
        ("учитель", PersonCategory::Teacher),
        ("ученик", PersonCategory::Student),
        ("учащийся", PersonCategory::Student),
    ];
    PersonCategory::ALL
        .iter()
        .find(|c| normalize(c.label()) == t || normalize(&c.code()) == t)
        .copied()
        .or_else(|| synonyms.iter().find(|(s, _)| *s == t).map(|(_, c)| *c))
        .ok_or_else(|| {
            let allowed: Vec<&str> = PersonCategory::ALL.iter().map(|c| c.label()).collect();
            format!("Категория: неизвестное значение «{text}»; допустимо: {}", allowed.join(", "))
        })
}

fn date(text: &str) -> Option<NaiveDate> {
    let token = text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')).find(|t| t.len() >= 8)?;
    NaiveDate::parse_from_str(token, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(token, "%Y-%m-%d"))
        .ok()
}

fn birth_year(text: &str) -> Result<Option<u16>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(y) = text.parse::<u16>() {
        return Ok(Some(y));
    }
    date(text)
        .and_then(|d| u16::try_from(d.year()).ok())
        .map(Some)
        .ok_or_else(|| format!("Год рождения: «{text}» — нужен год (2009) или дата (12.03.2009)"))
}

/// A whole number, perhaps followed by a word ("5 лет").
fn small_number(field: &str, text: &str) -> Result<Option<u8>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = text[digits.len()..].trim();
    match digits.parse::<u8>() {
        Ok(n) if rest.chars().all(char::is_alphabetic) => Ok(Some(n)),
        _ => Err(format!("{field}: «{text}» — нужно целое число")),
    }
}

fn forms(text: &str) -> Result<Vec<Form>, String> {
    split(text, &[';', ',', '\n'])
        .iter()
        .map(|f| {
            let t = normalize(f);
            Form::ALL
                .iter()
                .find(|x| normalize(x.label()) == t || normalize(&x.code()) == t)
                .copied()
                .ok_or_else(|| format!("Форма наставничества: неизвестное значение «{f}»"))
        })
        .collect()
}

/// «есть, 01.09.2026», «есть, 01.09.2026 (родитель: Иванова И. И.)», «да», «нет», empty.
fn consent(text: &str, name: &str, today: NaiveDate) -> Result<Option<ConsentDraft>, String> {
    let t = normalize(text);
    if t.is_empty() || t.starts_with("нет") {
        return Ok(None);
    }
    if !(t.starts_with("есть") || t.starts_with("да") || text.starts_with('+')) {
        return Err(format!(
            "Согласие: «{text}» — напишите «есть, дата подписания» (для несовершеннолетнего — «есть, дата (родитель: ФИО)») или «нет»"
        ));
    }
    let parent =
        text.split_once("родитель:").map(|(_, rest)| rest.trim().trim_end_matches(')').trim().to_string());
    Ok(Some(ConsentDraft {
        giver: if parent.is_some() { ConsentGiver::Parent } else { ConsentGiver::Participant },
        giver_name: parent.unwrap_or_else(|| name.to_string()),
        signed_on: date(text).unwrap_or(today),
    }))
}
