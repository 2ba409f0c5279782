//! Replacing a mentor at the mentee's request, across real processes: the mentee's device files
//! the request (ходатайство) and syncs it to the curator; the curator — without stopping
//! `serve` — replaces the mentor; from then on the old mentor's device is refused the pair while
//! the mentee's goes on syncing, and the history keeps what the old mentor wrote.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

mod docx;
use nastavnik_tests::cli::{Device, field as s};

#[test]
fn a_replaced_mentors_device_gets_nothing_more_of_the_pair() {
    let curator = Device::new("repl-curator");
    let (mentor, mentee) = (Device::new("repl-mentor"), Device::new("repl-mentee"));
    curator.ok(&["school", "create", "--name", "МБОУ СОШ №5"]);
    let (m, e, n) = (
        curator.add_teacher("Петрова Анна"),
        curator.add_teacher("Смирнов Илья"),
        curator.add_teacher("Орлова Вера"),
    );
    let pair = curator.form_pair(&m, &e);
    let serving = curator.serve();
    mentor.join(&curator, &m, &serving.addr);
    mentee.join(&curator, &e, &serving.addr);
    let first = mentor.ok(&[
        "plan",
        "add",
        "--pair",
        &pair,
        "--title",
        "От прежнего наставника",
        "--deadline",
        "2026-10-01",
    ]);
    // The mentor's report written (not yet handed in) and the mentee's survey, from the CLI.
    mentor.ok(&["pair", "report", "--pair", &pair, "--results", "Первые итоги"]);
    assert_eq!(
        mentee.run(&["pair", "report", "--pair", &pair, "--results", "x"]).code,
        2,
        "the mentor's to write"
    );
    mentee.ok(&["pair", "survey", "--pair", &pair, "--score", "8", "--comment", "Полезно"]);
    assert_eq!(mentee.run(&["pair", "survey", "--pair", &pair, "--score", "11"]).code, 2);
    mentor.ok(&["sync", "--peer", &serving.addr]);

    // Only the mentee files a request; it reaches the curator.
    assert_eq!(mentor.run(&["pair", "request-replacement", "--pair", &pair, "--reason", "x"]).code, 2);
    let request =
        s(&mentee.ok(&["pair", "request-replacement", "--pair", &pair, "--reason", "Разные предметы"]), "id");
    mentee.ok(&["sync", "--peer", &serving.addr]);
    let requests = curator.ok(&["pair", "requests", "--pair", &pair]);
    assert_eq!(requests[0]["id"], request.as_str(), "{requests}");
    assert!(requests[0]["resolution"].is_null());

    // The curator replaces the mentor while serving; the old mentor's device is revoked for the pair.
    let bad = curator.run(&[
        "pair",
        "replace-mentor",
        "--pair",
        &pair,
        "--request",
        &request,
        "--old",
        &e,
        "--new",
        &n,
        "--resolution",
        "x",
    ]);
    assert_eq!(bad.code, 2, "the mentee is not the mentor: {}", bad.stderr);
    let done = curator.ok(&[
        "pair",
        "replace-mentor",
        "--pair",
        &pair,
        "--request",
        &request,
        "--old",
        &m,
        "--new",
        &n,
        "--resolution",
        "Удовлетворить: наставник — Орлова В.",
    ]);
    assert_eq!(done["revoked"].as_array().unwrap().len(), 1, "{done}");
    let listed = curator.ok(&["pair", "list"]);
    let members = &listed[0]["members"];
    assert_eq!(members[0]["person"], n.as_str(), "the new mentor in the index: {listed}");
    assert_eq!(members[0]["role"], "mentor");

    curator.ok(&["plan", "add", "--pair", &pair, "--title", "После замены", "--deadline", "2026-11-01"]);
    let refused = mentor.run(&["sync", "--peer", &serving.addr, "--wait", "5"]);
    assert_eq!(refused.code, 3, "the old mentor's device is refused: {} {}", refused.json, refused.stderr);
    let plan = mentor.ok(&["plan", "list", "--pair", &pair]);
    assert!(!plan.to_string().contains("После замены"), "the old mentor got a new change: {plan}");
    mentee.ok(&["sync", "--peer", &serving.addr]);
    let plan = mentee.ok(&["plan", "list", "--pair", &pair]);
    assert!(
        plan.to_string().contains("После замены") && plan.to_string().contains("От прежнего наставника"),
        "{plan}"
    );
    let decided = mentee.ok(&["pair", "requests", "--pair", &pair]);
    assert_eq!(decided[0]["resolution"], "Удовлетворить: наставник — Орлова В.");
    serving.stop();

    // The history names who did what — the replaced mentor too — and reads the same on the
    // curator's device and the mentee's, whatever order their copies merged in.
    let history = curator.ok(&["pair", "history", "--pair", &pair]);
    let rows = history.as_array().unwrap();
    let by = |what: &str| rows.iter().filter(|r| r["what"] == what).map(|r| s(r, "who")).collect::<Vec<_>>();
    // In causal order: the curator added its activity after the mentor's had reached it.
    assert_eq!(by("новое мероприятие"), ["Петрова Анна (наставник)", "куратор"], "{history}");
    assert_eq!(s(&rows[0], "what"), "создание документа", "the pair's document is created first: {history}");
    assert_eq!(by("отчёт наставника: результаты"), ["Петрова Анна (наставник)"]);
    assert_eq!(by("анкета удовлетворённости"), ["Смирнов Илья (наставляемый)"]);
    assert_eq!(by("ходатайство о замене наставника"), ["Смирнов Илья (наставляемый)"]);
    assert_eq!(by("замена наставника"), ["куратор"]);
    let seen = |h: &serde_json::Value| {
        h.as_array().unwrap().iter().map(|r| (s(r, "at"), s(r, "who"), s(r, "what"))).collect::<Vec<_>>()
    };
    assert_eq!(seen(&mentee.ok(&["pair", "history", "--pair", &pair])), seen(&history));
    // Filters: one person, one part.
    let mentors = curator.ok(&["pair", "history", "--pair", &pair, "--person", &m]);
    assert!(!seen(&mentors).is_empty());
    assert!(seen(&mentors).iter().all(|(_, who, _)| who == "Петрова Анна (наставник)"), "{mentors}");
    let plan = curator.ok(&["pair", "history", "--pair", &pair, "--part", "plan"]);
    assert_eq!(seen(&plan).len(), 2, "{plan}");
    assert_eq!(curator.run(&["pair", "history", "--pair", &pair, "--part", "всё"]).code, 2);
    // One activity's own history.
    let activity = curator.ok(&["pair", "history", "--pair", &pair, "--activity", &s(&first, "id")]);
    assert_eq!(
        seen(&activity).into_iter().map(|(_, who, what)| (who, what)).collect::<Vec<_>>(),
        [("Петрова Анна (наставник)".to_string(), "новое мероприятие".to_string())],
        "{activity}"
    );
    let missing = curator.run(&["pair", "history", "--pair", &pair, "--activity", "a-none"]);
    assert_ne!(missing.code, 0);
    assert!(missing.stderr.contains("мероприятие a-none не найдено"), "{}", missing.stderr);
    // For an inspection: the same rows as a .docx table.
    let out = curator.dir.join("history.docx");
    curator.ok(&["export", "--kind", "history", "--pair", &pair, "--out", out.to_str().unwrap()]);
    let text = docx::docx_text(&std::fs::read(&out).unwrap());
    assert!(text.contains("История изменений программы и журнала наставнической пары"), "{text}");
    assert!(text.contains(&format!("Изменений: {}", rows.len())), "{text}");
    assert!(text.contains("Смирнов Илья (наставляемый)") && text.contains("ходатайство о замене наставника"));
}
