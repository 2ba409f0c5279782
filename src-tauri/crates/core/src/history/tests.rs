//! History attribution on real documents written by three devices.

use automerge::{Automerge, ROOT, transaction::Transactable};
use chrono::TimeZone;

use super::*;
use crate::document::commit_options;

const A: &str = "aa00000000000000000000000000000000000000000000000000000000000001";
const B: &str = "bb00000000000000000000000000000000000000000000000000000000000002";
const C: &str = "cc00000000000000000000000000000000000000000000000000000000000003";

fn write(doc: &mut Automerge, device: &str, minute: u32, message: &str) {
    doc.set_author(author_of_device(device));
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, minute, 0).unwrap();
    doc.transact_with(|_| commit_options(now, message), |tx| tx.put(ROOT, message, i64::from(minute)))
        .unwrap();
}

fn who(doc: &Automerge) -> Vec<(String, Option<String>, String)> {
    history(doc).into_iter().map(|e| (e.hash, e.device, e.message)).collect()
}

#[test]
fn merge_order_does_not_change_who_is_named() {
    let mut base = Automerge::new();
    write(&mut base, C, 0, "новая пара");
    let (mut a, mut b, mut c) = (base.fork(), base.fork(), base.fork());
    write(&mut a, A, 1, "новое мероприятие");
    write(&mut b, B, 2, "содержание встречи");
    write(&mut c, C, 3, "мониторинг");
    write(&mut a, A, 4, "статус мероприятия");

    // a ← b ← c on one device; c ← a ← b on another; b ← c ← a on a third.
    let (mut one, mut two, mut three) = (a.fork(), c.fork(), b.fork());
    one.merge(&mut b.clone()).unwrap();
    one.merge(&mut c.clone()).unwrap();
    two.merge(&mut a.clone()).unwrap();
    two.merge(&mut b.clone()).unwrap();
    three.merge(&mut c.clone()).unwrap();
    three.merge(&mut a.clone()).unwrap();
    // And through a save and load (what reaches the disk).
    let loaded = Automerge::load(&three.save()).unwrap();

    // Causal order: the creation first, each device's later change after its earlier one.
    let order: Vec<String> = history(&one).into_iter().map(|e| e.message).collect();
    assert_eq!(order[0], "новая пара");
    let at = |m: &str| order.iter().position(|o| o == m).unwrap();
    assert!(at("новое мероприятие") < at("статус мероприятия"));
    let expected = who(&one);
    assert_eq!(expected.len(), 5);
    assert_eq!(who(&two), expected);
    assert_eq!(who(&loaded), expected);
    let by = |message: &str| expected.iter().find(|e| e.2 == message).unwrap().1.clone().unwrap();
    assert_eq!(by("новое мероприятие"), A);
    assert_eq!(by("статус мероприятия"), A);
    assert_eq!(by("содержание встречи"), B);
    assert_eq!(by("мониторинг"), C);
    assert!(crate::chunk_guard::check_chunks(&loaded.save()).is_ok(), "authored documents pass our guard");
}

#[test]
fn changes_without_an_author_are_listed_without_one() {
    let mut doc = Automerge::new();
    let now = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
    doc.transact_with(|_| commit_options(now, "документ пары"), |tx| tx.put(ROOT, "x", 1)).unwrap();
    let h = history(&doc);
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].device, None);
    assert_eq!(h[0].at, now);
    assert!(author_of_device("not hex").is_none());
    assert!(author_of_device("abcd").is_none(), "a device id is 32 bytes");
}

#[test]
fn messages_fall_into_the_parts_of_the_screen() {
    for (message, part) in [
        ("новое мероприятие", Part::Plan),
        ("статус мероприятия", Part::Plan),
        ("новая встреча", Part::Journal),
        ("подтверждение встречи", Part::Journal),
        ("договорённости встречи", Part::Journal),
        ("рефлексия по встрече", Part::Journal),
        ("отчёт наставника: выводы", Part::Results),
        ("критерий мониторинга", Part::Results),
        ("анкета удовлетворённости", Part::Results),
        ("пункт программы", Part::Programme),
        ("удаление из программы", Part::Programme),
        ("доступ устройства", Part::Pair),
        ("замена наставника", Part::Pair),
    ] {
        assert_eq!(part_of(message), part, "{message}");
    }
}

#[test]
fn a_change_comes_after_what_it_builds_on_even_within_one_second() {
    let mut doc = Automerge::new();
    for message in [
        "создание документа",
        "доступ устройства",
        "новое мероприятие",
        "статус мероприятия",
        "отзыв доступа",
    ] {
        write(&mut doc, A, 7, message);
    }
    let order: Vec<String> = history(&doc).into_iter().map(|e| e.message).collect();
    assert_eq!(
        order,
        [
            "создание документа",
            "доступ устройства",
            "новое мероприятие",
            "статус мероприятия",
            "отзыв доступа"
        ]
    );
}

#[test]
fn one_activity_has_its_own_history() {
    use crate::pair::{ActivityInput, Actor, PairDoc};
    use nastavnik_shared::vocab::ActivityStatus;
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let mut doc = crate::demo::build(now).unwrap().pairs.remove(0);
    let pair: PairDoc = crate::document::read(&doc).unwrap();
    let mentor = Actor::Person(pair.members[0].person_id.clone());
    let add = |doc: &mut Automerge, id: &'static str, title: &str, device: &str, minute: u32| {
        doc.set_author(author_of_device(device));
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, minute, 0).unwrap();
        let input = ActivityInput {
            title: title.into(),
            deadline: chrono::NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
            ..Default::default()
        };
        let who = mentor.clone();
        crate::document::change(doc, at, "новое мероприятие", move |p: &mut PairDoc| {
            p.add_activity(&who, id, input)
        })
        .unwrap();
    };
    add(&mut doc, "a-watched", "Открытый урок", A, 1);
    add(&mut doc, "a-other", "Другое", B, 2);
    doc.set_author(author_of_device(C));
    let who = mentor.clone();
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 3, 0).unwrap();
    crate::document::change(&mut doc, at, "статус мероприятия", move |p: &mut PairDoc| {
        p.set_activity_status(&who, "a-watched", ActivityStatus::InProgress, None, "", at.date_naive())
    })
    .unwrap();

    let mine = item_history(&doc, "activities", "a-watched").unwrap();
    let seen: Vec<(&str, Option<&str>)> =
        mine.iter().map(|e| (e.message.as_str(), e.device.as_deref())).collect();
    assert_eq!(
        seen,
        [
            ("новое мероприятие", Some(A)),
            ("статус мероприятия: «Открытый урок»: запланировано → в работе", Some(C)),
        ],
        "the change says what it changed"
    );
    assert_eq!(part_of(&mine[1].message), Part::Plan);
    let other = item_history(&doc, "activities", "a-other").unwrap();
    assert_eq!(other.len(), 1, "{other:?}");
    assert!(item_history(&doc, "activities", "a-missing").is_none());
    // A meeting's history includes what was typed into its texts.
    let meeting = pair.meetings[0].id.clone();
    let typed = item_history(&doc, "meetings", &meeting).unwrap();
    assert!(!typed.is_empty());
}
