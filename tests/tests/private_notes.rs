//! A mentor's private notes never leave the mentor's device — probed across real processes: the
//! mentor writes a note and syncs the pair with the curator's `serve`, the mentee syncs with the
//! curator and directly with the mentor's `serve`, an outsider dials the mentor; afterwards not a
//! byte of the note is on the curator's, the mentee's or the outsider's disk, while the pair's
//! document (the plan item written next to it) did travel. Only the pair's mentor may keep notes.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::path::Path;

use nastavnik_tests::cli::{Device, field as s};

/// Every file under `dir` whose bytes contain `needle`.
fn files_holding(dir: &Path, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path)
                && bytes.windows(needle.len()).any(|w| w == needle)
            {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

#[test]
fn a_mentors_notes_reach_no_other_device() {
    let curator = Device::new("notes-curator");
    let (mentor, mentee, outsider) =
        (Device::new("notes-mentor"), Device::new("notes-mentee"), Device::new("notes-outsider"));
    curator.ok(&["school", "create", "--name", "МБОУ СОШ № 12"]);
    let (m, e) = (curator.add_teacher("Петрова Анна"), curator.add_teacher("Смирнов Илья"));
    let pair = curator.form_pair(&m, &e);
    let serving = curator.serve();
    mentor.join(&curator, &m, &serving.addr);
    mentee.join(&curator, &e, &serving.addr);

    // Short enough that automerge stores it uncompressed (its columns deflate from 256 bytes), so
    // a copy anywhere would show as these very bytes — the mentor's own file is the control.
    let secret = format!("Тайна {}: робеет перед завучем", std::process::id());
    let written = mentor.ok(&["notes", "add", "--pair", &pair, "--text", &secret, "--date", "2026-11-20"]);
    let note = s(&written, "id");
    mentor.ok(&["plan", "add", "--pair", &pair, "--title", "Открытый урок", "--deadline", "2026-12-15"]);
    assert_eq!(
        files_holding(&mentor.dir, secret.as_bytes()).len(),
        1,
        "the control: the mentor's notes file"
    );

    // Only the pair's mentor keeps notes; bad input is refused and changes nothing.
    let refused = mentee.run(&["notes", "add", "--pair", &pair, "--text", "x"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("ведёт её наставник"), "{}", refused.stderr);
    assert_eq!(curator.run(&["notes", "add", "--pair", &pair, "--text", "x"]).code, 2);
    assert_eq!(mentor.run(&["notes", "add", "--pair", &pair, "--text", "  "]).code, 2);
    assert_eq!(mentor.run(&["notes", "edit", "--id", "n-missing", "--text", "x"]).code, 2);

    // Sync every way there is: mentor ↔ curator, mentee ↔ curator, mentee ↔ mentor directly, and
    // an outsider dialling the mentor.
    mentor.ok(&["sync", "--peer", &serving.addr]);
    mentee.ok(&["sync", "--peer", &serving.addr]);
    let mentors = mentor.serve();
    mentee.ok(&["sync", "--peer", &mentors.addr]);
    outsider.ok(&["device", "init"]);
    // A device the mentor's never heard of: whatever it asks, it shares no document with the mentor.
    let dialled = outsider.run(&["sync", "--peer", &mentors.addr, "--wait", "3"]);
    assert!(matches!(dialled.code, 0 | 3), "{}", dialled.stderr);
    mentors.stop();
    serving.stop();

    // The pair's document travelled …
    for device in [&curator, &mentee] {
        let plan = device.ok(&["plan", "list", "--pair", &pair]);
        assert!(plan.to_string().contains("Открытый урок"), "{plan}");
    }
    // … the notes did not: neither their text nor even their document's type name.
    for device in [&curator, &mentee, &outsider] {
        assert_eq!(files_holding(&device.dir, secret.as_bytes()), Vec::<String>::new());
        assert_eq!(files_holding(&device.dir, b"nastavnik/mentor-notes"), Vec::<String>::new());
    }

    // The mentor reads, rewrites and deletes the note; a read writes nothing.
    let notes_file = mentor.dir.join("private").join("notes.automerge");
    let before = std::fs::read(&notes_file).unwrap();
    let listed = mentor.ok(&["notes", "list", "--pair", &pair]);
    assert_eq!(listed[0]["text"], secret.as_str());
    assert_eq!(listed[0]["on"], "2026-11-20");
    assert_eq!(std::fs::read(&notes_file).unwrap(), before, "listing wrote nothing");
    mentor.ok(&["notes", "edit", "--id", &note, "--text", "Уже увереннее"]);
    assert_eq!(mentor.ok(&["notes", "list", "--pair", &pair])[0]["text"], "Уже увереннее");
    mentor.ok(&["notes", "remove", "--id", &note]);
    assert_eq!(mentor.ok(&["notes", "list", "--pair", &pair]).as_array().unwrap().len(), 0);

    // A damaged notes file is reported, and left as it is for whoever repairs it.
    std::fs::write(&notes_file, b"not a document").unwrap();
    let damaged = mentor.run(&["notes", "add", "--pair", &pair, "--text", "новая"]);
    assert_eq!(damaged.code, 1, "{}", damaged.stderr);
    assert!(damaged.stderr.contains("личные заметки"), "{}", damaged.stderr);
    assert_eq!(std::fs::read(&notes_file).unwrap(), b"not a document");
}
