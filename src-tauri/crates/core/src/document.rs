//! Reading and changing our automerge documents as typed values.
//!
//! Every document has `doc_type` and `schema_version` at its root. [`load`] and [`read`] check
//! them before hydrating, so a foreign or damaged blob gives a clear [`DocError`], never a panic.
//! [`change`] runs one domain operation as one automerge transaction: hydrate, apply, validate,
//! reconcile (autosurgeon writes only what differs), commit with the given time. If the
//! operation fails, the transaction is rolled back and the document is unchanged.

use std::panic::{AssertUnwindSafe, catch_unwind};

use automerge::{Automerge, ROOT, ReadDoc, ScalarValue, Value, transaction::CommitOptions};
use autosurgeon::{Hydrate, Reconcile};
use chrono::{DateTime, Utc};

use crate::error::{DocError, DomainError, Error};

/// A document type of ours: a typed root with a type tag, a version and its rules.
pub trait Schema: Hydrate + Reconcile + Clone + Sized {
    /// The value of the root `doc_type` key.
    const DOC_TYPE: &'static str;
    /// The newest schema version this build writes and reads.
    const SCHEMA_VERSION: u64;
    /// The document's Russian name, for error messages ("документ пары").
    const NAME_RU: &'static str;

    /// Checks the rules that every state of the document must satisfy. They are chosen so that
    /// merging two valid replicas always gives a valid document (see the convergence proptest).
    fn validate(&self) -> Result<(), DomainError>;

    /// The message a change is recorded with, given the operation's name and the value before and
    /// after it (what the history shows). By default the name; a pair says what changed in its plan.
    fn describe(message: &str, before: &Self, after: &Self) -> String {
        let _ = (before, after);
        message.to_string()
    }

    /// Whether [`Schema::describe`] looks at the values (a copy of the value is kept for it).
    const DESCRIBES: bool = false;

    /// Whether a node keeps this document's value in memory between operations ([`crate::known`]):
    /// worth it for a big document read and changed often (the school's), not for many small ones.
    const KEEP_IN_MEMORY: bool = false;

    /// Writes into `doc` — which holds `before` — what differs in `self` (see [`crate::known`]).
    /// By default the whole value is reconciled (autosurgeon writes only what differs, after
    /// comparing everything with the document); a big document compares in memory instead.
    fn patch<D: autosurgeon::Doc>(
        &self,
        before: &Self,
        doc: &mut D,
    ) -> Result<(), autosurgeon::ReconcileError> {
        let _ = before;
        autosurgeon::reconcile(doc, self)
    }
}

/// Creates a new document holding `value`. Only one device creates a given document; the others
/// receive it by sync (two independent creations would conflict at the root).
pub fn create<T: Schema>(value: &T, now: DateTime<Utc>) -> Result<Automerge, Error> {
    create_by(value, now, None)
}

/// [`create`], the first change written by `author` (a device: see [`crate::history`]).
pub fn create_by<T: Schema>(
    value: &T,
    now: DateTime<Utc>,
    author: Option<automerge::Author<'static>>,
) -> Result<Automerge, Error> {
    value.validate()?;
    let mut doc = Automerge::new().with_author(author);
    doc.transact_with(|_| commit_options(now, "создание документа"), |tx| autosurgeon::reconcile(tx, value))
        .map_err(|f| DocError::Schema(f.error.to_string()))?;
    Ok(doc)
}

/// Loads saved bytes as a document of type `T` and reads it.
pub fn load<T: Schema>(bytes: &[u8]) -> Result<(Automerge, T), DocError> {
    crate::chunk_guard::check_chunks(bytes).map_err(|e| DocError::Corrupt(e.to_string()))?;
    let doc = catch_unwind(AssertUnwindSafe(|| Automerge::load(bytes)))
        .map_err(|_| DocError::Corrupt("сбой при разборе".into()))?
        .map_err(|e| DocError::Corrupt(e.to_string()))?;
    let value = read::<T>(&doc)?;
    Ok((doc, value))
}

/// Loads bytes as automerge chunks (a document, or changes) into a scratch document: whether
/// they loaded, or `None` when automerge's decoder panicked on them (crafted bytes; found by
/// fuzzing). `load_incremental` queues changes whose dependencies are elsewhere instead of
/// failing, while damaged bytes fail their checksums. Chunks that [`crate::chunk_guard`] refuses
/// (they would make automerge exhaust memory or time) do not load and are not given to automerge.
pub fn scratch_load(bytes: &[u8]) -> Option<bool> {
    if crate::chunk_guard::check_chunks(bytes).is_err() {
        return Some(false);
    }
    catch_unwind(AssertUnwindSafe(|| Automerge::new().load_incremental(bytes).is_ok())).ok()
}

/// Whether bytes load as automerge chunks; a panic counts as "does not load".
pub fn chunk_loads(bytes: &[u8]) -> bool {
    scratch_load(bytes) == Some(true)
}

/// Reads the current state of a document as `T`, checking its type and version first.
pub fn read<T: Schema>(doc: &(impl ReadDoc + autosurgeon::ReadDoc)) -> Result<T, DocError> {
    read_header::<T>(doc)?;
    autosurgeon::hydrate(doc).map_err(|e| DocError::Schema(e.to_string()))
}

/// Applies one domain operation as one transaction. See the module docs.
pub fn change<T: Schema, R>(
    doc: &mut Automerge,
    now: DateTime<Utc>,
    message: &str,
    op: impl FnOnce(&mut T) -> Result<R, DomainError>,
) -> Result<R, Error> {
    read_header::<T>(doc)?;
    let done = doc.transact_with(
        |(_, described): &(R, String)| commit_options(now, described),
        |tx| {
            let mut value: T = autosurgeon::hydrate(tx).map_err(|e| DocError::Schema(e.to_string()))?;
            let before = T::DESCRIBES.then(|| value.clone());
            let out = op(&mut value)?;
            let described = match &before {
                Some(before) => T::describe(message, before, &value),
                None => message.to_string(),
            };
            if let Err(broken) = value.validate() {
                // Refuse only if this operation broke a valid document; a document already
                // invalid (received so from elsewhere) must stay editable.
                let before: T = autosurgeon::hydrate(tx).map_err(|e| DocError::Schema(e.to_string()))?;
                if before.validate().is_ok() {
                    return Err(Error::Domain(broken));
                }
            }
            autosurgeon::reconcile(tx, &value).map_err(|e| DocError::Schema(e.to_string()))?;
            Ok::<(R, String), Error>((out, described))
        },
    );
    done.map(|s| s.result.0).map_err(|f| f.error)
}

pub(crate) fn commit_options(now: DateTime<Utc>, message: &str) -> CommitOptions {
    CommitOptions::default().with_message(message.to_string()).with_time(now.timestamp())
}

pub(crate) fn read_header<T: Schema>(doc: &impl ReadDoc) -> Result<(), DocError> {
    let found = match doc.get(ROOT, "doc_type") {
        Ok(Some((Value::Scalar(s), _))) => match s.as_ref() {
            ScalarValue::Str(t) => t.to_string(),
            _ => "поле типа неверного вида".to_string(),
        },
        Ok(_) => "нет отметки о типе документа".to_string(),
        Err(e) => return Err(DocError::Corrupt(e.to_string())),
    };
    if found != T::DOC_TYPE {
        return Err(DocError::WrongType { expected: T::NAME_RU, found });
    }
    let version = match doc.get(ROOT, "schema_version") {
        Ok(Some((Value::Scalar(s), _))) => match s.as_ref() {
            ScalarValue::Uint(v) => *v,
            ScalarValue::Int(v) if *v >= 0 => *v as u64,
            _ => return Err(DocError::Schema("неверная версия схемы".into())),
        },
        _ => return Err(DocError::Schema("нет версии схемы".into())),
    };
    if version > T::SCHEMA_VERSION {
        return Err(DocError::TooNew { found: version, supported: T::SCHEMA_VERSION });
    }
    Ok(())
}
