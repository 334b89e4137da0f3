//! Fuzz bytes → records: decoding (UTF-16, Windows-1252, binary) and then
//! the parser, as `cables index` reads a file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let recs = cables::document::records_from_text_bytes(data, "fuzz.txt");
    assert!(!recs.is_empty());
});
