//! «Требует внимания» from outside, by real processes: the curator's list of stuck pairs and a
//! member's own reminders, judged for the day given with `--today` (never the day the tests run),
//! including the curator's record of when a member's device last synced with `serve`.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use nastavnik_tests::cli::{Device, field as s};
use serde_json::Value;

fn kinds(items: &Value) -> Vec<String> {
    items.as_array().unwrap().iter().map(|i| s(i, "kind")).collect()
}

fn texts(items: &Value) -> Vec<String> {
    items.as_array().unwrap().iter().map(|i| s(i, "text")).collect()
}

#[test]
fn the_curator_sees_stuck_pairs_and_a_member_their_own_reminders() {
    let curator = Device::new("attention-curator");
    let mentor = Device::new("attention-mentor");
    curator.ok(&["--today", "2026-09-01", "school", "create", "--name", "Школа"]);
    let (m, _, pair) = curator.working_pair("Петрова Анна", "Смирнов Илья");

    // Ten days in: nothing yet. A month in, with no device ever synced: three warnings.
    assert_eq!(kinds(&curator.ok(&["--today", "2026-09-10", "attention"])), Vec::<String>::new());
    assert_eq!(plain(&curator, "2026-09-10"), "Всё в порядке: ничего не требует внимания\n");
    let late = curator.ok(&["--today", "2026-10-05", "attention"]);
    assert_eq!(kinds(&late), ["no_meeting", "no_entry_diagnostics", "not_synced"]);
    assert!(texts(&late)[2].contains("ни разу"), "{late}");

    // The school's thresholds: shown, changed, refused out of range (nothing changed then).
    assert_eq!(curator.ok(&["school", "settings"])["noMeetingDays"], 30);
    let set = curator.ok(&["school", "settings", "--no-meeting-days", "60", "--entry-days", "45"]);
    assert_eq!((set["noMeetingDays"].as_u64(), set["entryDiagnosticsDays"].as_u64()), (Some(60), Some(45)));
    assert_eq!(kinds(&curator.ok(&["--today", "2026-10-05", "attention"])), ["not_synced"]);
    let refused = curator.run(&["school", "settings", "--unconfirmed-days", "0"]);
    assert_ne!(refused.code, 0);
    assert!(refused.stderr.contains("от 1 до 400"), "{}", refused.stderr);
    assert_eq!(curator.ok(&["school", "settings"])["unconfirmedDays"], 7);
    curator.ok(&["school", "settings", "--no-meeting-days", "30", "--entry-days", "30"]);

    // The mentor's device joins on 5 October, records a meeting of 1 October (confirmed by the
    // mentor only) and an activity already late, and syncs with the curator's `serve`.
    let code = s(&curator.ok(&["--today", "2026-10-05", "invite", "create", "--person", &m]), "code");
    let serving = curator.serve_with(&["--no-mdns", "--today", "2026-10-05"]);
    mentor.ok(&["--today", "2026-10-05", "invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    mentor.ok(&[
        "--today",
        "2026-10-05",
        "plan",
        "add",
        "--pair",
        &pair,
        "--title",
        "Посетить урок",
        "--deadline",
        "2026-10-03",
    ]);
    let meeting = s(
        &mentor.ok(&[
            "--today",
            "2026-10-05",
            "meeting",
            "add",
            "--pair",
            &pair,
            "--date",
            "2026-10-01",
            "--topic",
            "Анализ урока",
        ]),
        "id",
    );
    mentor.ok(&["--today", "2026-10-05", "meeting", "confirm", "--pair", &pair, "--meeting", &meeting]);
    let report = mentor.ok(&["--today", "2026-10-05", "sync", "--peer", &serving.addr]);
    assert_eq!(report["synced"], report["total"], "{report}");
    serving.stop();

    // Ten days later the curator sees what the mentor wrote, and that the pair synced recently.
    let curator_sees = curator.ok(&["--today", "2026-10-15", "attention"]);
    assert_eq!(kinds(&curator_sees), ["overdue", "unconfirmed", "no_entry_diagnostics"], "{curator_sees}");
    assert_eq!(texts(&curator_sees)[1], "встреча от 01.10.2026 «Анализ урока» не подтверждена наставляемым");
    assert_eq!(curator_sees[0]["pairTitle"], "Петрова Анна → Смирнов Илья");
    // Twenty days later, no sync since: said with the day of the last one.
    let stale = curator.ok(&["--today", "2026-10-25", "attention"]);
    assert!(
        texts(&stale).contains(&"документ пары не синхронизировался с куратором с 05.10.2026".to_string()),
        "{stale}"
    );

    // The mentor's own reminders: the overdue activity and the entry diagnostics, not the meeting
    // (the mentor has confirmed it); in words for a person, not for the curator.
    let mine = mentor.ok(&["--today", "2026-10-15", "attention"]);
    assert_eq!(kinds(&mine), ["overdue", "no_entry_diagnostics"], "{mine}");
    assert_eq!(texts(&mine)[1], "проведите входную диагностику");
    let text = plain(&mentor, "2026-10-15");
    assert!(
        text.contains("Петрова Анна → Смирнов Илья — нет входной диагностики: проведите входную диагностику"),
        "{text}"
    );
}

/// What `attention` prints for a person (without `--json`).
fn plain(device: &Device, today: &str) -> String {
    let out = std::process::Command::new(nastavnik_tests::cli::binary())
        .arg("--data-dir")
        .arg(&device.dir)
        .args(["--today", today, "attention"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
