//! How long the window took to show its first screen with data, and the memory it holds then
//! (the app's process and its WebKit processes). Logged on every start; with
//! `NASTAVNIK_EXIT_AFTER_FIRST_PAINT=1` the app prints it and exits (`scripts/measure-app.sh`).

use nastavnik_shared::app::commands::{Answer, FirstPaint};
use std::sync::OnceLock;
use std::time::Instant;

/// When `main` began.
pub static STARTED: OnceLock<Instant> = OnceLock::new();

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

/// Resident memory of the processes whose parent is `pid`, in kB.
fn children_rss_kb(pid: u32) -> u64 {
    let Ok(dir) = std::fs::read_dir("/proc") else { return 0 };
    dir.flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
        .filter(|child| {
            std::fs::read_to_string(format!("/proc/{child}/stat"))
                .ok()
                .and_then(|s| {
                    s.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().nth(1).map(str::to_string))
                })
                .flatten()
                .is_some_and(|ppid| ppid == pid.to_string())
        })
        .map(rss_kb)
        .sum()
}

/// Called by the UI once its first screen with data is drawn.
#[tauri::command]
pub fn first_paint(call: FirstPaint) -> Answer<FirstPaint> {
    let FirstPaint {} = call;
    let ms = STARTED.get().map_or(0, |s| s.elapsed().as_millis());
    let me = std::process::id();
    let (own, webkit) = (rss_kb(me) / 1024, children_rss_kb(me) / 1024);
    let line = format!("первый кадр через {ms} мс; память: приложение {own} МБ + WebKit {webkit} МБ");
    tracing::info!("{line}");
    if std::env::var("NASTAVNIK_EXIT_AFTER_FIRST_PAINT").is_ok_and(|v| v == "1") {
        println!("{line}");
        std::process::exit(0);
    }
}
