//! A curator's device that keeps serving: changes from other commands are handed to the running
//! `serve` (a school never goes offline to revoke, invite or edit), and what members sync in
//! reaches the disk even while reading commands run beside it.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use nastavnik_tests::cli::{Device, field as s};

fn titles(d: &Device, pair: &str) -> Vec<String> {
    let plan = d.ok(&["plan", "list", "--pair", pair]);
    let mut t: Vec<String> = plan.as_array().unwrap().iter().map(|a| s(a, "title")).collect();
    t.sort();
    t
}

fn curator_with_pair(name: &str) -> (Device, String, String) {
    let c = Device::new(name);
    c.ok(&["school", "create", "--name", "МБОУ СОШ №5"]);
    let (m, e) = (c.add_teacher("Петрова Анна"), c.add_teacher("Смирнов Илья"));
    let pair = c.form_pair(&m, &e);
    (c, pair, m)
}

#[test]
fn changes_are_handed_to_the_running_serve_and_kept() {
    let (c, pair, mentor) = curator_with_pair("handed");
    let serving = c.serve();

    // Writing commands work while `serve` holds the folder.
    let added = c.ok(&["plan", "add", "--pair", &pair, "--title", "Пока в сети", "--deadline", "2026-10-01"]);
    assert!(s(&added, "id").starts_with("a-"), "{added}");
    let person = c.add_teacher("Орлова Вера");
    let invite = c.ok(&["invite", "create", "--person", &mentor]);
    assert_eq!(s(&invite, "code").len(), 11, "{invite}");
    assert_eq!(titles(&c, &pair), ["Пока в сети"], "a read sees what the running node saved");

    // Bad input is answered as before: exit 2, Russian, nothing changed.
    let bad = c.run(&["plan", "add", "--pair", &pair, "--title", " ", "--deadline", "2026-10-01"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert_eq!(bad.json["kind"], "input");
    // Commands that would change the device's role, or sync beside `serve`, are refused plainly.
    let role = c.run(&["school", "create", "--name", "Другая школа"]);
    assert_eq!(role.code, 2);
    assert!(role.json["error"].as_str().unwrap().contains("serve"), "{}", role.json);
    let sync = c.run(&["sync", "--peer", &serving.addr]);
    assert_eq!(sync.code, 2);
    // One clock: the running node's day is the day of every change it makes.
    let other_day =
        c.run(&["--today", "1999-01-01", "pair", "status", "--pair", &pair, "--status", "active"]);
    assert_eq!(other_day.code, 2, "{}", other_day.stderr);
    assert!(other_day.json["error"].as_str().unwrap().contains("01.01.1999"), "{}", other_day.json);

    // A file a handed-over command writes lands where the caller is, not where `serve` runs.
    let here = c.dir.join("caller");
    std::fs::create_dir_all(&here).unwrap();
    let order = c
        .command(&["order", "--number", "7-о", "--date", "2026-09-02", "--out", "приказ.docx"])
        .current_dir(&here)
        .output()
        .unwrap();
    assert!(order.status.success(), "{}", String::from_utf8_lossy(&order.stderr));
    assert!(here.join("приказ.docx").metadata().unwrap().len() > 1000);

    serving.stop();
    assert!(!c.dir.join("control.json").exists(), "the door closes with serve");
    // Everything the running node took is on disk after it stops.
    assert_eq!(titles(&c, &pair), ["Пока в сети"]);
    let people = c.ok(&["person", "list"]);
    assert!(people.as_array().unwrap().iter().any(|p| p["id"] == person.as_str()), "{people}");
}

#[test]
fn a_door_left_by_a_killed_serve_does_not_block_the_folder() {
    let (c, pair, _) = curator_with_pair("killed");
    let mut child = c
        .command(&["serve", "--listen", "127.0.0.1:0", "--no-mdns"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let door = c.dir.join("control.json");
    for _ in 0..200 {
        if door.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(door.exists(), "serve opened its door");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(door.exists(), "a killed process leaves its door behind");
    c.ok(&["plan", "add", "--pair", &pair, "--title", "После сбоя", "--deadline", "2026-10-01"]);
    assert_eq!(titles(&c, &pair), ["После сбоя"]);
}

/// Issue 10, bug 1: a member syncs a new activity each round into the curator's `serve` while two
/// loops read the curator's folder. Every activity the member's sync reported delivered must be
/// on the curator's disk once `serve` stops (12 of 40 rounds lost it when reads swept `serve`'s
/// half-written chunks).
#[test]
fn what_a_member_synced_reaches_the_curators_disk_beside_reading_commands() {
    let (c, pair, mentor) = curator_with_pair("busy-curator");
    let member = Device::new("busy-mentor");
    let serving = c.serve();
    let code = s(&c.ok(&["invite", "create", "--person", &mentor]), "code");
    member.ok(&["invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    let rounds = 15;
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (delivered, read_failures) = std::thread::scope(|scope| {
        let readers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut failures = 0;
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        failures += usize::from(c.run(&["plan", "list", "--pair", &pair]).code != 0);
                    }
                    failures
                })
            })
            .collect();
        let mut delivered = Vec::new();
        for round in 0..rounds {
            let title = format!("Раунд {round}");
            member.ok(&["plan", "add", "--pair", &pair, "--title", &title, "--deadline", "2026-10-01"]);
            let sync = member.run(&["sync", "--peer", &serving.addr]);
            assert_eq!(sync.code, 0, "{}", sync.stderr);
            assert!(!sync.stderr.contains("ERROR"), "an ordinary sync logged errors: {}", sync.stderr);
            let report = sync.json;
            if report["synced"] == report["total"] && report["total"].as_u64() > Some(0) {
                delivered.push(title);
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let failures: usize = readers.into_iter().map(|r| r.join().unwrap()).sum();
        (delivered, failures)
    });
    serving.stop();
    // Issue 10, bug 7: fifteen ordinary connections and disconnects are no errors.
    let log = std::fs::read_to_string(c.dir.join("serve.log")).unwrap();
    let errors: Vec<&str> = log.lines().filter(|l| l.contains("ERROR")).collect();
    assert!(errors.is_empty(), "ordinary disconnects logged as errors:\n{}", errors.join("\n"));
    assert_eq!(read_failures, 0, "a read failed beside serve");
    assert_eq!(delivered.len(), rounds, "every round's sync reported delivered");
    let on_disk = titles(&c, &pair);
    let lost: Vec<&String> = delivered.iter().filter(|t| !on_disk.contains(t)).collect();
    assert!(lost.is_empty(), "delivered but not on the curator's disk: {lost:?}");
}

#[test]
fn a_sync_that_reaches_nobody_fails_plainly() {
    let (c, _, _) = curator_with_pair("nobody");
    let id = s(&c.ok(&["device", "show"]), "deviceId");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let run = c.run(&["sync", "--peer", &format!("{id}@127.0.0.1:{port}"), "--wait", "1"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.json["error"].as_str().unwrap().contains("ни одно из устройств не ответило"), "{}", run.json);
}
