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

/// Writes records one at a time, through a buffer of its own: each
/// record is serialised straight into the buffer, which goes to `out` in
/// one write once it holds [`FLUSH_AT`] bytes. (Through a `BufWriter`,
/// each record was serialised into a scratch vector and then copied into
/// the writer's buffer: one more copy of every output byte, 1.8 % of the
/// instructions of an index run; issue 4.)
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    pretty: bool,
    count: usize,
    /// Output not yet given to `out`.
    buf: Vec<u8>,
}

/// The buffer of a [`RecordWriter`] is written out when it holds this many
/// bytes (and at the end).
pub const FLUSH_AT: usize = 1 << 16;

impl<W: Write> RecordWriter<W> {
    /// A writer over `out` (which need not be buffered).
    pub fn new(out: W, format: Format, pretty: bool) -> Self {
        RecordWriter {
            out,
            format,
            pretty,
            count: 0,
            buf: Vec::with_capacity(FLUSH_AT + (FLUSH_AT >> 2)),
        }
    }

    /// The inner writer (which has not seen the bytes still buffered:
    /// [`RecordWriter::buffered`]).
    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// Bytes written and not yet given to the inner writer.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// Write one record.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        if self.format == Format::Json {
            self.buf
                .extend_from_slice(if self.count == 0 { b"[\n" } else { b",\n" });
        }
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.buf, r)?;
        } else {
            compact::to_vec(&mut self.buf, r)?;
        }
        if self.format == Format::Ndjson {
            self.buf.push(b'\n');
        }
        self.count += 1;
        self.flush_full()
    }

    /// Write bytes as they are, after the records before them (NDJSON
    /// lines reused from a previous index). A large run goes to the inner
    /// writer directly, without a copy.
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.len() < FLUSH_AT {
            self.buf.extend_from_slice(bytes);
            return self.flush_full();
        }
        self.flush_buf()?;
        self.out.write_all(bytes)
    }

    /// Give the buffer to the inner writer once it holds [`FLUSH_AT`] bytes.
    fn flush_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.flush_buf()?;
        }
        Ok(())
    }

    fn flush_buf(&mut self) -> io::Result<()> {
        let res = self.out.write_all(&self.buf);
        self.buf.clear();
        res
    }

    /// Close the array (JSON) and flush; gives back the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.buf
                .extend_from_slice(if self.count == 0 { b"[]\n" } else { b"\n]\n" });
        }
        self.flush_buf()?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Compact JSON, byte for byte as `serde_json::to_writer` writes it, with
/// a faster string escaper: serde_json looks up every byte of a string in a
/// table (16 % of the instructions of `cables index`), where this skips
/// eight bytes at a time that need no escape (issue 4).
pub mod compact {
    use serde::ser::{self, Serialize};

    use crate::bytes::push_u64;

    /// The error of a serialisation (as serde_json's: a custom message).
    pub type Error = serde_json::Error;

    /// Append the compact JSON of `value` to `out`.
    pub fn to_vec<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
        value.serialize(&mut Json { out })
    }

    /// What a byte becomes in a JSON string: 0 for itself; b'u' for
    /// "\u00XX"; else the letter after the backslash (serde_json's table).
    const ESCAPE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 0x20 {
            t[i] = b'u';
            i += 1;
        }
        t[0x08] = b'b';
        t[0x09] = b't';
        t[0x0A] = b'n';
        t[0x0C] = b'f';
        t[0x0D] = b'r';
        t[b'"' as usize] = b'"';
        t[b'\\' as usize] = b'\\';
        t
    };

    /// True when one of the bytes of `c` needs an escape: a control byte
    /// (< 0x20), a quote or a backslash. A fold over every byte, without an
    /// early exit, which the compiler turns into a few SSE2 instructions per
    /// sixteen bytes (25 for a chunk of 32, where testing eight bytes as a
    /// word took about twice as many; issue 4).
    fn needs_escape<const N: usize>(c: &[u8; N]) -> bool {
        // Each byte to zero exactly when it needs an escape (unsigned
        // minimums, as the vector compares do), and any zero.
        c.iter().fold(false, |acc, &b| {
            let zero_to_escape = (b ^ b'"').min(b ^ b'\\').min(b.saturating_sub(0x1F));
            acc | (zero_to_escape == 0)
        })
    }

    /// `s` as a JSON string, with its quotes: 32 bytes at a time, then
    /// eight.
    fn write_long_str(out: &mut Vec<u8>, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        // `start`: the first byte not yet written.
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            // Skip the chunks of 32 bytes that need no escape, then of
            // eight.
            i = crate::bytes::skip_chunks::<32>(bytes, i, |c| !needs_escape(c));
            i = crate::bytes::skip_chunks::<8>(bytes, i, |c| !needs_escape(c));
            // The first byte to escape among the next eight (most often
            // the line break of a paragraph): the search goes on after it,
            // where the bytes after it were read one by one (issue 4).
            let end = (i + 8).min(bytes.len());
            let Some(at) = bytes[i..end]
                .iter()
                .position(|&b| ESCAPE[usize::from(b)] != 0)
            else {
                i = end;
                continue;
            };
            let byte = bytes[i + at];
            out.extend_from_slice(&bytes[start..i + at]);
            match ESCAPE[usize::from(byte)] {
                b'u' => out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xF)],
                ]),
                e => out.extend_from_slice(&[b'\\', e]),
            }
            i += at + 1;
            start = i;
        }
        out.extend_from_slice(&bytes[start..]);
        out.push(b'"');
    }

    /// A short string (a field name, a page number) as a JSON string:
    /// copied whole when no byte needs an escape, else [`write_long_str`].
    fn write_key(out: &mut Vec<u8>, key: &str) {
        if key.bytes().all(|b| ESCAPE[usize::from(b)] == 0) {
            out.push(b'"');
            out.extend_from_slice(key.as_bytes());
            out.push(b'"');
        } else {
            write_long_str(out, key);
        }
    }

    /// `s` as a JSON string, with its quotes.
    pub fn write_str(out: &mut Vec<u8>, s: &str) {
        // Short strings (page numbers, markers, most fields but the texts)
        // are tested byte by byte, without the chunk loop.
        if s.len() < 16 {
            write_key(out, s);
        } else {
            write_long_str(out, s);
        }
    }

    fn write_i64(out: &mut Vec<u8>, n: i64) {
        if n < 0 {
            out.push(b'-');
        }
        push_u64(out, n.unsigned_abs());
    }

    struct Json<'o> {
        out: &'o mut Vec<u8>,
    }

    /// A sequence or a map being written: whether an element came yet,
    /// and what closes it.
    struct Compound<'a, 'o> {
        ser: &'a mut Json<'o>,
        first: bool,
        close: &'static [u8],
    }

    impl<'a, 'o> Compound<'a, 'o> {
        #[inline]
        fn open(ser: &'a mut Json<'o>, open: &[u8], close: &'static [u8]) -> Self {
            match open {
                [b] => ser.out.push(*b),
                more => ser.out.extend_from_slice(more),
            }
            Compound {
                ser,
                first: true,
                close,
            }
        }

        #[inline]
        fn comma(&mut self) {
            if !self.first {
                self.ser.out.push(b',');
            }
            self.first = false;
        }

        #[inline]
        fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
            self.comma();
            value.serialize(&mut *self.ser)
        }

        // Inlined into each `serialize_field` of the derived `Serialize`
        // impls, where the name is a constant: its escape test folds away
        // and its copy is a few moves, not a call to memcpy (issue 4).
        #[inline(always)]
        fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
            // The comma, the quoted name and the colon after one reserve
            // (a field name seldom needs an escape).
            let out = &mut *self.ser.out;
            if key.bytes().all(|b| ESCAPE[usize::from(b)] == 0) {
                out.reserve(key.len() + 4);
                if !self.first {
                    out.push(b',');
                }
                out.push(b'"');
                out.extend_from_slice(key.as_bytes());
                out.extend_from_slice(b"\":");
            } else {
                if !self.first {
                    out.push(b',');
                }
                write_long_str(out, key);
                out.push(b':');
            }
            self.first = false;
            value.serialize(&mut *self.ser)
        }

        #[inline]
        fn close(self) -> Result<(), Error> {
            // One byte ("}", "]") pushed, not copied by a call to memcpy.
            match self.close {
                [b] => self.ser.out.push(*b),
                more => self.ser.out.extend_from_slice(more),
            }
            Ok(())
        }
    }

    impl<'a, 'o> ser::Serializer for &'a mut Json<'o> {
        type Ok = ();
        type Error = Error;
        type SerializeSeq = Compound<'a, 'o>;
        type SerializeTuple = Compound<'a, 'o>;
        type SerializeTupleStruct = Compound<'a, 'o>;
        type SerializeTupleVariant = Compound<'a, 'o>;
        type SerializeMap = Compound<'a, 'o>;
        type SerializeStruct = Compound<'a, 'o>;
        type SerializeStructVariant = Compound<'a, 'o>;

        #[inline]
        fn serialize_bool(self, v: bool) -> Result<(), Error> {
            // Each a slice of known length: no call to memcpy.
            if v {
                self.out.extend_from_slice(b"true");
            } else {
                self.out.extend_from_slice(b"false");
            }
            Ok(())
        }
        fn serialize_i8(self, v: i8) -> Result<(), Error> {
            write_i64(self.out, v.into());
            Ok(())
        }
        fn serialize_i16(self, v: i16) -> Result<(), Error> {
            write_i64(self.out, v.into());
            Ok(())
        }
        fn serialize_i32(self, v: i32) -> Result<(), Error> {
            write_i64(self.out, v.into());
            Ok(())
        }
        fn serialize_i64(self, v: i64) -> Result<(), Error> {
            write_i64(self.out, v);
            Ok(())
        }
        fn serialize_i128(self, v: i128) -> Result<(), Error> {
            self.out.extend_from_slice(v.to_string().as_bytes());
            Ok(())
        }
        fn serialize_u8(self, v: u8) -> Result<(), Error> {
            push_u64(self.out, v.into());
            Ok(())
        }
        fn serialize_u16(self, v: u16) -> Result<(), Error> {
            push_u64(self.out, v.into());
            Ok(())
        }
        fn serialize_u32(self, v: u32) -> Result<(), Error> {
            push_u64(self.out, v.into());
            Ok(())
        }
        #[inline]
        fn serialize_u64(self, v: u64) -> Result<(), Error> {
            push_u64(self.out, v);
            Ok(())
        }
        fn serialize_u128(self, v: u128) -> Result<(), Error> {
            self.out.extend_from_slice(v.to_string().as_bytes());
            Ok(())
        }
        // Floats as serde_json writes them (ryu; null when not finite).
        fn serialize_f32(self, v: f32) -> Result<(), Error> {
            serde_json::to_writer(&mut *self.out, &v)
        }
        fn serialize_f64(self, v: f64) -> Result<(), Error> {
            serde_json::to_writer(&mut *self.out, &v)
        }
        fn serialize_char(self, v: char) -> Result<(), Error> {
            write_str(self.out, v.encode_utf8(&mut [0; 4]));
            Ok(())
        }
        #[inline]
        fn serialize_str(self, v: &str) -> Result<(), Error> {
            write_str(self.out, v);
            Ok(())
        }
        fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
            let mut seq = Compound::open(self, b"[", b"]");
            for b in v {
                seq.comma();
                push_u64(seq.ser.out, u64::from(*b));
            }
            seq.close()
        }
        #[inline]
        fn serialize_none(self) -> Result<(), Error> {
            self.serialize_unit()
        }
        #[inline]
        fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
            value.serialize(self)
        }
        #[inline]
        fn serialize_unit(self) -> Result<(), Error> {
            self.out.extend_from_slice(b"null");
            Ok(())
        }
        fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
            self.serialize_unit()
        }
        fn serialize_unit_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
        ) -> Result<(), Error> {
            self.serialize_str(variant)
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            value.serialize(self)
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            let mut map = Compound::open(self, b"{", b"}");
            map.field(variant, value)?;
            map.close()
        }
        #[inline]
        fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
            Ok(Compound::open(self, b"[", b"]"))
        }
        fn serialize_tuple(self, _len: usize) -> Result<Compound<'a, 'o>, Error> {
            Ok(Compound::open(self, b"[", b"]"))
        }
        fn serialize_tuple_struct(
            self,
            _name: &'static str,
            _len: usize,
        ) -> Result<Compound<'a, 'o>, Error> {
            Ok(Compound::open(self, b"[", b"]"))
        }
        fn serialize_tuple_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            _len: usize,
        ) -> Result<Compound<'a, 'o>, Error> {
            self.out.push(b'{');
            write_str(self.out, variant);
            Ok(Compound::open(self, b":[", b"]}"))
        }
        fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
            Ok(Compound::open(self, b"{", b"}"))
        }
        #[inline]
        fn serialize_struct(
            self,
            _name: &'static str,
            _len: usize,
        ) -> Result<Compound<'a, 'o>, Error> {
            Ok(Compound::open(self, b"{", b"}"))
        }
        fn serialize_struct_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
            _len: usize,
        ) -> Result<Compound<'a, 'o>, Error> {
            self.out.push(b'{');
            write_str(self.out, variant);
            Ok(Compound::open(self, b":{", b"}}"))
        }
    }

    impl ser::SerializeSeq for Compound<'_, '_> {
        type Ok = ();
        type Error = Error;
        #[inline]
        fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
            self.element(value)
        }
        #[inline]
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeTuple for Compound<'_, '_> {
        type Ok = ();
        type Error = Error;
        fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
            self.element(value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeTupleStruct for Compound<'_, '_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
            self.element(value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeTupleVariant for Compound<'_, '_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
            self.element(value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeMap for Compound<'_, '_> {
        type Ok = ();
        type Error = Error;
        fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
            // serde_json quotes keys that are numbers or booleans, and
            // refuses others that are not strings.
            self.comma();
            let at = self.ser.out.len();
            key.serialize(&mut *self.ser)?;
            match self.ser.out.get(at) {
                Some(b'"') => {}
                Some(b'-' | b'0'..=b'9' | b't' | b'f') => {
                    self.ser.out.insert(at, b'"');
                    self.ser.out.push(b'"');
                }
                _ => return Err(ser::Error::custom("key must be a string")),
            }
            self.ser.out.push(b':');
            Ok(())
        }
        fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
            value.serialize(&mut *self.ser)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeStruct for Compound<'_, '_> {
        type Ok = ();
        type Error = Error;
        #[inline(always)]
        fn serialize_field<T: Serialize + ?Sized>(
            &mut self,
            key: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            self.field(key, value)
        }
        #[inline]
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    impl ser::SerializeStructVariant for Compound<'_, '_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: Serialize + ?Sized>(
            &mut self,
            key: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            self.field(key, value)
        }
        fn end(self) -> Result<(), Error> {
            self.close()
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// A chunk needs an escape exactly when one of its bytes does, by
        /// the byte table, wherever that byte stands; plain bytes (ASCII
        /// and UTF-8 continuation bytes alike) do not.
        #[test]
        fn needs_escape_is_the_byte_table() {
            fn check<const N: usize>() {
                for fill in [b'a', b' ', 0x7f, 0x80, 0xc3, 0xff, b'!', b'#', b'[', b']'] {
                    let plain = [fill; N];
                    assert!(!needs_escape(&plain), "{fill:#x}");
                    for byte in 0..=255u8 {
                        for at in 0..N {
                            let mut c = plain;
                            c[at] = byte;
                            let want = ESCAPE[usize::from(byte)] != 0;
                            assert_eq!(needs_escape(&c), want, "{fill:#x} {byte:#x} at {at}");
                        }
                    }
                }
            }
            check::<8>();
            check::<32>();
        }
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
                    w.write(&Record {
                        path: format!("{i}.txt"),
                        ..Record::default()
                    })
                    .unwrap();
                }
                let buf = w.finish().unwrap();
                let v: Vec<Record> = serde_json::from_slice(&buf).unwrap();
                assert_eq!(v.len(), n);
            }
        }
    }

    /// The compact writer gives serde_json's bytes.
    fn same_as_serde_json<T: serde::Serialize + ?Sized>(v: &T) {
        let mut ours = Vec::new();
        compact::to_vec(&mut ours, v).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&serde_json::to_vec(v).unwrap())
        );
    }

    #[test]
    fn compact_matches_serde_json() {
        use std::collections::BTreeMap;
        // Every ASCII byte, at each offset in an 8-byte chunk.
        let ascii: String = (0u8..128).map(char::from).collect();
        for pad in 0..9 {
            same_as_serde_json(&format!("{}{ascii}", "x".repeat(pad)));
        }
        for s in [
            "",
            "\"",
            "\\",
            "plain text of more than eight bytes",
            "Señor “Hay” — \u{2028}\u{7f}\u{1f}é\n\t\r\u{8}\u{c}",
            "12345678\"12345678\\",
        ] {
            same_as_serde_json(s);
        }
        same_as_serde_json(&(i64::MIN, i64::MAX, u64::MAX, 0u8, -1i32, 1.5f64, f64::NAN));
        same_as_serde_json(&(u128::MAX, i128::MIN, 'x', '"', true, false, ()));
        same_as_serde_json(&(Some(3usize), None::<String>, vec![Vec::<u8>::new()]));
        let mut m = BTreeMap::new();
        m.insert(-1i32, vec!["a"]);
        m.insert(7, vec![]);
        same_as_serde_json(&m);
        let mut m = BTreeMap::new();
        m.insert("k\"ey", 1);
        same_as_serde_json(&m);
        same_as_serde_json(&crate::diag::Severity::Warning);
        let r = Record {
            path: "a/b.txt".into(),
            title: Some("Mr. Seward to Mr. Adams".into()),
            signatures: vec!["JOHN HAY.".into(), String::new()],
            ..Record::default()
        };
        same_as_serde_json(&r);
        same_as_serde_json(&Record::default());
    }

    proptest::proptest! {
        #[test]
        fn compact_strings_match_serde_json(s in "\\PC*|[\\x00-\\x7f]*") {
            same_as_serde_json(&s);
        }
    }

    /// Records and raw lines come out in the order given, whatever the
    /// sizes (below and above the flush threshold), and the bytes given so
    /// far are those of the inner writer plus those buffered.
    #[test]
    fn raw_lines_keep_their_place() {
        let small = b"{\"reused\":1}\n".to_vec();
        let large = [b"{\"big\":\"".as_slice(), &[b'x'; FLUSH_AT], b"\"}\n"].concat();
        let rec = Record {
            path: "p.txt".into(),
            ..Record::default()
        };
        let mut line = Vec::new();
        compact::to_vec(&mut line, &rec).unwrap();
        line.push(b'\n');
        let steps: [&[u8]; 6] = [&small, &line, &large, &line, &small, &large];
        let mut w = RecordWriter::new(Vec::new(), Format::Ndjson, false);
        let mut want = Vec::new();
        for step in steps {
            if step == line.as_slice() {
                w.write(&rec).unwrap();
            } else {
                w.raw(step).unwrap();
            }
            want.extend_from_slice(step);
            assert_eq!(w.get_ref().len() + w.buffered(), want.len());
        }
        assert_eq!(w.finish().unwrap(), want);
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
