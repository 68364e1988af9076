//! `lurelens eval`: precision, recall and false-positive rate of labelled records.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

use crate::verdict::Level;

/// Labels that count as positive and as negative (`../shared/CLI.md`).
pub const POSITIVE: &[&str] = &["lure", "phish", "leak", "spam", "fraud"];
pub const NEGATIVE: &[&str] = &["benign", "ham", "normal"];

/// How many worst misses and false alarms the report lists.
const WORST: usize = 10;

struct Scored {
    score: u8,
    level: Level,
    positive: bool,
    what: String,
}

/// Accumulates verdicts of labelled records.
#[derive(Default)]
pub struct Eval {
    by_kind: BTreeMap<String, Vec<Scored>>,
    unlabelled: usize,
    errors: usize,
}

/// Counts at one threshold.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub tn: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn fpr(&self) -> f64 {
        ratio(self.fp, self.fp + self.tn)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Is a label positive (`Some(true)`), negative (`Some(false)`) or neither?
pub fn label_class(label: &str) -> Option<bool> {
    let l = label.trim().to_ascii_lowercase();
    if POSITIVE.contains(&l.as_str()) {
        Some(true)
    } else if NEGATIVE.contains(&l.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// A short description of a record for the worst-case lists.
fn describe(record: &Value) -> String {
    let id = record.get("id").map(|v| v.to_string()).unwrap_or_default();
    let body = ["url", "text", "subject"]
        .iter()
        .find_map(|k| record.get(*k).and_then(Value::as_str).map(str::to_string))
        .or_else(|| {
            record.get("email").map(|e| {
                e.get("subject")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            })
        })
        .or_else(|| record.get("thread").map(|t| t.to_string()))
        .unwrap_or_default();
    let short: String = body
        .chars()
        .take(90)
        .collect::<String>()
        .replace(['\n', '\r', '\t'], " ");
    format!("{id} {short}")
}

impl Eval {
    /// Add one record and its verdict (the CLI output object).
    pub fn add(&mut self, record: &Value, verdict: &Value) {
        if verdict.get("error").is_some() {
            self.errors += 1;
            return;
        }
        let Some(positive) = record
            .get("label")
            .and_then(Value::as_str)
            .and_then(label_class)
        else {
            self.unlabelled += 1;
            return;
        };
        let kind = verdict
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        let score = verdict
            .get("score")
            .and_then(Value::as_u64)
            .unwrap_or(0)
            .min(100) as u8;
        let level = verdict
            .get("level")
            .and_then(Value::as_str)
            .and_then(Level::parse)
            .unwrap_or(Level::None);
        self.by_kind.entry(kind).or_default().push(Scored {
            score,
            level,
            positive,
            what: describe(record),
        });
    }

    /// Counts for one kind at `level >= threshold`.
    pub fn counts(&self, kind: &str, threshold: Level) -> Counts {
        let mut c = Counts::default();
        for s in self.by_kind.get(kind).into_iter().flatten() {
            match (s.positive, s.level >= threshold) {
                (true, true) => c.tp += 1,
                (true, false) => c.fn_ += 1,
                (false, true) => c.fp += 1,
                (false, false) => c.tn += 1,
            }
        }
        c
    }

    pub fn kinds(&self) -> impl Iterator<Item = &str> {
        self.by_kind.keys().map(String::as_str)
    }

    /// The report `lurelens eval` prints.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for (kind, rows) in &self.by_kind {
            let pos = rows.iter().filter(|r| r.positive).count();
            let _ = writeln!(
                out,
                "kind {kind}: {} records ({pos} positive, {} negative)",
                rows.len(),
                rows.len() - pos
            );
            let _ = writeln!(
                out,
                "  level>=  precision  recall   fp-rate   tp     fp     tn     fn"
            );
            for t in [Level::Low, Level::Medium, Level::High] {
                let c = self.counts(kind, t);
                let _ = writeln!(
                    out,
                    "  {:<8} {:>8.3}  {:>7.3}  {:>7.4}  {:<6} {:<6} {:<6} {:<6}",
                    t.as_str(),
                    c.precision(),
                    c.recall(),
                    c.fpr(),
                    c.tp,
                    c.fp,
                    c.tn,
                    c.fn_
                );
            }
            let mut misses: Vec<&Scored> = rows
                .iter()
                .filter(|r| r.positive && r.level < Level::Medium)
                .collect();
            misses.sort_by_key(|r| r.score);
            if !misses.is_empty() {
                let _ = writeln!(out, "  worst misses (positive, below medium):");
                for r in misses.iter().take(WORST) {
                    let _ = writeln!(out, "    {:>3} {:<6} {}", r.score, r.level.as_str(), r.what);
                }
            }
            let mut alarms: Vec<&Scored> = rows
                .iter()
                .filter(|r| !r.positive && r.level >= Level::Low)
                .collect();
            alarms.sort_by_key(|r| std::cmp::Reverse(r.score));
            if !alarms.is_empty() {
                let _ = writeln!(out, "  worst false alarms (negative, low or above):");
                for r in alarms.iter().take(WORST) {
                    let _ = writeln!(out, "    {:>3} {:<6} {}", r.score, r.level.as_str(), r.what);
                }
            }
        }
        if self.unlabelled > 0 || self.errors > 0 {
            let _ = writeln!(
                out,
                "skipped: {} without a known label, {} with errors",
                self.unlabelled, self.errors
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_at_thresholds() {
        let mut e = Eval::default();
        e.add(
            &json!({"label": "lure"}),
            &json!({"kind": "message", "score": 80, "level": "high"}),
        );
        e.add(
            &json!({"label": "ham"}),
            &json!({"kind": "message", "score": 20, "level": "low"}),
        );
        e.add(
            &json!({"label": "phish"}),
            &json!({"kind": "message", "score": 0, "level": "none"}),
        );
        e.add(
            &json!({"label": "other"}),
            &json!({"kind": "message", "score": 0, "level": "none"}),
        );
        let low = e.counts("message", Level::Low);
        assert_eq!(
            low,
            Counts {
                tp: 1,
                fp: 1,
                tn: 0,
                fn_: 1
            }
        );
        let med = e.counts("message", Level::Medium);
        assert_eq!(
            med,
            Counts {
                tp: 1,
                fp: 0,
                tn: 1,
                fn_: 1
            }
        );
        assert!((med.recall() - 0.5).abs() < 1e-9);
        assert!(e.report().contains("skipped: 1 without a known label"));
    }
}
