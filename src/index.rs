//! Indexing a folder: walk it in path order, parse files in parallel, and
//! hand the records to a sink in path order.
//!
//! Memory is bounded: the walk is consumed in batches of [`BATCH`] files;
//! each batch is parsed in parallel (rayon) and its records are handed to
//! the sink in order before the next batch is read. A file that cannot be
//! read gives a record with a diagnostic; it never stops the index.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::document;
use crate::record::Record;

/// Files parsed together before their records are written.
pub const BATCH: usize = 256;

/// How to walk.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Follow symbolic links (off by default: a link out of the folder is
    /// not read unless asked).
    pub follow_links: bool,
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
}

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
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("txt") => Some(Kind::Text),
        Some("xml") => Some(Kind::Xml),
        _ => None,
    }
}

/// The records of one file on disk. `rel` is the path written in records.
pub fn records_of_file(path: &Path, rel: &str, kind: Kind) -> Vec<Record> {
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
        Kind::Text => document::records_from_text_bytes(&bytes, rel),
        Kind::Xml => crate::document::records_from_xml_bytes(&bytes, rel),
    }
}

/// A walked entry waiting to be parsed, or a record already made for it.
enum Job {
    Parse(PathBuf, String, Kind),
    Done(Record),
}

/// Index `root`, giving each record to `sink` in path order. Diagnostics
/// about the walk itself are given to `warn`.
pub fn index<S, W>(root: &Path, opts: &Options, mut sink: S, mut warn: W) -> Result<Summary, Error>
where
    S: FnMut(&Record) -> io::Result<()>,
    W: FnMut(&str),
{
    let meta = fs::metadata(root).map_err(|e| Error::Root(root.to_path_buf(), e))?;
    if meta.is_dir() {
        fs::read_dir(root).map_err(|e| Error::Root(root.to_path_buf(), e))?;
    }
    let mut summary = Summary::default();
    let walker = WalkDir::new(root)
        .follow_links(opts.follow_links)
        .sort_by_file_name();
    let mut batch: Vec<Job> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Job>, summary: &mut Summary| -> Result<(), Error> {
        let records: Vec<Vec<Record>> = batch
            .par_drain(..)
            .map(|job| match job {
                Job::Parse(path, rel, kind) => records_of_file(&path, &rel, kind),
                Job::Done(r) => vec![r],
            })
            .collect();
        for recs in records {
            summary.files += 1;
            for r in &recs {
                count(r, summary);
                summary.documents += 1;
                sink(r).map_err(Error::Sink)?;
            }
        }
        Ok(())
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
            summary.skipped += 1;
            warn(&format!(
                "{rel}: not a regular file (FIFO, socket or device), skipped"
            ));
            continue;
        }
        let job = if path.to_str().is_none() {
            // The record keeps the lossy name; the diagnostic says so.
            let mut recs = records_of_file(path, &rel, kind);
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
            // Keep one job per file so the file count stays right.
            match recs.len() {
                1 => Job::Done(recs.remove(0)),
                _ => Job::Parse(path.to_path_buf(), rel, kind),
            }
        } else {
            Job::Parse(path.to_path_buf(), rel, kind)
        };
        batch.push(job);
        if batch.len() >= BATCH {
            flush(&mut batch, &mut summary)?;
        }
    }
    flush(&mut batch, &mut summary)?;
    Ok(summary)
}

fn count(r: &Record, s: &mut Summary) {
    for d in &r.diagnostics {
        match d.severity {
            crate::diag::Severity::Error => s.errors += 1,
            crate::diag::Severity::Warning => s.warnings += 1,
            crate::diag::Severity::Info => {}
        }
    }
}

/// `path` relative to `root`, with "/" separators; the root itself when
/// `root` is a file.
pub fn relative(root: &Path, path: &Path) -> String {
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
