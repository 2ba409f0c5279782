//! A municipality's worth of paperwork: a school document with 5,000 people and 2,500 pairs,
//! 2,500 pair documents on disk. Each step runs in a process of its own, as the curator's
//! command would — it loads the school document, does the step and prints the step's time and
//! the process's peak memory: the overview (every pair document read from disk, then from the
//! summary cache), the final report, the order, the monitoring table, the mentor base, and the
//! import of a 2,500-row base. Run: `cargo bench -p nastavnik-node --bench paperwork_2500`.

#![allow(clippy::unwrap_used)] // a bench that cannot build its data should stop loudly

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_core::document;
use nastavnik_core::school::{NewSchool, PairInput, PersonInput, SchoolDoc, overview};
use nastavnik_node::summary_cache::SummaryCache;
use nastavnik_paperwork::import::{self, Base};
use nastavnik_paperwork::{docx, xlsx};
use nastavnik_shared::vocab::{ConsentGiver, Form, Kind, MemberRole, PairStatus, PersonCategory};

const PAIRS: usize = 2_500;

/// The school and the first state of each pair's document.
fn school(today: NaiveDate) -> (SchoolDoc, Vec<nastavnik_core::pair::PairDoc>) {
    let now = Utc.with_ymd_and_hms(2026, 9, 10, 12, 0, 0).unwrap();
    let new = NewSchool {
        id: "mun".into(),
        name: "Муниципальная сеть школ".into(),
        head_name: "Руководитель".into(),
        curator_name: "Куратор".into(),
        year_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
    };
    let mut s = SchoolDoc::new(new, now).unwrap();
    let mut pairs = Vec::with_capacity(PAIRS);
    let signed = NaiveDate::from_ymd_opt(2026, 9, 5).unwrap();
    for i in 0..PAIRS {
        for (id, name, teaching) in [
            (format!("m{i}"), format!("Наставник {i}"), 20),
            (format!("e{i}"), format!("Наставляемый {i}"), 1),
        ] {
            let input = PersonInput {
                name: name.clone(),
                category: PersonCategory::Teacher,
                subject_or_class: "математика".into(),
                birth_year: Some(1990),
                teaching_years: Some(teaching),
            };
            s.add_person(&id, input, today).unwrap();
            s.record_consent(&id, &format!("c-{id}"), ConsentGiver::Participant, &name, signed, today)
                .unwrap();
        }
        let input = PairInput {
            id: format!("pair-{i}"),
            members: vec![(format!("m{i}"), MemberRole::Mentor), (format!("e{i}"), MemberRole::Mentee)],
            form: Form::ALL[i % 4],
            kind: Kind::Traditional,
            role_model: String::new(),
            period_start: NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(),
            period_months: 9,
        };
        pairs.push(s.form_pair(input, now).unwrap());
        s.set_pair_doc(&format!("pair-{i}"), &format!("bd{i:06}")).unwrap();
        s.set_pair_status(&format!("pair-{i}"), PairStatus::Active, today).unwrap();
        s.set_pair_order(&format!("pair-{i}"), "1-о", signed, today).unwrap();
    }
    (s, pairs)
}

const STEPS: [&str; 7] =
    ["overview-disk", "overview-cache", "report", "order", "monitoring", "mentor-base", "import"];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--step") {
        step(&args[i + 1], Path::new(&args[i + 2]));
        return;
    }
    let root = std::env::temp_dir().join(format!("nastavnik-bench-paperwork-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let started = Instant::now();
    let (built, pairs) = school(today());
    let saved = document::create(&built, now()).unwrap().save();
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("school.automerge"), &saved).unwrap();
    for (i, pair) in pairs.into_iter().enumerate() {
        let doc = common::fill_pair(pair, i, &format!("m{i}"));
        common::write_chunk(&root.join("docs"), &format!("bd{i:06}"), "snapshot", "s0", &doc.save());
    }
    println!(
        "{PAIRS} pairs, 5,000 people; school document {:.1} MB; built in {:.1?}; each step in a process of its own:",
        saved.len() as f64 / 1e6,
        started.elapsed()
    );
    let me = std::env::current_exe().unwrap();
    for name in STEPS {
        let out = Command::new(&me).args(["--step", name]).arg(&root).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        print!("{}", String::from_utf8_lossy(&out.stdout));
    }
    std::fs::remove_dir_all(root).unwrap();
}

/// One step in this process: load the school, run the step, print time and peak memory.
fn step(name: &str, root: &Path) {
    let started = Instant::now();
    let school: SchoolDoc = document::read(
        &automerge::Automerge::load(&std::fs::read(root.join("school.automerge")).unwrap()).unwrap(),
    )
    .unwrap();
    let loaded = started.elapsed();
    let started = Instant::now();
    let docs = root.join("docs");
    let ids: Vec<String> = school.pairs_with_docs().map(|p| p.doc_id.clone()).collect();
    let cache_file = root.join("summaries.json");
    let overview_from_cache = || {
        let mut cache = SummaryCache::load(&cache_file);
        let (summaries, stats) = cache.summaries(&docs, &ids);
        assert_eq!(stats.cached, PAIRS);
        overview(&school, summaries, today())
    };
    let (what, bytes) = match name {
        "overview-disk" => {
            let mut cache = SummaryCache::default();
            let (summaries, stats) = cache.summaries(&docs, &ids);
            assert_eq!(stats.read, PAIRS);
            let o = overview(&school, summaries, today());
            assert_eq!(o.plan.whole, 13 * PAIRS as u32);
            cache.save(&cache_file).unwrap();
            ("overview, every pair document read from disk", None)
        }
        "overview-cache" => {
            overview_from_cache();
            ("overview, from the summary cache", None)
        }
        "report" => (
            "overview + final report (.docx)",
            Some(docx::final_report(&overview_from_cache(), "Куратор").unwrap()),
        ),
        "order" => ("order with 2,500 pairs (.docx)", Some(docx::order(&school, "1-о").unwrap())),
        "monitoring" => (
            "overview + monitoring table (.xlsx)",
            Some(xlsx::monitoring_table(&overview_from_cache()).unwrap()),
        ),
        "mentor-base" => {
            let bytes = xlsx::mentor_base(&school, today()).unwrap();
            std::fs::write(root.join("mentors.xlsx"), &bytes).unwrap();
            ("mentor base, 2,500 rows (.xlsx)", Some(bytes))
        }
        "import" => {
            let empty = SchoolDoc::new(
                NewSchool {
                    id: "new".into(),
                    name: "Новая школа".into(),
                    head_name: String::new(),
                    curator_name: String::new(),
                    year_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
                },
                now(),
            )
            .unwrap();
            let base = std::fs::read(root.join("mentors.xlsx")).unwrap();
            let preview = import::preview(Base::Mentors, "base.xlsx", &base, &empty, today()).unwrap();
            assert_eq!((preview.ready.len(), preview.errors.len()), (PAIRS, 0));
            let previewed = started.elapsed();
            let mut doc = document::create(&empty, now()).unwrap();
            let mut n = 0;
            document::change(&mut doc, now(), "загрузка базы", |s: &mut SchoolDoc| {
                import::apply(
                    s,
                    &preview,
                    &mut || {
                        n += 1;
                        format!("p{n}")
                    },
                    today(),
                )
            })
            .unwrap();
            println!("  import preview of 2,500 mentors: {previewed:.2?}");
            ("import: preview + one change on a new school document", None)
        }
        other => panic!("unknown step {other}"),
    };
    let size = bytes.map(|b| format!(", file {:.0} KB", b.len() as f64 / 1024.0)).unwrap_or_default();
    println!(
        "  {what}: {:.2?}{size}; peak RSS of the process {:.0} MB (school document loaded in {loaded:.2?})",
        started.elapsed(),
        common::peak_rss_mb()
    );
}
