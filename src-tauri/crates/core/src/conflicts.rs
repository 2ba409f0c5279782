//! Concurrent edits, shown rather than settled silently.
//!
//! When two devices set one field to different values while apart, automerge keeps *both* values
//! after the merge and shows one of them by a rule of its own (the higher operation id) — the same
//! one on every device, but not one anybody chose. [`find`] lists every such field: where it is
//! ([`Step`]s from the root, list items named by their `id`, so a path means the same on every
//! device), each value, and the change that wrote it (its device and time, see
//! [`crate::history`]). [`choose`] writes the chosen value once more: an ordinary change whose
//! operation supersedes all the values it saw, so after it syncs every device has one value again.
//!
//! Only scalar fields are looked at. Texts ([`autosurgeon::Text`]) merge character by character and
//! never conflict; nested maps exist from their parent's creation (see `pair::schema`), so two
//! devices never create "the same" object.

use automerge::transaction::Transactable;
use automerge::{ActorId, Automerge, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value};
use chrono::{DateTime, Utc};

use crate::error::DomainError;

/// One step of a path from the document's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A key of a map.
    Key(String),
    /// The item of a list whose `id` is this.
    Item(String),
}

/// A field with more than one value.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Where the field is.
    pub steps: Vec<Step>,
    /// Its values, in automerge's order (the last one is what readers see until someone chooses).
    pub values: Vec<Candidate>,
}

impl Conflict {
    /// The path as text: steps joined by `/` (the form [`choose`] takes).
    pub fn path(&self) -> String {
        path_text(&self.steps)
    }
}

/// One of a conflicting field's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The operation that wrote it, `counter@actor`: names the value on every device.
    pub op: String,
    /// The value.
    pub value: ScalarValue,
    /// The device that wrote it (hex), if its change carries an author.
    pub device: Option<String>,
    /// When, by that device's clock.
    pub at: DateTime<Utc>,
}

/// `steps` as text.
pub fn path_text(steps: &[Step]) -> String {
    let parts: Vec<&str> = steps
        .iter()
        .map(|s| match s {
            Step::Key(k) | Step::Item(k) => k.as_str(),
        })
        .collect();
    parts.join("/")
}

fn op_text(id: &ObjId) -> Option<(u64, ActorId, String)> {
    match id {
        ObjId::Id(counter, actor, _) => Some((*counter, actor.clone(), format!("{counter}@{actor}"))),
        ObjId::Root => None,
    }
}

/// Every field of `doc` that holds more than one value, in document order.
pub fn find(doc: &Automerge) -> Vec<Conflict> {
    let mut raw = Vec::new();
    walk(doc, ROOT, &mut Vec::new(), &mut raw);
    if raw.is_empty() {
        return Vec::new();
    }
    let metas = doc.get_changes_meta(&[]);
    raw.into_iter()
        .map(|(steps, values)| Conflict {
            steps,
            values: values
                .into_iter()
                .filter_map(|(value, id)| {
                    let (counter, actor, op) = op_text(&id)?;
                    let change = metas
                        .iter()
                        .find(|m| *m.actor == actor && m.start_op <= counter && counter <= m.max_op);
                    Some(Candidate {
                        op,
                        value,
                        device: change
                            .and_then(|c| c.author.as_ref())
                            .map(|a| crate::history::hex(a.as_bytes())),
                        at: change.and_then(|c| DateTime::from_timestamp(c.timestamp, 0)).unwrap_or_default(),
                    })
                })
                .collect(),
        })
        .collect()
}

/// How many fields of `doc` hold more than one value.
pub fn count(doc: &Automerge) -> usize {
    let mut raw = Vec::new();
    walk(doc, ROOT, &mut Vec::new(), &mut raw);
    raw.len()
}

type Found = (Vec<Step>, Vec<(ScalarValue, ObjId)>);

fn walk(doc: &Automerge, obj: ObjId, at: &mut Vec<Step>, out: &mut Vec<Found>) {
    match doc.object_type(&obj) {
        Ok(ObjType::Map | ObjType::Table) => {
            for key in doc.keys(&obj).collect::<Vec<_>>() {
                let all = doc.get_all(&obj, key.as_str()).unwrap_or_default();
                at.push(Step::Key(key.clone()));
                if all.len() > 1 {
                    let scalars: Vec<_> = all
                        .iter()
                        .filter_map(|(v, id)| match v {
                            Value::Scalar(s) => Some((s.clone().into_owned(), id.clone())),
                            Value::Object(_) => None,
                        })
                        .collect();
                    // The same value written twice is no disagreement.
                    if scalars.iter().any(|(v, _)| *v != scalars[0].0) {
                        out.push((at.clone(), scalars));
                    }
                }
                if let Some((Value::Object(_), child)) = all.last() {
                    walk(doc, child.clone(), at, out);
                }
                at.pop();
            }
        }
        Ok(ObjType::List) => {
            for i in 0..doc.length(&obj) {
                let Ok(Some((Value::Object(ObjType::Map), item))) = doc.get(&obj, i) else { continue };
                let Ok(Some((Value::Scalar(id), _))) = doc.get(&item, "id") else { continue };
                let Some(id) = id.as_str().map(str::to_string) else { continue };
                at.push(Step::Item(id));
                walk(doc, item, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The object holding the field at `path` and the field's key.
fn locate(doc: &impl ReadDoc, path: &str) -> Option<(ObjId, String)> {
    let mut parts: Vec<&str> = path.split('/').collect();
    let key = parts.pop()?.to_string();
    let mut obj = ROOT;
    for part in parts {
        obj = match doc.object_type(&obj).ok()? {
            ObjType::Map | ObjType::Table => match doc.get(&obj, part).ok()?? {
                (Value::Object(_), child) => child,
                _ => return None,
            },
            ObjType::List => (0..doc.length(&obj)).find_map(|i| match doc.get(&obj, i).ok()?? {
                (Value::Object(ObjType::Map), item) => match doc.get(&item, "id").ok()?? {
                    (Value::Scalar(s), _) if s.as_str() == Some(part) => Some(item),
                    _ => None,
                },
                _ => None,
            })?,
            ObjType::Text => return None,
        };
    }
    Some((obj, key))
}

/// Writes the value that operation `op` wrote into the field at `path` again, superseding every
/// value the field holds. Refused when the field no longer holds that value (someone chose
/// meanwhile, or the item is gone).
pub fn choose(tx: &mut impl Transactable, path: &str, op: &str) -> Result<ScalarValue, DomainError> {
    let gone = || DomainError::Conflict("этого расхождения уже нет: значение выбрали или изменили".into());
    let (obj, key) = locate(tx, path).ok_or_else(gone)?;
    let all = tx.get_all(&obj, key.as_str()).map_err(|_| gone())?;
    let value = all
        .into_iter()
        .find_map(|(v, id)| match v {
            Value::Scalar(s) if op_text(&id).is_some_and(|(_, _, o)| o == op) => Some(s.into_owned()),
            _ => None,
        })
        .ok_or_else(gone)?;
    tx.put(&obj, key.as_str(), value.clone()).map_err(|e| DomainError::Conflict(e.to_string()))?;
    Ok(value)
}

#[cfg(test)]
mod tests;
