#![no_main]
//! libFuzzer entry: `nastavnik_fuzz::import_table`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| nastavnik_fuzz::import_table(data));
