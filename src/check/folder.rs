//! Folder rules, on the per-document summaries of one folder: duplicate
//! numbers (VOL001), identical bodies (VOL002), numbering gaps (VOL004),
//! pages across documents (PG002), references that do not resolve (REF001,
//! REF002) and routing serials used twice (REF003).
//!
//! Each directory is its own folder (a volume): documents in `a/` and `b/`
//! are never compared. Each TEI volume file is a folder of its own: its
//! documents are compared with each other only.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::document::Summary;
use super::Raw;

/// A forward page jump between consecutive documents larger than this is
/// reported. A document with no page marker lies on one page, so in a
/// complete run the next document's first marker is at most a page or two
/// past the last one; plates and maps add a few.
pub const PAGE_JUMP: u32 = 10;

/// Run the folder rules; each finding comes with the index of the summary
/// whose file it is in.
pub fn check(docs: &[Summary]) -> Vec<(usize, Raw)> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        groups.entry(d.group()).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.values() {
        group(docs, members, &mut out);
    }
    out
}

fn group(docs: &[Summary], members: &[usize], out: &mut Vec<(usize, Raw)>) {
    // VOL001: the same number twice.
    let mut by_number: HashMap<String, usize> = HashMap::new();
    for &i in members {
        let Some(n) = &docs[i].number else { continue };
        let key = n.text.to_ascii_lowercase();
        match by_number.get(&key) {
            Some(&first) => out.push((
                i,
                Raw::new(
                    "VOL001",
                    docs[i].head.clone(),
                    format!(
                        "document number {} is also the number of {}",
                        n.text,
                        docs[first].label()
                    ),
                ),
            )),
            None => {
                by_number.insert(key, i);
            }
        }
    }
    // VOL004: gaps in the integer numbering.
    let values: BTreeSet<u32> = members
        .iter()
        .filter_map(|&i| docs[i].number.as_ref().map(|n| n.value))
        .collect();
    let mut first_with: HashMap<u32, usize> = HashMap::new();
    for &i in members {
        if let Some(n) = &docs[i].number {
            let e = first_with.entry(n.value).or_insert(i);
            if docs[i].number.as_ref().is_some_and(|n| {
                n.text.len() < docs[*e].number.as_ref().map_or(0, |m| m.text.len())
            }) {
                *e = i;
            }
        }
    }
    let vals: Vec<u32> = values.iter().copied().collect();
    for w in vals.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b > a + 1 {
            let missing = if b == a + 2 {
                format!("document {} is", a + 1)
            } else {
                format!("documents {}–{} are", a + 1, b - 1)
            };
            let i = first_with[&b];
            out.push((
                i,
                Raw::new(
                    "VOL004",
                    docs[i].head.clone(),
                    format!("{missing} missing from the folder (numbering jumps from {a} to {b})"),
                ),
            ));
        }
    }
    // PG002: pages across documents sorted by number. Unnumbered documents
    // ("unnumbered-5.txt", enclosures printed between numbered ones) cannot
    // be placed, so with any of them a jump is not reported; going
    // backwards still is.
    let unnumbered = members.iter().any(|&i| docs[i].number.is_none());
    let mut sorted: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| docs[i].number.is_some())
        .collect();
    sorted.sort_by_key(|&i| {
        docs[i]
            .number
            .as_ref()
            .map(|n| (n.value, n.text.len(), n.text.clone()))
    });
    let mut last: Option<(u32, usize)> = None; // last page, document index
    for &i in &sorted {
        let Some(((first, first_loc), (end, _))) = &docs[i].pages else {
            continue;
        };
        if let Some((prev_page, j)) = last {
            let (pn, n) = (num(&docs[j]), num(&docs[i]));
            let complete = (docs[j].number.as_ref().map_or(0, |x| x.value)
                ..=docs[i].number.as_ref().map_or(0, |x| x.value))
                .all(|v| values.contains(&v));
            if *first < prev_page {
                out.push((
                    i,
                    Raw::new("PG002", first_loc.clone(), format!("pages go backwards: document {n} starts at page {first} but document {pn} ends at page {prev_page}")),
                ));
            } else if *first > prev_page + PAGE_JUMP
                && complete
                && !unnumbered
                && docs[i].page_before.is_none_or(|b| *first > b + PAGE_JUMP)
            {
                out.push((
                    i,
                    Raw::new(
                        "PG002",
                        first_loc.clone(),
                        format!(
                            "pages jump from {prev_page} (document {pn}) to {first} (document {n})"
                        ),
                    ),
                ));
            }
        }
        last = Some((*end, i));
    }
    // REF003: a routing serial on two documents.
    let mut routing: HashMap<(String, String), usize> = HashMap::new();
    for &i in members {
        let Some((series, number, loc)) = &docs[i].routing else {
            continue;
        };
        let key = (series.to_ascii_lowercase(), number.clone());
        match routing.get(&key) {
            Some(&first) => out.push((
                i,
                Raw::new(
                    "REF003",
                    loc.clone(),
                    format!(
                        "routing serial {series} {number} is also on {}",
                        docs[first].label()
                    ),
                ),
            )),
            None => {
                routing.insert(key, i);
            }
        }
    }
    // REF001, REF002: references that do not resolve in the folder (the
    // volume, for the documents of a TEI volume).
    for &i in members {
        let scope = if docs[i].volume.is_some() {
            "volume"
        } else {
            "folder"
        };
        for r in &docs[i].refs {
            match &r.series {
                None => {
                    if !by_number.contains_key(&r.number.to_ascii_lowercase()) {
                        out.push((
                            i,
                            Raw::new(
                                "REF001",
                                r.loc.clone(),
                                format!("\"{}\": no document {} in the {scope}", r.text, r.number),
                            ),
                        ));
                    }
                }
                Some(series) => {
                    let key = (series.to_ascii_lowercase(), r.number.clone());
                    if !routing.contains_key(&key) {
                        out.push((
                            i,
                            Raw::new(
                                "REF002",
                                r.loc.clone(),
                                format!(
                                    "\"{}\": no document of the {scope} is {series} {}",
                                    r.text, r.number
                                ),
                            ),
                        ));
                    }
                }
            }
        }
    }
    // VOL002: identical bodies.
    let mut bodies: HashMap<u64, usize> = HashMap::new();
    for &i in members {
        let Some(h) = docs[i].body_hash else { continue };
        match bodies.get(&h) {
            Some(&first) => out.push((
                i,
                Raw::new(
                    "VOL002",
                    docs[i].head.clone(),
                    format!("same body text as {}", docs[first].label()),
                ),
            )),
            None => {
                bodies.insert(h, i);
            }
        }
    }
}

fn num(d: &Summary) -> String {
    d.number
        .as_ref()
        .map_or_else(|| d.label(), |n| n.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::document::{DocNumber, RefSummary};
    use crate::check::Loc;

    fn doc(rel: &str, n: Option<u32>, pages: Option<(u32, u32)>) -> Summary {
        Summary {
            shown: rel.to_string(),
            rel: rel.to_string(),
            number: n.map(|v| DocNumber {
                text: v.to_string(),
                value: v,
                from_head: true,
            }),
            head: Loc::start(),
            pages: pages.map(|(a, b)| ((a, Loc::start()), (b, Loc::start()))),
            ..Summary::default()
        }
    }

    fn rules(docs: &[Summary]) -> Vec<(&'static str, usize)> {
        check(docs).into_iter().map(|(i, r)| (r.rule, i)).collect()
    }

    #[test]
    fn folder_table() {
        type Case = (Vec<Summary>, Vec<(&'static str, usize)>);
        let cases: Vec<Case> = vec![
            (
                vec![doc("d1.txt", Some(1), None), doc("d2.txt", Some(2), None)],
                vec![],
            ),
            (
                vec![doc("a.txt", Some(1), None), doc("b.txt", Some(1), None)],
                vec![("VOL001", 1)],
            ),
            (
                vec![doc("d1.txt", Some(1), None), doc("d4.txt", Some(4), None)],
                vec![("VOL004", 1)],
            ),
            // Separate folders are separate volumes.
            (
                vec![
                    doc("a/d1.txt", Some(1), None),
                    doc("b/d1.txt", Some(1), None),
                ],
                vec![],
            ),
            (
                vec![
                    doc("d1.txt", Some(1), Some((10, 12))),
                    doc("d2.txt", Some(2), Some((13, 13))),
                ],
                vec![],
            ),
            (
                vec![
                    doc("d1.txt", Some(1), Some((10, 12))),
                    doc("d2.txt", Some(2), Some((9, 9))),
                ],
                vec![("PG002", 1)],
            ),
            (
                vec![
                    doc("d1.txt", Some(1), Some((10, 12))),
                    doc("d2.txt", Some(2), Some((40, 41))),
                ],
                vec![("PG002", 1)],
            ),
            // A jump across a gap in the numbering is explained by the gap.
            (
                vec![
                    doc("d1.txt", Some(1), Some((10, 12))),
                    doc("d5.txt", Some(5), Some((40, 41))),
                ],
                vec![("VOL004", 1)],
            ),
            // With an unnumbered document the jump cannot be judged.
            (
                vec![
                    doc("d1.txt", Some(1), Some((10, 12))),
                    doc("d2.txt", Some(2), Some((40, 41))),
                    doc("x.txt", None, None),
                ],
                vec![],
            ),
        ];
        for (docs, want) in cases {
            let names: Vec<&str> = docs.iter().map(|d| d.rel.as_str()).collect();
            assert_eq!(rules(&docs), want, "{names:?}");
        }
    }

    #[test]
    fn references_and_routing() {
        let mut a = doc("d1.txt", Some(1), None);
        a.routing = Some(("Hakto".into(), "1".into(), Loc::start()));
        a.refs = vec![
            RefSummary {
                series: None,
                number: "2".into(),
                text: "Document 2".into(),
                loc: Loc::start(),
            },
            RefSummary {
                series: None,
                number: "9".into(),
                text: "Document 9".into(),
                loc: Loc::start(),
            },
            RefSummary {
                series: Some("Hakto".into()),
                number: "1".into(),
                text: "Hakto 1".into(),
                loc: Loc::start(),
            },
            RefSummary {
                series: Some("Tohak".into()),
                number: "3".into(),
                text: "Tohak 3".into(),
                loc: Loc::start(),
            },
        ];
        let mut b = doc("d2.txt", Some(2), None);
        b.routing = Some(("Hakto".into(), "1".into(), Loc::start()));
        assert_eq!(
            rules(&[a, b]),
            vec![("REF003", 1), ("REF001", 0), ("REF002", 0)]
        );
    }
}
