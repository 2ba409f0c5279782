//! Two app windows on loopback, each with its own data folder — the curator's and the mentee's
//! devices: an activity added in one window appears in the other without a reload, and back;
//! the notes, agreed tasks, reflection, scores and survey the mentee enters reach the curator's
//! window; the mentee and the mentor (a third device, the CLI) type into the same notes at once
//! and both texts are kept everywhere. Typing survives the window being killed before it was
//! saved.

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
    // A second mentor in the bank, for when the mentee asks for another.
    let other = curator.add_teacher("Орлова Вера Сергеевна");
    curator.ok(&[
        "person",
        "mentor-profile",
        "--person",
        &other,
        "--competency",
        "темп урока",
        "--capacity",
        "2",
    ]);
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
    assert!(
        b.client.find(fantoccini::Locator::Css("#private-notes")).await.is_err(),
        "a mentee keeps no mentor's notes"
    );

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
    // The meeting reaches the mentee as a reminder to confirm it; the reminder opens the journal.
    b.wait_for("#attention", "the reminder to confirm", |t| {
        t.contains("подтвердите встречу от 22.11.2026 «Пробный урок»")
    })
    .await;
    b.click(".attention-link").await;
    b.find("#tab-journal.active").await;
    b.wait_for(".meeting", "the meeting", |t| t.contains("Пробный урок")).await;
    let notes = ".shared-text.notes textarea";
    b.fill(notes, "Урок понравился; поработать над темпом.").await;
    // Saved a moment after typing stops (no button): the curator reads it.
    a.wait_for(".shared-text.notes .text", "the mentee's notes", |t| t.contains("поработать над темпом"))
        .await;
    b.fill(".shared-text.agreed_tasks textarea", "Подготовить план урока к 01.12").await;
    b.fill(".shared-text.reflection textarea", "Понял, как распределять время урока.").await;
    b.click(".shared-text.notes textarea").await; // leaving the field saves it at once
    a.wait_for(".shared-text.agreed_tasks .text", "the tasks", |t| t.contains("Подготовить план урока"))
        .await;
    a.wait_for(".shared-text.reflection .text", "the reflection", |t| t.contains("распределять время")).await;

    // The mentor joins from a third device (the CLI) and writes into the same notes while the
    // mentee types into them: both texts are kept on every device.
    a.click("#nav-pairs").await;
    let mentor = Device::new("two-windows-mentor");
    let buttons = a.client.find_all(fantoccini::Locator::Css(".invite-member")).await.unwrap();
    for button in buttons {
        if button.text().await.unwrap().contains("Петрова") {
            button.click().await.unwrap();
        }
    }
    let mentor_code =
        a.wait_for(".invite-code", "the mentor's code", |t| t.len() >= 10 && t != code.as_str()).await;
    let joined = mentor.ok(&["invite", "redeem", "--code", &mentor_code, "--peer", &curator_addr]);
    let pair_id = joined["pairs"][0][0].as_str().unwrap().to_string();
    let meeting = s(&mentor.ok(&["meeting", "list", "--pair", &pair_id])[0], "id");
    // The mentor's addition goes to the curator while the mentee keeps typing; the mentee's
    // window keeps her unsaved typing when it arrives (and says so), then saves both.
    let base = "Урок понравился; поработать над темпом.";
    let mentors = format!("{base} Наставник: разобрать хронометраж.");
    let edit = mentor.command(&[
        "meeting",
        "text",
        "--pair",
        &pair_id,
        "--meeting",
        &meeting,
        "--field",
        "notes",
        "--text",
        &mentors,
    ]);
    let send = mentor.command(&["sync", "--peer", &curator_addr]);
    let sending = tokio::task::spawn_blocking(move || {
        let (mut edit, mut send) = (edit, send);
        assert!(edit.output().unwrap().status.success());
        assert!(send.output().unwrap().status.success());
    });
    let field = b.find(notes).await;
    let mut arrived = false;
    for word in std::iter::once(" Вопросы наставляемого:").chain(std::iter::repeat(" темп?")).take(80)
    {
        field.send_keys(word).await.unwrap();
        if b.client.find(fantoccini::Locator::Css(".shared-text.notes .elsewhere")).await.is_ok() {
            arrived = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    sending.await.unwrap();
    assert!(arrived, "the mentor's change never reached the mentee's window while she typed");
    let both =
        |t: &str| t.contains("Вопросы наставляемого:") && t.contains("Наставник: разобрать хронометраж.");
    b.wait_value(notes, "both texts (mentee's window)", both).await;
    a.click("#nav-pairs").await;
    a.click(".pair-link").await;
    a.click("#tab-journal").await;
    a.wait_for(".shared-text.notes .text", "both texts (curator's window)", both).await;
    mentor.ok(&["sync", "--peer", &curator_addr]);
    let merged = s(&mentor.ok(&["meeting", "list", "--pair", &pair_id])[0], "notes");
    assert!(both(&merged), "the mentor's device: {merged}");

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
    // The curator adds a monitoring criterion; the mentee can score by it.
    a.fill("#criterion-title", "Владение цифровыми инструментами").await;
    a.click("#add-criterion").await;
    a.wait_for("#criteria", "the new criterion", |t| t.contains("цифровыми инструментами")).await;
    b.wait_for("#scores-form, form", "the criterion in the mentee's scores", |_| true).await;
    b.wait_text("Владение цифровыми инструментами").await;
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
    // Who is connected right now: the curator's device, which the mentee's dials.
    b.wait_for("#connected", "the curator connected", |t| t.contains(&curator_id[..10])).await;
    b.click("#sync-now").await;
    // (Whether the row says "всё передано" depends on when the last 2-second record was taken
    // relative to the mentee's last edit, so only the row itself is checked.)
    b.wait_for("table.sync-rows", "the pair's sync", |t| t.contains("пара")).await;

    // The curator's overview says how fresh the pair's data is: synced, with a time.
    a.click("#nav-overview").await;
    a.wait_for("td.synced", "a sync time", |t| t.contains(':')).await;

    // The mentee asks for another mentor; the curator sees it on Обзор, replaces the mentor with
    // the suggested one; the old mentor's device (the CLI) is refused the pair from then on.
    b.click("#nav-pair-0").await;
    b.fill("#replacement-reason", "Нужен наставник, который ведёт мой предмет").await;
    b.click("#request-replacement").await;
    b.wait_for("#requests", "the request", |t| t.contains("ведёт мой предмет")).await;
    a.click("#nav-overview").await;
    a.wait_for("#open-requests", "the open request", |t| t.contains("Ходатайства о замене наставника: 1"))
        .await;
    a.click(".request-link").await;
    a.wait_for("#new-mentor", "the suggested mentor", |t| t.contains("Орлова Вера Сергеевна")).await;
    a.fill("#request-resolution", "Удовлетворить: наставник — Орлова В. С.").await;
    a.click("#replace-mentor").await;
    a.wait_for("#requests", "the decision", |t| {
        t.contains("Решение: Удовлетворить") && t.contains("Прежние участники: Петрова Анна Ивановна")
    })
    .await;
    b.wait_for("#requests", "the decision at the mentee's", |t| t.contains("Решение: Удовлетворить")).await;
    // «История»: who did what — the mentee's request, the curator's replacement; filtered to the plan.
    a.click("#tab-history").await;
    a.wait_for("#history", "the pair's history", |t| {
        t.contains("Смирнов Илья Олегович (наставляемый)") && t.contains("ходатайство о замене наставника")
    })
    .await;
    a.set("#history-part", "plan").await;
    a.wait_for("#history", "the plan's two additions", |t| {
        t.contains("История изменений: 2") && t.contains("куратор") && !t.contains("ходатайство")
    })
    .await;
    // One activity's history, from its row.
    a.click("#tab-programme").await;
    a.click(".item-history").await;
    a.wait_for("#history", "the first activity's history", |t| {
        t.contains("Только мероприятие «Посещение урока наставника»") && t.contains("История изменений: 1")
    })
    .await;
    a.click(".whole-history").await;
    a.wait_for("#history h2", "the whole history again", |t| t != "История изменений: 1").await;
    assert!(!a.text().await.contains("автор не записан"), "every change this build writes names its device");
    let refused = mentor.run(&["sync", "--peer", &curator_addr, "--wait", "5"]);
    assert_eq!(
        refused.code, 3,
        "the replaced mentor's device is refused: {} {}",
        refused.json, refused.stderr
    );

    a.close().await;
    b.close().await;
}

/// The mentee types the meeting's reflection and the window is killed a moment later — before
/// the pause after which typing is saved into the document. What she typed is in the pair's
/// document once the app starts again, exactly once.
#[tokio::test(flavor = "multi_thread")]
async fn typing_survives_the_window_being_killed_before_it_was_saved() {
    let curator = Device::new("drafts-curator");
    let mentee = Device::new("drafts-mentee");
    curator.ok(&["school", "create", "--name", "МБОУ СОШ № 3"]);
    let (mentor_id, mentee_id) = (curator.add_teacher("Петрова Анна"), curator.add_teacher("Смирнов Илья"));
    let pair = curator.form_pair(&mentor_id, &mentee_id);
    curator.ok(&["meeting", "add", "--pair", &pair, "--date", "2026-11-20", "--topic", "Разбор урока"]);
    let serving = curator.serve();
    let code = s(&curator.ok(&["invite", "create", "--person", &mentee_id]), "code");
    mentee.ok(&["invite", "redeem", "--code", &code, "--peer", &serving.addr]);
    serving.stop();
    let reflection = |d: &Device| s(&d.ok(&["meeting", "list", "--pair", &pair])[0], "reflection");

    let typed = "Понял, что темп урока надо держать с первых минут.";
    let w = Window::open(&mentee.dir, &[]).await;
    // Her own reminders on her pair's screen: the meeting she has not confirmed.
    w.wait_for("#attention", "the mentee's reminder", |t| {
        t.contains("Мои напоминания") && t.contains("подтвердите встречу от 20.11.2026 «Разбор урока»")
    })
    .await;
    w.click("#tab-journal").await;
    let field = ".shared-text.reflection textarea";
    w.fill(field, "Понял").await;
    w.click(".shared-text.notes textarea").await; // leaving the field saves «Понял» at once
    for _ in 0..100 {
        if reflection(&mentee) == "Понял" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(reflection(&mentee), "Понял", "the first part is saved into the document");
    w.find(field).await.send_keys(&typed["Понял".len()..]).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    drop(w); // killed: no exit, no save
    assert!(mentee.dir.join("drafts.json").exists(), "the typing is kept on disk with every key");
    eprintln!("in the document when the window died: {:?}", reflection(&mentee));

    let w = Window::open(&mentee.dir, &[]).await;
    w.wait_for("#attention", "the reminder, again", |t| t.contains("Разбор урока")).await;
    w.click("#tab-journal").await;
    let shown = w.wait_value(field, "the typed text", |v| v.contains("темп")).await;
    assert_eq!(shown, typed, "the window shows what was typed, once");
    w.close().await;
    assert_eq!(reflection(&mentee), typed, "in the document, once");
    assert!(!mentee.dir.join("drafts.json").exists(), "nothing pending any more");
}

/// A mentor writes, rewrites and deletes a private note in the window; the note is on the
/// mentor's device (the CLI reads it there) and the panel says who sees it.
#[tokio::test(flavor = "multi_thread")]
async fn a_mentor_keeps_private_notes_in_the_window() {
    let curator = Device::new("notes-window-curator");
    let mentor = Device::new("notes-window-mentor");
    curator.ok(&["school", "create", "--name", "МБОУ СОШ № 4"]);
    let (mentor_id, mentee_id) = (curator.add_teacher("Петрова Анна"), curator.add_teacher("Смирнов Илья"));
    let pair = curator.form_pair(&mentor_id, &mentee_id);
    let serving = curator.serve();
    mentor.join(&curator, &mentor_id, &serving.addr);
    serving.stop();
    let listed = || mentor.ok(&["notes", "list", "--pair", &pair]);

    let exports = mentor.dir.join("exports");
    let w = Window::open(&mentor.dir, &[("NASTAVNIK_EXPORT_DIR", exports.display().to_string())]).await;
    w.wait_for("#private-notes", "the notes panel", |t| {
        t.contains("Видны только вам") && t.contains("Заметок пока нет")
    })
    .await;
    w.click("#add-note").await;
    w.wait_for("#private-notes", "the refusal of an empty note", |t| t.contains("не заполнено")).await;
    w.fill("#note-text", "Волнуется, когда на уроке завуч").await;
    w.click("#add-note").await;
    w.wait_for(".note-text", "the note", |t| t.contains("Волнуется")).await;
    assert_eq!(listed()[0]["text"], "Волнуется, когда на уроке завуч", "on the mentor's device");
    w.click(".edit-note").await;
    w.fill("#note-edit", "Спокойнее после третьей встречи").await;
    w.click(".save-note").await;
    w.wait_for(".note-text", "the rewritten note", |t| t.contains("Спокойнее")).await;
    assert_eq!(listed()[0]["text"], "Спокойнее после третьей встречи");
    w.click(".remove-note").await;
    w.wait_for("#private-notes", "no notes", |t| t.contains("Заметок пока нет")).await;
    assert_eq!(listed().as_array().unwrap().len(), 0);
    // Her own record for аттестация, from her device.
    w.click(".export-record").await;
    let saved = w
        .wait_for("p.saved", "the record saved", |t| t.contains("Сведения об участии в наставничестве"))
        .await;
    let path = saved.trim_start_matches("Сохранено: ").trim();
    assert!(path.starts_with(&exports.display().to_string()), "{path}");
    assert!(std::fs::read(path).unwrap().starts_with(b"PK"), "a .docx at {path}");
    w.close().await;
}
