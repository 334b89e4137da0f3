//! Property tests of the text parser (issue 5): no panic on any text;
//! every span inside the input and on a character boundary; footnote
//! anchors on their marks; parsing deterministic; the accounting of bytes
//! a partition of the input.

use cables::account::{account, check_spans};
use cables::parse::parse;
use proptest::prelude::*;

/// Fragments of FRUS page text, to build inputs the parser takes seriously.
const FRAGMENTS: &[&str] = &[
    "[Page ",
    "[Page 12]",
    "[Page xii]",
    "]",
    "[",
    "12",
    "3",
    "0",
    "a",
    "*",
    "  1. ",
    "  2. ",
    "1. ",
    "67. ",
    "Source:",
    "Source: Department of State, Central Files. Secret; Flash.",
    "↩",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "\t",
    "é",
    "—",
    "𝄞",
    "\u{FEFF}",
    "\u{0}",
    "Telegram From the Embassy in Moscow to the Department of State",
    "Memorandum of Conversation",
    "Washington, December 16, 1958, 11 p.m.",
    "Hakto 1. ",
    "Begin text: ",
    "End text.",
    "Begin quote. ",
    "End quote.",
    "SUBJECT:",
    "PARTICIPANTS:",
    "Kissinger",
    "Secret",
    "Niact Immediate",
    "[Extract.]",
    "No. 175.",
    "893.24/1340: Telegram",
    "See Document 108.",
    "footnote 5, Document 112",
];

/// Lines the splitter reads as boundaries or refuses as such (issue 8):
/// heads, labels, closings, captions, sections, marks, reprints.
const SPLIT_FRAGMENTS: &[&str] = &[
    "Mr. Seward to Mr. Adams.",
    "Mr. Nelson to Mr. Tocornal.",
    "Commander Smith to commanding officer Gulf squadron.",
    "Mr. D. H. Miller to Colonel E. M. House1",
    "The Technical Adviser to Colonel E. M. House49",
    "No. 76.\n",
    "No. 61.]",
    "A.",
    "C.\n",
    "[Untitled]",
    "[Translation.]",
    "[Inclosure 1 in No. 447.]",
    "THOMAS H. NELSON.",
    "WM. W. McKEAN, Captain.",
    "Hon. William H. Seward, Secretary of State.",
    "Hon. William H. Seward,\n",
    "Land courts.",
    "I.",
    "II.",
    "XIV.",
    "Sir: I have the honor to inclose a copy of the note, which the minister handed to me yesterday afternoon.",
    "Her Majesty’s government deeply lament the outbreak of hostilities in North America.",
    "Reply of the Queen to Mr. Schurz.",
    "Imperial edict of September 25, 1900.",
    "Extracts from the Affidavit of William J. Waitt.",
    "Memorandum of a conversation had by Mr. Arendt on March 3, 1882.",
    "Hay.",
    "Is the Federal Government prepared to charge its representatives?",
    "Text about Poland.32",
    "  1. Not printed.",
    "[Page 170]",
    "Washington, August 27, 1917.",
    "\n",
    "\n\n",
    "é",
    "’",
];

/// Text built of whole lines of [`SPLIT_FRAGMENTS`] and of FRUS-like text.
fn split_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(SPLIT_FRAGMENTS).prop_map(|f| format!("{f}\n\n")),
            1 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<String>(),
        ],
        0..80,
    )
    .prop_map(|v| v.concat())
}

fn frus_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.concat())
}

fn mixed() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => frus_like(),
        1 => any::<String>(),
        1 => prop::collection::vec(prop_oneof![prop::sample::select(FRAGMENTS).prop_map(str::to_string), any::<String>()], 0..30)
            .prop_map(|v| v.concat()),
    ]
}

fn check(src: &str) -> Result<(), TestCaseError> {
    let rec = parse(src, "p.txt");
    if let Err(e) = check_spans(&rec, src) {
        return Err(TestCaseError::fail(format!("{e}\ninput: {src:?}")));
    }
    let again = parse(src, "p.txt");
    prop_assert_eq!(&rec, &again, "not deterministic on {:?}", src);
    let acc = account(&rec, src);
    prop_assert_eq!(acc.rebuild(src), src);
    let mut at = 0;
    for p in &acc.pieces {
        prop_assert_eq!(p.span.start, at);
        prop_assert!(p.span.end > p.span.start);
        at = p.span.end;
    }
    prop_assert_eq!(at, src.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10000, ..ProptestConfig::default() })]

    #[test]
    fn spans_anchors_determinism(src in mixed()) {
        check(&src)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The splitter (`--split`) on any text: no panic; parts in order, not
    /// overlapping, inside the input and on character boundaries, the same
    /// on a second run; every record's spans inside its part's text.
    #[test]
    fn split_parts_in_order(src in prop_oneof![3 => split_like(), 1 => mixed()]) {
        let s = cables::split::split(&src);
        prop_assert!(!s.parts.is_empty());
        let mut at = 0;
        for p in &s.parts {
            prop_assert!(p.span.start >= at && p.span.start <= p.span.end && p.span.end <= src.len(), "{:?} in {:?}", p.span, src);
            prop_assert!(src.is_char_boundary(p.span.start) && src.is_char_boundary(p.span.end));
            at = p.span.end;
        }
        for d in &s.doubts {
            prop_assert!(d.offset <= src.len() && src.is_char_boundary(d.offset));
        }
        prop_assert_eq!(&s, &cables::split::split(&src));
        for r in cables::split::records(&src, "vol.txt") {
            if let Err(e) = check_spans(&r, &src) {
                return Err(TestCaseError::fail(format!("{e}\ninput: {src:?}")));
            }
        }
    }
}

/// Overlapping claims (two parts of the record on the same bytes) are not
/// a panic, but they are parser gaps: this counts them on FRUS-like text and
/// fails when any exist, with a minimal input from proptest's shrinking.
#[test]
fn record_parts_do_not_overlap() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 2000,
        ..ProptestConfig::default()
    });
    let result = runner.run(&frus_like(), |src| {
        let rec = parse(&src, "p.txt");
        let acc = account(&rec, &src);
        prop_assert!(acc.conflicts.is_empty(), "{:?} on {:?}", acc.conflicts, src);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
