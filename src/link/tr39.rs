//! The two parts of Unicode TR39 (security mechanisms) that link checks use: the confusable
//! skeleton and the "highly restrictive" restriction level. The tables are a reduced,
//! generated copy of the `unicode-security` crate's (see `tools/gen_tr39.rs`): its full tables
//! cost about 57 KB of gzipped WASM, most of it prototypes and scripts a host name check never
//! needs; these cost about 16 KB. `tests/tr39.rs` checks every code point against the crate.

use super::tr39_tables as t;
use crate::decompose;

/// The TR39 skeleton of `s` (decompose, drop default-ignorables, map each confusable to its
/// prototype), except that a character whose prototype is not ASCII is kept as it is. Two
/// strings that TR39 finds confusable with an ASCII string get the same skeleton as it does
/// here; a skeleton that is not ASCII matches no host name we compare with, but one with a
/// single other character (`googlé` is `google` and a combining acute) is one edit from one.
///
/// TR39 decomposes the whole string, which also puts combining marks in canonical order across
/// characters; here each character is decomposed on its own, with no tables for that order.
/// Only the order of marks can differ, and the only marks with ASCII prototypes are U+1BF3
/// (`-`) and U+1D16D (`.`), so unless a skeleton holds a `.` (no label does) its ASCII
/// characters come out in the same order.
pub fn skeleton(s: &str) -> String {
    let mut mapped = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            push_mapped(&mut mapped, c);
        } else {
            decompose::canonical(c, |d| push_mapped(&mut mapped, d));
        }
    }
    mapped
}

fn push_mapped(out: &mut String, c: char) {
    if in_ranges(c, t::IGNORABLE) {
        return;
    }
    match ascii_prototype(c) {
        Some(p) => out.push_str(p),
        None => out.push(c),
    }
}

/// The ASCII prototype of a confusable character, from the table.
fn ascii_prototype(c: char) -> Option<&'static str> {
    let i = t::CONFUSABLE_KEYS.binary_search(&(c as u32)).ok()?;
    let start = i
        .checked_sub(1)
        .map_or(0, |j| usize::from(t::CONFUSABLE_ENDS[j]));
    t::CONFUSABLE_VALUES.get(start..usize::from(t::CONFUSABLE_ENDS[i]))
}

/// Is `label` less restricted than TR39's "highly restrictive" level: does it hold a character
/// not allowed in identifiers, or mix scripts other than Latin with Han and kana (Japanese),
/// Han and Hangul (Korean) or Han and Bopomofo (Chinese)?
pub fn beyond_highly_restrictive(label: &str) -> bool {
    let mut every = Scripts::default();
    let mut non_latin = Scripts::default();
    for c in label.chars() {
        let Some(mask) = script_mask(c) else {
            return true;
        };
        every.add(mask);
        if mask & t::LATIN == 0 {
            non_latin.add(mask);
        }
    }
    // One script (ASCII letters and digits are Latin or Common, so ASCII is one too), or
    // Latin with one writing system.
    let single_script = every.common != 0 || every.in_writing_system();
    !(single_script || non_latin.in_writing_system())
}

/// The scripts a run of characters has in common (TR39's augmented script set): the
/// intersection of their script masks, and whether every one of them belongs to each
/// writing system that combines scripts.
struct Scripts {
    common: u64,
    japanese: bool,
    korean: bool,
    han_bopomofo: bool,
}

impl Default for Scripts {
    fn default() -> Scripts {
        Scripts {
            common: t::ALL,
            japanese: true,
            korean: true,
            han_bopomofo: true,
        }
    }
}

impl Scripts {
    fn add(&mut self, mask: u64) {
        self.common &= mask;
        self.japanese &= mask & (t::HAN | t::HIRAGANA | t::KATAKANA) != 0;
        self.korean &= mask & (t::HAN | t::HANGUL) != 0;
        self.han_bopomofo &= mask & (t::HAN | t::BOPOMOFO) != 0;
    }

    fn in_writing_system(&self) -> bool {
        self.japanese || self.korean || self.han_bopomofo
    }
}

/// The script extension mask of a character allowed in identifiers, `None` for any other.
fn script_mask(c: char) -> Option<u64> {
    let cp = c as u32;
    let allowed = match usize::try_from(cp) {
        Ok(i) if i < 0x10000 => t::ALLOWED_BMP[i / 64] & (1 << (i % 64)) != 0,
        _ => in_ranges(c, t::ALLOWED_ASTRAL),
    };
    if !allowed {
        return None;
    }
    let i = t::SCRIPTS.partition_point(|&(_, end, _)| end < cp);
    t::SCRIPTS
        .get(i)
        .filter(|&&(start, _, _)| start <= cp)
        .map(|&(_, _, mask)| mask)
}

/// Is `c` default-ignorable (soft hyphen, zero-width characters, variation selectors…): a
/// skeleton drops it, and so does a host's ASCII form.
pub fn is_default_ignorable(c: char) -> bool {
    in_ranges(c, t::IGNORABLE)
}

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = c as u32;
    let i = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(i).is_some_and(|&(start, _)| start <= c)
}
