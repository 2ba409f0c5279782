//! One curator click on a big school: 5,000 people and 2,500 pairs in the school's document.
//! Each operation the curator's screens run — add a person, correct a card, record a consent,
//! move a pair along — is timed as one `document::change` on that document (hydrate, apply,
//! validate, reconcile, commit), and through `nastavnik_core::known` as the window and `serve`
//! run it (the value kept in memory, only what differs written). Target: ≤ 50 ms per operation.
//! Run: `cargo bench -p nastavnik-core --bench school_click`.

#![allow(clippy::unwrap_used)] // a bench that cannot build its document should stop loudly

use std::time::{Duration, Instant};

use automerge::Automerge;
use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_core::document::{self, Schema};
use nastavnik_core::known::{change_known, read_known};
use nastavnik_core::school::{NewSchool, PairInput, PersonInput, SchoolDoc};
use nastavnik_shared::vocab::{ConsentGiver, Form, Kind, MemberRole, PairStatus, PersonCategory};

const PEOPLE: usize = 5_000;
const PAIRS: usize = 2_500;
const RUNS: usize = 9;

fn teacher(i: usize) -> PersonInput {
    PersonInput {
        name: format!("Учитель Номер {i} Отчество"),
        category: PersonCategory::Teacher,
        subject_or_class: "математика".into(),
        birth_year: Some(1980),
        teaching_years: Some(5),
    }
}

fn big_school() -> Automerge {
    let now = Utc.with_ymd_and_hms(2026, 9, 1, 9, 0, 0).unwrap();
    let today = now.date_naive();
    let mut s = SchoolDoc::new(
        NewSchool {
            id: "school-1".into(),
            name: "МБОУ СОШ № 1".into(),
            head_name: "Иванов И. И.".into(),
            curator_name: "Петрова А. А.".into(),
            year_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        },
        now,
    )
    .unwrap();
    for i in 0..PEOPLE {
        s.add_person(&format!("p{i}"), teacher(i), today).unwrap();
        s.record_consent(
            &format!("p{i}"),
            &format!("c{i}"),
            ConsentGiver::Participant,
            "Сам(а)",
            today,
            today,
        )
        .unwrap();
    }
    for i in 0..PAIRS {
        let input = PairInput {
            id: format!("pair-{i}"),
            members: vec![
                (format!("p{}", 2 * i), MemberRole::Mentor),
                (format!("p{}", 2 * i + 1), MemberRole::Mentee),
            ],
            form: Form::TeacherTeacher,
            kind: Kind::Traditional,
            role_model: String::new(),
            period_start: today,
            period_months: 9,
        };
        s.form_pair(input, now).unwrap();
        s.set_pair_doc(&format!("pair-{i}"), &format!("doc{i}")).unwrap();
    }
    document::create(&s, now).unwrap()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let started = Instant::now();
    let doc = big_school();
    println!(
        "school document: {PEOPLE} people, {PAIRS} pairs, {:.1} MB saved, built in {:.1?}",
        doc.save().len() as f64 / 1e6,
        started.elapsed()
    );
    // What checking the saved bytes before loading them costs (chunk_guard, on every load).
    let saved = doc.save();
    let timed = |f: &dyn Fn()| {
        median(
            (0..RUNS)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed()
                })
                .collect(),
        )
    };
    let guard = timed(&|| nastavnik_core::chunk_guard::check_chunks(&saved).unwrap());
    let load = timed(&|| drop(std::hint::black_box(Automerge::load(&saved).unwrap())));
    println!("  loading the saved document: check its chunks first {guard:.1?}, automerge's load {load:.1?}");

    let now = Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap();
    let today = now.date_naive();

    // The parts of one change, on the same document.
    let hydrate = median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                let s: SchoolDoc = document::read(&doc).unwrap();
                std::hint::black_box(&s);
                t.elapsed()
            })
            .collect(),
    );
    let value: SchoolDoc = document::read(&doc).unwrap();
    let validate = median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                value.validate().unwrap();
                t.elapsed()
            })
            .collect(),
    );
    println!("  parts: hydrate the whole document {hydrate:.1?}, validate {validate:.1?}");

    type Op = Box<dyn Fn(&mut SchoolDoc, usize) -> Result<(), nastavnik_core::DomainError>>;
    let ops: Vec<(&str, Op)> = vec![
        ("add a person", Box::new(move |s, n| s.add_person(&format!("new{n}"), teacher(n), today))),
        (
            "correct a card",
            Box::new(move |s, n| {
                let mut t = teacher(n);
                t.subject_or_class = format!("физика {n}");
                s.edit_person("p4321", t, today)
            }),
        ),
        (
            "record a consent",
            Box::new(move |s, n| {
                s.record_consent(
                    "p1234",
                    &format!("cn{n}"),
                    ConsentGiver::Participant,
                    "Сам(а)",
                    today,
                    today,
                )
            }),
        ),
        (
            "move a pair along",
            Box::new(move |s, n| {
                let status = if n % 2 == 0 { PairStatus::Active } else { PairStatus::Forming };
                s.set_pair_status(&format!("pair-{}", 100 + n), status, today)
            }),
        ),
    ];
    let mut worst = Duration::ZERO;
    for (label, op) in &ops {
        // As a one-shot command does it: the whole document hydrated and reconciled.
        let mut d = doc.fork();
        let full = median(
            (0..3)
                .map(|n| {
                    let t = Instant::now();
                    document::change(&mut d, now, "bench", |s: &mut SchoolDoc| op(s, n)).unwrap();
                    t.elapsed()
                })
                .collect(),
        );
        // As the window and `serve` do it: the value kept in memory, only what differs written.
        let mut d = doc.fork();
        let mut kept = None;
        read_known(&d, &mut kept).unwrap();
        let click = median(
            (0..RUNS)
                .map(|n| {
                    let t = Instant::now();
                    change_known(&mut d, &mut kept, now, "bench", |s: &mut SchoolDoc| op(s, n)).unwrap();
                    t.elapsed()
                })
                .collect(),
        );
        worst = worst.max(click);
        println!(
            "  {label}: {click:.1?} with the value kept (median of {RUNS}); {full:.1?} hydrating and reconciling all"
        );
    }
    println!("one curator click at this size: ≤ {worst:.1?} (target ≤ 50 ms)");
}
