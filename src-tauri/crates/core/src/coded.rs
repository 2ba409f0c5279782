//! [`Coded`]: stores any [`Code`] value (vocabulary enum, date, timestamp) as its string code.
//!
//! The vocabularies live in `nastavnik-shared`, which knows nothing of automerge; this wrapper is
//! how the schema stores them. An unknown code (say, written by a newer version) fails hydration
//! with a message that names the code.

use std::fmt;
use std::ops::Deref;

use autosurgeon::{Hydrate, HydrateError, Reconcile, Reconciler, reconcile::NoKey};
use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_shared::Code;

/// A value stored in the document as its code string.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Coded<T>(pub T);

/// A calendar day, stored as `YYYY-MM-DD`.
pub type Day = Coded<NaiveDate>;
/// A moment, stored as RFC 3339 in UTC.
pub type Stamp = Coded<DateTime<Utc>>;

impl<T> Deref for Coded<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<T> for Coded<T> {
    fn from(value: T) -> Self {
        Coded(value)
    }
}

impl<T: fmt::Debug> fmt::Debug for Coded<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Code> Reconcile for Coded<T> {
    type Key<'a> = NoKey;

    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        reconciler.str(self.0.code())
    }
}

impl<T: Code> Hydrate for Coded<T> {
    fn hydrate_string(s: &str) -> Result<Self, HydrateError> {
        T::from_code(s).map(Coded).ok_or_else(|| {
            HydrateError::unexpected(format!("a known {}", std::any::type_name::<T>()), format!("{s:?}"))
        })
    }
}
