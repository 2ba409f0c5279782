//! The .xlsx tables read back with calamine.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::overview;

use super::demo;
use crate::xlsx;

/// Cells of a sheet as text, by absolute (row, column).
fn sheet(bytes: Vec<u8>, name: &str) -> impl Fn(u32, u32) -> String {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range(name).unwrap();
    move |r, c| match range.get_value((r, c)) {
        Some(Data::Float(f)) => f.to_string(),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

#[test]
fn the_monitoring_table_has_a_row_per_pair_and_the_kpis() {
    let d = demo();
    let summaries: Vec<_> = d.pairs.iter().map(PairDoc::summary).collect();
    let o = overview(&d.school, &summaries, d.today);
    let bytes = xlsx::monitoring_table(&o).unwrap();
    let pairs = sheet(bytes.clone(), "Мониторинг пар");
    assert!(pairs(0, 0).contains("мониторинг наставнических пар на 22 ноября 2026 г."), "{}", pairs(0, 0));
    assert_eq!(pairs(2, 1), "Наставническая пара (группа)");
    assert_eq!(pairs(3, 1), "Петрова Анна Ивановна → Смирнов Илья Олегович");
    assert_eq!(pairs(3, 2), "педагог – педагог");
    assert_eq!(
        (pairs(3, 4), pairs(3, 5), pairs(3, 6), pairs(3, 7)),
        ("2".into(), "13".into(), "15.38".into(), "1".into())
    );
    assert_eq!(pairs(3, 8), "6");
    assert_eq!(pairs(6, 3), "формируется");
    assert_eq!(pairs(7, 1), "", "four pairs, four rows");
    let kpis = sheet(bytes, "Показатели");
    assert_eq!(kpis(3, 0), "Доля педагогов, вовлечённых в программы наставничества");
    assert_eq!(
        (kpis(3, 1), kpis(3, 2), kpis(3, 3), kpis(3, 4), kpis(3, 5)),
        ("4".into(), "8".into(), "50".into(), "70".into(), "нет".into())
    );
}

#[test]
fn the_bases_list_mentors_and_mentees_with_their_consents() {
    let d = demo();
    let mentors = sheet(xlsx::mentor_base(&d.school, d.today).unwrap(), "База наставников");
    assert_eq!(mentors(3, 1), "Петрова Анна Ивановна");
    assert_eq!(mentors(3, 4), "1979");
    assert!(mentors(3, 6).contains("проектирование урока"), "{}", mentors(3, 6));
    assert_eq!((mentors(3, 7), mentors(3, 8)), ("2".into(), "1".into()));
    assert!(mentors(3, 9).starts_with("есть, 01.09.2026"), "{}", mentors(3, 9));
    let names: Vec<String> = (3..8).map(|r| mentors(r, 1)).collect();
    assert!(names.contains(&"Орлова Мария".to_string()), "a student mentor is in the base: {names:?}");

    let mentees = sheet(xlsx::mentee_base(&d.school, d.today).unwrap(), "База наставляемых");
    let rows: Vec<(String, String, String)> =
        (3..9).map(|r| (mentees(r, 1), mentees(r, 6), mentees(r, 7))).collect();
    let smirnov = rows.iter().find(|r| r.0 == "Смирнов Илья Олегович").unwrap();
    assert_eq!(smirnov.1, "Петрова Анна Ивановна");
    let zaitsev = rows.iter().find(|r| r.0 == "Зайцев Кирилл").unwrap();
    assert!(zaitsev.2.contains("родитель"), "a minor's consent is a parent's: {}", zaitsev.2);
    let novikov = rows.iter().find(|r| r.0 == "Новиков Артём Игоревич").unwrap();
    assert_eq!(novikov.2, "нет");
}
