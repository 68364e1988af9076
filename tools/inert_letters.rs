//! The rule for which letters the compatibility table leaves out, shared by the generator
//! (`tools/gen_decompose.rs`) and its check (`tests/decompose.rs`).

use lurelens::normalize::is_cjk;
use unicode_security::mixed_script::AugmentedScriptSet;

/// Scripts whose letters can take part in a match (see `gen_decompose.rs`'s module comment).
pub const MATCHED_SCRIPTS: &[&str] = &[
    "Latin", "Greek", "Cyrillic", "Armenian", "Han", "Hiragana", "Katakana", "Bopomofo",
];

/// A letter the normaliser passes through as plain content and that no term is written in.
pub fn is_inert_letter(c: char) -> bool {
    let set = AugmentedScriptSet::for_char(c);
    !c.is_ascii()
        && c.is_alphanumeric()
        && !is_cjk(c)
        && !set.is_all()
        && set
            .base
            .iter()
            .all(|s| !MATCHED_SCRIPTS.contains(&s.full_name()))
}
