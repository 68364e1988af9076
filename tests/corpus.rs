//! The data-driven corpus: every case in `tests/cases/*.jsonl` is a record plus what the engine
//! must say about it (see `docs/engine-api.md`, "Test case files"). One harness drives them all.

use std::collections::HashMap;
use std::path::Path;

use lurelens::{Engine, Level, Policy};
use serde_json::Value;

struct Case {
    file: String,
    line: usize,
    name: String,
    v: Value,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.is_empty() || t.starts_with("//") {
                continue;
            }
            let v: Value = serde_json::from_str(t)
                .unwrap_or_else(|e| panic!("{}:{}: bad JSON: {e}", f.display(), i + 1));
            out.push(Case {
                file: f.file_name().unwrap().to_string_lossy().into(),
                line: i + 1,
                name: v["name"].as_str().unwrap_or("?").to_string(),
                v,
            });
        }
    }
    out
}

fn level(v: &Value, key: &str) -> Option<Level> {
    v.get(key)
        .and_then(Value::as_str)
        .map(|s| Level::parse(s).unwrap_or_else(|| panic!("bad level {s}")))
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Every failure of one case, as readable lines.
fn check(engine: &Engine, case: &Case) -> Vec<String> {
    let verdict = engine.score_value(&case.v["record"]);
    let mut fails = Vec::new();
    if let Some(e) = verdict.get("error") {
        return vec![format!("error: {e}")];
    }
    let got = Level::parse(verdict["level"].as_str().unwrap()).unwrap();
    let hints = verdict["hints"].as_array().unwrap();
    let has = |key: &str, want: &str| hints.iter().any(|h| h[key] == want);
    if let Some(l) = level(&case.v, "level") {
        if got != l {
            fails.push(format!("level {} != {}", got.as_str(), l.as_str()));
        }
    }
    if let Some(l) = level(&case.v, "min_level") {
        if got < l {
            fails.push(format!("level {} < {}", got.as_str(), l.as_str()));
        }
    }
    if let Some(l) = level(&case.v, "max_level") {
        if got > l {
            fails.push(format!("level {} > {}", got.as_str(), l.as_str()));
        }
    }
    for f in strings(&case.v, "families") {
        if !has("family", &f) {
            fails.push(format!("missing family {f}"));
        }
    }
    for r in strings(&case.v, "rules") {
        if !has("rule", &r) {
            fails.push(format!("missing rule {r}"));
        }
    }
    for r in strings(&case.v, "absent_rules") {
        if has("rule", &r) {
            fails.push(format!("unexpected rule {r}"));
        }
    }
    for f in strings(&case.v, "absent_families") {
        if has("family", &f) {
            fails.push(format!("unexpected family {f}"));
        }
    }
    if case.v.get("stages").is_some() {
        let want = strings(&case.v, "stages");
        let got = strings(&verdict, "stages");
        if got != want {
            fails.push(format!("stages {got:?} != {want:?}"));
        }
    }
    // `alert_at` is the latest acceptable message index: the thread must reach medium by then.
    if let Some(want) = case.v.get("alert_at").and_then(Value::as_u64) {
        match verdict["alert_at"].as_u64() {
            Some(got) if got <= want => {}
            other => fails.push(format!("alert_at {other:?}, wanted by {want}")),
        }
    }
    if !fails.is_empty() {
        let summary: Vec<String> = hints
            .iter()
            .map(|h| format!("{}={}", h["rule"].as_str().unwrap_or(""), h["score"]))
            .collect();
        fails.push(format!(
            "(score {}, hints {})",
            verdict["score"],
            summary.join(" ")
        ));
    }
    fails
}

#[test]
fn corpus_cases_behave_as_stated() {
    let default = Engine::new(Policy::default()).unwrap();
    let mut engines: HashMap<String, Engine> = HashMap::new();
    let all = cases();
    assert!(all.len() >= 150, "the corpus has only {} cases", all.len());
    let mut failures = Vec::new();
    let mut known = 0;
    for case in &all {
        let engine = match case.v.get("policy") {
            None => &default,
            Some(p) => engines.entry(p.to_string()).or_insert_with(|| {
                Engine::new(
                    Policy::from_value(p).unwrap_or_else(|e| panic!("{}: policy: {e}", case.name)),
                )
                .unwrap()
            }),
        };
        let fails = check(engine, case);
        // A known miss states what the engine should do and why it does not yet: it must still
        // miss, so that a fix is noticed and the case joins the others.
        if let Some(why) = case.v.get("known_miss").and_then(Value::as_str) {
            known += 1;
            if fails.is_empty() {
                failures.push(format!(
                    "{}:{} {}\n    known miss now passes ({why}): drop its known_miss",
                    case.file, case.line, case.name
                ));
            }
            continue;
        }
        if !fails.is_empty() {
            failures.push(format!(
                "{}:{} {}\n    {}",
                case.file,
                case.line,
                case.name,
                fails.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
    // Known misses are for what cannot yet be fixed without costing elsewhere; few, or the
    // corpus stops measuring anything.
    assert!(
        known * 50 <= all.len(),
        "{known} known misses in {} cases",
        all.len()
    );
}

#[test]
fn corpus_is_balanced() {
    let all = cases();
    let negatives = all
        .iter()
        .filter(|c| {
            matches!(
                c.v.get("max_level").and_then(Value::as_str),
                Some("none" | "low")
            ) || c.v.get("level").and_then(Value::as_str) == Some("none")
        })
        .count();
    assert!(
        negatives * 3 >= all.len(),
        "only {negatives} of {} cases are hard negatives",
        all.len()
    );
    for lang_hint in ["messages_zh", "messages_en"] {
        assert!(
            all.iter().any(|c| c.file.starts_with(lang_hint)),
            "no {lang_hint} cases"
        );
    }
}
