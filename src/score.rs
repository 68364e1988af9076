//! Combining hints into a score, SpamAssassin-style.
//!
//! Every hint carries points (its rule's weight, 0–100). Within one family the strongest hint
//! counts in full and each further one a quarter, so five ways of saying "let's be friends" are
//! still one mild cue. Families add up. Meta-rules ("combos") add a bonus when all of their
//! families are present, because the seeds show the danger is in the combination: a gift and a
//! probe, a request and a reward, a request and a plea for secrecy. A dampening context (a news
//! report, a safety bulletin quoting lure words) multiplies its hints down, and hints seen only
//! in such a context add at most [`QUOTED_MAX`] points together. The policy's sensitivity
//! multiplies the sum (0.8 / 1.0 / 1.25). The result is capped at 100 and mapped to a
//! level by [`Level::from_score`].

use crate::family::{self, Stage};
use crate::verdict::{Hint, Level, Name};

/// How much an organisation wants to hear.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sensitivity {
    Low,
    #[default]
    Normal,
    High,
}

impl Sensitivity {
    pub fn factor(self) -> f32 {
        match self {
            Sensitivity::Low => 0.8,
            Sensitivity::Normal => 1.0,
            Sensitivity::High => 1.25,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sensitivity::Low => "low",
            Sensitivity::Normal => "normal",
            Sensitivity::High => "high",
        }
    }
}

/// A compiled meta-rule.
#[derive(Debug, Clone)]
pub struct Combo {
    pub id: Name,
    pub families: Vec<&'static str>,
    pub bonus: u8,
    pub key: Name,
}

/// How much each further hint of a family adds. Lure phrasings within a family repeat one cue,
/// so they add a quarter; link, attachment and outgoing-leak signals (a marking, a protected
/// name, a marked file name) are independent evidence, so a half.
fn rest_factor(family: &str) -> f32 {
    match family {
        "credential_link" | "attachment" | "outgoing_leak" => 0.5,
        _ => 0.25,
    }
}

/// Points that hints seen only inside a quoting context (a news report, a safety tip, a
/// training mail that lists lure lines) may add beyond the live hints: however much of a case
/// history a report quotes, on its own it stays a quiet marker (below `medium`).
pub const QUOTED_MAX: f32 = 30.0;

/// Raw points of a set of hints, before combos and factors.
pub fn family_points<'a>(hints: impl IntoIterator<Item = &'a Hint>) -> f32 {
    // (max, rest) per family, indexed as in `family::FAMILIES`. Weights are integers and
    // the factors binary fractions, so the sums are exact in any order.
    let mut by_family = [(0u8, 0f32); family::FAMILIES.len()];
    let mut unlisted = 0.0;
    for h in hints {
        let Some(i) = family::FAMILIES.iter().position(|f| f.0 == h.family) else {
            // No scored hint has one (families are interned); counted whole, nothing is lost.
            unlisted += h.score as f32;
            continue;
        };
        let e = &mut by_family[i];
        let rest = rest_factor(h.family);
        // Keep the max separately and add the rest at the family's factor.
        if h.score > e.0 {
            e.1 += e.0 as f32 * rest;
            e.0 = h.score;
        } else {
            e.1 += h.score as f32 * rest;
        }
    }
    unlisted
        + by_family
            .iter()
            .map(|&(max, rest)| (max as f32 + rest).min(100.0))
            .sum::<f32>()
}

/// The combos whose families are all present among `hints`, as hints of their own (no evidence
/// of their own: the member hints carry it).
pub fn combo_hints(hints: &[&Hint], combos: &[Combo]) -> Vec<Hint> {
    combos
        .iter()
        .filter(|c| {
            c.families
                .iter()
                .all(|f| hints.iter().any(|h| h.family == *f))
        })
        .map(|c| Hint {
            rule: c.id.clone(),
            family: "combo",
            stage: latest_stage(hints, &c.families),
            score: c.bonus,
            evidence: Vec::new(),
            key: c.key.clone(),
        })
        .collect()
}

fn latest_stage(hints: &[&Hint], families: &[&str]) -> &'static str {
    hints
        .iter()
        .filter(|h| families.contains(&h.family))
        .map(|h| h.stage)
        .max_by_key(|s| stage_rank(s))
        .unwrap_or("extract")
}

fn stage_rank(s: &str) -> u8 {
    match s {
        "approach" => 0,
        "cultivate" => 1,
        "probe" => 2,
        "extract" => 3,
        "delivery" => 4,
        _ => 5,
    }
}

/// Family points of `hints`, where `quoted[i]` says hint `i` was seen only in a quoting
/// context: those add at most [`QUOTED_MAX`] to the points of the others.
pub fn points(hints: &[Hint], quoted: &[bool]) -> f32 {
    let all = family_points(hints);
    if !quoted.contains(&true) {
        return all;
    }
    let live = hints
        .iter()
        .zip(quoted)
        .filter(|(_, &q)| !q)
        .map(|(h, _)| h);
    all.min(family_points(live) + QUOTED_MAX)
}

/// The final 0–100 score: family points (see [`points`]), plus combo bonuses, times the
/// dampening factor and the sensitivity.
pub fn total(
    hints: &[Hint],
    quoted: &[bool],
    combo_hints: &[Hint],
    damp: f32,
    sensitivity: Sensitivity,
) -> u8 {
    let bonus: f32 = combo_hints.iter().map(|h| h.score as f32).sum();
    let raw = (points(hints, quoted) + bonus) * damp * sensitivity.factor();
    raw.round().clamp(0.0, 100.0) as u8
}

/// Score and level together.
pub fn score_and_level(
    hints: &[Hint],
    quoted: &[bool],
    combo_hints: &[Hint],
    damp: f32,
    sensitivity: Sensitivity,
) -> (u8, Level) {
    let s = total(hints, quoted, combo_hints, damp, sensitivity);
    (s, Level::from_score(s))
}

/// Distinct stages in order of first appearance.
pub fn stages_in_order(stages: impl IntoIterator<Item = Stage>) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for s in stages {
        if !out.contains(&s.as_str()) {
            out.push(s.as_str());
        }
    }
    out
}
