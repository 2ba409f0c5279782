//! The fuzz targets' inputs replayed as an ordinary test: every seed (`fuzz/seeds/<target>/`) and
//! every input that once crashed a target (`fuzz/regressions/<target>/`, kept for good) must run
//! through the same code as the fuzzer (`nastavnik_fuzz`) without a panic. Fuzzing itself is
//! `scripts/fuzz.sh` (cargo-fuzz, nightly).
//!
//! `NASTAVNIK_WRITE_SEEDS=1` writes the seeds from `nastavnik_fuzz::seeds()` first.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::path::Path;

#[test]
fn seeds_and_saved_crashers_run_through_every_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    if std::env::var("NASTAVNIK_WRITE_SEEDS").is_ok() {
        for (i, (target, bytes)) in nastavnik_fuzz::seeds().into_iter().enumerate() {
            let dir = root.join("seeds").join(target);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(format!("seed-{i}")), bytes).unwrap();
        }
    }
    let mut replayed = 0;
    for target in nastavnik_fuzz::TARGETS {
        for kind in ["seeds", "regressions"] {
            let Ok(files) = std::fs::read_dir(root.join(kind).join(target)) else { continue };
            for file in files.flatten() {
                let data = std::fs::read(file.path()).unwrap();
                nastavnik_fuzz::run(target, &data); // a panic fails the test, naming the input below
                replayed += 1;
                eprintln!("{target}: {} ok", file.path().display());
            }
        }
    }
    assert!(replayed >= nastavnik_fuzz::TARGETS.len(), "every target has at least one seed: {replayed}");
}
