//! Not a check: saves screenshots of the main screens of the real app on the demo school into
//! `docs/screenshots/` (1280×800, and the overview and a pair at a phone-like 400 px).
//! Run by `scripts/screenshots.sh`.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

mod window;

use std::path::PathBuf;

use window::Window;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes docs/screenshots; run by scripts/screenshots.sh"]
async fn screenshots_of_the_main_screens() {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let dir = std::env::temp_dir().join(format!("nastavnik-shots-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let w = Window::open(&dir, &[("NASTAVNIK_DEMO", "1".into())]).await;
    w.client.set_window_rect(0, 0, 1280, 800).await.unwrap();
    w.wait_text("Обзор школы на").await;
    w.screenshot(&out.join("overview.png")).await;
    w.click("#nav-base").await;
    w.wait_for("table.people", "the bank", |t| t.contains("Петрова")).await;
    w.screenshot(&out.join("base.png")).await;
    w.click("#nav-pairs").await;
    w.wait_for("table.pairs", "the pairs", |t| t.contains("Петрова")).await;
    w.screenshot(&out.join("pairs.png")).await;
    w.click(".pair-link").await;
    w.wait_for("#plan-heading", "the plan", |t| t.contains("выполнено")).await;
    w.screenshot(&out.join("pair-programme.png")).await;
    w.click("#tab-journal").await;
    w.find(".meeting").await;
    w.screenshot(&out.join("pair-journal.png")).await;
    w.client.set_window_rect(0, 0, 400, 800).await.unwrap();
    w.click("#tab-programme").await;
    w.wait_for("table.plan", "the plan", |t| t.contains("Выявление")).await;
    w.screenshot(&out.join("pair-phone.png")).await;
    w.click("#nav-overview").await;
    w.wait_text("Обзор школы на").await;
    w.screenshot(&out.join("overview-phone.png")).await;
    w.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
