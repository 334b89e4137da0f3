//! Where records go: buffered, locked stdout, or a file written atomically.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use cables::output::{Format, RecordWriter};

use super::{OutArgs, OutFormat};

/// The destination of records.
pub enum Sink {
    /// Standard output.
    Stdout(RecordWriter<BufWriter<io::StdoutLock<'static>>>),
    /// A temporary file renamed to `target` on success.
    File(RecordWriter<BufWriter<File>>, PathBuf, PathBuf),
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
                let w = BufWriter::with_capacity(1 << 16, io::stdout().lock());
                Ok(Sink::Stdout(RecordWriter::new(w, format, args.pretty)))
            }
            Some(target) => {
                let tmp = temp_path(target);
                let f = File::create(&tmp).map_err(|e| with_path(e, &tmp))?;
                Ok(Sink::File(
                    RecordWriter::new(BufWriter::with_capacity(1 << 16, f), format, args.pretty),
                    tmp,
                    target.clone(),
                ))
            }
        }
    }

    /// Write one record.
    pub fn write(&mut self, r: &cables::Record) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write(r),
            Sink::File(w, _, _) => w.write(r),
        }
    }

    /// Finish: flush, and for a file sync and rename into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.finish().map(drop),
            Sink::File(w, tmp, target) => {
                let res = w.finish().and_then(|mut b| {
                    b.flush()?;
                    let f = b.into_inner().map_err(|e| e.into_error())?;
                    f.sync_all()?;
                    fs::rename(&tmp, &target).map_err(|e| with_path(e, &target))
                });
                if res.is_err() {
                    let _ = fs::remove_file(&tmp);
                }
                res
            }
        }
    }

    /// Give up: remove a temporary file.
    pub fn abandon(self) {
        if let Sink::File(_, tmp, _) = self {
            let _ = fs::remove_file(tmp);
        }
    }
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
