//! Indexing a folder: walk it in path order, parse files in parallel, and
//! hand the records to a sink in path order.
//!
//! Memory is bounded: at most [`WINDOW`] files are in flight (a sliding
//! window); each is read and parsed on the rayon pool, and records are
//! written in walk order by the calling thread as soon as the oldest file
//! is done. A file that cannot be read gives a record with a diagnostic; it
//! never stops the index.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use std::collections::VecDeque;
use std::sync::mpsc;

use walkdir::WalkDir;

use crate::cache;
use crate::document;
use crate::record::Record;

/// How to walk.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Follow symbolic links (off by default: a link out of the folder is
    /// not read unless asked).
    pub follow_links: bool,
    /// Called on each file just before it is read, on the worker thread.
    /// For tests that change the folder during the walk (a file removed
    /// after it was listed); `None` in normal use.
    pub before_read: Option<fn(&Path)>,
    /// Split text files that hold several documents into one record per
    /// document (issue 8, `--split`); off by default, since the split still
    /// cuts some one-document files of the oldest volumes in two.
    pub split: bool,
}

/// What an index run saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files parsed (text or XML).
    pub files: usize,
    /// Records written.
    pub documents: usize,
    /// Files of other kinds, skipped.
    pub skipped: usize,
    /// Entries that could not be walked (unreadable folders, loops).
    pub walk_errors: usize,
    /// Diagnostics of severity warning in the records.
    pub warnings: usize,
    /// Diagnostics of severity error in the records, plus walk errors.
    pub errors: usize,
    /// Files whose records were reused from the previous index.
    pub reused: usize,
    /// Of those, the files not read: their status vouched for their
    /// content ([`cache::Previous::trusts`]).
    pub unread: usize,
    /// Bytes of the files indexed.
    pub bytes: u64,
    /// Text files larger than [`LARGE_TEXT`] read as one document (not
    /// split): likely several documents (issue 8), worth a hint.
    pub large_text: usize,
}

/// A text file larger than this read as one document is likely several:
/// the longest of the 4,620 documents of the shared corpus is 119 KB.
pub const LARGE_TEXT: u64 = 512 * 1024;

/// A problem that stops the whole run.
#[derive(Debug)]
pub enum Error {
    /// The root cannot be read.
    Root(PathBuf, io::Error),
    /// The sink failed (e.g. a closed pipe or a full disk).
    Sink(io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Root(p, e) => write!(f, "{}: {}", p.display(), e),
            Error::Sink(e) => write!(f, "writing output: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// The kind of file, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`: document text.
    Text,
    /// `.xml`: TEI.
    Xml,
}

/// Which files are read: `.txt` text and `.xml` TEI.
pub fn kind_of(path: &Path) -> Option<Kind> {
    // Compared without a lowered copy: this runs for every walked file.
    let ext = path.extension()?.to_str()?;
    if ext.eq_ignore_ascii_case("txt") {
        Some(Kind::Text)
    } else if ext.eq_ignore_ascii_case("xml") {
        Some(Kind::Xml)
    } else {
        None
    }
}

/// The records of one file on disk. `rel` is the path written in records.
pub fn records_of_file(path: &Path, rel: &str, kind: Kind) -> Vec<Record> {
    records_of_file_split(path, rel, kind, false)
}

/// The records of one file on disk, text files split into their documents
/// when `split` is set.
pub fn records_of_file_split(path: &Path, rel: &str, kind: Kind, split: bool) -> Vec<Record> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return vec![document::unreadable(
                rel,
                "E010",
                format!("cannot read file: {e}"),
            )]
        }
    };
    match kind {
        Kind::Text => document::records_from_text_bytes_with(&bytes, rel, split),
        Kind::Xml => crate::document::records_from_xml_bytes(&bytes, rel),
    }
}

/// The records of one text file on disk plus its decoded text (empty when
/// the file cannot be read or is binary), and the doubtful places of the
/// split when `split` split it ([`document::records_text_and_doubts`]).
/// `rel` is the path written in records.
pub fn records_and_text_of_file(
    path: &Path,
    rel: &str,
    split: bool,
) -> (Vec<Record>, String, Option<Vec<crate::split::Doubt>>) {
    match fs::read(path) {
        Ok(bytes) => document::records_text_and_doubts(&bytes, rel, split),
        Err(e) => (
            vec![document::unreadable(
                rel,
                "E010",
                format!("cannot read file: {e}"),
            )],
            String::new(),
            None,
        ),
    }
}

/// Files in flight at most: read, parsed or waiting to be written. Bounds
/// memory (a window of pending records, never the whole corpus) while
/// keeping every core busy when one file is slower than the rest.
pub const WINDOW: usize = 128;

/// Files to parse given to a worker at once: one task and one channel per
/// batch, not per file (a file whose record is reused costs little more
/// than the hand-over, so the hand-over counts).
const BATCH: usize = 8;

/// Files given to a worker at once when each has a cache entry (and so is
/// likely reused, at the cost of an open, a read and a hash): larger
/// batches, so fewer hand-overs and thread wake-ups. A batch is closed when
/// its weight reaches this, a file to parse weighing `REUSE_BATCH / BATCH`
/// (so [`BATCH`] files to parse make a batch) and a likely reused one 1
/// (issue 4: an unchanged incremental run of 36,000 files went from about
/// 5,800 context switches to 1,800).
const REUSE_BATCH: usize = 32;

/// Where records go, in path order, from one thread.
pub trait Output {
    /// Write one record.
    fn record(&mut self, r: &Record) -> io::Result<()>;
    /// Write record lines reused from a previous index (NDJSON, each line
    /// ending in "\n").
    fn raw(&mut self, _lines: &[u8]) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "this output cannot take reused records",
        ))
    }
    /// Bytes written so far (for the incremental cache).
    fn position(&self) -> u64 {
        0
    }
    /// Called at the end of an incremental run when nothing was written
    /// and the output would be the previous index byte for byte (every
    /// file reused, in the same order, none added or removed). Return
    /// `true` to keep the previous index as the result (the output then
    /// stays empty and must be discarded); `false` (the default) and the
    /// bytes are written.
    fn keep_previous(&mut self) -> bool {
        false
    }
}

/// An [`Output`] from a closure.
struct FnOutput<S>(S);

impl<S: FnMut(&Record) -> io::Result<()>> Output for FnOutput<S> {
    fn record(&mut self, r: &Record) -> io::Result<()> {
        (self.0)(r)
    }
}

/// Incremental indexing: the previous run to reuse, and the cache of this
/// run to write.
pub struct Incremental {
    /// The previous run, if there is a usable one.
    pub previous: Option<cache::Previous>,
    /// The cache of this run.
    pub writer: cache::Writer,
    /// Read and hash every file, even one whose status vouches for its
    /// content (`--verify`).
    pub verify: bool,
}

/// The status of a file: size and modification time, and on Unix the
/// ctime, inode and device (0 elsewhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stat {
    size: u64,
    mtime: i128,
    ctime: i128,
    ino: u64,
    dev: u64,
}

/// Open `path` and read it into `buf` (see [`read_open`]); with `stat`,
/// its size and mtime come from the open file too. Gives the number of
/// bytes read.
fn read_file(path: &Path, stat: bool, buf: &mut Vec<u8>) -> io::Result<(usize, Option<Stat>)> {
    let mut file = fs::File::open(path)?;
    if !stat {
        return Ok((read_open(&mut file, None, buf)?, None));
    }
    let meta = file.metadata()?;
    let n = read_open(&mut file, Some(meta.len()), buf)?;
    Ok((n, Some(stat_of(&meta))))
}

/// Read `file` to its end into `buf[..n]`, giving `n`. `buf` is a worker's
/// buffer, reused from file to file: its length is the part already
/// allocated and zeroed once, and it only grows.
///
/// With `size` (from the open file's metadata) the buffer is made
/// `size + 1` long, so a file of that size comes in one read: a read that
/// stops short of the buffer's end at exactly `size` bytes is at the end
/// of the file, and the usual last read (the one that returns 0) is not
/// made. A file that grew or shrank since its metadata was taken is read
/// on to the end, as without `size` (its bytes then differ from the
/// size, so it is not reused: issue 4).
fn read_open<R: io::Read>(file: &mut R, size: Option<u64>, buf: &mut Vec<u8>) -> io::Result<usize> {
    let expect = size.and_then(|s| usize::try_from(s).ok());
    let first = expect.map_or(MIN_BUF, |e| e.saturating_add(1));
    if buf.len() < first {
        buf.resize(first, 0);
    }
    let mut n = 0;
    loop {
        if n == buf.len() {
            let more = buf.len().saturating_mul(2).max(MIN_BUF);
            buf.resize(more, 0);
        }
        match file.read(&mut buf[n..]) {
            Ok(0) => return Ok(n),
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        // The buffer holds at least `size + 1` bytes, so `n == size` here
        // is a short read: the end of the file.
        if Some(n) == expect {
            return Ok(n);
        }
    }
}

/// The smallest read buffer.
const MIN_BUF: usize = 1 << 13;

/// A worker's read buffer is kept for its next file up to this size; a
/// larger one (a very large file) is freed.
const KEEP_BUF: usize = 1 << 22;

thread_local! {
    /// The read buffer of this worker thread (see [`read_open`]). Taken
    /// out while a file is worked on, so a nested use finds it empty
    /// rather than borrowed.
    static READ_BUF: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

fn stat_of(meta: &fs::Metadata) -> Stat {
    let mtime = meta
        .modified()
        .ok()
        .map(|t| match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        })
        .unwrap_or(0);
    #[cfg(unix)]
    let (ctime, ino, dev) = {
        use std::os::unix::fs::MetadataExt;
        let ctime = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
        (ctime, meta.ino(), meta.dev())
    };
    #[cfg(not(unix))]
    let (ctime, ino, dev) = (0, 0, 0);
    Stat {
        size: meta.len(),
        mtime,
        ctime,
        ino,
        dev,
    }
}

/// The status of the regular file at `path`, when it is the one `old`
/// recorded.
fn unchanged_status(path: &Path, old: &cache::Entry) -> Option<Stat> {
    let meta = fs::metadata(path).ok()?;
    let st = stat_of(&meta);
    (meta.is_file() && st == recorded(old)).then_some(st)
}

/// The status the cache entry `old` recorded.
fn recorded(old: &cache::Entry) -> Stat {
    Stat {
        size: old.size,
        mtime: old.mtime,
        ctime: old.ctime,
        ino: old.ino,
        dev: old.dev,
    }
}

/// Whether the cache entry `old` still describes a file whose open file
/// said `st` and whose `len` bytes read hash to `hash`: the bytes read
/// must also be as many as the size said (a file that grew or shrank
/// while it was read is parsed again).
fn reusable(old: &cache::Entry, st: Stat, len: u64, hash: u64) -> bool {
    old.hash == hash && old.size == len && st.size == len && old.mtime == st.mtime
}

/// A walked file waiting to be read, then reused or parsed.
struct Job {
    path: PathBuf,
    rel: String,
    kind: Kind,
    /// The cache's entry for the path, if any: reused when the file's
    /// size, mtime and hash are the entry's.
    old: Option<cache::Entry>,
    /// Whether the entry's status vouches for the file's content: the
    /// file is then reused without reading it when its status is the
    /// entry's.
    trust: bool,
    utf8_name: bool,
}

/// What a worker gives back for one file (with its `rel`, taken out of
/// the [`Job`] before the work, so that a panic can still name the file
/// without a copy of the name).
struct Done {
    rel: String,
    /// Bytes of the file: its size from the open file when known, else the
    /// bytes read.
    size: u64,
    stat: Option<Stat>,
    hash: Option<u64>,
    outcome: Outcome,
}

enum Outcome {
    Parsed(Vec<Record>),
    /// The cache's entry, and whether the file was not read (its status
    /// vouched for it).
    Reuse(cache::Entry, bool),
}

fn work(job: Job, rel: &str, hashing: bool, before_read: Option<fn(&Path)>, split: bool) -> Done {
    let mut buf = READ_BUF.with(std::cell::Cell::take);
    let done = work_in(job, rel, hashing, before_read, split, &mut buf);
    if buf.len() <= KEEP_BUF {
        READ_BUF.with(|b| b.set(buf));
    }
    done
}

/// The work on one file; the `rel` of the `Done` is left empty for the
/// caller to fill.
fn work_in(
    job: Job,
    rel: &str,
    hashing: bool,
    before_read: Option<fn(&Path)>,
    split: bool,
    buf: &mut Vec<u8>,
) -> Done {
    let Job {
        path,
        kind,
        old,
        trust,
        utf8_name,
        ..
    } = job;
    if let Some(hook) = before_read {
        hook(&path);
    }
    // One stat, no open or read, when nothing changed.
    let old = match old {
        Some(old) if trust => match unchanged_status(&path, &old) {
            Some(st) => {
                return Done {
                    rel: String::new(),
                    size: st.size,
                    stat: Some(st),
                    hash: Some(old.hash),
                    outcome: Outcome::Reuse(old, true),
                }
            }
            None => Some(old),
        },
        old => old,
    };
    // For the cache, size and mtime come from the open file: one path
    // lookup per file, on this worker, not a stat on the walk's thread.
    let (n, stat) = match read_file(&path, hashing, buf) {
        Ok(r) => r,
        Err(e) => {
            let r = document::unreadable(rel, "E010", format!("cannot read file: {e}"));
            return Done {
                rel: String::new(),
                size: 0,
                stat: None,
                hash: None,
                outcome: Outcome::Parsed(vec![r]),
            };
        }
    };
    let bytes = &buf[..n];
    let hash = hashing.then(|| cache::hash(bytes));
    let size = stat.map_or(bytes.len() as u64, |s| s.size);
    if let (Some(old), Some(h), Some(st)) = (old, hash, stat) {
        if reusable(&old, st, bytes.len() as u64, h) {
            return Done {
                rel: String::new(),
                size,
                stat,
                hash,
                outcome: Outcome::Reuse(old, false),
            };
        }
    }
    let mut recs = match kind {
        Kind::Text => document::records_from_text_bytes_with(bytes, rel, split),
        Kind::Xml => document::records_from_xml_bytes(bytes, rel),
    };
    if !utf8_name {
        for r in &mut recs {
            let mut d = crate::diag::Diagnostic::new(
                crate::diag::Severity::Warning,
                "E005",
                0,
                "file name is not UTF-8; shown with U+FFFD",
            );
            d.line = 1;
            d.column = 1;
            r.diagnostics.insert(0, d);
        }
    }
    Done {
        rel: String::new(),
        size,
        stat,
        hash,
        outcome: Outcome::Parsed(recs),
    }
}

/// Index `root`, giving each record to `sink` in path order. Diagnostics
/// about the walk itself are given to `warn`.
pub fn index<S, W>(root: &Path, opts: &Options, sink: S, mut warn: W) -> Result<Summary, Error>
where
    S: FnMut(&Record) -> io::Result<()>,
    W: FnMut(&str),
{
    index_to(
        root,
        opts,
        &mut FnOutput(sink),
        None,
        &mut warn,
        &mut |_| {},
    )
}

/// Index `root` into `out`, in path order: the walk runs on this thread,
/// files are read and parsed on the rayon pool with at most [`WINDOW`] in
/// flight, and their records are written here, in walk order, as soon as
/// the oldest file in flight is done. With `inc`, unchanged files (size,
/// mtime, content hash, parser version) have their record lines copied
/// from the previous index. `warn` gets problems of the walk; `tick` is
/// called with each file's size as it is written (for a progress bar).
pub fn index_to(
    root: &Path,
    opts: &Options,
    out: &mut dyn Output,
    inc: Option<&mut Incremental>,
    warn: &mut dyn FnMut(&str),
    tick: &mut dyn FnMut(u64),
) -> Result<Summary, Error> {
    let meta = fs::metadata(root).map_err(|e| Error::Root(root.to_path_buf(), e))?;
    if meta.is_dir() {
        fs::read_dir(root).map_err(|e| Error::Root(root.to_path_buf(), e))?;
    }
    let mut summary = Summary::default();
    let mut inc = inc;
    if let Some(i) = inc.as_deref_mut() {
        if let Some(prev) = &i.previous {
            // Lines the same as the previous cache's are compared, not
            // written: with nothing changed, the cache need not be
            // rewritten (`cache::Writer::finish_or_keep`).
            i.writer.compare_with(prev);
        }
    }
    let hashing = inc.is_some();
    let before_read = opts.before_read;
    let split = opts.split;
    let walker = WalkDir::new(root)
        .follow_links(opts.follow_links)
        // By file name, as `sort_by_file_name`; siblings share their
        // parent's path, so their whole paths compare as their names do,
        // without taking each name apart on every comparison (3 % of the
        // instructions of an index run).
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()));
    // Batches in flight, with their number of files (at most WINDOW in
    // all), and the batch being filled, with its weight.
    let mut pending: VecDeque<(mpsc::Receiver<Vec<Done>>, usize)> = VecDeque::new();
    let mut in_flight = 0;
    let mut batch: Vec<Job> = Vec::with_capacity(REUSE_BATCH);
    let mut weight = 0;

    let mut w = Sequencer {
        out,
        inc,
        run: None,
        root,
        split,
        tick,
    };

    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                summary.walk_errors += 1;
                summary.errors += 1;
                let path = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                if e.loop_ancestor().is_some() {
                    warn(&format!("{path}: symbolic link loop, not followed"));
                } else {
                    warn(&format!(
                        "{path}: {}",
                        e.io_error()
                            .map_or_else(|| e.to_string(), |io| io.to_string())
                    ));
                }
                continue;
            }
        };
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        let path = entry.path();
        let Some(kind) = kind_of(path) else {
            summary.skipped += 1;
            continue;
        };
        let rel = relative(root, path);
        if ft.is_symlink() {
            summary.skipped += 1;
            warn(&format!(
                "{rel}: symbolic link, not followed (use --follow)"
            ));
            continue;
        }
        if !ft.is_file() {
            // Never opened: opening a FIFO would block.
            summary.skipped += 1;
            warn(&format!(
                "{rel}: not a regular file (FIFO, socket or device), skipped"
            ));
            continue;
        }
        let utf8_name = path.to_str().is_some();
        // The worker compares the entry's size, mtime and hash with the
        // file's, or, when the entry is trusted, its status.
        let (old, trust) = match w.inc.as_deref_mut() {
            Some(Incremental {
                previous: Some(prev),
                verify,
                ..
            }) if utf8_name => {
                let old = prev.lookup(&rel);
                let trust = !*verify && old.as_ref().is_some_and(|e| prev.trusts(e));
                (old, trust)
            }
            _ => (None, false),
        };
        weight += if old.is_some() {
            1
        } else {
            REUSE_BATCH / BATCH
        };
        let job = Job {
            path: entry.into_path(),
            rel,
            kind,
            old,
            trust,
            utf8_name,
        };
        batch.push(job);
        if weight < REUSE_BATCH {
            continue;
        }
        while in_flight + batch.len() > WINDOW {
            let Some((rx, n)) = pending.pop_front() else {
                break;
            };
            in_flight -= n;
            for done in recv(rx) {
                w.finish(done, &mut summary)?;
            }
        }
        let jobs = std::mem::replace(&mut batch, Vec::with_capacity(REUSE_BATCH));
        weight = 0;
        in_flight += jobs.len();
        let n = jobs.len();
        pending.push_back((spawn_batch(jobs, hashing, before_read, split), n));
    }
    if !batch.is_empty() {
        let n = batch.len();
        pending.push_back((spawn_batch(batch, hashing, before_read, split), n));
    }
    while let Some((rx, _)) = pending.pop_front() {
        for done in recv(rx) {
            w.finish(done, &mut summary)?;
        }
    }
    w.end()?;
    Ok(summary)
}

/// Writes finished files in walk order. Record lines reused from the
/// previous index are not copied at once: consecutive reused slices that
/// are also consecutive in the old index make one run, copied in large
/// chunks when something else must be written (or at the end). A run that
/// is the whole old index, with nothing else written, is the old index
/// itself: the output may keep it ([`Output::keep_previous`]).
struct Sequencer<'a> {
    out: &'a mut dyn Output,
    inc: Option<&'a mut Incremental>,
    /// The run of old-index bytes not yet written.
    run: Option<std::ops::Range<u64>>,
    root: &'a Path,
    split: bool,
    tick: &'a mut dyn FnMut(u64),
}

impl Sequencer<'_> {
    /// The output position, counting the run not yet written.
    fn position(&self) -> u64 {
        self.out.position() + self.run.as_ref().map_or(0, |r| r.end - r.start)
    }

    /// Write the pending run, if any.
    fn flush_run(&mut self) -> Result<(), Error> {
        let Some(run) = self.run.take() else {
            return Ok(());
        };
        let Some(prev) = self.inc.as_mut().and_then(|i| i.previous.as_mut()) else {
            return Ok(());
        };
        let out = &mut *self.out;
        prev.copy(run.start, run.end - run.start, &mut |b| out.raw(b))
            .map_err(Error::Sink)
    }

    /// Write one finished file and add its cache entry.
    fn finish(&mut self, done: Done, summary: &mut Summary) -> Result<(), Error> {
        summary.files += 1;
        let start = self.position();
        let (mut records, mut warnings, mut errors) = (0, 0, 0);
        let recs = match done.outcome {
            Outcome::Parsed(recs) => Some(recs),
            Outcome::Reuse(old, unread) => {
                let held = self
                    .inc
                    .as_ref()
                    .and_then(|i| i.previous.as_ref())
                    .is_some_and(|p| p.holds(&old));
                if held {
                    let range = old.offset..old.offset + old.len;
                    match &mut self.run {
                        Some(run) if run.end == range.start => run.end = range.end,
                        _ => {
                            self.flush_run()?;
                            self.run = Some(range);
                        }
                    }
                    summary.reused += 1;
                    summary.unread += usize::from(unread);
                    (records, warnings, errors) = (old.records, old.warnings, old.errors);
                    None
                } else {
                    // The old index does not hold what the cache says: parse.
                    Some(records_of_file_split(
                        &self.root.join(&done.rel),
                        &done.rel,
                        kind_of(Path::new(&done.rel)).unwrap_or(Kind::Text),
                        self.split,
                    ))
                }
            }
        };
        if let Some(recs) = recs {
            self.flush_run()?;
            for r in &recs {
                let (w, e) = count(r);
                warnings += w;
                errors += e;
                records += 1;
                self.out.record(r).map_err(Error::Sink)?;
            }
        }
        summary.documents += records;
        summary.warnings += warnings;
        summary.errors += errors;
        let size = done.size;
        summary.bytes += size;
        if !self.split && size > LARGE_TEXT && kind_of(Path::new(&done.rel)) == Some(Kind::Text) {
            summary.large_text += 1;
        }
        (self.tick)(size);
        let end = self.position();
        if let (Some(i), Some(stat), Some(hash)) = (self.inc.as_mut(), done.stat, done.hash) {
            let e = cache::Entry {
                path: done.rel,
                size: stat.size,
                mtime: stat.mtime,
                ctime: stat.ctime,
                ino: stat.ino,
                dev: stat.dev,
                hash,
                offset: start,
                len: end - start,
                records,
                warnings,
                errors,
            };
            i.writer.add(&e).map_err(Error::Sink)?;
        }
        Ok(())
    }

    /// The end of the run: keep the old index when the output is it byte
    /// for byte and the output agrees, else write the pending run.
    fn end(&mut self) -> Result<(), Error> {
        let whole_old = match self.inc.as_ref().and_then(|i| i.previous.as_ref()) {
            Some(prev) => {
                self.out.position() == 0 && self.run.clone().unwrap_or(0..0) == (0..prev.len())
            }
            None => false,
        };
        if whole_old && self.out.keep_previous() {
            self.run = None;
            return Ok(());
        }
        self.flush_run()
    }
}

/// The result of a job. Workers always send one (panics are caught), so a
/// closed channel cannot happen; it is still turned into a record.
fn recv(rx: mpsc::Receiver<Vec<Done>>) -> Vec<Done> {
    rx.recv().unwrap_or_else(|_| {
        vec![Done {
            rel: String::new(),
            size: 0,
            stat: None,
            hash: None,
            outcome: Outcome::Parsed(vec![document::unreadable(
                "",
                "E011",
                "internal error: a worker stopped".into(),
            )]),
        }]
    })
}

/// Read and parse `jobs` on the rayon pool, in order; their results come
/// back together on the returned channel.
fn spawn_batch(
    jobs: Vec<Job>,
    hashing: bool,
    before_read: Option<fn(&Path)>,
    split: bool,
) -> mpsc::Receiver<Vec<Done>> {
    let (tx, rx) = mpsc::sync_channel(1);
    rayon::spawn(move || {
        let done = jobs
            .into_iter()
            .map(|mut job| {
                let rel = std::mem::take(&mut job.rel);
                // A panic is a parser bug: it becomes a record, not an abort.
                let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    work(job, &rel, hashing, before_read, split)
                }));
                match done {
                    Ok(d) => Done { rel, ..d },
                    Err(_) => Done {
                        outcome: Outcome::Parsed(vec![document::unreadable(
                            &rel,
                            "E011",
                            "internal error: the parser panicked on this file".into(),
                        )]),
                        rel,
                        size: 0,
                        stat: None,
                        hash: None,
                    },
                }
            })
            .collect();
        // The receiver is gone only when the run stopped early.
        let _ = tx.send(done);
    });
    rx
}

/// Warnings and errors of one record.
fn count(r: &Record) -> (usize, usize) {
    let mut n = (0, 0);
    for d in &r.diagnostics {
        match d.severity {
            crate::diag::Severity::Error => n.1 += 1,
            crate::diag::Severity::Warning => n.0 += 1,
            crate::diag::Severity::Info => {}
        }
    }
    n
}

/// `path` relative to `root`, with "/" separators; the root itself when
/// `root` is a file.
pub fn relative(root: &Path, path: &Path) -> String {
    if let Some(rest) = plain_rest(root, path) {
        return rest.to_string();
    }
    let rel = path
        .strip_prefix(root)
        .ok()
        .filter(|r| !r.as_os_str().is_empty());
    let shown = match rel {
        Some(r) => r,
        None => Path::new(path.file_name().unwrap_or(path.as_os_str())),
    };
    let s = shown.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// The part of `path` after `root` and a "/", when it is a plain relative
/// path (no empty, "." or ".." component) and both are UTF-8: then it is
/// what [`relative`] gives, found as a string prefix without comparing
/// components (issue 4). None otherwise, and on systems whose separator
/// is not "/".
fn plain_rest<'a>(root: &Path, path: &'a Path) -> Option<&'a str> {
    if std::path::MAIN_SEPARATOR != '/' {
        return None;
    }
    let (r, p) = (root.to_str()?, path.to_str()?);
    let rest = p.strip_prefix(r)?;
    let rest = if r.ends_with('/') {
        rest
    } else {
        rest.strip_prefix('/')?
    };
    let plain = !rest.is_empty()
        && rest
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..");
    plain.then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_by_extension_in_any_case() {
        for (path, want) in [
            ("a.txt", Some(Kind::Text)),
            ("d/a.TXT", Some(Kind::Text)),
            ("a.tXt", Some(Kind::Text)),
            ("a.xml", Some(Kind::Xml)),
            ("a.XML", Some(Kind::Xml)),
            ("a.txt.bak", None),
            ("a.md", None),
            ("a.text", None),
            ("a.tx", None),
            ("txt", None),
            (".txt", None),
            ("a.", None),
            ("a.tẋt", None),
        ] {
            assert_eq!(kind_of(Path::new(path)), want, "{path}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let odd = std::ffi::OsStr::from_bytes(b"a.t\xffxt");
            assert_eq!(kind_of(Path::new(odd)), None);
        }
    }

    #[test]
    fn plain_rest_is_the_component_prefix() {
        // (root, path, the fast answer)
        for (root, path, want) in [
            ("dir", "dir/a/b.txt", Some("a/b.txt")),
            ("dir/", "dir/a.txt", Some("a.txt")),
            ("dir/.", "dir/./a.txt", Some("a.txt")),
            ("./dir", "./dir/x/y", Some("x/y")),
            ("/", "/a", Some("a")),
            ("dir", "dir", None),
            ("dir", "dir2/a.txt", None),
            ("dir", "dir//a.txt", None),
            ("dir", "dir/./a.txt", None),
            ("dir", "dir/a/../b", None),
            ("", "a/b", None),
            ("a/b", "a/b.txt", None),
        ] {
            let (root, path) = (Path::new(root), Path::new(path));
            let got = plain_rest(root, path);
            assert_eq!(got, want, "{root:?} {path:?}");
            // Where it answers, the components say the same.
            if let Some(rest) = got {
                let by_components = path.strip_prefix(root).unwrap();
                assert_eq!(by_components, Path::new(rest), "{root:?} {path:?}");
                assert_eq!(by_components.to_string_lossy(), rest, "{root:?} {path:?}");
            }
        }
    }

    /// `read_open` of the file `bytes` with the size `said` (the size of
    /// the open file, or a stale one), into `buf`.
    fn read_as(bytes: &[u8], said: Option<u64>, buf: &mut Vec<u8>) -> (usize, Vec<u8>) {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f.txt");
        fs::write(&p, bytes).unwrap();
        let mut f = fs::File::open(&p).unwrap();
        let n = read_open(&mut f, said, buf).unwrap();
        (n, buf[..n].to_vec())
    }

    #[test]
    fn read_open_reads_to_the_end_whatever_the_size_said() {
        let big: Vec<u8> = (0..3 * MIN_BUF + 5).map(|i| (i % 251) as u8).collect();
        // (file bytes, size given)
        let cases: Vec<(&[u8], Option<u64>)> = vec![
            (b"", Some(0)),
            (b"", None),
            (b"abc", Some(3)),
            (b"abc", None),
            // The file grew after its size was taken: read on to the end.
            (b"abcdef", Some(3)),
            (b"abcdef", Some(0)),
            (&big, Some(10)),
            // It shrank: the short read is not taken for the end at the
            // old size.
            (b"abc", Some(6)),
            (b"", Some(4)),
            (&big, Some(big.len() as u64)),
            (&big, Some(big.len() as u64 + 1)),
            (&big, None),
        ];
        for (bytes, said) in cases {
            // A fresh buffer, and one reused from a longer file (stale
            // bytes past the end must not show).
            for mut buf in [Vec::new(), vec![b'x'; 4 * MIN_BUF]] {
                let (n, got) = read_as(bytes, said, &mut buf);
                assert_eq!(n, bytes.len(), "{said:?}");
                assert_eq!(got, bytes, "{said:?}");
            }
        }
    }

    /// A reader over `bytes` that reads as a regular file does (as much
    /// as asked, up to the end) and counts its reads.
    struct Counted<'a> {
        bytes: &'a [u8],
        reads: usize,
    }

    impl io::Read for Counted<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            self.reads += 1;
            let k = out.len().min(self.bytes.len());
            out[..k].copy_from_slice(&self.bytes[..k]);
            self.bytes = &self.bytes[k..];
            Ok(k)
        }
    }

    #[test]
    fn a_file_of_the_size_said_is_read_in_one_read() {
        let long = vec![b'a'; 3 * MIN_BUF];
        // (file bytes, size given, reads)
        let cases: Vec<(&[u8], Option<u64>, usize)> = vec![
            (b"", Some(0), 1),
            (b"hello", Some(5), 1),
            (&long, Some(long.len() as u64), 1),
            // Without a size, or with a wrong one, the read that gives 0
            // ends it.
            (b"hello", None, 2),
            (b"hello", Some(4), 2),
            (b"hello", Some(6), 2),
            (b"", Some(3), 1),
        ];
        for (bytes, said, reads) in cases {
            for mut buf in [Vec::new(), vec![b'x'; 4 * MIN_BUF]] {
                let mut r = Counted { bytes, reads: 0 };
                let n = read_open(&mut r, said, &mut buf).unwrap();
                assert_eq!(&buf[..n], bytes, "{said:?}");
                assert_eq!(r.reads, reads, "{} bytes, {said:?}", bytes.len());
            }
        }
    }

    #[test]
    fn a_file_that_changed_while_read_is_not_reused() {
        let old = cache::Entry {
            path: "a.txt".into(),
            size: 3,
            mtime: 7,
            ctime: 9,
            ino: 11,
            dev: 13,
            hash: cache::hash(b"abc"),
            offset: 0,
            len: 10,
            records: 1,
            warnings: 0,
            errors: 0,
        };
        let st = recorded(&old);
        assert!(reusable(&old, st, 3, cache::hash(b"abc")));
        // It grew between its metadata and the read: more bytes than said.
        let grown = cache::hash(b"abcd");
        assert!(!reusable(&old, st, 4, grown));
        // Even were the hash of the longer bytes the old one.
        assert!(!reusable(&old, st, 4, old.hash));
        // It shrank.
        assert!(!reusable(&old, st, 2, old.hash));
        // Touched, or other bytes of the same size.
        assert!(!reusable(&old, Stat { mtime: 8, ..st }, 3, old.hash));
        assert!(!reusable(&old, st, 3, cache::hash(b"abd")));
    }

    #[test]
    fn records_come_in_walk_order_past_the_window() {
        let d = tempfile::tempdir().unwrap();
        let n = WINDOW * 3 + 7;
        let mut want = Vec::new();
        for i in 0..n {
            let sub = if i % 3 == 0 { "a" } else { "b/c" };
            fs::create_dir_all(d.path().join(sub)).unwrap();
            let name = format!("{sub}/d{i:04}.txt");
            // Sizes vary so that workers finish out of order.
            let body = "Text. ".repeat(1 + (i * 7919) % 3000);
            fs::write(d.path().join(&name), format!("{i}. Head\n\n{body}\n")).unwrap();
            want.push(name);
        }
        fs::write(d.path().join("skip.md"), "x").unwrap();
        want.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        let mut got = Vec::new();
        let s = index(
            d.path(),
            &Options::default(),
            |r| {
                got.push(r.path.clone());
                Ok(())
            },
            |w| panic!("{w}"),
        )
        .unwrap();
        assert_eq!(got, want);
        assert_eq!((s.files, s.documents, s.skipped), (n, n, 1));
    }

    #[test]
    fn a_failing_sink_stops_the_run() {
        let d = tempfile::tempdir().unwrap();
        for i in 0..WINDOW * 2 {
            fs::write(d.path().join(format!("d{i:04}.txt")), "1. Head\n\nText.\n").unwrap();
        }
        let mut calls = 0;
        let res = index(
            d.path(),
            &Options::default(),
            |_| {
                calls += 1;
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            },
            |_| {},
        );
        assert!(matches!(res, Err(Error::Sink(e)) if e.kind() == io::ErrorKind::BrokenPipe));
        assert_eq!(calls, 1);
    }
}
