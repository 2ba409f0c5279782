//! Conflicts on real pair documents written by two devices apart, then merged.

use automerge::Automerge;
use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::history::author_of_device;
use crate::pair::{ActivityInput, Actor, PairDoc, choose_value, value_label};

const A: &str = "aa00000000000000000000000000000000000000000000000000000000000001";
const B: &str = "bb00000000000000000000000000000000000000000000000000000000000002";

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, minute, 0).unwrap()
}

/// Device `device` moves the first activity's deadline to `day` of December 2026.
fn move_deadline(doc: &mut Automerge, device: &str, day: u32, minute: u32) {
    doc.set_author(author_of_device(device));
    crate::document::change(
        doc,
        at(minute),
        "правка мероприятия",
        move |p: &mut PairDoc| {
            let a = p.activities[0].clone();
            let who = Actor::Person(p.members[0].person_id.clone());
            let input = ActivityInput {
                title: a.title,
                mentor_activity: a.mentor_activity,
                expected_result: a.expected_result,
                deadline: NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
                responsible: a.responsible,
            };
            p.edit_activity(&who, &a.id, input)
        },
    )
    .unwrap();
}

/// A demo pair, and two devices' copies with the same deadline moved differently, merged both ways.
fn two_deadlines() -> (Automerge, Automerge, String) {
    let base = crate::demo::build(at(0)).unwrap().pairs.remove(0);
    let (mut a, mut b) = (base.fork(), base.fork());
    move_deadline(&mut a, A, 10, 1);
    move_deadline(&mut b, B, 20, 2);
    let id = crate::document::read::<PairDoc>(&a).unwrap().activities[0].id.clone();
    let (mut one, mut two) = (a.fork(), b.fork());
    one.merge(&mut b.clone()).unwrap();
    two.merge(&mut a.clone()).unwrap();
    (one, two, id)
}

#[test]
fn two_devices_setting_one_deadline_apart_both_see_both_values_with_their_authors() {
    let (one, two, id) = two_deadlines();
    let found = find(&one);
    assert_eq!(found, find(&two), "merge order does not change what is shown");
    assert_eq!(found.len(), 1, "{found:?}");
    let c = &found[0];
    assert_eq!(c.path(), format!("activities/{id}/deadline"));
    let mut seen: Vec<(String, Option<String>)> =
        c.values.iter().map(|v| (value_label(&c.steps, &v.value), v.device.clone())).collect();
    seen.sort();
    assert_eq!(
        seen,
        [("10.12.2026".to_string(), Some(A.to_string())), ("20.12.2026".to_string(), Some(B.to_string()))]
    );
    assert_eq!(c.values.iter().map(|v| v.at).min(), Some(at(1)));
    let pair: PairDoc = crate::document::read(&one).unwrap();
    assert!(pair.field_label(&c.steps).starts_with("мероприятие «"), "{}", pair.field_label(&c.steps));
    assert!(pair.field_label(&c.steps).ends_with(": срок"));
    assert_eq!(count(&one), 1);
}

#[test]
fn choosing_a_value_is_one_change_that_settles_the_field_on_every_device() {
    let (mut one, mut two, _) = two_deadlines();
    let c = find(&one).remove(0);
    // Choose the value automerge did *not* show: the choice must win, not the old rule.
    let shown = crate::document::read::<PairDoc>(&one).unwrap().activities[0].deadline;
    let other = c.values.iter().find(|v| value_label(&c.steps, &v.value) != ru_date(*shown)).unwrap();
    let mentee = Actor::Person(crate::document::read::<PairDoc>(&one).unwrap().members[1].person_id.clone());
    let label = choose_value(&mut one, at(5), &mentee, &c.path(), &other.op).unwrap();
    assert!(label.contains("срок"));
    assert!(find(&one).is_empty());
    two.merge(&mut one.clone()).unwrap();
    assert!(find(&two).is_empty(), "the choice settles the field on the other device too");
    let chosen = crate::document::read::<PairDoc>(&two).unwrap().activities[0].deadline;
    assert_eq!(ru_date(*chosen), value_label(&c.steps, &other.value));
    let last = crate::history::history(&two).pop().unwrap();
    assert!(last.message.starts_with("выбор значения из расхождения: мероприятие"), "{}", last.message);
    assert!(
        last.message.ends_with(&format!("срок — {}", value_label(&c.steps, &other.value))),
        "{}",
        last.message
    );

    // Choosing again, or a value nobody wrote, is refused and changes nothing.
    let heads = one.get_heads();
    assert!(choose_value(&mut one, at(6), &mentee, &c.path(), &other.op).is_err());
    assert_eq!(one.get_heads(), heads);
}

#[test]
fn only_a_participant_chooses_and_a_stale_choice_is_refused() {
    let (mut one, _, _) = two_deadlines();
    let c = find(&one).remove(0);
    let heads = one.get_heads();
    let outsider = Actor::Person("p-nobody".into());
    assert!(choose_value(&mut one, at(5), &outsider, &c.path(), &c.values[0].op).is_err());
    assert!(choose_value(&mut one, at(5), &Actor::Curator, &c.path(), "1@00").is_err());
    assert!(
        choose_value(&mut one, at(5), &Actor::Curator, "activities/nope/deadline", &c.values[0].op).is_err()
    );
    assert_eq!(one.get_heads(), heads, "refusals write nothing");
    assert!(choose_value(&mut one, at(5), &Actor::Curator, &c.path(), &c.values[0].op).is_ok());
}

#[test]
fn edits_of_different_fields_are_not_conflicts() {
    let base = crate::demo::build(at(0)).unwrap().pairs.remove(0);
    let (mut a, mut b) = (base.fork(), base.fork());
    move_deadline(&mut a, A, 10, 1);
    b.set_author(author_of_device(B));
    crate::document::change(&mut b, at(2), "статус мероприятия", |p: &mut PairDoc| {
        let who = Actor::Person(p.members[0].person_id.clone());
        let id = p.activities[0].id.clone();
        p.set_activity_status(
            &who,
            &id,
            nastavnik_shared::vocab::ActivityStatus::InProgress,
            None,
            "",
            at(2).date_naive(),
        )
    })
    .unwrap();
    a.merge(&mut b).unwrap();
    assert!(find(&a).is_empty(), "{:?}", find(&a));
    // The same value written on both sides is no disagreement either.
    let (mut c, mut d) = (base.fork(), base.fork());
    move_deadline(&mut c, A, 12, 1);
    move_deadline(&mut d, B, 12, 2);
    c.merge(&mut d).unwrap();
    assert!(find(&c).is_empty(), "the same value written on both sides is no disagreement");
}

fn ru_date(d: NaiveDate) -> String {
    nastavnik_shared::ru::date_short(d)
}
