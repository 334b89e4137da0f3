//! Writing records: NDJSON (one record per line, the default) or one JSON
//! array, compact or indented, over any `Write`.
//!
//! Wire format: each record is the JSON object of [`crate::record::Record`],
//! with no envelope, so `jq .title` works on every line.

use std::io::{self, Write};

use crate::record::Record;

/// Output layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object per line.
    #[default]
    Ndjson,
    /// One JSON array.
    Json,
}

/// Writes records one at a time.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    pretty: bool,
    count: usize,
}

impl<W: Write> RecordWriter<W> {
    /// A writer over `out`.
    pub fn new(out: W, format: Format, pretty: bool) -> Self {
        RecordWriter { out, format, pretty, count: 0 }
    }

    /// Write one record.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        }
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, r)?;
        } else {
            serde_json::to_writer(&mut self.out, r)?;
        }
        if self.format == Format::Ndjson {
            self.out.write_all(b"\n")?;
        }
        self.count += 1;
        Ok(())
    }

    /// Close the array (JSON) and flush; gives back the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_array_parses() {
        for n in [0, 1, 3] {
            for pretty in [false, true] {
                let mut w = RecordWriter::new(Vec::new(), Format::Json, pretty);
                for i in 0..n {
                    w.write(&Record { path: format!("{i}.txt"), ..Record::default() }).unwrap();
                }
                let buf = w.finish().unwrap();
                let v: Vec<Record> = serde_json::from_slice(&buf).unwrap();
                assert_eq!(v.len(), n);
            }
        }
    }

    #[test]
    fn ndjson_lines_parse() {
        let mut w = RecordWriter::new(Vec::new(), Format::Ndjson, false);
        w.write(&Record::default()).unwrap();
        w.write(&Record::default()).unwrap();
        let buf = w.finish().unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text.lines().count(), 2);
        for l in text.lines() {
            let _: Record = serde_json::from_str(l).unwrap();
        }
    }
}
