//! A fast reader of the EventMessage envelope: one pass over the bytes that validates the whole
//! document as JSON, checks its nesting depth, and picks out the metadata fields the store
//! reads, with their offsets.
//!
//! It is the fast path of `envelope::parse_metadata`, whose serde reading stays the reference:
//! this reader accepts a document only when it is sure serde_json would read it the same way,
//! and says "not sure" (`None`) otherwise: anything malformed, a duplicate field the store
//! reads, an escape in a key or in a field it returns, a field of an unexpected type. Then the
//! serde reading runs, gives the same result or the precise error. So this reader never decides
//! what is valid on its own, and a differential test (`tests/envelope_scan.rs`) checks it
//! against the serde reading on generated and mutated documents.
//!
//! The grammar is RFC 8259 as serde_json reads it: whitespace is space, tab, LF and CR; strings
//! hold no control character below 0x20, and escapes are `\" \\ \/ \b \f \n \r \t \uXXXX` (four
//! hex digits, surrogates not checked, as serde_json skips them); numbers are
//! `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`. A document nested deeper than the store's
//! limit (`limits::MAX_NESTING_DEPTH`, R-BAD-6) is left to the serde reading, which says which
//! error comes first; so a document this reader accepts is never too deep, and its recursion
//! stays shallow whatever the input. The input is a `&str`: UTF-8 already.

/// A string value the store reads: its text (no escapes in it) or `null`.
type Text<'a> = Option<&'a str>;

/// What the store reads of an envelope, with offsets into the document.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scanned<'a> {
    /// Offset of the `{` of `Metadata`.
    pub metadata_at: usize,
    pub metadata_empty: bool,
    /// `Metadata.Message` is present and an object.
    pub message: bool,
    pub id: Text<'a>,
    pub name: Text<'a>,
    /// The raw text of `Metadata.Message.Version`.
    pub version: Option<&'a str>,
    /// `Metadata.Message.Domain` is present and an object.
    pub domain: bool,
    pub domain_id: Text<'a>,
    pub domain_name: Text<'a>,
    pub context: Context,
    /// The raw text of `Metadata.Context.SequenceNumber` and its offset.
    pub sequence: Option<(&'a str, usize)>,
    pub correlation_id: Text<'a>,
    pub causation_id: Text<'a>,
    pub user_id: Text<'a>,
    pub actor_type: Text<'a>,
    pub source: Text<'a>,
}

/// `Metadata.Context` as found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    #[default]
    Absent,
    /// `null`, at this offset.
    Null(usize),
    /// An object whose `{` is at this offset.
    Object { at: usize, empty: bool },
}

use lode_backend::limits::MAX_NESTING_DEPTH;

/// Reads `doc` (a whole document, UTF-8, starting with `{`), or `None` when the serde reading
/// must decide.
pub(crate) fn scan(doc: &str) -> Option<Scanned<'_>> {
    let mut r = Reader {
        s: doc,
        b: doc.as_bytes(),
        i: 0,
        depth: 0,
    };
    let mut out = Scanned::default();
    r.top(&mut out)?;
    r.ws();
    if r.i != doc.len() {
        return None; // trailing characters
    }
    Some(out)
}

struct Reader<'a> {
    /// The document, for the text of the fields returned: slicing it at quotes and at the
    /// bounds of scalars never splits a character, so no UTF-8 check is repeated.
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// Nesting of the value being read, the outer object being 1.
    depth: usize,
}

/// Which level of the envelope an object is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Top,
    Metadata,
    Message,
    Domain,
    Context,
}

impl<'a> Reader<'a> {
    #[inline]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    #[inline]
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    #[inline]
    fn eat(&mut self, c: u8) -> Option<()> {
        if self.peek() == Some(c) {
            self.i += 1;
            Some(())
        } else {
            None
        }
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_NESTING_DEPTH).then_some(())
    }

    /// A string, the opening quote next; returns its raw contents and whether it holds escapes.
    #[inline(always)]
    fn string(&mut self) -> Option<(&'a [u8], bool)> {
        self.eat(b'"')?;
        let start = self.i;
        let mut escaped = false;
        loop {
            self.i = plain_run_end(self.b, self.i);
            let c = *self.b.get(self.i)?;
            match c {
                b'"' => {
                    let s = &self.b[start..self.i];
                    self.i += 1;
                    return Some((s, escaped));
                }
                b'\\' => {
                    escaped = true;
                    self.i += 1;
                    match *self.b.get(self.i)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 1,
                        b'u' => {
                            let hex = self.b.get(self.i + 1..self.i + 5)?;
                            if !hex.iter().all(u8::is_ascii_hexdigit) {
                                return None;
                            }
                            self.i += 5;
                        }
                        _ => return None,
                    }
                }
                0..=0x1f => return None,
                _ => self.i += 1,
            }
        }
    }

    fn number(&mut self) -> Option<()> {
        self.eat(b'-');
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => {
                while let Some(b'0'..=b'9') = self.peek() {
                    self.i += 1;
                }
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            self.digits()?;
        }
        Some(())
    }

    fn digits(&mut self) -> Option<()> {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        (self.i > start).then_some(())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        if self.b.get(self.i..self.i + word.len())? == word {
            self.i += word.len();
            Some(())
        } else {
            None
        }
    }

    /// Any value, validated and skipped (whitespace before it already skipped).
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' => {
                self.i += 1;
                self.enter()?;
                self.ws();
                if self.eat(b'}').is_none() {
                    loop {
                        self.ws();
                        self.string()?;
                        self.ws();
                        self.eat(b':')?;
                        self.ws();
                        self.skip_value()?;
                        self.ws();
                        if self.eat(b',').is_none() {
                            self.eat(b'}')?;
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Some(())
            }
            b'[' => {
                self.i += 1;
                self.enter()?;
                self.ws();
                if self.eat(b']').is_none() {
                    loop {
                        self.ws();
                        self.skip_value()?;
                        self.ws();
                        if self.eat(b',').is_none() {
                            self.eat(b']')?;
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Some(())
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// The raw text of any scalar value (the store reads numbers and numbers in strings);
    /// `None` for arrays and objects (serde decides).
    fn raw_scalar(&mut self) -> Option<(&'a str, usize)> {
        let start = self.i;
        match self.peek()? {
            b'{' | b'[' => return None,
            _ => self.skip_value()?,
        }
        Some((self.s.get(start..self.i)?, start))
    }

    /// A string field the store returns: text without escapes, or `null`.
    fn text(&mut self) -> Option<Text<'a>> {
        match self.peek()? {
            b'n' => self.literal(b"null").map(|_| None),
            b'"' => {
                let start = self.i + 1;
                match self.string()? {
                    // Between two quotes: whole characters (`get` checks the two bounds only).
                    (_, false) => Some(Some(self.s.get(start..self.i - 1)?)),
                    (_, true) => None,
                }
            }
            _ => None,
        }
    }

    /// The top-level object: `Metadata` read, everything else validated and skipped.
    fn top(&mut self, out: &mut Scanned<'a>) -> Option<()> {
        self.object(Level::Top, out)
    }

    /// An object of `level` (the `{` next). Fields the store reads are read; others are
    /// validated and skipped; a field read twice, or a key with an escape, means "not sure".
    fn object(&mut self, level: Level, out: &mut Scanned<'a>) -> Option<()> {
        let at = self.i;
        self.eat(b'{')?;
        self.enter()?;
        self.ws();
        let empty = self.peek() == Some(b'}');
        match level {
            Level::Metadata => {
                out.metadata_at = at;
                out.metadata_empty = empty;
            }
            Level::Context => out.context = Context::Object { at, empty },
            _ => {}
        }
        let mut seen = 0u16;
        if self.eat(b'}').is_none() {
            loop {
                self.ws();
                let (key, escaped) = self.string()?;
                if escaped {
                    return None;
                }
                self.ws();
                self.eat(b':')?;
                self.ws();
                let bit = self.field(level, key, out)?;
                if bit != 0 {
                    if seen & bit != 0 {
                        return None; // a duplicate field serde would refuse
                    }
                    seen |= bit;
                }
                self.ws();
                if self.eat(b',').is_none() {
                    self.eat(b'}')?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Some(())
    }

    /// Reads the value of `key` at `level`; returns the field's bit (0 for a field the store
    /// does not read).
    fn field(&mut self, level: Level, key: &[u8], out: &mut Scanned<'a>) -> Option<u16> {
        let c = self.peek()?;
        Some(match (level, key) {
            (Level::Top, b"Metadata") => {
                if c != b'{' {
                    return None; // null or another type: serde says what
                }
                self.object(Level::Metadata, out)?;
                1
            }
            (Level::Top, b"Event") => {
                self.skip_value()?;
                2
            }
            (Level::Metadata, b"Message") => {
                if c != b'{' {
                    return None;
                }
                out.message = true;
                self.object(Level::Message, out)?;
                1
            }
            (Level::Metadata, b"Context") => {
                match c {
                    b'{' => self.object(Level::Context, out)?,
                    b'n' => {
                        out.context = Context::Null(self.i);
                        self.literal(b"null")?;
                    }
                    _ => return None,
                }
                2
            }
            (Level::Message, b"Id") => {
                out.id = self.text()?;
                1
            }
            (Level::Message, b"Name") => {
                out.name = self.text()?;
                2
            }
            (Level::Message, b"Version") => {
                out.version = Some(self.raw_scalar()?.0);
                4
            }
            (Level::Message, b"Domain") => {
                if c != b'{' {
                    return None;
                }
                out.domain = true;
                self.object(Level::Domain, out)?;
                8
            }
            (Level::Domain, b"Id") => {
                out.domain_id = self.text()?;
                1
            }
            (Level::Domain, b"Name") => {
                out.domain_name = self.text()?;
                2
            }
            (Level::Context, b"SequenceNumber") => {
                out.sequence = Some(self.raw_scalar()?);
                1
            }
            (Level::Context, b"CorrelationId") => {
                out.correlation_id = self.text()?;
                2
            }
            (Level::Context, b"CausationId") => {
                out.causation_id = self.text()?;
                4
            }
            (Level::Context, b"UserId") => {
                out.user_id = self.text()?;
                8
            }
            (Level::Context, b"ActorType") => {
                out.actor_type = self.text()?;
                16
            }
            (Level::Context, b"Source") => {
                out.source = self.text()?;
                32
            }
            _ => {
                self.skip_value()?;
                0
            }
        })
    }
}

/// Skips plain string bytes from `i`, eight at a time: returns the index of the first quote,
/// backslash or control character, or an earlier index within the last seven bytes (the caller
/// reads those one by one). Most of an envelope is string contents, and this loop is most of
/// the reader's time.
fn plain_run_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` below `n` (n <= 128); exact for the lowest such byte,
    // which is all that is used (a borrow can only mark bytes above a marked one).
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let special = below(w ^ (ONES * u64::from(b'"')), 1)
            | below(w ^ (ONES * u64::from(b'\\')), 1)
            | below(w, 0x20);
        if special != 0 {
            return i + (special.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `plain_run_end` stops at the first special byte, or within the last seven bytes before
    /// it, for every byte value at every place of a word, after every other byte value.
    #[test]
    fn plain_run_end_stops_at_the_first_special_byte() {
        let special = |c: u8| c == b'"' || c == b'\\' || c < 0x20;
        for len in [0usize, 1, 7, 8, 9, 17] {
            for at in 0..len {
                for before in [b'a', 0x7f, 0x80, 0xff, b'!', b'#', b'[', b']', b' '] {
                    for c in 0..=255u8 {
                        let mut buf = vec![before; len];
                        buf[at] = c;
                        for from in 0..=at {
                            let first = buf[from..]
                                .iter()
                                .position(|&x| special(x))
                                .map_or(len, |p| p + from);
                            let got = plain_run_end(&buf, from);
                            assert!(
                                got == first || (got >= from && got < first && got + 8 > len),
                                "{buf:?} from {from}: {got}, the first special byte is {first}"
                            );
                        }
                    }
                }
            }
        }
    }
}
