//! Faults of the machine under the node: a full disk and a read-only data folder. Each gives a
//! clear Russian error, loses nothing that was saved, changes nothing half-way, and the node
//! works again once the fault is gone.
//!
//! The test re-runs itself inside a private user and mount namespace (`unshare -rm`), where it
//! mounts a small tmpfs as the device's data folder — no root needed, nothing mounted outside.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::io::Write;
use std::process::Command;

use nastavnik_tests::cli::{Device, Run, field as s};
use nastavnik_tests::namespace::inside;

fn mount(args: &[&str]) {
    let status = Command::new("mount").args(args).status().unwrap();
    assert!(status.success(), "mount {args:?}");
}

/// A curator device whose data folder is a tmpfs of `size`, with a school, a pair and one
/// activity; returns the pair.
fn school_on_tmpfs(c: &Device, size: &str) -> String {
    std::fs::create_dir_all(&c.dir).unwrap();
    mount(&["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs", c.dir.to_str().unwrap()]);
    c.ok(&["school", "create", "--name", "МБОУ СОШ № 4"]);
    let (m, e) = (c.add_teacher("Петрова Анна"), c.add_teacher("Смирнов Илья"));
    let pair = c.form_pair(&m, &e);
    c.ok(&["plan", "add", "--pair", &pair, "--title", "Сохранено до сбоя", "--deadline", "2026-12-01"]);
    pair
}

fn titles(c: &Device, pair: &str) -> Vec<String> {
    c.ok(&["plan", "list", "--pair", pair]).as_array().unwrap().iter().map(|a| s(a, "title")).collect()
}

fn add(c: &Device, pair: &str, title: &str) -> Run {
    c.run(&["plan", "add", "--pair", pair, "--title", title, "--deadline", "2026-12-01"])
}

#[test]
fn a_full_disk_is_said_plainly_and_loses_nothing() {
    if !inside("a_full_disk_is_said_plainly_and_loses_nothing", "-rm", "") {
        return;
    }
    let c = Device::new("fault-full");
    let pair = school_on_tmpfs(&c, "8m");
    // Fill the disk to the last byte.
    let filler = c.dir.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    let _ = f.sync_all();
    let full = add(&c, &pair, "Не поместилось");
    assert_ne!(full.code, 0, "a change that could not be written is not reported as saved");
    eprintln!("disk full: {}", full.stderr.trim());
    assert!(full.stderr.contains("нет места"), "a clear Russian reason: {}", full.stderr);
    // What was saved before still loads, and reading needs no space.
    assert_eq!(titles(&c, &pair), ["Сохранено до сбоя"]);
    let overview = c.run(&["overview"]);
    assert_eq!(overview.code, 0, "the overview reads on a full disk: {}", overview.stderr);
    // Space again: the node works, nothing was quarantined.
    drop(f);
    std::fs::remove_file(&filler).unwrap();
    c.ok(&["plan", "add", "--pair", &pair, "--title", "После сбоя", "--deadline", "2026-12-01"]);
    let after = titles(&c, &pair);
    assert!(
        after.contains(&"Сохранено до сбоя".to_string()) && after.contains(&"После сбоя".to_string()),
        "{after:?}"
    );
    assert_eq!(std::fs::read_dir(c.dir.join("quarantine")).map(|d| d.count()).unwrap_or(0), 0);
    let _ = Command::new("umount").arg(&c.dir).status();
}

#[test]
fn a_read_only_data_folder_is_said_plainly_and_loses_nothing() {
    if !inside("a_read_only_data_folder_is_said_plainly_and_loses_nothing", "-rm", "") {
        return;
    }
    let c = Device::new("fault-ro");
    let pair = school_on_tmpfs(&c, "16m");
    mount(&["-o", "remount,ro", c.dir.to_str().unwrap()]);
    let refused = add(&c, &pair, "Не записано");
    assert_ne!(refused.code, 0);
    eprintln!("read-only: {}", refused.stderr.trim());
    assert!(refused.stderr.contains("только для чтения"), "a clear Russian reason: {}", refused.stderr);
    assert_eq!(titles(&c, &pair), ["Сохранено до сбоя"], "reading works on a read-only folder");
    mount(&["-o", "remount,rw", c.dir.to_str().unwrap()]);
    c.ok(&["plan", "add", "--pair", &pair, "--title", "После сбоя", "--deadline", "2026-12-01"]);
    assert_eq!(titles(&c, &pair).len(), 2);
    let _ = Command::new("umount").arg(&c.dir).status();
}
