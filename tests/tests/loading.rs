//! Whatever bytes reach the loader — garbage, a torn file, another document — the result is
//! a clear error, never a panic, and a good document is never mistaken for another type.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use automerge::{Automerge, ROOT, transaction::Transactable};
use nastavnik_core::DocError;
use nastavnik_core::document;
use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::SchoolDoc;
use nastavnik_tests::fixtures_dir;
use proptest::prelude::*;

fn pair_bytes() -> Vec<u8> {
    std::fs::read(fixtures_dir().join("pair-v1.automerge")).unwrap()
}

fn raw(build: impl FnOnce(&mut automerge::transaction::Transaction<'_>)) -> Vec<u8> {
    let mut doc = Automerge::new();
    doc.transact::<_, _, automerge::AutomergeError>(|tx| {
        build(tx);
        Ok(())
    })
    .unwrap();
    doc.save()
}

#[test]
fn garbage_is_reported_as_corrupt() {
    for bytes in
        [b"not an automerge file at all".to_vec(), vec![0x85, 0x6f, 0x4a, 0x83, 1, 2, 3], vec![0xff; 64]]
    {
        let err = document::load::<PairDoc>(&bytes).unwrap_err();
        assert!(matches!(err, DocError::Corrupt(_)), "{err:?}");
        assert!(err.to_string().starts_with("файл повреждён"), "{err}");
    }
}

#[test]
fn empty_bytes_are_not_a_pair() {
    let err = document::load::<PairDoc>(&[]).unwrap_err();
    assert!(matches!(err, DocError::WrongType { .. }), "{err:?}");
}

#[test]
fn a_torn_file_never_loads_as_something_else() {
    let good = pair_bytes();
    for cut in [1, 8, good.len() / 3, good.len() / 2, good.len() - 1] {
        match document::load::<PairDoc>(&good[..cut]) {
            Err(e) => assert!(!e.to_string().is_empty()),
            Ok((_, p)) => panic!("a torn file loaded as a pair with {} activities", p.activities.len()),
        }
    }
}

#[test]
fn another_document_is_named_for_what_it_is() {
    let school = std::fs::read(fixtures_dir().join("school-v1.automerge")).unwrap();
    let err = document::load::<PairDoc>(&school).unwrap_err();
    assert!(matches!(&err, DocError::WrongType { found, .. } if found == "nastavnik/school"), "{err:?}");
    assert!(err.to_string().contains("это не документ наставнической пары"), "{err}");
    let err = document::load::<SchoolDoc>(&pair_bytes()).unwrap_err();
    assert!(matches!(err, DocError::WrongType { .. }));

    let foreign = raw(|tx| {
        tx.put(ROOT, "title", "чужой документ").unwrap();
    });
    let err = document::load::<PairDoc>(&foreign).unwrap_err();
    assert!(err.to_string().contains("нет отметки о типе"), "{err}");
}

#[test]
fn a_newer_schema_asks_for_an_update() {
    let newer = raw(|tx| {
        tx.put(ROOT, "doc_type", "nastavnik/pair").unwrap();
        tx.put(ROOT, "schema_version", 7u64).unwrap();
    });
    let err = document::load::<PairDoc>(&newer).unwrap_err();
    assert!(matches!(err, DocError::TooNew { found: 7, supported: 1 }), "{err:?}");
    assert!(err.to_string().contains("обновите приложение"));
}

#[test]
fn a_right_header_over_wrong_content_is_a_schema_error() {
    let hollow = raw(|tx| {
        tx.put(ROOT, "doc_type", "nastavnik/pair").unwrap();
        tx.put(ROOT, "schema_version", 1u64).unwrap();
    });
    let err = document::load::<PairDoc>(&hollow).unwrap_err();
    assert!(matches!(err, DocError::Schema(_)), "{err:?}");

    // A status code no version knows: the error names it.
    let (mut doc, _) = document::load::<PairDoc>(&pair_bytes()).unwrap();
    let (_, activities) = automerge::ReadDoc::get(&doc, ROOT, "activities").unwrap().unwrap();
    let (_, first) = automerge::ReadDoc::get(&doc, &activities, 0).unwrap().unwrap();
    doc.transact::<_, _, automerge::AutomergeError>(|tx| tx.put(&first, "status", "half_done")).unwrap();
    let err = document::load::<PairDoc>(&doc.save()).unwrap_err();
    assert!(err.to_string().contains("half_done"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        prop_assert!(document::load::<PairDoc>(&bytes).is_err());
    }

    #[test]
    fn flipped_bytes_never_panic(at in 0usize..4294, bit in 0u8..8) {
        let mut bytes = pair_bytes();
        let at = at % bytes.len();
        bytes[at] ^= 1 << bit;
        // Either rejected with an error, or (if the flip hit slack) still a valid pair.
        if let Ok((_, pair)) = document::load::<PairDoc>(&bytes) {
            prop_assert_eq!(pair.pair_id, "pair-1");
        }
    }
}
