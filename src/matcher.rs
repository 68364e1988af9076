//! One pass over normalised text finds every term of every rule.
//!
//! All literal terms (from the lexicon, the rules and the policy) go into a single Aho-Corasick
//! automaton ([`Literals`]), so the cost of a scan grows with the text, not with the number of
//! rules. Each term points at the *atoms* it belongs to (a concept, or a rule's own literal).
//! Rules are then evaluated over the short list of atom hits. `re:` patterns run as separate
//! regexes (regex-lite never backtracks); the built-in rules use none, so they cost nothing
//! unless a policy adds them.

use std::collections::{BTreeMap, HashMap};

use daachorse::CharwiseDoubleArrayAhoCorasick;
use regex_lite::Regex;

use crate::normalize::normalize_term;

/// Identifies a concept, a literal or a regex that clauses refer to.
pub type AtomId = u32;

/// One occurrence of an atom in a normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub atom: AtomId,
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    /// Position in width units: a CJK character counts 3, any other character 1, so that a
    /// window holds about as many Chinese as English words.
    pub cstart: u32,
    pub cend: u32,
    /// The term must be written in capitals in the source (`^SECRET`): the caller checks.
    pub upper: bool,
}

struct Term {
    upper: bool,
    left_boundary: bool,
    right_boundary: bool,
    atoms: Vec<AtomId>,
}

/// Single English words of at least this many letters also match their common typos.
const TYPO_MIN_LEN: usize = 8;

/// Typos of a long single English word: one letter dropped, two neighbours swapped, or one vowel
/// replaced by another (`confidental`, `clasified`, `internel`). Doubled letters are already
/// folded by the normaliser. Short words get none: their typos are other words.
fn typo_variants(term: &str) -> Vec<String> {
    let b = term.as_bytes();
    if b.len() < TYPO_MIN_LEN || !b.iter().all(u8::is_ascii_lowercase) {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Keep the first and last letters: readers (and writers) keep them too.
    for i in 1..b.len() - 1 {
        let mut v = b.to_vec();
        v.remove(i);
        out.push(v);
        if i + 2 < b.len() {
            let mut v = b.to_vec();
            v.swap(i, i + 1);
            out.push(v);
        }
        if b"aeiou".contains(&b[i]) {
            for &vowel in b"aeiou" {
                if vowel != b[i] {
                    let mut v = b.to_vec();
                    v[i] = vowel;
                    out.push(v);
                }
            }
        }
    }
    out.into_iter()
        .filter_map(|v| String::from_utf8(v).ok())
        .filter(|v| v != term)
        .map(|v| normalize_term(&v))
        .collect()
}

/// Collects atoms and terms, then builds a [`Matcher`].
pub struct MatcherBuilder<'a> {
    lexicon: &'a BTreeMap<String, Vec<String>>,
    terms: Vec<(String, Term)>,
    term_index: HashMap<(String, bool, bool), usize>,
    regexes: Vec<(Regex, AtomId)>,
    concepts: HashMap<String, AtomId>,
    literals: HashMap<String, AtomId>,
    atoms: u32,
    /// Shortest term (in bytes) of each atom: short terms hit often, so rules are indexed under
    /// their clause with the longest shortest term.
    shortest: Vec<usize>,
}

impl<'a> MatcherBuilder<'a> {
    pub fn new(lexicon: &'a BTreeMap<String, Vec<String>>) -> Self {
        MatcherBuilder {
            lexicon,
            terms: Vec::new(),
            term_index: HashMap::new(),
            regexes: Vec::new(),
            concepts: HashMap::new(),
            literals: HashMap::new(),
            atoms: 0,
            shortest: Vec::new(),
        }
    }

    fn new_atom(&mut self) -> AtomId {
        self.atoms += 1;
        self.shortest.push(usize::MAX);
        self.atoms - 1
    }

    fn add_term(&mut self, raw: &str, atom: AtomId) -> Result<(), String> {
        // `^` marks a term that counts only in capitals (a marking such as `SECRET`).
        let (raw, upper) = match raw.strip_prefix('^') {
            Some(r) => (r, true),
            None => (raw, false),
        };
        let (body, stem) = match raw.strip_suffix('*') {
            Some(b) => (b, true),
            None => (raw, false),
        };
        let term = normalize_term(body);
        if term.is_empty() {
            return Err(format!("term {raw:?} is empty after normalisation"));
        }
        if !upper {
            for variant in typo_variants(&term) {
                self.add_normalized(variant, stem, false, atom);
            }
        }
        self.add_normalized(term, stem, upper, atom);
        Ok(())
    }

    fn add_normalized(&mut self, term: String, stem: bool, upper: bool, atom: AtomId) {
        let len = &mut self.shortest[atom as usize];
        *len = (*len).min(term.len());
        let first = term.chars().next().unwrap_or(' ');
        let last = term.chars().last().unwrap_or(' ');
        let key = (term.clone(), stem, upper);
        let idx = match self.term_index.get(&key) {
            Some(&i) => i,
            None => {
                self.terms.push((
                    term,
                    Term {
                        upper,
                        left_boundary: first.is_ascii_alphanumeric(),
                        right_boundary: last.is_ascii_alphanumeric() && !stem,
                        atoms: Vec::new(),
                    },
                ));
                self.term_index.insert(key, self.terms.len() - 1);
                self.terms.len() - 1
            }
        };
        let atoms = &mut self.terms[idx].1.atoms;
        if !atoms.contains(&atom) {
            atoms.push(atom);
        }
    }

    /// The atom for one alternative of a clause: `@concept`, `re:regex` or a literal term.
    pub fn alternative(&mut self, alt: &str) -> Result<AtomId, String> {
        if let Some(name) = alt.strip_prefix('@') {
            if let Some(&a) = self.concepts.get(name) {
                return Ok(a);
            }
            let lexicon = self.lexicon;
            let Some(terms) = lexicon.get(name) else {
                return Err(format!("unknown concept @{name}"));
            };
            let atom = self.new_atom();
            for t in terms {
                self.add_term(t, atom)
                    .map_err(|e| format!("concept @{name}: {e}"))?;
            }
            self.concepts.insert(name.to_string(), atom);
            return Ok(atom);
        }
        if let Some(pattern) = alt.strip_prefix("re:") {
            // Size limits keep a hostile policy from building a huge automaton.
            let re = regex_lite::RegexBuilder::new(pattern)
                .size_limit(1 << 20)
                .build()
                .map_err(|e| format!("bad regex {pattern:?}: {e}"))?;
            let atom = self.new_atom();
            self.shortest[atom as usize] = 4;
            self.regexes.push((re, atom));
            return Ok(atom);
        }
        // `=` forces a literal (policy keywords may start with `@` or `re:`).
        let alt = alt.strip_prefix('=').unwrap_or(alt);
        if let Some(&a) = self.literals.get(alt) {
            return Ok(a);
        }
        let atom = self.new_atom();
        self.add_term(alt, atom)?;
        self.literals.insert(alt.to_string(), atom);
        Ok(atom)
    }

    /// Atoms for every alternative in a clause.
    pub fn clause(&mut self, alts: &[String]) -> Result<Vec<AtomId>, String> {
        alts.iter().map(|a| self.alternative(a)).collect()
    }

    pub fn build(self) -> Result<Matcher, String> {
        let (patterns, terms): (Vec<String>, Vec<Term>) = self.terms.into_iter().unzip();
        Ok(Matcher {
            literals: Literals::new(patterns.iter().map(String::as_str))?,
            terms,
            regexes: self.regexes,
            atom_count: self.atoms,
            shortest: self.shortest,
        })
    }
}

/// Finds atom hits in normalised text.
pub struct Matcher {
    literals: Literals,
    terms: Vec<Term>,
    regexes: Vec<(Regex, AtomId)>,
    atom_count: u32,
    shortest: Vec<usize>,
}

impl Matcher {
    pub fn atom_count(&self) -> usize {
        self.atom_count as usize
    }

    /// The shortest term of an atom, in bytes (a rough measure of how often it hits).
    pub fn shortest_term(&self, atom: AtomId) -> usize {
        self.shortest.get(atom as usize).copied().unwrap_or(0)
    }

    /// Every atom hit in `text`, sorted by start. Width positions are left at 0:
    /// [`fill_char_positions`] fills them once a rule needs them.
    #[cfg(test)]
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.find_into(text, &mut hits);
        hits
    }

    /// The hits of term `t` found at `start..end` of `bytes`, if it stands where it must: a term
    /// that starts or ends with a letter or digit is a word (or a stem, `secret*`).
    fn term_hits(&self, t: u32, start: usize, end: usize, bytes: &[u8], hits: &mut Vec<Hit>) {
        let term = &self.terms[t as usize];
        if term.left_boundary && start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            return;
        }
        if term.right_boundary && end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            return;
        }
        for &atom in &term.atoms {
            hits.push(Hit {
                atom,
                start,
                end,
                cstart: 0,
                cend: 0,
                upper: term.upper,
            });
        }
    }

    /// [`Matcher::find`] into `hits`, reusing its buffer.
    pub fn find_into(&self, text: &str, hits: &mut Vec<Hit>) {
        let bytes = text.as_bytes();
        hits.clear();
        self.literals
            .for_each(text, |t, s, e| self.term_hits(t, s, e, bytes, hits));
        for (re, atom) in &self.regexes {
            for m in re.find_iter(text) {
                if m.start() < m.end() {
                    hits.push(Hit {
                        atom: *atom,
                        start: m.start(),
                        end: m.end(),
                        cstart: 0,
                        cend: 0,
                        upper: false,
                    });
                }
            }
        }
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.atom));
        hits.dedup();
    }
}

/// A set of literal strings, found anywhere in a text, overlaps included: a double-array
/// Aho-Corasick automaton over characters (the daachorse crate), which steps through CJK text a
/// character at a time rather than a byte, with one or two array reads a step. Strings listed
/// more than once are one pattern that reports every index it was listed at.
#[derive(Default)]
pub struct Literals {
    /// `None` for an empty set (the automaton needs one pattern at least).
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// The indices of each distinct string, by pattern value.
    indices: Vec<Vec<u32>>,
}

impl Literals {
    /// The strings, in the order their indices count; empty ones never match.
    pub fn new<'a>(strings: impl IntoIterator<Item = &'a str>) -> Result<Literals, String> {
        let mut value: HashMap<&str, u32> = HashMap::new();
        let mut indices: Vec<Vec<u32>> = Vec::new();
        for (i, s) in strings.into_iter().enumerate() {
            if s.is_empty() {
                continue;
            }
            let v = *value.entry(s).or_insert_with(|| {
                indices.push(Vec::new());
                indices.len() as u32 - 1
            });
            indices[v as usize].push(i as u32);
        }
        if value.is_empty() {
            return Ok(Literals {
                automaton: None,
                indices,
            });
        }
        // In a fixed order, so that matches ending together come out in the same order on
        // every run (a HashMap's order is random).
        let mut patterns: Vec<(&str, u32)> = value.into_iter().collect();
        patterns.sort_unstable_by_key(|&(_, v)| v);
        let automaton = CharwiseDoubleArrayAhoCorasick::with_values(patterns)
            .map_err(|e| format!("cannot build the term automaton: {e}"))?;
        Ok(Literals {
            automaton: Some(automaton),
            indices,
        })
    }

    /// Calls `f(index, start, end)` for every occurrence (byte offsets), in order of their ends.
    #[inline]
    pub fn for_each(&self, text: &str, mut f: impl FnMut(u32, usize, usize)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        for m in automaton.find_overlapping_iter(text) {
            for &i in &self.indices[m.value() as usize] {
                f(i, m.start(), m.end());
            }
        }
    }
}

/// Width of a character in window units (see [`Hit::cstart`]).
fn width(c: char) -> u32 {
    if crate::normalize::is_cjk(c) {
        3
    } else {
        1
    }
}

/// Convert byte offsets to width positions in one walk over the text (as far as the last hit).
pub fn fill_char_positions(text: &str, hits: &mut [Hit]) {
    // Every boundary needed, sorted, then one walk over the text assigns positions in order.
    let mut marks: Vec<(usize, u32)> = hits
        .iter()
        .flat_map(|h| [(h.start, 0), (h.end, 0)])
        .collect();
    marks.sort_unstable();
    marks.dedup();
    let mut count = 0u32;
    let mut next = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        while next < marks.len() && marks[next].0 <= i {
            marks[next].1 = count;
            next += 1;
        }
        if next == marks.len() {
            break;
        }
        count += width(c);
    }
    let at = |b: usize| {
        marks
            .binary_search_by_key(&b, |m| m.0)
            .map_or(0, |i| marks[i].1)
    };
    for h in hits {
        h.cstart = at(h.start);
        h.cend = at(h.end);
    }
}

/// Buffers for [`best_window`], reused across the rules of one field.
#[derive(Default)]
pub struct WindowScratch {
    cands: Vec<(usize, usize)>,
    counts: Vec<usize>,
}

/// The smallest set of hits, one per clause, that fits in `window` characters; indices into
/// `hits`. Hits are sorted by start. `None` when the clauses cannot all be met in a window.
pub fn best_window(
    hits: &[Hit],
    clauses: &[Vec<AtomId>],
    window: u32,
    scratch: &mut WindowScratch,
) -> Option<Vec<usize>> {
    // (hit index, clause index) for every hit that satisfies some clause, in text order.
    let WindowScratch { cands, counts } = scratch;
    cands.clear();
    for (hi, h) in hits.iter().enumerate() {
        for (ci, c) in clauses.iter().enumerate() {
            if c.contains(&h.atom) {
                cands.push((hi, ci));
            }
        }
    }
    let k = clauses.len();
    if k == 1 {
        return cands.first().map(|&(hi, _)| vec![hi]);
    }
    counts.clear();
    counts.resize(k, 0);
    let mut covered = 0;
    let mut best: Option<(u32, usize, usize)> = None;
    let mut lo = 0;
    for hi_i in 0..cands.len() {
        let ci = cands[hi_i].1;
        counts[ci] += 1;
        if counts[ci] == 1 {
            covered += 1;
        }
        while covered == k {
            let span_start = hits[cands[lo].0].cstart;
            let span_end = cands[lo..=hi_i]
                .iter()
                .map(|&(h, _)| hits[h].cend)
                .max()
                .unwrap_or(0);
            let span = span_end.saturating_sub(span_start);
            if span <= window && best.is_none_or(|(s, _, _)| span < s) {
                best = Some((span, lo, hi_i));
            }
            let lc = cands[lo].1;
            counts[lc] -= 1;
            if counts[lc] == 0 {
                covered -= 1;
            }
            lo += 1;
        }
    }
    let (_, lo, hi) = best?;
    // Pick, for each clause, its first candidate inside the best window.
    let mut chosen: Vec<Option<usize>> = vec![None; k];
    for &(h, c) in &cands[lo..=hi] {
        if chosen[c].is_none() {
            chosen[c] = Some(h);
        }
    }
    chosen.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    /// What [`Matcher::find`] must return: the hits of every overlapping match of a reference
    /// automaton (the aho-corasick crate) over the same patterns.
    fn reference(ac: &aho_corasick::AhoCorasick, m: &Matcher, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for mt in ac.find_overlapping_iter(text) {
            let t = mt.pattern().as_u32();
            m.term_hits(t, mt.start(), mt.end(), text.as_bytes(), &mut hits);
        }
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.atom));
        hits.dedup();
        hits
    }

    /// Guards the boundary checks in `term_hits`: a term that starts or ends with a letter or
    /// digit matches whole words only (a `*` stem only on its left); CJK and symbols anywhere.
    #[test]
    fn word_terms_need_word_boundaries() {
        let lexicon = BTreeMap::new();
        let mut b = MatcherBuilder::new(&lexicon);
        for lit in ["pr", "secret*", "内部", "$"] {
            b.alternative(lit).unwrap();
        }
        let m = b.build().unwrap();
        for (text, want) in [
            ("my pr is up", vec!["pr"]),
            ("a prize and sprint", vec![]),
            ("secretly, top-secret", vec!["secret", "secret"]),
            ("nosecret", vec![]),
            ("发内部资料 x内部y", vec!["内部", "内部"]),
            ("a$5 $", vec!["$", "$"]),
        ] {
            let got: Vec<&str> = m.find(text).iter().map(|h| &text[h.start..h.end]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// Guards the term automaton (`Literals`): on text made of the built-in lexicon's own terms,
    /// cut and joined every way (inside words, across CJK, after symbols), it must find exactly
    /// what a reference automaton finds.
    #[test]
    fn term_search_finds_what_a_reference_automaton_finds() {
        let lexicon = crate::rules::builtin_lexicon().unwrap();
        let mut b = MatcherBuilder::new(&lexicon.concepts);
        for name in lexicon.concepts.keys() {
            b.alternative(&format!("@{name}")).unwrap();
        }
        for lit in ["$", "💰", "ok?", "secret*", "500元", "e mail", "内部*"] {
            b.alternative(lit).unwrap();
        }
        let ac = aho_corasick::AhoCorasick::new(b.terms.iter().map(|(p, _)| p)).unwrap();
        let m = b.build().unwrap();
        let terms: Vec<&String> = lexicon.concepts.values().flatten().collect();
        const GLUE: &[&str] = &["", " ", "x", "7", "内", "，", "$", "-", "é", "ab "];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as usize
        };
        let mut found = 0;
        for _ in 0..20_000 {
            let mut input = String::new();
            for _ in 0..next() % 6 {
                let term = terms[next() % terms.len()].trim_start_matches('^');
                // Sometimes only part of a term, cut on a character boundary.
                let cut = term
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(next() % 4)
                    .filter(|_| next() % 3 == 0)
                    .unwrap_or(0);
                input.push_str(&term[cut..]);
                input.push_str(GLUE[next() % GLUE.len()]);
            }
            let text = normalize(&input).text;
            let want = reference(&ac, &m, &text);
            found += want.len();
            assert_eq!(m.find(&text), want, "{text:?}");
        }
        // The generated text does hit terms, at word starts and inside CJK runs alike.
        assert!(found > 20_000, "only {found} hits");
    }
}
