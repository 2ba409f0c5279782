//! What needs a person's attention, in real windows.
//!
//! Concurrent edits — the mentor's and the mentee's devices both move one activity's deadline
//! while apart; once they connect, both windows show the two values side by side with who wrote
//! each; the mentee keeps one and both windows then show that one value and no conflict. Then the
//! mentor undoes a change from the activity's own history, and a deficit's rewording from its own.
//!
//! Desktop notifications — a member's new reminders are announced once each: at the start of the
//! app, not again at the next start, and a new one after a change in the window.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

mod window;

use fantoccini::Locator;
use nastavnik_tests::cli::{Device, field as s};
use window::Window;

/// Sets the deadline of the only activity in the window to `day` (apart: no peer).
async fn move_deadline(device: &Device, pair: &str, day: &str) {
    let w = Window::open(&device.dir, &[]).await;
    w.wait_for("table.plan", "the activity", |t| t.contains("Открытый урок")).await;
    w.set(".activity-deadline", day).await;
    // The window shows the pair as the document has it after the change.
    w.wait_for("table.plan", "the moved deadline", |_| true).await;
    w.wait_value(".activity-deadline", "the moved deadline", |v| v == day).await;
    w.close().await;
    assert_eq!(s(&device.ok(&["plan", "list", "--pair", pair])[0], "deadline"), day, "on disk");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_windows_apart_see_one_deadline_conflict_and_its_resolution() {
    let curator = Device::new("window-conflicts-curator");
    let (mentor, mentee) = (Device::new("window-conflicts-mentor"), Device::new("window-conflicts-mentee"));
    curator.ok(&["school", "create", "--name", "МБОУ СОШ № 5"]);
    let (m, e) = (curator.add_teacher("Петрова Анна Ивановна"), curator.add_teacher("Смирнов Илья Олегович"));
    let pair = curator.form_pair(&m, &e);
    let serving = curator.serve();
    mentor.join(&curator, &m, &serving.addr);
    mentee.join(&curator, &e, &serving.addr);
    mentor.ok(&["plan", "add", "--pair", &pair, "--title", "Открытый урок", "--deadline", "2026-12-10"]);
    mentor.ok(&["sync", "--peer", &serving.addr]);
    mentee.ok(&["sync", "--peer", &serving.addr]);
    serving.stop();

    // Apart: each window moves the deadline its own way.
    move_deadline(&mentor, &pair, "2026-12-15").await;
    move_deadline(&mentee, &pair, "2026-12-20").await;

    // Together: the mentee's window dials the mentor's.
    let mentor_id = s(&mentor.ok(&["device", "show"]), "deviceId");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let a = Window::open(&mentor.dir, &[("NASTAVNIK_LISTEN", format!("127.0.0.1:{port}"))]).await;
    let b = Window::open(&mentee.dir, &[("NASTAVNIK_PEERS", format!("{mentor_id}@127.0.0.1:{port}"))]).await;
    let both = |t: &str| {
        t.contains("Расхождения правок: 1")
            && t.contains("мероприятие «Открытый урок»: срок")
            && t.contains("15.12.2026")
            && t.contains("Петрова Анна Ивановна (наставник)")
            && t.contains("20.12.2026")
            && t.contains("Смирнов Илья Олегович (наставляемый)")
    };
    a.wait_for("#conflicts", "both values in the mentor's window", both).await;
    b.wait_for("#conflicts", "both values in the mentee's window", both).await;

    // The mentee keeps the mentor's date; both windows settle on it.
    let mut kept = false;
    for value in b.client.find_all(Locator::Css(".conflict-value")).await.unwrap() {
        if value.text().await.unwrap().contains("15.12.2026") {
            value.find(Locator::Css("button.keep")).await.unwrap().click().await.unwrap();
            kept = true;
        }
    }
    assert!(kept, "a button to keep the mentor's value");
    for w in [&b, &a] {
        for _ in 0..150 {
            if w.client.find(Locator::Css("#conflicts")).await.is_err() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        w.absent("#conflicts").await;
        w.wait_value(".activity-deadline", "the kept date", |v| v == "2026-12-15").await;
    }

    // Undo from the activity's own history: the mentor's status change is given back.
    a.set(".activity-status", "in_progress").await;
    b.wait_for("table.plan", "the status at the mentee's", |_| true).await;
    a.click(".item-history").await;
    a.wait_for("#history", "the change in the activity's history", |t| {
        t.contains("запланировано → в работе")
    })
    .await;
    a.click("button.undo").await; // the newest change comes first
    a.wait_for("#history", "the undo recorded", |t| t.contains("в работе → запланировано")).await;
    a.click("#tab-programme").await;
    a.wait_value(".activity-status", "planned again", |v| v == "planned").await;
    b.wait_value(".activity-status", "planned again at the mentee's", |v| v == "planned").await;

    // A programme entry's rewording undone from the entry's own history.
    a.fill("#add-deficits", "Дисциплина на уроке").await;
    a.click("#add-deficits-button").await;
    a.wait_for("#part-deficits", "the deficit", |t| t.contains("Дисциплина на уроке")).await;
    a.click("#part-deficits .edit-entry").await;
    a.fill("#part-deficits .entry-input", "Опечатка").await;
    a.click("#part-deficits .save-entry").await;
    a.wait_for("#part-deficits", "the rewording", |t| t.contains("Опечатка")).await;
    a.click("#part-deficits .entry-history").await;
    a.wait_for("#history", "the entry's history", |t| {
        t.contains("Только пункт программы «Опечатка»") && t.contains("История изменений: 2")
    })
    .await;
    a.click("button.undo").await;
    a.wait_for("#history", "the undo recorded", |t| t.contains("История изменений: 3")).await;
    a.click("#tab-programme").await;
    let earlier = |t: &str| t.contains("Дисциплина на уроке") && !t.contains("Опечатка");
    a.wait_for("#part-deficits", "the earlier wording", earlier).await;
    b.wait_for("#part-deficits", "the earlier wording at the mentee's", earlier).await;
    a.close().await;
    b.close().await;
    assert_eq!(s(&mentor.ok(&["plan", "list", "--pair", &pair])[0], "status"), "planned");
}

/// The lines of the notifications log that contain `text`.
fn notified(log: &std::path::Path, text: &str) -> usize {
    std::fs::read_to_string(log).unwrap_or_default().lines().filter(|l| l.contains(text)).count()
}

async fn wait_notified(log: &std::path::Path, text: &str) {
    for _ in 0..150 {
        if notified(log, text) > 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("no notification «{text}»: {:?}", std::fs::read_to_string(log));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_members_new_reminders_are_notified_once_each() {
    let curator = Device::new("notify-curator");
    let mentee = Device::new("notify-mentee");
    curator.ok(&["school", "create", "--name", "МБОУ СОШ № 7"]);
    let (m, e) = (curator.add_teacher("Петрова Анна"), curator.add_teacher("Смирнов Илья"));
    let pair = curator.form_pair(&m, &e);
    curator.ok(&["meeting", "add", "--pair", &pair, "--date", "2026-11-20", "--topic", "Разбор урока"]);
    let serving = curator.serve();
    mentee.join(&curator, &e, &serving.addr);
    serving.stop();
    let log = mentee.dir.join("notifications.log");
    let env = [("NASTAVNIK_NOTIFY_LOG", log.display().to_string())];

    let w = Window::open(&mentee.dir, &env).await;
    let confirm = "подтвердите встречу от 20.11.2026 «Разбор урока»";
    wait_notified(&log, confirm).await;
    assert!(
        std::fs::read_to_string(&log)
            .unwrap()
            .starts_with("Наставник: напоминание\tПетрова Анна → Смирнов Илья: ")
    );
    w.close().await;

    // The next start shows the same reminder on screen, and announces it no more.
    let w = Window::open(&mentee.dir, &env).await;
    w.wait_for("#attention", "the reminder on screen", |t| t.contains(confirm)).await;
    // A change in the window brings a new reminder: an activity already past its deadline.
    w.fill("#activity-title", "Изучить положение о наставничестве").await;
    w.set("#activity-deadline", "2026-11-01").await;
    w.click("#add-activity").await;
    wait_notified(&log, "Изучить положение о наставничестве").await;
    w.close().await;
    assert_eq!(notified(&log, confirm), 1, "announced once: {:?}", std::fs::read_to_string(&log));
}
