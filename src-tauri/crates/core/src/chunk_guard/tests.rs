use std::io::Write;

use automerge::{AutoCommit, ObjType, ROOT, transaction::Transactable};
use chrono::{TimeZone, Utc};

use super::*;

/// A chunk as the storage format lays it out (the checksum is not ours to judge).
fn chunk_of(kind: u8, data: &[u8]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend([0; 4]);
    out.push(kind);
    leb(&mut out, data.len() as u64);
    out.extend(data);
    out
}

fn leb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        out.push(if n == 0 { byte } else { byte | 0x80 });
        if n == 0 {
            return;
        }
    }
}

/// A document chunk with no actors or heads and the given change columns (spec, data).
fn document_with(columns: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let mut data = vec![0, 0];
    leb(&mut data, columns.len() as u64);
    for (spec, column) in columns {
        leb(&mut data, *spec);
        leb(&mut data, column.len() as u64);
    }
    data.push(0); // no op columns
    for (_, column) in columns {
        data.extend(column);
    }
    chunk_of(DOCUMENT, &data)
}

fn deflated(len: usize) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..len >> 20 {
        encoder.write_all(&zeros).unwrap();
    }
    encoder.finish().unwrap()
}

#[test]
fn what_our_devices_write_and_send_passes() {
    let demo = crate::demo::build(Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap()).unwrap();
    let mut docs = vec![demo.school.save()];
    docs.extend(demo.pairs.iter().map(|p| p.save()));
    // A document with a long text typed and a big value: deflated columns and long runs.
    let mut doc = AutoCommit::new();
    let text = doc.put_object(ROOT, "notes", ObjType::Text).unwrap();
    for i in 0..3_000 {
        doc.splice_text(&text, i, 0, "ж").unwrap();
    }
    doc.put(ROOT, "big", "Иванова Мария Петровна ".repeat(2_000)).unwrap();
    docs.push(doc.save());
    let changes: Vec<Vec<u8>> = doc.get_changes(&[]).iter().map(|c| c.raw_bytes().to_vec()).collect();
    for bytes in docs.iter().chain(&changes) {
        assert_eq!(check_chunks(bytes), Ok(()));
        assert!(automerge::Automerge::load(bytes).is_ok());
    }
    // Several chunks in one file, as samod's storage and sync messages hold them.
    assert_eq!(check_chunks(&changes.concat()), Ok(()));
}

#[test]
fn the_fuzzers_bundles_are_refused_before_automerge_decodes_them() {
    // automerge allocates gigabytes on the first, takes 18 s on the second, panics on the third.
    let found: [&[u8]; 3] = [
        include_bytes!("../../../../../fuzz/regressions/doc_load/bundle_runs_out_of_memory"),
        include_bytes!("../../../../../fuzz/regressions/doc_load/bundle_slow_to_fail"),
        include_bytes!("../../../../../fuzz/regressions/doc_load/hexane_null_run"),
    ];
    for bytes in found {
        assert_eq!(check_chunks(bytes), Err(BadChunk::Kind(3)));
    }
}

#[test]
fn a_column_declaring_a_huge_run_is_refused() {
    let integer = 2 << 4 | 2;
    let mut run = Vec::new();
    leb(&mut run, 1 << 40); // a positive signed LEB of 2^40: a run of 2^40 values…
    run.push(1); // …of 1
    assert_eq!(check_chunks(&document_with(&[(integer, run)])), Err(BadChunk::Rows));
    let mut nulls = vec![0];
    leb(&mut nulls, MAX_ROWS + 1);
    assert_eq!(check_chunks(&document_with(&[(integer, nulls)])), Err(BadChunk::Rows));
    let boolean = 3 << 4 | 4;
    let mut flags = Vec::new();
    leb(&mut flags, MAX_ROWS / 2 + 1);
    leb(&mut flags, MAX_ROWS / 2 + 1);
    assert_eq!(check_chunks(&document_with(&[(boolean, flags)])), Err(BadChunk::Rows));
    // Many columns each under the limit, together over the chunk's.
    let mut full = Vec::new();
    leb(&mut full, MAX_ROWS);
    full.push(1);
    let columns: Vec<_> =
        (0..(MAX_TOTAL_ROWS / MAX_ROWS) + 1).map(|i| ((i + 1) << 4 | 2, full.clone())).collect();
    assert_eq!(check_chunks(&document_with(&columns)), Err(BadChunk::Rows));
    // The same shapes within the limits pass.
    let mut small = Vec::new();
    leb(&mut small, 1_000);
    small.push(1);
    assert_eq!(check_chunks(&document_with(&[(integer, small)])), Ok(()));
}

#[test]
fn deflate_bombs_are_refused() {
    let bomb = deflated((MAX_INFLATED as usize) + (1 << 20));
    assert!(bomb.len() < 1 << 20, "a few hundred KB inflating past the limit");
    assert_eq!(check_chunks(&chunk_of(COMPRESSED, &bomb)), Err(BadChunk::Inflates));
    let raw = 4 << 4 | 0b1000 | 7; // a deflated raw-value column
    assert_eq!(check_chunks(&document_with(&[(raw, bomb)])), Err(BadChunk::Inflates));
    // Two columns under the limit each, over it together.
    let half = deflated((MAX_INFLATED as usize) / 2 + (1 << 20));
    assert_eq!(
        check_chunks(&document_with(&[(raw, half.clone()), (5 << 4 | 0b1000 | 7, half)])),
        Err(BadChunk::Inflates)
    );
}

#[test]
fn what_cannot_be_read_whole_is_left_to_automerge() {
    let doc = crate::demo::build(Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap()).unwrap().school.save();
    for cut in [0, 3, 9, doc.len() / 2, doc.len() - 1] {
        assert_eq!(check_chunks(&doc[..cut]), Ok(()), "cut at {cut}");
    }
    assert_eq!(check_chunks(b"not automerge at all"), Ok(()));
    assert!(automerge::Automerge::load(&doc[..doc.len() / 2]).is_err());
}
