//! Concurrent edits and undo, by real processes: the mentor and the mentee move one deadline
//! differently while apart, each syncs with the curator's `serve`; every device then shows both
//! values with who wrote each, the curator's «Требует внимания» names the pair, the mentee keeps one
//! value and after the next syncs every device has that one value and no conflict. Then the mentor
//! undoes a change from the activity's history, and a programme entry's rewording from its own.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use nastavnik_tests::cli::{Device, field as s};
use serde_json::Value;

fn kinds(items: &Value) -> Vec<String> {
    items.as_array().unwrap().iter().map(|i| s(i, "kind")).collect()
}

/// Every file under `dir` with its length and modification time.
fn files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, u64, std::time::SystemTime)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let (path, meta) = (entry.path(), entry.metadata().unwrap());
            if meta.is_dir() {
                stack.push(path);
            } else {
                found.push((path, meta.len(), meta.modified().unwrap()));
            }
        }
    }
    found.sort();
    found
}

fn deadline(device: &Device, pair: &str) -> String {
    let plan = device.ok(&["plan", "list", "--pair", pair]);
    s(&plan[0], "deadline")
}

#[test]
fn a_deadline_moved_apart_is_shown_twice_and_settled_by_one_choice() {
    let curator = Device::new("conflicts-curator");
    let (mentor, mentee) = (Device::new("conflicts-mentor"), Device::new("conflicts-mentee"));
    curator.ok(&["school", "create", "--name", "Школа"]);
    let (m, e, pair) = curator.working_pair("Петрова Анна", "Смирнов Илья");
    let serving = curator.serve();
    mentor.join(&curator, &m, &serving.addr);
    mentee.join(&curator, &e, &serving.addr);
    let added =
        mentor.ok(&["plan", "add", "--pair", &pair, "--title", "Открытый урок", "--deadline", "2026-12-10"]);
    let activity = s(&added, "id");
    mentor.ok(&["sync", "--peer", &serving.addr]);
    mentee.ok(&["sync", "--peer", &serving.addr]);
    assert_eq!(deadline(&mentee, &pair), "2026-12-10");

    // Apart: each moves the deadline its own way. Nothing to choose yet on either device.
    mentor.ok(&["plan", "edit", "--pair", &pair, "--activity", &activity, "--deadline", "2026-12-15"]);
    mentee.ok(&["plan", "edit", "--pair", &pair, "--activity", &activity, "--deadline", "2026-12-20"]);
    assert_eq!(mentor.ok(&["pair", "conflicts", "--pair", &pair]), serde_json::json!([]));
    mentor.ok(&["sync", "--peer", &serving.addr]);
    mentee.ok(&["sync", "--peer", &serving.addr]);
    mentor.ok(&["sync", "--peer", &serving.addr]);

    // Every device shows the same conflict: both values, and who wrote each.
    let seen = curator.ok(&["pair", "conflicts", "--pair", &pair]);
    assert_eq!(seen.as_array().unwrap().len(), 1, "{seen}");
    assert_eq!(s(&seen[0], "path"), format!("activities/{activity}/deadline"));
    assert_eq!(s(&seen[0], "what"), "мероприятие «Открытый урок»: срок");
    let mut values: Vec<(String, String)> =
        seen[0]["values"].as_array().unwrap().iter().map(|v| (s(v, "value"), s(v, "who"))).collect();
    values.sort();
    assert_eq!(
        values,
        [
            ("15.12.2026".to_string(), "Петрова Анна (наставник)".to_string()),
            ("20.12.2026".to_string(), "Смирнов Илья (наставляемый)".to_string())
        ]
    );
    let untouched = files(&mentee.dir);
    assert_eq!(mentee.ok(&["pair", "conflicts", "--pair", &pair]), seen, "the mentee sees the same");
    assert_eq!(files(&mentee.dir), untouched, "listing conflicts wrote nothing");
    assert_eq!(mentor.ok(&["pair", "conflicts", "--pair", &pair]), seen, "and so does the mentor");
    let attention = curator.ok(&["--today", "2026-09-10", "attention"]);
    assert!(kinds(&attention).contains(&"conflicts".to_string()), "{attention}");

    // An outsider's pick or a value nobody wrote is refused; the mentee keeps the mentor's date.
    let path = s(&seen[0], "path");
    let mentors_value =
        seen[0]["values"].as_array().unwrap().iter().find(|v| s(v, "value") == "15.12.2026").unwrap().clone();
    let op = s(&mentors_value, "op");
    assert_eq!(mentee.run(&["pair", "choose", "--pair", &pair, "--field", &path, "--value", "1@ff"]).code, 2);
    mentee.ok(&["pair", "choose", "--pair", &pair, "--field", &path, "--value", &op]);
    assert_eq!(mentee.ok(&["pair", "conflicts", "--pair", &pair]), serde_json::json!([]));
    mentee.ok(&["sync", "--peer", &serving.addr]);
    mentor.ok(&["sync", "--peer", &serving.addr]);
    for device in [&curator, &mentor, &mentee] {
        assert_eq!(device.ok(&["pair", "conflicts", "--pair", &pair]), serde_json::json!([]));
        assert_eq!(deadline(device, &pair), "2026-12-15");
    }
    assert!(!kinds(&curator.ok(&["--today", "2026-09-10", "attention"])).contains(&"conflicts".to_string()));

    // Undo from the activity's history: the mentor gives the status back as it was.
    mentor.ok(&["plan", "status", "--pair", &pair, "--activity", &activity, "--status", "in_progress"]);
    let history = mentor.ok(&["pair", "history", "--pair", &pair, "--activity", &activity]);
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert!(s(&last, "what").contains("запланировано → в работе"), "{last}");
    mentor.ok(&[
        "pair",
        "restore",
        "--pair",
        &pair,
        "--activity",
        &activity,
        "--change",
        &s(&last, "change"),
    ]);
    let plan = mentor.ok(&["plan", "list", "--pair", &pair]);
    assert_eq!(s(&plan[0], "status"), "planned", "{plan}");
    assert_eq!(s(&plan[0], "deadline"), "2026-12-15", "the deadline stays as chosen");
    let first = s(&history[0], "change");
    let refused =
        mentor.run(&["pair", "restore", "--pair", &pair, "--activity", &activity, "--change", &first]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("создала мероприятие"), "{}", refused.stderr);

    // A programme entry's own history, and its earlier wording back.
    let entry = s(
        &mentor.ok(&["programme", "add", "--pair", &pair, "--part", "deficits", "--text", "Дисциплина"]),
        "id",
    );
    mentor.ok(&[
        "programme",
        "edit",
        "--pair",
        &pair,
        "--part",
        "deficits",
        "--item",
        &entry,
        "--text",
        "Опечатка",
    ]);
    let own = mentor.ok(&["pair", "history", "--pair", &pair, "--entry", &entry, "--list", "deficits"]);
    assert_eq!(own.as_array().unwrap().len(), 2, "{own}");
    let reworded = s(&own[1], "change");
    let args =
        ["pair", "restore", "--pair", &pair, "--entry", &entry, "--list", "deficits", "--change", &reworded];
    mentor.ok(&args);
    let listed = mentor.ok(&["programme", "list", "--pair", &pair]).to_string();
    assert!(listed.contains("Дисциплина") && !listed.contains("Опечатка"), "{listed}");
    assert_eq!(
        mentor.run(&["pair", "restore", "--pair", &pair, "--entry", &entry, "--change", &reworded]).code,
        2
    );
    serving.stop();
}
