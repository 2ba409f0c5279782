//! How big and how fast is a realistic one-year pair document?
//!
//! 12-month programme, 30 activities (most done), 40 meetings whose ~2 KB notes are typed in
//! bursts of ~30 characters (as people type), plus reflections, confirmations and monitoring.
//! Prints the saved size and the time of load, read, summary and one edit.
//! Run: `cargo bench -p nastavnik-tests --bench pair_doc`.

#![allow(clippy::unwrap_used)] // a bench that cannot build its document should stop loudly

use std::time::{Duration, Instant};

use automerge::Automerge;
use chrono::{Days, NaiveDate, TimeZone, Utc};
use nastavnik_core::document::{self, change};
use nastavnik_core::pair::{
    ActivityInput, Actor, MeetingInput, NewMember, NewPair, PairDoc, TextField, splice_text,
};
use nastavnik_shared::vocab::{
    ActivityStatus, Form, Kind, MeetingFormat, MeetingType, MemberRole, MonitoringStage, Rater,
};

const WORDS: &[&str] = &[
    "урок",
    "класс",
    "дисциплина",
    "журнал",
    "план",
    "ученики",
    "родители",
    "методика",
    "задание",
    "обсудили",
    "договорились",
    "наставник",
    "предложил",
    "попробовать",
    "приём",
    "внимание",
    "оценивание",
    "рабочая",
    "программа",
    "ФГОС",
    "контрольная",
    "работа",
    "группа",
    "проект",
    "трудности",
    "успехи",
    "вопросы",
    "следующая",
    "встреча",
    "анализ",
    "открытого",
    "занятия",
    "мотивация",
    "домашнее",
    "самоанализ",
    "рефлексия",
    "этап",
    "цель",
    "результат",
    "пятиклассники",
    "олимпиада",
    "конспект",
    "презентация",
    "интерактивная",
    "доска",
    "тетради",
    "проверка",
    "сроки",
];

/// ~`bytes` of Russian-looking text that does not repeat (deflate cannot cheat).
fn notes(seed: u64, bytes: usize) -> String {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut out = String::new();
    while out.len() < bytes {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let word = WORDS[(x >> 33) as usize % WORDS.len()];
        out.push_str(word);
        out.push_str(if (x >> 20).is_multiple_of(9) { ". " } else { " " });
    }
    out
}

fn build(burst: usize) -> Automerge {
    let now = Utc.with_ymd_and_hms(2027, 8, 31, 12, 0, 0).unwrap();
    let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let day = |n: u64| start.checked_add_days(Days::new(n)).unwrap();
    let members = vec![
        NewMember {
            person_id: "mentor".into(),
            name: "Петрова Анна Ивановна".into(),
            role: MemberRole::Mentor,
        },
        NewMember {
            person_id: "mentee".into(),
            name: "Смирнов Илья Олегович".into(),
            role: MemberRole::Mentee,
        },
    ];
    let new = NewPair {
        pair_id: "pair-bench".into(),
        school_name: "МБОУ СОШ №1".into(),
        form: Form::TeacherTeacher,
        kind: Kind::Traditional,
        role_model: "опытный педагог – молодой специалист".into(),
        period_start: start,
        period_months: 12,
        members,
    };
    let mut doc = document::create(&PairDoc::new(new, now).unwrap(), now).unwrap();
    let (mentor, mentee) = (Actor::Person("mentor".into()), Actor::Person("mentee".into()));
    for i in 0..30u64 {
        change(&mut doc, now, "мероприятие", |p: &mut PairDoc| {
            let id = format!("a{i}");
            let input = ActivityInput {
                title: format!("Мероприятие плана №{i}: проектирование урока по ФГОС"),
                mentor_activity: "Открытые занятия наставника, их анализ, практикумы по планированию".into(),
                expected_result: "Компетентность наставляемого в проектировании и анализе урока".into(),
                deadline: day(i * 12),
                responsible: "наставник".into(),
            };
            p.add_activity(&mentor, &id, input)?;
            if i < 25 {
                p.set_activity_status(
                    &mentor,
                    &id,
                    ActivityStatus::Done,
                    Some(day(i * 12)),
                    "выполнено",
                    now.date_naive(),
                )?;
            }
            Ok(())
        })
        .unwrap();
    }
    for i in 0..40u64 {
        let chars: Vec<char> = notes(i, 2048).chars().collect();
        let id = format!("m{i}");
        let meeting_type = if i == 0 { MeetingType::Organisational } else { MeetingType::Regular };
        let input = MeetingInput {
            meeting_type,
            date: day(i * 9),
            format: MeetingFormat::InPerson,
            topic: format!("Встреча {i}"),
        };
        change(&mut doc, now, "встреча", |p: &mut PairDoc| p.add_meeting(&mentor, &id, input)).unwrap();
        let field = TextField::Notes(id.clone());
        let mut typed: usize = 0;
        for chunk in chars.chunks(burst) {
            let who = if typed.is_multiple_of(2) { &mentor } else { &mentee };
            splice_text(&mut doc, now, who, &field, typed, 0, &chunk.iter().collect::<String>()).unwrap();
            typed += chunk.len();
        }
        splice_text(&mut doc, now, &mentee, &TextField::Reflection(id.clone()), 0, 0, "Было полезно.")
            .unwrap();
        change(&mut doc, now, "подтверждение", |p: &mut PairDoc| {
            p.confirm_meeting(&mentor, &id, now)?;
            p.confirm_meeting(&mentee, &id, now)
        })
        .unwrap();
    }
    for stage in MonitoringStage::ALL {
        change(&mut doc, now, "мониторинг", |p: &mut PairDoc| {
            let scores: Vec<(String, u8)> = (1..=5).map(|c| (format!("c{c}"), 3)).collect();
            p.record_scores(&mentee, *stage, "mentee", Rater::Mentee, &scores, now.date_naive())?;
            p.record_scores(&mentor, *stage, "mentee", Rater::Mentor, &scores, now.date_naive())
        })
        .unwrap();
    }
    doc
}

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> Duration {
    let started = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    started.elapsed() / runs
}

fn main() {
    for (label, burst) in [
        ("typed character by character", 1),
        ("typed in bursts of 30 characters", 30),
        ("pasted at once", usize::MAX),
    ] {
        let started = Instant::now();
        let doc = build(burst);
        let built = started.elapsed();
        let bytes = doc.save();
        let changes = doc.get_changes(&[]).len();
        let total: usize =
            document::read::<PairDoc>(&doc).unwrap().meetings.iter().map(|m| m.notes.as_str().len()).sum();
        println!("one-year pair document, notes {label}:");
        println!("  content: 30 activities, 40 meetings, {} KB of notes; {changes} changes", total / 1024);
        println!("  saved size: {} bytes ({:.1} KB)", bytes.len(), bytes.len() as f64 / 1024.0);
        println!("  built in {built:.2?}");
        println!("  load from bytes: {:.2?}", time(20, || Automerge::load(&bytes).unwrap()));
        println!("  read (hydrate): {:.2?}", time(20, || document::read::<PairDoc>(&doc).unwrap()));
        let pair = document::read::<PairDoc>(&doc).unwrap();
        println!("  summary: {:.2?}", time(200, || pair.summary()));
        let mut edited = doc.clone();
        let now = Utc.with_ymd_and_hms(2027, 8, 31, 13, 0, 0).unwrap();
        let mentor = Actor::Person("mentor".into());
        let mut n: u32 = 0;
        let status = time(20, || {
            n += 1;
            change(&mut edited, now, "статус", |p: &mut PairDoc| {
                let status =
                    if n.is_multiple_of(2) { ActivityStatus::Planned } else { ActivityStatus::InProgress };
                p.set_activity_status(&mentor, "a29", status, None, "", now.date_naive())
            })
            .unwrap()
        });
        println!("  one activity status change (hydrate + reconcile + commit): {status:.2?}");
        let keystroke = time(100, || {
            splice_text(&mut edited, now, &mentor, &TextField::Notes("m39".into()), 0, 0, "я").unwrap()
        });
        println!("  one keystroke into notes: {keystroke:.2?}");
    }
}
