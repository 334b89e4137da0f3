//! Fuzz the splitter (`--split`, issue 8): any UTF-8 text must split
//! without panicking, into parts in order inside the input, each record's
//! spans inside the input and on a char boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let split = cables::split::split(&text);
    let mut at = 0;
    for p in &split.parts {
        assert!(p.span.start >= at && p.span.start <= p.span.end && p.span.end <= text.len());
        at = p.span.end;
    }
    for rec in cables::split::records(&text, "fuzz.txt") {
        if let Err(msg) = cables::account::check_spans(&rec, &text) {
            panic!("{msg}");
        }
    }
});
