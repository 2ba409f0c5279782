//! The demo as a user runs it: documents saved to a real folder, loaded back, overview rendered.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_core::document;
use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::{SchoolDoc, overview};
use nastavnik_node::render;
use nastavnik_tests::files;

#[test]
fn saved_documents_reload_and_render_the_overview() {
    let dir = std::env::temp_dir().join(format!("nastavnik-demo-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
    let built = nastavnik_core::demo::build(now).unwrap();
    files::save(&files::school_path(&dir), &built.school).unwrap();
    for doc in &built.pairs {
        let pair: PairDoc = document::read(doc).unwrap();
        files::save(&files::pair_path(&dir, &pair.pair_id), doc).unwrap();
    }
    // Saving again replaces the file whole and leaves no temporary behind.
    files::save(&files::school_path(&dir), &built.school).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "tmp"))
        .collect();
    assert!(leftovers.is_empty());

    let (_, school) = document::load::<SchoolDoc>(&std::fs::read(files::school_path(&dir)).unwrap()).unwrap();
    let paths = files::pair_paths(&dir).unwrap();
    assert_eq!(paths.len(), 4);
    let summaries: Vec<_> = paths
        .iter()
        .map(|p| document::load::<PairDoc>(&std::fs::read(p).unwrap()).unwrap().1.summary())
        .collect();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let text = render::overview(&overview(&school, &summaries, today));
    assert!(text.contains("на 22 ноября 2026 г."), "{text}");
    assert!(
        text.contains(
            "Доля педагогов, вовлечённых в программы наставничества: 4 из 8 (50%) — цель 70%, не достигнуто"
        ),
        "{text}"
    );
    assert!(text.contains("Просрочено: 1 мероприятие"), "{text}");
    assert!(
        text.contains("Лебедева Наталья Юрьевна → Новиков Артём Игоревич [педагог – педагог; формируется]"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
