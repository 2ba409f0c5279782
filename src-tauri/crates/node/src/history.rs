//! A pair's history as people read it: each change of the pair's document (`nastavnik_core::history`)
//! with the person behind the device that wrote it. A device is named by the pair's own signed
//! access entries (which device belongs to which person — revoked ones too, so a replaced
//! mentor's changes keep their name), a curator's device as «куратор».

use nastavnik_core::history;
use nastavnik_core::pair::PairDoc;
use nastavnik_shared::app::HistoryRow;
use nastavnik_shared::vocab::MemberRole;

use crate::device::Device;
use crate::error::NodeError;
use crate::node::Node;

pub use nastavnik_core::pair::Tracked as Item;

/// The history of pair `pair_id` — or of one of its items — oldest first.
pub async fn pair_history(
    node: &Node,
    pair_id: &str,
    item: Option<Item>,
) -> Result<Vec<HistoryRow>, NodeError> {
    let doc_id = node.pair_doc(pair_id).await?;
    let handle = node.handle(&doc_id).await?;
    let (entries, pair) = handle
        .with_document_async(move |doc| {
            let entries = match &item {
                None => Some(history::history(doc)),
                Some(item) => history::item_history(doc, nastavnik_core::pair::tracked_list(item), item.id()),
            }
            .ok_or_else(|| {
                NodeError::Missing(match &item {
                    Some(Item::Meeting(id)) => format!("встреча {id} не найдена в паре"),
                    Some(Item::Activity(id)) => format!("мероприятие {id} не найдено в паре"),
                    Some(Item::Entry(part, id)) => format!("пункт {id} не найден в разделе «{part}»"),
                    None => String::new(),
                })
            });
            (entries, nastavnik_core::document::read::<PairDoc>(doc))
        })
        .await?;
    let (entries, pair) = (entries?, pair?);
    let names = Names::new(node, &pair);
    Ok(entries
        .into_iter()
        .map(|e| {
            let (who, person_id) = names.who(e.device.as_deref());
            HistoryRow {
                at: local(e.at),
                who,
                person_id,
                device: e.device,
                part: e.part,
                what: e.message,
                change: e.hash,
            }
        })
        .collect())
}

/// A moment as the screens show it, local time: «22.11.2026 14:05».
pub(crate) fn local(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono::Local).format("%d.%m.%Y %H:%M").to_string()
}

/// Who is behind a device, for one pair: its signed access entries name the person (revoked ones
/// too, so a replaced mentor's changes keep their name), a curator's device is «куратор».
pub(crate) struct Names<'a> {
    curators: Vec<String>,
    pair: &'a PairDoc,
}

impl<'a> Names<'a> {
    pub(crate) fn new(node: &Node, pair: &'a PairDoc) -> Self {
        let curators = match &node.device {
            Device::Curator { .. } => vec![node.identity.device_id()],
            Device::Member { curators, .. } => curators.clone(),
            Device::New => Vec::new(),
        };
        Names { curators, pair }
    }

    /// Who wrote with `device` («Петрова Анна Ивановна (наставник)»), and the person's id if known.
    pub(crate) fn who(&self, device: Option<&str>) -> (String, Option<String>) {
        let pair = self.pair;
        let person =
            device.and_then(|d| pair.access.iter().find(|a| a.device == d)).map(|a| a.person_id.clone());
        let mut people = pair.members.iter().chain(&pair.former_members);
        let who = match (device, &person) {
            (None, _) => "автор не записан".to_string(),
            (Some(d), _) if self.curators.iter().any(|c| c == d) => "куратор".to_string(),
            (Some(_), Some(p)) => match people.find(|m| m.person_id == *p) {
                Some(m) if *m.role == MemberRole::Mentor => format!("{} (наставник)", m.name),
                Some(m) => format!("{} (наставляемый)", m.name),
                None => format!("участник {p}"),
            },
            (Some(d), None) => format!("устройство {}…", &d[..d.len().min(10)]),
        };
        (who, person)
    }
}

/// Undoes, as `actor`, one change of an item of pair `pair_id` (see `nastavnik_core::pair::restore_before`).
pub async fn restore(
    node: &Node,
    pair_id: &str,
    actor: nastavnik_core::pair::Actor,
    item: Item,
    change: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), NodeError> {
    let doc = node.pair_doc(pair_id).await?;
    let change = change.to_string();
    node.edit(&doc, move |d| nastavnik_core::pair::restore_before(d, now, &actor, &item, &change)).await
}
