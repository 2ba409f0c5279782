//! The programme's lists by [`ProgrammePart`]: directions, deficits, strengths, short- and
//! long-term goals — one way for the CLI and the app to add, reword and remove an entry, over
//! the operations of `plan.rs`. A goal is found only in the part of its own term.

use nastavnik_shared::app::ProgrammeEntry;
use nastavnik_shared::vocab::ProgrammePart;

use super::Actor;
use super::plan::ProgrammeList;
use super::schema::{Goal, PairDoc};
use crate::error::DomainError;
use crate::{check, keyed};

fn list_of(part: ProgrammePart) -> Option<ProgrammeList> {
    match part {
        ProgrammePart::Directions => Some(ProgrammeList::Directions),
        ProgrammePart::Deficits => Some(ProgrammeList::Deficits),
        ProgrammePart::Strengths => Some(ProgrammeList::Strengths),
        ProgrammePart::ShortGoals | ProgrammePart::LongGoals => None,
    }
}

impl PairDoc {
    /// Adds an entry to a part of the programme.
    pub fn add_entry(
        &mut self,
        actor: &Actor,
        part: ProgrammePart,
        id: &str,
        text: &str,
    ) -> Result<(), DomainError> {
        match (list_of(part), part.goal_term()) {
            (Some(list), _) => self.add_programme_item(actor, list, id, text),
            (None, Some(term)) => self.add_goal(actor, id, text, term),
            // Every part is a list or a goal term (see `list_of` and `ProgrammePart::goal_term`).
            (None, None) => Err(DomainError::Conflict(format!("раздел «{part}» не принимает пунктов"))),
        }
    }

    /// Rewords an entry of a part of the programme.
    pub fn edit_entry(
        &mut self,
        actor: &Actor,
        part: ProgrammePart,
        id: &str,
        text: &str,
    ) -> Result<(), DomainError> {
        match list_of(part) {
            Some(list) => self.edit_programme_item(actor, list, id, text),
            None => {
                self.require_participant(actor)?;
                let text = check::required("Цель", text, check::LONG)?;
                self.goal_mut(part, id)?.text = text;
                Ok(())
            }
        }
    }

    /// Removes an entry from a part of the programme.
    pub fn remove_entry(&mut self, actor: &Actor, part: ProgrammePart, id: &str) -> Result<(), DomainError> {
        match list_of(part) {
            Some(list) => self.remove_programme_item(actor, list, id),
            None => {
                self.require_participant(actor)?;
                self.goal_mut(part, id)?;
                self.remove_goal(actor, id)
            }
        }
    }

    /// Every entry, part by part, each list in its order.
    pub fn entries(&self) -> Vec<ProgrammeEntry> {
        let p = &self.programme;
        let mut out = Vec::new();
        for (part, list) in [
            (ProgrammePart::Directions, &p.directions),
            (ProgrammePart::Deficits, &p.deficits),
            (ProgrammePart::Strengths, &p.strengths),
        ] {
            out.extend(list.iter().map(|i| ProgrammeEntry { part, id: i.id.clone(), text: i.text.clone() }));
        }
        for part in [ProgrammePart::ShortGoals, ProgrammePart::LongGoals] {
            out.extend(
                p.goals.iter().filter(|g| Some(*g.term) == part.goal_term()).map(|g| ProgrammeEntry {
                    part,
                    id: g.id.clone(),
                    text: g.text.clone(),
                }),
            );
        }
        out
    }

    fn goal_mut(&mut self, part: ProgrammePart, id: &str) -> Result<&mut Goal, DomainError> {
        let goal = keyed::get_mut(&mut self.programme.goals, id)?;
        if Some(*goal.term) != part.goal_term() {
            return Err(DomainError::NotFound { what: "цель", id: id.into() });
        }
        Ok(goal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pair::tests::pair;

    #[test]
    fn every_part_is_written_reworded_and_removed_by_its_members_only() {
        let mut p = pair();
        let mentee = p.members.iter().find(|m| *m.role == nastavnik_shared::vocab::MemberRole::Mentee);
        let who = Actor::Person(mentee.expect("a mentee").person_id.clone());
        for (n, part) in ProgrammePart::ALL.iter().enumerate() {
            p.add_entry(&who, *part, &format!("e{n}"), &format!("  {} 1 ", part.label())).unwrap();
        }
        let listed: Vec<(ProgrammePart, String)> =
            p.entries().into_iter().map(|e| (e.part, e.text)).collect();
        let expected: Vec<(ProgrammePart, String)> =
            ProgrammePart::ALL.iter().map(|part| (*part, format!("{} 1", part.label()))).collect();
        assert_eq!(listed, expected, "trimmed, each in its part");

        p.edit_entry(&Actor::Curator, ProgrammePart::LongGoals, "e4", "Стать наставником").unwrap();
        assert_eq!(p.programme.goals[1].text, "Стать наставником");
        // A goal is found only under its own term; empty wording and strangers are refused.
        let wrong = p.edit_entry(&who, ProgrammePart::ShortGoals, "e4", "x").unwrap_err();
        assert!(matches!(wrong, DomainError::NotFound { .. }), "{wrong}");
        assert!(p.remove_entry(&who, ProgrammePart::ShortGoals, "e4").is_err());
        assert!(matches!(
            p.edit_entry(&who, ProgrammePart::Deficits, "e1", "  "),
            Err(DomainError::Empty { .. })
        ));
        let stranger = Actor::Person("nobody".into());
        assert!(matches!(
            p.add_entry(&stranger, ProgrammePart::Strengths, "e9", "x"),
            Err(DomainError::Forbidden(_))
        ));
        assert!(matches!(
            p.remove_entry(&stranger, ProgrammePart::LongGoals, "e4"),
            Err(DomainError::Forbidden(_))
        ));
        let before = p.entries();
        assert!(p.add_entry(&who, ProgrammePart::Directions, "e0", "повтор").is_err(), "an id is not reused");
        assert_eq!(p.entries(), before, "a refused operation changes nothing");

        p.remove_entry(&who, ProgrammePart::Directions, "e0").unwrap();
        p.remove_entry(&who, ProgrammePart::LongGoals, "e4").unwrap();
        let left: Vec<String> = p.entries().into_iter().map(|e| e.id).collect();
        assert_eq!(left, ["e1", "e2", "e3"]);
    }
}
