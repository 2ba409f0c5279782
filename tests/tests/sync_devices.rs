//! Curator, mentor, mentee and an outsider — four `nastavnik-cli` processes with their own data
//! folders — syncing over loopback: invites, offline edits on both sides, direct mentor↔mentee
//! sync, store-and-forward through the curator, an outsider who knows the document id, and a
//! revoked device.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use nastavnik_tests::cli::{Device, field as s};

fn titles(d: &Device, pair: &str) -> Vec<String> {
    let plan = d.ok(&["plan", "list", "--pair", pair]);
    let mut t: Vec<String> = plan.as_array().unwrap().iter().map(|a| s(a, "title")).collect();
    t.sort();
    t
}

fn notes(d: &Device, pair: &str) -> String {
    s(&d.ok(&["meeting", "list", "--pair", pair])[0], "notes")
}

#[test]
fn pairs_sync_between_their_devices_and_nobody_else() {
    let curator = Device::new("curator");
    let (mentor, mentee, outsider) = (Device::new("mentor"), Device::new("mentee"), Device::new("outsider"));
    curator.ok(&["school", "create", "--name", "МБОУ СОШ №5"]);
    let (m, e, o1, o2) = (
        curator.add_teacher("Петрова Анна"),
        curator.add_teacher("Смирнов Илья"),
        curator.add_teacher("Орлов"),
        curator.add_teacher("Зайцев"),
    );
    let pair = curator.form_pair(&m, &e);
    let other = curator.form_pair(&o1, &o2);
    let shared = s(
        &curator.ok(&["plan", "add", "--pair", &pair, "--title", "Общее", "--deadline", "2026-10-01"]),
        "id",
    );
    curator.ok(&["meeting", "add", "--pair", &pair, "--date", "2026-09-10", "--topic", "Знакомство"]);
    let doc = curator
        .ok(&["pair", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == pair.as_str())
        .map(|p| s(p, "doc"))
        .unwrap();

    // Invites: mentor and mentee join pair 1, the outsider joins the other pair.
    let serving = curator.serve();
    mentor.join(&curator, &m, &serving.addr);
    mentee.join(&curator, &e, &serving.addr);
    outsider.join(&curator, &o1, &serving.addr);
    assert_eq!(titles(&mentor, &pair), ["Общее"]);
    assert_eq!(titles(&mentee, &pair), ["Общее"]);
    let meeting = s(&mentor.ok(&["meeting", "list", "--pair", &pair])[0], "id");

    // The outsider knows the document id, asks the curator for it, and gets nothing.
    let attempt = outsider.ok(&["sync", "--peer", &serving.addr, "--doc", &doc, "--wait", "3"]);
    let row = attempt["docs"].as_array().unwrap().iter().find(|d| d["doc"] == doc.as_str()).cloned();
    assert_eq!(
        row.as_ref().map(|r| (&r["synced"], &r["refused"])),
        Some((&false.into(), &true.into())),
        "{attempt}"
    );
    assert_eq!(attempt["refused"], 1, "its own pair syncs, the stolen id is refused: {attempt}");
    assert!(
        !outsider.dir.join("docs").join(&doc[..2]).join(&doc[2..]).exists(),
        "not a byte of pair 1 on the outsider"
    );
    assert_eq!(outsider.run(&["plan", "list", "--pair", &pair]).code, 2);
    // The mentor joined first, so its copy lacks the mentee's grant; the devices show each other
    // their curator-signed grants when they meet, with the curator away.
    serving.stop();

    // Offline, both edit the same activity (different fields) and type into the same notes.
    mentor.ok(&["plan", "status", "--pair", &pair, "--activity", &shared, "--status", "in_progress"]);
    mentor.ok(&["plan", "add", "--pair", &pair, "--title", "От наставника", "--deadline", "2026-11-01"]);
    mentor.ok(&[
        "meeting",
        "notes",
        "--pair",
        &pair,
        "--meeting",
        &meeting,
        "--text",
        "Наставник: план урока.",
    ]);
    mentee.ok(&["plan", "add", "--pair", &pair, "--title", "От наставляемого", "--deadline", "2026-11-02"]);
    mentee.ok(&["meeting", "notes", "--pair", &pair, "--meeting", &meeting, "--text", "Вопросы к уроку."]);

    // Mentor and mentee sync directly, with the curator away.
    let mentee_online = mentee.serve();
    let report = mentor.ok(&["sync", "--peer", &mentee_online.addr]);
    assert_eq!(report["synced"], report["total"], "{report}");
    mentee_online.stop();
    let expected = ["Общее", "От наставляемого", "От наставника"];
    assert_eq!(titles(&mentor, &pair), expected);
    assert_eq!(titles(&mentee, &pair), expected);
    let merged = notes(&mentor, &pair);
    assert_eq!(merged, notes(&mentee, &pair));
    assert!(merged.contains("Наставник: план урока.") && merged.contains("Вопросы к уроку."), "{merged}");
    let plan = mentee.ok(&["plan", "list", "--pair", &pair]);
    let shared_row = plan.as_array().unwrap().iter().find(|a| a["id"] == shared.as_str()).unwrap();
    assert_eq!(shared_row["status"], "in_progress");

    // Sync status: the mentor's device knows it is even with the mentee's, until it changes.
    let mentee_id = s(&mentee.ok(&["device", "show"]), "deviceId");
    let row = |d: &Device| {
        let status = d.ok(&["status"]);
        status["sync"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["peer"] == mentee_id.as_str() && r["doc"] == doc.as_str())
            .cloned()
    };
    assert_eq!(row(&mentor).unwrap()["oursUnsent"], false);
    mentor.ok(&["meeting", "confirm", "--pair", &pair, "--meeting", &meeting]);
    assert_eq!(row(&mentor).unwrap()["oursUnsent"], true, "a confirmation not yet sent");
    mentee.ok(&["meeting", "confirm", "--pair", &pair, "--meeting", &meeting]);

    // The curator, restarted from disk, gets everything from the mentor.
    let serving = curator.serve();
    mentor.ok(&["sync", "--peer", &serving.addr]);
    assert_eq!(titles(&curator, &pair), expected);
    assert_eq!(notes(&curator, &pair), merged);
    mentee.ok(&["sync", "--peer", &serving.addr]);
    let journal = curator.ok(&["meeting", "list", "--pair", &pair]);
    assert_eq!(
        (journal[0]["confirmedByMentor"].as_bool(), journal[0]["confirmedByMentee"].as_bool()),
        (Some(true), Some(true)),
        "confirmed by both sides: {journal}"
    );

    // Store-and-forward: mentor → curator → mentee, never online together.
    mentor.ok(&["plan", "add", "--pair", &pair, "--title", "Через куратора", "--deadline", "2026-12-01"]);
    mentor.ok(&["sync", "--peer", &serving.addr]);
    mentee.ok(&["sync", "--peer", &serving.addr]);
    assert!(titles(&mentee, &pair).contains(&"Через куратора".to_string()));

    // The outsider still has only its own pair.
    outsider.ok(&["sync", "--peer", &serving.addr]);
    assert_eq!(outsider.ok(&["plan", "list", "--pair", &other]).as_array().unwrap().len(), 0);
    assert!(!outsider.dir.join("docs").join(&doc[..2]).join(&doc[2..]).exists());

    // The mentee's phone is lost: the curator revokes it without stopping `serve` (the command is
    // handed to the running node), and it receives nothing new — from the curator or the mentor,
    // who both say plainly that access is refused.
    let lost = s(&mentee.ok(&["device", "show"]), "deviceId");
    let revoked = curator.ok(&["device", "revoke", "--device", &lost]);
    assert_eq!(revoked["pairs"], serde_json::json!([pair]), "{revoked}");
    mentor.ok(&["sync", "--peer", &serving.addr]); // the mentor's device learns the revocation
    mentor.ok(&["plan", "add", "--pair", &pair, "--title", "После отзыва", "--deadline", "2026-12-10"]);
    mentor.ok(&["sync", "--peer", &serving.addr]);
    let refused = |r: nastavnik_tests::cli::Run| {
        assert_eq!(r.code, 3, "a refused sync exits 3: {} {}", r.json, r.stderr);
        assert_eq!(r.json["kind"], "refused");
        assert!(r.json["error"].as_str().unwrap().contains("в доступе отказано"), "{}", r.json);
    };
    let started = std::time::Instant::now();
    refused(mentee.run(&["sync", "--peer", &serving.addr, "--wait", "20"]));
    let mentor_online = mentor.serve();
    refused(mentee.run(&["sync", "--peer", &mentor_online.addr, "--wait", "20"]));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "a refusal is known at once, not after waiting for changes: {:?}",
        started.elapsed()
    );
    assert!(
        !titles(&mentee, &pair).contains(&"После отзыва".to_string()),
        "a revoked device got new changes"
    );
    assert!(titles(&curator, &pair).contains(&"После отзыва".to_string()));
    // The outsider tries the mentor's device directly, presenting its own (other pair's) grant.
    refused(outsider.run(&["sync", "--peer", &mentor_online.addr, "--doc", &doc, "--wait", "2"]));
    assert!(!outsider.dir.join("docs").join(&doc[..2]).join(&doc[2..]).exists());
    mentor_online.stop();
    serving.stop();
}
