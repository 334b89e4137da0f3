//! Fuzz the text parser: any UTF-8 text must give a record without
//! panicking, with every span inside the input and on a char boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Bytes that are not UTF-8 go through the decoder, as files do.
    let text = String::from_utf8_lossy(data);
    let rec = cables::parse::parse(&text, "fuzz.txt");
    if let Err(msg) = cables::account::check_spans(&rec, &text) {
        panic!("{msg}");
    }
});
