//! Caps on the work done per field, so hostile input costs bounded time.
//!
//! Every scan is linear in its input, and the input is capped: a field beyond
//! [`MAX_FIELD_BYTES`] is scored on its first 64 KiB (a lure is not hidden past a screenful of
//! chat); a URL beyond [`MAX_URL_BYTES`] on its first 8 KiB (and gets a hint for its length).
//! A thread keeps its last [`MAX_THREAD_MESSAGES`] messages, an email its first
//! [`MAX_EMAIL_LINKS`] links and attachments, a text its first [`MAX_URLS_PER_FIELD`] URLs.

/// Bytes of one text field that are scanned.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// Bytes of one URL that are scored.
pub const MAX_URL_BYTES: usize = 8 * 1024;
/// Term hits kept per field (a text made only of trigger words cannot blow up rule evaluation).
pub const MAX_HITS: usize = 4096;
/// Messages of a thread that are scored (the most recent ones).
pub const MAX_THREAD_MESSAGES: usize = 500;
/// Links and attachments of one email that are scored.
pub const MAX_EMAIL_LINKS: usize = 200;
/// URLs found inside one text field that are scored.
pub const MAX_URLS_PER_FIELD: usize = 50;

/// `s` cut to at most `max` bytes, at a character boundary.
pub fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A text field cut to [`MAX_FIELD_BYTES`].
pub fn cap_field(s: &str) -> &str {
    truncate(s, MAX_FIELD_BYTES)
}

/// The substring of `s` between UTF-16 offsets `start..end` (clamped; never panics): the
/// characters that begin at a unit in `start..end`.
pub fn utf16_slice(s: &str, start: u32, end: u32) -> String {
    let from = utf16_to_byte(s, start);
    let to = utf16_to_byte(s, end).max(from);
    s[from..to].to_string()
}

/// UTF-16 offset of byte offset `byte` in `s` (clamped to the string; a byte inside a
/// character counts that whole character).
pub fn utf16_offset(s: &str, byte: usize) -> u32 {
    utf16_units(&s.as_bytes()[..byte.min(s.len())])
}

/// UTF-16 units of the characters that start in `bytes`. Counted over bytes, not decoded
/// characters: every byte that starts a character is one unit, and a four-byte character
/// (0xF0.. lead byte) is a surrogate pair, one more.
fn utf16_units(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
        .sum()
}

/// UTF-16 offsets of byte offsets in one string, each counted on from the previous one, so a
/// series of increasing offsets (URLs, evidence spans) costs one walk rather than one each.
pub struct Utf16Cursor<'a> {
    bytes: &'a [u8],
    byte: usize,
    unit: u32,
}

impl<'a> Utf16Cursor<'a> {
    pub fn new(s: &'a str) -> Self {
        Utf16Cursor {
            bytes: s.as_bytes(),
            byte: 0,
            unit: 0,
        }
    }

    /// [`utf16_offset`] of `byte`; an offset before the previous one counts from the start.
    pub fn offset(&mut self, byte: usize) -> u32 {
        let byte = byte.min(self.bytes.len());
        if byte < self.byte {
            (self.byte, self.unit) = (0, 0);
        }
        self.unit += utf16_units(&self.bytes[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// Byte offset of the first character of `s` that begins at or after UTF-16 offset `unit`
/// (`s.len()` when none does).
fn utf16_to_byte(s: &str, unit: u32) -> usize {
    let mut pos = 0u32;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if pos >= unit {
                return i;
            }
            pos += 1 + u32::from(b >= 0xF0);
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_respects_char_boundaries() {
        assert_eq!(truncate("内部资料", 4), "内");
        assert_eq!(truncate("abc", 10), "abc");
    }

    #[test]
    fn utf16_helpers_count_surrogate_pairs() {
        let s = "😀a内";
        assert_eq!(utf16_offset(s, 4), 2);
        assert_eq!(utf16_slice(s, 2, 4), "a内");
        assert_eq!(utf16_slice(s, 3, 99), "内");
        // Offsets inside a surrogate pair or a UTF-8 sequence, and past the end.
        assert_eq!(utf16_slice(s, 1, 3), "a");
        assert_eq!(utf16_slice(s, 0, 1), "😀");
        assert_eq!(utf16_slice(s, 4, 2), "");
        assert_eq!(utf16_offset(s, 1), 2);
        assert_eq!(utf16_offset(s, 6), 4);
        assert_eq!(utf16_offset(s, 99), 4);
        let mut c = Utf16Cursor::new(s);
        for b in [0, 1, 4, 5, 6, 8, 99, 2, 5] {
            assert_eq!(c.offset(b), utf16_offset(s, b), "byte {b}");
        }
    }
}
