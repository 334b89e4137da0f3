//! Lines and blocks with byte offsets.
//!
//! A line is `[start, end)` without its line end ("\n" or "\r\n"). A block
//! is a run of non-blank lines; blocks are separated by blank lines, the way
//! a copied page separates paragraphs.

/// One line of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// First byte of the line.
    pub start: usize,
    /// End of the line's text, before "\r\n" or "\n".
    pub end: usize,
}

impl Line {
    /// The line's text.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }

    /// True when the line has only whitespace.
    pub fn is_blank(&self, src: &str) -> bool {
        let text = self.text(src);
        // A printable ASCII first byte (most lines) is no whitespace: the
        // line is not blank, without a trim from both ends (issue 4).
        if text
            .as_bytes()
            .first()
            .is_some_and(|b| (0x21..=0x7E).contains(b))
        {
            return false;
        }
        text.trim().is_empty()
    }
}

/// Split `src[from..to]` into lines (offsets into `src`).
pub fn lines(src: &str, from: usize, to: usize) -> Vec<Line> {
    let mut out = Vec::with_capacity((to - from) / 64 + 1);
    let mut start = from;
    for nl in memchr::memchr_iter(b'\n', &src.as_bytes()[from..to]).map(|i| i + from) {
        let mut end = nl;
        if end > start && src.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        out.push(Line { start, end });
        start = nl + 1;
    }
    if start < to {
        let mut end = to;
        if src.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        out.push(Line { start, end });
    }
    out
}

/// A run of non-blank lines: indexes `[first, last]` into the line list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Index of the first line.
    pub first: usize,
    /// Index of the last line (inclusive).
    pub last: usize,
    /// Byte offset of the block's first character.
    pub start: usize,
    /// Byte offset after the block's last character.
    pub end: usize,
}

impl Block {
    /// The block's text, lines separated as in the input.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.last - self.first + 1
    }
}

/// Group lines `[from, to)` into blocks.
pub fn blocks(src: &str, lines: &[Line], from: usize, to: usize) -> Vec<Block> {
    // A blank line parts every two blocks: at most one block per two
    // lines, reserved once, not grown by doubling (issue 4).
    let mut out = Vec::with_capacity(to.min(lines.len()).saturating_sub(from).div_ceil(2));
    let mut cur: Option<(usize, usize)> = None;
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        if line.is_blank(src) {
            if let Some((f, l)) = cur.take() {
                out.push(make(src, lines, f, l));
            }
        } else {
            cur = Some(match cur {
                Some((f, _)) => (f, i),
                None => (i, i),
            });
        }
    }
    if let Some((f, l)) = cur {
        out.push(make(src, lines, f, l));
    }
    out
}

/// True for a printable ASCII byte other than the space: no whitespace
/// starts or ends with it, so a text that starts (ends) with one has
/// nothing to trim there, which is answered without decoding a character
/// as `str::trim` does (most lines and names; issue 4).
fn printable(b: Option<&u8>) -> bool {
    b.is_some_and(|b| (0x21..=0x7E).contains(b))
}

/// `text.trim()`, answered from the first and the last byte when both are
/// [`printable`].
pub(crate) fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    if printable(bytes.first()) && printable(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// `text.trim_start()`, answered from the first byte when it is
/// [`printable`].
fn trim_start(text: &str) -> &str {
    if printable(text.as_bytes().first()) {
        text
    } else {
        text.trim_start()
    }
}

/// `text.trim_end()`, answered from the last byte when it is
/// [`printable`].
fn trim_end(text: &str) -> &str {
    if printable(text.as_bytes().last()) {
        text
    } else {
        text.trim_end()
    }
}

/// `text.split_once(", ")`, or with `last` `text.rsplit_once(", ")`: the
/// memchr crate finds the commas, where a substring searcher was built on
/// every call (issue 4). ", " is ASCII: the cuts are character boundaries.
pub(crate) fn split_at_comma_space(text: &str, last: bool) -> Option<(&str, &str)> {
    let b = text.as_bytes();
    let followed = |&i: &usize| b.get(i + 1) == Some(&b' ');
    let i = if last {
        memchr::memrchr_iter(b',', b).find(followed)
    } else {
        memchr::memchr_iter(b',', b).find(followed)
    }?;
    Some((text.get(..i)?, text.get(i + 2..)?))
}

fn make(src: &str, lines: &[Line], first: usize, last: usize) -> Block {
    let text = lines[first].text(src);
    let lead = text.len() - trim_start(text).len();
    let last_text = lines[last].text(src);
    let trail = last_text.len() - trim_end(last_text).len();
    Block {
        first,
        last,
        start: lines[first].start + lead,
        end: lines[last].end - trail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_blank_is_trimmed_empty() {
        for (text, blank) in [
            ("", true),
            (" ", true),
            ("\t \u{a0}\u{3000}", true),
            ("\u{b}\u{c}\r", true),
            ("a", false),
            ("~", false),
            ("!", false),
            (" x ", false),
            ("\u{a0}Señor", false),
            ("\u{1c}", false),
            ("\u{7f}", false),
            ("“Quoted”", false),
        ] {
            let line = Line {
                start: 0,
                end: text.len(),
            };
            assert_eq!(line.is_blank(text), blank, "{text:?}");
            assert_eq!(line.is_blank(text), text.trim().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn lines_and_blocks() {
        let src = "a\r\nb\n\n  c\n\n\nd";
        let ls = lines(src, 0, src.len());
        let texts: Vec<&str> = ls.iter().map(|l| l.text(src)).collect();
        assert_eq!(texts, ["a", "b", "", "  c", "", "", "d"]);
        let bs = blocks(src, &ls, 0, ls.len());
        let texts: Vec<&str> = bs.iter().map(|b| b.text(src)).collect();
        assert_eq!(texts, ["a\r\nb", "c", "d"]);
    }

    #[test]
    fn split_at_comma_space_is_split_once() {
        for t in [
            "",
            ",",
            ", ",
            "a, b",
            "a,b, c, d",
            "a ,b",
            "“x”, é, y,",
            "a,, b",
        ] {
            assert_eq!(split_at_comma_space(t, false), t.split_once(", "), "{t:?}");
            assert_eq!(split_at_comma_space(t, true), t.rsplit_once(", "), "{t:?}");
        }
    }

    /// `trim`, `trim_start` and `trim_end` are those of `str`: ASCII and
    /// Unicode whitespace at either end, printable bytes at both, empty
    /// and one-character texts.
    #[test]
    fn trims_are_those_of_str() {
        let ends = [
            "", " ", "\t", "\n", "\r\n", "\u{a0}", "\u{3000}", "\u{2003}", "x", "~", "é", "—", "“",
        ];
        for a in ends {
            for b in ends {
                for mid in ["", "!", "J. R. LOWELL.", " a b ", "\u{a0}"] {
                    let t = format!("{a}{mid}{b}");
                    assert_eq!(trim(&t), t.trim(), "{t:?}");
                    assert_eq!(trim_start(&t), t.trim_start(), "{t:?}");
                    assert_eq!(trim_end(&t), t.trim_end(), "{t:?}");
                }
            }
        }
    }

    /// A block's text is trimmed as `str::trim` trims it, whatever stands
    /// at the ends of its first and last lines.
    #[test]
    fn block_ends_are_trimmed() {
        let ends = ["", " ", "\t", "\u{a0}", "\u{3000}", "x", "~", "é", "“"];
        for a in ends {
            for b in ends {
                let src = format!("{a}one{b}\n{a}two {b}\n\n{a}three{b}");
                let ls = lines(&src, 0, src.len());
                let bs = blocks(&src, &ls, 0, ls.len());
                assert_eq!(bs.len(), 2, "{src:?}");
                for blk in bs {
                    let whole = &src[ls[blk.first].start..ls[blk.last].end];
                    assert_eq!(blk.text(&src), whole.trim(), "{src:?}");
                }
            }
        }
    }
}
