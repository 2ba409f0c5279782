#![no_main]
//! libFuzzer entry: `nastavnik_fuzz::doc_load`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| nastavnik_fuzz::doc_load(data));
