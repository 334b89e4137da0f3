//! `cables index <dir>`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use cables::cache;
use cables::index::{self, Incremental, Options};

use super::out::{temp_path_for, Sink};
use super::{Error, IndexArgs, EXIT_OK, EXIT_TROUBLE};

pub fn run(a: IndexArgs) -> Result<u8, Error> {
    let start = Instant::now();
    // Before any file is looked at: the cache's entries are judged against it.
    let checked = cache::now_ns();
    let sink = if a.incremental {
        match Sink::open_counted(&a.out) {
            Some(s) => s?,
            None => {
                eprintln!("cables: error: --incremental needs --out FILE and NDJSON output (not --format json or --pretty)");
                return Ok(EXIT_TROUBLE);
            }
        }
    } else {
        Sink::open(&a.out)?
    };
    let mut inc = None;
    let mut cache_paths: Option<(PathBuf, PathBuf)> = None;
    if a.incremental {
        if let Some(target) = sink.target().map(|t| t.to_path_buf()) {
            let cache_path = cache_path_of(&target);
            // Records made with and without --split differ: the cache keys on both.
            let version = format!(
                "{}{}",
                cables::PARSER_VERSION,
                if a.split { "+split" } else { "" }
            );
            let previous = cache::Previous::open(&cache_path, &target, &version);
            let tmp = temp_path_for(&cache_path);
            let writer = match cache::Writer::create(&tmp, &version, checked) {
                Ok(w) => w,
                Err(e) => {
                    sink.abandon();
                    eprintln!("cables: error: {}: {e}", tmp.display());
                    return Ok(EXIT_TROUBLE);
                }
            };
            inc = Some(Incremental {
                previous,
                writer,
                verify: a.verify,
            });
            cache_paths = Some((tmp, cache_path));
        }
    }
    let opts = Options {
        follow_links: a.follow,
        split: a.split,
        ..Options::default()
    };
    let bar = progress_bar(a.quiet);
    let mut warn = |msg: &str| match &bar {
        Some(b) => b.suspend(|| eprintln!("cables: warning: {msg}")),
        None => eprintln!("cables: warning: {msg}"),
    };
    let mut tick = |bytes: u64| {
        if let Some(b) = &bar {
            b.inc(bytes);
        }
    };
    let mut sink = KeepOrWrite {
        sink,
        keep: false,
        bar: &bar,
    };
    let result = index::index_to(&a.dir, &opts, &mut sink, inc.as_mut(), &mut warn, &mut tick);
    let KeepOrWrite { sink, keep, .. } = sink;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let remove_cache_tmp = || {
        if let Some((tmp, _)) = &cache_paths {
            let _ = std::fs::remove_file(tmp);
        }
    };
    let summary = match result {
        Ok(s) => s,
        Err(index::Error::Root(p, e)) => {
            sink.abandon();
            remove_cache_tmp();
            eprintln!("cables: error: {}", cables::hint::cannot_read(&p, &e));
            return Ok(EXIT_TROUBLE);
        }
        Err(e) => {
            sink.abandon();
            remove_cache_tmp();
            return Err(Box::new(e));
        }
    };
    let target = sink.target().map(|t| t.to_path_buf());
    if keep {
        // The previous index is the output byte for byte: it stays.
        sink.abandon();
    } else if let Err(e) = sink.finish() {
        remove_cache_tmp();
        return Err(Box::new(e));
    }
    if let (Some(inc), Some((tmp, cache_path)), Some(target)) = (inc, &cache_paths, target) {
        let res = std::fs::metadata(&target)
            .and_then(|meta| inc.writer.finish_or_keep(&meta))
            .and_then(|same| {
                if same {
                    std::fs::remove_file(tmp)
                } else {
                    std::fs::rename(tmp, cache_path)
                }
            });
        if let Err(e) = res {
            remove_cache_tmp();
            eprintln!(
                "cables: warning: {}: cache not written: {e}",
                cache_path.display()
            );
        }
    }
    if !a.quiet {
        let reused = if a.incremental {
            format!(
                ", {} reused ({} unread, their status unchanged)",
                summary.reused, summary.unread
            )
        } else {
            String::new()
        };
        eprintln!(
            "cables: {} files, {} documents, {} skipped, {} warnings, {} errors{reused} in {:.2} s",
            summary.files,
            summary.documents,
            summary.skipped,
            summary.warnings,
            summary.errors,
            start.elapsed().as_secs_f64()
        );
        if summary.files == 0 {
            eprintln!("cables: {}", cables::hint::no_documents(&a.dir));
        }
        if summary.large_text > 0 {
            eprintln!(
                "cables: hint: {} text file{} over {} KB read as one document; a chapter or a volume saved as one file holds several: run with --split for one record per document",
                summary.large_text,
                if summary.large_text == 1 { "" } else { "s" },
                index::LARGE_TEXT / 1024
            );
        }
    }
    Ok(EXIT_OK)
}

/// The sink, plus whether the run chose to keep the previous index
/// (`--incremental` with nothing changed). It names on stderr each file
/// that could not be read or decoded as its record goes by.
struct KeepOrWrite<'a> {
    sink: Sink,
    keep: bool,
    bar: &'a Option<indicatif::ProgressBar>,
}

impl index::Output for KeepOrWrite<'_> {
    fn record(&mut self, r: &cables::Record) -> std::io::Result<()> {
        if let Some(line) = super::file_error_line(r) {
            match self.bar {
                Some(b) => b.suspend(|| eprintln!("cables: error: {line}")),
                None => eprintln!("cables: error: {line}"),
            }
        }
        self.sink.record(r)
    }
    fn raw(&mut self, lines: &[u8]) -> std::io::Result<()> {
        self.sink.raw(lines)
    }
    fn position(&self) -> u64 {
        self.sink.position()
    }
    fn keep_previous(&mut self) -> bool {
        // Only a file sink has a previous index to keep.
        self.keep = self.sink.target().is_some();
        self.keep
    }
}

/// The incremental cache next to an index: `index.ndjson.cables-cache`.
fn cache_path_of(target: &std::path::Path) -> PathBuf {
    let mut name = target
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".cables-cache");
    target.with_file_name(name)
}

/// A bar of bytes indexed, on stderr, only when stderr is a terminal.
fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {binary_bytes} indexed ({binary_bytes_per_sec}) {elapsed}",
    ) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}
