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
