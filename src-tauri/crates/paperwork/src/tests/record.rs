//! A participant's record for аттестация, read back: their pairs only, the activities done, the
//! meetings, a mentee's own scores from entry to final, the mentor's report.

use nastavnik_core::pair::{PairDoc, score_key};
use nastavnik_shared::vocab::{ActivityStatus, MemberRole, MonitoringStage, Rater};

use super::demo;
use super::docx::read;
use crate::docx;

fn member_of<'a>(pairs: &'a [PairDoc], person: &str) -> Vec<&'a PairDoc> {
    pairs.iter().filter(|p| p.members.iter().any(|m| m.person_id == person)).collect()
}

#[test]
fn a_mentees_record_holds_her_pairs_work_and_scores() {
    let d = demo();
    // The mentee with the most scores recorded in the demo.
    let (pair, mentee) = d
        .pairs
        .iter()
        .flat_map(|p| p.members_with(MemberRole::Mentee).map(move |m| (p, m)))
        .max_by_key(|(p, m)| {
            p.monitoring.entry.scores.keys().filter(|k| k.starts_with(&format!("{}|", m.person_id))).count()
        })
        .unwrap();
    let r = read(&docx::record(&mentee.person_id, &d.pairs, d.today).unwrap());
    assert!(r.has("Сведения об участии в программе наставничества"));
    assert!(r.has(&format!("ФИО: {}", mentee.name)));
    let hers = member_of(&d.pairs, &mentee.person_id);
    assert!(r.has(&format!("Наставнических пар: {}", hers.len())));
    assert!(r.has("Роль: наставляемый"));
    let done = pair.activities.iter().filter(|a| *a.status == ActivityStatus::Done).count();
    assert!(done > 0, "the demo pair has done activities");
    let done_table = r.tables.iter().find(|t| t[0][1] == "Мероприятие").unwrap();
    assert_eq!(done_table.len(), done + 1, "a row per activity done: {done_table:?}");

    let scores = r.tables.iter().find(|t| t[0][0] == "Критерий").expect("the monitoring table");
    assert_eq!(scores.len(), pair.monitoring.criteria.len() + 1);
    let c = &pair.monitoring.criteria[0];
    let entry = |rater| {
        pair.monitoring
            .stage(MonitoringStage::Entry)
            .scores
            .get(&score_key(&mentee.person_id, rater, &c.id))
            .map_or("—".to_string(), u8::to_string)
    };
    let row = scores.iter().find(|row| row[0] == c.title).unwrap();
    assert_eq!(row[1], format!("{} / {}", entry(Rater::Mentee), entry(Rater::Mentor)));
    assert_ne!(row[1], "— / —", "the demo mentee has entry scores");

    // Nobody else's pair is in it.
    for other in d.pairs.iter().filter(|p| !hers.iter().any(|h| h.pair_id == p.pair_id)) {
        for m in &other.members {
            assert!(!r.has(&m.name) || hers.iter().any(|h| h.members.iter().any(|x| x.name == m.name)));
        }
    }
}

#[test]
fn a_record_needs_a_pair_of_the_person() {
    let d = demo();
    let err = docx::record("p-nobody", &d.pairs, d.today).unwrap_err();
    assert!(err.0.contains("нет пар этого участника"), "{}", err.0);
}
