//! The texts two people type into: a meeting's notes, agreed tasks and reflection, and the
//! final report. They are edited straight in the automerge document, without hydrating it,
//! with positions counted in Unicode code points (convert from the UI's UTF-16 with
//! `nastavnik_shared::text`).

use automerge::{Automerge, ObjId, ObjType, ROOT, ReadDoc, Value, transaction::Transactable};
use chrono::{DateTime, Utc};
use nastavnik_shared::vocab::MemberRole;

use super::{Actor, schema::Member};
use crate::document::{self, Schema};
use crate::error::{DocError, DomainError, Error};
use crate::pair::PairDoc;

/// Which text to edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextField {
    /// A meeting's notes (any member).
    Notes(String),
    /// A meeting's agreed tasks (any member).
    AgreedTasks(String),
    /// A meeting's reflection (mentees).
    Reflection(String),
    /// Final report: results (mentors).
    ReportResults,
    /// Final report: conclusions (mentors).
    ReportConclusions,
    /// Final report: proposals (mentors).
    ReportProposals,
}

impl TextField {
    /// The change's message (what the history shows): the meeting's or the report's part.
    pub fn message(&self) -> &'static str {
        match self {
            TextField::Notes(_) => "содержание встречи",
            TextField::AgreedTasks(_) => "договорённости встречи",
            TextField::Reflection(_) => "рефлексия по встрече",
            TextField::ReportResults => "отчёт наставника: результаты",
            TextField::ReportConclusions => "отчёт наставника: выводы",
            TextField::ReportProposals => "отчёт наставника: предложения",
        }
    }

    /// A text of meeting `id`.
    pub fn of_meeting(text: nastavnik_shared::vocab::MeetingText, id: String) -> TextField {
        use nastavnik_shared::vocab::MeetingText;
        match text {
            MeetingText::Notes => TextField::Notes(id),
            MeetingText::AgreedTasks => TextField::AgreedTasks(id),
            MeetingText::Reflection => TextField::Reflection(id),
        }
    }

    fn allowed(&self, member: &Member) -> Result<(), DomainError> {
        let role = *member.role;
        match self {
            TextField::Notes(_) | TextField::AgreedTasks(_) => Ok(()),
            TextField::Reflection(_) if role == MemberRole::Mentee => Ok(()),
            TextField::Reflection(_) => Err(DomainError::Forbidden("рефлексию пишет наставляемый")),
            _ if role == MemberRole::Mentor => Ok(()),
            _ => Err(DomainError::Forbidden("отчёт пишет наставник")),
        }
    }
}

/// Replaces `delete` characters at `pos` with `insert`.
pub fn splice_text(
    doc: &mut Automerge,
    now: DateTime<Utc>,
    actor: &Actor,
    field: &TextField,
    pos: usize,
    delete: usize,
    insert: &str,
) -> Result<(), Error> {
    let text = locate(doc, actor, field)?;
    let len = doc.length(&text);
    if pos.checked_add(delete).is_none_or(|end| end > len) {
        return Err(DomainError::Conflict(format!(
            "правка за пределами текста: позиция {pos}, удалить {delete}, длина {len}"
        ))
        .into());
    }
    if delete == 0 && insert.is_empty() {
        return Ok(());
    }
    doc.transact_with(
        |_| document::commit_options(now, field.message()),
        |tx| tx.splice_text(&text, pos, delete as isize, insert),
    )
    .map_err(|f| DocError::Schema(f.error.to_string()))?;
    Ok(())
}

/// Sets the whole text, written as one splice of the part that differs (the common start and
/// end are kept, so what another person typed there concurrently survives).
pub fn set_text(
    doc: &mut Automerge,
    now: DateTime<Utc>,
    actor: &Actor,
    field: &TextField,
    value: &str,
) -> Result<(), Error> {
    let text = locate(doc, actor, field)?;
    let old: Vec<char> = doc.text(&text).map_err(|e| DocError::Schema(e.to_string()))?.chars().collect();
    let new: Vec<char> = value.chars().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix =
        old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let insert: String = new[prefix..new.len() - suffix].iter().collect();
    splice_text(doc, now, actor, field, prefix, old.len() - prefix - suffix, &insert)
}

/// Sets the whole text as its writer meant it when they began from the document at `since`
/// (its heads then, as hex — how they travel to the window and back): the difference between
/// the text at `since` and `value` is made on a fork at `since` and merged in, so what others
/// wrote meanwhile — synced in while this person was typing — is kept beside it, as automerge
/// merges concurrent typing. An empty `since` (or the current heads) is the same as
/// [`set_text`]; heads this document does not have are an error.
///
/// Returns the writer's own version: `since` plus this change, where the text reads exactly
/// `value`. Typing on from there and saving with those heads changes only what was typed —
/// from the merged heads instead, what others wrote meanwhile (not in the writer's editor)
/// would read as deleted.
pub fn set_text_since(
    doc: &mut Automerge,
    now: DateTime<Utc>,
    actor: &Actor,
    field: &TextField,
    since: &[String],
    value: &str,
) -> Result<Vec<String>, Error> {
    let unknown = || DomainError::Conflict("текст изменён в версии, которой нет на этом устройстве".into());
    let since = since
        .iter()
        .map(|h| h.parse::<automerge::ChangeHash>().map_err(|_| unknown()))
        .collect::<Result<Vec<_>, _>>()?;
    let hex = |heads: Vec<automerge::ChangeHash>| heads.iter().map(|h| h.to_string()).collect();
    if since.is_empty() || since == doc.get_heads() {
        set_text(doc, now, actor, field, value)?;
        return Ok(hex(doc.get_heads()));
    }
    // Checked on the current document too: a right revoked since then is revoked.
    locate(doc, actor, field)?;
    let mut fork = doc.fork_at(&since).map_err(|_| unknown())?;
    // The fork writes as the document's author (a fork starts without one).
    fork.set_author(doc.get_author().cloned());
    set_text(&mut fork, now, actor, field, value)?;
    let own = fork.get_heads();
    doc.merge(&mut fork).map_err(|e| DocError::Schema(e.to_string()))?;
    Ok(hex(own))
}

fn locate(doc: &Automerge, actor: &Actor, field: &TextField) -> Result<ObjId, Error> {
    let members: Vec<Member> =
        autosurgeon::hydrate_prop(doc, ROOT, "members").map_err(|e| DocError::Schema(e.to_string()))?;
    document::read_header::<PairDoc>(doc)?;
    let closure: Option<super::Closure> =
        autosurgeon::hydrate_prop(doc, ROOT, "closure").map_err(|e| DocError::Schema(e.to_string()))?;
    if let Some(c) = closure {
        return Err(super::closed(*c.status, *c.on).into());
    }
    let member = match actor {
        Actor::Person(id) => members.iter().find(|m| &m.person_id == id),
        Actor::Curator => None,
    }
    .ok_or(DomainError::Forbidden("писать в дневник пары могут только её участники"))?;
    field.allowed(member)?;
    let (parent, key) = match field {
        TextField::Notes(id) => (meeting(doc, id)?, "notes"),
        TextField::AgreedTasks(id) => (meeting(doc, id)?, "agreed_tasks"),
        TextField::Reflection(id) => (meeting(doc, id)?, "reflection"),
        TextField::ReportResults => (object(doc, &ROOT, "final_report")?, "results"),
        TextField::ReportConclusions => (object(doc, &ROOT, "final_report")?, "conclusions"),
        TextField::ReportProposals => (object(doc, &ROOT, "final_report")?, "proposals"),
    };
    object(doc, &parent, key)
}

fn meeting(doc: &Automerge, id: &str) -> Result<ObjId, Error> {
    let list = object(doc, &ROOT, "meetings")?;
    for i in 0..doc.length(&list) {
        if let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get(&list, i)
            && let Ok(Some((Value::Scalar(s), _))) = doc.get(&obj, "id")
            && s.as_str() == Some(id)
        {
            return Ok(obj);
        }
    }
    Err(DomainError::NotFound { what: "встреча", id: id.into() }.into())
}

fn object(doc: &Automerge, parent: &ObjId, key: &str) -> Result<ObjId, Error> {
    match doc.get(parent, key) {
        Ok(Some((Value::Object(_), obj))) => Ok(obj),
        _ => Err(DocError::Schema(format!("нет поля {key} в {}", <PairDoc as Schema>::NAME_RU)).into()),
    }
}

#[cfg(test)]
mod tests {
    use automerge::ActorId;
    use nastavnik_shared::vocab::{MeetingFormat, MeetingType};

    use super::*;
    use crate::pair::MeetingInput;
    use crate::pair::tests::{d, now, pair};

    fn doc_with_meeting() -> Automerge {
        let mut p = pair();
        let input = MeetingInput {
            meeting_type: MeetingType::Regular,
            date: d(10, 1),
            format: MeetingFormat::Remote,
            topic: "Урок".into(),
        };
        p.add_meeting(&Actor::Curator, "m1", input).unwrap();
        document::create(&p, now()).unwrap()
    }

    fn notes(doc: &Automerge) -> String {
        document::read::<PairDoc>(doc).unwrap().meetings[0].notes.as_str().to_string()
    }

    fn mentor() -> Actor {
        Actor::Person("mentor".into())
    }

    #[test]
    fn splices_count_code_points() {
        let mut doc = doc_with_meeting();
        let field = TextField::Notes("m1".into());
        splice_text(&mut doc, now(), &mentor(), &field, 0, 0, "Привет, мир").unwrap();
        splice_text(&mut doc, now(), &mentor(), &field, 6, 0, " 😀").unwrap();
        assert_eq!(notes(&doc), "Привет 😀, мир");
        splice_text(&mut doc, now(), &mentor(), &field, 7, 1, "🙂").unwrap();
        assert_eq!(notes(&doc), "Привет 🙂, мир");
        let heads = doc.get_heads();
        let err = splice_text(&mut doc, now(), &mentor(), &field, 13, 2, "x").unwrap_err();
        assert!(err.to_string().contains("за пределами текста"), "{err}");
        assert_eq!(doc.get_heads(), heads);
    }

    #[test]
    fn who_may_write_what() {
        let mut doc = doc_with_meeting();
        let mentee = Actor::Person("mentee0".into());
        let refl = TextField::Reflection("m1".into());
        let forbidden = |r: Result<(), Error>| matches!(r, Err(Error::Domain(DomainError::Forbidden(_))));
        assert!(forbidden(set_text(&mut doc, now(), &mentor(), &refl, "x")));
        assert!(forbidden(set_text(&mut doc, now(), &Actor::Curator, &TextField::Notes("m1".into()), "x")));
        assert!(forbidden(set_text(
            &mut doc,
            now(),
            &Actor::Person("x".into()),
            &TextField::Notes("m1".into()),
            "x"
        )));
        assert!(forbidden(set_text(&mut doc, now(), &mentee, &TextField::ReportResults, "x")));
        let missing = set_text(&mut doc, now(), &mentor(), &TextField::Notes("m9".into()), "x");
        assert!(matches!(missing, Err(Error::Domain(DomainError::NotFound { .. }))));
        set_text(&mut doc, now(), &mentee, &refl, "Полезно").unwrap();
        set_text(&mut doc, now(), &mentor(), &TextField::ReportResults, "Итоги").unwrap();
        let p: PairDoc = document::read(&doc).unwrap();
        assert_eq!(p.meetings[0].reflection.as_str(), "Полезно");
        assert_eq!(p.final_report.results.as_str(), "Итоги");
    }

    #[test]
    fn concurrent_typing_keeps_both_sides() {
        let mut a = doc_with_meeting();
        let field = TextField::Notes("m1".into());
        set_text(&mut a, now(), &mentor(), &field, "Обсудили урок.").unwrap();
        let mut b = a.fork().with_actor(ActorId::random());
        set_text(&mut a, now(), &mentor(), &field, "Обсудили открытый урок.").unwrap();
        set_text(&mut b, now(), &Actor::Person("mentee0".into()), &field, "Обсудили урок. Я попробую.")
            .unwrap();
        a.merge(&mut b).unwrap();
        b.merge(&mut a).unwrap();
        assert_eq!(notes(&a), "Обсудили открытый урок. Я попробую.");
        assert_eq!(notes(&a), notes(&b));
    }

    #[test]
    fn what_was_typed_since_an_older_version_is_merged_not_overwritten() {
        let mut doc = doc_with_meeting();
        let field = TextField::Notes("m1".into());
        set_text(&mut doc, now(), &mentor(), &field, "План урока.").unwrap();
        let since: Vec<String> = doc.get_heads().iter().map(|h| h.to_string()).collect();
        // While the mentee types, the mentor's addition arrives (synced in).
        set_text(&mut doc, now(), &mentor(), &field, "План урока. Цели.").unwrap();
        let mentee = Actor::Person("mentee0".into());
        let device = "ab".repeat(32);
        doc.set_author(crate::history::author_of_device(&device));
        let own =
            set_text_since(&mut doc, now(), &mentee, &field, &since, "Мои вопросы. План урока.").unwrap();
        assert_eq!(notes(&doc), "Мои вопросы. План урока. Цели.", "both kept");
        let typed = crate::history::history(&doc).into_iter().find(|e| own.contains(&e.hash)).unwrap();
        assert_eq!(typed.device.as_deref(), Some(device.as_str()), "typed on a fork, still by this device");
        set_text_since(&mut doc, now(), &mentee, &field, &own, "Мои вопросы. План урока. Итог.").unwrap();
        assert_eq!(notes(&doc), "Мои вопросы. План урока. Итог. Цели.", "typing on keeps the mentor's text");
        // Unknown heads: refused, nothing changed.
        let heads = doc.get_heads();
        let unknown = [automerge::ChangeHash([7; 32]).to_string()];
        assert!(set_text_since(&mut doc, now(), &mentee, &field, &unknown, "x").is_err());
        assert!(set_text_since(&mut doc, now(), &mentee, &field, &["не хеш".to_string()], "x").is_err());
        assert_eq!(doc.get_heads(), heads);
        // A right is checked on the document as it is now.
        assert!(set_text_since(&mut doc, now(), &Actor::Curator, &field, &since, "x").is_err());
        assert_eq!(doc.get_heads(), heads);
    }
}
