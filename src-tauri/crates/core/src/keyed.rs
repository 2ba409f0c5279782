//! Finding, adding and removing list items by id: every list in our documents is keyed, and a
//! missing or repeated id is the same error wherever it happens.

use crate::error::DomainError;
use crate::pair::{Activity, Goal, Item, Meeting, ReplacementRequest};
use crate::school::{Consent, PairEntry, Person, RoadmapItem};

/// A list item with an id.
pub trait Keyed {
    /// What the item is called in messages ("мероприятие").
    const WHAT: &'static str;
    /// The item's id.
    fn key(&self) -> &str;
}

/// The item with `id`.
pub fn get<'a, T: Keyed>(items: &'a [T], id: &str) -> Result<&'a T, DomainError> {
    items.iter().find(|i| i.key() == id).ok_or_else(|| not_found::<T>(id))
}

/// The item with `id`, to change.
pub fn get_mut<'a, T: Keyed>(items: &'a mut [T], id: &str) -> Result<&'a mut T, DomainError> {
    items.iter_mut().find(|i| i.key() == id).ok_or_else(|| not_found::<T>(id))
}

/// Removes the item with `id`.
pub fn remove<T: Keyed>(items: &mut Vec<T>, id: &str) -> Result<T, DomainError> {
    let at = items.iter().position(|i| i.key() == id).ok_or_else(|| not_found::<T>(id))?;
    Ok(items.remove(at))
}

/// Checks that a new id is well-formed and not taken.
pub fn new_id<T: Keyed>(items: &[T], id: &str) -> Result<String, DomainError> {
    let id = crate::check::id(T::WHAT, id)?;
    if items.iter().any(|i| i.key() == id) {
        return Err(DomainError::Duplicate { what: T::WHAT, id });
    }
    Ok(id)
}

fn not_found<T: Keyed>(id: &str) -> DomainError {
    DomainError::NotFound { what: T::WHAT, id: id.into() }
}

macro_rules! keyed {
    ($($ty:ty => $what:literal, $field:ident;)+) => {$(
        impl Keyed for $ty {
            const WHAT: &'static str = $what;
            fn key(&self) -> &str {
                &self.$field
            }
        }
    )+};
}

keyed! {
    Activity => "мероприятие", id;
    Meeting => "встреча", id;
    Item => "пункт программы", id;
    Goal => "цель", id;
    ReplacementRequest => "ходатайство", id;
    Person => "человек", id;
    Consent => "согласие", id;
    PairEntry => "пара", id;
    RoadmapItem => "мероприятие дорожной карты", id;
    crate::school::MentorProfile => "анкета наставника", person_id;
    crate::school::MenteeRequest => "запрос наставляемого", id;
    crate::roster::AccessEntry => "запись о доступе", id;
}
