//! The curator's bank through `nastavnik-cli`: a card corrected, a consent withdrawn (flagged; a
//! pair needing it cannot start), a person in a pair kept, one in no pair removed.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use nastavnik_tests::cli::{Device, field as s};

#[test]
fn cards_consents_and_removal() {
    let c = Device::new("bank");
    c.ok(&["school", "create", "--name", "МБОУ СОШ №5"]);
    let (m, e, x) = (c.add_teacher("Петрова Анна"), c.add_teacher("Смирнов Илья"), c.add_teacher("Лишний"));
    for (p, n) in [(&m, "Петрова А."), (&e, "Смирнов И.")] {
        c.ok(&["consent", "--person", p, "--giver", "participant", "--signed-by", n, "--date", "2026-09-01"]);
    }
    let pair = c.form_pair(&m, &e);
    c.ok(&["person", "edit", "--person", &e, "--name", "Смирнов Илья Олегович", "--birth-year", "2001"]);
    let people = c.ok(&["person", "list"]);
    let row = |id: &str| people.as_array().unwrap().iter().find(|p| p["id"] == id).cloned().unwrap();
    assert_eq!(row(&e)["name"], "Смирнов Илья Олегович");
    assert_eq!(row(&e)["birthYear"], 2001);
    assert_eq!(row(&e)["category"], "teacher", "fields not given stay");
    assert_eq!(c.run(&["person", "edit", "--person", &e, "--name", " "]).code, 2, "an empty name is refused");

    // The mentee withdraws the consent: flagged, and the pair cannot start.
    let consent = s(&row(&e)["consents"][0], "id");
    c.ok(&["person", "withdraw-consent", "--person", &e, "--consent", &consent]);
    let people = c.ok(&["person", "list"]);
    let flagged = people.as_array().unwrap().iter().find(|p| p["id"] == e.as_str()).unwrap();
    assert_eq!(flagged["consent"], false);
    assert!(flagged["consents"][0]["withdrawnOn"].is_string(), "{flagged}");
    let start = c.run(&["pair", "status", "--pair", &pair, "--status", "active"]);
    assert_eq!(start.code, 2);
    assert!(start.json["error"].as_str().unwrap().contains("нет согласия"), "{}", start.json);

    // In a pair: kept; in none: removed.
    let kept = c.run(&["person", "remove", "--person", &m]);
    assert_eq!(kept.code, 2);
    assert!(kept.json["error"].as_str().unwrap().contains("состоит в наставнической паре"), "{}", kept.json);
    c.ok(&["person", "remove", "--person", &x]);
    let ids: Vec<String> = c.ok(&["person", "list"]).as_array().unwrap().iter().map(|p| s(p, "id")).collect();
    assert_eq!(ids.len(), 2);
    assert!(!ids.contains(&x));
}
