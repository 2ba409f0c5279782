//! Monitoring (entry, intermediate, final diagnostics) and satisfaction surveys.

use chrono::NaiveDate;
use nastavnik_shared::vocab::{MemberRole, MonitoringStage, Rater, SATISFACTION_MAX, SCORE_MAX, SCORE_MIN};

use super::Actor;
use super::schema::{Criterion, PairDoc, Survey, score_key};
use crate::check;
use crate::error::DomainError;

impl PairDoc {
    /// Adds a monitoring criterion.
    pub fn add_criterion(&mut self, actor: &Actor, id: &str, title: &str) -> Result<(), DomainError> {
        self.require_participant(actor)?;
        self.monitoring.criteria.push(Criterion {
            id: check::id("критерий", id)?,
            title: check::required("Критерий", title, check::SHORT)?,
        });
        Ok(())
    }

    /// Whose scores a member records, and as whom: a mentee rates themself; a mentor rates the
    /// mentee `chosen` — which may be left empty only when the pair has one mentee (in a group
    /// the mentor must say whom).
    pub fn scoring(&self, actor: &Actor, chosen: &str) -> Result<(String, Rater), DomainError> {
        match self.member(actor).map(|m| (m.person_id.clone(), *m.role)) {
            Some((me, MemberRole::Mentee)) => Ok((me, Rater::Mentee)),
            Some((_, MemberRole::Mentor)) if !chosen.is_empty() => Ok((chosen.to_string(), Rater::Mentor)),
            Some((_, MemberRole::Mentor)) => {
                let mut mentees = self.members_with(MemberRole::Mentee);
                match (mentees.next(), mentees.next()) {
                    (Some(only), None) => Ok((only.person_id.clone(), Rater::Mentor)),
                    _ => Err(DomainError::Empty { field: "Наставляемый" }),
                }
            }
            None => Err(DomainError::Forbidden("оценки ставят участники пары")),
        }
    }

    /// Records scores (1–5 per criterion) of a mentee at a stage. A mentee scores themself
    /// ([`Rater::Mentee`]); a mentor scores a mentee ([`Rater::Mentor`]).
    pub fn record_scores(
        &mut self,
        actor: &Actor,
        stage: MonitoringStage,
        mentee: &str,
        rater: Rater,
        scores: &[(String, u8)],
        on: NaiveDate,
    ) -> Result<(), DomainError> {
        self.require_open()?;
        let is_mentee = self.members_with(MemberRole::Mentee).any(|m| m.person_id == mentee);
        if !is_mentee {
            return Err(DomainError::NotFound { what: "наставляемый", id: mentee.into() });
        }
        match rater {
            Rater::Mentee if *actor != Actor::Person(mentee.into()) => {
                return Err(DomainError::Forbidden("самооценку даёт сам наставляемый"));
            }
            Rater::Mentor => {
                self.require_role(actor, MemberRole::Mentor, "оценку наставника даёт наставник")?;
            }
            _ => {}
        }
        if scores.is_empty() {
            return Err(DomainError::Empty { field: "Оценки" });
        }
        for (criterion, score) in scores {
            if !self.monitoring.criteria.iter().any(|c| &c.id == criterion) {
                return Err(DomainError::NotFound { what: "критерий", id: criterion.clone() });
            }
            check::range("Оценка", i64::from(*score), i64::from(SCORE_MIN), i64::from(SCORE_MAX))?;
        }
        let stage = self.monitoring.stage_mut(stage);
        for (criterion, score) in scores {
            stage.scores.insert(score_key(mentee, rater, criterion), *score);
        }
        stage.recorded_on.insert(format!("{mentee}|{}", rater.as_code()), on.into());
        Ok(())
    }

    /// Average score at a stage over all mentees, criteria and raters, if any were given.
    pub fn average_score(&self, stage: MonitoringStage) -> Option<f64> {
        let scores = &self.monitoring.stage(stage).scores;
        (!scores.is_empty())
            .then(|| scores.values().map(|s| f64::from(*s)).sum::<f64>() / scores.len() as f64)
    }

    /// A member answers the satisfaction survey (1–10).
    pub fn answer_survey(
        &mut self,
        actor: &Actor,
        id: &str,
        score: u8,
        comment: &str,
        on: NaiveDate,
    ) -> Result<(), DomainError> {
        self.require_open()?;
        let respondent = self
            .member(actor)
            .ok_or(DomainError::Forbidden("анкету заполняют участники пары"))?
            .person_id
            .clone();
        check::range("Удовлетворённость", i64::from(score), 1, i64::from(SATISFACTION_MAX))?;
        self.surveys.push(Survey {
            id: check::id("анкета", id)?,
            respondent,
            date: on.into(),
            score,
            comment: check::optional("Комментарий", comment, check::LONG)?,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use nastavnik_shared::vocab::Kind;

    use super::*;
    use crate::pair::PairDoc;
    use crate::pair::tests::{new_pair, now};

    #[test]
    fn in_a_group_the_mentor_says_whom_they_score() {
        let group = PairDoc::new(new_pair(9, Kind::Group, 2), now()).unwrap();
        let mentor = Actor::Person("mentor".into());
        assert_eq!(group.scoring(&mentor, ""), Err(DomainError::Empty { field: "Наставляемый" }));
        assert_eq!(group.scoring(&mentor, "mentee1"), Ok(("mentee1".into(), Rater::Mentor)));
        let mentee = Actor::Person("mentee1".into());
        assert_eq!(
            group.scoring(&mentee, "mentee0"),
            Ok(("mentee1".into(), Rater::Mentee)),
            "a mentee rates only themself"
        );
        assert!(matches!(group.scoring(&Actor::Curator, ""), Err(DomainError::Forbidden(_))));
        let single = PairDoc::new(new_pair(9, Kind::Traditional, 1), now()).unwrap();
        assert_eq!(single.scoring(&mentor, ""), Ok(("mentee0".into(), Rater::Mentor)));
    }
}
