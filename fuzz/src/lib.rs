//! What each fuzz target does with its input — here, so that `tests/tests/fuzz_regressions.rs`
//! can replay the saved crashers through the very same code on stable Rust.
//!
//! Every function must return (an error is fine) and never panic, whatever the bytes.

use automerge::{Automerge, ObjType, ROOT, ReadDoc, ScalarValue, transaction::Transactable};
use chrono::{NaiveDate, TimeZone, Utc};
use nastavnik_core::document;
use nastavnik_core::pair::{ActivityInput, Actor, PairDoc};
use nastavnik_core::school::SchoolDoc;

mod node_message;
pub use node_message::node_message;

/// libFuzzer's panic hook (libfuzzer-sys) aborts at *any* panic, even one our code catches on
/// purpose: `document::load` and `sync_check` catch automerge's panics and return errors. Here
/// only a panic that escapes a target is a crash — libfuzzer-sys aborts on it after its own
/// `catch_unwind` — so the hook just prints.
pub(crate) fn caught_panics_are_not_crashes() {
    #[cfg(feature = "libfuzzer")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| std::panic::set_hook(Box::new(|info| eprintln!("{info}"))));
    }
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).single().unwrap_or_default()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// What a loaded pair document is used for: the screens' view, the overview's summary, and a
/// change by a member.
fn use_pair(doc: &mut Automerge) {
    if let Ok(p) = document::read::<PairDoc>(doc) {
        let _ = p.view(None);
        let _ = p.summary();
        let mentor = p.members.first().map(|m| Actor::Person(m.person_id.clone())).unwrap_or(Actor::Curator);
        let input = ActivityInput {
            title: "Посещение урока".into(),
            deadline: today(),
            responsible: String::new(),
            mentor_activity: String::new(),
            expected_result: String::new(),
        };
        let _ = document::change(doc, now(), "fuzz", |p: &mut PairDoc| p.add_activity(&mentor, "fz1", input));
    }
}

/// Bytes as a saved document (from disk, or sent by a peer): a pair's and a school's.
pub fn doc_load(data: &[u8]) {
    caught_panics_are_not_crashes();
    if let Ok((mut doc, _)) = document::load::<PairDoc>(data) {
        use_pair(&mut doc);
    }
    if let Ok((_, school)) = document::load::<SchoolDoc>(data) {
        let _ = school.person_rows(today());
        let _ = nastavnik_core::school::overview(&school, Vec::new(), today());
    }
}

/// The demo school, built once per process (a fuzzer runs millions of inputs).
fn demo() -> &'static (Automerge, Vec<Automerge>) {
    static DEMO: std::sync::OnceLock<(Automerge, Vec<Automerge>)> = std::sync::OnceLock::new();
    DEMO.get_or_init(|| match nastavnik_core::demo::build(now()) {
        Ok(d) => (d.school, d.pairs),
        Err(_) => (Automerge::new(), Vec::new()),
    })
}

/// A small valid pair document to bend — two members, an activity, a meeting with notes (a
/// fresh copy each time; small, so the fuzzer runs many inputs a second).
pub fn seed_pair() -> Automerge {
    static PAIR: std::sync::OnceLock<Automerge> = std::sync::OnceLock::new();
    PAIR.get_or_init(|| small_pair().unwrap_or_default()).clone()
}

fn small_pair() -> Option<Automerge> {
    use nastavnik_core::pair::{MeetingInput, NewMember, NewPair, TextField, set_text};
    use nastavnik_shared::vocab::{Form, Kind, MeetingFormat, MeetingType, MemberRole};
    let member =
        |id: &str, role| NewMember { person_id: id.into(), name: format!("Участник {id}"), role };
    let new = NewPair {
        pair_id: "pair-1".into(),
        school_name: "Школа".into(),
        form: Form::TeacherTeacher,
        kind: Kind::Traditional,
        role_model: String::new(),
        period_start: today(),
        period_months: 9,
        members: vec![member("m1", MemberRole::Mentor), member("e1", MemberRole::Mentee)],
    };
    let mut doc = document::create(&PairDoc::new(new, now()).ok()?, now()).ok()?;
    let mentor = Actor::Person("m1".into());
    let activity = ActivityInput {
        title: "Посещение урока".into(),
        deadline: today(),
        responsible: String::new(),
        mentor_activity: String::new(),
        expected_result: String::new(),
    };
    let meeting = MeetingInput {
        meeting_type: MeetingType::Regular,
        date: today(),
        format: MeetingFormat::InPerson,
        topic: "Урок".into(),
    };
    document::change(&mut doc, now(), "seed", |p: &mut PairDoc| {
        p.add_activity(&mentor, "a1", activity)?;
        p.add_meeting(&mentor, "mt1", meeting)
    })
    .ok()?;
    set_text(&mut doc, now(), &mentor, &TextField::Notes("mt1".into()), "Обсудили урок.").ok()?;
    Some(doc)
}

/// The demo's school, read once.
fn seed_school() -> Option<&'static SchoolDoc> {
    static SCHOOL: std::sync::OnceLock<Option<SchoolDoc>> = std::sync::OnceLock::new();
    SCHOOL.get_or_init(|| document::read::<SchoolDoc>(&demo().0).ok()).as_ref()
}

const KEYS: &[&str] = &[
    "doc_type",
    "schema_version",
    "members",
    "activities",
    "meetings",
    "programme",
    "monitoring",
    "closure",
    "header",
    "id",
    "person_id",
    "role",
    "title",
    "deadline",
    "status",
    "notes",
    "date",
    "criteria",
    "stages",
    "scores",
    "requests",
    "period_months",
    "period_start",
    "form",
    "kind",
];

/// A valid pair document bent by the input — values of the wrong type, missing or extra keys,
/// lists where maps belong — as a hostile or buggy peer could write it: reading it must give an
/// error or a usable document, never a panic.
pub fn doc_shapes(data: &[u8]) {
    caught_panics_are_not_crashes();
    let mut doc = seed_pair();
    let mut objects = vec![ROOT];
    let mut tx = doc.transaction();
    for op in data.chunks(3) {
        let [what, key, value] = [op[0], *op.get(1).unwrap_or(&0), *op.get(2).unwrap_or(&0)];
        let obj = objects[usize::from(value) % objects.len()].clone();
        let key = KEYS[usize::from(key) % KEYS.len()];
        let is_list = matches!(tx.object_type(&obj), Ok(ObjType::List | ObjType::Text));
        let len = tx.length(&obj);
        let at = if len == 0 { 0 } else { usize::from(value) % len };
        let _ = match (what % 8, is_list) {
            (0, false) => tx.put(&obj, key, ScalarValue::Int(i64::from(value) - 128)),
            (1, false) => tx.put(&obj, key, ScalarValue::Str(key.into())),
            (2, false) => tx.put(&obj, key, ScalarValue::Null),
            (3, false) => tx.delete(&obj, key),
            (4, false) => tx.put_object(&obj, key, ObjType::List).map(|o| objects.push(o)),
            (5, false) => tx.put_object(&obj, key, ObjType::Map).map(|o| objects.push(o)),
            (6, false) => tx.put(&obj, key, ScalarValue::Timestamp(i64::from(value) << 40)),
            (0..=2, true) if len > 0 => tx.delete(&obj, at),
            (3 | 4, true) => tx.insert(&obj, at.min(len), ScalarValue::Uint(u64::from(value))),
            (5, true) => tx.insert_object(&obj, at.min(len), ObjType::Map).map(|o| objects.push(o)),
            _ => Ok(()),
        };
        // Walk into what is there, to bend nested values too.
        if let Ok(Some((automerge::Value::Object(_), id))) = tx.get(&obj, key) {
            objects.push(id);
        }
        if objects.len() > 64 {
            objects.drain(1..32);
        }
    }
    tx.commit();
    use_pair(&mut doc);
}

/// Bytes as an automerge sync message from a peer, received into a pair document.
pub fn sync_message(data: &[u8]) {
    caught_panics_are_not_crashes();
    use automerge::sync::{State, SyncDoc};
    // As the node does: a message that fails the check never reaches automerge.
    let Ok(message) = nastavnik_core::sync_check::check_sync_message(data) else { return };
    let mut doc = seed_pair();
    let mut state = State::new();
    if doc.receive_sync_message(&mut state, message).is_ok() {
        let _ = doc.generate_sync_message(&mut state);
        use_pair(&mut doc);
    }
}

/// Bytes as a base imported from a file: the first byte picks .csv or .xlsx and the base.
pub fn import_table(data: &[u8]) {
    caught_panics_are_not_crashes();
    use nastavnik_paperwork::import::{Base, preview};
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = if pick & 1 == 0 { "база.csv" } else { "база.xlsx" };
    let base = if pick & 2 == 0 { Base::Mentees } else { Base::Mentors };
    let Some(school) = seed_school() else { return };
    let _ = preview(base, name, bytes, school, today());
}

/// Starting inputs for each target (`scripts/fuzz.sh` writes them into the corpus): real
/// documents, a real sync message, real tables — so mutations start from what peers send.
pub fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(mut demo) = nastavnik_core::demo::build(now()) else { return out };
    if let Some(pair) = demo.pairs.first_mut() {
        out.push(("doc_load", pair.save()));
    }
    let mut pair = seed_pair();
    out.push(("doc_load", pair.save()));
    // What a peer that has nothing sends first, and what one with the document answers.
    use automerge::sync::{State, SyncDoc};
    let (empty, mut theirs, mut ours) = (Automerge::new(), State::new(), State::new());
    if let Some(m) = empty.generate_sync_message(&mut theirs) {
        out.push(("sync_message", m.clone().encode()));
        if pair.receive_sync_message(&mut ours, m).is_ok()
            && let Some(answer) = pair.generate_sync_message(&mut ours)
        {
            out.push(("sync_message", answer.encode()));
        }
    }
    out.push(("doc_load", demo.school.save()));
    out.push(("doc_shapes", b"\x00\x02\x00\x04\x03\x00\x01\x0a\x01\x05\x00\x02".to_vec()));
    let csv = "ФИО;Категория;Класс;Год рождения;Запрос\nКозлова Мария;обучающийся;7А;2013;дисциплина\n";
    out.push(("import_table", [&[0u8][..], csv.as_bytes()].concat()));
    if let Ok(school) = document::read::<SchoolDoc>(&demo.school) {
        if let Ok(x) = nastavnik_paperwork::xlsx::mentee_base(&school, today()) {
            out.push(("import_table", [&[1u8][..], &x[..]].concat()));
        }
        if let Ok(x) = nastavnik_paperwork::xlsx::mentor_base(&school, today()) {
            out.push(("import_table", [&[3u8][..], &x[..]].concat()));
        }
    }
    out.extend(node_message::seeds().into_iter().map(|m| ("node_message", m)));
    out
}

/// Runs target `name` on `data` (the replay test's entry).
pub fn run(name: &str, data: &[u8]) {
    match name {
        "doc_load" => doc_load(data),
        "doc_shapes" => doc_shapes(data),
        "sync_message" => sync_message(data),
        "import_table" => import_table(data),
        "node_message" => node_message(data),
        _ => {}
    }
}

/// Every target's name.
pub const TARGETS: [&str; 5] = ["doc_load", "doc_shapes", "sync_message", "import_table", "node_message"];
