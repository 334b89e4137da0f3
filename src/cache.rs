//! The incremental-index cache: a sidecar file next to an NDJSON index that
//! says, for each file indexed, its size, modification time and content
//! hash, the parser version, and where its records are in the index.
//!
//! `cables index <dir> --out index.ndjson --incremental` reads
//! `index.ndjson.cables-cache` and `index.ndjson` of the previous run; a
//! file whose size, mtime and content hash are unchanged (and the parser
//! version is the same) has its record lines copied from the old index
//! instead of being parsed again.
//!
//! Format (text, one entry per line, in walk order):
//!
//! ```text
//! cables-cache 1 <parser version> <index length in bytes>
//! <size>\t<mtime ns>\t<xxh3 of content, hex>\t<offset>\t<length>\t<records>\t<warnings>\t<errors>\t<path as JSON string>
//! ```
//!
//! The content hash is XXH3-64 (xxhash-rust): a change detector, not a
//! defence against someone forging collisions, and it runs at memory
//! speed, so hashing costs far less than reading the file. The index length
//! in the header, and a check that a reused slice is whole lines of JSON
//! objects, guard against an index edited since it was written; such a
//! slice is not reused (the file is parsed again).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;

/// Content hash used by the cache.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

const MAGIC: &str = "cables-cache 1";

/// What the cache knows about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Path relative to the indexed folder, as in records.
    pub path: String,
    /// File size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime: i128,
    /// XXH3-64 of the content.
    pub hash: u64,
    /// Byte offset of the file's record lines in the index.
    pub offset: u64,
    /// Byte length of the record lines.
    pub len: u64,
    /// Records (lines).
    pub records: usize,
    /// Warnings in those records.
    pub warnings: usize,
    /// Errors in those records.
    pub errors: usize,
}

impl Entry {
    fn to_line(&self) -> String {
        let path = serde_json::to_string(&self.path).unwrap_or_else(|_| "\"\"".into());
        format!(
            "{}\t{}\t{:016x}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            self.size,
            self.mtime,
            self.hash,
            self.offset,
            self.len,
            self.records,
            self.warnings,
            self.errors,
            path
        )
    }

    fn from_line(line: &str) -> Option<Entry> {
        let mut f = line.trim_end_matches('\n').splitn(9, '\t');
        let mut next = || f.next();
        let size = next()?.parse().ok()?;
        let mtime = next()?.parse().ok()?;
        let hash = u64::from_str_radix(next()?, 16).ok()?;
        let offset = next()?.parse().ok()?;
        let len = next()?.parse().ok()?;
        let records = next()?.parse().ok()?;
        let warnings = next()?.parse().ok()?;
        let errors = next()?.parse().ok()?;
        let path = serde_json::from_str(next()?).ok()?;
        Some(Entry {
            path,
            size,
            mtime,
            hash,
            offset,
            len,
            records,
            warnings,
            errors,
        })
    }
}

/// The previous run: its cache entries, read in walk order, and its index,
/// read forward to copy record lines.
pub struct Previous {
    entries: io::Lines<BufReader<File>>,
    peeked: Option<Entry>,
    index: BufReader<File>,
    index_pos: u64,
    /// The byte before `index_pos`.
    last: Option<u8>,
}

impl Previous {
    /// Open the cache at `cache` and the index at `index`. `None` when
    /// either is missing, unreadable, of another parser version, or the
    /// index's length is not the one the cache recorded.
    pub fn open(cache: &Path, index: &Path, parser: &str) -> Option<Previous> {
        let mut lines = BufReader::new(File::open(cache).ok()?).lines();
        let head = lines.next()?.ok()?;
        let mut parts = head.rsplitn(2, ' ');
        let len: u64 = parts.next()?.parse().ok()?;
        if parts.next()? != format!("{MAGIC} {parser}") {
            return None;
        }
        let file = File::open(index).ok()?;
        if file.metadata().ok()?.len() != len {
            return None;
        }
        Some(Previous {
            entries: lines,
            peeked: None,
            index: BufReader::new(file),
            index_pos: 0,
            last: None,
        })
    }

    /// The entry for `path`, if the cache has one. Paths must be asked for
    /// in walk order: entries before `path` are passed over (files since
    /// deleted).
    pub fn lookup(&mut self, path: &str) -> Option<Entry> {
        loop {
            if self.peeked.is_none() {
                let line = self.entries.next()?.ok()?;
                self.peeked = Some(Entry::from_line(&line)?);
            }
            let e = self.peeked.as_ref()?;
            match Path::new(&e.path).cmp(Path::new(path)) {
                std::cmp::Ordering::Less => self.peeked = None,
                std::cmp::Ordering::Equal => return self.peeked.take(),
                std::cmp::Ordering::Greater => return None,
            }
        }
    }

    /// The record lines of `e` from the old index, checked to be `records`
    /// whole lines of JSON objects. Entries must be read in increasing
    /// offset order.
    pub fn lines_of(&mut self, e: &Entry) -> Option<Vec<u8>> {
        if e.offset < self.index_pos {
            return None;
        }
        let skip = e.offset - self.index_pos;
        if skip > 0 {
            io::copy(&mut (&mut self.index).take(skip - 1), &mut io::sink()).ok()?;
            let mut b = [0u8];
            self.index.read_exact(&mut b).ok()?;
            self.last = Some(b[0]);
        }
        let mut buf = vec![0; usize::try_from(e.len).ok()?];
        self.index.read_exact(&mut buf).ok()?;
        self.index_pos = e.offset + e.len;
        let whole = buf
            .split_inclusive(|&b| b == b'\n')
            .all(|l| l.first() == Some(&b'{') && l.ends_with(b"}\n"));
        let at_line_start = e.offset == 0 || self.last == Some(b'\n');
        self.last = buf.last().copied().or(self.last);
        let n = memchr::memchr_iter(b'\n', &buf).count();
        (whole && at_line_start && n == e.records).then_some(buf)
    }
}

/// Writes the cache of this run, entry by entry (memory does not grow with
/// the number of files). The header holds the index length, known only at
/// the end: it is written with a fixed-width placeholder and filled in by
/// [`Writer::finish`].
pub struct Writer {
    out: io::BufWriter<File>,
    parser: String,
}

impl Writer {
    /// Create the cache file at `path`.
    pub fn create(path: &Path, parser: &str) -> io::Result<Writer> {
        let mut out = io::BufWriter::with_capacity(1 << 16, File::create(path)?);
        out.write_all(Self::header(parser, 0).as_bytes())?;
        Ok(Writer {
            out,
            parser: parser.to_string(),
        })
    }

    fn header(parser: &str, index_len: u64) -> String {
        format!("{MAGIC} {parser} {index_len:020}\n")
    }

    /// Add one file's entry.
    pub fn add(&mut self, e: &Entry) -> io::Result<()> {
        self.out.write_all(e.to_line().as_bytes())
    }

    /// Fill in the index length and flush.
    pub fn finish(self, index_len: u64) -> io::Result<()> {
        use std::io::{Seek, SeekFrom};
        let mut f = self.out.into_inner().map_err(|e| e.into_error())?;
        f.seek(SeekFrom::Start(0))?;
        f.write_all(Self::header(&self.parser, index_len).as_bytes())?;
        f.sync_all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_round_trips() {
        let e = Entry {
            path: "a\tb/ü \"q\".txt".into(),
            size: 12,
            mtime: -5,
            hash: u64::MAX,
            offset: 3,
            len: 4,
            records: 1,
            warnings: 2,
            errors: 3,
        };
        assert_eq!(Entry::from_line(&e.to_line()), Some(e));
        assert_eq!(Entry::from_line("garbage"), None);
    }

    #[test]
    fn lookup_follows_walk_order() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("i");
        let cache = dir.path().join("c");
        std::fs::write(&idx, b"{A}\n{B}\n").unwrap();
        let mut body = Vec::new();
        for (i, p) in ["a/x.txt", "a/y.txt", "b.txt"].iter().enumerate() {
            let e = Entry {
                path: p.to_string(),
                size: 1,
                mtime: 1,
                hash: 1,
                offset: if i == 0 { 0 } else { 4 },
                len: 4,
                records: 1,
                warnings: 0,
                errors: 0,
            };
            body.extend_from_slice(e.to_line().as_bytes());
        }
        let mut w = Writer::create(&cache, "v").unwrap();
        w.out.write_all(&body).unwrap();
        w.finish(8).unwrap();
        assert!(Previous::open(&cache, &idx, "other").is_none());
        let mut prev = Previous::open(&cache, &idx, "v").unwrap();
        let x = prev.lookup("a/x.txt").unwrap();
        assert_eq!(prev.lines_of(&x).as_deref(), Some(&b"{A}\n"[..]));
        // a/y.txt was deleted; a-b.txt is new and sorts after "a/" by walk order.
        assert_eq!(prev.lookup("a/z.txt"), None);
        let b = prev.lookup("b.txt").unwrap();
        assert_eq!(prev.lines_of(&b).as_deref(), Some(&b"{B}\n"[..]));
    }
}
