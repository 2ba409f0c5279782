//! The curator with 2,500 pair documents on disk: cold start with the summary cache against a
//! full reload, and a refresh after 10 documents changed. Targets: cache start ≤ 5% and
//! refresh ≤ 1% of a full reload. Run: `cargo bench -p nastavnik-node --bench curator_cache`.

#![allow(clippy::unwrap_used)] // a bench that cannot build its data should stop loudly

mod common;

use common::{doc_dir, peak_rss_mb, write_chunk};

use std::time::{Duration, Instant};

use automerge::Automerge;
use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_core::document;
use nastavnik_core::pair::{Actor, NewMember, NewPair, PairDoc};
use nastavnik_node::summary_cache::SummaryCache;
use nastavnik_shared::vocab::{ActivityStatus, Form, Kind, MemberRole};

const PAIRS: usize = 2_500;

fn pair_doc(i: usize) -> Automerge {
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap();
    let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let members = vec![
        NewMember {
            person_id: format!("m{i}"), name: format!("Наставник {i}"), role: MemberRole::Mentor
        },
        NewMember {
            person_id: format!("e{i}"), name: format!("Наставляемый {i}"), role: MemberRole::Mentee
        },
    ];
    let new = NewPair {
        pair_id: format!("pair-{i}"),
        school_name: "Школа".into(),
        form: Form::TeacherTeacher,
        kind: Kind::Traditional,
        role_model: String::new(),
        period_start: start,
        period_months: 9,
        members,
    };
    common::fill_pair(PairDoc::new(new, now).unwrap(), i, &format!("m{i}"))
}

fn main() {
    let root = std::env::temp_dir().join(format!("nastavnik-bench-curator-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let docs = root.join("docs");
    let cache_file = root.join("summaries.json");
    let ids: Vec<String> = (0..PAIRS).map(|i| format!("bd{i:06}")).collect();

    let started = Instant::now();
    let mut total_bytes = 0;
    for (i, id) in ids.iter().enumerate() {
        let bytes = pair_doc(i).save();
        total_bytes += bytes.len();
        write_chunk(&docs, id, "snapshot", "s0", &bytes);
    }
    println!(
        "curator with {PAIRS} pair documents ({:.1} MB on disk), generated in {:.1?}",
        total_bytes as f64 / 1e6,
        started.elapsed()
    );

    let full = |label: &str| -> Duration {
        let started = Instant::now();
        let mut cache = SummaryCache::default();
        let (summaries, stats) = cache.summaries(&docs, &ids);
        let took = started.elapsed();
        assert_eq!((summaries.len(), stats.read), (PAIRS, PAIRS));
        println!("  {label}: {took:.2?} (every document loaded and summarised)");
        took
    };
    let full_reload = full("full reload");

    // Build and save the cache once, then measure a cold start from it.
    let mut cache = SummaryCache::default();
    cache.summaries(&docs, &ids);
    cache.save(&cache_file).unwrap();
    let started = Instant::now();
    let mut cache = SummaryCache::load(&cache_file);
    let (summaries, stats) = cache.summaries(&docs, &ids);
    let cold = started.elapsed();
    assert_eq!((summaries.len(), stats.cached, stats.read), (PAIRS, PAIRS, 0));
    println!(
        "  cold start with the cache: {cold:.2?} = {:.2}% of a full reload (target ≤ 5%)",
        cold.as_secs_f64() * 100.0 / full_reload.as_secs_f64()
    );

    // Ten documents change (a new incremental chunk each), then refresh.
    let now = Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).unwrap();
    for (i, id) in ids.iter().enumerate().take(10) {
        let mut doc =
            Automerge::load(&std::fs::read(doc_dir(&docs, id).join("snapshot").join("s0")).unwrap()).unwrap();
        let heads = doc.get_heads();
        document::change(&mut doc, now, "статус", |p: &mut PairDoc| {
            p.set_activity_status(
                &Actor::Person(format!("m{i}")),
                "a5",
                ActivityStatus::InProgress,
                None,
                "",
                now.date_naive(),
            )
        })
        .unwrap();
        write_chunk(&docs, id, "incremental", "c1", &doc.save_after(&heads));
    }
    let started = Instant::now();
    let (_, stats) = cache.summaries(&docs, &ids);
    let refresh = started.elapsed();
    assert_eq!((stats.read, stats.cached), (10, PAIRS - 10));
    println!(
        "  refresh after 10 documents changed: {refresh:.2?} = {:.2}% of a full reload (target ≤ 1%)",
        refresh.as_secs_f64() * 100.0 / full_reload.as_secs_f64()
    );
    println!(
        "  cache file: {:.1} MB; peak RSS of the bench: {:.0} MB",
        std::fs::metadata(&cache_file).unwrap().len() as f64 / 1e6,
        peak_rss_mb()
    );
    std::fs::remove_dir_all(root).unwrap();
}
