//! Debug aid: how the first blocks of a file are classified.
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let src = std::fs::read_to_string(&path).expect("read");
    for b in src.split("\n\n").take(4) {
        use cables::parse::head::*;
        println!(
            "editorial={} strong={} short={} body={} :: {:.80}",
            is_editorial_line(b),
            is_strong_head(b),
            is_short_line(b),
            is_body_start(b),
            b
        );
    }
}
