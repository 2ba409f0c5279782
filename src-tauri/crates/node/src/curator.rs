//! What the curator's device does with the node that more than one front end needs (the CLI
//! and the desktop app): store the demo school, compute the school overview from the cache.

use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_core::document;
use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::SchoolDoc;
use nastavnik_shared::report::SchoolOverview;

use crate::device::Device;
use crate::summary_cache::{CacheStats, SummaryCache};
use crate::{Node, NodeError};

/// Stores the demo school on a new device and makes it the curator's device; returns the
/// school document's id.
pub async fn store_demo(node: &mut Node, now: DateTime<Utc>) -> Result<String, NodeError> {
    if node.device != Device::New {
        return Err(NodeError::Input(format!(
            "это устройство уже подключено к школе ({})",
            node.device.label()
        )));
    }
    let mut built = nastavnik_core::demo::build(now)?;
    for pair_doc in built.pairs {
        let pair: PairDoc = document::read(&pair_doc)?;
        let handle = node.repo().create(pair_doc).await?;
        let doc_id = handle.document_id().to_string();
        document::change(&mut built.school, now, "документ пары", move |s: &mut SchoolDoc| {
            s.set_pair_doc(&pair.pair_id, &doc_id)
        })?;
    }
    let school = node.repo().create(built.school).await?.document_id().to_string();
    node.set_device(Device::Curator { school_doc: school.clone() })?;
    Ok(school)
}

/// The school overview for `today` from the summary cache: only documents that changed since
/// the last time are read, one at a time. `progress(done, total)` is called as they are.
pub fn school_overview(
    node: &Node,
    school: &SchoolDoc,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(SchoolOverview, CacheStats), NodeError> {
    let docs: Vec<String> = school.pairs_with_docs().map(|p| p.doc_id.clone()).collect();
    let cache_file = node.dir.summaries_file();
    let mut cache = SummaryCache::load(&cache_file);
    let (summaries, stats) = cache.summaries_with_progress(&node.dir.docs(), &docs, progress);
    let overview = nastavnik_core::school::overview(school, summaries, today);
    cache.save(&cache_file)?;
    Ok((overview, stats))
}
