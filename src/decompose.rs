//! Character decompositions: canonical (NFD, for link skeletons) and compatibility with
//! combining marks dropped (for the text normaliser). The tables are a reduced, generated copy
//! of the `unicode-normalization` crate's (see `tools/gen_decompose.rs`): the crate cost about
//! 64 KB of gzipped WASM, these about 16 KB. `tests/decompose.rs` checks every code point
//! against the crate.

use crate::decompose_tables as t;

/// The canonical decomposition of `c` (`c` itself when it has none), as the crate's
/// `decompose_canonical`, except that the CJK Compatibility Ideographs Supplement
/// (U+2F800–U+2FA1D) keeps itself: the normaliser takes it as CJK first, and IDNA has replaced
/// it by the unified ideographs before a host name is checked.
pub fn canonical(c: char, mut emit: impl FnMut(char)) {
    if let Some(parts) = hangul(c) {
        parts.into_iter().flatten().for_each(emit);
    } else if let Some(v) = lookup(c, t::CANONICAL, t::CANONICAL_VALUES) {
        v.chars().for_each(emit);
    } else {
        emit(c);
    }
}

/// The compatibility decomposition of `c` less its combining marks (nothing for a mark), as the
/// crate's `decompose_compatible` filtered by `is_combining_mark`, except that a letter of a
/// script no term is written in keeps itself (the generator's doc comment lists them).
pub fn compatible_unmarked(c: char, mut emit: impl FnMut(char)) {
    if let Some(v) = lookup(c, t::COMPAT, t::COMPAT_VALUES) {
        v.chars().for_each(emit);
    } else {
        canonical(c, |d| {
            if !is_combining_mark(d) {
                emit(d);
            }
        });
    }
}

/// Is `c` a combining mark (General_Category=Mark).
pub fn is_combining_mark(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x300 {
        return false;
    }
    let i = t::MARKS.partition_point(|&(_, end)| end < cp);
    t::MARKS.get(i).is_some_and(|&(start, _)| start <= cp)
}

/// The conjoining jamo of a Hangul syllable (Unicode §3.12): leading consonant, vowel and an
/// optional trailing consonant.
fn hangul(c: char) -> Option<[Option<char>; 3]> {
    const COUNT_V: u32 = 21;
    const COUNT_T: u32 = 28;
    let s = (c as u32).checked_sub(0xAC00)?;
    if s >= 19 * COUNT_V * COUNT_T {
        return None;
    }
    let t = s % COUNT_T;
    Some([
        char::from_u32(0x1100 + s / (COUNT_V * COUNT_T)),
        char::from_u32(0x1161 + s % (COUNT_V * COUNT_T) / COUNT_T),
        (t != 0).then(|| char::from_u32(0x11A7 + t)).flatten(),
    ])
}

/// The value of `c` in a generated table: runs `(first, count, offset, len)` of code points
/// whose values, `len` bytes each, start at `offset` in `values`.
fn lookup(c: char, runs: &[(u32, u16, u16, u8)], values: &'static str) -> Option<&'static str> {
    let cp = c as u32;
    let i = runs
        .partition_point(|&(first, ..)| first <= cp)
        .checked_sub(1)?;
    let (first, count, offset, len) = runs[i];
    let k = cp - first;
    if k >= u32::from(count) {
        return None;
    }
    let start = usize::from(offset) + k as usize * usize::from(len);
    values.get(start..start + usize::from(len))
}
