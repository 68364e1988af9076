//! Look-alike domains, after Chromium's checks (see `docs/lookalike.md`): skeleton match, edit
//! distance and swap, target embedding, combo-squatting, and IDN script checks.

use super::domain::{name_of, skeleton};
use super::index::{char_mask, EditTarget, LinkIndex, Source, Target, Term, MIN_FUZZY_NAME};
use super::tr39;

/// A look-alike finding: the signal, the target it imitates, and how strong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub signal: &'static str,
    pub target: String,
    pub weight: u8,
}

fn weight(source: Source, protected: u8, brand: u8, popular: u8) -> u8 {
    match source {
        Source::Protected => protected,
        Source::Brand => brand,
        Source::Popular => popular,
    }
}

/// Skeleton of the registrable name equals a target's, while the name itself differs
/// (`paypa1.com`, `аррӏе.com`). Same name under another suffix (`paypal.top`) is weaker.
pub fn skeleton_match(index: &LinkIndex, uname: &str, reg: &str) -> Option<Finding> {
    let skel = skeleton(uname);
    let t = index.skeletons.get(&skel)?;
    if t.domain == reg {
        return None;
    }
    let target_name = name_of(&t.domain);
    if uname == target_name {
        // Same name, other suffix: Chromium's "TLD swap" filter keeps this quiet for popular
        // names (google.de), but a protected name under a foreign suffix is a real lure.
        return (t.source == Source::Protected).then(|| Finding {
            signal: "link.skeleton_match",
            target: t.domain.clone(),
            weight: 55,
        });
    }
    Some(Finding {
        signal: "link.skeleton_match",
        target: t.domain.clone(),
        weight: weight(t.source, 80, 70, 65),
    })
}

/// One edit (insert, delete, substitute) or one adjacent swap away from a target of 5+ chars,
/// with Chromium's false-positive filters; or a protected or brand name re-hyphenated.
pub fn edit_distance(index: &LinkIndex, uname: &str, reg: &str) -> Option<Finding> {
    let name: Vec<char> = uname.chars().collect();
    if name.len() < MIN_FUZZY_NAME {
        return None;
    }
    let skel: Vec<char> = skeleton(uname).chars().collect();
    let masks = [char_mask(&skel), char_mask(&name)];
    let mut best: Option<&Target> = None;
    for e in &index.edit_targets {
        if e.target.domain == reg || e.skel == skel {
            continue;
        }
        // Hyphens added, dropped or moved (`brightwaterenergy`, `bright-water-energy`).
        // Chromium drops these as false positives, and for popular names they often are
        // (`thesun`/`the-sun` both rank), but not for an organisation's own name or a brand.
        let rehyphened = e.target.source != Source::Popular && same_without_hyphens(&skel, &e.skel);
        if !rehyphened && !one_edit_away(&name, &skel, masks, e) {
            continue;
        }
        if e.target.source == Source::Popular
            && suffix_of(reg) != suffix_of(&e.target.domain)
            && new_last_letter(&name, &e.name)
        {
            continue;
        }
        if best.is_none_or(|b| e.target.source > b.source) {
            best = Some(&e.target);
        }
    }
    best.map(|t| Finding {
        signal: "link.edit_distance",
        target: t.domain.clone(),
        weight: weight(t.source, 75, 45, 40),
    })
}

/// One edit or swap from the target, on skeletons (so `rn` meets `m`) or on plain names (so a
/// swap next to an `m` is still one swap, as Chromium does), past the false-positive filters.
fn one_edit_away(name: &[char], skel: &[char], masks: [u64; 2], e: &EditTarget) -> bool {
    // Lengths more than one apart, or more than two characters that occur in one and not the
    // other, can be neither one edit nor one swap.
    let far = |a: &[char], b: &[char], i: usize| {
        a.len().abs_diff(b.len()) > 1 || (masks[i] ^ e.masks[i]).count_ones() > 2
    };
    if far(skel, &e.skel, 0) && far(name, &e.name, 1) {
        return false;
    }
    let near = within_one_edit(skel, &e.skel)
        || one_swap(skel, &e.skel)
        || within_one_edit(name, &e.name)
        || one_swap(name, &e.name);
    near && !likely_false_positive(name, &e.name)
}

/// Levenshtein distance ≤ 1, in linear time. A substitution counts only between keys that sit
/// next to each other on a QWERTY keyboard, a digit and the letter it imitates, or two letters
/// that mirror each other (`sinotech-rb` for `sinotech-rd`): `telegraf` is a word of its own,
/// not a typo of `telegram`.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        if prefix == short.len() {
            return true;
        }
        return short[prefix + 1..] == long[prefix + 1..] && typo_pair(short[prefix], long[prefix]);
    }
    short[prefix..] == long[prefix + 1..]
}

/// Keys a finger slips between, and letters that imitate each other.
fn typo_pair(x: char, y: char) -> bool {
    const ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
    const LOOKS: [(char, char); 10] = [
        ('0', 'o'),
        ('1', 'l'),
        ('1', 'i'),
        ('5', 's'),
        ('3', 'e'),
        ('4', 'a'),
        ('b', 'd'),
        ('p', 'q'),
        ('g', 'q'),
        ('i', 'l'),
    ];
    if LOOKS
        .iter()
        .any(|&(p, q)| (p, q) == (x, y) || (q, p) == (x, y))
    {
        return true;
    }
    let pos = |c: char| {
        ROWS.iter()
            .enumerate()
            .find_map(|(r, row)| row.find(c).map(|i| (r as i32, i as i32)))
    };
    match (pos(x), pos(y)) {
        // Neighbours on a row, or on adjacent (staggered) rows within one key.
        (Some((r1, c1)), Some((r2, c2))) => {
            (r1 == r2 && (c1 - c2).abs() == 1) || ((r1 - r2).abs() == 1 && (c1 - c2).abs() <= 1)
        }
        _ => false,
    }
}

/// Exactly one pair of adjacent characters swapped.
fn one_swap(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diffs = (0..a.len()).filter(|&i| a[i] != b[i]);
    match (diffs.next(), diffs.next(), diffs.next()) {
        (Some(i), Some(j), None) => j == i + 1 && a[i] == b[j] && a[j] == b[i],
        _ => false,
    }
}

/// Chromium's filters: a difference only in digits, only at the first character, or an
/// inserted hyphen is usually a different word, not a typo-squat.
fn likely_false_positive(a: &[char], b: &[char]) -> bool {
    let strip_digits = |s: &[char]| -> Vec<char> {
        let end = s
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        s[..end].to_vec()
    };
    if strip_digits(a) == strip_digits(b) {
        return true;
    }
    let (at, bt) = (a.get(1..).unwrap_or(&[]), b.get(1..).unwrap_or(&[]));
    if a.len() == b.len() && a.first() != b.first() && at == bt {
        return true;
    }
    if a.len() != b.len() && (at == b || bt == a) {
        return true;
    }
    same_without_hyphens(a, b)
}

/// The suffix of a registrable domain (`com.ua` of `telegraf.com.ua`).
fn suffix_of(reg: &str) -> &str {
    reg.split_once('.').map_or("", |(_, s)| s)
}

/// `name` is `target` with one more letter at the end that is not its last letter doubled:
/// under another suffix that is another word (`telegraf.com.ua` is not `telegra.ph`), the
/// mirror of Chromium's first-character filter; a doubled last letter (`whatsappp`) stays a typo.
fn new_last_letter(name: &[char], target: &[char]) -> bool {
    name.len() == target.len() + 1 && name.starts_with(target) && target.last() != name.last()
}

/// Equal once hyphens are dropped (`bright-water` and `brightwater`).
fn same_without_hyphens(a: &[char], b: &[char]) -> bool {
    let letter = |c: &&char| **c != '-';
    a.iter().filter(letter).eq(b.iter().filter(letter))
}

/// A target domain embedded in the host as labels or tokens (`paypal.com.secure-login.net`,
/// `gov-cn.example.top`). At the end of the registrable name (`evil-paypal.com`) it is weaker.
pub fn target_embedding(index: &LinkIndex, host: &str, reg: &str) -> Option<Finding> {
    let tokens: Vec<&str> = host.split(['.', '-']).filter(|t| !t.is_empty()).collect();
    let reg_tokens = reg.split(['.', '-']).filter(|t| !t.is_empty()).count();
    let mut best: Option<(Source, String, bool)> = None;
    for width in [2usize, 3, 4] {
        if tokens.len() < width {
            continue;
        }
        for i in 0..=tokens.len() - width {
            // The registrable domain itself, at the end, is not an embedding.
            if i + width == tokens.len() && width >= reg_tokens {
                continue;
            }
            let candidate = tokens[i..i + width].join(".");
            if candidate == super::index::token_key(reg) {
                continue;
            }
            if let Some(&source) = index.embed_targets.get(&candidate) {
                // Inside the registrable name (tail embedding) or before it (full embedding).
                let tail = i + width > tokens.len() - reg_tokens;
                if best.as_ref().is_none_or(|b| source > b.0) {
                    best = Some((source, candidate, tail));
                }
            }
        }
    }
    let (source, target, tail) = best?;
    let w = match (source, tail) {
        (Source::Protected, _) => 75,
        (_, false) => 65,
        (_, true) => 45,
    };
    Some(Finding {
        signal: "link.target_embedding",
        target,
        weight: w,
    })
}

/// A brand and a credential keyword together in the host's unknown part
/// (`apple-id-verify.com`, `icbc-denglu.top`, `secure.paypal-account.info`).
pub fn combo_squat(index: &LinkIndex, host: &str, reg: &str) -> Option<Finding> {
    let suffix_len = reg.len() - name_of(reg).len();
    let body = &host[..host.len().saturating_sub(suffix_len)];
    let tokens: Vec<&str> = body.split(['.', '-']).filter(|t| !t.is_empty()).collect();
    let joined: String = tokens.concat();
    // One pass each over the joined name for brands and for keywords.
    let found = |terms: &[Term], hits: Vec<(usize, usize)>| -> Vec<(usize, usize)> {
        hits.into_iter()
            .filter(|&(ti, _)| !terms[ti].whole_token || tokens.contains(&terms[ti].word.as_str()))
            .collect()
    };
    let brands = found(&index.brands, index.brand_hits(&joined));
    if brands.is_empty() {
        return None;
    }
    let keywords = found(&index.keywords, index.keyword_hits(&joined));
    let mut best: Option<(Source, &str)> = None;
    for &(bi, bpos) in &brands {
        let b = &index.brands[bi];
        if joined == b.word {
            continue;
        }
        let bend = bpos + b.word.len();
        let keyword = keywords.iter().any(|&(ki, kpos)| {
            let k = &index.keywords[ki].word;
            !b.word.contains(k.as_str())
                && !k.contains(b.word.as_str())
                && (kpos >= bend || kpos + k.len() <= bpos)
        });
        if keyword && best.is_none_or(|x| b.source > x.0) {
            best = Some((b.source, &b.word));
        }
    }
    let (source, brand) = best?;
    Some(Finding {
        signal: "link.combo_squat",
        target: brand.to_string(),
        weight: weight(source, 75, 55, 55),
    })
}

/// IDN script checks on each Unicode label: mixed scripts beyond what Chromium allows (Latin
/// with Han plus kana, hangul or bopomofo), or a whole label in a script whose letters all look
/// Latin (Cyrillic `аррӏе`), outside that script's own country domains.
pub fn script_check(unicode_host: &str) -> Option<Finding> {
    let labels: Vec<&str> = unicode_host.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    for label in &labels {
        if label.is_ascii() {
            continue;
        }
        if tr39::beyond_highly_restrictive(label) {
            return Some(Finding {
                signal: "link.mixed_script",
                target: label.to_string(),
                weight: 60,
            });
        }
        let letters_all_latin_like = skeleton(label)
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
        let cyrillic_tld = matches!(
            tld,
            "ru" | "su"
                | "ua"
                | "by"
                | "kz"
                | "bg"
                | "uz"
                | "рф"
                | "рус"
                | "укр"
                | "бг"
                | "срб"
                | "мкд"
                | "қаз"
                | "мон"
                | "бел"
        );
        let greek_tld = matches!(tld, "gr" | "ελ");
        let script_latin_like = label.chars().any(|c| matches!(c as u32, 0x0370..=0x052F));
        if letters_all_latin_like && script_latin_like && !cyrillic_tld && !greek_tld {
            return Some(Finding {
                signal: "link.whole_script",
                target: label.to_string(),
                weight: 60,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_helpers() {
        assert!(within_one_edit(&c("paypal"), &c("paypall")));
        assert!(within_one_edit(&c("paypal"), &c("paypsl")));
        assert!(!within_one_edit(&c("telegraf"), &c("telegram")));
        assert!(within_one_edit(&c("g00gle"), &c("go0gle")));
        assert!(within_one_edit(&c("paypal"), &c("paypa")));
        assert!(!within_one_edit(&c("paypal"), &c("pay-pals")));
        assert!(one_swap(&c("amazon"), &c("amzaon")));
        assert!(!one_swap(&c("amazon"), &c("amazon")));
        assert!(likely_false_positive(&c("bank1"), &c("bank2")));
        assert!(likely_false_positive(&c("hanks"), &c("tanks")));
        assert!(!likely_false_positive(&c("paypel"), &c("paypal")));
        assert!(same_without_hyphens(&c("bright-water"), &c("brightwater")));
        assert!(same_without_hyphens(&c("b-rightwater"), &c("bright-water")));
        assert!(!same_without_hyphens(&c("brightwater"), &c("brightwaters")));
    }
}

#[cfg(test)]
mod mask_tests {
    use super::*;

    /// Guards the mask filter in `one_edit_away`: every pair that one edit or one swap joins
    /// (Latin, digits, hyphens, Cyrillic, Han) has masks at most two bits apart, so the filter
    /// never drops a real look-alike.
    #[test]
    fn one_edit_never_moves_more_than_two_mask_bits() {
        let alphabet: Vec<char> = "abcdeilmnoqrsuvwxz0159-аеорсу中国银行".chars().collect();
        let mut seed = 0x2545_f491_u32;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize % n
        };
        let mut pairs = 0;
        for _ in 0..20_000 {
            let len = 2 + next(12);
            let a: Vec<char> = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let mut b = a.clone();
            let at = next(len);
            match next(4) {
                0 => b.insert(at, alphabet[next(alphabet.len())]),
                1 => {
                    b.remove(at);
                }
                2 => b[at] = alphabet[next(alphabet.len())],
                _ => b.swap(at, (at + 1) % len),
            }
            assert!(within_one_edit(&a, &b) || one_swap(&a, &b) || a.len() == b.len());
            if within_one_edit(&a, &b) || one_swap(&a, &b) {
                let bits = (char_mask(&a) ^ char_mask(&b)).count_ones();
                assert!(bits <= 2, "{a:?} {b:?}: {bits} bits");
                pairs += 1;
            }
        }
        assert!(pairs > 10_000, "{pairs}");
    }
}
