//! The history of one item of a list (an activity of the plan, a meeting of the journal, an entry
//! of the programme): the
//! changes whose operations touch the item's own object or anything under it (a meeting's texts
//! and confirmations), created it or removed it.

use std::collections::HashSet;

use automerge::ObjId as ExId;
use automerge::legacy::{ElementId, Key, ObjectId};
use automerge::{ActorId, Automerge, ObjType, ROOT, ReadDoc, Value};

use super::{Entry, history};

type Id = (u64, ActorId);

fn id_of(obj: &ExId) -> Option<Id> {
    match obj {
        ExId::Id(counter, actor, _) => Some((*counter, actor.clone())),
        ExId::Root => None,
    }
}

/// The object of the item with `"id"` = `item_id` in the list at `path` (keys from the root joined
/// by `/`: "activities", "programme/goals"), if it is there.
fn find(doc: &Automerge, path: &str, item_id: &str) -> Option<ExId> {
    let mut list = ROOT;
    for key in path.split('/') {
        let Ok(Some((Value::Object(_), child))) = doc.get(&list, key) else { return None };
        list = child;
    }
    if doc.object_type(&list) != Ok(ObjType::List) {
        return None;
    }
    (0..doc.length(&list)).find_map(|i| {
        let Ok(Some((Value::Object(ObjType::Map), item))) = doc.get(&list, i) else { return None };
        match doc.get(&item, "id") {
            Ok(Some((Value::Scalar(s), _))) if s.as_str() == Some(item_id) => Some(item),
            _ => None,
        }
    })
}

/// `obj` and every object under it.
fn subtree(doc: &Automerge, obj: ExId, out: &mut HashSet<Id>) {
    if let Some(id) = id_of(&obj) {
        out.insert(id);
    }
    let children: Vec<ExId> = match doc.object_type(&obj) {
        Ok(ObjType::Map | ObjType::Table) => doc
            .keys(&obj)
            .filter_map(|k| match doc.get(&obj, k.as_str()) {
                Ok(Some((Value::Object(_), child))) => Some(child),
                _ => None,
            })
            .collect(),
        Ok(ObjType::List) => (0..doc.length(&obj))
            .filter_map(|i| match doc.get(&obj, i) {
                Ok(Some((Value::Object(_), child))) => Some(child),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    for child in children {
        subtree(doc, child, out);
    }
}

/// The changes of the item `item_id` of the list at `list` ("activities", "meetings",
/// "programme/deficits"…), oldest first; `None` if the document has no such item (any more).
pub fn item_history(doc: &Automerge, list: &str, item_id: &str) -> Option<Vec<Entry>> {
    let item = find(doc, list, item_id)?;
    let mut objects = HashSet::new();
    subtree(doc, item, &mut objects);
    let touching: HashSet<String> = doc
        .get_changes(&[])
        .iter()
        .filter(|change| {
            let c = change.decode();
            c.operations.iter().enumerate().any(|(n, op)| {
                let own: Id = (c.start_op.get() + n as u64, c.actor_id.clone());
                let on = matches!(&op.obj, ObjectId::Id(o) if objects.contains(&(o.0, o.1.clone())));
                let removes = !op.insert
                    && matches!(&op.key, Key::Seq(ElementId::Id(e)) if objects.contains(&(e.0, e.1.clone())));
                on || removes || objects.contains(&own)
            })
        })
        .map(|c| c.hash().to_string())
        .collect();
    Some(history(doc).into_iter().filter(|e| touching.contains(&e.hash)).collect())
}
