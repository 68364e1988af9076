//! Lure rules over message text: compile once, then scan fields.

use crate::error::Error;
use crate::family;
use crate::limits;
use crate::matcher::{
    best_window, fill_char_positions, AtomId, Hit, Matcher, MatcherBuilder, WindowScratch,
};
use crate::normalize::{normalize_into, normalize_mapped_until, Normalized};
use crate::rules::{validate_rule, DampenerSpec, Direction, Lexicon, RuleSpec};
use crate::verdict::{Evidence, Hint, Name};

/// Default window, in width units (a CJK character 3, others 1), within which all clauses of a
/// rule must match.
pub const DEFAULT_WINDOW: u32 = 90;

struct Clauses {
    all: Vec<Vec<AtomId>>,
    window: u32,
}

struct CompiledRule {
    id: Name,
    family: &'static str,
    stage: &'static str,
    weight: u8,
    direction: Direction,
    clauses: Clauses,
    none: Vec<AtomId>,
    key: Name,
}

struct Dampener {
    clauses: Clauses,
    none: Vec<AtomId>,
    factor: f32,
}

/// The result of scanning one field.
#[derive(Debug, Default)]
pub struct FieldScan {
    pub hints: Vec<Hint>,
    /// The strongest dampening factor that applied (1.0 when none).
    pub damp: f32,
}

thread_local! {
    /// The normalised text and hit list of the last field, kept for their capacity: two
    /// allocations fewer per field (about 2 % of what ordinary chat costs).
    static SCRATCH: std::cell::RefCell<(Normalized, Vec<Hit>)> = Default::default();
}

/// All message rules, compiled into one matcher.
pub struct LureSet {
    matcher: Matcher,
    rules: Vec<CompiledRule>,
    dampeners: Vec<Dampener>,
    /// For each atom, the rules whose clauses mention it (so only those are evaluated).
    atom_rules: Vec<Vec<u32>>,
}

/// Where a rule came from, for error messages.
pub struct RuleSource<'a> {
    pub spec: &'a RuleSpec,
    /// `extra_rules[3]` for policy rules, the file name for built-in ones.
    pub origin: String,
}

impl LureSet {
    pub fn build(
        lexicon: &Lexicon,
        rules: &[RuleSource<'_>],
        dampeners: &[DampenerSpec],
    ) -> Result<LureSet, Error> {
        let mut b = MatcherBuilder::new(&lexicon.concepts);
        let mut compiled = Vec::with_capacity(rules.len());
        for src in rules {
            let r = src.spec;
            validate_rule(r).map_err(|m| Error::rules(&src.origin, m))?;
            let family = family::intern(&r.family).unwrap_or("befriend");
            let stage = family::stage_of(family).map_or("approach", |s| s.as_str());
            let mut all = Vec::with_capacity(r.patterns.len());
            for clause in &r.patterns {
                all.push(
                    b.clause(clause)
                        .map_err(|m| Error::rules(&src.origin, format!("rule {}: {m}", r.id)))?,
                );
            }
            let none = b
                .clause(&r.none)
                .map_err(|m| Error::rules(&src.origin, format!("rule {}: {m}", r.id)))?;
            compiled.push(CompiledRule {
                id: r.id.clone().into(),
                family,
                stage,
                weight: r.weight,
                direction: r.direction,
                clauses: Clauses {
                    all,
                    window: r.window.unwrap_or(DEFAULT_WINDOW),
                },
                none,
                key: r.key.clone().into(),
            });
        }
        let mut damps = Vec::with_capacity(dampeners.len());
        for d in dampeners {
            let mut all = Vec::new();
            for clause in &d.patterns {
                all.push(
                    b.clause(clause)
                        .map_err(|m| Error::rules("dampeners", format!("{}: {m}", d.id)))?,
                );
            }
            let none = b
                .clause(&d.none)
                .map_err(|m| Error::rules("dampeners", format!("{}: {m}", d.id)))?;
            damps.push(Dampener {
                none,
                clauses: Clauses {
                    all,
                    window: d.window.unwrap_or(DEFAULT_WINDOW),
                },
                factor: d.factor.clamp(0.0, 1.0),
            });
        }
        let matcher = b.build().map_err(|m| Error::rules("matcher", m))?;
        let mut atom_rules = vec![Vec::new(); matcher.atom_count()];
        for (ri, r) in compiled.iter().enumerate() {
            // Index each rule under its rarest clause (the one whose shortest term is longest):
            // a rule is only looked at when that clause has a hit.
            let anchor = r
                .clauses
                .all
                .iter()
                .max_by_key(|c| {
                    c.iter()
                        .map(|&a| matcher.shortest_term(a))
                        .min()
                        .unwrap_or(0)
                })
                .expect("rules have at least one clause");
            for &a in anchor {
                atom_rules[a as usize].push(ri as u32);
            }
        }
        for list in &mut atom_rules {
            list.dedup();
        }
        Ok(LureSet {
            matcher,
            rules: compiled,
            dampeners: damps,
            atom_rules,
        })
    }

    /// Scan one field of a record. `field` names it in the evidence (`text`, `subject` …).
    pub fn scan_field(&self, field: &'static str, text: &str, direction: Direction) -> FieldScan {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut s) => {
                let (norm, hits) = &mut *s;
                let scan = self.scan_with(field, text, direction, norm, hits);
                // What a hostile field grew stays bounded.
                if hits.capacity() > limits::MAX_HITS {
                    hits.clear();
                    hits.shrink_to(limits::MAX_HITS);
                }
                if norm.text.capacity() > 2 * limits::MAX_FIELD_BYTES {
                    norm.text = String::new();
                }
                scan
            }
            // Not reentrant, but never wrong: fresh buffers.
            Err(_) => self.scan_with(
                field,
                text,
                direction,
                &mut Normalized::default(),
                &mut Vec::new(),
            ),
        })
    }

    fn scan_with(
        &self,
        field: &'static str,
        text: &str,
        direction: Direction,
        norm: &mut Normalized,
        hits: &mut Vec<Hit>,
    ) -> FieldScan {
        let text = limits::cap_field(text);
        normalize_into(text, norm);
        self.matcher.find_into(&norm.text, hits);
        let mut scan = FieldScan {
            hints: Vec::new(),
            damp: 1.0,
        };
        if hits.is_empty() {
            return scan;
        }
        hits.truncate(limits::MAX_HITS);
        let mut mapped: Option<Normalized> = None;
        if hits.iter().any(|h| h.upper) {
            // Capitals-only terms: keep a hit only if the source has no lower-case letter there.
            let upto = hits
                .iter()
                .filter(|h| h.upper)
                .map(|h| h.end)
                .max()
                .unwrap_or(0);
            let m = mapped.insert(normalize_mapped_until(text, upto));
            hits.retain(|h| {
                !h.upper || {
                    let (s, e) = m.source_span(h.start, h.end);
                    !text.get(s..e).unwrap_or("").chars().any(char::is_lowercase)
                }
            });
        }
        // The atoms that hit, for membership tests: most fields have a handful of hits, which
        // are searched as they are; many are sorted once.
        let sorted: Vec<AtomId> = if hits.len() > 16 {
            let mut atoms: Vec<AtomId> = hits.iter().map(|h| h.atom).collect();
            atoms.sort_unstable();
            atoms.dedup();
            atoms
        } else {
            Vec::new()
        };
        let present = |a: &AtomId| {
            if sorted.is_empty() {
                hits.iter().any(|h| h.atom == *a)
            } else {
                sorted.binary_search(a).is_ok()
            }
        };
        let mut candidates: Vec<u32> = hits
            .iter()
            .flat_map(|h| self.atom_rules[h.atom as usize].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();

        // Rules and dampeners whose every clause has a hit somewhere and whose `none` has
        // none: only these are worth the window search. Most text that hits a common term
        // (`你们`, `project`) leaves none, and then costs no more.
        let viable = |clauses: &Clauses, none: &[AtomId]| {
            clauses.all.iter().all(|c| c.iter().any(present)) && !none.iter().any(present)
        };
        candidates.retain(|&ri| {
            let r = &self.rules[ri as usize];
            (r.direction == Direction::Any || r.direction == direction)
                && viable(&r.clauses, &r.none)
        });
        let damps: Vec<&Dampener> = self
            .dampeners
            .iter()
            .filter(|d| viable(&d.clauses, &d.none))
            .collect();
        if candidates.is_empty() && damps.is_empty() {
            return scan;
        }
        fill_char_positions(&norm.text, hits);
        let mut windows = WindowScratch::default();
        let mut fired: Vec<(u32, Vec<usize>)> = Vec::new();
        for ri in candidates {
            let r = &self.rules[ri as usize];
            if let Some(chosen) = best_window(hits, &r.clauses.all, r.clauses.window, &mut windows)
            {
                fired.push((ri, chosen));
            }
        }
        for d in damps {
            if best_window(hits, &d.clauses.all, d.clauses.window, &mut windows).is_some() {
                scan.damp = scan.damp.min(d.factor);
            }
        }
        if fired.is_empty() {
            return scan;
        }
        // Words already counted as a request for data are not also a probe.
        let request_spans: Vec<(usize, usize)> = fired
            .iter()
            .filter(|(ri, _)| self.rules[*ri as usize].family == "request_data")
            .flat_map(|(_, chosen)| chosen.iter().map(|&i| (hits[i].start, hits[i].end)))
            .collect();
        fired.retain(|(ri, chosen)| {
            self.rules[*ri as usize].family != "probe_work"
                || !chosen.iter().any(|&i| {
                    request_spans
                        .iter()
                        .any(|&(s, e)| hits[i].start < e && s < hits[i].end)
                })
        });
        // Map only as far as the last evidence byte (and any capitals check already mapped).
        let upto = fired
            .iter()
            .flat_map(|(_, chosen)| chosen.iter().map(|&i| hits[i].end))
            .max()
            .unwrap_or(0);
        let mapped = match mapped {
            Some(m) if m.map.len() >= upto => m,
            _ => normalize_mapped_until(text, upto),
        };
        for (ri, chosen) in fired {
            let r = &self.rules[ri as usize];
            scan.hints.push(Hint {
                rule: r.id.clone(),
                family: r.family,
                stage: r.stage,
                score: r.weight,
                evidence: evidence(field, text, &mapped, hits, &chosen),
                key: r.key.clone(),
            });
        }
        scan
    }
}

/// Evidence spans for the chosen hits, in source UTF-16 units, merged where they overlap.
/// Spans are merged as source byte ranges and converted once, in order.
fn evidence(
    field: &'static str,
    source: &str,
    mapped: &Normalized,
    hits: &[Hit],
    chosen: &[usize],
) -> Vec<Evidence> {
    let mut spans: Vec<(usize, usize)> = chosen
        .iter()
        .map(|&i| mapped.source_span(hits[i].start, hits[i].end))
        .filter(|(s, e)| s < e)
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut utf16 = limits::Utf16Cursor::new(source);
    merged
        .into_iter()
        .map(|(start, end)| Evidence {
            field: field.into(),
            start: utf16.offset(start),
            end: utf16.offset(end),
            text: source.get(start..end).unwrap_or("").to_string(),
            message: None,
        })
        .collect()
}
