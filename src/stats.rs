//! What is in a folder: counts over records (`cables stats`).
//!
//! An [`Aggregator`] takes records one at a time and keeps only counters
//! and a small key per record (volume, number, routing tag, path, title)
//! so that citations can be resolved at the end; records themselves are
//! not kept. [`of_folder`] feeds it from [`crate::index::index`],
//! [`of_index`] from an existing index (NDJSON read line by line, or a
//! JSON array read element by element).
//!
//! Definitions (also in README.md, "cables stats"):
//! - *files*: distinct paths before any `#` (a TEI volume is one file).
//! - *pages*: distinct page markers, counted per volume (page 219 of two
//!   volumes is two pages); *first* / *last* are the first marker of the
//!   first record that has one and the last marker of the last such record,
//!   in input order.
//! - *dates*: the earliest and latest of every record's `date_min`,
//!   `date_max` and dateline date (ISO 8601 strings, partial dates allowed);
//!   *dated* counts records with at least one. Page copies from
//!   history.state.gov show no dateline, so text records are mostly undated.
//! - *decade*: from the record's first date (`date_min`, else the dateline
//!   date, else `date_max`); "unknown" when it has none.
//! - *volume*: the record's `volume`, else the FRUS volume id found in its
//!   path (a folder or file name such as `frus1958-60v08` or
//!   `frus1969-76v16-d67.txt`); "(none)" otherwise.
//! - a missing value of any other field counts as "(none)".
//! - *most cited*: references of kind "document" or "footnote" resolve to
//!   the record of the same volume whose `number` matches; kind "cable" to
//!   the record of the same volume whose routing series (case-insensitive)
//!   and number match. A citation counts once per citing document, never
//!   for the document itself, and only when exactly one record matches.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{self, BufRead, Write};
use std::path::Path;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserializer, Serialize};

use crate::index::{self, Options, Summary};
use crate::record::Record;

/// Label of a missing value.
pub const NONE: &str = "(none)";
/// Label of the decade of a record without a date.
pub const UNKNOWN_DECADE: &str = "unknown";
/// How many most-cited documents are listed.
pub const TOP: usize = 10;

/// Everything `cables stats` reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Records.
    pub documents: usize,
    /// Distinct files (paths before any `#`).
    pub files: usize,
    /// Page markers.
    pub pages: Pages,
    /// Date span.
    pub dates: Dates,
    /// Records per document type.
    pub doc_type: Vec<Count>,
    /// Records per routing series; "(number only)" for a telegram number
    /// without a series.
    pub routing_series: Vec<Count>,
    /// Records per classification.
    pub classification: Vec<Count>,
    /// Records carrying each handling caveat (a record may carry several;
    /// "(none)" counts records with none).
    pub handling: Vec<Count>,
    /// Records per precedence.
    pub precedence: Vec<Count>,
    /// Records per decade ("1950s"), "unknown" when undated.
    pub decade: Vec<Count>,
    /// Records per volume.
    pub volume: Vec<Count>,
    /// Footnotes per record.
    pub footnotes: PerDocument,
    /// References per record.
    pub references: PerDocument,
    /// Resolution of document, footnote and cable references.
    pub citations: Citations,
    /// The most-cited records of the folder (at most [`TOP`]).
    pub most_cited: Vec<Cited>,
}

/// Distinct page markers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pages {
    /// Distinct (volume, page) pairs.
    pub distinct: usize,
    /// The first page marker seen.
    pub first: Option<PageAt>,
    /// The last page marker seen.
    pub last: Option<PageAt>,
}

/// A page of a volume.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageAt {
    /// The volume (see the module docs), or null.
    pub volume: Option<String>,
    /// The page as printed.
    pub page: String,
}

/// The span of dates the records state.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Dates {
    /// Records with at least one date.
    pub dated: usize,
    /// Records without any.
    pub undated: usize,
    /// Earliest date (ISO 8601, partial allowed).
    pub first: Option<String>,
    /// Latest date.
    pub last: Option<String>,
}

/// How many records have a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The value ("Telegram", "(none)").
    pub name: String,
    /// Records with it.
    pub documents: usize,
}

/// A per-record quantity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PerDocument {
    /// Sum over records.
    pub total: usize,
    /// Mean per record (0 when there are no records).
    pub mean: f64,
    /// Largest value in one record.
    pub max: usize,
}

/// What document, footnote and cable references resolved to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Citations {
    /// References to exactly one other record of the folder.
    pub inside: usize,
    /// References to nothing in the folder.
    pub outside: usize,
    /// References that match several records (e.g. a "Hakto 1" of two trips).
    pub ambiguous: usize,
    /// References of a record to itself.
    pub to_itself: usize,
}

/// A cited record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cited {
    /// Its path.
    pub path: String,
    /// Its volume.
    pub volume: Option<String>,
    /// Its document number.
    pub number: Option<String>,
    /// Its routing tag ("Hakto 1").
    pub routing: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Documents of the folder that cite it.
    pub cited_by: usize,
}

/// The key of a record kept for resolving citations.
struct Target {
    path: String,
    volume: Option<String>,
    number: Option<String>,
    routing: Option<String>,
    title: Option<String>,
}

/// What a reference points at.
#[derive(PartialEq, Eq, Hash)]
enum Wanted {
    Document(Option<String>, String),
    Cable(Option<String>, String, String),
}

/// Counts records as they come.
#[derive(Default)]
pub struct Aggregator {
    documents: usize,
    files: HashSet<String>,
    pages: HashSet<(Option<String>, String)>,
    first_page: Option<PageAt>,
    last_page: Option<PageAt>,
    dated: usize,
    first_date: Option<String>,
    last_date: Option<String>,
    doc_type: BTreeMap<String, usize>,
    routing_series: BTreeMap<String, usize>,
    classification: BTreeMap<String, usize>,
    handling: BTreeMap<String, usize>,
    precedence: BTreeMap<String, usize>,
    decade: BTreeMap<String, usize>,
    volume: BTreeMap<String, usize>,
    footnotes: (usize, usize),
    references: (usize, usize),
    targets: Vec<Target>,
    wanted: Vec<(usize, Wanted)>,
    cable_keys: Vec<(usize, String, String)>,
}

fn bump(map: &mut BTreeMap<String, usize>, key: Option<&str>) {
    *map.entry(key.unwrap_or(NONE).to_string()).or_default() += 1;
}

impl Aggregator {
    /// An empty aggregator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Count one record.
    pub fn add(&mut self, r: &Record) {
        let idx = self.documents;
        self.documents += 1;
        let file = r.path.split('#').next().unwrap_or(&r.path);
        if !self.files.contains(file) {
            self.files.insert(file.to_string());
        }
        let volume = volume_of(r);
        for p in &r.pages {
            self.pages.insert((volume.clone(), p.clone()));
        }
        if let Some(p) = r.pages.first() {
            if self.first_page.is_none() {
                self.first_page = Some(PageAt {
                    volume: volume.clone(),
                    page: p.clone(),
                });
            }
        }
        if let Some(p) = r.pages.last() {
            self.last_page = Some(PageAt {
                volume: volume.clone(),
                page: p.clone(),
            });
        }
        let dl = r.dateline.as_ref().and_then(|d| d.date.as_deref());
        let dates: Vec<&str> = [r.date_min.as_deref(), dl, r.date_max.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !dates.is_empty() {
            self.dated += 1;
        }
        for d in &dates {
            if self.first_date.as_deref().is_none_or(|f| *d < f) {
                self.first_date = Some(d.to_string());
            }
            if self.last_date.as_deref().is_none_or(|l| *d > l) {
                self.last_date = Some(d.to_string());
            }
        }
        bump(
            &mut self.decade,
            Some(
                &dates
                    .first()
                    .and_then(|d| decade(d))
                    .unwrap_or_else(|| UNKNOWN_DECADE.into()),
            ),
        );
        bump(&mut self.doc_type, r.doc_type.as_deref());
        let series = r
            .routing
            .as_ref()
            .map(|ro| ro.series.as_deref().unwrap_or("(number only)"));
        bump(&mut self.routing_series, series);
        bump(&mut self.classification, r.classification.as_deref());
        if r.handling.is_empty() {
            bump(&mut self.handling, None);
        }
        let mut seen = HashSet::new();
        for h in &r.handling {
            if seen.insert(h) {
                bump(&mut self.handling, Some(h));
            }
        }
        bump(&mut self.precedence, r.precedence.as_deref());
        bump(&mut self.volume, volume.as_deref());
        self.footnotes.0 += r.footnotes.len();
        self.footnotes.1 = self.footnotes.1.max(r.footnotes.len());
        self.references.0 += r.references.len();
        self.references.1 = self.references.1.max(r.references.len());
        for re in &r.references {
            let w = match re.kind.as_str() {
                "document" => Wanted::Document(volume.clone(), re.number.clone()),
                "footnote" => match &re.document {
                    Some(d) => Wanted::Document(volume.clone(), d.clone()),
                    None => continue,
                },
                "cable" => match &re.series {
                    Some(s) => Wanted::Cable(volume.clone(), s.to_lowercase(), re.number.clone()),
                    None => continue,
                },
                _ => continue,
            };
            self.wanted.push((idx, w));
        }
        self.targets.push(Target {
            path: r.path.clone(),
            volume,
            number: r.number.clone(),
            routing: r.routing.as_ref().map(|ro| match &ro.series {
                Some(s) => format!("{s} {}", ro.number),
                None => ro.number.clone(),
            }),
            title: r.title.clone(),
        });
        if let Some(ro) = &r.routing {
            if let Some(s) = &ro.series {
                self.cable_keys
                    .push((idx, s.to_lowercase(), ro.number.clone()));
            }
        }
    }

    /// The counts.
    pub fn finish(self) -> Stats {
        let n = self.documents;
        let per = |(total, max): (usize, usize)| PerDocument {
            total,
            max,
            mean: if n == 0 { 0.0 } else { total as f64 / n as f64 },
        };
        let mut by_key: HashMap<Wanted, Vec<usize>> = HashMap::new();
        for (i, t) in self.targets.iter().enumerate() {
            if let Some(num) = &t.number {
                by_key
                    .entry(Wanted::Document(t.volume.clone(), num.clone()))
                    .or_default()
                    .push(i);
            }
        }
        for (i, s, num) in &self.cable_keys {
            by_key
                .entry(Wanted::Cable(
                    self.targets[*i].volume.clone(),
                    s.clone(),
                    num.clone(),
                ))
                .or_default()
                .push(*i);
        }
        let mut citations = Citations::default();
        let mut pairs: HashSet<(usize, usize)> = HashSet::new();
        for (from, w) in &self.wanted {
            match by_key.get(w).map(Vec::as_slice) {
                None | Some([]) => citations.outside += 1,
                Some([to]) if to == from => citations.to_itself += 1,
                Some([to]) => {
                    citations.inside += 1;
                    pairs.insert((*from, *to));
                }
                Some(_) => citations.ambiguous += 1,
            }
        }
        let mut cited_by: HashMap<usize, usize> = HashMap::new();
        for (_, to) in pairs {
            *cited_by.entry(to).or_default() += 1;
        }
        let mut top: Vec<(usize, usize)> = cited_by.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(TOP);
        let most_cited = top
            .into_iter()
            .map(|(i, c)| {
                let t = &self.targets[i];
                Cited {
                    path: t.path.clone(),
                    volume: t.volume.clone(),
                    number: t.number.clone(),
                    routing: t.routing.clone(),
                    title: t.title.clone(),
                    cited_by: c,
                }
            })
            .collect();
        Stats {
            documents: n,
            files: self.files.len(),
            pages: Pages {
                distinct: self.pages.len(),
                first: self.first_page,
                last: self.last_page,
            },
            dates: Dates {
                dated: self.dated,
                undated: n - self.dated,
                first: self.first_date,
                last: self.last_date,
            },
            doc_type: sorted(self.doc_type),
            routing_series: sorted(self.routing_series),
            classification: sorted(self.classification),
            handling: sorted(self.handling),
            precedence: sorted(self.precedence),
            decade: by_name(self.decade),
            volume: by_name(self.volume),
            footnotes: per(self.footnotes),
            references: per(self.references),
            citations,
            most_cited,
        }
    }
}

/// Most frequent first, then by name; "(none)" last.
fn sorted(map: BTreeMap<String, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(name, documents)| Count { name, documents })
        .collect();
    v.sort_by(|a, b| {
        (a.name == NONE)
            .cmp(&(b.name == NONE))
            .then(b.documents.cmp(&a.documents))
            .then(a.name.cmp(&b.name))
    });
    v
}

/// In name order (decades, volumes), with "unknown" and "(none)" last.
fn by_name(map: BTreeMap<String, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(name, documents)| Count { name, documents })
        .collect();
    v.sort_by(|a, b| {
        let last = |c: &Count| c.name == NONE || c.name == UNKNOWN_DECADE;
        last(a).cmp(&last(b)).then(a.name.cmp(&b.name))
    });
    v
}

/// Aggregate records.
pub fn aggregate<'a, I: IntoIterator<Item = &'a Record>>(records: I) -> Stats {
    let mut agg = Aggregator::new();
    for r in records {
        agg.add(r);
    }
    agg.finish()
}

/// "1950s" for a date beginning with a year 1950–1959.
pub fn decade(date: &str) -> Option<String> {
    let y = date.get(..4)?;
    if !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}0s", &y[..3]))
}

/// The FRUS volume of a record: its `volume`, else a volume id in its path.
pub fn volume_of(r: &Record) -> Option<String> {
    if let Some(v) = &r.volume {
        return Some(v.clone());
    }
    let file = r.path.split('#').next().unwrap_or(&r.path);
    file.split(['/', '\\']).find_map(volume_id)
}

/// `frus1958-60v08` from `frus1958-60v08`, `frus1969-76v16-d67.txt` or
/// `frus1936v03.xml`; None for a name that is no volume id.
pub fn volume_id(name: &str) -> Option<String> {
    let rest = name.strip_prefix("frus")?;
    if !rest.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let stem = match name.rfind('.') {
        Some(dot) if dot > 4 => &name[..dot],
        _ => name,
    };
    // A document file named after its volume: "<volume>-d67".
    let stem = match stem.rfind("-d") {
        Some(i)
            if i > 4
                && stem[i + 2..]
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit()) =>
        {
            &stem[..i]
        }
        _ => stem,
    };
    Some(stem.to_string())
}

/// Index `root` and count its records without keeping them.
pub fn of_folder<W: FnMut(&str)>(
    root: &Path,
    opts: &Options,
    warn: W,
) -> Result<(Stats, Summary), index::Error> {
    let mut agg = Aggregator::new();
    let summary = index::index(
        root,
        opts,
        |r| {
            agg.add(r);
            Ok(())
        },
        warn,
    )?;
    Ok((agg.finish(), summary))
}

/// A problem reading an index file.
#[derive(Debug)]
pub enum ReadError {
    /// The input cannot be read.
    Io(io::Error),
    /// A line (1-based) or element is not a record.
    Record {
        /// Line of the input where the error is.
        line: usize,
        /// What serde said.
        message: String,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Record { line, message } => {
                write!(f, "line {line}: not a cables record: {message}")
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Count the records of an index written by `cables index`: NDJSON (or
/// the indented objects of `--pretty`), read record by record, or one JSON
/// array, read element by element. Neither keeps the records.
pub fn of_index<R: BufRead>(mut input: R) -> Result<Stats, ReadError> {
    let mut agg = Aggregator::new();
    let first = loop {
        let buf = input.fill_buf().map_err(ReadError::Io)?;
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let b = buf[i];
                input.consume(i);
                break Some(b);
            }
            None if buf.is_empty() => break None,
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    };
    match first {
        None => {}
        Some(b'[') => {
            let mut de = serde_json::Deserializer::from_reader(input);
            (&mut de)
                .deserialize_seq(SeqOfRecords(&mut agg))
                .and_then(|()| de.end())
                .map_err(|e| ReadError::Record {
                    line: e.line(),
                    message: e.to_string(),
                })?;
        }
        Some(_) => {
            // Record by record: NDJSON, and also the multi-line objects of
            // `cables index --pretty`.
            for r in serde_json::Deserializer::from_reader(input).into_iter::<Record>() {
                let r = r.map_err(|e| match e.classify() {
                    serde_json::error::Category::Io => ReadError::Io(e.into()),
                    _ => ReadError::Record {
                        line: e.line(),
                        message: e.to_string(),
                    },
                })?;
                agg.add(&r);
            }
        }
    }
    Ok(agg.finish())
}

/// Feeds each element of a JSON array to the aggregator.
struct SeqOfRecords<'a>(&'a mut Aggregator);

impl<'de> Visitor<'de> for SeqOfRecords<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(r) = seq.next_element::<Record>()? {
            self.0.add(&r);
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for SeqOfRecords<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// Width of the longest bar.
const BAR: usize = 24;
/// Longest name shown in a table before it is cut with "…".
const NAME: usize = 34;

/// Write `stats` as a table for a terminal: a summary, then one section per
/// count with aligned columns and a bar of █ scaled to the section's
/// largest count.
pub fn render_table<W: Write>(stats: &Stats, out: &mut W) -> io::Result<()> {
    let s = stats;
    let page = |p: &Option<PageAt>| match p {
        Some(PageAt {
            volume: Some(v),
            page,
        }) => format!("{v} p. {page}"),
        Some(PageAt { volume: None, page }) => format!("p. {page}"),
        None => "-".into(),
    };
    writeln!(out, "{:<12}{}", "documents", s.documents)?;
    writeln!(out, "{:<12}{}", "files", s.files)?;
    if s.pages.distinct == 0 {
        writeln!(out, "{:<12}0 (no page markers)", "pages")?;
    } else {
        writeln!(
            out,
            "{:<12}{} distinct, first {}, last {}",
            "pages",
            s.pages.distinct,
            page(&s.pages.first),
            page(&s.pages.last)
        )?;
    }
    match (&s.dates.first, &s.dates.last) {
        (Some(a), Some(b)) => writeln!(
            out,
            "{:<12}{a} to {b} ({} dated, {} undated)",
            "dates", s.dates.dated, s.dates.undated
        )?,
        _ => writeln!(
            out,
            "{:<12}none stated ({} undated)",
            "dates", s.dates.undated
        )?,
    }
    writeln!(
        out,
        "{:<12}{} ({:.1} per document, at most {})",
        "footnotes", s.footnotes.total, s.footnotes.mean, s.footnotes.max
    )?;
    writeln!(
        out,
        "{:<12}{} ({:.1} per document, at most {})",
        "references", s.references.total, s.references.mean, s.references.max
    )?;
    let c = &s.citations;
    writeln!(
        out,
        "{:<12}{} inside the folder, {} outside, {} ambiguous, {} to itself",
        "citations", c.inside, c.outside, c.ambiguous, c.to_itself
    )?;
    let sections: [(&str, &[Count]); 7] = [
        ("document type", &s.doc_type),
        ("routing series", &s.routing_series),
        ("classification", &s.classification),
        ("handling", &s.handling),
        ("precedence", &s.precedence),
        ("decade", &s.decade),
        ("volume", &s.volume),
    ];
    let width = sections
        .iter()
        .flat_map(|(_, v)| v.iter())
        .map(|c| c.name.chars().count().min(NAME))
        .max()
        .unwrap_or(0);
    let num = sections
        .iter()
        .flat_map(|(_, v)| v.iter())
        .map(|c| c.documents.to_string().len())
        .max()
        .unwrap_or(1);
    for (title, counts) in sections {
        writeln!(out)?;
        writeln!(out, "{title}")?;
        let max = counts.iter().map(|c| c.documents).max().unwrap_or(0);
        for c in counts {
            writeln!(
                out,
                "  {:<width$}  {:>num$}  {}",
                cut(&c.name, NAME),
                c.documents,
                bar(c.documents, max)
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "most cited inside the folder")?;
    if s.most_cited.is_empty() {
        writeln!(out, "  (no document cites another of the folder)")?;
    }
    let max = s.most_cited.iter().map(|c| c.cited_by).max().unwrap_or(0);
    let pw = s
        .most_cited
        .iter()
        .map(|c| c.path.chars().count())
        .max()
        .unwrap_or(0);
    for c in &s.most_cited {
        let what = match (&c.routing, &c.title) {
            (Some(ro), Some(t)) if c.number.is_none() => format!("{ro}: {t}"),
            (_, Some(t)) => t.clone(),
            (Some(ro), None) => ro.clone(),
            (None, None) => String::new(),
        };
        writeln!(
            out,
            "  {:<pw$}  {:>num$}  {:<BAR$}  {}",
            c.path,
            c.cited_by,
            bar(c.cited_by, max),
            cut(&what, 60)
        )?;
    }
    Ok(())
}

fn bar(n: usize, max: usize) -> String {
    if max == 0 || n == 0 {
        return String::new();
    }
    let len = (n * BAR).div_ceil(max).max(1);
    "█".repeat(len)
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Reference, Routing};

    macro_rules! cases {
        ($f:expr, $( $input:expr => $want:expr ),* $(,)?) => {
            $( assert_eq!($f($input), $want.map(String::from), "input {:?}", $input); )*
        };
    }

    #[test]
    fn decades() {
        cases!(decade,
            "1958-12-16" => Some("1950s"),
            "1900" => Some("1900s"),
            "1969-07" => Some("1960s"),
            "19" => None::<&str>,
            "c. 1900" => None::<&str>,
            "" => None::<&str>,
        );
    }

    #[test]
    fn volume_ids() {
        cases!(volume_id,
            "frus1958-60v08" => Some("frus1958-60v08"),
            "frus1969-76v16-d67.txt" => Some("frus1969-76v16"),
            "frus1936v03.xml" => Some("frus1936v03"),
            "frus1942China" => Some("frus1942China"),
            "d67.txt" => None::<&str>,
            "frustration" => None::<&str>,
            "frus" => None::<&str>,
        );
    }

    fn rec(path: &str, number: Option<&str>) -> Record {
        Record {
            path: path.into(),
            number: number.map(String::from),
            ..Record::default()
        }
    }

    fn cite(kind: &str, series: Option<&str>, number: &str, document: Option<&str>) -> Reference {
        Reference {
            kind: kind.into(),
            text: String::new(),
            series: series.map(String::from),
            number: number.into(),
            document: document.map(String::from),
            place: None,
            in_footnote: true,
            offset: 0,
        }
    }

    #[test]
    fn citations_resolve_within_a_volume_only() {
        let a = rec("frus1958-60v08/d70.txt", Some("70"));
        let mut b = rec("frus1958-60v08/d72.txt", Some("72"));
        b.references = vec![
            cite("document", None, "70", None),
            cite("footnote", None, "4", Some("70")),
            cite("document", None, "99", None),
            cite("document", None, "72", None),
        ];
        let mut c = rec("frus1969-76v12/d10.txt", Some("10"));
        // Document 72 of another volume is not b.
        c.references = vec![cite("document", None, "72", None)];
        let s = aggregate([&a, &b, &c]);
        assert_eq!(
            s.citations,
            Citations {
                inside: 2,
                outside: 2,
                ambiguous: 0,
                to_itself: 1
            }
        );
        assert_eq!(s.most_cited.len(), 1);
        assert_eq!(s.most_cited[0].path, "frus1958-60v08/d70.txt");
        // Two references of one document count once.
        assert_eq!(s.most_cited[0].cited_by, 1);
    }

    #[test]
    fn cables_resolve_by_series_and_number() {
        let mut a = rec("v/frus1974v16/d1.txt", None);
        a.routing = Some(Routing {
            series: Some("Hakto".into()),
            number: "7".into(),
            text: "Hakto 7.".into(),
            offset: 0,
        });
        let mut b = rec("v/frus1974v16/d2.txt", None);
        b.references = vec![
            cite("cable", Some("HAKTO"), "7", None),
            cite("cable", Some("Tohak"), "7", None),
        ];
        let mut c = rec("v/frus1974v16/d3.txt", None);
        c.routing = Some(Routing {
            series: Some("Hakto".into()),
            number: "7".into(),
            text: "Hakto 7.".into(),
            offset: 0,
        });
        let s = aggregate([&a, &b]);
        assert_eq!(
            s.citations,
            Citations {
                inside: 1,
                outside: 1,
                ambiguous: 0,
                to_itself: 0
            }
        );
        assert_eq!(s.most_cited[0].routing.as_deref(), Some("Hakto 7"));
        let s = aggregate([&a, &b, &c]);
        assert_eq!(s.citations.ambiguous, 1);
        assert!(s.most_cited.is_empty());
    }

    #[test]
    fn counts_files_pages_dates() {
        let mut a = rec("vol.xml#d1", None);
        a.volume = Some("frus1958-60v08".into());
        a.pages = vec!["219".into(), "220".into()];
        a.date_min = Some("1958-12-16".into());
        a.date_max = Some("1958-12-17".into());
        let mut b = rec("vol.xml#d2", None);
        b.volume = Some("frus1958-60v08".into());
        b.pages = vec!["220".into()];
        let mut c = rec("frus1969-76v12/d70.txt", None);
        c.pages = vec!["220".into()];
        let s = aggregate([&a, &b, &c]);
        assert_eq!(s.files, 2);
        assert_eq!(s.pages.distinct, 3);
        assert_eq!(
            s.pages.first,
            Some(PageAt {
                volume: Some("frus1958-60v08".into()),
                page: "219".into()
            })
        );
        assert_eq!(
            s.pages.last,
            Some(PageAt {
                volume: Some("frus1969-76v12".into()),
                page: "220".into()
            })
        );
        assert_eq!(
            s.dates,
            Dates {
                dated: 1,
                undated: 2,
                first: Some("1958-12-16".into()),
                last: Some("1958-12-17".into())
            }
        );
        assert_eq!(
            s.decade,
            vec![
                Count {
                    name: "1950s".into(),
                    documents: 1
                },
                Count {
                    name: "unknown".into(),
                    documents: 2
                }
            ]
        );
    }

    #[test]
    fn ndjson_and_array_read_alike() {
        let mut a = rec("a.txt", Some("1"));
        a.classification = Some("Secret".into());
        let b = rec("b.txt", Some("2"));
        let line = |r: &Record| serde_json::to_string(r).unwrap();
        let nd = format!("{}\n\n{}\n", line(&a), line(&b));
        let arr = format!("[\n{},\n{}\n]\n", line(&a), line(&b));
        let pretty = format!(
            "{}\n{}\n",
            serde_json::to_string_pretty(&a).unwrap(),
            serde_json::to_string_pretty(&b).unwrap()
        );
        let x = of_index(nd.as_bytes()).unwrap();
        let y = of_index(arr.as_bytes()).unwrap();
        assert_eq!(x, y);
        assert_eq!(of_index(pretty.as_bytes()).unwrap(), x);
        assert_eq!(x.documents, 2);
        assert_eq!(
            x.classification[0],
            Count {
                name: "Secret".into(),
                documents: 1
            }
        );
        assert_eq!(of_index(&b""[..]).unwrap().documents, 0);
        match of_index(&b"{\"path\": 1}\n"[..]) {
            Err(ReadError::Record { line: 1, .. }) => {}
            other => panic!("{other:?}"),
        }
        assert!(of_index(&b"[{\"path\": 1}]"[..]).is_err());
    }

    #[test]
    fn bars_scale_to_the_largest() {
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(10, 10).chars().count(), BAR);
        assert_eq!(bar(1, 1000).chars().count(), 1);
        assert_eq!(bar(5, 10).chars().count(), BAR / 2);
    }
}
