use super::*;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus1999">
<teiHeader><fileDesc><publicationStmt><idno type="frus">frus1999v01</idno></publicationStmt></fileDesc></teiHeader>
<text><body><div type="chapter" xml:id="ch1">
"#;
const TAIL: &str = "\n</div></body></text></TEI>\n";

fn vol(docs: &str) -> String {
    format!("{HEAD}{docs}{TAIL}")
}

fn codes(r: &Record) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

const D1: &str = r##"<div type="document" xml:id="d1" n="1" frus:doc-dateTime-min="1958-12-16T23:00:00-05:00" frus:doc-dateTime-max="1958-12-16T23:59:59-05:00">
<head>1. Telegram From Secretary of State <persName type="from">Dulles</persName> to the <gloss type="to">Department of
 State</gloss><note n="0" xml:id="d1fn0" type="source">Source: Conference Files. Secret; Niact.</note></head>
<dateline><placeName>Paris</placeName>, <date when="1958-12-16T23:00:00">December 16, 1958, 11 p.m.</date></dateline>
<p>First para<note n="1" xml:id="d1fn1">See <ref target="#d7">Document 7</ref>.</note> ob<pb n="12" xml:id="pg_12"/>stacles &amp; more &#8212; end.</p>
<quote rend="blockquote"><p>Quoted.</p></quote>
<list type="participants"><head>PARTICIPANTS</head><item>The Secretary</item><item>Mr. Smith</item></list>
<closer><signed>Dulles<lb/>Secretary</signed></closer>
</div>"##;

#[test]
fn reads_the_fields_the_markup_gives() {
    let src = vol(D1);
    let recs = records(src.as_bytes(), "v.xml");
    assert_eq!(recs.len(), 1, "{recs:#?}");
    let r = &recs[0];
    assert_eq!(r.path, "v.xml#d1");
    assert_eq!(r.part, Some(1));
    assert_eq!(r.volume.as_deref(), Some("frus1999v01"));
    assert_eq!(r.number.as_deref(), Some("1"));
    assert_eq!(
        r.title.as_deref(),
        Some("Telegram From Secretary of State Dulles to the Department of State")
    );
    assert_eq!(r.doc_type.as_deref(), Some("Telegram"));
    assert_eq!(r.from.as_deref(), Some("Dulles"));
    assert_eq!(r.to.as_deref(), Some("Department of State"));
    assert_eq!(
        r.source_note.as_deref(),
        Some("Source: Conference Files. Secret; Niact.")
    );
    assert_eq!(r.classification.as_deref(), Some("Secret"));
    let d = r.dateline.as_ref().expect("dateline");
    assert_eq!(d.text, "Paris, December 16, 1958, 11 p.m.");
    assert_eq!(d.place.as_deref(), Some("Paris"));
    assert_eq!(d.date.as_deref(), Some("1958-12-16T23:00:00"));
    assert_eq!(d.time.as_deref(), Some("11 p.m."));
    assert_eq!(r.date_min.as_deref(), Some("1958-12-16T23:00:00-05:00"));
    assert_eq!(r.date_max.as_deref(), Some("1958-12-16T23:59:59-05:00"));
    assert_eq!(r.pages, vec!["12"]);
    assert_eq!(
        &src[r.page_markers[0].span.start..r.page_markers[0].span.end],
        r#"<pb n="12" xml:id="pg_12"/>"#
    );
    let texts: Vec<(&str, bool)> = r
        .paragraphs
        .iter()
        .map(|p| (p.text.as_str(), p.quoted))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("First para obstacles & more — end.", false),
            ("Quoted.", true)
        ]
    );
    assert_eq!(r.signatures, vec!["Dulles Secretary"]);
    let notes: Vec<(&str, Option<&str>, &str, bool)> = r
        .footnotes
        .iter()
        .map(|f| {
            (
                f.marker.as_str(),
                f.list_number.as_deref(),
                f.text.as_str(),
                f.source,
            )
        })
        .collect();
    assert_eq!(
        notes,
        vec![
            (
                "0",
                Some("1"),
                "Source: Conference Files. Secret; Niact.",
                true
            ),
            ("1", Some("2"), "See Document 7.", false)
        ]
    );
    assert_eq!(r.lists.len(), 1);
    assert_eq!(r.lists[0].head, "PARTICIPANTS");
    assert_eq!(r.lists[0].items, vec!["The Secretary", "Mr. Smith"]);
    assert_eq!(r.references.len(), 1);
    assert_eq!(
        (
            r.references[0].kind.as_str(),
            r.references[0].number.as_str(),
            r.references[0].in_footnote
        ),
        ("document", "7", true)
    );
    assert!(src[r.span.start..r.span.end].starts_with("<div type=\"document\" xml:id=\"d1\""));
    assert!(src[r.span.start..r.span.end].ends_with("</div>"));
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn inline_source_note_and_unnumbered_nested_document() {
    let src = vol(r#"<div type="document" xml:id="d3" n="[3]">
<note rend="inline" type="source">893.24/1340: Telegram</note>
<head>Mr. A to Mr. B.</head>
<p>Text.</p>
<frus:attachment><div type="document"><head>Convention.</head><p>Article I.</p></div></frus:attachment>
</div>"#);
    let recs = records(src.as_bytes(), "v.xml");
    let paths: Vec<&str> = recs.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, vec!["v.xml#d3", "v.xml#unnumbered-2"]);
    let (outer, inner) = (&recs[0], &recs[1]);
    assert_eq!(outer.number.as_deref(), Some("3"));
    assert_eq!(outer.source_note.as_deref(), Some("893.24/1340: Telegram"));
    assert_eq!(outer.file_number.as_deref(), Some("893.24/1340"));
    assert_eq!(outer.doc_type.as_deref(), Some("Telegram"));
    assert!(outer.footnotes.is_empty());
    assert_eq!(outer.title.as_deref(), Some("Mr. A to Mr. B."));
    assert_eq!(
        outer.paragraphs.len(),
        2,
        "the attachment's paragraph belongs to the outer document too"
    );
    assert_eq!(inner.title.as_deref(), Some("Convention."));
    assert_eq!(inner.number, None);
    assert_eq!(inner.part, Some(2));
}

#[test]
fn bom_does_not_shift_offsets() {
    let src = format!("\u{feff}{}", vol(D1));
    let recs = records(src.as_bytes(), "v.xml");
    let r = &recs[0];
    assert!(src[r.span.start..].starts_with("<div type=\"document\""));
}

#[test]
fn external_entity_is_not_fetched_nor_expanded() {
    let src = r#"<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div type="document" xml:id="d1" n="1"><head>Mr. A to Mr. B.</head><p>Leak: &xxe;</p></div>
</body></text></TEI>"#;
    let recs = records(src.as_bytes(), "x.xml");
    let doc = recs
        .iter()
        .find(|r| r.path == "x.xml#d1")
        .expect("document record");
    assert_eq!(doc.paragraphs[0].text, "Leak: &xxe;");
    assert!(codes(doc).contains(&"X002"), "{:?}", doc.diagnostics);
    let file = recs
        .iter()
        .find(|r| r.path == "x.xml")
        .expect("file record for the DOCTYPE");
    assert_eq!(codes(file), vec!["X003"]);
    assert_eq!(
        (file.diagnostics[0].line, file.diagnostics[0].column),
        (2, 1)
    );
}

#[test]
fn billion_laughs_is_not_expanded() {
    let mut dtd = String::from("<!DOCTYPE TEI [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push_str("]>\n");
    let src = format!(
        "<?xml version=\"1.0\"?>\n{dtd}<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div type=\"document\" xml:id=\"d1\" n=\"1\"><head>H</head><p>&lol9;</p></div></body></text></TEI>"
    );
    let recs = records(src.as_bytes(), "b.xml");
    let doc = recs
        .iter()
        .find(|r| r.path == "b.xml#d1")
        .expect("document record");
    assert_eq!(doc.paragraphs[0].text, "&lol9;");
    assert!(codes(doc).contains(&"X002"));
}

#[test]
fn truncated_volume_keeps_the_documents_before_the_break() {
    let full = vol(&format!("{D1}\n<div type=\"document\" xml:id=\"d2\" n=\"2\"><head>Mr. C to Mr. D.</head><p>Cut here"));
    let cut = full.find("Cut here").expect("marker") + 3;
    let src = &full[..cut];
    let recs = records(src.as_bytes(), "t.xml");
    let paths: Vec<&str> = recs.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, vec!["t.xml#d1", "t.xml#d2"]);
    assert!(recs[0].diagnostics.is_empty(), "{:?}", recs[0].diagnostics);
    assert_eq!(recs[0].signatures, vec!["Dulles Secretary"]);
    let d = recs[1]
        .diagnostics
        .iter()
        .find(|d| d.code == "X004")
        .expect("X004");
    assert_eq!(d.severity, Severity::Error);
    let last_line = src.lines().count();
    let last_col = src.lines().last().map_or(0, |l| l.chars().count()) + 1;
    assert_eq!((d.line, d.column), (last_line, last_col));
    assert_eq!(recs[1].title.as_deref(), Some("Mr. C to Mr. D."));
}

#[test]
fn mismatched_tags_are_located_and_stop_the_read() {
    let bad =
        "<div type=\"document\" xml:id=\"d2\" n=\"2\"><head>H</head>\n<p>one <hi>two</p></div>";
    let src = vol(&format!(
        "{D1}\n{bad}\n<div type=\"document\" xml:id=\"d3\" n=\"3\"><head>After</head></div>"
    ));
    let recs = records(src.as_bytes(), "m.xml");
    let paths: Vec<&str> = recs.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        vec!["m.xml#d1", "m.xml#d2"],
        "nothing after the error"
    );
    assert!(recs[0].diagnostics.is_empty());
    let d = recs[1]
        .diagnostics
        .iter()
        .find(|d| d.code == "X001")
        .expect("X001");
    let at = src.find("</p></div>").expect("bad end tag");
    let line = src[..at].matches('\n').count() + 1;
    let col = at - src[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    assert_eq!((d.line, d.column), (line, col), "{}", d.message);
}

#[test]
fn nesting_deeper_than_the_limit_stops() {
    let deep = format!(
        "{}x{}",
        "<hi>".repeat(MAX_DEPTH + 10),
        "</hi>".repeat(MAX_DEPTH + 10)
    );
    let src = vol(&format!(
        "<div type=\"document\" xml:id=\"d1\" n=\"1\"><head>H</head><p>{deep}</p></div>"
    ));
    let recs = records(src.as_bytes(), "n.xml");
    assert!(recs.iter().any(|r| codes(r).contains(&"X005")));
}

#[test]
fn garbage_and_empty_input_give_a_file_record() {
    for src in ["", "not xml at all", "<a><b></a>", "\u{0}\u{1}<<<&&&"] {
        let recs = records(src.as_bytes(), "g.xml");
        assert!(!recs.is_empty(), "{src:?}");
        assert!(recs
            .iter()
            .all(|r| r.diagnostics.iter().all(|d| d.line >= 1 && d.column >= 1)));
    }
    let recs = records(b"<TEI><text/></TEI>", "e.xml");
    assert_eq!(codes(&recs[0]), vec!["X006"]);
}

#[test]
fn invalid_utf8_is_replaced_and_said() {
    let mut bytes = vol(D1).into_bytes();
    let at = vol(D1).find("First para").expect("para");
    bytes[at] = 0xFF;
    let recs = records(&bytes, "u.xml");
    let all: Vec<&str> = recs.iter().flat_map(codes).collect();
    assert!(all.contains(&"E003"), "{all:?}");
    assert!(recs.iter().any(|r| r.path == "u.xml#d1"));
}

fn doc(id: &str, n: &str, inner: &str) -> String {
    format!(
        "<div type=\"document\" xml:id=\"{id}\" n=\"{n}\"><head>H</head><p>t{inner}</p></div>\n"
    )
}

#[test]
fn tei001_document_numbers_in_sequence() {
    let src = vol(&[
        doc("d1", "1", ""),
        doc("d2", "2", ""),
        doc("d2a", "2a", ""),
        doc("d4", "4", ""),
        doc("d5", "5", ""),
    ]
    .concat());
    let recs = records(src.as_bytes(), "s.xml");
    let flagged: Vec<&str> = recs
        .iter()
        .filter(|r| codes(r).contains(&"TEI001"))
        .map(|r| r.path.as_str())
        .collect();
    assert_eq!(flagged, vec!["s.xml#d4"]);
    let d = &recs[3].diagnostics[0];
    assert_eq!(
        d.line,
        src[..src.find("xml:id=\"d4\"").expect("d4")]
            .matches('\n')
            .count()
            + 1
    );
}

#[test]
fn tei002_note_ids() {
    let notes = [
        r#"<note n="1" xml:id="d1fn1">ok</note>"#,
        r#"<note n="2" xml:id="d1fn3">wrong number</note>"#,
        r#"<note n="*" xml:id="d1fn4">symbol</note>"#,
        r#"<note n="5" xml:id="d1fn5_1">suffix</note>"#,
        r#"<note n="6" xml:id="d1fn1">duplicate</note>"#,
        r#"<note n="7">no id</note>"#,
        r#"<note rend="inline" type="source">inline, not checked</note>"#,
    ]
    .concat();
    let src = vol(&doc("d1", "1", &notes));
    let recs = records(src.as_bytes(), "n.xml");
    let msgs: Vec<&str> = recs[0]
        .diagnostics
        .iter()
        .filter(|d| d.code == "TEI002")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(msgs[0].contains("d1fn3"));
    assert!(msgs[1].contains("used twice"));
    assert!(msgs[2].contains("no xml:id"));
}

#[test]
fn tei003_page_breaks_increase() {
    let src = vol(&[
        doc("d1", "1", r#"<pb n="10"/>"#),
        doc(
            "d2",
            "2",
            r#"<pb n="11"/><pb n="[12]"/><pb n="XII"/><pb n="9"/>"#,
        ),
    ]
    .concat());
    let recs = records(src.as_bytes(), "p.xml");
    assert!(!codes(&recs[0]).contains(&"TEI003"));
    let d: Vec<&str> = recs[1]
        .diagnostics
        .iter()
        .filter(|d| d.code == "TEI003")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(d, vec!["page break n=\"9\" after page 12"]);
    assert_eq!(recs[1].pages, vec!["11", "[12]", "XII", "9"]);
}

#[test]
fn time_of_table() {
    for (date, want) in [
        ("January 18, 1936—noon", Some("noon")),
        ("December 16, 1958, 11 p.m.", Some("11 p.m.")),
        ("April 24, 1861", None),
        ("undated", None),
    ] {
        assert_eq!(doc::time_of(date).as_deref(), want, "{date}");
    }
}

#[test]
fn empty_head_is_no_title() {
    let src = vol(r#"<div type="document"><head/><p>[Translation.]</p></div>"#);
    let recs = records(src.as_bytes(), "h.xml");
    assert_eq!(recs[0].path, "h.xml#unnumbered-1");
    assert_eq!(recs[0].title, None);
    assert!(recs[0].head_span.is_some());
}

#[test]
fn volume_id_from_the_tei_else_the_file_name_else_none() {
    let no_idno = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><div type="document" xml:id="d1" n="1"><head>H</head></div></text></TEI>"#;
    assert_eq!(
        records(no_idno.as_bytes(), "dir/frus1900.xml")[0]
            .volume
            .as_deref(),
        Some("frus1900")
    );
    let root_id = no_idno.replace("<TEI ", "<TEI xml:id=\"frus1901\" ");
    assert_eq!(
        records(root_id.as_bytes(), "dir/x.xml")[0]
            .volume
            .as_deref(),
        Some("frus1901")
    );
    // A fragment (one document, no TEI root) does not say its volume.
    let fragment = r#"<div type="document" xml:id="d113" n="113"><head>H</head></div>"#;
    let r = &records(fragment.as_bytes(), "d113.xml")[0];
    assert_eq!(
        (r.path.as_str(), r.volume.as_deref()),
        ("d113.xml#d113", None)
    );
}
