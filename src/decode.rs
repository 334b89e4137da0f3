//! Turning the bytes of a file into text, whatever they are.
//!
//! UTF-8 (with or without BOM) is the normal case. UTF-16 with a BOM is
//! decoded. A file with invalid UTF-8 is read as Windows-1252 when none of
//! its high bytes form UTF-8 (the mark of a file saved by an old Windows
//! tool), else the invalid bytes are replaced with U+FFFD and each run is
//! reported. A file with NUL bytes is binary: no text, one diagnostic.

use std::borrow::Cow;

use crate::diag::{Diagnostic, Severity};

/// What the bytes turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, possibly with a BOM.
    Utf8,
    /// UTF-16 little endian, with BOM.
    Utf16Le,
    /// UTF-16 big endian, with BOM.
    Utf16Be,
    /// Windows-1252, detected.
    Windows1252,
    /// Binary: not text.
    Binary,
}

/// Decoded text plus what was found on the way.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text; empty for binary input.
    pub text: Cow<'a, str>,
    /// The encoding found.
    pub encoding: Encoding,
    /// Diagnostics with offsets into `text` (or 0 where no text exists).
    pub diagnostics: Vec<Diagnostic>,
}

/// How many invalid-byte runs are reported one by one before a summary.
const MAX_REPORTED: usize = 20;

/// Decode `bytes` as well as can be done.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let mut diagnostics = Vec::new();
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest, diagnostics);
    }
    for (bom, enc, which) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, Encoding::Utf16Le),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, Encoding::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            if had_errors {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "E003",
                    0,
                    format!("invalid {} sequences replaced with U+FFFD", enc.name()),
                ));
            }
            return Decoded { text: Cow::Owned(text.into_owned()), encoding: which, diagnostics };
        }
    }
    if memchr::memchr(0, bytes).is_some() {
        diagnostics.push(Diagnostic::new(
            Severity::Error,
            "E001",
            0,
            "binary file (NUL bytes): not read as text",
        ));
        return Decoded { text: Cow::Borrowed(""), encoding: Encoding::Binary, diagnostics };
    }
    decode_utf8(bytes, diagnostics)
}

fn decode_utf8(bytes: &[u8], mut diagnostics: Vec<Diagnostic>) -> Decoded<'_> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded { text: Cow::Borrowed(s), encoding: Encoding::Utf8, diagnostics },
        Err(_) => {
            if looks_like_windows_1252(bytes) {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "E002",
                    0,
                    "not UTF-8: decoded as Windows-1252",
                ));
                return Decoded {
                    text: Cow::Owned(text.into_owned()),
                    encoding: Encoding::Windows1252,
                    diagnostics,
                };
            }
            let mut out = String::with_capacity(bytes.len() + 16);
            let mut reported = 0usize;
            let mut total = 0usize;
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    total += 1;
                    if reported < MAX_REPORTED {
                        reported += 1;
                        diagnostics.push(Diagnostic::new(
                            Severity::Warning,
                            "E003",
                            out.len(),
                            format!(
                                "invalid UTF-8 byte(s) {} replaced with U+FFFD",
                                hex(chunk.invalid())
                            ),
                        ));
                    }
                    out.push('\u{FFFD}');
                }
            }
            if total > reported {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "E003",
                    0,
                    format!("{} more runs of invalid UTF-8 replaced", total - reported),
                ));
            }
            Decoded { text: Cow::Owned(out), encoding: Encoding::Utf8, diagnostics }
        }
    }
}

/// True when no high byte of `bytes` is part of a valid UTF-8 sequence.
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().all(|c| c.valid().is_ascii())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_table() {
        let cases: &[(&[u8], &str, Encoding, &[&str])] = &[
            (b"plain", "plain", Encoding::Utf8, &[]),
            (b"\xEF\xBB\xBFbom", "bom", Encoding::Utf8, &[]),
            (b"\xFF\xFEh\0i\0", "hi", Encoding::Utf16Le, &[]),
            (b"\xFE\xFF\0h\0i", "hi", Encoding::Utf16Be, &[]),
            (b"caf\xE9 \x93q\x94", "café “q”", Encoding::Windows1252, &["E002"]),
            (b"caf\xC3\xA9 \xFF", "café \u{FFFD}", Encoding::Utf8, &["E003"]),
            (b"ab\0cd", "", Encoding::Binary, &["E001"]),
            (b"", "", Encoding::Utf8, &[]),
        ];
        for (input, text, enc, codes) in cases {
            let d = decode(input);
            assert_eq!(d.text, *text, "{input:?}");
            assert_eq!(d.encoding, *enc, "{input:?}");
            let got: Vec<&str> = d.diagnostics.iter().map(|d| d.code.as_str()).collect();
            assert_eq!(&got, codes, "{input:?}");
        }
    }
}
