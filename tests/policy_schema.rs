//! The extension's managed-storage schema (`extension/managed_schema.json`) and the engine's
//! policy are one shape: the same keys, and `extra_rules` items with the rule format's fields.
//! Guards against a key or rule field added on one side only.

use lurelens::rules::{source_rules, RuleSpec};
use lurelens::POLICY_KEYS;
use serde_json::{Map, Value};

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/managed_schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn schema_keys_are_the_policy_keys() {
    let schema = schema();
    let mut keys: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut policy = POLICY_KEYS.to_vec();
    keys.sort_unstable();
    policy.sort_unstable();
    assert_eq!(keys, policy);
}

#[test]
fn extra_rule_items_have_exactly_the_rule_fields() {
    let schema = schema();
    let props = schema["properties"]["extra_rules"]["items"]["properties"]
        .as_object()
        .unwrap();
    // Every field a rule can have is in the schema (a built-in rule with every field set)…
    let mut rule = source_rules().unwrap().rules.remove(0);
    rule.stage = Some("approach".into());
    rule.window = Some(40);
    let written = serde_json::to_value(&rule).unwrap();
    for field in written.as_object().unwrap().keys() {
        assert!(props.contains_key(field), "schema lacks rule field {field}");
    }
    // …and every schema field is one the rule parser accepts (it refuses unknown fields).
    let mut full: Map<String, Value> = written.as_object().unwrap().clone();
    for field in props.keys() {
        assert!(
            full.contains_key(field),
            "schema field {field} is not a rule field"
        );
    }
    full.insert("id".into(), "acme.test".into());
    serde_json::from_value::<RuleSpec>(Value::Object(full)).unwrap();
}

#[test]
fn every_schema_entry_is_described() {
    fn walk(name: &str, node: &Value) {
        if let Some(props) = node["properties"].as_object() {
            for (k, v) in props {
                assert!(
                    v["description"].is_string(),
                    "{name}.{k} has no description"
                );
                walk(&format!("{name}.{k}"), v);
            }
        }
        if node["items"].is_object() {
            walk(&format!("{name}[]"), &node["items"]);
        }
    }
    walk("policy", &schema());
}

/// The admin guide's example policy (docs/policies/, from which every sample is generated)
/// is accepted as it is, and its extra rule behaves as its own examples say.
#[test]
fn the_example_policy_is_accepted_and_its_rules_work() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/policies/example-policy.json"
    );
    let policy = lurelens::Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let rules = policy.extra_rules.clone();
    assert!(!rules.is_empty());
    let engine = lurelens::Engine::new(policy).unwrap();
    for rule in rules {
        let fired = |text: &str| {
            let line = serde_json::json!({"id": 1, "text": text}).to_string();
            engine
                .score_line(&line)
                .contains(&format!("\"{}\"", rule.id))
        };
        for text in &rule.examples.must_match {
            assert!(fired(text), "{} should match {text:?}", rule.id);
        }
        for text in &rule.examples.no_match {
            assert!(!fired(text), "{} should not match {text:?}", rule.id);
        }
    }
}
