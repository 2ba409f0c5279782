//! The programme's lists through `nastavnik-cli`: directions, deficits, strengths and goals
//! written, reworded and removed on real documents, bad input refused with nothing changed,
//! and the pair's .docx programme no longer «не указаны» once they are written.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

mod docx;
use docx::docx_text;
use nastavnik_tests::cli::{Device, field as s};

#[test]
fn the_programme_lists_are_written_reworded_and_removed() {
    let c = Device::new("programme");
    c.ok(&["school", "create", "--name", "МБОУ СОШ №5"]);
    let (m, e) = (c.add_teacher("Петрова Анна"), c.add_teacher("Смирнов Илья"));
    let pair = c.form_pair(&m, &e);
    let add = |part: &str, text: &str| {
        s(&c.ok(&["programme", "add", "--pair", &pair, "--part", part, "--text", text]), "id")
    };
    let direction = add("directions", "Методика урока");
    let deficit = add("deficits", "Дисциплина");
    let strength = add("strengths", "Лишнее");
    add("short_goals", "Открытый урок");
    let goal = add("long_goals", "Аттестация");

    c.ok(&[
        "programme",
        "edit",
        "--pair",
        &pair,
        "--part",
        "deficits",
        "--item",
        &deficit,
        "--text",
        "Дисциплина на уроке",
    ]);
    c.ok(&["programme", "remove", "--pair", &pair, "--part", "strengths", "--item", &strength]);
    let listed = c.ok(&["programme", "list", "--pair", &pair]);
    let rows: Vec<(String, String, String)> =
        listed.as_array().unwrap().iter().map(|r| (s(r, "part"), s(r, "id"), s(r, "text"))).collect();
    assert_eq!(
        rows,
        [
            ("directions".to_string(), direction.clone(), "Методика урока".to_string()),
            ("deficits".into(), deficit.clone(), "Дисциплина на уроке".into()),
            ("short_goals".into(), rows[2].1.clone(), "Открытый урок".into()),
            ("long_goals".into(), goal.clone(), "Аттестация".into()),
        ]
    );

    // Bad input: exit 2, a Russian message, nothing changed.
    let unknown = c.run(&["programme", "add", "--pair", &pair, "--part", "wishes", "--text", "x"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.json["error"].as_str().unwrap().contains("short_goals"),
        "lists what is allowed: {}",
        unknown.json
    );
    let empty = c.run(&[
        "programme",
        "edit",
        "--pair",
        &pair,
        "--part",
        "directions",
        "--item",
        &direction,
        "--text",
        " ",
    ]);
    assert_eq!(empty.code, 2);
    assert!(empty.json["error"].as_str().unwrap().contains("Формулировка"), "{}", empty.json);
    let wrong_term =
        c.run(&["programme", "remove", "--pair", &pair, "--part", "short_goals", "--item", &goal]);
    assert_eq!(wrong_term.code, 2, "a long-term goal is not found among the short-term ones");
    assert_eq!(c.ok(&["programme", "list", "--pair", &pair]), listed, "refused commands changed nothing");

    // The pair's programme as a school hands it in.
    let out = c.dir.join("программа.docx");
    c.ok(&["export", "--kind", "programme", "--pair", &pair, "--out", out.to_str().unwrap()]);
    let docx = std::fs::read(&out).unwrap();
    let text = docx_text(&docx);
    for wording in ["Методика урока", "Дисциплина на уроке", "Открытый урок", "Аттестация"]
    {
        assert!(text.contains(wording), "«{wording}» not in the programme: {text}");
    }
    assert!(!text.contains("Лишнее"), "a removed entry is gone from the document");
}

#[test]
fn activities_and_meetings_are_edited_and_removed() {
    let c = Device::new("editing");
    c.ok(&["school", "create", "--name", "МБОУ СОШ №5"]);
    let (m, e) = (c.add_teacher("Петрова Анна"), c.add_teacher("Смирнов Илья"));
    let pair = c.form_pair(&m, &e);
    let keep =
        s(&c.ok(&["plan", "add", "--pair", &pair, "--title", "Оставить", "--deadline", "2026-10-01"]), "id");
    let drop =
        s(&c.ok(&["plan", "add", "--pair", &pair, "--title", "Убрать", "--deadline", "2026-10-02"]), "id");
    c.ok(&["plan", "remove", "--pair", &pair, "--activity", &drop]);
    let plan = c.ok(&["plan", "list", "--pair", &pair]);
    let ids: Vec<String> = plan.as_array().unwrap().iter().map(|a| s(a, "id")).collect();
    assert_eq!(ids, [keep]);
    assert_eq!(c.run(&["plan", "remove", "--pair", &pair, "--activity", &drop]).code, 2, "already gone");

    let meeting =
        s(&c.ok(&["meeting", "add", "--pair", &pair, "--date", "2026-09-10", "--topic", "Знакомство"]), "id");
    c.ok(&[
        "meeting",
        "edit",
        "--pair",
        &pair,
        "--meeting",
        &meeting,
        "--topic",
        "Знакомство и правила",
        "--format",
        "remote",
    ]);
    let bad_date =
        c.run(&["meeting", "edit", "--pair", &pair, "--meeting", &meeting, "--date", "2031-01-01"]);
    assert_eq!(bad_date.code, 2, "outside the programme's period: {}", bad_date.stderr);
    let journal = c.ok(&["meeting", "list", "--pair", &pair]);
    assert_eq!(journal[0]["topic"], "Знакомство и правила");
    assert_eq!(journal[0]["date"], "2026-09-10", "fields not given stay as they were");
    // The pair's texts are the members' to write: the curator's device is refused.
    let curator_writes = c.run(&[
        "meeting",
        "text",
        "--pair",
        &pair,
        "--meeting",
        &meeting,
        "--field",
        "agreed_tasks",
        "--text",
        "x",
    ]);
    assert_eq!(curator_writes.code, 2);
    let unknown =
        c.run(&["meeting", "text", "--pair", &pair, "--meeting", &meeting, "--field", "mood", "--text", "x"]);
    assert!(unknown.json["error"].as_str().unwrap().contains("reflection"), "{}", unknown.json);
    c.ok(&["meeting", "remove", "--pair", &pair, "--meeting", &meeting]);
    assert_eq!(c.ok(&["meeting", "list", "--pair", &pair]).as_array().unwrap().len(), 0);
}

#[test]
fn a_closed_pair_goes_to_the_archive_read_only_and_still_exported() {
    let c = Device::new("archive");
    c.ok(&["school", "create", "--name", "МБОУ СОШ №5"]);
    let (m, e) = (c.add_teacher("Петрова Анна"), c.add_teacher("Смирнов Илья"));
    let pair = c.form_pair(&m, &e);
    c.ok(&["plan", "add", "--pair", &pair, "--title", "Урок", "--deadline", "2026-10-01"]);
    // Prolonged within 12 months; 13 refused.
    c.ok(&["pair", "edit", "--pair", &pair, "--months", "12", "--kind", "group"]);
    assert_eq!(c.ok(&["pair", "list"])[0]["periodMonths"], 12);
    assert_eq!(c.ok(&["pair", "list"])[0]["kind"], "group");
    assert_eq!(c.run(&["pair", "edit", "--pair", &pair, "--months", "13"]).code, 2);
    let no_reason = c.run(&["pair", "status", "--pair", &pair, "--status", "dissolved"]);
    assert_eq!(no_reason.code, 2, "a dissolution needs its reason");
    assert_eq!(c.ok(&["pair", "list"])[0]["status"], "forming", "refused: the index did not move either");
    c.ok(&["pair", "status", "--pair", &pair, "--status", "dissolved", "--reason", "Наставник уволился"]);
    assert_eq!(c.ok(&["pair", "list"])[0]["status"], "dissolved");
    let late = c.run(&["plan", "add", "--pair", &pair, "--title", "Ещё", "--deadline", "2026-10-02"]);
    assert_eq!(late.code, 2);
    assert!(late.json["error"].as_str().unwrap().contains("в архиве"), "{}", late.json);
    assert_eq!(
        c.run(&["pair", "edit", "--pair", &pair, "--months", "6"]).code,
        2,
        "an archived pair is not edited"
    );
    let again = c.run(&["pair", "status", "--pair", &pair, "--status", "completed"]);
    assert_eq!(again.code, 2, "an archived pair stays as it was closed");
    assert_eq!(c.ok(&["plan", "list", "--pair", &pair]).as_array().unwrap().len(), 1, "still read");
    let out = c.dir.join("журнал.docx");
    c.ok(&["export", "--kind", "journal", "--pair", &pair, "--out", out.to_str().unwrap()]);
    assert!(out.exists());
}

#[test]
fn survey_report_and_criterion_from_the_cli() {
    let c = Device::new("results-cli");
    c.ok(&["school", "create", "--name", "МБОУ СОШ №5"]);
    let (m, e) = (c.add_teacher("Петрова Анна"), c.add_teacher("Смирнов Илья"));
    let pair = c.form_pair(&m, &e);
    // The curator's device: a criterion yes; the pair's own survey and report no (members only).
    c.ok(&["pair", "criterion", "--pair", &pair, "--title", "Цифровые инструменты"]);
    assert_eq!(c.run(&["pair", "criterion", "--pair", &pair, "--title", " "]).code, 2);
    assert_eq!(c.run(&["pair", "survey", "--pair", &pair, "--score", "9"]).code, 2);
    assert_eq!(c.run(&["pair", "report", "--pair", &pair, "--results", "x", "--submit"]).code, 2);
}
