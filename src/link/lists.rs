//! The compiled-in domain and file-name lists (`src/link/data/*.txt`; each file names its source
//! and licence in its opening comment).
//!
//! Files are one entry per line. `#` starts a comment; a comment line whose first word is a
//! lower-case name alone or followed by `:` (`# archives`, `# short: …`) opens a named section.

use std::collections::HashMap;

pub const POPULAR_DOMAINS: &str = include_str!("data/popular_domains.txt");
pub const BRANDS: &str = include_str!("data/brands.txt");
pub const COMBO_KEYWORDS: &str = include_str!("data/combo_keywords.txt");
pub const SHORTENERS: &str = include_str!("data/shorteners.txt");
pub const FREE_HOSTING: &str = include_str!("data/free_hosting.txt");
pub const REDIRECT_PARAMS: &str = include_str!("data/redirect_params.txt");
pub const DANGEROUS_EXTENSIONS: &str = include_str!("data/dangerous_extensions.txt");
pub const PUBLIC_SUFFIXES: &str = include_str!("data/public_suffixes.txt");

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

    #[test]
    fn sections_split_on_headers_only() {
        let s = sections("a\n# Source: x\n# --- group\nb\n# archives\nzip\n# short: note\nibm\n# match only as\nx");
        assert_eq!(s[""], vec!["a", "b"]);
        assert_eq!(s["archives"], vec!["zip"]);
        assert_eq!(s["short"], vec!["ibm", "x"]);
    }
}
