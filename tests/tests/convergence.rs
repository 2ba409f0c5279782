//! Convergence: 2–3 replicas fork one pair document, apply random operations (often to the
//! same activity, the same meeting and the same notes), merge in random orders, and must end
//! with identical state that still passes validation.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use automerge::{ActorId, Automerge};
use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use nastavnik_core::document::{self, Schema};
use nastavnik_core::pair::{
    ActivityInput, Actor, MeetingInput, NewMember, NewPair, PairDoc, TextField, set_text, splice_text,
};
use nastavnik_shared::vocab::{
    ActivityStatus, Form, GoalTerm, Kind, MeetingFormat, MeetingType, MemberRole, MonitoringStage, Rater,
};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}
fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
}
fn day(offset: u8) -> NaiveDate {
    start().checked_add_days(Days::new(u64::from(offset))).unwrap()
}

const PEOPLE: [&str; 3] = ["mentor", "mentee", "curator"];

fn actor(i: usize) -> Actor {
    match i % 3 {
        2 => Actor::Curator,
        i => Actor::Person(PEOPLE[i].into()),
    }
}

fn base() -> Automerge {
    let members = vec![
        NewMember {
            person_id: "mentor".into(), name: "Петрова А. И.".into(), role: MemberRole::Mentor
        },
        NewMember {
            person_id: "mentee".into(), name: "Смирнов И. О.".into(), role: MemberRole::Mentee
        },
    ];
    let new = NewPair {
        pair_id: "pair-1".into(),
        school_name: "Школа".into(),
        form: Form::TeacherTeacher,
        kind: Kind::Traditional,
        role_model: String::new(),
        period_start: start(),
        period_months: 9,
        members,
    };
    let mut pair = PairDoc::new(new, now()).unwrap();
    let m = actor(0);
    for i in 0..2 {
        let input =
            ActivityInput {
                title: format!("Мероприятие {i}"), deadline: day(30), ..Default::default()
            };
        pair.add_activity(&m, &format!("a{i}"), input).unwrap();
    }
    let meeting = MeetingInput {
        meeting_type: MeetingType::Regular,
        date: day(20),
        format: MeetingFormat::InPerson,
        topic: "Урок".into(),
    };
    pair.add_meeting(&m, "m0", meeting).unwrap();
    let mut doc = document::create(&pair, now()).unwrap();
    set_text(&mut doc, now(), &m, &TextField::Notes("m0".into()), "Обсудили урок.").unwrap();
    doc
}

#[derive(Debug, Clone)]
enum Op {
    AddActivity { title: String, offset: u8 },
    EditActivity { which: usize, title: String, offset: u8 },
    SetStatus { which: usize, status: usize },
    RemoveActivity { which: usize },
    AddMeeting { offset: u8 },
    Type { meeting: usize, pos: usize, delete: usize, insert: String },
    SetNotes { meeting: usize, text: String },
    Confirm { meeting: usize },
    Score { stage: usize, criterion: usize, score: u8, by_mentor: bool },
    Survey { score: u8 },
    Goal { text: String },
}

fn words() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["урок", "план", "😀", "ё", "дисциплина", " ", "ФГОС", "журнал", "\n"])
        .prop_map(String::from)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(words(), 1..4).prop_map(|w| w.concat())
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (text(), 0u8..250).prop_map(|(title, offset)| Op::AddActivity { title, offset }),
        (0usize..4, text(), 0u8..250).prop_map(|(which, title, offset)| Op::EditActivity {
            which,
            title,
            offset
        }),
        (0usize..4, 0usize..4).prop_map(|(which, status)| Op::SetStatus { which, status }),
        (0usize..4).prop_map(|which| Op::RemoveActivity { which }),
        (0u8..90).prop_map(|offset| Op::AddMeeting { offset }),
        (0usize..2, 0usize..40, 0usize..4, text()).prop_map(|(meeting, pos, delete, insert)| Op::Type {
            meeting,
            pos,
            delete,
            insert
        }),
        (0usize..2, text()).prop_map(|(meeting, text)| Op::SetNotes { meeting, text }),
        (0usize..2).prop_map(|meeting| Op::Confirm { meeting }),
        (0usize..3, 0usize..5, 0u8..7, any::<bool>()).prop_map(|(stage, criterion, score, by_mentor)| {
            Op::Score { stage, criterion, score, by_mentor }
        }),
        (0u8..12).prop_map(|score| Op::Survey { score }),
        text().prop_map(|text| Op::Goal { text }),
    ]
}

/// Applies an op; refusals (bad input, wrong person, missing item) are part of the game.
fn apply(doc: &mut Automerge, who: &Actor, op: &Op, n: usize) {
    let pair: PairDoc = document::read(doc).unwrap();
    let activity = |w: usize| pair.activities.get(w % pair.activities.len().max(1)).map(|a| a.id.clone());
    let meeting = |w: usize| pair.meetings.get(w % pair.meetings.len().max(1)).map(|m| m.id.clone());
    let today = now().date_naive();
    let _ = match op {
        Op::AddActivity { title, offset } => document::change(doc, now(), "op", |p: &mut PairDoc| {
            p.add_activity(
                who,
                &format!("a-{n}"),
                ActivityInput { title: title.clone(), deadline: day(*offset), ..Default::default() },
            )
        }),
        Op::EditActivity { which, title, offset } => match activity(*which) {
            Some(id) => document::change(doc, now(), "op", |p: &mut PairDoc| {
                let input =
                    ActivityInput { title: title.clone(), deadline: day(*offset), ..Default::default() };
                p.edit_activity(who, &id, input)
            }),
            None => return,
        },
        Op::SetStatus { which, status } => match activity(*which) {
            Some(id) => document::change(doc, now(), "op", |p: &mut PairDoc| {
                let status = ActivityStatus::ALL[*status];
                let on = (status == ActivityStatus::Done).then_some(day(10));
                p.set_activity_status(who, &id, status, on, "отметка", today)
            }),
            None => return,
        },
        Op::RemoveActivity { which } => match activity(*which) {
            Some(id) => document::change(doc, now(), "op", |p: &mut PairDoc| p.remove_activity(who, &id)),
            None => return,
        },
        Op::AddMeeting { offset } => document::change(doc, now(), "op", |p: &mut PairDoc| {
            let input = MeetingInput {
                meeting_type: MeetingType::Regular,
                date: day(*offset),
                format: MeetingFormat::Remote,
                topic: "Встреча".into(),
            };
            p.add_meeting(who, &format!("m-{n}"), input)
        }),
        Op::Type { meeting: w, pos, delete, insert } => {
            let Some(id) = meeting(*w) else { return };
            let len =
                pair.meetings.iter().find(|m| m.id == id).map_or(0, |m| m.notes.as_str().chars().count());
            let pos = (*pos).min(len);
            let delete = (*delete).min(len - pos);
            let _ = splice_text(doc, now(), who, &TextField::Notes(id), pos, delete, insert);
            return;
        }
        Op::SetNotes { meeting: w, text } => {
            let Some(id) = meeting(*w) else { return };
            let _ = set_text(doc, now(), who, &TextField::Notes(id), text);
            return;
        }
        Op::Confirm { meeting: w } => match meeting(*w) {
            Some(id) => {
                document::change(doc, now(), "op", |p: &mut PairDoc| p.confirm_meeting(who, &id, now()))
            }
            None => return,
        },
        Op::Score { stage, criterion, score, by_mentor } => {
            document::change(doc, now(), "op", |p: &mut PairDoc| {
                let rater = if *by_mentor { Rater::Mentor } else { Rater::Mentee };
                let scores = [(format!("c{}", criterion + 1), *score)];
                p.record_scores(who, MonitoringStage::ALL[*stage], "mentee", rater, &scores, today)
            })
        }
        Op::Survey { score } => document::change(doc, now(), "op", |p: &mut PairDoc| {
            p.answer_survey(who, &format!("s-{n}"), *score, "", today)
        }),
        Op::Goal { text } => document::change(doc, now(), "op", |p: &mut PairDoc| {
            p.add_goal(who, &format!("g-{n}"), text, GoalTerm::Short)
        }),
    };
}

#[derive(Debug, Clone)]
struct Round {
    ops: Vec<(usize, usize, Op)>,
    merges: Vec<(usize, usize)>,
}

fn scenario() -> impl Strategy<Value = (usize, Vec<Round>, Vec<(usize, usize)>)> {
    (2usize..=3).prop_flat_map(|replicas| {
        let round = (
            prop::collection::vec((0..replicas, 0usize..3, op()), 1..10),
            prop::collection::vec((0..replicas, 0..replicas), 0..3),
        )
            .prop_map(|(ops, merges)| Round { ops, merges });
        let all_pairs: Vec<(usize, usize)> =
            (0..replicas).flat_map(|i| (0..replicas).map(move |j| (i, j))).filter(|(i, j)| i != j).collect();
        (Just(replicas), prop::collection::vec(round, 1..4), Just(all_pairs).prop_shuffle())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn replicas_converge_to_one_valid_state((replicas, rounds, final_order) in scenario()) {
        let origin = base();
        let mut docs: Vec<Automerge> =
            (0..replicas).map(|_| origin.fork().with_actor(ActorId::random())).collect();
        let mut n = 0;
        for round in &rounds {
            for (replica, who, op) in &round.ops {
                n += 1;
                apply(&mut docs[*replica], &actor(*who), op, n);
            }
            for (into, from) in &round.merges {
                if into != from {
                    let mut other = docs[*from].clone();
                    docs[*into].merge(&mut other).unwrap();
                }
            }
        }
        // Everyone receives everyone's changes, in a random order, twice round.
        for _ in 0..2 {
            for (into, from) in &final_order {
                let mut other = docs[*from].clone();
                docs[*into].merge(&mut other).unwrap();
            }
        }
        let states: Vec<PairDoc> = docs.iter().map(|d| document::read(d).unwrap()).collect();
        for (doc, state) in docs.iter().zip(&states).skip(1) {
            prop_assert_eq!(doc.get_heads(), docs[0].get_heads());
            prop_assert_eq!(state, &states[0]);
        }
        prop_assert!(states[0].validate().is_ok(), "{:?}", states[0].validate());
        // The merged document still takes new edits and reloads from bytes.
        let (_, reloaded) = document::load::<PairDoc>(&docs[0].save()).unwrap();
        prop_assert_eq!(&reloaded, &states[0]);
    }
}
