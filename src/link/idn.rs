//! Internationalised host names without the IDNA mapping tables.
//!
//! The `url` crate maps a non-ASCII host to its ASCII (punycode) form through UTS 46, whose
//! tables (with the normalisation, bidi and joining tables behind them) cost about 43 KB of the
//! gzipped WASM engine. In the extension every link's `href` comes already in ASCII form from
//! the browser, so only hosts written in text, in a mail address or in a policy reach that path.
//! For those, [`to_ascii`] does the part of UTS 46 that lures use — case, full-width letters and
//! full stops, invisible characters — and punycode-encodes what is left; `url` is built with the
//! `idna_adapter` stub (ASCII only), so it is handed only ASCII hosts.
//!
//! Where a host is one the browser would reject (a character IDNA disallows), LureLens still
//! scores it rather than calling it malformed. `tests/cases/idn_hosts.tsv` holds hosts with the
//! browser's (WHATWG) ASCII form; the Node test tier checks that file against Node's
//! `url.domainToASCII`, and the test below checks [`to_ascii`] against the file.

use std::borrow::Cow;

use super::tr39;
use crate::decompose;

/// The longest label DNS allows, in bytes of its ASCII form (so a non-ASCII label of more
/// characters has none either). A longer label names no host that can exist, and punycode takes
/// time quadratic in a label's length: a 20,000-character "label" in a mail's display name took a
/// second to encode.
const MAX_LABEL: usize = 63;

/// A host `url` takes as it is: ASCII, no `%` escapes.
fn is_plain(host: &str) -> bool {
    host.is_ascii() && !host.contains('%')
}

/// The ASCII form of a host, lower-cased: each non-ASCII label as `xn--` punycode. `None` when a
/// non-ASCII label is too long to exist ([`MAX_LABEL`]) or cannot be encoded, or the host holds
/// `%` escapes that are not UTF-8.
pub fn to_ascii(host: &str) -> Option<Cow<'_, str>> {
    if is_plain(host) {
        return Some(if host.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(host.to_ascii_lowercase())
        } else {
            Cow::Borrowed(host)
        });
    }
    // `url` decodes `%` escapes in a host before mapping it (`p%C3%A1ypal.com`).
    let decoded = percent_encoding::percent_decode_str(host)
        .decode_utf8()
        .ok()?;
    let mut mapped = String::with_capacity(decoded.len());
    for c in decoded.chars() {
        match c {
            '\u{3002}' | '\u{FF0E}' | '\u{FF61}' => mapped.push('.'),
            '\u{FF01}'..='\u{FF5E}' => {
                let a = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
                mapped.push(a.to_ascii_lowercase());
            }
            c if tr39::is_default_ignorable(c) => {}
            c => match compat_ascii(c) {
                Some(a) => mapped.push_str(&a.to_ascii_lowercase()),
                None => mapped.extend(c.to_lowercase()),
            },
        }
    }
    if mapped.is_ascii() {
        return Some(Cow::Owned(mapped));
    }
    let mut out = String::with_capacity(mapped.len() * 2);
    for (i, label) in mapped.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        if label.is_ascii() {
            out.push_str(label);
        } else if label.chars().nth(MAX_LABEL).is_some() {
            return None;
        } else {
            out.push_str("xn--");
            out.push_str(&idna::punycode::encode_str(label)?);
        }
    }
    Some(Cow::Owned(out))
}

/// The ASCII a compatibility character stands for (`𝐩`, `ⓟ`, `ﬁ`, `ⅼ`), as UTS 46 maps it:
/// only a character with no canonical decomposition (a letter with a mark, `é`, keeps its own
/// form) whose compatibility form is ASCII.
fn compat_ascii(c: char) -> Option<String> {
    let mut composed = true;
    decompose::canonical(c, |d| composed &= d == c);
    if !composed {
        return None;
    }
    let mut out = String::new();
    decompose::compatible_unmarked(c, |d| out.push(d));
    (!out.is_empty() && out.is_ascii()).then_some(out)
}

/// `s` with the host of its authority (after `//`) in ASCII form, so that `url` can parse it.
/// Unchanged when there is no authority, the host is ASCII, or it cannot be mapped.
pub fn ascii_url(s: &str) -> Cow<'_, str> {
    let Some(slashes) = s.find("//") else {
        return Cow::Borrowed(s);
    };
    let start = slashes + 2;
    let end = s[start..]
        .find(['/', '?', '#', '\\'])
        .map_or(s.len(), |i| start + i);
    let authority = &s[start..end];
    let host_start = authority.rfind('@').map_or(start, |i| start + i + 1);
    let host_end = match s[host_start..end].rfind(':') {
        Some(i) if !s[host_start..end].starts_with('[') => host_start + i,
        _ => end,
    };
    let host = &s[host_start..host_end];
    if is_plain(host) {
        return Cow::Borrowed(s);
    }
    match to_ascii(host) {
        Some(ascii) => Cow::Owned(format!("{}{ascii}{}", &s[..host_start], &s[host_end..])),
        None => Cow::Borrowed(s),
    }
}

/// A host, as `url` parses it once it is in ASCII form.
pub fn parse_host(host: &str) -> Option<url::Host> {
    url::Host::parse(&to_ascii(host)?).ok()
}

/// The Unicode form of an ASCII (punycode) host, for script checks and display: each `xn--`
/// label decoded, any other label (or one that does not decode) kept as it is.
pub fn to_unicode(host: &str) -> String {
    let punycode = |w: &[u8]| w.eq_ignore_ascii_case(b"xn--");
    if !host.as_bytes().windows(4).any(punycode) {
        return host.to_string();
    }
    let mut out = String::with_capacity(host.len());
    for (i, label) in host.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let decoded = Some(label)
            .filter(|l| l.len() <= MAX_LABEL)
            .and_then(|l| l.get(..4))
            .filter(|p| p.eq_ignore_ascii_case("xn--"))
            .and_then(|_| idna::punycode::decode_to_string(&label[4..]))
            .filter(|d| !d.is_empty());
        match decoded {
            Some(d) => out.push_str(&d),
            None => out.push_str(label),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hosts, the browser's ASCII form (WHATWG URL, as Node's `url.domainToASCII` gives it;
    /// empty where the browser rejects the host) and, where it differs, LureLens's.
    const CASES: &str = include_str!("../../tests/cases/idn_hosts.tsv");

    fn cases() -> impl Iterator<Item = (&'static str, &'static str, Option<&'static str>)> {
        CASES
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let mut f = l.split('\t');
                let input = f.next().unwrap_or("");
                (input, f.next().unwrap_or(""), f.next())
            })
    }

    #[test]
    fn hosts_map_to_the_browsers_ascii_form() {
        let (mut same, mut differ) = (0, 0);
        for (input, whatwg, ours_expected) in cases() {
            let ours = to_ascii(input).map(|a| a.into_owned());
            if let Some(expected) = ours_expected {
                assert_eq!(
                    ours.as_deref(),
                    Some(expected),
                    "{input:?} (a known difference)"
                );
                differ += 1;
            } else if !whatwg.is_empty() {
                assert_eq!(ours.as_deref(), Some(whatwg), "{input:?}");
                same += 1;
            }
        }
        assert!(
            same >= 40 && differ <= same / 20,
            "{same} agree, {differ} differ"
        );
    }

    #[test]
    fn ascii_forms_decode_back() {
        for (input, whatwg, _) in cases().filter(|(_, w, o)| w.contains("xn--") && o.is_none()) {
            let back = to_unicode(whatwg);
            assert!(!back.contains("xn--"), "{input:?} -> {whatwg} -> {back}");
            assert_eq!(to_ascii(&back).as_deref(), Some(whatwg), "{back:?}");
        }
    }

    #[test]
    fn urls_get_an_ascii_host_and_keep_the_rest() {
        assert_eq!(
            ascii_url("https://user@Pаypal.com:8443/логин?q=д#я"),
            "https://user@xn--pypal-4ve.com:8443/логин?q=д#я"
        );
        assert_eq!(
            ascii_url("http://例子.公司/"),
            "http://xn--fsqu00a.xn--55qx5d/"
        );
        assert_eq!(
            ascii_url("http://p%C3%A1ypal.com/x"),
            "http://xn--pypal-xqa.com/x"
        );
        for same in [
            "https://example.com/путь",
            "mailto:a@b.c",
            "no host",
            "http://[::1]:80/",
        ] {
            assert_eq!(ascii_url(same), same);
        }
    }

    /// Guards the label length cap: a label no host can have is refused or kept as it is, at
    /// once (quadratic punycode took a second for a 20,000-character one).
    #[test]
    fn overlong_labels_are_refused_not_encoded() {
        let long: String = (0..20_000u32)
            .map(|i| char::from_u32(0x4e00 + i % 20_000).unwrap_or('中'))
            .collect();
        assert_eq!(to_ascii(&format!("{long}.com")), None);
        let url = format!("http://{long}.com/");
        assert_eq!(ascii_url(&url), url);
        let sixty_three = "例".repeat(63);
        assert!(to_ascii(&format!("{sixty_three}.cn")).is_some());
        let ascii_long = format!("xn--{}.com", "a".repeat(20_000));
        assert_eq!(to_unicode(&ascii_long), ascii_long);
    }

    #[test]
    fn broken_punycode_is_kept_not_lost() {
        assert_eq!(to_unicode("xn--.example.com"), "xn--.example.com");
        assert_eq!(to_unicode("xn--zz-zzzzzzzz.com"), "xn--zz-zzzzzzzz.com");
        assert_eq!(to_unicode("www.example.com"), "www.example.com");
        // The prefix in any case (a mail domain is not lower-cased first).
        assert_eq!(to_unicode("Xn--80ak6aa92e.com"), "аррӏе.com");
    }
}
