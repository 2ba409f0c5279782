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

/// One item of a pair whose own history is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An activity of the plan (its id).
    Activity(String),
    /// A meeting of the journal (its id).
    Meeting(String),
}

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
                Some(Item::Activity(id)) => history::item_history(doc, "activities", id),
                Some(Item::Meeting(id)) => history::item_history(doc, "meetings", id),
            }
            .ok_or_else(|| {
                NodeError::Missing(match &item {
                    Some(Item::Meeting(id)) => format!("встреча {id} не найдена в паре"),
                    Some(Item::Activity(id)) => format!("мероприятие {id} не найдено в паре"),
                    None => String::new(),
                })
            });
            (entries, nastavnik_core::document::read::<PairDoc>(doc))
        })
        .await?;
    let (entries, pair) = (entries?, pair?);
    let curators: Vec<String> = match &node.device {
        Device::Curator { .. } => vec![node.identity.device_id()],
        Device::Member { curators, .. } => curators.clone(),
        Device::New => Vec::new(),
    };
    let people: Vec<_> = pair.members.iter().chain(&pair.former_members).collect();
    Ok(entries
        .into_iter()
        .map(|e| {
            let person = e
                .device
                .as_ref()
                .and_then(|d| pair.access.iter().find(|a| a.device == *d))
                .map(|a| a.person_id.clone());
            let who = match (&e.device, &person) {
                (None, _) => "автор не записан".to_string(),
                (Some(d), _) if curators.contains(d) => "куратор".to_string(),
                (Some(_), Some(p)) => match people.iter().find(|m| m.person_id == *p) {
                    Some(m) if *m.role == MemberRole::Mentor => format!("{} (наставник)", m.name),
                    Some(m) => format!("{} (наставляемый)", m.name),
                    None => format!("участник {p}"),
                },
                (Some(d), None) => format!("устройство {}…", &d[..d.len().min(10)]),
            };
            HistoryRow {
                at: e.at.with_timezone(&chrono::Local).format("%d.%m.%Y %H:%M").to_string(),
                who,
                person_id: person,
                device: e.device,
                part: e.part,
                what: e.message,
            }
        })
        .collect())
}
