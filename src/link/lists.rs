//! The compiled-in domain and file-name lists (`src/link/data/*.txt`; each file names its source
//! and licence in its opening comment).
//!
//! Files are one entry per line. `#` starts a comment; a comment line whose first word is a
//! lower-case name alone or followed by `:` (`# archives`, `# short: …`) opens a named section.
//!
//! The two large lists, popular domains and public suffixes, are compiled in encoded by
//! `build.rs` (grouped by suffix and front-coded: 25 KB less gzipped WASM) and decoded once per
//! process (about 1.5 ms natively) into one-entry-a-line text without comments.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The entries of `data/popular_domains.txt`, one a line, in the file's order.
pub fn popular_domains() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    once(&TEXT, || {
        decode(include_bytes!(concat!(
            env!("OUT_DIR"),
            "/popular_domains.bin"
        )))
    })
}

/// The rules of `data/public_suffixes.txt`, one a line, in no particular order.
pub fn public_suffixes() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    once(&TEXT, || {
        let mut text = decode(include_bytes!(concat!(
            env!("OUT_DIR"),
            "/public_suffixes.bin"
        )));
        // build.rs leaves out the punycode form that follows each rule with non-ASCII labels:
        // the engine's own host mapping gives it again (the tests check that it gives the
        // file's forms exactly).
        let twins: Vec<String> = entries(&text)
            .filter(|r| !r.is_ascii())
            .filter_map(|r| super::idn::to_ascii(r).map(Cow::into_owned))
            .collect();
        for t in twins {
            text.push_str(&t);
            text.push('\n');
        }
        text
    })
}

/// One `OnceLock` instantiation for both lists (with a closure each the WASM build carries two).
fn once(cell: &'static OnceLock<String>, init: fn() -> String) -> &'static str {
    cell.get_or_init(init)
}

pub const BRANDS: &str = include_str!("data/brands.txt");
pub const COMBO_KEYWORDS: &str = include_str!("data/combo_keywords.txt");
pub const SHORTENERS: &str = include_str!("data/shorteners.txt");
pub const FREE_HOSTING: &str = include_str!("data/free_hosting.txt");
pub const REDIRECT_PARAMS: &str = include_str!("data/redirect_params.txt");
pub const DANGEROUS_EXTENSIONS: &str = include_str!("data/dangerous_extensions.txt");

/// Entries of a list file by section name; entries before any section header are under `""`.
pub fn sections(text: &str) -> HashMap<&str, Vec<&str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(name) = section_name(comment) {
                current = name;
            }
            continue;
        }
        out.entry(current).or_default().push(line);
    }
    out
}

/// All entries of a list file, whatever their section.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Decodes a list `build.rs` encoded (its opening comment gives the format) into its entries,
/// one a line. Malformed input gives wrong entries, never a panic.
fn decode(data: &[u8]) -> String {
    // As in build.rs (any other control byte, `KEEP` there, starts a run kept in order).
    const MAX_SHARED: u8 = 0x1c;
    const SORT: u8 = 0x1d;
    const GROUP: u8 = 0x1f;
    let mut out: Vec<u8> = Vec::with_capacity(data.len() * 2);
    let mut name: Vec<u8> = Vec::new();
    let mut suffix: &[u8] = b"";
    // Where in `out` the run to sort begins, if one is open.
    let mut sort_from: Option<usize> = None;
    let mut rest = data;
    while let Some((&tag, after)) = rest.split_first() {
        let len = after.iter().position(|&b| b < 0x20).unwrap_or(after.len());
        let (text, next) = after.split_at(len);
        rest = next;
        if tag <= MAX_SHARED {
            name.truncate(tag as usize);
            name.extend_from_slice(text);
            out.extend_from_slice(&name);
            if !suffix.is_empty() {
                out.push(b'.');
                out.extend_from_slice(suffix);
            }
            out.push(b'\n');
        } else if tag == GROUP {
            suffix = text;
            name.clear();
        } else {
            // A new run (`KEEP` or `SORT`): close the open one.
            if let Some(from) = sort_from.take() {
                sort_lines(&mut out, from);
            }
            sort_from = (tag == SORT).then_some(out.len());
            suffix = b"";
            name.clear();
        }
    }
    if let Some(from) = sort_from {
        sort_lines(&mut out, from);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Sorts the lines of `out` from byte `from` (a line start) on.
fn sort_lines(out: &mut Vec<u8>, from: usize) {
    let run = out.split_off(from.min(out.len()));
    let mut lines: Vec<&[u8]> = run
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    lines.sort_unstable();
    for line in lines {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
}

fn section_name(comment: &str) -> Option<&str> {
    let mut words = comment.split_whitespace();
    let first = words.next()?;
    let rest = words.next();
    let name = first.strip_suffix(':').unwrap_or(first);
    let is_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    match (is_name, rest, first.ends_with(':')) {
        (true, None, _) | (true, Some(_), true) => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_entries(text: &str) -> Vec<&str> {
        entries(text).collect()
    }

    /// Names the first entry that differs (a whole-list `assert_eq!` prints 15,000 entries).
    fn assert_same(decoded: &[&str], source: &[&str]) {
        let n = decoded.len().max(source.len());
        if let Some(i) = (0..n).find(|&i| decoded.get(i) != source.get(i)) {
            panic!(
                "entry {i}: decoded {:?}, source {:?}",
                decoded.get(i),
                source.get(i)
            );
        }
    }

    #[test]
    fn decoded_popular_domains_equal_the_source_file_in_order() {
        let source = source_entries(include_str!("data/popular_domains.txt"));
        let decoded: Vec<&str> = popular_domains().lines().collect();
        assert_same(&decoded, &source);
    }

    #[test]
    fn decoded_public_suffixes_equal_the_source_file_as_a_set() {
        let mut source = source_entries(include_str!("data/public_suffixes.txt"));
        let mut decoded: Vec<&str> = public_suffixes().lines().collect();
        source.sort_unstable();
        decoded.sort_unstable();
        assert_same(&decoded, &source);
    }

    #[test]
    fn decoding_malformed_input_does_not_panic() {
        let data = include_bytes!(concat!(env!("OUT_DIR"), "/public_suffixes.bin"));
        for cut in (0..data.len()).step_by(97) {
            decode(&data[cut..]);
            decode(&data[..cut]);
        }
        decode(&[0x1d, 0x1c, 0xff, 0x1f, 0x00, 0xe4, 0x1e, 0x05, b'a', 0x1d]);
    }

    #[test]
    fn sections_split_on_headers_only() {
        let s = sections("a\n# Source: x\n# --- group\nb\n# archives\nzip\n# short: note\nibm\n# match only as\nx");
        assert_eq!(s[""], vec!["a", "b"]);
        assert_eq!(s["archives"], vec!["zip"]);
        assert_eq!(s["short"], vec!["ibm", "x"]);
    }
}
