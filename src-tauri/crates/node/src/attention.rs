//! What needs attention on this device, for `attention` and the window: the school's list on the
//! curator's device (`nastavnik_core::attention::school`, with when each pair last synced), a
//! member's own reminders about each of their pairs on theirs.

use chrono::NaiveDate;
use nastavnik_core::pair::PairDoc;
use nastavnik_shared::report::{AttentionItem, AttentionSettings};

use crate::device::Device;
use crate::error::NodeError;
use crate::node::Node;

/// The warnings (curator) or reminders (member) of this device for `today`.
pub async fn for_device(node: &Node, today: NaiveDate) -> Result<Vec<AttentionItem>, NodeError> {
    let settings = AttentionSettings::default();
    match &node.device {
        Device::New => Ok(Vec::new()),
        Device::Curator { school_doc } => {
            let school = node.read(school_doc).await?;
            let (overview, _) = crate::curator::school_overview(node, &school, today, &mut |_, _| {})?;
            Ok(overview.attention)
        }
        Device::Member { person_id, pairs, .. } => {
            let mut items = Vec::new();
            for (_, doc) in pairs {
                // A pair whose document has not arrived yet has nothing to remind of.
                if !node.has_local(doc) {
                    continue;
                }
                let pair: PairDoc = node.read(doc).await?;
                let Some(me) = pair.members.iter().find(|m| m.person_id == *person_id) else { continue };
                items.extend(nastavnik_core::attention::reminders(
                    &node.pair_summary(doc).await?,
                    *me.role,
                    &settings,
                    today,
                ));
            }
            Ok(items)
        }
    }
}
