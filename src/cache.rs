//! The incremental-index cache: a sidecar file next to an NDJSON index that
//! says, for each file indexed, its size, modification time and content
//! hash, the parser version, and where its records are in the index.
//!
//! `cables index <dir> --out index.ndjson --incremental` reads
//! `index.ndjson.cables-cache` and `index.ndjson` of the previous run; a
//! file whose size, mtime and content hash are unchanged (and the parser
//! version is the same) has its record lines copied from the old index
//! instead of being parsed again. When every file is reused, in the same
//! order, and none was added or removed, the old index is the new one byte
//! for byte and is kept as it is (see [`crate::index::Output::keep_previous`]).
//!
//! Format (text, one entry per line, in walk order):
//!
//! ```text
//! cables-cache 2 <parser version> <index length in bytes> <index stamp, hex>
//! <size>\t<mtime ns>\t<xxh3 of content, hex>\t<offset>\t<length>\t<records>\t<warnings>\t<errors>\t<path as JSON string>
//! ```
//!
//! The content hash is XXH3-64 (xxhash-rust): a change detector, not a
//! defence against someone forging collisions, and it runs at memory
//! speed, so hashing costs far less than reading the file. The index length
//! and stamp in the header guard against an index changed since it was
//! written: the stamp is a hash of the index file's metadata (on Unix its
//! mtime, ctime, inode and device, as git's index does; elsewhere its
//! mtime), taken once the index is in place. Any write to the index, or a
//! `touch`, changes its ctime, so an edited index is not used at all (every
//! file is parsed again). Reused slices are then copied without reading
//! them line by line.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

/// Content hash used by the cache.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

const MAGIC: &str = "cables-cache 2";

/// The stamp of an index file: a hash of its length and the metadata any
/// change to it would change (see the module documentation).
pub fn stamp(meta: &fs::Metadata) -> u128 {
    #[cfg(unix)]
    let fields = {
        use std::os::unix::fs::MetadataExt;
        format!(
            "{} {}.{} {}.{} {} {}",
            meta.len(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec(),
            meta.ino(),
            meta.dev()
        )
    };
    #[cfg(not(unix))]
    let fields = {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        format!("{} {}", meta.len(), mtime)
    };
    xxhash_rust::xxh3::xxh3_128(fields.as_bytes())
}

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
    #[cfg(test)]
    fn to_line(&self) -> String {
        let mut out = Vec::new();
        self.write_line(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Append the entry's line (see the module documentation) to `out`.
    /// Numbers and the path are written by hand, not through `format!`:
    /// this runs once per file on the thread that writes the index, and
    /// in an incremental run with nothing changed it was a tenth of that
    /// thread's time (issue 4).
    fn write_line(&self, out: &mut Vec<u8>) {
        push_u64(out, self.size);
        out.push(b'\t');
        match u64::try_from(self.mtime) {
            Ok(m) => push_u64(out, m),
            Err(_) => {
                let _ = write!(out, "{}", self.mtime);
            }
        }
        out.push(b'\t');
        push_hex16(out, self.hash);
        for n in [self.offset, self.len] {
            out.push(b'\t');
            push_u64(out, n);
        }
        for n in [self.records, self.warnings, self.errors] {
            out.push(b'\t');
            push_u64(out, n as u64);
        }
        out.push(b'\t');
        if needs_json_escape(&self.path) {
            let path = serde_json::to_string(&self.path).unwrap_or_else(|_| "\"\"".into());
            out.extend_from_slice(path.as_bytes());
        } else {
            out.push(b'"');
            out.extend_from_slice(self.path.as_bytes());
            out.push(b'"');
        }
        out.push(b'\n');
    }

    #[cfg(test)]
    fn from_line(line: &str) -> Option<Entry> {
        Entry::from_bytes(line.as_bytes())
    }

    /// The entry of one line, with or without its "\n". Read as bytes:
    /// only the path is checked for UTF-8 (numbers that are not ASCII do
    /// not parse anyway).
    fn from_bytes(line: &[u8]) -> Option<Entry> {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let mut f = line.splitn(9, |&b| b == b'\t');
        let mut next = || std::str::from_utf8(f.next()?).ok();
        let size = next()?.parse().ok()?;
        let mtime = next()?.parse().ok()?;
        let hash = u64::from_str_radix(next()?, 16).ok()?;
        let offset = next()?.parse().ok()?;
        let len = next()?.parse().ok()?;
        let records = next()?.parse().ok()?;
        let warnings = next()?.parse().ok()?;
        let errors = next()?.parse().ok()?;
        let path = path_of_json(next()?)?;
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

/// Whether JSON needs an escape in `s`: the characters serde_json escapes
/// are `"`, `\` and the control characters below U+0020.
fn needs_json_escape(s: &str) -> bool {
    s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20)
}

/// The string of a JSON string literal: taken as it is when it has no
/// escape (the usual path), else through serde_json.
fn path_of_json(field: &str) -> Option<String> {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) if !needs_json_escape(inner) => Some(inner.to_string()),
        _ => serde_json::from_str(field).ok(),
    }
}

/// Append the decimal digits of `n`.
fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Append `n` as 16 lowercase hex digits (`{:016x}`).
fn push_hex16(out: &mut Vec<u8>, n: u64) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for shift in (0..16).rev() {
        out.push(HEX[((n >> (shift * 4)) & 0xf) as usize]);
    }
}

/// The previous run: its cache entries, read in walk order, and its index,
/// from which runs of record lines are copied.
pub struct Previous {
    entries: BufReader<File>,
    /// The line being read (one buffer, reused).
    line: Vec<u8>,
    peeked: Option<Entry>,
    index: File,
    len: u64,
    buf: Vec<u8>,
}

/// Bytes copied from the old index at a time.
const COPY_CHUNK: usize = 1 << 20;

impl Previous {
    /// Open the cache at `cache` and the index at `index`. `None` when
    /// either is missing, unreadable, of another parser version, or the
    /// index's length or stamp is not the one the cache recorded.
    pub fn open(cache: &Path, index: &Path, parser: &str) -> Option<Previous> {
        let mut lines = BufReader::new(File::open(cache).ok()?);
        let mut head = String::new();
        if lines.read_line(&mut head).ok()? == 0 {
            return None;
        }
        let head = head.strip_suffix('\n').unwrap_or(&head);
        let head = head.strip_suffix('\r').unwrap_or(head);
        let mut parts = head.rsplitn(3, ' ');
        let stamp_hex = parts.next()?;
        let len: u64 = parts.next()?.parse().ok()?;
        if parts.next()? != format!("{MAGIC} {parser}") {
            return None;
        }
        let file = File::open(index).ok()?;
        let meta = file.metadata().ok()?;
        if meta.len() != len || format!("{:032x}", stamp(&meta)) != stamp_hex {
            return None;
        }
        Some(Previous {
            entries: lines,
            line: Vec::new(),
            peeked: None,
            index: file,
            len,
            buf: Vec::new(),
        })
    }

    /// The length of the old index in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the old index is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entry for `path`, if the cache has one. Paths must be asked for
    /// in walk order: entries before `path` are passed over (files since
    /// deleted).
    pub fn lookup(&mut self, path: &str) -> Option<Entry> {
        loop {
            if self.peeked.is_none() {
                self.line.clear();
                if self.entries.read_until(b'\n', &mut self.line).ok()? == 0 {
                    return None;
                }
                // As `lines()` would give it.
                let line = self.line.strip_suffix(b"\n").unwrap_or(&self.line);
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                self.peeked = Some(Entry::from_bytes(line)?);
            }
            let e = self.peeked.as_ref()?;
            if e.path == path {
                return self.peeked.take();
            }
            match Path::new(&e.path).cmp(Path::new(path)) {
                std::cmp::Ordering::Less => self.peeked = None,
                std::cmp::Ordering::Equal => return self.peeked.take(),
                std::cmp::Ordering::Greater => return None,
            }
        }
    }

    /// Whether the record lines of `e` lie inside the old index.
    pub fn holds(&self, e: &Entry) -> bool {
        e.offset
            .checked_add(e.len)
            .is_some_and(|end| end <= self.len)
    }

    /// Give the bytes `offset..offset + len` of the old index to `out`, in
    /// chunks of at most 1 MiB (one buffer, reused). An error when the old
    /// index cannot be read or has become shorter since it was opened.
    pub fn copy(
        &mut self,
        offset: u64,
        len: u64,
        out: &mut dyn FnMut(&[u8]) -> io::Result<()>,
    ) -> io::Result<()> {
        self.index.seek(SeekFrom::Start(offset))?;
        self.buf.resize(COPY_CHUNK, 0);
        let mut left = len;
        while left > 0 {
            let want = usize::try_from(left).map_or(COPY_CHUNK, |l| l.min(COPY_CHUNK));
            let n = self.index.read(&mut self.buf[..want])?;
            if n == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the previous index became shorter during the run",
                ));
            }
            out(&self.buf[..n])?;
            left -= n as u64;
        }
        Ok(())
    }
}

/// Writes the cache of this run, entry by entry (memory does not grow with
/// the number of files). The header holds the index length, known only at
/// the end: it is written with a fixed-width placeholder and filled in by
/// [`Writer::finish`].
pub struct Writer {
    out: io::BufWriter<File>,
    parser: String,
    /// The line being written (one buffer, reused).
    line: Vec<u8>,
}

impl Writer {
    /// Create the cache file at `path`.
    pub fn create(path: &Path, parser: &str) -> io::Result<Writer> {
        let mut out = io::BufWriter::with_capacity(1 << 16, File::create(path)?);
        out.write_all(Self::header(parser, 0, 0).as_bytes())?;
        Ok(Writer {
            out,
            parser: parser.to_string(),
            line: Vec::with_capacity(256),
        })
    }

    fn header(parser: &str, index_len: u64, stamp: u128) -> String {
        format!("{MAGIC} {parser} {index_len:020} {stamp:032x}\n")
    }

    /// Add one file's entry.
    pub fn add(&mut self, e: &Entry) -> io::Result<()> {
        self.line.clear();
        e.write_line(&mut self.line);
        self.out.write_all(&self.line)
    }

    /// Fill in the length and stamp of the index (its metadata once it is
    /// in place) and flush.
    pub fn finish(self, index: &fs::Metadata) -> io::Result<()> {
        let mut f = self.out.into_inner().map_err(|e| e.into_error())?;
        f.seek(SeekFrom::Start(0))?;
        f.write_all(Self::header(&self.parser, index.len(), stamp(index)).as_bytes())?;
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

    /// The line as it was written through `format!` and serde_json
    /// before `write_line` (caches written by earlier builds must read
    /// the same, and be written the same).
    fn formatted(e: &Entry) -> String {
        format!(
            "{}\t{}\t{:016x}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            e.size,
            e.mtime,
            e.hash,
            e.offset,
            e.len,
            e.records,
            e.warnings,
            e.errors,
            serde_json::to_string(&e.path).unwrap()
        )
    }

    #[test]
    fn write_line_is_the_formatted_line() {
        let base = Entry {
            path: "frus1861/d1.txt".into(),
            size: 0,
            mtime: 0,
            hash: 0,
            offset: 0,
            len: 0,
            records: 0,
            warnings: 0,
            errors: 0,
        };
        let paths = [
            "a.txt",
            "",
            "dir/ü é/文書.txt",
            "q\"uote.txt",
            "back\\slash.txt",
            "tab\there.txt",
            "nl\nand\rcr.txt",
            "\u{1}\u{1f}\u{7f}\u{80}.txt",
            "U+FFFD \u{fffd}.txt",
        ];
        let mut cases: Vec<Entry> = paths
            .iter()
            .map(|p| Entry {
                path: p.to_string(),
                ..base.clone()
            })
            .collect();
        for (size, mtime, hash) in [
            (1, 1, 1),
            (9, 10, 0xf),
            (10, 1_764_279_000_123_456_789, 0x0123_4567_89ab_cdef),
            (u64::MAX, i128::from(u64::MAX), u64::MAX),
            (12345, -1, 1 << 63),
            (7, -1_000_000_000_000_000_000_000, 42),
            (7, i128::from(u64::MAX) + 1, 42),
            (7, i128::MIN, 42),
            (7, i128::MAX, 42),
        ] {
            cases.push(Entry {
                size,
                mtime,
                hash,
                offset: size / 3,
                len: size / 7,
                records: 1_000_001,
                warnings: usize::MAX,
                errors: 99,
                ..base.clone()
            });
        }
        for e in cases {
            let line = e.to_line();
            assert_eq!(line, formatted(&e), "{e:?}");
            assert_eq!(Entry::from_line(&line), Some(e.clone()), "{line}");
            assert_eq!(
                Entry::from_line(line.trim_end_matches('\n')),
                Some(e),
                "{line}"
            );
        }
    }

    #[test]
    fn a_path_is_read_as_json_says() {
        // (field, path): with or without escapes, as serde_json reads it.
        for (field, want) in [
            (r#""a/b.txt""#, Some("a/b.txt")),
            (r#""""#, Some("")),
            (r#""a\"b""#, Some("a\"b")),
            (r#""a\\b""#, Some("a\\b")),
            (r#""\u00e9\t""#, Some("é\t")),
            (r#""a"b""#, None),
            ("\"a\tb\"", None),
            (r#""a"#, None),
            (r#"a""#, None),
            ("\"", None),
            ("", None),
        ] {
            assert_eq!(path_of_json(field).as_deref(), want, "{field}");
            assert_eq!(
                serde_json::from_str::<String>(field).ok().as_deref(),
                want,
                "{field}"
            );
        }
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
        w.finish(&std::fs::metadata(&idx).unwrap()).unwrap();
        assert!(Previous::open(&cache, &idx, "other").is_none());
        let mut prev = Previous::open(&cache, &idx, "v").unwrap();
        assert_eq!(prev.len(), 8);
        let mut copied = Vec::new();
        let x = prev.lookup("a/x.txt").unwrap();
        assert!(prev.holds(&x));
        prev.copy(x.offset, x.len, &mut |b| {
            copied.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
        assert_eq!(copied, b"{A}\n");
        // a/y.txt was deleted; a-b.txt is new and sorts after "a/" by walk order.
        assert_eq!(prev.lookup("a/z.txt"), None);
        let b = prev.lookup("b.txt").unwrap();
        assert_eq!((b.offset, b.len), (4, 4));
        // Past the end of the old index: not held, and a copy fails.
        let past = Entry { offset: 6, ..b };
        assert!(!prev.holds(&past));
        assert!(prev.copy(past.offset, past.len, &mut |_| Ok(())).is_err());
    }

    #[test]
    fn an_index_changed_since_it_was_written_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("i");
        let cache = dir.path().join("c");
        std::fs::write(&idx, b"{A}\n").unwrap();
        let w = Writer::create(&cache, "v").unwrap();
        w.finish(&std::fs::metadata(&idx).unwrap()).unwrap();
        assert!(Previous::open(&cache, &idx, "v").is_some());
        // Same length, other bytes: the ctime (and mtime) change.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&idx, b"{B}\n").unwrap();
        assert!(Previous::open(&cache, &idx, "v").is_none());
    }
}
