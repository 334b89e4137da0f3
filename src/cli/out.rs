//! Where records go: buffered, locked stdout, or a file written atomically.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use cables::output::{Format, RecordWriter};

use super::{OutArgs, OutFormat};

/// The destination of records.
pub enum Sink {
    /// Standard output (locked; the record writer buffers).
    Stdout(RecordWriter<io::StdoutLock<'static>>),
    /// A temporary file renamed to `target` on success.
    File(RecordWriter<File>, PathBuf, PathBuf),
    /// NDJSON into a temporary file renamed to `target` on success,
    /// counting bytes (for the incremental cache).
    Counted(RecordWriter<Counting<File>>, PathBuf, PathBuf),
}

/// A writer that counts the bytes given to it.
pub struct Counting<W> {
    inner: W,
    /// Bytes written.
    pub n: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let k = self.inner.write(buf)?;
        self.n += k as u64;
        Ok(k)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.n += buf.len() as u64;
        Ok(())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Sink {
    /// Open the destination named by `args`.
    pub fn open(args: &OutArgs) -> io::Result<Sink> {
        let format = match args.format {
            OutFormat::Ndjson => Format::Ndjson,
            OutFormat::Json => Format::Json,
        };
        match &args.out {
            None => {
                let w = io::stdout().lock();
                Ok(Sink::Stdout(RecordWriter::new(w, format, args.pretty)))
            }
            Some(target) => {
                let tmp = temp_path(target);
                let f = File::create(&tmp).map_err(|e| with_path(e, &tmp))?;
                Ok(Sink::File(
                    RecordWriter::new(f, format, args.pretty),
                    tmp,
                    target.clone(),
                ))
            }
        }
    }

    /// Open an NDJSON file sink that counts bytes (for `--incremental`);
    /// `None` when `args` asks for another layout or for stdout.
    pub fn open_counted(args: &OutArgs) -> Option<io::Result<Sink>> {
        let target = args.out.as_ref()?;
        if args.pretty || !matches!(args.format, OutFormat::Ndjson) {
            return None;
        }
        let tmp = temp_path(target);
        Some(File::create(&tmp).map_err(|e| with_path(e, &tmp)).map(|f| {
            let counting = Counting { inner: f, n: 0 };
            Sink::Counted(
                RecordWriter::new(counting, Format::Ndjson, false),
                tmp,
                target.clone(),
            )
        }))
    }

    /// Write one record.
    pub fn write(&mut self, r: &cables::Record) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write(r),
            Sink::File(w, _, _) => w.write(r),
            Sink::Counted(w, _, _) => w.write(r),
        }
    }

    /// The final path of a file sink.
    pub fn target(&self) -> Option<&Path> {
        match self {
            Sink::Stdout(_) => None,
            Sink::File(_, _, t) | Sink::Counted(_, _, t) => Some(t),
        }
    }

    /// Finish: flush, and for a file sync and rename into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.finish().map(drop),
            Sink::File(w, tmp, target) => {
                let res = w.finish().and_then(|b| commit(b, &tmp, &target));
                if res.is_err() {
                    let _ = fs::remove_file(&tmp);
                }
                res
            }
            Sink::Counted(w, tmp, target) => {
                let res = w.finish().and_then(|c| commit(c.inner, &tmp, &target));
                if res.is_err() {
                    let _ = fs::remove_file(&tmp);
                }
                res
            }
        }
    }

    /// Give up: remove a temporary file.
    pub fn abandon(self) {
        if let Sink::File(_, tmp, _) | Sink::Counted(_, tmp, _) = self {
            let _ = fs::remove_file(tmp);
        }
    }
}

impl cables::index::Output for Sink {
    fn record(&mut self, r: &cables::Record) -> io::Result<()> {
        self.write(r)
    }

    fn raw(&mut self, lines: &[u8]) -> io::Result<()> {
        match self {
            Sink::Counted(w, _, _) => w.raw(lines),
            _ => Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "reused records need NDJSON output to a file",
            )),
        }
    }

    fn position(&self) -> u64 {
        match self {
            Sink::Counted(w, _, _) => w.get_ref().n + w.buffered() as u64,
            _ => 0,
        }
    }
}

/// Sync and rename a finished temporary file into place.
fn commit(f: File, tmp: &Path, target: &Path) -> io::Result<()> {
    f.sync_all()?;
    fs::rename(tmp, target).map_err(|e| with_path(e, target))
}

/// A temporary path in the folder of `target` (so that rename is atomic).
pub fn temp_path_for(target: &Path) -> PathBuf {
    temp_path(target)
}

fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = format!(".{name}.cables-tmp.{}", std::process::id());
    match target.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => dir.join(tmp),
        None => PathBuf::from(tmp),
    }
}

fn with_path(e: io::Error, p: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", p.display()))
}
