//! Checks automerge chunks from disk or from another device before automerge decodes them.
//!
//! automerge 0.12.0 trusts the sizes that a chunk *declares*: a run-length column may claim a
//! run of 2⁴⁰ values in a few bytes, and a deflated column or change may inflate a thousandfold.
//! Fuzzing found 253 bytes that made automerge allocate gigabytes and 219 bytes that took 18 s to
//! fail (`fuzz/findings/`): enough for a crafted file or a member's device to take a node down.
//! A panic can be caught; running out of memory cannot. So before automerge sees bytes, this
//! module walks the chunks as the storage format describes them (magic, checksum, type, length,
//! then the column metadata and runs) and refuses:
//! - chunk types our stack never writes nor sends: only documents (`save`), changes and
//!   compressed changes — bundles (type 3, where both findings live) are refused;
//! - more than [`MAX_INFLATED`] bytes inflated from one chunk;
//! - a column that declares more than [`MAX_ROWS`] values, or a chunk more than [`MAX_TOTAL_ROWS`].
//!
//! The limits are far above what a school writes (a school of 5,000 people is a few hundred
//! thousand operations). What this walk cannot read (a cut-off chunk, a foreign header) is left to
//! automerge, which reports it as an error without decoding runs; only what is read is judged.

use std::io::Read;

/// The most bytes one chunk may inflate to (a document's deflated columns, a compressed change).
pub const MAX_INFLATED: u64 = 64 << 20;
/// The most values one column may declare.
pub const MAX_ROWS: u64 = 1 << 24;
/// The most values all columns of one chunk may declare together (a document has about twenty
/// columns, each as long as its operations or changes).
pub const MAX_TOTAL_ROWS: u64 = 1 << 28;

const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const DOCUMENT: u8 = 0;
const CHANGE: u8 = 1;
const COMPRESSED: u8 = 2;

/// Why chunks were refused before automerge decoded them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadChunk {
    /// A chunk type our devices never write nor send.
    #[error("неизвестный тип блока данных: {0}")]
    Kind(u8),
    /// Deflated data that would inflate beyond [`MAX_INFLATED`].
    #[error("сжатые данные разворачиваются в слишком большой объём")]
    Inflates,
    /// A column declaring more values than [`MAX_ROWS`], or a chunk beyond [`MAX_TOTAL_ROWS`].
    #[error("столбец данных объявляет слишком много значений")]
    Rows,
}

/// Checks every whole chunk in `bytes` (a saved document, changes, a sync message's changes).
pub fn check_chunks(bytes: &[u8]) -> Result<(), BadChunk> {
    let mut rest = bytes;
    while let Some((kind, data, after)) = chunk(rest) {
        check_chunk(kind, data)?;
        rest = after;
    }
    Ok(())
}

/// One chunk: its type, its data and what follows; `None` when no whole chunk is there.
fn chunk(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let rest = bytes.strip_prefix(&MAGIC)?;
    let (&kind, mut rest) = rest.get(4..)?.split_first()?;
    let len = usize::try_from(uleb(&mut rest)?).ok()?;
    (len <= rest.len()).then(|| (kind, &rest[..len], &rest[len..]))
}

fn check_chunk(kind: u8, data: &[u8]) -> Result<(), BadChunk> {
    let mut budget = Budget { inflated: 0, rows: 0 };
    match kind {
        DOCUMENT => document(data, &mut budget),
        CHANGE => change(data, &mut budget),
        COMPRESSED => {
            let inflated = inflate(data, &mut budget)?;
            change(&inflated, &mut budget)
        }
        other => Err(BadChunk::Kind(other)),
    }
}

/// What a chunk has used of its limits so far.
struct Budget {
    inflated: u64,
    rows: u64,
}

/// A document's data: actors, heads, change and op column metadata, then their data.
fn document(data: &[u8], budget: &mut Budget) -> Result<(), BadChunk> {
    let mut rest = data;
    let Some(()) = skip_list(&mut rest, skip_bytes).and_then(|()| skip_list(&mut rest, skip_hash)) else {
        return Ok(());
    };
    let (Some(changes), Some(ops)) = (columns(&mut rest), columns(&mut rest)) else { return Ok(()) };
    for spec in changes.iter().chain(&ops) {
        let Some(column) = take(&mut rest, spec.len) else { return Ok(()) };
        if spec.deflated {
            let inflated = inflate(column, budget)?;
            rows(spec.kind, &inflated, budget)?;
        } else {
            rows(spec.kind, column, budget)?;
        }
    }
    Ok(())
}

/// A change's data: dependencies, actor, counters, time, message, other actors, op columns.
fn change(data: &[u8], budget: &mut Budget) -> Result<(), BadChunk> {
    let mut rest = data;
    let header = (|| {
        skip_list(&mut rest, skip_hash)?;
        skip_bytes(&mut rest)?;
        for _ in 0..3 {
            uleb(&mut rest)?; // seq, start op, time (signed, but skipped alike)
        }
        skip_bytes(&mut rest)?;
        skip_list(&mut rest, skip_bytes)
    })();
    let (Some(()), Some(ops)) = (header, columns(&mut rest)) else { return Ok(()) };
    for spec in &ops {
        // automerge refuses deflated columns in a change; nothing of theirs is decoded.
        let Some(column) = take(&mut rest, spec.len) else { return Ok(()) };
        if !spec.deflated {
            rows(spec.kind, column, budget)?;
        }
    }
    Ok(())
}

/// A column's declared type, whether it is deflated, and its length in bytes.
struct Spec {
    kind: u8,
    deflated: bool,
    len: usize,
}

fn columns(rest: &mut &[u8]) -> Option<Vec<Spec>> {
    let count = uleb(rest)?;
    let mut specs = Vec::new();
    for _ in 0..count {
        let spec = uleb(rest)?;
        let len = usize::try_from(uleb(rest)?).ok()?;
        specs.push(Spec { kind: (spec & 0b111) as u8, deflated: spec & 0b1000 != 0, len });
    }
    Some(specs)
}

/// Inflates `data` within what is left of the chunk's [`MAX_INFLATED`].
fn inflate(data: &[u8], budget: &mut Budget) -> Result<Vec<u8>, BadChunk> {
    let left = MAX_INFLATED - budget.inflated;
    let mut out = Vec::new();
    // Undecodable deflate is automerge's to report; only the size is judged here.
    let _ = flate2::read::DeflateDecoder::new(data).take(left + 1).read_to_end(&mut out);
    budget.inflated += out.len() as u64;
    if budget.inflated > MAX_INFLATED { Err(BadChunk::Inflates) } else { Ok(out) }
}

/// Counts the values a column declares, as its encoding says, against the limits.
fn rows(kind: u8, column: &[u8], budget: &mut Budget) -> Result<(), BadChunk> {
    const BOOLEAN: u8 = 4;
    const STRING: u8 = 5;
    const RAW: u8 = 7;
    let mut count = |n: u64, column_rows: &mut u64| -> Result<(), BadChunk> {
        *column_rows = column_rows.saturating_add(n);
        budget.rows = budget.rows.saturating_add(n);
        if *column_rows > MAX_ROWS || budget.rows > MAX_TOTAL_ROWS { Err(BadChunk::Rows) } else { Ok(()) }
    };
    let mut column_rows = 0;
    let mut rest = column;
    match kind {
        RAW => Ok(()),
        // Run lengths, alternately of false and of true.
        BOOLEAN => {
            while let Some(n) = uleb(&mut rest) {
                count(n, &mut column_rows)?;
            }
            Ok(())
        }
        // Runs: n > 0 repeats one value n times, n < 0 lists -n values, 0 is a run of nulls.
        _ => {
            let value = |r: &mut &[u8]| if kind == STRING { skip_bytes(r) } else { uleb(r).map(|_| ()) };
            while let Some(n) = sleb(&mut rest) {
                match n {
                    0 => count(uleb(&mut rest).unwrap_or(0), &mut column_rows)?,
                    n if n > 0 => {
                        count(n.unsigned_abs(), &mut column_rows)?;
                        if value(&mut rest).is_none() {
                            break;
                        }
                    }
                    n => {
                        for _ in 0..n.unsigned_abs() {
                            if value(&mut rest).is_none() {
                                return Ok(());
                            }
                            count(1, &mut column_rows)?;
                        }
                    }
                }
            }
            Ok(())
        }
    }
}

fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    (n <= rest.len()).then(|| {
        let (head, tail) = rest.split_at(n);
        *rest = tail;
        head
    })
}

fn skip_bytes(rest: &mut &[u8]) -> Option<()> {
    let n = usize::try_from(uleb(rest)?).ok()?;
    take(rest, n).map(|_| ())
}

fn skip_hash(rest: &mut &[u8]) -> Option<()> {
    take(rest, 32).map(|_| ())
}

fn skip_list(rest: &mut &[u8], mut item: impl FnMut(&mut &[u8]) -> Option<()>) -> Option<()> {
    for _ in 0..uleb(rest)? {
        item(rest)?;
    }
    Some(())
}

/// An unsigned LEB128 number (at most 64 bits); `None` when cut off. (Also the sync check's reader.)
pub(crate) fn uleb(rest: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for (i, &byte) in rest.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            *rest = &rest[i + 1..];
            return Some(value);
        }
    }
    None
}

/// A signed LEB128 number (at most 64 bits).
fn sleb(rest: &mut &[u8]) -> Option<i64> {
    let mut value = 0i64;
    for (i, &byte) in rest.iter().enumerate().take(10) {
        value |= i64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            *rest = &rest[i + 1..];
            let shift = 7 * (i + 1);
            if shift < 64 && byte & 0x40 != 0 {
                value |= -1i64 << shift;
            }
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests;
