//! Line and column of a byte offset in raw bytes (the XML need not be valid
//! UTF-8 for its diagnostics to be located).

/// Start offsets of every line.
pub(crate) struct ByteLines {
    starts: Vec<usize>,
}

impl ByteLines {
    pub(crate) fn new(bytes: &[u8]) -> ByteLines {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        ByteLines { starts }
    }

    /// 1-based line and column; the column counts characters (UTF-8 lead
    /// bytes), an offset past the end is clamped.
    pub(crate) fn line_col(&self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(bytes.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts[line];
        let column = bytes[start..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        (line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_table() {
        let src = "ab\ncdé\n\nx".as_bytes();
        let idx = ByteLines::new(src);
        for (off, want) in [
            (0, (1, 1)),
            (1, (1, 2)),
            (3, (2, 1)),
            (5, (2, 3)),
            (7, (2, 4)),
            (8, (3, 1)),
            (9, (4, 1)),
            (99, (4, 2)),
        ] {
            assert_eq!(idx.line_col(src, off), want, "offset {off}");
        }
    }
}
