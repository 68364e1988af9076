//! Encodes the two large compiled-in lists, `src/link/data/popular_domains.txt` and
//! `public_suffixes.txt`, into `OUT_DIR` in a form that gzips far smaller than their text (the
//! WASM engine is downloaded gzipped); `src/link/lists.rs` includes the encoded bytes and
//! decodes them once per process. The text files stay the source: edit them, never the output.
//!
//! The crate is built natively (`cargo test`, the command-line scanner) and for wasm32; this
//! script runs on the host either way. A malformed list or rule file fails the build here.
//!
//! Format: a sequence of tokens, each a control byte (below 0x20) and the text bytes up to the
//! next control byte (list entries never hold one).
//! - `KEEP`: a run of entries starts, decoded in the order written.
//! - `SORT`: a run starts whose entries the source had in strictly increasing byte order; the
//!   decoder sorts them back, so the encoder may write them in the order that packs best.
//! - `GROUP` + `suffix`: the entries that follow, up to the next group or run, end in `.suffix`
//!   (an empty suffix: in nothing, as a run's entries before any group).
//! - `0..=MAX_SHARED` + `rest`: an entry whose name (before its group's suffix) is the first
//!   that many bytes of the previous name in its group, then `rest`.
//!
//! Grouping by the part after the first dot stores `com` once for 7,000 names; front coding the
//! sorted names of a group stores each shared opening once. Measured on the 2026-12 lists (gzip
//! -9 of the bytes): popular domains 73.5 -> 57.4 KB, public suffixes 30.2 -> 19.3 KB (2.2 KB of
//! it the punycode forms left out); the gzipped WASM engine is 25.3 KB smaller.

use std::collections::HashMap;
use std::path::Path;
use std::{env, fs};

// `lists::decode` in src/link/lists.rs repeats these values.
const MAX_SHARED: u8 = 0x1c;
const SORT: u8 = 0x1d;
const KEEP: u8 = 0x1e;
const GROUP: u8 = 0x1f;

fn main() {
    let dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    compact_rules(&dir, &out);
    for (name, encode) in [
        ("popular_domains", encode_popular as fn(&[&str]) -> Vec<u8>),
        ("public_suffixes", encode_suffixes),
    ] {
        let src = format!("{dir}/src/link/data/{name}.txt");
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        // As `lists::entries` reads a list: trimmed lines, no blank or `#` comment lines.
        let entries: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        if let Some(bad) = entries.iter().find(|e| e.bytes().any(|b| b < 0x20)) {
            panic!("{src}: control character in {bad:?}");
        }
        let path = Path::new(&out).join(format!("{name}.bin"));
        fs::write(&path, encode(&entries)).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    }
}

/// Writes each `src/rules/*.json` to `OUT_DIR/rules/` without whitespace and without the rules'
/// `examples`, which only the tests read (from the source files): 6.5 KB off the gzipped WASM
/// engine. serde_json (a build-dependency for this alone) reads and writes them.
fn compact_rules(dir: &str, out: &str) {
    let src = Path::new(dir).join("src/rules");
    println!("cargo:rerun-if-changed={}", src.display());
    let dest = Path::new(out).join("rules");
    fs::create_dir_all(&dest).unwrap_or_else(|e| panic!("{dest:?}: {e}"));
    for entry in fs::read_dir(&src).unwrap_or_else(|e| panic!("{src:?}: {e}")) {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let mut value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        for list in ["rules", "combos", "dampeners"] {
            if let Some(items) = value.get_mut(list).and_then(|v| v.as_array_mut()) {
                for item in items.iter_mut().filter_map(|i| i.as_object_mut()) {
                    item.remove("examples");
                }
            }
        }
        let name = path.file_name().expect("a file name");
        fs::write(dest.join(name), value.to_string()).unwrap_or_else(|e| panic!("{name:?}: {e}"));
    }
}

/// Popular domains: their order matters (the first 1,000 are in rank order), so only the longest
/// sorted stretch (the file's sorted tail) is grouped; what comes before and after it is kept.
fn encode_popular(entries: &[&str]) -> Vec<u8> {
    let (mut start, mut best) = (0, (0, 0));
    for i in 1..=entries.len() {
        if i == entries.len() || entries[i - 1] >= entries[i] {
            if i - start > best.1 - best.0 {
                best = (start, i);
            }
            start = i;
        }
    }
    let mut out = vec![KEEP];
    front_code(&mut out, &entries[..best.0]);
    out.push(SORT);
    grouped(&mut out, &entries[best.0..best.1]);
    out.push(KEEP);
    front_code(&mut out, &entries[best.1..]);
    out
}

/// Public suffixes: a set (rules go into a map), so all are grouped. A rule with non-ASCII labels
/// is followed in the file by its punycode form, which is left out: the decoder derives it again.
fn encode_suffixes(entries: &[&str]) -> Vec<u8> {
    let mut rules = Vec::new();
    let mut rest = entries.iter();
    while let Some(&rule) = rest.next() {
        rules.push(rule);
        if !rule.is_ascii() {
            let twin = rest.next().copied().unwrap_or("");
            assert!(
                looks_like_punycode_of(twin, rule),
                "public_suffixes.txt: {rule:?} is not followed by its punycode form"
            );
        }
    }
    let mut out = vec![KEEP];
    grouped(&mut out, &rules);
    out
}

/// Has `twin` the labels of `rule`, each non-ASCII one as an `xn--` label? (The engine's tests
/// check the derived forms against the file exactly; this only keeps the pairs in step.)
fn looks_like_punycode_of(twin: &str, rule: &str) -> bool {
    let (t, r): (Vec<&str>, Vec<&str>) = (twin.split('.').collect(), rule.split('.').collect());
    twin.is_ascii()
        && t.len() == r.len()
        && t.iter()
            .zip(&r)
            .all(|(t, r)| t == r || (!r.is_ascii() && t.starts_with("xn--")))
}

/// Writes entries front-coded in the given order, with no group suffix.
fn front_code(out: &mut Vec<u8>, entries: &[&str]) {
    let mut prev = "";
    for e in entries {
        entry(out, prev, e);
        prev = e;
    }
}

/// Writes entries by the suffix after their first dot (smallest groups first, 0.1 KB smaller
/// gzipped than largest first), each group's names sorted and front-coded. Entries without a dot form the group of the empty suffix.
fn grouped(out: &mut Vec<u8>, entries: &[&str]) {
    let mut groups: HashMap<&str, Vec<&str>> = HashMap::new();
    for e in entries {
        let (name, suffix) = e.split_once('.').unwrap_or((e, ""));
        groups.entry(suffix).or_default().push(name);
    }
    let mut groups: Vec<(&str, Vec<&str>)> = groups.into_iter().collect();
    groups.sort_by(|a, b| a.1.len().cmp(&b.1.len()).then(a.0.cmp(b.0)));
    for (suffix, mut names) in groups {
        out.push(GROUP);
        out.extend_from_slice(suffix.as_bytes());
        names.sort_unstable();
        front_code(out, &names);
    }
}

/// One entry: the bytes it shares with `prev` (at most `MAX_SHARED`), then the rest.
fn entry(out: &mut Vec<u8>, prev: &str, name: &str) {
    let shared = prev
        .bytes()
        .zip(name.bytes())
        .take(MAX_SHARED as usize)
        .take_while(|(a, b)| a == b)
        .count();
    out.push(shared as u8);
    out.extend_from_slice(&name.as_bytes()[shared..]);
}
