//! Two app windows on loopback, each with its own data folder — the curator's and the mentee's
//! devices: an activity added in one window appears in the other without a reload, and back;
//! the notes, scores and survey the mentee enters reach the curator's window.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

mod window;

use nastavnik_tests::cli::{Device, field as s};
use window::Window;

#[tokio::test(flavor = "multi_thread")]
async fn an_activity_added_in_one_window_appears_in_the_other() {
    // Set up with the CLI: a school with a pair.
    let curator = Device::new("two-windows-curator");
    let mentee = Device::new("two-windows-mentee");
    curator.ok(&["school", "create", "--name", "МБОУ СОШ № 9", "--head", "Иванов И. И."]);
    let mentor_id = curator.add_teacher("Петрова Анна Ивановна");
    let mentee_id = curator.add_teacher("Смирнов Илья Олегович");
    curator.form_pair(&mentor_id, &mentee_id);
    let curator_id = s(&curator.ok(&["device", "show"]), "deviceId");

    // The curator's window listens on a known port; the mentee's new device dials it.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let curator_addr = format!("{curator_id}@127.0.0.1:{port}");
    let a = Window::open(&curator.dir, &[("NASTAVNIK_LISTEN", format!("127.0.0.1:{port}"))]).await;
    let b = Window::open(&mentee.dir, &[("NASTAVNIK_PEERS", curator_addr.clone())]).await;

    // The curator invites the mentee's device; the mentee joins with the code.
    a.click("#nav-pairs").await;
    a.wait_for("table.pairs", "the pair", |t| t.contains("Пригласить: Смирнов Илья Олегович")).await;
    let buttons = a.client.find_all(fantoccini::Locator::Css(".invite-member")).await.unwrap();
    let mut invited = false;
    for button in buttons {
        if button.text().await.unwrap().contains("Смирнов") {
            button.click().await.unwrap();
            invited = true;
        }
    }
    assert!(invited);
    let code = a.wait_for(".invite-code", "a code", |t| t.len() >= 10).await;
    assert!(a.find(".qr svg").await.html(false).await.unwrap().contains("<svg"), "a QR code is shown");
    b.fill("#join-code", &code).await;
    b.fill("#join-curator", &curator_addr).await;
    b.click("#join").await;

    // The mentee's window opens on the pair.
    b.wait_for("#plan-heading", "the empty plan", |t| t.contains("выполнено 0 из 0")).await;

    a.click("#nav-pairs").await;
    a.click(".pair-link").await;
    a.fill("#activity-title", "Посещение урока наставника").await;
    a.set("#activity-deadline", "2026-12-10").await;
    a.click("#add-activity").await;
    a.wait_for("table.plan", "the activity", |t| t.contains("Посещение урока наставника")).await;
    b.wait_for("table.plan", "the curator's activity", |t| t.contains("Посещение урока наставника")).await;

    b.fill("#activity-title", "Открытый урок наставляемого").await;
    b.set("#activity-deadline", "2027-01-20").await;
    b.click("#add-activity").await;
    a.wait_for("table.plan", "the mentee's activity", |t| t.contains("Открытый урок наставляемого")).await;
    a.wait_for("#plan-heading", "two activities", |t| t.contains("из 2")).await;

    // The curator records a meeting; the mentee writes its notes; the curator reads them.
    a.click("#tab-journal").await;
    a.fill("#meeting-topic", "Пробный урок").await;
    a.click("#add-meeting").await;
    b.click("#tab-journal").await;
    b.wait_for(".meeting", "the meeting", |t| t.contains("Пробный урок")).await;
    b.fill(".meeting textarea", "Урок понравился; поработать над темпом.").await;
    b.click(".save-notes").await;
    a.wait_for(".notes-text", "the mentee's notes", |t| t.contains("поработать над темпом")).await;

    // The mentee's self-assessment at entry and a survey; the curator sees both.
    b.click("#tab-results").await;
    b.set("#scores-stage", "entry").await;
    b.set("#score-0", "3").await;
    b.click("#save-scores").await;
    b.set("#survey-score", "9").await;
    b.fill("#survey-comment", "Полезные встречи").await;
    b.click("#answer-survey").await;
    b.wait_for("#surveys", "the survey", |t| t.contains("9 из 10")).await;
    a.click("#tab-results").await;
    a.wait_for("#stages", "the entry score", |t| t.contains("средний балл 3")).await;
    a.wait_for("#surveys", "the mentee's survey", |t| {
        t.contains("9 из 10") && t.contains("Полезные встречи")
    })
    .await;
    assert!(
        a.client.find(fantoccini::Locator::Css("#save-scores")).await.is_err(),
        "the curator does not score"
    );

    // Синхронизация on the mentee's device: online, and after "sync now" the pair's last sync is listed.
    b.click("#nav-sync").await;
    b.wait_for("#online-state", "online", |t| t.starts_with("В сети")).await;
    b.click("#sync-now").await;
    // (Whether the row says "всё передано" depends on when the last 2-second record was taken
    // relative to the mentee's last edit, so only the row itself is checked.)
    b.wait_for("table.sync-rows", "the pair's sync", |t| t.contains("пара")).await;

    // The curator's overview says how fresh the pair's data is: synced, with a time.
    a.click("#nav-overview").await;
    a.wait_for("td.synced", "a sync time", |t| t.contains(':')).await;

    a.close().await;
    b.close().await;
}
