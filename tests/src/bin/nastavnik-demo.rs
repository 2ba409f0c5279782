//! The demo of Наставник until the app exists: builds a sample school (the seeds' plan
//! «Учитель-учитель» and more), saves its automerge documents to a data folder, loads them
//! back from disk and prints the school overview.
//!
//! `nastavnik-demo [--data-dir DIR] [--today YYYY-MM-DD]` (default folder: `./demo-data`).

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use chrono::{NaiveDate, NaiveTime, Utc};
use nastavnik_core::{demo, document, pair::PairDoc, school::SchoolDoc};
use nastavnik_node::render;
use nastavnik_shared::Code;
use nastavnik_tests::files;

fn main() {
    if let Err(e) = run() {
        eprintln!("ошибка: {e:#}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    let mut data_dir = PathBuf::from("demo-data");
    let mut today = Utc::now().date_naive();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data-dir" => data_dir = args.next().context("после --data-dir нужна папка")?.into(),
            "--today" => {
                let s = args.next().context("после --today нужна дата ГГГГ-ММ-ДД")?;
                today = NaiveDate::from_code(&s).with_context(|| format!("неверная дата: {s}"))?;
            }
            other => bail!("неизвестный параметр: {other}"),
        }
    }
    let now = today.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()).and_utc();
    let built = demo::build(now)?;
    files::save(&files::school_path(&data_dir), &built.school)?;
    for doc in &built.pairs {
        let pair: PairDoc = document::read(doc)?;
        files::save(&files::pair_path(&data_dir, &pair.pair_id), doc)?;
    }

    // Read everything back from disk, as the app will.
    let bytes = std::fs::read(files::school_path(&data_dir))?;
    let (_, school) = document::load::<SchoolDoc>(&bytes)?;
    let mut summaries = Vec::new();
    for path in files::pair_paths(&data_dir)? {
        let bytes = std::fs::read(&path)?;
        let (_, pair) = document::load::<PairDoc>(&bytes)
            .with_context(|| format!("не удалось открыть {}", path.display()))?;
        summaries.push(pair.summary());
    }
    let overview = nastavnik_core::school::overview(&school, &summaries, today);
    print!("{}", render::overview(&overview));
    println!("\nДокументы сохранены в {}", data_dir.display());
    Ok(())
}
