//! The curator's paperwork through `nastavnik-cli`, on real documents on disk: every export,
//! the order fixing pairs, and an import that is previewed, refused whole while a row is
//! broken, and then done in one change that a later process reads back.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

mod docx;
use docx::docx_text;
use nastavnik_tests::cli::{Device, field as s};

fn people(c: &Device) -> Vec<String> {
    c.ok(&["person", "list"]).as_array().unwrap().iter().map(|p| s(p, "name")).collect()
}

#[test]
fn every_document_is_written_and_the_order_fixes_new_pairs() {
    let c = Device::new("paperwork-export");
    c.ok(&["demo"]);
    let out = c.dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    for (kind, file, extra) in [
        ("monitoring", "m.xlsx", None),
        ("mentors", "b1.xlsx", None),
        ("mentees", "b2.xlsx", None),
        ("report", "r.docx", None),
        ("programme", "p.docx", Some(["--pair", "pair-1"])),
        ("journal", "j.docx", Some(["--pair", "pair-1"])),
        ("order", "o45.docx", Some(["--number", "45-о"])),
    ] {
        let path = out.join(file);
        let mut args = vec!["export", "--kind", kind, "--out", path.to_str().unwrap()];
        args.extend(extra.iter().flatten());
        let v = c.ok(&args);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK"), "{kind}: an Office file is a zip");
        assert_eq!(v["bytes"].as_u64().unwrap(), bytes.len() as u64);
    }
    // A pair document needs --pair; an unknown kind is named.
    let bad = c.run(&["export", "--kind", "journal", "--out", "x.docx"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("укажите пару"), "{}", bad.stderr);
    let bad = c.run(&["export", "--kind", "приказ", "--out", "x.docx"]);
    assert!(bad.stderr.contains("неизвестный документ «приказ»"), "{}", bad.stderr);

    // A new order takes the pair that is still forming (pair-4) and records itself on it.
    let order = out.join("o.docx");
    let v = c.ok(&["order", "--number", "50-о", "--date", "2026-11-20", "--out", order.to_str().unwrap()]);
    assert_eq!(v["pairs"], serde_json::json!(["pair-4"]));
    let pairs = c.ok(&["pair", "list"]);
    let pair4 = pairs.as_array().unwrap().iter().find(|p| p["id"] == "pair-4").unwrap();
    assert_eq!(pair4["orderNumber"], "50-о", "{pair4}");
    // Nothing left for another order; the same number with another date is refused.
    let again =
        c.run(&["order", "--number", "51-о", "--date", "2026-11-20", "--out", order.to_str().unwrap()]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("нет пар для приказа"), "{}", again.stderr);
    let redated =
        c.run(&["order", "--number", "50-о", "--date", "2026-11-21", "--out", order.to_str().unwrap()]);
    assert!(redated.stderr.contains("уже издан 20.11.2026"), "{}", redated.stderr);
}

#[test]
fn an_import_is_previewed_refused_while_broken_and_then_done_whole() {
    let c = Device::new("paperwork-import");
    c.ok(&["school", "create", "--name", "МБОУ СОШ №7", "--head", "Иванов И. И."]);
    let before = people(&c);
    let file = c.dir.join("наставники.csv");
    let broken = "ФИО;Предмет;Стаж;Компетенции;Нагрузка\n\
                  Белова Ирина Павловна;русский язык;25;ОГЭ, функциональная грамотность;3\n\
                  Громов Олег Ильич;физика;много;;\n\
                  ;химия;3;;\n";
    std::fs::write(&file, broken).unwrap();
    let path = file.to_str().unwrap();

    let preview = c.ok(&["import", "--base", "mentors", "--file", path]);
    assert_eq!(preview["ready"].as_array().unwrap().len(), 1);
    let errors: Vec<(u64, String)> = preview["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), s(e, "message")))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].0, 3);
    assert!(errors[0].1.contains("Педагогический стаж: «много»"), "{}", errors[0].1);
    assert_eq!(errors[1], (4, "не указано ФИО".to_string()));
    assert_eq!(people(&c), before, "a preview changes nothing");

    let refused = c.run(&["import", "--base", "mentors", "--file", path, "--apply"]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("Ничего не загружено"), "{}", refused.stderr);
    assert!(refused.stderr.contains("строка 3: Громов Олег Ильич"), "{}", refused.stderr);
    assert_eq!(people(&c), before, "not even the good row");

    let fixed = broken.replace(";много;", ";7;").replace("\n;химия;3;;\n", "\nЕгорова Анна;химия;3;;\n");
    std::fs::write(&file, fixed).unwrap();
    let done = c.ok(&["import", "--base", "mentors", "--file", path, "--apply"]);
    assert_eq!(done["imported"], 3);
    let now = people(&c);
    for name in ["Белова Ирина Павловна", "Громов Олег Ильич", "Егорова Анна"]
    {
        assert!(now.contains(&name.to_string()), "{name} in {now:?}");
    }
    let again = c.ok(&["import", "--base", "mentors", "--file", path]);
    assert_eq!(again["skipped"].as_array().unwrap().len(), 3, "importing again adds nobody");
    let bad_base = c.run(&["import", "--base", "teachers", "--file", path]);
    assert!(bad_base.stderr.contains("неизвестная база «teachers»"), "{}", bad_base.stderr);
}

/// A participant's record for аттестация: the curator makes anyone's, a member's device only its
/// own person's — from the pairs' documents that device holds.
#[test]
fn a_participants_record_is_made_by_the_curator_and_on_their_own_device() {
    let c = Device::new("record-curator");
    let mentee = Device::new("record-mentee");
    c.ok(&["school", "create", "--name", "МБОУ СОШ № 21"]);
    let (m, e) = (c.add_teacher("Петрова Анна Ивановна"), c.add_teacher("Смирнов Илья Олегович"));
    let pair = c.form_pair(&m, &e);
    let done = s(
        &c.ok(&[
            "plan",
            "add",
            "--pair",
            &pair,
            "--title",
            "Открытый урок по теме «Дроби»",
            "--deadline",
            "2026-11-10",
        ]),
        "id",
    );
    c.ok(&[
        "plan",
        "status",
        "--pair",
        &pair,
        "--activity",
        &done,
        "--status",
        "done",
        "--done-on",
        "2026-11-09",
    ]);
    c.ok(&["plan", "add", "--pair", &pair, "--title", "Ещё не сделано", "--deadline", "2026-12-20"]);
    c.ok(&["meeting", "add", "--pair", &pair, "--date", "2026-11-02", "--topic", "Разбор открытого урока"]);
    let out = c.dir.join("record.docx");
    let path = out.to_str().unwrap();

    c.ok(&["export", "--kind", "record", "--person", &e, "--out", path]);
    let text = docx_text(&std::fs::read(&out).unwrap());
    for expected in [
        "Сведения об участии в программе наставничества",
        "ФИО: Смирнов Илья Олегович",
        "Роль: наставляемый",
        "Выполнено мероприятий: 1 из 2",
        "Открытый урок по теме «Дроби»",
        "09.11.2026",
        "Разбор открытого урока",
    ] {
        assert!(text.contains(expected), "«{expected}» in the record: {text}");
    }
    assert!(!text.contains("Ещё не сделано"), "only what was done");
    let bad = c.run(&["export", "--kind", "record", "--out", path]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("укажите участника"), "{}", bad.stderr);

    // The mentee's own device: her record, without naming herself; nobody else's.
    let serving = c.serve();
    mentee.join(&c, &e, &serving.addr);
    serving.stop();
    let own = mentee.dir.join("my-record.docx");
    mentee.ok(&["export", "--kind", "record", "--out", own.to_str().unwrap()]);
    let text = docx_text(&std::fs::read(&own).unwrap());
    assert!(
        text.contains("ФИО: Смирнов Илья Олегович") && text.contains("Открытый урок по теме «Дроби»"),
        "{text}"
    );
    let other = mentee.run(&["export", "--kind", "record", "--person", &m, "--out", own.to_str().unwrap()]);
    assert_eq!(other.code, 2, "{}", other.stderr);
    assert!(other.stderr.contains("только свои сведения"), "{}", other.stderr);
}
