//! Text normalisation before matching.
//!
//! Lures are written to slip past keyword filters: full-width letters (`ｃｏｎｆｉｄｅｎｔｉａｌ`),
//! zero-width characters, symbols or spaces between CJK characters (`内★部资料`, `内 部 资 料`),
//! Cyrillic or Greek look-alike letters (`cоnfidential` with a Cyrillic `о`), accents, doubled
//! letters, and letter-spaced words (`i n t e r n a l`). The normaliser folds all of these into
//! one canonical form, and the same function normalises the rule terms, so a term and its evasions
//! meet in the middle.
//!
//! Steps, per character: drop format characters (zero-width, bidi controls, soft hyphen);
//! compatibility-decompose (NFKD, which also maps full-width forms) and drop combining marks;
//! lower-case; fold common Latin homoglyphs; collapse runs of the same ASCII letter; collapse
//! whitespace runs (and hyphens, underscores) to one space; drop spaces and symbols that sit
//! between two CJK characters, and spaces between a CJK character and a Latin letter or digit
//! (`你们 lab` is `你们lab`); read the honorific `您` as `你`; drop the single spaces inside a run
//! of four or more single letters.
//!
//! Evidence needs positions in the caller's field. Mapping costs memory per byte, and most text
//! matches nothing, so [`normalize`] runs without a map and [`normalize_mapped`] re-runs the same
//! pass with one only when a rule has fired. The map holds source byte ranges; the few spans
//! reported are converted to UTF-16 code units (what JavaScript counts) by the caller.

use crate::decompose::compatible_unmarked;

/// A normalised field, with an optional map back to the source.
#[derive(Debug, Default, Clone)]
pub struct Normalized {
    /// The canonical text that rule terms are matched against.
    pub text: String,
    /// For each byte of `text`: the source character's byte range `(start, end)` (a collapsed
    /// run or separator run covers all of its characters). Empty unless mapped.
    pub map: Vec<(u32, u32)>,
}

impl Normalized {
    /// Byte range in the source for the normalised byte range `start..end` (on character
    /// boundaries of the source; `0..0` when not mapped that far).
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.map.is_empty() || start >= end || end > self.map.len() {
            return (0, 0);
        }
        (self.map[start].0 as usize, self.map[end - 1].1 as usize)
    }
}

/// Normalise `input` for matching, without a position map.
pub fn normalize(input: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(input, &mut out);
    out
}

/// [`normalize`] into `out`, reusing its buffers.
pub fn normalize_into(input: &str, out: &mut Normalized) {
    out.text.clear();
    out.map.clear();
    out.text.reserve(input.len());
    run::<false>(input, out, usize::MAX);
}

/// Normalise `input` and record, per output byte, which source bytes it came from.
pub fn normalize_mapped(input: &str) -> Normalized {
    normalize_mapped_until(input, usize::MAX)
}

/// Like [`normalize_mapped`], but stops once the map covers normalised bytes `0..upto`: spans of
/// hits near the start of a long text do not need the whole text mapped.
pub fn normalize_mapped_until(input: &str, upto: usize) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(input.len().min(upto.saturating_add(64))),
        map: Vec::with_capacity(input.len().min(upto.saturating_add(64))),
    };
    run::<true>(input, &mut out, upto);
    out
}

/// Normalise a rule term or a policy keyword: the same folding, trimmed.
pub fn normalize_term(term: &str) -> String {
    normalize(term).text.trim().to_string()
}

/// Is `c` a CJK ideograph (or kana/hangul) — a character that words are made of without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // hangul syllables
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x2FA1F) // extensions B–F and supplement
}

/// Characters removed outright: they are invisible and only serve to split words.
fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xE0000..=0xE0FFF)
}

/// Non-letters that an evader might put between CJK characters: whitespace, punctuation,
/// symbols and emoji. (Letters and digits are content, never noise.)
fn is_noise(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphanumeric();
    }
    if (0x3000..=0x303F).contains(&(c as u32)) {
        return true;
    }
    !(is_cjk(c) || c.is_alphanumeric())
}

/// Pictographs that stand for a word (money, a gift, a red envelope, a hush): content like a
/// letter, never a separator to drop between CJK characters (`资料发我，💰好说`).
fn is_emoji_word(c: char) -> bool {
    matches!(
        c,
        '💰' | '💵' | '💴' | '💶' | '💷' | '💸' | '🤑' | '🧧' | '🎁' | '🤫' | '❤' | '😘'
    )
}

/// CJK variants that say the same word: the honorific and the written-female "you" read as 你,
/// so that every 你 term also matches formal (`请您提供`) and Taiwanese usage.
fn fold_cjk(c: char) -> char {
    match c {
        '您' | '妳' => '你',
        _ => c,
    }
}

/// Latin look-alikes from Cyrillic and Greek that are used to dodge English keywords.
/// Only letters whose lower-case glyphs are near identical are folded.
fn fold_homoglyph(c: char) -> char {
    match c {
        'а' => 'a',
        'е' | 'ё' => 'e',
        'о' | 'ο' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'с' | 'ϲ' => 'c',
        'у' => 'y',
        'х' | 'χ' => 'x',
        'і' | 'ι' | 'ı' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' | 'ѡ' => 'w',
        'һ' => 'h',
        'ո' => 'n',
        'ν' => 'v',
        'κ' => 'k',
        'α' => 'a',
        'τ' => 't',
        'υ' => 'u',
        'ʟ' => 'l',
        '‘' | '’' | '`' | '´' | 'ʼ' => '\'',
        '“' | '”' | '„' => '"',
        '—' | '–' | '‐' | '‑' | '−' => '-',
        _ => c,
    }
}

/// The state of one normalisation pass. `MAPPED` passes also record the source span of every
/// output byte; it is a type parameter so that the unmapped pass carries no map code at all.
struct Pass<'a, const MAPPED: bool> {
    out: &'a mut Normalized,
    /// The last character written (after folding), for run collapsing.
    last: Option<char>,
    /// Was the last written character CJK.
    last_cjk: bool,
    /// A pending separator (space or symbols) seen after some content and not yet written,
    /// with the source span it covers; written only if the next content is not CJK after CJK.
    pending: Option<(char, u32, u32)>,
}

impl<const MAPPED: bool> Pass<'_, MAPPED> {
    #[inline(always)]
    fn push(&mut self, c: char, span: (u32, u32)) {
        self.out.text.push(c);
        if MAPPED {
            let n = c.len_utf8();
            self.out.map.extend(std::iter::repeat_n(span, n));
        }
        self.last = Some(c);
    }

    /// Write one folded character of content or noise.
    fn emit(&mut self, c: char, span: (u32, u32)) {
        if c.is_whitespace() || (is_noise(c) && !is_emoji_word(c)) {
            // Hyphens and underscores join words (`internal-only`, `INTERNAL_ONLY.xlsx`): they
            // read as spaces.
            let as_char = if c.is_whitespace() || c == '-' || c == '_' {
                ' '
            } else {
                c
            };
            self.noise(as_char, span);
        } else {
            self.content(c, is_cjk(c), span);
        }
    }

    /// [`Pass::emit`] for an ASCII byte, classified without the Unicode tables (most chat is
    /// ASCII or CJK; `ascii_agrees_with_emit` checks the two agree).
    #[inline(always)]
    fn ascii(&mut self, b: u8, span: (u32, u32)) {
        match b {
            b'a'..=b'z' | b'0'..=b'9' => self.content(b as char, false, span),
            b'A'..=b'Z' => self.content(b.to_ascii_lowercase() as char, false, span),
            b'\t'..=b'\r' | b' ' | b'-' | b'_' => self.noise(' ', span),
            _ => self.noise(b as char, span),
        }
    }

    /// A separator: whitespace (as `' '`), punctuation, a symbol or an emoji.
    #[inline]
    fn noise(&mut self, as_char: char, span: (u32, u32)) {
        // Keep the first noise char of a run (punctuation matters to a few terms, such as
        // "let's"), but remember it as pending so CJK–noise–CJK can drop it.
        match self.pending {
            None => self.pending = Some((as_char, span.0, span.1)),
            Some((p, s, _)) => {
                // A run keeps its last symbol (`, $500`, `ok? 💰`), else a space.
                let keep = if as_char == ' ' { p } else { as_char };
                self.pending = Some((keep, s, span.1));
            }
        }
    }

    /// A letter, digit or CJK character.
    #[inline(always)]
    fn content(&mut self, c: char, cjk: bool, span: (u32, u32)) {
        if let Some((p, s, e)) = self.pending.take() {
            // Dropped between two CJK characters, and a leading space; kept otherwise (a
            // leading `$` or emoji is content).
            let last_alnum = self.last.is_some_and(|l| l.is_ascii_alphanumeric());
            // Mixed zh/en is spaced both ways (`你们 lab`, `你们lab`): a plain space between
            // CJK and a Latin letter or digit is dropped so that both read alike.
            let at_script_change =
                (cjk && last_alnum) || (self.last_cjk && c.is_ascii_alphanumeric());
            let drop_it =
                (cjk && self.last_cjk) || (p == ' ' && (self.last.is_none() || at_script_change));
            if !drop_it {
                self.push(p, (s, e));
            }
        }
        if c.is_ascii_alphabetic() && self.last == Some(c) {
            // Collapse doubled letters ("clasified" == "classified"), keeping the map wide.
            if MAPPED {
                if let Some(last) = self.out.map.last_mut() {
                    last.1 = span.1;
                }
            }
            return;
        }
        self.push(c, span);
        self.last_cjk = cjk;
    }

    /// Any other character: compatibility-decomposed, marks dropped, lower-cased, folded.
    fn decomposed(&mut self, c: char, span: (u32, u32)) {
        compatible_unmarked(c, |d| {
            for l in d.to_lowercase() {
                self.emit(fold_homoglyph(l), span);
            }
        });
    }

    fn finish(&mut self) {
        // A trailing space carries no meaning; a trailing symbol or emoji may (`💰`, `secret//`).
        if let Some((p, s, e)) = self.pending.take() {
            if p != ' ' {
                self.push(p, (s, e));
            }
        }
    }
}

/// The letter that the digit or symbol at `b[i]` stands for inside a word (`sh4re`, `d@ta`,
/// `c0nfidential`, `pa$$word`): only between two ASCII letters of the source, so numbers,
/// prices and versions stay as they are. `1` is left alone: it stands for `i` and `l` alike.
fn leet_letter(b: &[u8], i: usize) -> Option<u8> {
    let letter = match b[i] {
        b'4' | b'@' => b'a',
        b'3' => b'e',
        b'0' => b'o',
        b'5' | b'$' => b's',
        b'7' => b't',
        _ => return None,
    };
    let inside = |j: usize| b.get(j).is_some_and(u8::is_ascii_alphabetic);
    (i > 0 && inside(i - 1) && inside(i + 1)).then_some(letter)
}

/// Letter-spaced words are joined: a run of at least this many single ASCII letters, each one
/// space from the next (`i n t e r n a l`), reads as one word. Three would join `I a m`-style
/// fragments of ordinary text.
const SPACED_MIN_LETTERS: usize = 4;

/// Byte offsets of the spaces inside letter-spaced words, in order; empty for ordinary text.
/// Two spaces (`i n t e r n a l  d r a w i n g s`) still separate two words.
fn spaced_letter_gaps(b: &[u8]) -> Vec<usize> {
    let single = |i: usize| {
        b[i].is_ascii_alphabetic()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && (i + 1 == b.len() || !b[i + 1].is_ascii_alphanumeric())
    };
    let mut gaps = Vec::new();
    let mut resume = 0;
    // Only spaces can start a run, and chat has few enough that visiting each is cheap.
    for sp in memchr::memchr_iter(b' ', b) {
        if sp < resume || sp == 0 || !(single(sp - 1) && sp + 1 < b.len() && single(sp + 1)) {
            continue;
        }
        let i = sp - 1;
        let mut j = i;
        while j + 2 < b.len() && b[j + 1] == b' ' && single(j + 2) {
            j += 2;
        }
        if (j - i) / 2 + 1 >= SPACED_MIN_LETTERS {
            gaps.extend((i + 1..j).step_by(2));
        }
        resume = j + 1;
    }
    gaps
}

/// The end of the run from `start` that normalises to itself, and its last character: lower-case
/// ASCII letters (no doubled ones) and digits, CJK ideographs, kana and hangul, and single
/// spaces between ASCII words (which the pass would keep as they are), up to `gap`. `last`
/// is the last character written before it. Most chat is such runs.
fn plain_run(
    input: &str,
    start: usize,
    gap: usize,
    mut last: Option<char>,
) -> (usize, Option<char>) {
    let b = input.as_bytes();
    let end = gap.min(b.len());
    let mut j = start;
    while j < end {
        match b[j] {
            c @ b'a'..=b'z' if last != Some(c as char) => {
                last = Some(c as char);
                j += 1;
            }
            c @ b'0'..=b'9' if leet_letter(b, j).is_none() => {
                last = Some(c as char);
                j += 1;
            }
            b' ' if last.is_some_and(|l| l.is_ascii_alphanumeric())
                && j + 1 < end
                && matches!(b[j + 1], b'a'..=b'z' | b'0'..=b'9') =>
            {
                last = Some(' ');
                j += 1;
            }
            0xE3..=0xED => {
                let Some(c) = input[j..].chars().next() else {
                    break;
                };
                if !is_cjk(c) || fold_cjk(c) != c {
                    break;
                }
                last = Some(c);
                j += c.len_utf8();
            }
            _ => break,
        }
    }
    (j, last)
}

/// Bytes written past the requested end before stopping: a later character can still widen the
/// span of the last one written (doubled letters), never an earlier one.
const MAP_MARGIN: usize = 8;

fn run<const MAPPED: bool>(input: &str, out: &mut Normalized, upto: usize) {
    let mut pass = Pass::<MAPPED> {
        out,
        last: None,
        last_cjk: false,
        pending: None,
    };
    let bytes = input.as_bytes();
    let gaps = spaced_letter_gaps(bytes);
    let mut gaps = gaps.iter().copied();
    let mut next_gap = gaps.next().unwrap_or(usize::MAX);
    let mut i = 0;
    while i < bytes.len() {
        if MAPPED && pass.out.text.len() > upto.saturating_add(MAP_MARGIN) {
            return;
        }
        if i == next_gap {
            next_gap = gaps.next().unwrap_or(usize::MAX);
            i += 1;
            continue;
        }
        // The unmapped pass copies plain runs whole; the mapped pass goes character by
        // character, and `fast_runs_agree_with_the_mapped_pass` checks the two agree.
        if !MAPPED && pass.pending.is_none() {
            let (end, last) = plain_run(input, i, next_gap, pass.last);
            if end > i {
                pass.out.text.push_str(&input[i..end]);
                pass.last = last;
                pass.last_cjk = last.is_some_and(is_cjk);
                i = end;
                continue;
            }
        }
        let Some(c) = input[i..].chars().next() else {
            break;
        };
        let start = i as u32;
        i += c.len_utf8();
        if c.is_ascii() {
            let b = leet_letter(bytes, start as usize).unwrap_or(c as u8);
            pass.ascii(b, (start, start + 1));
            continue;
        }
        let span = (start, i as u32);
        // CJK first: it is most of the non-ASCII text, and no CJK character is invisible.
        if is_cjk(c) && !(0xF900..=0xFAFF).contains(&(c as u32)) {
            pass.content(fold_cjk(c), true, span);
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if (0x3000..=0x303F).contains(&(c as u32)) {
            // CJK punctuation (、。〈〉「」…): noise, and common enough to skip the tables.
            pass.emit(if c == '\u{3000}' { ' ' } else { c }, span);
            continue;
        }
        if (0xFF01..=0xFF5E).contains(&(c as u32)) && c != '｀' {
            // Full-width ASCII forms (，？！： in Chinese text): NFKD maps each to its ASCII
            // character (`full_width_agrees_with_nfkd` checks). The back-tick also folds to an
            // apostrophe, so it takes the long way.
            pass.ascii((c as u32 - 0xFEE0) as u8, span);
            continue;
        }
        pass.decomposed(c, span);
    }
    pass.finish();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn folds_width_case_accents_and_homoglyphs() {
        assert_eq!(n("ＣＯＮＦＩＤＥＮＴＩＡＬ"), "confidential");
        assert_eq!(n("Cоnfidentiаl"), "confidential"); // Cyrillic о and а
        assert_eq!(n("cónfïdential"), "confidential");
        assert_eq!(n("con\u{200b}fiden\u{feff}tial"), "confidential");
    }

    #[test]
    fn drops_separators_between_cjk_only() {
        assert_eq!(n("内★部资料"), "内部资料");
        assert_eq!(n("内 部 资 料"), "内部资料");
        assert_eq!(n("内.部-资*料"), "内部资料");
        assert_eq!(n("内部 data"), "内部data");
        assert_eq!(n("你们 lab 的 project 进度"), "你们lab的project进度");
        assert_eq!(n("内部, data"), "内部,data");
        assert_eq!(n("请您提供"), "请你提供");
        // A digit or symbol for a letter inside a word; numbers stay numbers.
        assert_eq!(n("sh4re the intrnal d@ta"), "share the intrnal data");
        assert_eq!(n("C0NF1DENTIAL"), "conf1dential");
        assert_eq!(n("pay $500, v2.0, 3d, b2b"), "pay$500,v2.0,3d,b2b");
        assert_eq!(n("hi   world\n\tagain"), "hi world again");
        assert_eq!(n("  trailing  "), "trailing");
        assert_eq!(n("$500 ★ ok"), "$500★ok");
        // A pictograph that stands for a word is content, not a separator.
        assert_eq!(n("$500 💰 ok"), "$500 💰 ok");
        assert_eq!(n("资料发我，💰好说"), "资料发我,💰好说");
        assert_eq!(n("内★部资料"), "内部资料");
    }

    #[test]
    fn joins_letter_spaced_words_only() {
        assert_eq!(n("i n t e r n a l  d r a w i n g s"), "internal drawings");
        assert_eq!(
            n("send the C L A S S I F I E D file"),
            n("send the classified file")
        );
        assert_eq!(n("t e l e g r a m"), "telegram");
        // Fewer than four single letters, or letters inside words, stay as they are.
        assert_eq!(n("I a m here"), "i a m here");
        assert_eq!(n("plan B is a go"), "plan b is a go");
        assert_eq!(n("a b c"), "a b c");
        let m = normalize_mapped("x i n t e r n a l y");
        let at = m.text.find("internal").unwrap();
        assert_eq!(m.source_span(at, at + "internal".len()), (2, 17));
    }

    #[test]
    fn collapses_doubled_letters_so_typos_meet() {
        assert_eq!(n("classified"), n("clasified"));
        assert_eq!(n("address"), n("adress"));
    }

    #[test]
    fn map_points_back_to_source_bytes() {
        let src = "😀 内★部资料";
        let m = normalize_mapped(src);
        assert_eq!(m.text, normalize(src).text);
        let at = m.text.find("内部").unwrap();
        let (s, e) = m.source_span(at, at + "内部".len());
        assert_eq!(&src[s..e], "内★部");
    }

    #[test]
    fn a_partial_map_agrees_with_the_full_one() {
        let src = "前面的话 cllassified 内★部资料 ".repeat(50);
        let full = normalize_mapped(&src);
        let part = normalize_mapped_until(&src, 40);
        assert!(part.text.len() < full.text.len());
        for i in 0..40 {
            assert_eq!(part.map[i], full.map[i], "byte {i}");
        }
    }

    /// One mapped pass over `input`, each character handed to `step` with its span (one unit a
    /// character), so that two ways of handling a character can be compared.
    fn drive(input: &str, mut step: impl FnMut(&mut Pass<true>, char, (u32, u32))) -> Normalized {
        let mut out = Normalized::default();
        let mut pass = Pass::<true> {
            out: &mut out,
            last: None,
            last_cjk: false,
            pending: None,
        };
        for (i, c) in input.chars().enumerate() {
            step(&mut pass, c, (i as u32, i as u32 + 1));
        }
        pass.finish();
        out
    }

    #[test]
    fn full_width_agrees_with_nfkd() {
        // Every full-width form, alone and between letters, CJK and noise.
        for cp in (0xFF01u32..=0xFF5E).filter(|&cp| cp != 0xFF40) {
            let c = char::from_u32(cp).unwrap();
            for ctx in ["", "a", "A", "内", " ", "-", "$", "aa"] {
                let input = format!("{ctx}{c}{ctx}{c}x");
                let via = |fast: bool| {
                    drive(&input, |pass, d, span| match (fast, d == c) {
                        (true, true) => pass.ascii((cp - 0xFEE0) as u8, span),
                        (false, true) => pass.decomposed(d, span),
                        (_, false) if d.is_ascii() => pass.ascii(d as u8, span),
                        (_, false) => pass.content(d, true, span),
                    })
                };
                let (fast, slow) = (via(true), via(false));
                assert_eq!(fast.text, slow.text, "{c:?} in {ctx:?}");
                assert_eq!(fast.map, slow.map, "{c:?} in {ctx:?}");
            }
        }
    }

    #[test]
    fn ascii_agrees_with_emit() {
        // Every ASCII character, alone and between letters, CJK and noise, both ways.
        for b in 0u8..128 {
            for ctx in ["", "a", "A", "内", " ", "-", "$", "aa"] {
                let input = format!("{ctx}{}{ctx}{}x", b as char, b as char);
                let via = |fast: bool| {
                    drive(&input, |pass, c, span| match (fast, c.is_ascii()) {
                        (true, true) => pass.ascii(c as u8, span),
                        (_, false) => pass.content(c, true, span),
                        (false, true) => pass.emit(c.to_ascii_lowercase(), span),
                    })
                };
                let (fast, slow) = (via(true), via(false));
                assert_eq!(fast.text, slow.text, "{input:?}");
                assert_eq!(fast.map, slow.map, "{input:?}");
            }
        }
    }

    /// Guards the unmapped pass's whole-run copying (`plain_run`): on text mixed from every
    /// kind of piece, it must write what the character-by-character mapped pass writes.
    #[test]
    fn fast_runs_agree_with_the_mapped_pass() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "b", "aa", "z", "0", "9", " ", "  ", "-", "A", "Q", "内", "部", "ア", "한", "、", "。",
            "\u{3000}", "𠀀", "ｆ", "é", "\u{200b}", "💰", "$", ".", "\n", "i n t e r n a l", "ok ",
            " x", "中 a", "a 中", "您", "3 个", "4", "@", "0", "$",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let mut input = String::new();
            for _ in 0..next() % 12 {
                input.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            assert_eq!(
                normalize(&input).text,
                normalize_mapped(&input).text,
                "{input:?}"
            );
        }
    }

    #[test]
    fn map_of_collapsed_run_covers_whole_run() {
        let m = normalize_mapped("xx cllassified");
        let at = m.text.find("clasified").unwrap();
        assert_eq!(m.source_span(at, at + "clasified".len()), (3, 14));
    }
}
