//! Byte scans shared by the parser and the JSON writer.

/// From byte `i`, the start of the first whole chunk of `N` bytes that
/// `plain` refuses, or of the tail shorter than `N`: the scan skips
/// chunks that need no closer look (no byte to escape, no digit), and the
/// caller reads on byte by byte from there. A plain loop over fixed-size
/// arrays: the iterator chain it replaced compiled to more instructions
/// (issue 4). Always inlined: left to itself the compiler made one of its
/// four uses a call, 4 M more instructions on one copy of frus-full.
#[inline(always)]
pub(crate) fn skip_chunks<const N: usize>(
    bytes: &[u8],
    mut i: usize,
    plain: impl Fn(&[u8; N]) -> bool,
) -> usize {
    while let Some(c) = bytes
        .get(i..i + N)
        .and_then(|c| <&[u8; N]>::try_from(c).ok())
    {
        if !plain(c) {
            break;
        }
        i += N;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Table: where the scan stops for chunks of 4, with the bytes it
    /// refuses ('x') at each place, and the tail.
    #[test]
    fn skip_chunks_table() {
        let plain = |c: &[u8; 4]| !c.contains(&b'x');
        for (bytes, from, want) in [
            ("", 0, 0),
            ("abc", 0, 0),
            ("abcd", 0, 4),
            ("abcdefg", 0, 4),
            ("abcdefgh", 0, 8),
            ("abxdefgh", 0, 0),
            ("abcdefgx", 0, 4),
            ("abcdefgx", 1, 5),
            ("abcxefgh", 1, 1),
            ("abcdefgh", 5, 5),
            ("abcdefghi", 1, 9),
            ("abcdefghi", 9, 9),
            ("abcdefghi", 12, 12),
        ] {
            assert_eq!(
                skip_chunks(bytes.as_bytes(), from, plain),
                want,
                "{bytes:?} {from}"
            );
        }
    }
}
