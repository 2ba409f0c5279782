//! `nastavnik-cli` on one device, as real processes: a curator's day, bad input, restarts,
//! damaged files and kills in the middle of a write.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use nastavnik_tests::cli::{Device, field as s};

/// A school with a working pair: returns (curator device, pair id, mentor id, mentee id).
fn school_with_pair(name: &str) -> (Device, String, String, String) {
    let c = Device::new(name);
    c.ok(&["school", "create", "--name", "МБОУ СОШ №5", "--head", "Иванов И. И."]);
    let mentor = s(
        &c.ok(&[
            "person",
            "add",
            "--name",
            "Петрова Анна",
            "--category",
            "teacher",
            "--birth-year",
            "1979",
            "--teaching-years",
            "20",
        ]),
        "id",
    );
    let mentee = s(
        &c.ok(&[
            "person",
            "add",
            "--name",
            "Смирнов Илья",
            "--category",
            "teacher",
            "--birth-year",
            "2001",
            "--teaching-years",
            "1",
        ]),
        "id",
    );
    for (p, n) in [(&mentor, "Петрова Анна"), (&mentee, "Смирнов Илья")] {
        c.ok(&["consent", "--person", p, "--giver", "participant", "--signed-by", n, "--date", "2026-09-01"]);
    }
    let pair = s(
        &c.ok(&[
            "pair",
            "create",
            "--mentor",
            &mentor,
            "--mentee",
            &mentee,
            "--start",
            "2026-09-15",
            "--months",
            "9",
        ]),
        "pair",
    );
    c.ok(&["pair", "status", "--pair", &pair, "--status", "active"]);
    (c, pair, mentor, mentee)
}

#[test]
fn a_curators_day_reaches_the_overview() {
    let (c, pair, _, _) = school_with_pair("day");
    let a1 = s(
        &c.ok(&["plan", "add", "--pair", &pair, "--title", "Изучение ФГОС", "--deadline", "2026-10-01"]),
        "id",
    );
    c.ok(&["plan", "add", "--pair", &pair, "--title", "Открытый урок", "--deadline", "2026-12-20"]);
    c.ok(&["plan", "edit", "--pair", &pair, "--activity", &a1, "--title", "Изучение ФГОС ООО"]);
    let edited = c.ok(&["plan", "list", "--pair", &pair]);
    assert_eq!(
        (edited[0]["title"].as_str(), edited[0]["deadline"].as_str()),
        (Some("Изучение ФГОС ООО"), Some("2026-10-01"))
    );
    c.ok(&[
        "plan",
        "status",
        "--pair",
        &pair,
        "--activity",
        &a1,
        "--status",
        "done",
        "--done-on",
        "2026-09-30",
    ]);
    let m = s(
        &c.ok(&[
            "meeting",
            "add",
            "--pair",
            &pair,
            "--type",
            "organisational",
            "--date",
            "2026-09-16",
            "--topic",
            "Знакомство",
        ]),
        "id",
    );
    // The journal's texts are the pair's own: the curator reads them but does not write them.
    let notes = c.run(&["meeting", "notes", "--pair", &pair, "--meeting", &m, "--text", "Заметки куратора"]);
    assert_eq!(notes.code, 2);
    assert!(notes.json["error"].as_str().unwrap().contains("только её участники"));

    let o = c.ok(&["--today", "2026-11-22", "overview"]);
    assert_eq!(o["plan"], serde_json::json!({ "part": 1, "whole": 2 }));
    assert_eq!(o["pairs"][0]["meetings"], 1);
    assert_eq!(o["kpis"][0]["share"], serde_json::json!({ "part": 2, "whole": 2 }));
    assert_eq!(o["overdue"].as_array().unwrap().len(), 0);
    // The summary cache: the second overview reads no document; a change re-reads just that one.
    assert_eq!(o["cache"]["read"], 1, "{}", o["cache"]);
    let again = c.ok(&["--today", "2026-11-22", "overview"]);
    assert_eq!((again["cache"]["cached"].as_u64(), again["cache"]["read"].as_u64()), (Some(1), Some(0)));
    let late = c.ok(&["--today", "2026-12-25", "overview"]);
    assert_eq!(late["cache"]["read"], 0, "the day changes overdue items, not the cache");
    assert_eq!(late["overdue"][0]["title"], "Открытый урок");
    assert_eq!(late["overdue"][0]["daysOverdue"], 5);
    c.ok(&["plan", "status", "--pair", &pair, "--activity", &a1, "--status", "in_progress"]);
    let changed = c.ok(&["--today", "2026-12-25", "overview"]);
    assert_eq!(changed["cache"]["read"], 1);
    assert_eq!(changed["plan"], serde_json::json!({ "part": 0, "whole": 2 }));
}

#[test]
fn bad_input_exits_2_with_a_russian_message_and_changes_nothing() {
    let (c, pair, mentor, mentee) = school_with_pair("bad");
    let before = c.ok(&["plan", "list", "--pair", &pair]);
    let cases: Vec<Vec<&str>> = vec![
        vec!["person", "add", "--name", "  ", "--category", "teacher"],
        vec!["person", "add", "--name", "Кто-то", "--category", "wizard"],
        vec![
            "pair",
            "create",
            "--mentor",
            &mentor,
            "--mentee",
            &mentee,
            "--start",
            "2026-09-01",
            "--months",
            "0",
        ],
        vec![
            "pair",
            "create",
            "--mentor",
            &mentor,
            "--mentee",
            &mentee,
            "--start",
            "2026-09-01",
            "--months",
            "13",
        ],
        vec![
            "pair",
            "create",
            "--mentor",
            &mentor,
            "--mentee",
            &mentee,
            "--start",
            "01.09.2026",
            "--months",
            "9",
        ],
        vec!["plan", "add", "--pair", &pair, "--title", "X", "--deadline", "2026-02-30"],
        vec!["plan", "add", "--pair", &pair, "--title", "", "--deadline", "2026-10-01"],
        vec!["plan", "add", "--pair", "pair-nope", "--title", "X", "--deadline", "2026-10-01"],
        vec!["school", "create", "--name", "Вторая школа"],
    ];
    for args in cases {
        let run = c.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        let message = run.json["error"].as_str().unwrap_or_default().to_string();
        assert!(message.chars().any(|ch| ('а'..='я').contains(&ch)), "{args:?}: not Russian: {message}");
    }
    assert_eq!(c.ok(&["plan", "list", "--pair", &pair]), before, "nothing changed");
    assert_eq!(c.ok(&["pair", "list"]).as_array().unwrap().len(), 1);
    let new = Device::new("new");
    assert_eq!(new.run(&["person", "list"]).code, 2, "a device without a school says so");
}

/// Where the (only) pair's document keeps its incremental chunks on the curator's disk.
fn chunk_folder(c: &Device) -> std::path::PathBuf {
    let doc = c.ok(&["pair", "list"])[0]["doc"].as_str().unwrap().to_string();
    let folder = c.dir.join("docs").join(&doc[..2]).join(&doc[2..]).join("incremental");
    assert!(folder.is_dir(), "{folder:?}");
    folder
}

#[test]
fn a_damaged_chunk_is_set_aside_and_the_rest_keeps_working() {
    let (c, pair, _, _) = school_with_pair("damaged");
    c.ok(&["plan", "add", "--pair", &pair, "--title", "Первое", "--deadline", "2026-10-01"]);
    // Write a stray, unreadable chunk into the pair's folder.
    let folder = chunk_folder(&c);
    let stray = folder.join("0000deadbeef");
    std::fs::write(&stray, b"not automerge at all").unwrap();
    // A read skips the chunk and leaves it where it is (reads write nothing)…
    let plan = c.ok(&["plan", "list", "--pair", &pair]);
    assert_eq!(plan[0]["title"], "Первое");
    assert!(stray.exists(), "a reading command moved a file");
    assert_eq!(c.ok(&["status"])["quarantined"].as_array().unwrap().len(), 0);
    // …the folder's writer sets it aside.
    c.ok(&["plan", "add", "--pair", &pair, "--title", "Второе", "--deadline", "2026-10-02"]);
    assert!(!stray.exists());
    assert_eq!(c.ok(&["status"])["quarantined"].as_array().unwrap().len(), 1);
    assert_eq!(c.ok(&["plan", "list", "--pair", &pair]).as_array().unwrap().len(), 2);
}

/// A chunk crafted so that automerge's column decoder panics on it (found by fuzzing): set aside
/// like any damaged chunk — before, opening the folder crashed every command.
#[test]
fn a_chunk_that_makes_automerge_panic_is_set_aside_too() {
    let (c, pair, _, _) = school_with_pair("crafted");
    c.ok(&["plan", "add", "--pair", &pair, "--title", "Первое", "--deadline", "2026-10-01"]);
    let folder = chunk_folder(&c);
    let crafted =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/doc_load/hexane_null_run");
    let stray = folder.join("0000c0ffee");
    std::fs::copy(crafted, &stray).unwrap();
    assert_eq!(c.ok(&["plan", "list", "--pair", &pair])[0]["title"], "Первое");
    c.ok(&["plan", "add", "--pair", &pair, "--title", "Второе", "--deadline", "2026-10-02"]);
    assert!(!stray.exists());
    assert_eq!(c.ok(&["status"])["quarantined"].as_array().unwrap().len(), 1);
    assert_eq!(c.ok(&["plan", "list", "--pair", &pair]).as_array().unwrap().len(), 2);
}

#[test]
fn a_kill_at_any_moment_leaves_loadable_documents_and_keeps_what_was_reported_saved() {
    let (c, pair, _, _) = school_with_pair("kill");
    let mut saved = Vec::new();
    for i in 0..30u64 {
        let title = format!("Мероприятие {i}");
        let mut child = c
            .command(&["plan", "add", "--pair", &pair, "--title", &title, "--deadline", "2026-10-01"])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis((i * 7) % 23));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            saved.push(title);
        }
    }
    let plan = c.ok(&["plan", "list", "--pair", &pair]);
    let titles: Vec<&str> = plan.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    for t in &saved {
        assert!(titles.contains(&t.as_str()), "{t} was reported saved but is gone: {titles:?}");
    }
    assert!(c.ok(&["status"])["quarantined"].as_array().unwrap().is_empty(), "no torn chunk");
    println!("{} of 30 finished before the kill; {} activities on disk", saved.len(), titles.len());
}

#[test]
fn matching_suggests_the_mentor_whose_competencies_answer_the_request() {
    let c = Device::new("matching");
    c.ok(&["school", "create", "--name", "Школа"]);
    let mentee = s(
        &c.ok(&["person", "add", "--name", "Смирнов", "--category", "teacher", "--subject", "математика"]),
        "id",
    );
    let good = s(
        &c.ok(&["person", "add", "--name", "Петрова", "--category", "teacher", "--subject", "математика"]),
        "id",
    );
    let other = c.add_teacher("Кузнецова");
    c.ok(&["person", "request", "--person", &mentee, "--text", "Дисциплина на уроках"]);
    c.ok(&[
        "person",
        "mentor-profile",
        "--person",
        &good,
        "--competency",
        "удержание дисциплины",
        "--capacity",
        "2",
        "--form",
        "teacher_teacher",
    ]);
    c.ok(&[
        "person",
        "mentor-profile",
        "--person",
        &other,
        "--competency",
        "подготовка к ОГЭ",
        "--capacity",
        "2",
    ]);
    let bad = c.run(&["person", "mentor-profile", "--person", &other, "--capacity", "0"]);
    assert_eq!(bad.code, 2, "capacity 0 is refused");
    let ranked = c.ok(&["pair", "suggest", "--mentee", &mentee]);
    assert_eq!(ranked[0]["mentorId"], good.as_str());
    let reasons: Vec<&str> =
        ranked[0]["reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    assert!(reasons.iter().any(|r| r.contains("удержание дисциплины")), "{reasons:?}");
    assert!(reasons.contains(&"тот же предмет: математика"), "{reasons:?}");
    assert_eq!(ranked[1]["mentorId"], other.as_str());
}

#[test]
fn the_roadmap_of_the_seeds_is_there_to_tick_off() {
    let c = Device::new("roadmap");
    c.ok(&["--today", "2026-11-22", "school", "create", "--name", "Школа"]);
    let roadmap = c.ok(&["roadmap", "list"]);
    let items = roadmap.as_array().unwrap();
    assert_eq!(items.len(), 35);
    assert_eq!(items[0]["deadline"], "2026-09-30");
    assert_eq!(items[34]["stage"], "completion");
    c.ok(&["roadmap", "status", "--item", "rm-1.1", "--status", "done"]);
    assert_eq!(c.ok(&["roadmap", "list"])[0]["status"], "done");
    assert_eq!(c.run(&["roadmap", "status", "--item", "rm-1.1", "--status", "finished"]).code, 2);
    assert_eq!(c.run(&["roadmap", "status", "--item", "rm-99", "--status", "done"]).code, 2);
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn reads_in_parallel_all_succeed_and_leave_the_documents_untouched() {
    let (c, pair, _, _) = school_with_pair("reads");
    for i in 0..12 {
        c.ok(&["plan", "add", "--pair", &pair, "--title", &format!("М{i}"), "--deadline", "2026-10-01"]);
    }
    let before = files(&c.dir.join("docs"));
    let failures: usize = std::thread::scope(|s| {
        let loops: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| (0..8).filter(|_| c.run(&["plan", "list", "--pair", &pair]).code != 0).count())
            })
            .collect();
        loops.into_iter().map(|l| l.join().unwrap()).sum()
    });
    assert_eq!(failures, 0, "a read failed beside another read");
    assert_eq!(files(&c.dir.join("docs")), before, "a read changed the documents on disk");
}
