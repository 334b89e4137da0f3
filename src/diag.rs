//! Diagnostics: what could not be parsed cleanly, or what a check found.
//!
//! A diagnostic carries a byte offset into the input; line and column are
//! filled in from that offset by [`Diagnostic::locate`] when the record is
//! finished, so they always agree with the text that was parsed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// The lowercase name ("error", "warning", "info").
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, located in the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// "error", "warning" or "info".
    pub severity: Severity,
    /// Stable identifier ("P001", "FN001"): see README.md.
    pub code: String,
    /// One line naming the thing found.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset into the input.
    pub offset: usize,
}

impl Diagnostic {
    /// A diagnostic at `offset`; line and column are filled in by
    /// [`Diagnostic::locate`].
    pub fn new(severity: Severity, code: &str, offset: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code: code.to_string(),
            message: message.into(),
            line: 0,
            column: 0,
            offset,
        }
    }

    /// Fill in line and column from the offset.
    pub fn locate(&mut self, lines: &LineIndex, src: &str) {
        let (line, column) = lines.line_col(src, self.offset);
        self.line = line;
        self.column = column;
    }
}

/// Start offsets of every line, to turn byte offsets into line and column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `src`.
    pub fn new(src: &str) -> LineIndex {
        LineIndex::from_bytes(src.as_bytes())
    }

    /// Index the line starts of raw bytes (XML that need not be valid
    /// UTF-8).
    pub fn from_bytes(bytes: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of a byte offset. An offset
    /// past the end or inside a character is clamped.
    pub fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let mut end = offset.min(src.len());
        while end > 0 && !src.is_char_boundary(end) {
            end -= 1;
        }
        self.line_col_bytes(src.as_bytes(), end)
    }

    /// 1-based line and column of a byte offset in raw bytes; the column
    /// counts UTF-8 lead bytes, so characters in valid text.
    pub fn line_col_bytes(&self, bytes: &[u8], offset: usize) -> (usize, usize) {
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

    /// Byte offset of the start of a 1-based line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// The text of the 1-based line containing `offset`, without its line end.
    pub fn line_text<'a>(&self, src: &'a str, offset: usize) -> &'a str {
        let (line, _) = self.line_col(src, offset);
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(src.len(), |&e| e - 1);
        src[start..end.max(start)].trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_table() {
        let src = "ab\ncdé\n\nx";
        let idx = LineIndex::new(src);
        let cases = [
            (0, (1, 1)),
            (1, (1, 2)),
            (3, (2, 1)),
            (5, (2, 3)),
            (7, (2, 4)),
            (8, (3, 1)),
            (9, (4, 1)),
            (99, (4, 2)),
        ];
        for (off, want) in cases {
            assert_eq!(idx.line_col(src, off), want, "offset {off}");
        }
        // inside the two-byte é: clamped to its start
        assert_eq!(idx.line_col(src, 6), (2, 3));
        assert_eq!(idx.line_text(src, 4), "cdé");
        assert_eq!(idx.line_text(src, 9), "x");
        // Raw bytes that are not UTF-8 (an XML file): columns count lead bytes.
        let raw = b"a\xFFb\n\xC3\xA9z";
        let idx = LineIndex::from_bytes(raw);
        assert_eq!(idx.line_col_bytes(raw, 2), (1, 3));
        assert_eq!(idx.line_col_bytes(raw, 6), (2, 2));
        assert_eq!(idx.line_col_bytes(raw, 99), (2, 3));
    }
}
