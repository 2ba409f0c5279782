//! A pair's concurrent edits as people read them (`nastavnik_core::conflicts`): each field two
//! devices set differently while apart, both values as the screen shows them, and who wrote each
//! (named as in the history). Choosing one is an ordinary change of the pair's document.

use chrono::{DateTime, Utc};
use nastavnik_core::conflicts;
use nastavnik_core::pair::{Actor, PairDoc, choose_value, value_label};
use nastavnik_shared::app::{ConflictValue, PairConflict};

use crate::error::NodeError;
use crate::history::{Names, local};
use crate::node::Node;

/// The fields of pair `pair_id` that hold more than one value, in document order.
pub async fn pair_conflicts(node: &Node, pair_id: &str) -> Result<Vec<PairConflict>, NodeError> {
    let doc_id = node.pair_doc(pair_id).await?;
    let handle = node.handle(&doc_id).await?;
    let (found, pair) = handle
        .with_document_async(|doc| (conflicts::find(doc), nastavnik_core::document::read::<PairDoc>(doc)))
        .await?;
    let pair = pair?;
    let names = Names::new(node, &pair);
    Ok(found
        .into_iter()
        .map(|c| PairConflict {
            path: c.path(),
            what: pair.field_label(&c.steps),
            values: c
                .values
                .iter()
                .map(|v| ConflictValue {
                    op: v.op.clone(),
                    value: value_label(&c.steps, &v.value),
                    who: names.who(v.device.as_deref()).0,
                    at: local(v.at),
                })
                .collect(),
        })
        .collect())
}

/// Keeps, as `actor`, the value `op` of the field at `path` of pair `pair_id`; answers what the
/// field is.
pub async fn choose(
    node: &Node,
    pair_id: &str,
    actor: Actor,
    path: &str,
    op: &str,
    now: DateTime<Utc>,
) -> Result<String, NodeError> {
    let doc = node.pair_doc(pair_id).await?;
    let (path, op) = (path.to_string(), op.to_string());
    node.edit(&doc, move |d| choose_value(d, now, &actor, &path, &op)).await
}
