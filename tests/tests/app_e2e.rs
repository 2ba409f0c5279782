//! The real app window, driven as a person would (tauri-driver + WebKitWebDriver under Xvfb):
//! a curator creates a school, adds a mentor and a mentee, forms a pair, adds an activity and a
//! meeting, marks the activity done — and sees the overview change; all of it is there after a
//! restart. (The meeting's notes are the members' to write: `app_two_windows.rs` types them.)

#![allow(clippy::unwrap_used)] // a panic is how a test fails

mod window;

use window::Window;

#[tokio::test(flavor = "multi_thread")]
async fn a_curator_runs_a_pair_from_an_empty_school_to_the_overview() {
    let dir = std::env::temp_dir().join(format!("nastavnik-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let exports = std::env::temp_dir().join(format!("nastavnik-e2e-exports-{}", std::process::id()));
    let w = Window::open(&dir, &[("NASTAVNIK_EXPORT_DIR", exports.display().to_string())]).await;

    // First run: the curator creates the school.
    w.fill("#school-name", "МБОУ СОШ № 5").await;
    w.fill("#school-head", "Иванов Иван Иванович").await;
    w.fill("#school-curator", "Нестеренко Ольга Ивановна").await;
    w.click("#create-school").await;
    w.wait_text("Обзор школы на 22 ноября 2026 г.").await;

    // База: a mentor and a mentee, each with a consent; a bad year is refused and the form kept.
    w.click("#nav-base").await;
    w.fill("#person-name", "Петрова Анна Ивановна").await;
    w.fill("#person-birth-year", "1879").await;
    w.click("#add-person").await;
    w.wait_for(".form-error", "an error", |t| t.contains("Год рождения")).await;
    assert_eq!(
        w.find("#person-name").await.prop("value").await.unwrap().as_deref(),
        Some("Петрова Анна Ивановна")
    );
    for (name, year, years, consent) in [
        ("Петрова Анна Ивановна", "1979", "22", "Петрова А. И."),
        ("Смирнов Илья Олегович", "2001", "1", "Смирнов И. О."),
    ] {
        w.fill("#person-name", name).await;
        w.fill("#person-birth-year", year).await;
        w.fill("#person-teaching-years", years).await;
        w.fill("#person-consent", consent).await;
        // From the keyboard: Enter in the last field submits the form.
        w.find("#person-consent").await.send_keys("\u{E007}").await.unwrap();
        w.wait_for("table.people", "listing the person", |t| t.contains(name)).await;
    }

    // The mentor's questionnaire and the mentee's request, from their panels.
    w.click(".person-link").await; // Петрова, the first in the bank
    w.fill("#profile-competencies", "проектирование урока; дисциплина на уроке").await;
    w.fill("#profile-capacity", "2").await;
    w.click("#profile-form-teacher_student").await;
    w.click("#save-profile").await;
    w.wait_for("table.people", "the competencies", |t| t.contains("проектирование урока")).await;
    let people = w.client.find_all(fantoccini::Locator::Css(".person-link")).await.unwrap();
    people[1].click().await.unwrap();
    w.wait_for("#person-panel h2", "Смирнов's panel", |t| t.contains("Смирнов")).await;
    w.fill("#request-text", "Дисциплина на уроке, проектирование урока").await;
    w.click("#add-request").await;
    w.wait_for("table.people", "the request", |t| t.contains("Дисциплина на уроке, проектирование")).await;

    // A base loaded from a table: a broken row is reported and nothing loads; fixed, it loads whole.
    std::fs::create_dir_all(&exports).unwrap();
    let table = exports.join("наставляемые.csv");
    std::fs::write(&table, "ФИО;Категория;Класс;Год рождения\nКозлова Мария;обучающийся;7А;2013\nСидоров Иван;космонавт;9В;2011\n").unwrap();
    w.set("#import-base", "mentees").await;
    w.find("#import-file").await.send_keys(table.to_str().unwrap()).await.unwrap();
    w.click("#import-preview").await;
    w.wait_for("#import-result", "the broken row", |t| {
        t.contains("Строки с ошибками: 1") && t.contains("космонавт")
    })
    .await;
    assert_eq!(
        w.prop("#import-apply", "disabled").await.as_deref(),
        Some("true"),
        "nothing loads while a row is broken"
    );
    std::fs::write(&table, "ФИО;Категория;Класс;Год рождения\nКозлова Мария;обучающийся;7А;2013\nСидоров Иван;обучающийся;9В;2011\n").unwrap();
    w.find("#import-file").await.send_keys(table.to_str().unwrap()).await.unwrap();
    w.click("#import-preview").await;
    w.wait_for("#import-result", "ready", |t| t.contains("Будет загружено: 2")).await;
    w.click("#import-apply").await;
    w.wait_for("#import-result", "loaded", |t| t.contains("Загружено: 2")).await;
    w.wait_for("table.people", "the loaded people", |t| {
        t.contains("Козлова Мария") && t.contains("Сидоров Иван")
    })
    .await;
    std::fs::remove_file(&table).unwrap();

    // A third person: the card corrected, the consent withdrawn (flagged), then removed from the bank.
    w.fill("#person-name", "Лишний Человек").await;
    w.fill("#person-birth-year", "1990").await;
    w.fill("#person-consent", "Лишний Ч.").await;
    w.click("#add-person").await;
    w.wait_for("table.people", "the third person", |t| t.contains("Лишний Человек")).await;
    for link in w.client.find_all(fantoccini::Locator::Css(".person-link")).await.unwrap() {
        if link.text().await.unwrap().contains("Лишний Человек") {
            link.click().await.unwrap();
        }
    }
    w.wait_for("#person-panel h2", "the panel", |t| t.contains("Лишний")).await;
    w.fill("#card-name", "Орлов Пётр Ильич").await;
    w.click("#save-card").await;
    w.wait_for("table.people", "the corrected name", |t| t.contains("Орлов Пётр Ильич")).await;
    w.click(".withdraw-consent").await;
    w.wait_for("#person-panel .consents", "withdrawn", |t| t.contains("отозвано")).await;
    let started = std::time::Instant::now();
    loop {
        let mut flagged = false;
        for row in w.client.find_all(fantoccini::Locator::Css("table.people tbody tr")).await.unwrap() {
            let text = row.text().await.unwrap_or_default();
            flagged |= text.contains("Орлов Пётр Ильич") && text.trim_end().ends_with("нет");
        }
        if flagged {
            break;
        }
        assert!(started.elapsed() < window::WAIT, "the withdrawn consent is not flagged in the bank");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    w.click("#remove-person").await;
    let started = std::time::Instant::now();
    while w.find("table.people").await.text().await.unwrap().contains("Орлов Пётр") {
        assert!(started.elapsed() < window::WAIT, "the person was not removed");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }

    // Пары: the mentee first — the mentor is suggested with reasons — then form the pair and start it.
    w.click("#nav-pairs").await;
    w.choose("#pair-mentee", "Смирнов Илья Олегович").await;
    w.wait_for("#suggestions", "a suggestion", |t| t.contains("Петрова Анна Ивановна")).await;
    w.click(".pick-mentor").await;
    w.set("#pair-start", "2026-09-01").await;
    w.click("#create-pair").await;
    w.wait_for("table.pairs", "the pair", |t| t.contains("Петрова Анна Ивановна → Смирнов Илья Олегович"))
        .await;
    w.click(".start-pair").await;
    w.wait_for(".pair-status", "working", |t| t == "работает").await;
    // The head's order fixing the new pair, from the window.
    w.fill("#order-number", "12-о").await;
    w.set("#order-date", "2026-09-02").await;
    w.click("#issue-order").await;
    let order = w.wait_for(".order-saved", "the order", |t| t.contains("Приказ 12-о")).await;
    let order_path = order.trim_start_matches("Сохранено: ").trim().to_string();
    assert!(std::fs::read(&order_path).unwrap().starts_with(b"PK"), "a .docx: {order_path}");

    // The programme's lists: written, one reworded, one removed.
    w.click(".pair-link").await;
    for (part, text) in [
        ("directions", "Методика урока"),
        ("deficits", "Дисциплина на уроке"),
        ("strengths", "Лишний пункт"),
        ("short_goals", "Провести открытый урок"),
        ("long_goals", "Пройти аттестацию"),
    ] {
        w.fill(&format!("#add-{part}"), text).await;
        w.click(&format!("#add-{part}-button")).await;
        w.wait_for(&format!("#part-{part} ul"), text, |t| t.contains(text)).await;
    }
    w.click("#part-deficits .edit-entry").await;
    w.fill("#part-deficits .entry-input", "Дисциплина и мотивация на уроке").await;
    w.click("#part-deficits .save-entry").await;
    w.wait_for("#part-deficits ul", "reworded", |t| t.contains("Дисциплина и мотивация на уроке")).await;
    w.click("#part-strengths .remove-entry").await;
    w.wait_for("#part-strengths", "emptied", |t| t.contains("не указаны")).await;
    // An empty wording is refused in Russian, and what was there stays.
    w.click("#add-directions-button").await;
    w.wait_for("#part-directions .form-error", "an error", |t| t.contains("Формулировка")).await;
    // The curator prolongs the programme — within 12 months; 13 is refused in Russian.
    w.fill("#edit-pair-months", "13").await;
    w.click("#save-pair-header").await;
    w.wait_for(".header-edit .form-error", "the refusal", |t| t.contains("13")).await;
    w.fill("#edit-pair-months", "12").await;
    w.click("#save-pair-header").await;
    w.wait_for("p.meta", "the new end", |t| t.contains("01.09.2026 – 31.08.2027")).await;

    // The programme: one activity, not yet done.
    w.fill("#activity-title", "Изучение ФГОС и рабочей программы").await;
    w.set("#activity-deadline", "2026-12-01").await;
    w.fill("#activity-responsible", "наставник").await;
    w.click("#add-activity").await;
    w.wait_for("table.plan", "the activity", |t| t.contains("Изучение ФГОС и рабочей программы")).await;
    // Every field edited in its panel; a second activity added and removed.
    w.click(".edit-activity").await;
    w.fill("#edit-title", "Изучение ФГОС и рабочей программы по предмету").await;
    w.fill("#edit-mentor-activity", "Консультирует по структуре рабочей программы").await;
    w.fill("#edit-expected-result", "Рабочая программа составлена").await;
    w.click("#save-activity").await;
    w.wait_for("table.plan", "the new title", |t| t.contains("рабочей программы по предмету")).await;
    w.click(".edit-activity").await;
    let kept = w.prop("#edit-mentor-activity", "value").await;
    assert_eq!(kept.as_deref(), Some("Консультирует по структуре рабочей программы"));
    w.click(".edit-activity").await;
    w.fill("#activity-title", "Лишнее мероприятие").await;
    w.set("#activity-deadline", "2026-12-15").await;
    w.click("#add-activity").await;
    w.wait_for("#plan-heading", "two activities", |t| t.contains("из 2")).await;
    let rows = w.client.find_all(fantoccini::Locator::Css(".edit-activity")).await.unwrap();
    rows[1].click().await.unwrap();
    w.click("#remove-activity").await;
    w.wait_for("#plan-heading", "one activity again", |t| t.contains("из 1")).await;
    assert!(!w.text().await.contains("Лишнее мероприятие"));

    // The deadline moved in place, to a day already past: the activity is overdue.
    w.set(".activity-deadline", "2026-11-01").await;
    w.find(".late-mark").await;
    w.click("#nav-overview").await;
    let before = w.wait_for("#plan-completion", "0%", |t| t == "0%").await;
    w.wait_text("Просроченные мероприятия: 1").await;
    // «Требует внимания» names the pair and what is late.
    w.wait_for("#attention", "the overdue warning", |t| t.contains("просрочено мероприятий: 1")).await;
    // Its thresholds: a day count out of range is refused with the reason; one in range is kept.
    w.click(".warning-settings summary").await;
    w.fill("#warn-unconfirmed", "0").await;
    w.click("#save-warnings").await;
    w.wait_for(".warning-settings .form-error", "the refusal", |t| t.contains("от 1 до 400")).await;
    w.fill("#warn-unconfirmed", "10").await;
    w.click("#save-warnings").await;
    let started = std::time::Instant::now();
    while w.text().await.contains("от 1 до 400") {
        assert!(started.elapsed() < window::WAIT, "the threshold in range was refused");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    w.click("#nav-pairs").await;
    w.click("#nav-overview").await;
    w.click(".warning-settings summary").await;
    w.wait_value("#warn-unconfirmed", "the kept threshold", |v| v == "10").await;

    // The journal: the curator records a meeting; its notes are the pair's to write.
    w.click(".pair-link").await;
    w.click("#tab-journal").await;
    w.fill("#meeting-topic", "Знакомство, ожидания").await;
    w.click("#add-meeting").await;
    w.wait_for(".meeting", "the meeting", |t| {
        t.contains("Знакомство, ожидания") && t.contains("ведут наставник и наставляемый")
    })
    .await;

    // The meeting's topic corrected; a second meeting added and removed.
    w.click(".edit-meeting").await;
    w.fill("#edit-meeting-topic", "Знакомство, ожидания, правила работы").await;
    w.click("#save-meeting").await;
    w.wait_for(".meeting", "the new topic", |t| t.contains("правила работы")).await;
    w.fill("#meeting-topic", "Лишняя встреча").await;
    w.set("#meeting-date", "2026-11-25").await;
    w.click("#add-meeting").await;
    w.wait_text("Лишняя встреча").await;
    w.click(".edit-meeting").await; // the latest meeting is listed first
    w.click("#remove-meeting").await;
    let started = std::time::Instant::now();
    while w.text().await.contains("Лишняя встреча") {
        assert!(started.elapsed() < window::WAIT, "the meeting was not removed");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }

    // The activity is done, with the day and a note: the overview changes.
    w.click("#tab-programme").await;
    w.click(".edit-activity").await;
    w.set("#edit-status", "done").await;
    w.set("#edit-done-on", "2026-11-20").await;
    w.fill("#edit-note", "Программа утверждена на методобъединении").await;
    w.click("#save-activity").await;
    w.wait_for("#plan-heading", "done", |t| t.contains("выполнено 1 из 1")).await;
    w.wait_for(".completion-note", "the note", |t| t.contains("методобъединении")).await;
    w.click("#nav-overview").await;
    let after = w.wait_for("#plan-completion", "100%", |t| t == "100%").await;
    assert_ne!(before, after);
    w.wait_text("Просроченные мероприятия: 0").await;
    let calm = w.find("#attention").await.text().await.unwrap();
    assert!(!calm.contains("просрочено"), "the warning went with the overdue activity: {calm}");

    // The final report from the overview: a .docx in the export folder.
    w.click(".export-report").await;
    let saved = w.wait_for("p.saved", "saved", |t| t.contains("Итоговый аналитический отчёт")).await;
    let file = std::fs::read_dir(&exports)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| saved.contains(&p.display().to_string()))
        .unwrap_or_else(|| panic!("{saved} not in the export folder"));
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"), "a .docx");

    // The programme ran its course: the curator completes the pair and it goes to the archive —
    // read-only, still counted, still exportable.
    w.click("#nav-pairs").await;
    w.click(".pair-link").await;
    w.set("#close-status", "completed").await;
    w.fill("#close-reason", "Программа выполнена полностью").await;
    w.click("#close-pair").await;
    w.wait_for("#archived", "the archive note", |t| {
        t.contains("в архиве") && t.contains("выполнена полностью")
    })
    .await;
    w.absent("#add-activity").await;
    w.absent(".edit-activity").await;
    w.absent(".activity-status").await;
    w.absent("#add-directions").await;
    w.absent("#close-pair").await;
    w.click("#tab-journal").await;
    w.wait_for(".meeting", "the meeting, read", |t| t.contains("правила работы")).await;
    w.absent("#add-meeting").await;
    w.absent(".edit-meeting").await;
    w.click(".export-programme").await;
    w.wait_for("p.saved", "the programme saved", |t| t.contains("рограмм")).await;
    w.click("#nav-overview").await;
    w.wait_for("#plan-completion", "still counted", |t| t == "100%").await;

    // Everything is in the documents on disk: it is all there after the window reopens.
    w.close().await;
    let w = Window::open(&dir, &[]).await;
    w.wait_for("#plan-completion", "100%", |t| t == "100%").await;
    w.click(".pair-link").await;
    w.wait_for("#plan-heading", "the plan", |t| t.contains("выполнено 1 из 1")).await;
    w.wait_for("#part-deficits ul", "the deficit", |t| t.contains("Дисциплина и мотивация на уроке")).await;
    w.wait_for("#part-long_goals ul", "the goal", |t| t.contains("Пройти аттестацию")).await;
    w.click("#tab-journal").await;
    w.wait_for(".meeting", "the meeting", |t| t.contains("Знакомство, ожидания")).await;
    // The mentor's questionnaire keeps its capacity and forms (saving it once reset them).
    w.click("#nav-base").await;
    w.click(".person-link").await;
    w.wait_for("#person-panel h2", "Петрова's panel", |t| t.contains("Петрова")).await;
    assert_eq!(w.prop("#profile-capacity", "value").await.as_deref(), Some("2"));
    assert_eq!(w.prop("#profile-form-teacher_teacher", "checked").await.as_deref(), Some("true"));
    assert_eq!(w.prop("#profile-form-teacher_student", "checked").await.as_deref(), Some("true"));
    assert_eq!(w.prop("#profile-form-student_student", "checked").await.as_deref(), Some("false"));

    // A group: one mentor, two mentees (loaded from the table earlier), its kind and role model.
    w.click("#nav-pairs").await;
    w.choose("#pair-mentee", "Козлова Мария").await;
    w.choose("#pair-mentor", "Петрова Анна Ивановна").await;
    w.set("#pair-form", "teacher_student").await;
    w.set("#pair-kind", "group").await;
    w.choose("#pair-role-model", "педагог – обучающийся").await;
    let second = w.client.find_all(fantoccini::Locator::Css(".group-members label")).await.unwrap();
    for label in second {
        if label.text().await.unwrap().contains("Сидоров Иван — наставляемый") {
            label.find(fantoccini::Locator::Css("input")).await.unwrap().click().await.unwrap();
        }
    }
    w.click("#create-pair").await;
    w.wait_for("table.pairs", "the group", |t| {
        t.contains("Петрова Анна Ивановна → Козлова Мария, Сидоров Иван")
    })
    .await;
    for link in w.client.find_all(fantoccini::Locator::Css(".pair-link")).await.unwrap() {
        if link.text().await.unwrap().contains("Козлова") {
            link.click().await.unwrap();
            break;
        }
    }
    w.wait_for("p.meta", "the group's kind", |t| t.contains("учитель – ученик · групповое")).await;
    w.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&exports);
}

/// The network failing to start is said on Синхронизация, with the reason — not shown as online.
#[tokio::test(flavor = "multi_thread")]
async fn a_network_that_did_not_start_is_said_plainly() {
    let school = nastavnik_tests::cli::Device::new("e2e-no-network");
    school.ok(&["school", "create", "--name", "МБОУ СОШ № 3"]);
    // Someone else holds the port the window is told to listen on.
    let taken = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let w = Window::open(&school.dir, &[("NASTAVNIK_LISTEN", format!("127.0.0.1:{port}"))]).await;
    w.click("#nav-sync").await;
    w.wait_for("#online-state", "the failure", |t| t.starts_with("Сеть не запущена:")).await;
    w.absent("#connected").await;
    w.click("#sync-now").await;
    w.wait_for(".form-error", "why sync now cannot run", |t| t.contains("сеть не запущена")).await;
    w.close().await;
    drop(taken);
}
