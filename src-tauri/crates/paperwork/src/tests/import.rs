//! Import of the bases: our own exports come back whole; broken rows are each reported and
//! nothing is imported while one is left.

use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_core::school::{NewSchool, SchoolDoc};
use nastavnik_shared::vocab::{ConsentGiver, PersonCategory};

use super::demo;
use crate::import::{Base, apply, preview};
use crate::xlsx;

fn empty_school() -> SchoolDoc {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let new = NewSchool {
        id: "s2".into(),
        name: "Школа № 2".into(),
        head_name: "Директор".into(),
        curator_name: "Куратор".into(),
        year_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
    };
    SchoolDoc::new(new, now).unwrap()
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("p{n}")
    }
}

#[test]
fn exported_bases_import_back_into_another_school() {
    let d = demo();
    let mut school = empty_school();
    let mentors = xlsx::mentor_base(&d.school, d.today).unwrap();
    let p = preview(Base::Mentors, "база наставников.xlsx", &mentors, &school, d.today).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(p.ignored_columns.contains(&"Ведёт сейчас".to_string()), "{:?}", p.ignored_columns);
    let mut ids = ids();
    let added = apply(&mut school, &p, &mut ids, d.today).unwrap();
    let in_base = p.ready.len();
    assert!(in_base >= d.school.mentor_profiles.len(), "mentors with a questionnaire or a pair");
    assert_eq!(added, in_base);
    assert_eq!(school.mentor_profiles.len(), in_base, "every imported mentor gets a questionnaire");
    for profile in &d.school.mentor_profiles {
        let original = d.school.person(&profile.person_id).unwrap();
        let copy = school.people.iter().find(|x| x.name == original.name).unwrap();
        assert_eq!(
            (copy.teaching_years, &copy.subject_or_class),
            (original.teaching_years, &original.subject_or_class)
        );
        let copied = school.mentor_profiles.iter().find(|m| m.person_id == copy.id).unwrap();
        assert_eq!((&copied.competencies, copied.capacity), (&profile.competencies, profile.capacity));
        assert_eq!(copy.has_consent(d.today), original.has_consent(d.today), "{}", original.name);
    }

    let mentees = xlsx::mentee_base(&d.school, d.today).unwrap();
    let p = preview(Base::Mentees, "mentees.xlsx", &mentees, &school, d.today).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    apply(&mut school, &p, &mut ids, d.today).unwrap();
    let minor = d.school.people.iter().find(|x| x.is_minor(d.today) && x.has_consent(d.today)).unwrap();
    let copy = school.people.iter().find(|x| x.name == minor.name).unwrap();
    assert_eq!((*copy.category, copy.birth_year), (*minor.category, minor.birth_year));
    assert!(copy.has_consent(d.today), "a parent's consent comes back");
    assert_eq!(*copy.consents[0].giver, ConsentGiver::Parent);

    // The same file again: everyone is already in the bank.
    let again = preview(Base::Mentees, "mentees.xlsx", &mentees, &school, d.today).unwrap();
    assert!(again.ready.is_empty() && again.errors.is_empty());
    assert_eq!(again.skipped.len(), p.ready.len());
}

#[test]
fn broken_rows_are_each_reported_and_none_is_imported() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let csv = r#"Список наставляемых МБОУ СОШ № 2;;;;
ФИО;Категория;Класс;Год рождения;Запросы;Согласие
Орлова Мария Петровна;обучающийся;7А;2013;"подготовка к ОГЭ; адаптация";есть, 01.09.2026 (родитель: Орлова Е. В.)
;обучающийся;7А;2013;;
Кузнецов Пётр;ученик;8Б;две тысячи двенадцатый;;
Лебедева Ольга;обучающийся;9В;2011;;есть, 02.09.2026
Сидоров Иван;космонавт;9В;2011;;
орлова  мария петровна;обучающийся;7А;2013;;
Новикова Анна Сергеевна;;10А;2010;олимпиада по математике;нет
"#;
    let mut school = empty_school();
    let before = school.clone();
    let p = preview(Base::Mentees, "mentees.csv", csv.as_bytes(), &school, today).unwrap();
    let errors: Vec<(usize, &str)> = p.errors.iter().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(errors.len(), 5, "{errors:#?}");
    assert_eq!(errors[0], (4, "не указано ФИО"));
    assert_eq!(errors[1].0, 5);
    assert!(errors[1].1.starts_with("Год рождения: «две тысячи двенадцатый»"));
    assert_eq!(errors[2].0, 6);
    assert!(errors[2].1.contains("несовершеннолетний"), "a minor's own consent is refused: {}", errors[2].1);
    assert_eq!(errors[3].0, 7);
    assert!(errors[3].1.contains("неизвестное значение «космонавт»"));
    assert_eq!(errors[4], (8, "повторяет строку 3"));
    let ready: Vec<(&str, PersonCategory)> =
        p.ready.iter().map(|d| (d.person.name.as_str(), d.person.category)).collect();
    assert_eq!(
        ready,
        [
            ("Орлова Мария Петровна", PersonCategory::Student),
            ("Новикова Анна Сергеевна", PersonCategory::Student)
        ]
    );
    assert_eq!(p.ready[0].requests, ["подготовка к ОГЭ", "адаптация"]);

    let err = apply(&mut school, &p, &mut ids(), today).unwrap_err();
    assert!(err.to_string().contains("5 строк с ошибками"), "{err}");
    assert!(err.to_string().contains("ничего не импортировано"));
    assert_eq!(school, before, "nothing imported half-way");
}

#[test]
fn a_school_table_with_its_own_headers() {
    use rust_xlsxwriter::Workbook;
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let rows: [[&str; 6]; 3] = [
        [
            "п/п",
            "Фамилия, имя, отчество",
            "Должность / предмет",
            "Стаж работы",
            "Компетенции наставника",
            "Нагрузка",
        ],
        ["1", "Белова Ирина Павловна", "русский язык", "25 лет", "ОГЭ, функциональная грамотность", "3"],
        ["2", "Громов Олег Ильич", "физика", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let school = empty_school();
    let p = preview(Base::Mentors, "наставники.xlsx", &bytes, &school, today).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(p.ignored_columns, ["п/п"]);
    let first = &p.ready[0];
    assert_eq!((first.person.teaching_years, first.capacity), (Some(25), 3));
    assert_eq!(first.competencies, ["ОГЭ", "функциональная грамотность"]);
    assert_eq!(first.person.subject_or_class, "русский язык");
    assert_eq!((p.ready[1].capacity, p.ready[1].person.category), (1, PersonCategory::Teacher));
}
