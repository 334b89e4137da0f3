//! Debug aid: print the footnote mark candidates and the alignment of a file.
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let src = std::fs::read_to_string(&path).expect("read");
    let r = cables::parse::parse(&src, &path);
    println!("title {:?}", r.title);
    for f in &r.footnotes {
        println!(
            "note {} anchors {:?} {:?}",
            f.marker,
            f.anchors,
            &f.text[..f.text.len().min(40)]
        );
    }
    let lines = cables::parse::lines::lines(&src, 0, src.len());
    let list = cables::parse::footnotes::find_list(&src, &lines);
    let notes_start = list
        .as_ref()
        .map_or(src.len(), |l| lines[l.first_line].start);
    let from = r.head_span.map_or(0, |s| s.start);
    let cands = cables::parse::footnotes::candidates(
        &src,
        from,
        notes_start,
        &[],
        r.head_span.map(|s| s.end),
    );
    for c in &cands {
        let ctx_start = c.span.start.saturating_sub(15);
        let mut cs = ctx_start;
        while !src.is_char_boundary(cs) {
            cs -= 1;
        }
        println!(
            "cand {} s{} g{} {:?}",
            c.value,
            c.strength,
            c.group,
            &src[cs..c.span.end]
        );
    }
}
