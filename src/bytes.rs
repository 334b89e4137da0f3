//! Byte scans and writes shared by the parser, the JSON writer and the
//! incremental cache.

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

/// Append the decimal digits of `n` (as `Display` writes them): the JSON
/// writer's integers and the incremental cache's fields.
#[inline]
pub(crate) fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    // Two digits per division (offsets have four to six digits, times
    // 19), from a table of "00" to "99".
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    out.extend_from_slice(&buf[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_u64_is_display() {
        for n in [
            0,
            7,
            9,
            10,
            42,
            99,
            100,
            101,
            999,
            1000,
            12345,
            100000,
            987654321,
            u64::from(u32::MAX),
            u64::MAX - 1,
            u64::MAX,
        ] {
            let mut out = Vec::new();
            push_u64(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes(), "{n}");
        }
    }

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
