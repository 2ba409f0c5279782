//! Every operation is reachable by the person it is for, in the window and in `nastavnik-cli`:
//! each command the window registers names its CLI counterpart (which must exist), and each CLI
//! command names its window counterpart (which must be registered) — or says why it has none.
//! A command added on one side only fails this test until the other side has it or the reason
//! is written here.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::collections::BTreeSet;

use nastavnik_tests::cli::binary;

/// Window command → the CLI command that does the same (or why none is needed).
const WINDOW: &[(&str, Result<&str, &str>)] = &[
    ("app_status", Ok("device show")),
    ("create_school", Ok("school create")),
    ("load_demo", Ok("demo")),
    ("overview", Ok("overview")),
    ("attention", Ok("attention")),
    ("set_warnings", Ok("school settings")),
    ("people", Ok("person list")),
    ("add_person", Ok("person add")),
    ("edit_person", Ok("person edit")),
    ("remove_person", Ok("person remove")),
    ("record_consent", Ok("consent")),
    ("withdraw_consent", Ok("person withdraw-consent")),
    ("set_mentor_profile", Ok("person mentor-profile")),
    ("add_request", Ok("person request")),
    ("suggest_mentors", Ok("pair suggest")),
    ("create_pair", Ok("pair create")),
    ("set_pair_status", Ok("pair status")),
    ("edit_pair", Ok("pair edit")),
    ("request_replacement", Ok("pair request-replacement")),
    ("replace_mentor", Ok("pair replace-mentor")),
    ("decline_request", Ok("pair decline-request")),
    ("roadmap", Ok("roadmap list")),
    ("set_roadmap_status", Ok("roadmap status")),
    ("pair_view", Ok("plan list")),
    ("add_programme_entry", Ok("programme add")),
    ("edit_programme_entry", Ok("programme edit")),
    ("remove_programme_entry", Ok("programme remove")),
    ("add_activity", Ok("plan add")),
    ("edit_activity", Ok("plan edit")),
    ("set_activity_status", Ok("plan status")),
    ("set_activity_deadline", Ok("plan edit")),
    ("remove_activity", Ok("plan remove")),
    ("add_meeting", Ok("meeting add")),
    ("edit_meeting", Ok("meeting edit")),
    ("remove_meeting", Ok("meeting remove")),
    ("set_meeting_text", Ok("meeting text")),
    ("confirm_meeting", Ok("meeting confirm")),
    ("record_scores", Ok("monitoring")),
    ("answer_survey", Ok("pair survey")),
    ("save_final_report", Ok("pair report")),
    ("add_criterion", Ok("pair criterion")),
    ("invite", Ok("invite create")),
    ("join", Ok("invite redeem")),
    ("sync_status", Ok("status")),
    ("revoke_device", Ok("device revoke")),
    ("sync_now", Ok("sync")),
    ("export_document", Ok("export")),
    ("issue_order", Ok("order")),
    ("import_base", Ok("import")),
    ("pair_history", Ok("pair history")),
    ("pair_conflicts", Ok("pair conflicts")),
    ("choose_value", Ok("pair choose")),
    ("restore_before", Ok("pair restore")),
    ("private_notes", Ok("notes list")),
    ("add_private_note", Ok("notes add")),
    ("edit_private_note", Ok("notes edit")),
    ("remove_private_note", Ok("notes remove")),
    ("first_paint", Err("the window's own start-up measurement")),
    ("keep_draft", Err("the window's unsaved typing; `meeting text` writes the text at once")),
];

/// CLI command → the window command that does the same (or why the window has none).
const CLI: &[(&str, Result<&str, &str>)] = &[
    ("device init", Err("the window creates the device key when it opens")),
    ("device show", Ok("sync_status")),
    ("device revoke", Ok("revoke_device")),
    ("demo", Ok("load_demo")),
    ("school create", Ok("create_school")),
    ("person add", Ok("add_person")),
    ("person edit", Ok("edit_person")),
    ("person remove", Ok("remove_person")),
    ("person withdraw-consent", Ok("withdraw_consent")),
    ("person list", Ok("people")),
    ("person request", Ok("add_request")),
    ("person mentor-profile", Ok("set_mentor_profile")),
    ("consent", Ok("record_consent")),
    ("pair create", Ok("create_pair")),
    ("pair list", Ok("overview")),
    ("pair suggest", Ok("suggest_mentors")),
    ("pair status", Ok("set_pair_status")),
    ("pair edit", Ok("edit_pair")),
    ("pair survey", Ok("answer_survey")),
    ("pair report", Ok("save_final_report")),
    ("pair criterion", Ok("add_criterion")),
    ("pair request-replacement", Ok("request_replacement")),
    ("pair requests", Ok("pair_view")),
    ("pair replace-mentor", Ok("replace_mentor")),
    ("pair decline-request", Ok("decline_request")),
    ("programme add", Ok("add_programme_entry")),
    ("programme edit", Ok("edit_programme_entry")),
    ("programme remove", Ok("remove_programme_entry")),
    ("programme list", Ok("pair_view")),
    ("plan add", Ok("add_activity")),
    ("plan edit", Ok("edit_activity")),
    ("plan status", Ok("set_activity_status")),
    ("plan remove", Ok("remove_activity")),
    ("plan list", Ok("pair_view")),
    ("meeting add", Ok("add_meeting")),
    ("meeting edit", Ok("edit_meeting")),
    ("meeting remove", Ok("remove_meeting")),
    ("meeting notes", Ok("set_meeting_text")),
    ("meeting text", Ok("set_meeting_text")),
    ("meeting list", Ok("pair_view")),
    ("meeting confirm", Ok("confirm_meeting")),
    ("monitoring", Ok("record_scores")),
    ("invite create", Ok("invite")),
    ("invite redeem", Ok("join")),
    ("serve", Err("the open window is online itself (listens, redeems invites, syncs)")),
    ("sync", Ok("sync_now")),
    ("roadmap list", Ok("roadmap")),
    ("roadmap status", Ok("set_roadmap_status")),
    ("export", Ok("export_document")),
    ("order", Ok("issue_order")),
    ("import", Ok("import_base")),
    ("overview", Ok("overview")),
    ("attention", Ok("attention")),
    ("school settings", Ok("set_warnings")),
    ("status", Ok("sync_status")),
    ("pair history", Ok("pair_history")),
    ("pair conflicts", Ok("pair_conflicts")),
    ("pair choose", Ok("choose_value")),
    ("pair restore", Ok("restore_before")),
    ("notes add", Ok("add_private_note")),
    ("notes edit", Ok("edit_private_note")),
    ("notes remove", Ok("remove_private_note")),
    ("notes list", Ok("private_notes")),
];

/// The commands the window registers (`generate_handler!` in `src-tauri/src/main.rs`).
fn window_commands() -> BTreeSet<String> {
    let main =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../src-tauri/src/main.rs")).unwrap();
    let handler = &main[main.find("generate_handler![").unwrap()..];
    let handler = &handler[..handler.find(']').unwrap()];
    handler
        .split(',')
        .filter_map(|c| c.trim().rsplit("::").next())
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}

fn subcommands(args: &[&str]) -> Vec<String> {
    let out = std::process::Command::new(binary()).args(args).arg("--help").output().unwrap();
    assert!(out.status.success(), "nastavnik-cli {args:?} --help");
    let help = String::from_utf8(out.stdout).unwrap();
    let Some(start) = help.find("Commands:") else { return Vec::new() };
    help[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(String::from)
        .collect()
}

/// Every leaf command of the CLI, as "group sub" or "command".
fn cli_commands() -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for top in subcommands(&[]) {
        let subs = subcommands(&[&top]);
        if subs.is_empty() {
            all.insert(top);
        } else {
            all.extend(subs.into_iter().map(|s| format!("{top} {s}")));
        }
    }
    all
}

#[test]
fn every_operation_is_in_the_window_and_the_cli() {
    let window = window_commands();
    let cli = cli_commands();
    let listed: BTreeSet<String> = WINDOW.iter().map(|(w, _)| w.to_string()).collect();
    assert_eq!(window, listed, "window commands without a CLI counterpart here, or listed but gone");
    let listed: BTreeSet<String> = CLI.iter().map(|(c, _)| c.to_string()).collect();
    assert_eq!(cli, listed, "CLI commands without a window counterpart here, or listed but gone");
    for (w, counterpart) in WINDOW {
        if let Ok(c) = counterpart {
            assert!(cli.contains(*c), "{w}: no CLI command «{c}»");
        }
    }
    for (c, counterpart) in CLI {
        if let Ok(w) = counterpart {
            assert!(window.contains(*w), "{c}: no window command «{w}»");
        }
    }
}

/// One contract: the commands the shell registers are the names in `nastavnik_shared::app::commands`,
/// and the frontend calls them only through those types — no command name typed as a string,
/// no private copy of an argument struct (the only `Serialize` of the frontend is the IPC
/// envelope in `ipc.rs`). The shell's handlers take the same types (checked by the compiler).
#[test]
fn the_window_and_its_frontend_share_the_command_names() {
    let shared: BTreeSet<String> =
        nastavnik_shared::app::commands::ALL.iter().map(|c| c.to_string()).collect();
    assert_eq!(window_commands(), shared, "the shell registers other commands than the contract names");
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../frontend/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            if !path.ends_with("ipc.rs") {
                assert!(
                    !text.contains("Serialize)]") && !text.contains("Serialize,"),
                    "{}: arguments of a command defined in the frontend; use nastavnik_shared::app::commands",
                    path.display()
                );
            }
            for c in nastavnik_shared::app::commands::ALL {
                // As an argument of a call (an element id such as id="join" is not a command).
                let typed = [format!("(\"{c}\""), format!(", \"{c}\"")];
                assert!(
                    !typed.iter().any(|t| text.contains(t.as_str())),
                    "{}: the command «{c}» typed as a string; use nastavnik_shared::app::commands",
                    path.display()
                );
            }
        }
    }
}
