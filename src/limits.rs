//! Caps on the work done per field, so hostile input costs bounded time.
//!
//! Every scan is linear in its input, and the input is capped: a field beyond
//! [`MAX_FIELD_BYTES`] is scored on its first 64 KiB (a lure is not hidden past a screenful of
//! chat); a URL beyond [`MAX_URL_BYTES`] on its first 8 KiB (and gets a hint for its length).
//! A thread keeps its last [`MAX_THREAD_MESSAGES`] messages, an email its first
//! [`MAX_EMAIL_LINKS`] links and attachments, a text its first [`MAX_URLS_PER_FIELD`] URLs.

use crate::matcher::Hit;

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

/// Hits cut to [`MAX_HITS`].
pub fn cap_hits(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.truncate(MAX_HITS);
    hits
}

/// The substring of `s` between UTF-16 offsets `start..end` (clamped; never panics).
pub fn utf16_slice(s: &str, start: u32, end: u32) -> String {
    let mut out = String::new();
    let mut pos = 0u32;
    for c in s.chars() {
        if pos >= end {
            break;
        }
        if pos >= start {
            out.push(c);
        }
        pos += c.len_utf16() as u32;
    }
    out
}

/// UTF-16 offset of byte offset `byte` in `s` (clamped to the string).
pub fn utf16_offset(s: &str, byte: usize) -> u32 {
    let byte = byte.min(s.len());
    s.char_indices()
        .take_while(|(i, _)| *i < byte)
        .map(|(_, c)| c.len_utf16() as u32)
        .sum()
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
    }
}
