//! Public suffixes: the ICANN section of the Public Suffix List (`data/public_suffixes.txt`),
//! matched by the list's own algorithm. A rule table parsed once replaces the `psl` crate's
//! generated matcher, which was a third of the WASM build.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::lists::{entries, public_suffixes};

/// What a name is in the list: a rule itself, the parent of a `*.` rule, an `!` exception.
const RULE: u8 = 1;
const WILDCARD_PARENT: u8 = 2;
const EXCEPTION: u8 = 4;

fn rules() -> &'static HashMap<&'static str, u8> {
    static RULES: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut map = HashMap::new();
        for rule in entries(public_suffixes()) {
            let (name, kind) = if let Some(r) = rule.strip_prefix('!') {
                (r, EXCEPTION)
            } else if let Some(r) = rule.strip_prefix("*.") {
                (r, WILDCARD_PARENT)
            } else {
                (rule, RULE)
            };
            *map.entry(name).or_insert(0) |= kind;
        }
        map
    })
}

/// The public suffix of a lower-case host without a trailing dot: its length in bytes, and
/// whether a listed rule gave it (otherwise the implicit `*` rule gave the last label).
pub fn public_suffix(host: &str) -> (usize, bool) {
    let rules = rules();
    let mut best = (host.len() - host.rfind('.').map_or(0, |i| i + 1), false);
    let mut parent_kind = 0;
    let mut parent_len = 0;
    // Suffixes from the last label up: `uk`, `co.uk`, `example.co.uk` …
    let starts = host.rmatch_indices('.').map(|(i, _)| i + 1).chain([0]);
    for start in starts {
        let suffix = &host[start..];
        let kind = rules.get(suffix).copied().unwrap_or(0);
        if kind & EXCEPTION != 0 {
            // `!www.ck` makes `ck` the suffix of `www.ck`, whatever `*.ck` says.
            return (parent_len, true);
        }
        if kind & RULE != 0 || parent_kind & WILDCARD_PARENT != 0 {
            best = (suffix.len(), true);
        }
        parent_kind = kind;
        parent_len = suffix.len();
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suffix(host: &str) -> (&str, bool) {
        let (len, known) = public_suffix(host);
        (&host[host.len() - len..], known)
    }

    #[test]
    fn rules_wildcards_and_exceptions() {
        assert_eq!(suffix("www.example.com"), ("com", true));
        assert_eq!(suffix("a.example.co.uk"), ("co.uk", true));
        assert_eq!(suffix("co.uk"), ("co.uk", true));
        assert_eq!(suffix("foo.ck"), ("foo.ck", true));
        assert_eq!(suffix("a.foo.ck"), ("foo.ck", true));
        assert_eq!(suffix("www.ck"), ("ck", true));
        assert_eq!(suffix("a.www.ck"), ("ck", true));
        assert_eq!(suffix("city.kawasaki.jp"), ("kawasaki.jp", true));
        assert_eq!(suffix("x.ward.kawasaki.jp"), ("ward.kawasaki.jp", true));
    }

    #[test]
    fn idn_rules_match_unicode_and_punycode() {
        assert_eq!(suffix("例子.公司.cn"), ("公司.cn", true));
        assert_eq!(suffix("xn--fsqu00a.xn--55qx5d.cn"), ("xn--55qx5d.cn", true));
        assert_eq!(suffix("example.xn--fiqs8s"), ("xn--fiqs8s", true));
    }

    #[test]
    fn unlisted_names_fall_back_to_the_last_label() {
        assert_eq!(suffix("a.b.example.zzzz"), ("zzzz", false));
        assert_eq!(suffix("localhost"), ("localhost", false));
        // Private-section suffixes are not public suffixes here.
        assert_eq!(suffix("evil.blogspot.com"), ("com", true));
        assert_eq!(suffix("x.github.io"), ("io", true));
    }
}
