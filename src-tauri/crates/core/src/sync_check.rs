//! Checks a sync message from another device before automerge receives it.
//!
//! Its changes are loaded into a scratch document first, catching a panic: automerge's column
//! decoder panics on some crafted chunks (found by fuzzing `doc_load`). And automerge 0.12.0
//! trusts the parameters of the bloom filter in a sync message's `have`
//! section: a filter that claims entries but carries no bits makes
//! `Automerge::receive_sync_message` divide by zero (a panic that takes the node down), and a
//! filter that claims billions of probes makes it allocate and loop billions of times per change.
//! Found by fuzzing (`fuzz/`, target `sync_message`); no released automerge guards against it.
//! Every message a peer sends about a document goes through [`check_sync_message`] first (the
//! node's wire guard), and a message that fails is refused with the connection.
//!
//! Our own devices build filters with automerge's defaults (10 bits per entry, 7 probes), so the
//! limits below refuse nothing an honest peer sends.

use automerge::sync::Message;

/// The most probes per hash a filter may ask for (automerge uses 7).
pub const MAX_PROBES: u64 = 64;

/// Why a sync message was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadSyncMessage {
    /// Not a sync message at all.
    #[error("сообщение синхронизации не читается: {0}")]
    Undecodable(String),
    /// A filter of the `have` section that automerge cannot use safely.
    #[error("сообщение синхронизации с недопустимым фильтром: {0}")]
    Filter(&'static str),
    /// Changes that make automerge panic when loaded.
    #[error("сообщение синхронизации с испорченными изменениями")]
    Changes,
    /// Changes that would make automerge exhaust memory or time ([`crate::chunk_guard`]).
    #[error("сообщение синхронизации с недопустимыми изменениями: {0}")]
    Chunk(#[from] crate::chunk_guard::BadChunk),
}

/// Decodes `data` as an automerge sync message and checks what automerge would trust blindly.
pub fn check_sync_message(data: &[u8]) -> Result<Message, BadSyncMessage> {
    let message = Message::decode(data).map_err(|e| BadSyncMessage::Undecodable(e.to_string()))?;
    for have in &message.have {
        check_filter(&have.bloom.to_bytes())?;
    }
    for chunk in message.changes.iter() {
        check_chunk(chunk)?;
    }
    Ok(message)
}

/// A chunk of changes (or a whole document) must load into a scratch document without a panic:
/// automerge's column decoder (hexane) panics on some crafted chunks (found by fuzzing
/// `doc_load`), and samod would hit that panic inside `receive_sync_message`.
fn check_chunk(chunk: &[u8]) -> Result<(), BadSyncMessage> {
    crate::chunk_guard::check_chunks(chunk)?;
    // A chunk that fails to load is automerge's to report, without a panic.
    match crate::document::scratch_load(chunk) {
        Some(_) => Ok(()),
        None => Err(BadSyncMessage::Changes),
    }
}

/// A filter as automerge encodes it: empty, or entries, bits per entry, probes (LEB128) and
/// the bits.
fn check_filter(bytes: &[u8]) -> Result<(), BadSyncMessage> {
    if bytes.is_empty() {
        return Ok(());
    }
    let mut rest = bytes;
    let entries = leb128(&mut rest)?;
    let _bits_per_entry = leb128(&mut rest)?;
    let probes = leb128(&mut rest)?;
    if entries > 0 && rest.is_empty() {
        return Err(BadSyncMessage::Filter("записи без битов"));
    }
    if probes > MAX_PROBES {
        return Err(BadSyncMessage::Filter("слишком много проб"));
    }
    Ok(())
}

fn leb128(input: &mut &[u8]) -> Result<u64, BadSyncMessage> {
    crate::chunk_guard::uleb(input).ok_or(BadSyncMessage::Filter("испорченное число"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::sync::{State, SyncDoc};
    use automerge::{AutoCommit, ROOT, transaction::Transactable};

    fn doc_with(key: &str) -> automerge::Automerge {
        let mut doc = AutoCommit::new();
        doc.put(ROOT, key, 1).unwrap();
        doc.document().clone()
    }

    /// What a peer sends: a first message, then one after hearing back (it has a filter).
    fn honest_messages() -> Vec<Vec<u8>> {
        let (mut a, mut b) = (doc_with("a"), doc_with("b"));
        let (mut sa, mut sb) = (State::new(), State::new());
        let mut out = Vec::new();
        for _ in 0..4 {
            if let Some(m) = a.generate_sync_message(&mut sa) {
                out.push(m.clone().encode());
                b.receive_sync_message(&mut sb, m).unwrap();
            }
            if let Some(m) = b.generate_sync_message(&mut sb) {
                out.push(m.clone().encode());
                a.receive_sync_message(&mut sa, m).unwrap();
            }
        }
        out
    }

    /// A message whose only `have` carries `filter` verbatim (the V1 layout automerge decodes).
    fn with_filter(filter: &[u8]) -> Vec<u8> {
        let mut m = vec![0x42, 0, 0, 1, 0];
        m.push(filter.len() as u8);
        m.extend_from_slice(filter);
        m.push(0); // no changes
        m
    }

    #[test]
    fn honest_messages_pass_and_carry_filters() {
        let messages = honest_messages();
        let with_filters = messages
            .iter()
            .filter(|m| check_sync_message(m).unwrap().have.iter().any(|h| !h.bloom.to_bytes().is_empty()))
            .count();
        assert!(with_filters > 0, "the honest exchange must exercise a real filter");
    }

    #[test]
    fn a_filter_with_entries_and_no_bits_is_refused() {
        // 3 entries, 0 bits per entry, 7 probes, no bits: automerge decodes it and then panics.
        let bytes = with_filter(&[3, 0, 7]);
        assert!(Message::decode(&bytes).is_ok(), "the layout must be one automerge accepts");
        assert_eq!(check_sync_message(&bytes).unwrap_err(), BadSyncMessage::Filter("записи без битов"));
    }

    #[test]
    fn a_filter_with_huge_probes_is_refused() {
        let bytes = with_filter(&[1, 8, 0xff, 0xff, 0xff, 0xff, 0x0f, 0xff]);
        assert!(Message::decode(&bytes).is_ok());
        assert_eq!(check_sync_message(&bytes).unwrap_err(), BadSyncMessage::Filter("слишком много проб"));
    }

    #[test]
    fn changes_that_make_automerge_panic_are_refused() {
        // The doc_load fuzzer's crasher (a document whose columns panic hexane's decoder), sent
        // as the changes of a sync message: automerge would panic receiving it.
        let crasher = include_bytes!("../../../../fuzz/regressions/doc_load/hexane_null_run");
        let mut m = vec![0x42, 0, 0, 0, 1, crasher.len() as u8];
        m.extend_from_slice(crasher);
        let message = Message::decode(&m).unwrap();
        let mut doc = automerge::Automerge::new();
        let received = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = doc.receive_sync_message(&mut State::new(), message);
        }));
        assert!(received.is_err(), "the threat: automerge panics on it");
        // A bundle chunk, which our devices never send: refused before any load.
        assert_eq!(
            check_sync_message(&m).unwrap_err(),
            BadSyncMessage::Chunk(crate::chunk_guard::BadChunk::Kind(3))
        );
        // Honest changes pass (the exchange above carries some).
        assert!(honest_messages().iter().any(|m| !check_sync_message(m).unwrap().changes.is_empty()));
    }

    #[test]
    fn garbage_is_undecodable() {
        assert!(matches!(check_sync_message(b"\x42garbage"), Err(BadSyncMessage::Undecodable(_))));
    }

    #[test]
    fn the_fuzzers_crasher_is_refused() {
        let crasher = include_bytes!("../../../../fuzz/regressions/sync_message/empty_bloom_filter");
        assert!(matches!(check_sync_message(crasher), Err(BadSyncMessage::Filter(_))));
    }
}
