//! The demo as a user runs it: `nastavnik-cli demo` stores the demo school as the curator's
//! device; every other command then explores it, from a new process each time.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::process::Command;

use nastavnik_tests::cli::{Device, binary};

#[test]
fn the_demo_school_is_stored_and_explorable() {
    let d = Device::new("demo");
    let out = Command::new(binary())
        .arg("--data-dir")
        .arg(&d.dir)
        .args(["--today", "2026-11-22", "demo"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("на 22 ноября 2026 г."), "{text}");
    assert!(
        text.contains(
            "Доля педагогов, вовлечённых в программы наставничества: 4 из 8 (50%) — цель 70%, не достигнуто"
        ),
        "{text}"
    );
    assert!(text.contains("Просрочено: 1 мероприятие"), "{text}");
    assert!(
        text.contains("Лебедева Наталья Юрьевна → Новиков Артём Игоревич [педагог – педагог; формируется]"),
        "{text}"
    );

    let pairs = d.ok(&["pair", "list"]);
    assert_eq!(pairs.as_array().unwrap().len(), 4);
    assert_eq!(
        d.ok(&["--today", "2026-11-22", "plan", "list", "--pair", "pair-1"]).as_array().unwrap().len(),
        13
    );
    assert_eq!(d.ok(&["meeting", "list", "--pair", "pair-1"]).as_array().unwrap().len(), 6);
    assert_eq!(d.ok(&["roadmap", "list"])[0]["status"], "done");
    assert_eq!(d.run(&["demo"]).code, 2, "a second demo on the same device is refused");
    for kind in ["monitoring", "mentors", "mentees"] {
        let file = d.dir.join(format!("{kind}.xlsx"));
        d.ok(&["export", "--kind", kind, "--out", file.to_str().unwrap()]);
        assert!(std::fs::read(&file).unwrap().starts_with(b"PK"), "{kind}: an .xlsx is a zip");
    }
    assert_eq!(d.run(&["export", "--kind", "orders", "--out", "x.xlsx"]).code, 2);
}
