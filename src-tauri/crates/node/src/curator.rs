//! What the curator's device does with the node that more than one front end needs (the CLI
//! and the desktop app): store the demo school, compute the school overview from the cache.

use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_core::document;
use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::SchoolDoc;
use nastavnik_shared::report::{PairSummary, SchoolOverview};

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
    school_overview_with(node, school, today, &[], progress)
}

/// The same, with `live` summaries — of documents open in this process, read from memory —
/// taking the place of what the disk has (a change synced in a moment ago may not be written yet).
pub fn school_overview_with(
    node: &Node,
    school: &SchoolDoc,
    today: NaiveDate,
    live: &[PairSummary],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(SchoolOverview, CacheStats), NodeError> {
    let docs: Vec<String> = school.pairs_with_docs().map(|p| p.doc_id.clone()).collect();
    let cache_file = node.dir.summaries_file();
    let mut cache = SummaryCache::load(&cache_file);
    let (summaries, stats) = cache.summaries_with_progress(&node.dir.docs(), &docs, progress);
    let summaries: Vec<&PairSummary> =
        summaries.into_iter().filter(|s| !live.iter().any(|l| l.pair_id == s.pair_id)).chain(live).collect();
    let mut overview = nastavnik_core::school::overview(school, summaries.iter().copied(), today);
    // With what only this device knows: when each pair's document last synced with a member.
    let synced = crate::sync_state::SyncState::load(&node.dir).last_synced_by_doc();
    overview.attention = nastavnik_core::attention::school(
        school,
        summaries,
        Some(&synced),
        &school.attention_settings(),
        today,
    );
    // A derived cache: failing to keep it (a full disk, a read-only folder) costs the next
    // overview some time, never this one.
    if let Err(e) = cache.save(&cache_file) {
        tracing::warn!("сводка пар не сохранена в кэш: {e}");
    }
    Ok((overview, stats))
}

/// The curator moves a pair along (forming → active → completed, or dissolved): the school's
/// index, and — for completed or dissolved — the pair's own document is closed with `reason`,
/// after which it is read-only on every device (a dissolution needs a reason). Both are checked
/// before either is written.
pub async fn set_pair_status(
    node: &Node,
    pair_id: &str,
    status: nastavnik_shared::vocab::PairStatus,
    reason: &str,
) -> Result<(), NodeError> {
    use nastavnik_shared::vocab::PairStatus;
    let school_doc = node.curator_school_doc()?;
    let closes = matches!(status, PairStatus::Completed | PairStatus::Dissolved);
    if status == PairStatus::Dissolved && reason.trim().is_empty() {
        return Err(NodeError::Domain(nastavnik_core::DomainError::Empty {
            field: "Причина расформирования",
        }));
    }
    let (now, today) = (node.clock.now(), node.clock.today());
    let doc = node.pair_doc(pair_id).await?;
    if closes {
        // Refused here (already closed) before the index moves.
        let mut probe = node.read::<PairDoc>(&doc).await?;
        probe.close(&nastavnik_core::pair::Actor::Curator, status, reason, today)?;
    }
    let id = pair_id.to_string();
    node.change(school_doc, now, "статус пары", move |s: &mut SchoolDoc| {
        s.set_pair_status(&id, status, today)
    })
    .await?;
    if closes {
        let reason = reason.to_string();
        node.change(&doc, now, "пара закрыта", move |p: &mut PairDoc| {
            p.close(&nastavnik_core::pair::Actor::Curator, status, &reason, today)
        })
        .await?;
    }
    Ok(())
}

/// The curator grants a mentee's request to replace the mentor (ходатайство): `old` leaves the
/// pair for `new` in the school's index and the pair's document, the request records the decision,
/// and the old mentor's devices lose access to this pair (signed revocations) — they receive
/// nothing of it from then on. What the pair wrote stays, with the old mentor's name. The new
/// mentor's device joins the pair with an invite. Everything is checked before anything is written.
pub async fn replace_mentor(
    node: &Node,
    pair_id: &str,
    request: &str,
    old: &str,
    new: &str,
    resolution: &str,
) -> Result<Vec<String>, NodeError> {
    use nastavnik_core::pair::Actor;
    let school_doc = node.curator_school_doc()?;
    let now = node.clock.now();
    let doc = node.pair_doc(pair_id).await?;
    let mut school: SchoolDoc = node.read(school_doc).await?;
    let name = school.replace_pair_mentor(pair_id, old, new)?;
    let mut pair: PairDoc = node.read(&doc).await?;
    pair.replace_mentor(&Actor::Curator, request, old, (new, &name), resolution)?;

    let (id, old_id, new_id) = (pair_id.to_string(), old.to_string(), new.to_string());
    node.change(school_doc, now, "замена наставника", move |s: &mut SchoolDoc| {
        s.replace_pair_mentor(&id, &old_id, &new_id).map(drop)
    })
    .await?;
    let (request, old_id, new_id, resolution) =
        (request.to_string(), old.to_string(), new.to_string(), resolution.to_string());
    node.change(&doc, now, "замена наставника", move |p: &mut PairDoc| {
        p.replace_mentor(&Actor::Curator, &request, &old_id, (&new_id, &name), &resolution)
    })
    .await?;
    crate::trust::revoke_person_in(node, &doc, old, now).await
}

/// The curator changes a pair's form, kind, role model or period (prolonging it within 12
/// months): the school's index and the pair's document together, both checked first.
pub async fn edit_pair(
    node: &Node,
    pair_id: &str,
    input: nastavnik_core::pair::HeaderInput,
) -> Result<(), NodeError> {
    use nastavnik_core::pair::Actor;
    let school_doc = node.curator_school_doc()?;
    let now = node.clock.now();
    let doc = node.pair_doc(pair_id).await?;
    let mut probe: PairDoc = node.read(&doc).await?;
    probe.edit_header(&Actor::Curator, input.clone())?;
    let mut school: SchoolDoc = node.read(school_doc).await?;
    school.edit_pair(pair_id, &input)?;
    let (id, header) = (pair_id.to_string(), input.clone());
    node.change(school_doc, now, "правка пары", move |s: &mut SchoolDoc| s.edit_pair(&id, &header)).await?;
    node.change(&doc, now, "правка программы", move |p: &mut PairDoc| {
        p.edit_header(&Actor::Curator, input)
    })
    .await?;
    Ok(())
}
