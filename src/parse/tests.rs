//! Parser tests on whole documents: the seed, and small cases per rule.

use super::*;

const SEED: &str = include_str!("../../fixtures/seed/frus1969-76v16-d67.txt");

#[test]
fn seed_record() {
    let r = parse(SEED, "seed.txt");
    assert_eq!(r.number.as_deref(), Some("67"));
    assert_eq!(r.doc_type.as_deref(), Some("Message"));
    assert_eq!(r.from.as_deref(), Some("Secretary of State Kissinger"));
    assert_eq!(
        r.to.as_deref(),
        Some("the President’s Deputy Assistant for National Security Affairs (Scowcroft)")
    );
    assert_eq!(
        r.title.as_deref(),
        Some("Message From Secretary of State Kissinger to the President’s Deputy Assistant for National Security Affairs (Scowcroft)")
    );
    let routing = r.routing.as_ref().expect("routing");
    assert_eq!(
        (routing.series.as_deref(), routing.number.as_str()),
        (Some("Hakto"), "1")
    );
    assert_eq!(r.pages, ["219"]);
    assert!(r
        .paragraphs
        .iter()
        .any(|p| p.text.contains("temporary obstacles may arise")));
    let markers: Vec<&str> = r.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["1", "2"]);
    for f in &r.footnotes {
        let a = f.anchors[0];
        assert_eq!(&SEED[a..a + f.marker.len()], f.marker);
    }
    assert_eq!(r.classification.as_deref(), Some("Secret"));
    assert_eq!(r.handling, ["Sensitive", "Exclusively Eyes Only"]);
    assert_eq!(r.precedence.as_deref(), Some("Flash"));
    let quoted: Vec<bool> = r.paragraphs.iter().map(|p| p.quoted).collect();
    // 1. Please…, 2. Begin text: Dear…, six quoted paragraphs, 3. Warm regards.
    assert_eq!(
        quoted,
        [false, true, true, true, true, true, true, true, false]
    );
    assert!(r.paragraphs[1]
        .text
        .starts_with("Begin text: Dear Mr. General-Secretary"));
    assert!(r.paragraphs[7].text.ends_with("End text."));
    assert_eq!(r.paragraphs[0].number.as_deref(), Some("1"));
    assert!(r.paragraphs[0]
        .text
        .starts_with("Please get immediate approval"));
    assert!(
        r.paragraphs[0].text.ends_with("my mission."),
        "mark removed"
    );
    assert_eq!(r.paragraphs[4].page, None);
    assert_eq!(r.paragraphs[5].page.as_deref(), Some("219"));
    assert_eq!(r.signatures, ["GRF"]);
    assert!(r
        .references
        .iter()
        .any(|x| x.kind == "cable" && x.series.as_deref() == Some("Hakto") && x.number == "7"));
    assert!(r
        .source_note
        .as_deref()
        .is_some_and(|s| s.starts_with("Source: Ford Library") && s.ends_with("Flash.")));
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn routing_table() {
    let cases: &[(&str, Option<(Option<&str>, &str)>, Option<&str>)] = &[
        (
            "Hakto 1. 1. Please get",
            Some((Some("Hakto"), "1")),
            Some("1"),
        ),
        ("1289. 1. Unless", Some((None, "1289")), Some("1")),
        ("1038. My number 1010, …", Some((None, "1038")), None),
        ("1. Please get", None, Some("1")),
        ("Dulte 4. Eyes only", Some((Some("Dulte"), "4")), None),
        ("SECTO 12. Text", Some((Some("Secto"), "12")), None),
        ("Today 12. Text", None, None),
        // The shortest series word, at the end of the text; a word too
        // short; a number in other digits (no routing: not read as a u32).
        ("HAKTO 7.", Some((Some("Hakto"), "7")), None),
        ("Hak 7. Text", None, None),
        ("١٠٣٨. Text", None, None),
    ];
    for (text, want, para) in cases {
        let got = routing(text, 0);
        let got_pair = got
            .as_ref()
            .map(|(r, _)| (r.series.as_deref(), r.number.as_str()));
        assert_eq!(got_pair, *want, "{text}");
        let rest = got.map_or(*text, |(_, len)| text[len..].trim_start());
        assert_eq!(para_number(rest).0.as_deref(), *para, "{text}");
    }
}

#[test]
fn clean_joins_split_word() {
    let src = "ob[Page 219]stacles";
    let cuts = [Span::new(2, 12)];
    assert_eq!(clean(src, Span::new(0, src.len()), &cuts), "obstacles");
}

#[test]
fn old_despatch() {
    let src = "No. 175.\n\n[Translation.]\n\nMr. Gerolt to Mr. Fish.\n\nSir: I have the honor.\n\nI am, &c.,\n\nFR. V. GEROLT.";
    let r = parse(src, "x.txt");
    assert_eq!(r.title.as_deref(), Some("Mr. Gerolt to Mr. Fish."));
    assert_eq!(r.source_note.as_deref(), Some("No. 175."));
    assert_eq!(r.from.as_deref(), Some("Mr. Gerolt"));
    assert_eq!(r.to.as_deref(), Some("Mr. Fish"));
    assert_eq!(r.signatures, ["FR. V. GEROLT."]);
}

#[test]
fn file_line_and_volume_wide_marks() {
    let src = "893.24/1340: Telegram\n\nThe Ambassador in China (Gauss) to the Secretary of State\n\n464. For the President.53 More text.54\n\nGauss\n  1. Note one.\n  2. Note two.";
    let r = parse(src, "x.txt");
    assert_eq!(r.file_number.as_deref(), Some("893.24/1340"));
    assert_eq!(r.doc_type.as_deref(), Some("Telegram"));
    assert_eq!(r.source_note.as_deref(), Some("893.24/1340: Telegram"));
    let markers: Vec<&str> = r.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["53", "54"]);
    assert_eq!(r.routing.as_ref().map(|x| x.number.as_str()), Some("464"));
    assert_eq!(r.signatures, ["Gauss"]);
    assert_eq!(r.paragraphs[0].text, "For the President. More text.");
}

#[test]
fn total_on_odd_text() {
    for src in [
        "",
        " ",
        "\n\n\n",
        "[Page",
        "[Page 1",
        "1.",
        "  1. x",
        "é[Page 2]é",
        "\r\n\r\n1. a\r\n",
        "[Page [3]]",
        "0\n  1. a",
    ] {
        let r = parse(src, "x");
        for f in &r.footnotes {
            for &a in &f.anchors {
                assert!(src.is_char_boundary(a), "{src:?}");
            }
        }
    }
}
