#![no_main]
//! libFuzzer entry: `nastavnik_fuzz::sync_message`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| nastavnik_fuzz::sync_message(data));
