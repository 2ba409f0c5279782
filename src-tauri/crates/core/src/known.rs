//! A document's value kept in memory with the heads it was read at, so a big document (the
//! school's: thousands of people and pairs) is not hydrated again for every read and every
//! operation, and a change writes only what it touched.
//!
//! [`read_known`] gives the value at the document's current heads — the kept one if the heads
//! have not moved (nothing synced in, nobody changed it), else hydrated afresh. [`change_known`]
//! runs a domain operation like [`document::change`], on a copy of the known value, and writes the
//! difference with [`Schema::patch`] (the whole value by default; the school's document patches
//! the list items that differ). The result is the same document `document::change` would give
//! (checked by the tests below); only the work differs.

use automerge::{Automerge, ChangeHash};

use crate::document::{self, Schema, commit_options, read_header};
use crate::error::{DocError, DomainError, Error};

/// A document's value at `heads`.
#[derive(Debug, Clone)]
pub struct Known<T> {
    heads: Vec<ChangeHash>,
    value: T,
}

/// The value of `doc` now: `known`'s if the heads match, else read (and kept in `known`).
pub fn read_known<T: Schema + Clone>(doc: &Automerge, known: &mut Option<Known<T>>) -> Result<T, DocError> {
    let heads = doc.get_heads();
    if let Some(k) = known
        && k.heads == heads
    {
        return Ok(k.value.clone());
    }
    let value = document::read::<T>(doc)?;
    *known = Some(Known { heads, value: value.clone() });
    Ok(value)
}

/// [`document::change`] with the value kept in `known`: one operation, validated, written as one
/// change of only what differs; `known` then holds the new value.
pub fn change_known<T: Schema + Clone + PartialEq, R>(
    doc: &mut Automerge,
    known: &mut Option<Known<T>>,
    now: chrono::DateTime<chrono::Utc>,
    message: &str,
    op: impl FnOnce(&mut T) -> Result<R, DomainError>,
) -> Result<R, Error> {
    read_header::<T>(doc)?;
    let before = read_known(doc, known)?;
    let mut value = before.clone();
    let out = op(&mut value)?;
    if let Err(broken) = value.validate() {
        // As in `document::change`: refuse only if this operation broke a valid document.
        if before.validate().is_ok() {
            return Err(Error::Domain(broken));
        }
    }
    if value != before {
        doc.transact_with(
            |_| commit_options(now, message),
            |tx| value.patch(&before, tx).map_err(|e| DocError::Schema(e.to_string())),
        )
        .map_err(|f| f.error)?;
    }
    *known = Some(Known { heads: doc.get_heads(), value });
    Ok(out)
}

/// Writes list `key` of the root as `new` into `doc`, which holds it as `old`: items that differ
/// are reconciled one by one, items added at the end are inserted, one removed item is deleted.
/// Any other reshaping (several removed, reordered) reconciles the whole list.
pub fn patch_list<D, T>(
    doc: &mut D,
    key: &str,
    old: &[T],
    new: &[T],
) -> Result<(), autosurgeon::ReconcileError>
where
    D: autosurgeon::Doc,
    T: autosurgeon::Reconcile + PartialEq + crate::keyed::Keyed,
{
    use crate::keyed::Keyed;
    use automerge::{ObjType, ROOT, Value};
    let id = |x: &T| Keyed::key(x).to_string();
    if old == new {
        return Ok(());
    }
    let list = match doc.get(&ROOT, key) {
        Ok(Some((Value::Object(ObjType::List), id))) if doc.length(&id) == old.len() => id,
        _ => return autosurgeon::reconcile_prop(doc, ROOT, key, new),
    };
    let same = |a: &[T], b: &[T]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| id(x) == id(y));
    // Where `new` lines up with `old`: (index in old, index in new) pairs, and what to add/remove.
    let (pairs, removed, added): (Vec<(usize, usize)>, Option<usize>, std::ops::Range<usize>) =
        if new.len() >= old.len() && same(old, &new[..old.len()]) {
            ((0..old.len()).map(|i| (i, i)).collect(), None, old.len()..new.len())
        } else if new.len() + 1 == old.len() {
            let at = (0..new.len()).find(|&i| id(&old[i]) != id(&new[i])).unwrap_or(new.len());
            if !same(&old[at + 1..], &new[at..]) {
                return autosurgeon::reconcile_prop(doc, ROOT, key, new);
            }
            let pairs = (0..new.len()).map(|i| (if i < at { i } else { i + 1 }, i)).collect();
            (pairs, Some(at), 0..0)
        } else {
            return autosurgeon::reconcile_prop(doc, ROOT, key, new);
        };
    if let Some(at) = removed {
        doc.delete(&list, at).map_err(autosurgeon::ReconcileError::Automerge)?;
    }
    for (o, n) in pairs {
        if old[o] != new[n] {
            autosurgeon::reconcile_prop(doc, &list, n, &new[n])?;
        }
    }
    for n in added {
        autosurgeon::reconcile_insert(doc, list.clone(), n, &new[n])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::school::{MentorProfileInput, NewSchool, PairInput, PersonInput, SchoolDoc};
    use chrono::{NaiveDate, TimeZone, Utc};
    use nastavnik_shared::vocab::{
        ConsentGiver, Form, Kind, MemberRole, PairStatus, PersonCategory, RoadmapStatus,
    };

    type Op = Box<dyn Fn(&mut SchoolDoc) -> Result<(), DomainError>>;

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 9, 2, 9, 0, 0).unwrap()
    }

    fn person(name: &str) -> PersonInput {
        PersonInput {
            name: name.into(),
            category: PersonCategory::Teacher,
            subject_or_class: "история".into(),
            birth_year: Some(1990),
            teaching_years: Some(3),
        }
    }

    fn school() -> Automerge {
        let new = NewSchool {
            id: "s".into(),
            name: "Школа".into(),
            head_name: String::new(),
            curator_name: String::new(),
            year_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        };
        document::create(&SchoolDoc::new(new, now()).unwrap(), now()).unwrap()
    }

    /// Every kind of list change the curator's screens make: append, edit in place, remove one
    /// (first, middle, last), refused operations, several lists at once.
    fn ops() -> Vec<Op> {
        let today = now().date_naive();
        let mut ops: Vec<Op> = Vec::new();
        for i in 0..6 {
            ops.push(Box::new(move |s| {
                s.add_person(&format!("p{i}"), person(&format!("Учитель {i}")), today)
            }));
        }
        ops.push(Box::new(move |s| {
            s.record_consent("p1", "c1", ConsentGiver::Participant, "Учитель 1", today, today)
        }));
        ops.push(Box::new(move |s| s.edit_person("p2", person("Учитель Два"), today)));
        ops.push(Box::new(|s| {
            let profile =
                MentorProfileInput { competencies: vec!["урок".into()], capacity: 2, forms: vec![] };
            s.set_mentor_profile("p0", profile)
        }));
        ops.push(Box::new(move |s| s.add_mentee_request("r1", "p1", "дисциплина", today)));
        ops.push(Box::new(move |s| {
            let input = PairInput {
                id: "pair-1".into(),
                members: vec![("p0".into(), MemberRole::Mentor), ("p1".into(), MemberRole::Mentee)],
                form: Form::TeacherTeacher,
                kind: Kind::Traditional,
                role_model: String::new(),
                period_start: today,
                period_months: 9,
            };
            s.form_pair(input, now()).map(|_| ())
        }));
        ops.push(Box::new(move |s| s.set_pair_status("pair-1", PairStatus::Active, today)));
        ops.push(Box::new(|s| s.remove_person("p3"))); // the middle
        ops.push(Box::new(|s| s.remove_person("p5"))); // the last
        ops.push(Box::new(|s| s.remove_person("p0"))); // refused: in a pair
        ops.push(Box::new(|s| s.remove_person("p2"))); // not the last
        ops.push(Box::new(|s| {
            let first = s.roadmap[0].id.clone();
            s.set_roadmap_status(&first, RoadmapStatus::Done)
        }));
        ops.push(Box::new(move |s| s.add_person("p9", person(""), today))); // refused: empty name
        ops
    }

    #[test]
    fn a_change_through_the_known_value_gives_the_same_document_as_a_full_change() {
        let (mut full, mut known_doc) = (school(), school());
        let mut known = None;
        for (i, op) in ops().iter().enumerate() {
            let a = document::change(&mut full, now(), "op", |s: &mut SchoolDoc| op(s));
            let b = change_known(&mut known_doc, &mut known, now(), "op", |s: &mut SchoolDoc| op(s));
            assert_eq!(a.is_ok(), b.is_ok(), "op {i}: {a:?} / {b:?}");
            let expected: SchoolDoc = document::read(&full).unwrap();
            assert_eq!(document::read::<SchoolDoc>(&known_doc).unwrap(), expected, "op {i}: the document");
            assert_eq!(read_known(&known_doc, &mut known).unwrap(), expected, "op {i}: the kept value");
            // And it survives saving and loading.
            assert_eq!(document::load::<SchoolDoc>(&known_doc.save()).unwrap().1, expected);
        }
    }

    #[test]
    fn a_change_synced_in_is_read_not_the_stale_value() {
        let mut a = school();
        let mut b = a.fork().with_actor(automerge::ActorId::random());
        let (mut ka, mut kb) = (None, None);
        let today = now().date_naive();
        change_known(&mut a, &mut ka, now(), "a", |s: &mut SchoolDoc| s.add_person("pa", person("А"), today))
            .unwrap();
        change_known(&mut b, &mut kb, now(), "b", |s: &mut SchoolDoc| s.add_person("pb", person("Б"), today))
            .unwrap();
        a.merge(&mut b).unwrap();
        let merged = read_known(&a, &mut ka).unwrap();
        assert_eq!(merged.people.len(), 2, "both people after the merge");
        // A change after the merge starts from the merged value.
        change_known(&mut a, &mut ka, now(), "a", |s: &mut SchoolDoc| s.remove_person("pb")).unwrap();
        let after: SchoolDoc = document::read(&a).unwrap();
        assert_eq!(after.people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["pa"]);
    }
}
