//! One clock per process: a device started with `--today D` judges everything by a clock that
//! reads D — the invite it makes and the expiry it checks — whatever the calendar says on the day
//! the tests run. The invite flow is run with the clock far in the past and far in the future.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use nastavnik_tests::cli::{Device, field as s};

fn join_on(day: &str) {
    let curator = Device::new(&format!("clock-curator-{day}"));
    let (mentor, late) = (Device::new("clock-mentor"), Device::new("clock-late"));
    curator.ok(&["--today", day, "school", "create", "--name", "Школа"]);
    let (m, e) = (curator.add_teacher("Петрова Анна"), curator.add_teacher("Смирнов Илья"));
    let pair = curator.form_pair(&m, &e);
    curator.ok(&["plan", "add", "--pair", &pair, "--title", "Знакомство", "--deadline", "2026-10-01"]);
    let code = s(&curator.ok(&["--today", day, "invite", "create", "--person", &m, "--hours", "1"]), "code");
    let late_code =
        s(&curator.ok(&["--today", day, "invite", "create", "--person", &e, "--hours", "1"]), "code");

    // Served on the same day: the one-hour invite is good.
    let serving = curator.serve_with(&["--no-mdns", "--today", day]);
    mentor.ok(&["--today", day, "invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    let plan = mentor.ok(&["plan", "list", "--pair", &pair]);
    assert_eq!(plan[0]["title"], "Знакомство", "the mentor's device got its pair");
    serving.stop();

    // Served a day later by the curator's clock: the other one-hour invite has expired.
    let next = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().succ_opt().unwrap().to_string();
    let serving = curator.serve_with(&["--no-mdns", "--today", &next]);
    let refused =
        late.run(&["--today", day, "invite", "redeem", "--code", &late_code, "--peer", &serving.addr]);
    assert_ne!(refused.code, 0);
    assert!(refused.stderr.contains("срок действия приглашения истёк"), "{}", refused.stderr);
}

#[test]
fn invites_follow_the_devices_clock_far_in_the_past() {
    join_on("1991-03-04");
}

#[test]
fn invites_follow_the_devices_clock_far_in_the_future() {
    join_on("2099-10-20");
}
