//! Host names: registrable domains (Public Suffix List, ICANN section), labels and skeletons.

use super::suffix::public_suffix;
use super::tr39;

/// The registrable domain of a host under the ICANN section of the Public Suffix List
/// (`a.b.example.co.uk` → `example.co.uk`). Private-section suffixes such as `blogspot.com` are
/// looked through, as Chromium does, so `evil.blogspot.com` → `blogspot.com`; free hosting is a
/// separate signal. `None` for a bare suffix or a single label.
pub fn registrable(host: &str) -> Option<&str> {
    let host = host.trim_end_matches('.');
    let (suffix_len, _) = public_suffix(host);
    if suffix_len >= host.len() {
        return None;
    }
    let rest = &host[..host.len() - suffix_len - 1];
    let start = rest.rfind('.').map_or(0, |i| i + 1);
    Some(&host[start..])
}

/// Does the host end in a suffix the Public Suffix List names (`.com`, `.公司.cn`, `*.ck`),
/// rather than an unknown top-level label (`notes.draft`, `localhost`).
pub fn has_listed_suffix(host: &str) -> bool {
    public_suffix(host.trim_end_matches('.')).1
}

/// The registrable domain without its suffix: `paypal` for `www.paypal.co.uk`.
pub fn name_of(registrable: &str) -> &str {
    registrable.split('.').next().unwrap_or(registrable)
}

/// Letter pairs that read as one letter in most fonts, folded after TR39 (which only knows
/// `m` → `rn`): `vv` for `w`, `cl` for `d`, as in dnstwist's homoglyph list. `nn` for `m` is left
/// out: it folds real names together (`cnn`/`crn`).
const PAIR_GLYPHS: [(&str, &str); 2] = [("vv", "w"), ("cl", "d")];

/// The TR39 confusable skeleton of a (Unicode) label, lower-cased so that `0` and `o`, `1` and
/// `l` meet (TR39 maps `0` to capital `O`), with [`PAIR_GLYPHS`] folded.
pub fn skeleton(label: &str) -> String {
    let skel: String = tr39::skeleton(label)
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    PAIR_GLYPHS.iter().fold(skel, |s, (pair, glyph)| {
        if s.contains(pair) {
            s.replace(pair, glyph)
        } else {
            s
        }
    })
}

/// Is `host` `domain` or a subdomain of it.
pub fn is_within(host: &str, domain: &str) -> bool {
    host == domain
        || (host.len() > domain.len()
            && host.ends_with(domain)
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domains() {
        assert_eq!(registrable("www.example.co.uk"), Some("example.co.uk"));
        assert_eq!(registrable("evil.blogspot.com"), Some("blogspot.com"));
        assert_eq!(registrable("www.mps.gov.cn"), Some("mps.gov.cn"));
        assert_eq!(registrable("a.b.c.example.zzzz"), Some("example.zzzz"));
        assert_eq!(registrable("co.uk"), None);
        assert_eq!(registrable("localhost"), None);
        assert_eq!(registrable(""), None);
        assert_eq!(registrable("example.com."), Some("example.com"));
        // Wildcard and exception rules: `*.ck`, `!www.ck`.
        assert_eq!(registrable("foo.ck"), None);
        assert_eq!(registrable("a.b.foo.ck"), Some("b.foo.ck"));
        assert_eq!(registrable("a.www.ck"), Some("www.ck"));
        // IDN suffixes, in Unicode (e-mail domains) and punycode (URL hosts).
        assert_eq!(registrable("www.例子.公司.cn"), Some("例子.公司.cn"));
        assert_eq!(
            registrable("www.xn--fsqu00a.xn--55qx5d.cn"),
            Some("xn--fsqu00a.xn--55qx5d.cn")
        );
        assert_eq!(
            registrable("www.xn--fsqu00a.xn--fiqs8s"),
            Some("xn--fsqu00a.xn--fiqs8s")
        );
    }

    #[test]
    fn listed_suffixes() {
        assert!(has_listed_suffix("example.com"));
        assert!(has_listed_suffix("example.xn--fiqs8s"));
        assert!(has_listed_suffix("foo.ck"));
        assert!(!has_listed_suffix("notes.draft"));
        assert!(!has_listed_suffix("localhost"));
    }

    #[test]
    fn skeletons_fold_digits_and_homoglyphs() {
        assert_eq!(skeleton("g00gle"), skeleton("google"));
        assert_eq!(skeleton("paypa1"), skeleton("paypal"));
        assert_eq!(skeleton("аррӏе"), skeleton("apple"));
        assert_eq!(skeleton("tvvitter"), skeleton("twitter"));
        assert_eq!(skeleton("clropbox"), skeleton("dropbox"));
        assert_eq!(skeleton("arnazon"), skeleton("amazon"));
    }

    #[test]
    fn within() {
        assert!(is_within("mail.qq.com", "qq.com"));
        assert!(!is_within("evilqq.com", "qq.com"));
    }
}
