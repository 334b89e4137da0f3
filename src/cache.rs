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
//! The content hash is known unchanged without reading the file when the
//! file's status is what the cache recorded: size, mtime, and on Unix its
//! ctime, inode and device, as git's index trusts them. Every write to a
//! file sets its ctime to the clock's time, and no program can set a ctime
//! back (`touch` and `utimes` choose atime and mtime, and set the ctime to
//! now), so a file with the recorded ctime has not been written since it
//! was read (short of setting the system clock back, which only root can
//! do). The exception is a write in the same tick of the clock as the
//! last change before the read (a coarse clock): an entry is
//! trusted this way only when its ctime is more than [`RACY_NS`] before
//! the start of the run that wrote the cache ([`Previous::trusts`]);
//! other files are read and hashed, as all are with `--verify`.
//!
//! When every file is reused, in the same order, and none was added or
//! removed, the old index is the new one byte for byte and is kept as it
//! is (see [`crate::index::Output::keep_previous`]); so is the cache when
//! its every line would be the same ([`Writer::finish_or_keep`]).
//!
//! Format (text, one entry per line, in walk order):
//!
//! ```text
//! cables-cache 3 <parser version> <run start, ns> <index length in bytes> <index stamp, hex>
//! <size>\t<mtime ns>\t<ctime ns>\t<inode>\t<device>\t<xxh3 of content, hex>\t<offset>\t<length>\t<records>\t<warnings>\t<errors>\t<path as JSON string>
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
use std::path::{Path, PathBuf};

use crate::bytes::push_u64;

/// Content hash used by the cache.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

const MAGIC: &str = "cables-cache 3";

/// How long before the start of the run that wrote the cache a file's
/// ctime must be for its status alone to vouch for its content (see the
/// module documentation): 2 s, at least the tick of any file system's
/// clock (FAT keeps times to 2 s). A write after the read gets a ctime of
/// its own tick, later than the run's start less one tick, so later than
/// a ctime trusted by this margin.
pub const RACY_NS: i128 = 2_000_000_000;

/// Whether an entry's status vouches for its content in a run that
/// started at `checked` (ns since the Unix epoch): it has a ctime (0 where
/// there is none, as off Unix) and that ctime is over [`RACY_NS`] before.
/// The ctime is read from the cache file, so any `i128` may come: the sum
/// saturates rather than overflow.
fn trusted_at(e: &Entry, checked: u64) -> bool {
    e.ctime > 0 && e.ctime.saturating_add(RACY_NS) < i128::from(checked)
}

/// Now, in ns since the Unix epoch (0 for a clock before it).
pub fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

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
    /// Status change time (Unix ctime), nanoseconds since the Unix epoch;
    /// 0 where there is none.
    pub ctime: i128,
    /// Inode number (0 off Unix).
    pub ino: u64,
    /// Device number (0 off Unix).
    pub dev: u64,
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
        for t in [self.mtime, self.ctime] {
            out.push(b'\t');
            match u64::try_from(t) {
                Ok(m) => push_u64(out, m),
                Err(_) => {
                    let _ = write!(out, "{t}");
                }
            }
        }
        for n in [self.ino, self.dev] {
            out.push(b'\t');
            push_u64(out, n);
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
    /// the numbers digit by digit, and only the path checked for UTF-8
    /// (a run with nothing changed reads one line per file, on the thread
    /// that walks: issue 4).
    fn from_bytes(line: &[u8]) -> Option<Entry> {
        let mut rest = line.strip_suffix(b"\n").unwrap_or(line);
        let mut next = || next_field(&mut rest);
        let size = parse_u64(next())?;
        let mtime = parse_i128(next())?;
        let ctime = parse_i128(next())?;
        let ino = parse_u64(next())?;
        let dev = parse_u64(next())?;
        let hash = parse_hex16(next())?;
        let offset = parse_u64(next())?;
        let len = parse_u64(next())?;
        let records = usize::try_from(parse_u64(next())?).ok()?;
        let warnings = usize::try_from(parse_u64(next())?).ok()?;
        let errors = usize::try_from(parse_u64(next())?).ok()?;
        // The path is the rest of the line.
        let path = path_of_json(std::str::from_utf8(rest).ok()?)?;
        Some(Entry {
            path,
            size,
            mtime,
            ctime,
            ino,
            dev,
            hash,
            offset,
            len,
            records,
            warnings,
            errors,
        })
    }
}

/// The bytes of `rest` up to its first tab (all of them if none), and
/// `rest` moved past that tab.
fn next_field<'a>(rest: &mut &'a [u8]) -> &'a [u8] {
    let (field, after) = match memchr::memchr(b'\t', rest) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (*rest, &b""[..]),
    };
    *rest = after;
    field
}

/// As `read_until(b'\n', out)`, the line's end found with `memchr` (std's
/// search, with its copy, was 8 % of the instructions of an unchanged
/// incremental run's walking thread).
fn read_line<R: BufRead>(r: &mut R, out: &mut Vec<u8>) -> io::Result<usize> {
    let mut n = 0;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(n);
        }
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        out.extend_from_slice(&buf[..take]);
        r.consume(take);
        n += take;
        if done {
            return Ok(n);
        }
    }
}

/// Decimal digits, as [`push_u64`] writes them: one digit at least, none
/// but digits, and no overflow.
fn parse_u64(b: &[u8]) -> Option<u64> {
    if b.is_empty() {
        return None;
    }
    if b.len() < 20 {
        // 19 digits cannot overflow: no checked arithmetic.
        let mut n = 0u64;
        for &d in b {
            let d = d.wrapping_sub(b'0');
            if d > 9 {
                return None;
            }
            n = n * 10 + u64::from(d);
        }
        return Some(n);
    }
    b.iter().try_fold(0u64, |n, &d| {
        let d = d.wrapping_sub(b'0');
        (d < 10).then_some(())?;
        n.checked_mul(10)?.checked_add(u64::from(d))
    })
}

/// A time as [`Entry::write_line`] writes it: the digits of a `u64`, or
/// (rare: before the epoch, or past 2554) any `i128` as `Display` writes
/// it.
fn parse_i128(b: &[u8]) -> Option<i128> {
    match parse_u64(b) {
        Some(n) => Some(i128::from(n)),
        None => std::str::from_utf8(b).ok()?.parse().ok(),
    }
}

/// 16 lowercase hex digits, as [`push_hex16`] writes them.
fn parse_hex16(b: &[u8]) -> Option<u64> {
    if b.len() != 16 {
        return None;
    }
    b.iter().try_fold(0u64, |n, &d| {
        let v = match d {
            b'0'..=b'9' => d - b'0',
            b'a'..=b'f' => d - b'a' + 10,
            _ => return None,
        };
        Some(n << 4 | u64::from(v))
    })
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
    /// Where the cache was read from.
    path: PathBuf,
    entries: BufReader<File>,
    /// The line being read (one buffer, reused).
    line: Vec<u8>,
    peeked: Option<Entry>,
    index: File,
    len: u64,
    buf: Vec<u8>,
    /// When the run that wrote the cache started (ns since the epoch).
    checked: u64,
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
        let mut parts = head.rsplitn(4, ' ');
        let stamp_hex = parts.next()?;
        let len: u64 = parts.next()?.parse().ok()?;
        let checked: u64 = parts.next()?.parse().ok()?;
        if parts.next()? != format!("{MAGIC} {parser}") {
            return None;
        }
        let file = File::open(index).ok()?;
        let meta = file.metadata().ok()?;
        if meta.len() != len || format!("{:032x}", stamp(&meta)) != stamp_hex {
            return None;
        }
        Some(Previous {
            path: cache.to_path_buf(),
            entries: lines,
            line: Vec::new(),
            peeked: None,
            index: file,
            len,
            buf: Vec::new(),
            checked,
        })
    }

    /// Whether `e`'s status vouches for its content, so that a file with
    /// that status need not be read (see the module documentation).
    pub fn trusts(&self, e: &Entry) -> bool {
        trusted_at(e, self.checked)
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
                if read_line(&mut self.entries, &mut self.line).ok()? == 0 {
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
    /// The previous cache, while every entry added so far is its entry,
    /// line for line: those lines are not written (see
    /// [`Writer::compare_with`]).
    same: Option<Same>,
    /// When this run started (ns since the epoch), before any file was
    /// looked at: the header's time when the cache is written.
    checked: u64,
}

/// The previous cache being compared with the one being written.
struct Same {
    old: BufReader<File>,
    /// The old header line, "\n" included.
    header: Vec<u8>,
    /// Bytes of entry lines equal so far, and not written.
    equal: u64,
    /// The old line being compared (one buffer, reused).
    line: Vec<u8>,
    /// The previous cache's time (see [`Writer::checked`]).
    checked: u64,
    /// Whether an entry added is trusted at this run's time but was not
    /// at the previous cache's: a cache otherwise the same is then written
    /// anew, so that the next run need not read that file.
    gain: bool,
}

impl Writer {
    /// Create the cache file at `path`, for a run that started at
    /// `checked` (ns since the epoch, [`now_ns`] before the walk).
    pub fn create(path: &Path, parser: &str, checked: u64) -> io::Result<Writer> {
        let mut out = io::BufWriter::with_capacity(1 << 16, File::create(path)?);
        out.write_all(Self::header(parser, checked, 0, 0).as_bytes())?;
        Ok(Writer {
            out,
            parser: parser.to_string(),
            line: Vec::with_capacity(256),
            same: None,
            checked,
        })
    }

    fn header(parser: &str, checked: u64, index_len: u64, stamp: u128) -> String {
        format!("{MAGIC} {parser} {checked:020} {index_len:020} {stamp:032x}\n")
    }

    /// Compare the entries added from now on with those of the previous
    /// cache, line by line, instead of writing them while they are the
    /// same. When the whole cache turns out the same as the previous one
    /// (nothing changed), [`Writer::finish_or_keep`] writes nothing: the
    /// previous cache stays (issue 4: rewriting and syncing the cache of
    /// 36,000 files, 3.3 MB, took 10 to 20 ms of a 130 ms run). Does
    /// nothing once an entry was added, or if the previous cache cannot
    /// be opened again.
    pub fn compare_with(&mut self, previous: &Previous) {
        if self.same.is_some() {
            return;
        }
        let Ok(file) = File::open(&previous.path) else {
            return;
        };
        let mut old = BufReader::with_capacity(1 << 16, file);
        let mut header = Vec::new();
        if !matches!(old.read_until(b'\n', &mut header), Ok(n) if n > 0) {
            return;
        }
        self.same = Some(Same {
            old,
            header,
            equal: 0,
            line: Vec::with_capacity(256),
            checked: previous.checked,
            gain: false,
        });
    }

    /// Add one file's entry.
    pub fn add(&mut self, e: &Entry) -> io::Result<()> {
        self.line.clear();
        e.write_line(&mut self.line);
        if let Some(same) = &mut self.same {
            same.gain |= !trusted_at(e, same.checked) && trusted_at(e, self.checked);
            same.line.clear();
            let read = read_line(&mut same.old, &mut same.line);
            if matches!(read, Ok(n) if n > 0) && same.line == self.line {
                same.equal += self.line.len() as u64;
                return Ok(());
            }
            self.write_equal()?;
        }
        self.out.write_all(&self.line)
    }

    /// Stop comparing: write the entry lines found equal so far, copied
    /// from the previous cache.
    fn write_equal(&mut self) -> io::Result<()> {
        let Some(mut same) = self.same.take() else {
            return Ok(());
        };
        same.old.seek(SeekFrom::Start(same.header.len() as u64))?;
        let copied = io::copy(&mut (&mut same.old).take(same.equal), &mut self.out)?;
        if copied != same.equal {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the previous cache became shorter during the run",
            ));
        }
        Ok(())
    }

    /// Fill in the length and stamp of the index (its metadata once it is
    /// in place) and flush.
    pub fn finish(mut self, index: &fs::Metadata) -> io::Result<()> {
        self.write_equal()?;
        let mut f = self.out.into_inner().map_err(|e| e.into_error())?;
        f.seek(SeekFrom::Start(0))?;
        let header = Self::header(&self.parser, self.checked, index.len(), stamp(index));
        f.write_all(header.as_bytes())?;
        f.sync_all()
    }

    /// As [`Writer::finish`], but when the cache would be the previous
    /// one byte for byte (see [`Writer::compare_with`]: every entry the
    /// same, none left over, and the same header, so the same index),
    /// write nothing and give `true`: the file being written is then left
    /// empty, to be removed, and the previous cache is kept as it is. The
    /// previous cache's time stands for this run's then, unless this
    /// run's time trusts an entry that the previous one did not.
    pub fn finish_or_keep(mut self, index: &fs::Metadata) -> io::Result<bool> {
        if let Some(same) = self.same.as_mut().filter(|s| !s.gain) {
            same.line.clear();
            let at_end = matches!(read_line(&mut same.old, &mut same.line), Ok(0));
            let header = Self::header(&self.parser, same.checked, index.len(), stamp(index));
            if at_end && same.header == header.as_bytes() {
                // The placeholder header still in the buffer is dropped,
                // not written.
                drop(self.out.into_parts());
                return Ok(true);
            }
        }
        self.finish(index).map(|()| false)
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
            ctime: 1_764_279_000_123_456_789,
            ino: 42,
            dev: u64::MAX,
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
            "{}\t{}\t{}\t{}\t{}\t{:016x}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            e.size,
            e.mtime,
            e.ctime,
            e.ino,
            e.dev,
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
            ctime: 0,
            ino: 0,
            dev: 0,
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
            // ctime, inode and device vary with the others.
            cases.push(Entry {
                size,
                mtime,
                ctime: mtime.saturating_neg(),
                ino: size.rotate_left(7),
                dev: hash ^ size,
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
                ctime: 2,
                ino: 3,
                dev: 4,
                hash: 1,
                offset: if i == 0 { 0 } else { 4 },
                len: 4,
                records: 1,
                warnings: 0,
                errors: 0,
            };
            body.extend_from_slice(e.to_line().as_bytes());
        }
        let mut w = Writer::create(&cache, "v", 5).unwrap();
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

    /// The start time of the runs of `write_cache`.
    const CHECKED: u64 = 1_764_000_100_000_000_000;

    fn entry(path: &str, size: u64, offset: u64) -> Entry {
        Entry {
            path: path.into(),
            size,
            mtime: 1_764_000_000_000_000_000 + size as i128,
            ctime: 1_764_000_000_000_000_000 + offset as i128,
            ino: size + 1,
            dev: 2049,
            hash: size.wrapping_mul(0x9e37_79b9_7f4a_7c15),
            offset,
            len: 10,
            records: 1,
            warnings: 0,
            errors: 0,
        }
    }

    /// Write `entries` to a new cache at `path` for the index `idx`,
    /// compared with `previous` when given; gives what `finish_or_keep`
    /// said, or `None` when `finish` was called instead.
    fn write_cache(
        path: &Path,
        idx: &Path,
        entries: &[Entry],
        previous: Option<&Previous>,
        keep: bool,
    ) -> Option<bool> {
        let mut w = Writer::create(path, "v", CHECKED).unwrap();
        if let Some(p) = previous {
            w.compare_with(p);
        }
        for e in entries {
            w.add(e).unwrap();
        }
        let meta = std::fs::metadata(idx).unwrap();
        if keep {
            Some(w.finish_or_keep(&meta).unwrap())
        } else {
            w.finish(&meta).unwrap();
            None
        }
    }

    #[test]
    fn a_cache_the_same_as_the_previous_one_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("i");
        std::fs::write(&idx, b"{A}\n{B}\n{C}\n").unwrap();
        let old_cache = dir.path().join("old");
        let old: Vec<Entry> = ["a.txt", "b/c.txt", "d.txt"]
            .iter()
            .enumerate()
            .map(|(i, p)| entry(p, 100 + i as u64, 4 * i as u64))
            .collect();
        assert_eq!(write_cache(&old_cache, &idx, &old, None, false), None);
        let old_bytes = std::fs::read(&old_cache).unwrap();

        // (entries of the new run, the same index?, kept?)
        let mut changed = old.clone();
        changed[1].hash ^= 1;
        let mut fewer = old.clone();
        fewer.pop();
        let mut more = old.clone();
        more.push(entry("e.txt", 7, 12));
        let mut first_gone = old.clone();
        first_gone.remove(0);
        let cases: Vec<(&str, Vec<Entry>, bool, bool)> = vec![
            ("same", old.clone(), true, true),
            ("one changed", changed, true, false),
            ("one fewer at the end", fewer, true, false),
            ("one more at the end", more, true, false),
            ("first gone", first_gone, true, false),
            ("none", Vec::new(), true, false),
            ("same entries, index rewritten", old.clone(), false, false),
        ];
        for (name, entries, same_index, kept) in cases {
            let prev = Previous::open(&old_cache, &idx, "v");
            assert!(prev.is_some(), "{name}");
            // Reading the previous cache (as a run does) does not matter.
            let mut prev_read = Previous::open(&old_cache, &idx, "v");
            if let Some(p) = &mut prev_read {
                assert_eq!(p.lookup("a.txt"), Some(old[0].clone()));
            }
            if !same_index {
                // Written again during the run: its stamp, so the header,
                // is not the previous one.
                std::thread::sleep(std::time::Duration::from_millis(20));
                std::fs::write(&idx, b"{A}\n{B}\n{C}\n").unwrap();
            }
            let fresh = dir.path().join("fresh");
            write_cache(&fresh, &idx, &entries, None, false);
            let fresh_bytes = std::fs::read(&fresh).unwrap();
            for (p, keep) in [(&prev, true), (&prev_read, true), (&prev, false)] {
                let new = dir.path().join("new");
                let said = write_cache(&new, &idx, &entries, p.as_ref(), keep);
                let new_bytes = std::fs::read(&new).unwrap();
                if keep && kept {
                    assert_eq!(said, Some(true), "{name}");
                    assert!(new_bytes.is_empty(), "{name}");
                    assert_eq!(fresh_bytes, old_bytes, "{name}");
                } else {
                    assert_eq!(said, keep.then_some(false), "{name}");
                    // What a writer that compared nothing writes.
                    assert_eq!(new_bytes, fresh_bytes, "{name} keep={keep}");
                }
            }
        }
    }

    #[test]
    fn an_index_changed_since_it_was_written_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("i");
        let cache = dir.path().join("c");
        std::fs::write(&idx, b"{A}\n").unwrap();
        let w = Writer::create(&cache, "v", CHECKED).unwrap();
        w.finish(&std::fs::metadata(&idx).unwrap()).unwrap();
        assert!(Previous::open(&cache, &idx, "v").is_some());
        // Same length, other bytes: the ctime (and mtime) change.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&idx, b"{B}\n").unwrap();
        assert!(Previous::open(&cache, &idx, "v").is_none());
    }

    #[test]
    fn a_status_is_trusted_only_well_before_the_run() {
        let run = CHECKED;
        let t = i128::from(run);
        // (ctime, trusted by a run that started at `run`)
        for (ctime, trusted) in [
            (t - RACY_NS - 1, true),
            (t - 10 * RACY_NS, true),
            (t - RACY_NS, false),
            (t - 1, false),
            (t, false),
            (t + 1, false),
            // No ctime (off Unix), or one before the epoch.
            (0, false),
            (-5, false),
            // A ctime no clock gives, from a damaged cache: never trusted
            // (ctime + RACY_NS must not overflow).
            (i128::MAX, false),
            (i128::MAX - RACY_NS, false),
        ] {
            let e = Entry {
                ctime,
                ..entry("a.txt", 1, 0)
            };
            assert_eq!(trusted_at(&e, run), trusted, "{ctime}");
        }
    }

    #[test]
    fn a_cache_whose_later_time_trusts_more_files_is_written_anew() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("i");
        std::fs::write(&idx, b"{A}\n").unwrap();
        let old_cache = dir.path().join("old");
        // Changed one second before the first run: not trusted by it.
        let first = CHECKED;
        let e = Entry {
            ctime: i128::from(first) - 1_000_000_000,
            ..entry("a.txt", 4, 0)
        };
        let meta = std::fs::metadata(&idx).unwrap();
        let mut w = Writer::create(&old_cache, "v", first).unwrap();
        w.add(&e).unwrap();
        w.finish(&meta).unwrap();
        let prev = Previous::open(&old_cache, &idx, "v").unwrap();
        assert!(!prev.trusts(&e));
        // (start of the next run, cache kept?): a run that would trust
        // the entry writes its own time, one that would not keeps the cache.
        for (next, kept) in [(first + 500_000_000, true), (first + 1_500_000_000, false)] {
            let new = dir.path().join("new");
            let mut w = Writer::create(&new, "v", next).unwrap();
            w.compare_with(&prev);
            w.add(&e).unwrap();
            assert_eq!(w.finish_or_keep(&meta).unwrap(), kept, "{next}");
            if !kept {
                let again = Previous::open(&new, &idx, "v").unwrap();
                assert!(again.trusts(&e));
            }
        }
    }

    #[test]
    fn numbers_are_read_as_they_are_written() {
        // (field, as u64, as i128)
        for (field, n, t) in [
            ("0", Some(0), Some(0)),
            ("42", Some(42), Some(42)),
            (
                "18446744073709551615",
                Some(u64::MAX),
                Some(i128::from(u64::MAX)),
            ),
            ("18446744073709551616", None, Some(i128::from(u64::MAX) + 1)),
            ("-1", None, Some(-1)),
            ("", None, None),
            ("4 2", None, None),
            ("1a", None, None),
            ("٣", None, None),
        ] {
            assert_eq!(parse_u64(field.as_bytes()), n, "{field:?}");
            assert_eq!(parse_i128(field.as_bytes()), t, "{field:?}");
        }
        // (field, as hex)
        for (field, h) in [
            ("0123456789abcdef", Some(0x0123_4567_89ab_cdef)),
            ("ffffffffffffffff", Some(u64::MAX)),
            ("0000000000000000", Some(0)),
            ("0123456789ABCDEF", None),
            ("123456789abcdef", None),
            ("00123456789abcdef", None),
            ("0123456789abcdeg", None),
        ] {
            assert_eq!(parse_hex16(field.as_bytes()), h, "{field:?}");
        }
    }

    #[test]
    fn read_line_is_read_until() {
        let text = b"a\n\nlong line\nno end";
        for cap in [1, 2, 3, 64] {
            let mut r = io::BufReader::with_capacity(cap, &text[..]);
            let mut want = io::BufReader::with_capacity(cap, &text[..]);
            loop {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let n = read_line(&mut r, &mut a).unwrap();
                assert_eq!(n, want.read_until(b'\n', &mut b).unwrap(), "{cap}");
                assert_eq!(a, b, "{cap}");
                if n == 0 {
                    break;
                }
            }
        }
    }
}
