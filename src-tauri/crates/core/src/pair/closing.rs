//! The end of a programme, and what may end it early: the mentor's final report, a mentee's
//! request to replace the mentor, and the curator closing the pair — completed or dissolved,
//! with a reason — after which the document is read-only (kept, counted, exportable).

use chrono::NaiveDate;
use nastavnik_shared::vocab::{MemberRole, PairStatus};

use super::Actor;
use super::schema::{Closure, PairDoc, ReplacementRequest};
use crate::error::DomainError;
use crate::{check, keyed};

impl PairDoc {
    /// The mentor hands the final report to the curator (its texts are typed with
    /// [`super::splice_text`]).
    pub fn submit_final_report(&mut self, actor: &Actor, on: NaiveDate) -> Result<(), DomainError> {
        self.require_role(actor, MemberRole::Mentor, "отчёт сдаёт наставник")?;
        if self.final_report.results.as_str().trim().is_empty() {
            return Err(DomainError::Empty { field: "Результаты" });
        }
        self.final_report.submitted_on = Some(on.into());
        Ok(())
    }

    /// A mentee asks the curator to replace the mentor (ходатайство о замене наставника).
    pub fn request_replacement(
        &mut self,
        actor: &Actor,
        id: &str,
        reason: &str,
        on: NaiveDate,
    ) -> Result<(), DomainError> {
        let mentee = self
            .require_role(actor, MemberRole::Mentee, "ходатайство подаёт наставляемый")?
            .person_id
            .clone();
        self.replacement_requests.push(ReplacementRequest {
            id: keyed::new_id(&self.replacement_requests, id)?,
            mentee,
            reason: check::required("Причина", reason, check::LONG)?,
            date: on.into(),
            resolution: None,
        });
        Ok(())
    }

    /// The curator grants a request: `old` (a mentor of the pair) leaves for the former members,
    /// `new` (not yet a member) becomes a mentor, the request records the decision. What the pair
    /// wrote stays as it is, with the old mentor's name.
    pub fn replace_mentor(
        &mut self,
        actor: &Actor,
        request: &str,
        old: &str,
        new: (&str, &str),
        resolution: &str,
    ) -> Result<(), DomainError> {
        if *actor != Actor::Curator {
            return Err(DomainError::Forbidden("наставника заменяет куратор"));
        }
        self.require_open()?;
        let resolution = check::required("Решение", resolution, check::LONG)?;
        let (new_id, new_name) =
            (check::id("наставник", new.0)?, check::required("ФИО", new.1, check::SHORT)?);
        if keyed::get(&self.replacement_requests, request)?.resolution.is_some() {
            return Err(DomainError::Conflict("по этому ходатайству решение уже принято".into()));
        }
        let Some(at) = self.members.iter().position(|m| m.person_id == old && *m.role == MemberRole::Mentor)
        else {
            return Err(DomainError::NotFound { what: "наставник пары", id: old.into() });
        };
        if self.members.iter().any(|m| m.person_id == new_id) {
            return Err(DomainError::Conflict(format!("{new_name} уже участник этой пары")));
        }
        let leaving = self.members.remove(at);
        self.members.push(super::Member {
            person_id: new_id,
            name: new_name,
            role: MemberRole::Mentor.into(),
        });
        self.former_members.retain(|m| m.person_id != leaving.person_id);
        self.former_members.push(leaving);
        keyed::get_mut(&mut self.replacement_requests, request)?.resolution = Some(resolution);
        Ok(())
    }

    /// The curator records the decision on a request.
    pub fn resolve_replacement(
        &mut self,
        actor: &Actor,
        id: &str,
        resolution: &str,
    ) -> Result<(), DomainError> {
        if *actor != Actor::Curator {
            return Err(DomainError::Forbidden("решение по ходатайству принимает куратор"));
        }
        self.require_open()?;
        let resolution = check::required("Решение", resolution, check::LONG)?;
        keyed::get_mut(&mut self.replacement_requests, id)?.resolution = Some(resolution);
        Ok(())
    }

    /// The curator closes the pair: completed (the programme ran its course) or dissolved
    /// (ended early — a reason is required). Closing twice is refused.
    pub fn close(
        &mut self,
        actor: &Actor,
        status: PairStatus,
        reason: &str,
        on: NaiveDate,
    ) -> Result<(), DomainError> {
        if *actor != Actor::Curator {
            return Err(DomainError::Forbidden("завершает и расформировывает пару куратор"));
        }
        self.require_open()?;
        let reason = match status {
            PairStatus::Dissolved => check::required("Причина расформирования", reason, check::LONG)?,
            PairStatus::Completed => check::optional("Итог", reason, check::LONG)?,
            other => {
                return Err(DomainError::Conflict(format!("пару нельзя закрыть со статусом «{other}»")));
            }
        };
        self.closure = Some(Closure { status: status.into(), reason, on: on.into() });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use nastavnik_shared::vocab::{ActivityStatus, MeetingFormat, MeetingType, ProgrammePart};

    use super::*;
    use crate::document;
    use crate::pair::tests::{d, now, pair};
    use crate::pair::{ActivityInput, MeetingInput, TextField, set_text};

    #[test]
    fn a_closed_pair_is_read_only_everywhere() {
        let mut p = pair();
        let mentor = Actor::Person("mentor".into());
        let activity = ActivityInput { title: "Урок".into(), deadline: d(10, 1), ..Default::default() };
        p.add_activity(&mentor, "a1", activity.clone()).unwrap();
        let meeting = MeetingInput {
            meeting_type: MeetingType::Regular,
            date: d(10, 1),
            format: MeetingFormat::InPerson,
            topic: "Итоги".into(),
        };
        p.add_meeting(&mentor, "m1", meeting.clone()).unwrap();
        // Only the curator closes; a dissolution needs its reason; only to an end status.
        assert!(matches!(
            p.close(&mentor, PairStatus::Completed, "", d(11, 1)),
            Err(DomainError::Forbidden(_))
        ));
        assert!(matches!(
            p.close(&Actor::Curator, PairStatus::Dissolved, " ", d(11, 1)),
            Err(DomainError::Empty { .. })
        ));
        assert!(p.close(&Actor::Curator, PairStatus::Active, "", d(11, 1)).is_err());
        assert!(p.closure.is_none());
        p.close(&Actor::Curator, PairStatus::Dissolved, "Наставник переехал", d(11, 1)).unwrap();

        let before = p.clone();
        let refused = |r: Result<(), DomainError>| {
            let e = r.unwrap_err();
            assert!(e.to_string().contains("в архиве"), "{e}");
        };
        refused(p.add_activity(&mentor, "a2", activity.clone()));
        refused(p.edit_activity(&Actor::Curator, "a1", activity));
        refused(p.set_activity_status(&mentor, "a1", ActivityStatus::Done, Some(d(10, 2)), "", d(11, 2)));
        refused(p.remove_activity(&mentor, "a1"));
        refused(p.add_meeting(&mentor, "m2", meeting.clone()));
        refused(p.edit_meeting(&mentor, "m1", meeting));
        refused(p.add_entry(&mentor, ProgrammePart::Deficits, "e1", "x"));
        refused(p.request_replacement(&Actor::Person("mentee0".into()), "r1", "x", d(11, 2)));
        refused(p.close(&Actor::Curator, PairStatus::Completed, "", d(11, 2)));
        assert_eq!(p, before, "nothing changed");

        // The shared texts too, written straight into the document.
        let mut doc = document::create(&p, now()).unwrap();
        let heads = doc.get_heads();
        let typed = set_text(&mut doc, now(), &mentor, &TextField::Notes("m1".into()), "поздно");
        assert!(typed.unwrap_err().to_string().contains("в архиве"));
        assert_eq!(doc.get_heads(), heads);
        // It is still read, whole.
        let read: PairDoc = document::read(&doc).unwrap();
        assert_eq!(read.closure.map(|c| c.reason), Some("Наставник переехал".to_string()));
    }

    #[test]
    fn a_mentor_is_replaced_at_the_mentees_request_and_the_history_keeps_their_name() {
        let mut p = pair();
        let (mentor, mentee) = (Actor::Person("mentor".into()), Actor::Person("mentee0".into()));
        let meeting = MeetingInput {
            meeting_type: MeetingType::Regular,
            date: d(10, 1),
            format: MeetingFormat::InPerson,
            topic: "Знакомство".into(),
        };
        p.add_meeting(&mentor, "m1", meeting).unwrap();
        p.confirm_meeting(&mentor, "m1", now()).unwrap();
        assert!(matches!(
            p.request_replacement(&mentor, "r1", "x", d(11, 1)),
            Err(DomainError::Forbidden(_))
        ));
        p.request_replacement(&mentee, "r1", "Не совпадаем по предмету", d(11, 1)).unwrap();
        let new = ("orlova", "Орлова Вера");
        assert!(matches!(
            p.replace_mentor(&mentee, "r1", "mentor", new, "ok"),
            Err(DomainError::Forbidden(_))
        ));
        assert!(p.replace_mentor(&Actor::Curator, "r1", "mentee0", new, "ok").is_err(), "only a mentor");
        assert!(p.replace_mentor(&Actor::Curator, "r1", "mentor", ("mentee0", "x"), "ok").is_err());
        assert!(p.replace_mentor(&Actor::Curator, "r1", "mentor", new, " ").is_err(), "a decision in words");
        p.replace_mentor(&Actor::Curator, "r1", "mentor", new, "Заменить на Орлову В.").unwrap();

        assert!(p.member(&mentor).is_none(), "the old mentor writes no more");
        assert!(
            p.add_activity(
                &mentor,
                "a1",
                ActivityInput { title: "x".into(), deadline: d(10, 2), ..Default::default() }
            )
            .is_err()
        );
        p.add_activity(
            &Actor::Person("orlova".into()),
            "a1",
            ActivityInput { title: "План".into(), deadline: d(10, 2), ..Default::default() },
        )
        .unwrap();
        assert!(
            p.confirmed_by(&p.meetings[0], MemberRole::Mentor),
            "the meeting the old mentor held stays confirmed"
        );
        let former: Vec<&str> = p.former_members.iter().map(|m| m.person_id.as_str()).collect();
        assert_eq!(former, ["mentor"]);
        assert_eq!(p.replacement_requests[0].resolution.as_deref(), Some("Заменить на Орлову В."));
        assert!(
            p.replace_mentor(&Actor::Curator, "r1", "orlova", ("x", "X"), "again").is_err(),
            "a request is decided once"
        );
    }
}
