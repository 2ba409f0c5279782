#![no_main]
//! libFuzzer entry: `nastavnik_fuzz::node_message`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| nastavnik_fuzz::node_message(data));
