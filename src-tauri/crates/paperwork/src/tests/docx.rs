//! The .docx documents read back with docx-rs's reader: paragraphs and table cells as text.

use chrono::NaiveDate;
use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild, read_docx};
use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::overview;
use nastavnik_shared::report::Analysis;
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{ActivityStatus, MemberRole, PairStatus};

use super::demo;
use crate::docx;

/// A document's body paragraphs and tables (rows of cell texts), in order.
pub(super) struct Read {
    pub paragraphs: Vec<String>,
    pub tables: Vec<Vec<Vec<String>>>,
}

impl Read {
    pub fn has(&self, text: &str) -> bool {
        self.paragraphs.iter().any(|p| p.contains(text))
    }
}

pub(super) fn read(bytes: &[u8]) -> Read {
    assert!(bytes.starts_with(b"PK"), "a .docx is a zip");
    let doc = read_docx(bytes).unwrap();
    let mut out = Read { paragraphs: Vec::new(), tables: Vec::new() };
    for child in &doc.document.children {
        match child {
            DocumentChild::Paragraph(p) => out.paragraphs.push(p.raw_text()),
            DocumentChild::Table(t) => out.tables.push(
                t.rows
                    .iter()
                    .map(|TableChild::TableRow(row)| {
                        row.cells
                            .iter()
                            .map(|TableRowChild::TableCell(cell)| {
                                cell.children
                                    .iter()
                                    .filter_map(|c| match c {
                                        TableCellContent::Paragraph(p) => Some(p.raw_text()),
                                        _ => None,
                                    })
                                    .collect::<Vec<_>>()
                                    .join("\n")
                            })
                            .collect()
                    })
                    .collect(),
            ),
            _ => {}
        }
    }
    out
}

#[test]
fn the_order_lists_every_pair_it_fixes() {
    let mut d = demo();
    let date = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    // Without named pairs a new order takes the forming and working pairs no order fixes yet.
    let unfixed: Vec<String> = d
        .school
        .pairs
        .iter()
        .filter(|p| {
            p.order_number.is_empty() && matches!(*p.status, PairStatus::Forming | PairStatus::Active)
        })
        .map(|p| p.id.clone())
        .collect();
    assert!(!unfixed.is_empty(), "the demo has a pair still forming");
    assert_eq!(d.school.fix_pairs_by_order("15-о", date, &[], d.today).unwrap(), unfixed);
    let err = d.school.fix_pairs_by_order("16-о", date, &[], d.today).unwrap_err();
    assert!(err.to_string().contains("нет пар для приказа"), "{err}");
    // Named pairs join the order.
    let named: Vec<String> = d.school.pairs.iter().take(2).map(|p| p.id.clone()).collect();
    d.school.fix_pairs_by_order("15-о", date, &named, d.today).unwrap();
    let fixed: Vec<String> =
        d.school.pairs.iter().filter(|p| p.order_number == "15-о").map(|p| p.id.clone()).collect();
    assert_eq!(fixed.len(), unfixed.len() + 2);
    let r = read(&docx::order(&d.school, "15-о").unwrap());
    assert!(r.has("ПРИКАЗ"));
    assert!(r.has("О закреплении наставнических пар"));
    assert!(r.has("от 1 октября 2026 г. № 15-о"));
    assert!(r.has(&format!(
        "согласно приложению к настоящему приказу ({}",
        ru::count(fixed.len() as u64, ["пара", "пары", "пар"])
    )));
    assert!(r.has(&d.school.school.head_name), "signed by the head");
    let table = &r.tables[0];
    assert_eq!(
        table[0],
        ["№", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества, ролевая модель", "Период"]
    );
    assert_eq!(table.len(), fixed.len() + 1, "a row per pair");
    for (row, id) in table[1..].iter().zip(&fixed) {
        let pair = d.school.pair(id).unwrap();
        assert!(row[1].contains(d.school.member_names(pair, MemberRole::Mentor)[0]));
        assert!(row[2].contains(d.school.member_names(pair, MemberRole::Mentee)[0]));
        assert!(row[3].starts_with(pair.form.label()));
        assert_eq!(
            row[4],
            format!("{} – {}", ru::date_short(*pair.period_start), ru::date_short(pair.period_end()))
        );
    }
    // The same number again prints the same pairs; an unknown number is an error, not an empty order.
    assert_eq!(d.school.fix_pairs_by_order("15-о", date, &[], d.today).unwrap(), fixed, "reprint");
    assert!(docx::order(&d.school, "99").unwrap_err().0.contains("№ 99"));
}

fn busiest(pairs: &[PairDoc]) -> &PairDoc {
    pairs.iter().max_by_key(|p| p.activities.len() + p.meetings.len()).unwrap()
}

#[test]
fn the_programme_has_its_plan_as_a_table() {
    let d = demo();
    let pair = busiest(&d.pairs);
    let r = read(&docx::programme(pair, d.today).unwrap());
    assert!(r.has("Персонализированная программа наставничества"));
    assert!(r.has(&format!("Форма наставничества: {}", pair.header.form.label())));
    for deficit in &pair.programme.deficits {
        assert!(r.has(&deficit.text), "deficit «{}» listed", deficit.text);
    }
    let plan = r.tables.last().unwrap();
    assert_eq!(plan[0][1], "Мероприятие");
    assert_eq!(plan.len(), pair.activities.len() + 1);
    let done = pair.activities.iter().find(|a| *a.status == ActivityStatus::Done).unwrap();
    let row = plan.iter().find(|row| row[1] == done.title).unwrap();
    assert_eq!(row[4], ru::date_short(*done.deadline));
    assert!(row[6].starts_with("выполнено"), "the completion mark: {}", row[6]);
    let deadlines: Vec<_> =
        plan[1..].iter().map(|r| NaiveDate::parse_from_str(&r[4], "%d.%m.%Y").unwrap()).collect();
    assert!(deadlines.is_sorted(), "activities in deadline order");
}

#[test]
fn the_programme_carries_the_mentors_report_once_written() {
    let d = demo();
    let mut pair = busiest(&d.pairs).clone();
    pair.final_report.results = "".into();
    let r = read(&docx::programme(&pair, d.today).unwrap());
    assert!(!r.has("Отчёт наставника"), "no empty section");
    pair.final_report.results = "Программа выполнена, проведено 3 открытых урока".into();
    pair.final_report.proposals = "Продолжить работу в паре".into();
    pair.final_report.submitted_on = Some(d.today.into());
    let r = read(&docx::programme(&pair, d.today).unwrap());
    assert!(r.has(&format!("Отчёт наставника (сдан {})", ru::date_short(d.today))));
    assert!(r.has("Результаты: Программа выполнена, проведено 3 открытых урока"));
    assert!(r.has("Предложения: Продолжить работу в паре"));
}

#[test]
fn the_journal_has_every_meeting_with_its_notes() {
    let d = demo();
    let pair = busiest(&d.pairs);
    assert!(!pair.meetings.is_empty());
    let r = read(&docx::journal(pair).unwrap());
    assert!(r.has("Журнал встреч наставнической пары"));
    let table = &r.tables[0];
    assert_eq!(table.len(), pair.meetings.len() + 1);
    for m in &pair.meetings {
        let row = table.iter().find(|row| row[1].starts_with(&ru::date_short(*m.date))).unwrap();
        assert!(row[2].contains(&m.topic));
        assert_eq!(row[3], m.notes.as_str(), "notes as typed, line breaks kept");
    }
}

#[test]
fn the_final_report_carries_the_kpis_and_the_analysis() {
    let d = demo();
    let summaries: Vec<_> = d.pairs.iter().map(PairDoc::summary).collect();
    let o = overview(&d.school, &summaries, d.today);
    let a = Analysis::of(&o);
    let r = read(&docx::final_report(&o, &d.school.school.curator_name).unwrap());
    assert!(r.has("Итоговый аналитический отчёт"));
    assert!(r.has("N = A / B × 100%"));
    let kpis = r.tables.iter().find(|t| t[0][0] == "Показатель").unwrap();
    assert_eq!(kpis.len(), o.kpis.len() + 1);
    for (row, k) in kpis[1..].iter().zip(&o.kpis) {
        assert_eq!(row[0], k.kind.label());
        assert_eq!(
            (row[1].as_str(), row[2].as_str()),
            (k.share.part.to_string().as_str(), k.share.whole.to_string().as_str())
        );
        assert_eq!(row[3], ru::percent(k.share.percent()));
    }
    let by_forms = a.by_form.iter().fold((0, 0), |(p, w), f| (p + f.plan.part, w + f.plan.whole));
    assert_eq!(by_forms, (o.plan.part, o.plan.whole), "the forms add up to the school's plan completion");
    let forms = r.tables.iter().find(|t| t[0][0] == "Форма наставничества").unwrap();
    assert_eq!(forms.len(), a.by_form.len() + 1);
    let first = &a.by_form[0];
    assert_eq!(forms[1][0], first.form.label());
    assert_eq!(
        forms[1][2],
        format!("{} ({} из {})", ru::percent(first.plan.percent()), first.plan.part, first.plan.whole)
    );
    assert!(r.has(&format!("Выполнено {} из {} запланированных мероприятий", o.plan.part, o.plan.whole)));
    let best = r.tables.iter().find(|t| t[0][1] == "Наставническая пара (группа)").unwrap();
    assert_eq!(best.len(), a.best.len() + 1);
    assert_eq!(best[1][1], a.best[0].title);
    assert!(best[1][3].starts_with("план выполнен на"));
    assert!(r.has("Выводы") && r.has(&d.school.school.curator_name));
}
