//! The programme's lists through `nastavnik-cli`: directions, deficits, strengths and goals
//! written, reworded and removed on real documents, bad input refused with nothing changed,
//! and the pair's .docx programme no longer «не указаны» once they are written.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

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

/// The text of a .docx's body, tags dropped.
fn docx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for ch in xml.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}
