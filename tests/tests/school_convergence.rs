//! Convergence of the school document: the curator's devices (say, a laptop and the office
//! PC) edit the bank, the pairs index and the roadmap offline; merged in any order they agree
//! and the result still validates.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use automerge::{ActorId, Automerge};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use nastavnik_core::document::{self, Schema};
use nastavnik_core::school::{MentorProfileInput, NewSchool, PairInput, PersonInput, SchoolDoc};
use nastavnik_shared::vocab::{
    ConsentGiver, Form, Kind, MemberRole, PairStatus, PersonCategory, RoadmapStage, RoadmapStatus,
};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 12, 0, 0).unwrap()
}
fn sept() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
}

fn base() -> Automerge {
    let new = NewSchool {
        id: "s".into(),
        name: "Школа".into(),
        head_name: String::new(),
        curator_name: String::new(),
        year_start: sept(),
    };
    let mut school = SchoolDoc::new(new, now()).unwrap();
    for i in 0..3 {
        let input = PersonInput {
            name: format!("Педагог {i}"),
            category: PersonCategory::Teacher,
            subject_or_class: String::new(),
            birth_year: Some(1990),
            teaching_years: Some(2),
        };
        school.add_person(&format!("p{i}"), input, sept()).unwrap();
    }
    document::create(&school, now()).unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    AddPerson { name: String, student: bool },
    Rename { who: usize, name: String },
    Consent { who: usize, parent: bool },
    Withdraw { who: usize },
    Profile { who: usize, capacity: u8 },
    FormPair { mentor: usize, mentee: usize, months: u32 },
    Status { which: usize, status: usize },
    Order { which: usize, number: String },
    Roadmap { which: usize, status: usize },
    AddRoadmap { title: String },
    Remove { who: usize },
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["Иванова", "Пётр", " ", "", "Ёлкин-Палкин", "😀"]).prop_map(String::from)
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (name(), any::<bool>()).prop_map(|(name, student)| Op::AddPerson { name, student }),
        (0usize..6, name()).prop_map(|(who, name)| Op::Rename { who, name }),
        (0usize..6, any::<bool>()).prop_map(|(who, parent)| Op::Consent { who, parent }),
        (0usize..6).prop_map(|who| Op::Withdraw { who }),
        (0usize..6, 0u8..4).prop_map(|(who, capacity)| Op::Profile { who, capacity }),
        (0usize..6, 0usize..6, 2u32..14).prop_map(|(mentor, mentee, months)| Op::FormPair {
            mentor,
            mentee,
            months
        }),
        (0usize..3, 0usize..4).prop_map(|(which, status)| Op::Status { which, status }),
        (0usize..3, name()).prop_map(|(which, number)| Op::Order { which, number }),
        (0usize..40, 0usize..3).prop_map(|(which, status)| Op::Roadmap { which, status }),
        name().prop_map(|title| Op::AddRoadmap { title }),
        (0usize..6).prop_map(|who| Op::Remove { who }),
    ]
}

fn apply(doc: &mut Automerge, op: &Op, n: usize) {
    let s: SchoolDoc = document::read(doc).unwrap();
    let person = |i: usize| s.people.get(i % s.people.len().max(1)).map(|p| p.id.clone()).unwrap_or_default();
    let pair = |i: usize| s.pairs.get(i % s.pairs.len().max(1)).map(|p| p.id.clone()).unwrap_or_default();
    let today = now().date_naive();
    let _ = document::change(doc, now(), "op", |s: &mut SchoolDoc| match op {
        Op::AddPerson { name, student } => {
            let category = if *student { PersonCategory::Student } else { PersonCategory::Teacher };
            let input = PersonInput {
                name: name.clone(),
                category,
                subject_or_class: String::new(),
                birth_year: None,
                teaching_years: None,
            };
            s.add_person(&format!("n{n}"), input, today)
        }
        Op::Rename { who, name } => {
            let p = s.person(&person(*who))?.clone();
            let input = PersonInput {
                name: name.clone(),
                category: *p.category,
                subject_or_class: p.subject_or_class,
                birth_year: p.birth_year,
                teaching_years: p.teaching_years,
            };
            s.edit_person(&p.id, input, today)
        }
        Op::Consent { who, parent } => {
            let giver = if *parent { ConsentGiver::Parent } else { ConsentGiver::Participant };
            s.record_consent(&person(*who), &format!("c{n}"), giver, "Подписал", sept(), today)
        }
        Op::Withdraw { who } => {
            let p = s.person(&person(*who))?.clone();
            match p.consents.first() {
                Some(c) => s.withdraw_consent(&p.id, &c.id, today),
                None => Ok(()),
            }
        }
        Op::Profile { who, capacity } => s.set_mentor_profile(
            &person(*who),
            MentorProfileInput {
                competencies: vec!["методика".into()],
                capacity: *capacity,
                forms: vec![Form::TeacherTeacher],
            },
        ),
        Op::FormPair { mentor, mentee, months } => {
            let input = PairInput {
                id: format!("pair{n}"),
                members: vec![(person(*mentor), MemberRole::Mentor), (person(*mentee), MemberRole::Mentee)],
                form: Form::TeacherTeacher,
                kind: Kind::Traditional,
                role_model: String::new(),
                period_start: sept(),
                period_months: *months,
            };
            s.form_pair(input, now()).map(|_| ())
        }
        Op::Status { which, status } => s.set_pair_status(&pair(*which), PairStatus::ALL[*status], today),
        Op::Order { which, number } => s.set_pair_order(&pair(*which), number, today, today),
        Op::Roadmap { which, status } => {
            let id = s.roadmap.get(*which % s.roadmap.len()).map(|i| i.id.clone()).unwrap_or_default();
            s.set_roadmap_status(&id, RoadmapStatus::ALL[*status])
        }
        Op::AddRoadmap { title } => {
            s.add_roadmap_item(&format!("r{n}"), RoadmapStage::PairWork, title, today, "")
        }
        Op::Remove { who } => s.remove_person(&person(*who)),
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn curator_devices_converge(
        replicas in 2usize..=3,
        ops in prop::collection::vec((0usize..3, op()), 1..25),
        merges in prop::collection::vec((0usize..3, 0usize..3), 0..6),
    ) {
        let origin = base();
        let mut docs: Vec<Automerge> = (0..replicas).map(|_| origin.fork().with_actor(ActorId::random())).collect();
        for (n, (replica, op)) in ops.iter().enumerate() {
            apply(&mut docs[replica % replicas], op, n);
            if let Some((a, b)) = merges.get(n) {
                let (a, b) = (a % replicas, b % replicas);
                if a != b {
                    let mut other = docs[b].clone();
                    docs[a].merge(&mut other).unwrap();
                }
            }
        }
        for _ in 0..2 {
            for a in 0..replicas {
                for b in (0..replicas).rev() {
                    if a != b {
                        let mut other = docs[b].clone();
                        docs[a].merge(&mut other).unwrap();
                    }
                }
            }
        }
        let states: Vec<SchoolDoc> = docs.iter().map(|d| document::read(d).unwrap()).collect();
        for state in &states[1..] {
            prop_assert_eq!(state, &states[0]);
        }
        prop_assert!(states[0].validate().is_ok(), "{:?}", states[0].validate());
    }
}
