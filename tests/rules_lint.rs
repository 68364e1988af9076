//! Data lint for the rule files: ids unique, families known, every example behaves as stated,
//! every concept used exists, and every explanation key the engine can emit is in every locale.

use std::collections::{BTreeSet, HashSet};

use lurelens::rules::{builtin_lexicon, source_rules, Direction};
use lurelens::{Engine, Policy};
use serde_json::{json, Value};

fn engine() -> Engine {
    Engine::new(Policy::default()).expect("built-in rules compile")
}

#[test]
fn rule_and_combo_ids_are_unique() {
    let rules = source_rules().unwrap();
    let mut seen = HashSet::new();
    for id in rules
        .rules
        .iter()
        .map(|r| &r.id)
        .chain(rules.combos.iter().map(|c| &c.id))
    {
        assert!(seen.insert(id.clone()), "duplicate rule id {id}");
    }
}

#[test]
fn rule_ids_and_keys_follow_the_naming_scheme() {
    for r in source_rules().unwrap().rules {
        assert!(
            r.id.starts_with(&format!("{}.", r.family)),
            "{}: id must start with its family",
            r.id
        );
        assert_eq!(
            r.key,
            format!("rule_{}", r.id.replace('.', "_")),
            "{}: key",
            r.id
        );
        assert!(
            lurelens::family::stage_of(&r.family).is_some(),
            "{}: family",
            r.id
        );
    }
}

#[test]
fn every_rule_has_examples_both_ways() {
    for r in source_rules().unwrap().rules {
        assert!(
            !r.examples.must_match.is_empty(),
            "{} has no positive example",
            r.id
        );
        assert!(
            !r.examples.no_match.is_empty(),
            "{} has no negative example",
            r.id
        );
    }
}

fn rule_fires(engine: &Engine, id: &str, text: &str, direction: Direction) -> bool {
    let dir = match direction {
        Direction::Outgoing => "outgoing",
        _ => "incoming",
    };
    let v = engine.score_value(&json!({"text": text, "direction": dir}));
    v["hints"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["rule"] == id)
}

#[test]
fn every_example_behaves_as_stated() {
    let engine = engine();
    let mut failures = Vec::new();
    for r in source_rules().unwrap().rules {
        for text in &r.examples.must_match {
            if !rule_fires(&engine, &r.id, text, r.direction) {
                failures.push(format!("{} should match {text:?}", r.id));
            }
        }
        for text in &r.examples.no_match {
            if rule_fires(&engine, &r.id, text, r.direction) {
                failures.push(format!("{} should not match {text:?}", r.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example(s) misbehave:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn dampener_examples_damp() {
    let engine = engine();
    for d in source_rules().unwrap().dampeners {
        for text in &d.examples.must_match {
            let plain = engine
                .score_value(&json!({"text": "请把内部资料发我，钱已经转给你了，别告诉别人"}));
            let damped = engine.score_value(
                &json!({"text": format!("{text} 请把内部资料发我，钱已经转给你了，别告诉别人")}),
            );
            assert!(
                damped["score"].as_u64() < plain["score"].as_u64(),
                "{}: {text:?} does not damp",
                d.id
            );
        }
    }
}

#[test]
fn every_concept_is_used_and_non_empty() {
    let lexicon = builtin_lexicon().unwrap();
    let rules = source_rules().unwrap();
    let mut used = BTreeSet::new();
    let alts = rules
        .rules
        .iter()
        .flat_map(|r| r.patterns.iter().flatten().chain(r.none.iter()))
        .chain(
            rules
                .dampeners
                .iter()
                .flat_map(|d| d.patterns.iter().flatten().chain(d.none.iter())),
        );
    for a in alts {
        if let Some(name) = a.strip_prefix('@') {
            assert!(
                lexicon.concepts.contains_key(name),
                "unknown concept @{name}"
            );
            used.insert(name.to_string());
        }
    }
    // Concepts the engine itself uses for policy keywords.
    for name in ["ask", "curious", "work_detail"] {
        used.insert(name.to_string());
    }
    for (name, terms) in &lexicon.concepts {
        assert!(used.contains(name), "concept @{name} is never used");
        assert!(!terms.is_empty(), "concept @{name} is empty");
    }
}

/// Every key the engine can emit: rule keys, combo keys, link and email signal keys, the
/// thread trajectory key, and the keys of rules made from policy keywords.
fn all_keys() -> BTreeSet<String> {
    let rules = source_rules().unwrap();
    let mut keys: BTreeSet<String> = rules.rules.iter().map(|r| r.key.clone()).collect();
    keys.extend(rules.combos.iter().map(|c| c.key.clone()));
    keys.extend(
        lurelens::link::SIGNALS
            .iter()
            .map(|s| lurelens::link::key_of(s)),
    );
    keys.extend(
        lurelens::email::SIGNALS
            .iter()
            .map(|s| lurelens::link::key_of(s)),
    );
    keys.insert("thread_trajectory".into());
    keys.insert("rule_outgoing_leak_protected_keyword".into());
    keys.insert("rule_probe_work_protected_keyword".into());
    keys
}

#[test]
fn every_explanation_key_is_in_every_locale() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("extension/_locales");
    let Ok(dirs) = std::fs::read_dir(&root) else {
        panic!("no locales at {}", root.display());
    };
    let mut checked = 0;
    for d in dirs.flatten() {
        let file = d.path().join("messages.json");
        let text = std::fs::read_to_string(&file).unwrap();
        let messages: Value = serde_json::from_str(&text).unwrap();
        let missing: Vec<String> = all_keys()
            .into_iter()
            .filter(|k| messages.get(k).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "{} lacks {} key(s): {}",
            file.display(),
            missing.len(),
            missing.join(", ")
        );
        checked += 1;
    }
    assert!(checked >= 2, "expected the en and zh_CN locales");
}
