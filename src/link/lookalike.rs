//! Look-alike domains, after Chromium's checks (see `docs/lookalike.md`): skeleton match, edit
//! distance and swap, target embedding, combo-squatting, and IDN script checks.

use unicode_security::{RestrictionLevel, RestrictionLevelDetection};

use super::domain::{name_of, skeleton};
use super::index::{LinkIndex, Source, Target, MIN_FUZZY_NAME};

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
/// with Chromium's false-positive filters.
pub fn edit_distance(index: &LinkIndex, uname: &str, reg: &str) -> Option<Finding> {
    if uname.chars().count() < MIN_FUZZY_NAME {
        return None;
    }
    let skel = skeleton(uname);
    let mut best: Option<&Target> = None;
    for (tskel, tname, t) in &index.edit_targets {
        if t.domain == reg || tskel == &skel {
            continue;
        }
        // On skeletons (so `rn` meets `m`) and on plain names (so a swap next to an `m` is
        // still one swap, as Chromium does).
        let near = within_one_edit(&skel, tskel)
            || one_swap(&skel, tskel)
            || within_one_edit(uname, tname)
            || one_swap(uname, tname);
        if !near || likely_false_positive(uname, tname) {
            continue;
        }
        if best.is_none_or(|b| t.source > b.source) {
            best = Some(t);
        }
    }
    best.map(|t| Finding {
        signal: "link.edit_distance",
        target: t.domain.clone(),
        weight: weight(t.source, 75, 55, 50),
    })
}

/// Levenshtein distance ≤ 1, in linear time.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        return short[prefix + 1.min(short.len() - prefix)..]
            == long[prefix + 1.min(long.len() - prefix)..];
    }
    short[prefix..] == long[prefix + 1..]
}

/// Exactly one pair of adjacent characters swapped.
fn one_swap(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diffs.len() == 2
        && diffs[1] == diffs[0] + 1
        && a[diffs[0]] == b[diffs[1]]
        && a[diffs[1]] == b[diffs[0]]
}

/// Chromium's filters: a difference only in digits, only at the first character, or an
/// inserted hyphen is usually a different word, not a typo-squat.
fn likely_false_positive(a: &str, b: &str) -> bool {
    let strip_digits = |s: &str| s.trim_end_matches(|c: char| c.is_ascii_digit()).to_string();
    if strip_digits(a) == strip_digits(b) {
        return true;
    }
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (at, bt) = (ac.get(1..).unwrap_or(&[]), bc.get(1..).unwrap_or(&[]));
    if ac.len() == bc.len() && ac.first() != bc.first() && at == bt {
        return true;
    }
    if ac.len() != bc.len() && (at == &bc[..] || bt == &ac[..]) {
        return true;
    }
    a.replace('-', "") == b.replace('-', "")
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
    let has = |t: &super::index::Term| -> Option<usize> {
        if t.whole_token {
            tokens
                .iter()
                .any(|x| *x == t.word)
                .then(|| joined.find(&t.word).unwrap_or(0))
        } else {
            joined.find(&t.word)
        }
    };
    let mut best: Option<(Source, &str)> = None;
    for b in &index.brands {
        let Some(bpos) = has(b) else { continue };
        if joined == b.word {
            continue;
        }
        let bend = bpos + b.word.len();
        let keyword = index.keywords.iter().any(|k| {
            if b.word.contains(&k.word) || k.word.contains(&b.word) {
                return false;
            }
            if k.whole_token {
                return tokens.iter().any(|x| *x == k.word);
            }
            joined
                .match_indices(&k.word)
                .any(|(kpos, _)| kpos >= bend || kpos + k.word.len() <= bpos)
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
        let level = label.detect_restriction_level();
        if level > RestrictionLevel::HighlyRestrictive {
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

    #[test]
    fn edit_helpers() {
        assert!(within_one_edit("paypal", "paypall"));
        assert!(within_one_edit("paypal", "paypel"));
        assert!(within_one_edit("paypal", "paypa"));
        assert!(!within_one_edit("paypal", "pay-pals"));
        assert!(one_swap("amazon", "amzaon"));
        assert!(!one_swap("amazon", "amazon"));
        assert!(likely_false_positive("bank1", "bank2"));
        assert!(likely_false_positive("hanks", "tanks"));
        assert!(!likely_false_positive("paypel", "paypal"));
    }
}
