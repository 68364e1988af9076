//! Rules as versioned data.
//!
//! The built-in rules live in `src/rules/*.json`, compiled into the binary. An organisation's
//! policy can add rules in the same format (`extra_rules`). A rule is:
//!
//! ```json
//! {"id": "request_data.classified", "family": "request_data", "weight": 45, "lang": "any",
//!  "patterns": [["@ask"], ["@classified", "@internal"], ["@data"]], "window": 30,
//!  "none": ["@negation"], "key": "rule_request_data_classified",
//!  "examples": {"match": ["能把涉密图纸发我一份吗"], "no_match": ["图纸已归档"]}}
//! ```
//!
//! `patterns` is a list of clauses that must all match within `window` width units of each
//! other (90 when absent; a CJK character is 3 units, any other character 1, so a window holds
//! about as many Chinese as English words). A clause lists alternatives: `@name` is a concept from the lexicon
//! (`src/rules/lexicon.json`), `re:…` a regular expression over the normalised text, anything
//! else a literal term; a literal ending in `*` also matches longer words (`friend*`), one
//! starting with `^` counts only when written in capitals (`^SECRET`), one starting with `=` is
//! taken literally whatever follows. Terms are
//! normalised like the text (see [`crate::normalize`]), so one spelling covers full-width,
//! homoglyph and spaced-out variants. `none` lists alternatives that, anywhere in the field,
//! stop the rule. `direction` is `incoming` (default), `outgoing` or `any`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::family;

/// One rule as written in the data files or a policy.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub family: String,
    /// Optional; when present it must be the family's stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    pub weight: u8,
    #[serde(default = "default_lang")]
    pub lang: String,
    #[serde(default)]
    pub direction: Direction,
    pub patterns: Vec<Vec<String>>,
    #[serde(default)]
    pub none: Vec<String>,
    #[serde(default)]
    pub window: Option<u32>,
    pub key: String,
    #[serde(default)]
    pub examples: Examples,
}

fn default_lang() -> String {
    "any".into()
}

/// Which messages a rule reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Incoming,
    Outgoing,
    Any,
}

/// Texts a rule must and must not match; the lint test runs them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default, rename = "match")]
    pub must_match: Vec<String>,
    #[serde(default)]
    pub no_match: Vec<String>,
}

/// A meta-rule: when every listed family has a hint, the message gains `bonus` points.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComboSpec {
    pub id: String,
    pub families: Vec<String>,
    pub bonus: u8,
    pub key: String,
}

/// A context that makes lure words less likely to be a lure (a news report, a safety warning):
/// when its patterns match, the field's score is multiplied by `factor`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DampenerSpec {
    pub id: String,
    pub patterns: Vec<Vec<String>>,
    /// Alternatives that, anywhere in the field, keep the dampener off (a fake notice addresses
    /// the reader with demands; a news report does not).
    #[serde(default)]
    pub none: Vec<String>,
    #[serde(default)]
    pub window: Option<u32>,
    pub factor: f32,
    #[serde(default)]
    pub examples: Examples,
}

/// One rules file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub version: u32,
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    #[serde(default)]
    pub combos: Vec<ComboSpec>,
    #[serde(default)]
    pub dampeners: Vec<DampenerSpec>,
}

/// The lexicon: named concepts, each a list of terms in any language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub version: u32,
    pub concepts: std::collections::BTreeMap<String, Vec<String>>,
}

/// The rule files in `$dir`, in the order they are compiled.
macro_rules! rule_files {
    ($($dir:tt)+) => {
        &[
            ("approach.json", include_str!(concat!($($dir)+, "/approach.json"))),
            ("cultivate.json", include_str!(concat!($($dir)+, "/cultivate.json"))),
            ("probe_extract.json", include_str!(concat!($($dir)+, "/probe_extract.json"))),
            ("delivery.json", include_str!(concat!($($dir)+, "/delivery.json"))),
            ("outgoing.json", include_str!(concat!($($dir)+, "/outgoing.json"))),
            ("meta.json", include_str!(concat!($($dir)+, "/meta.json"))),
        ]
    };
}

/// The built-in rule files as compiled in: `build.rs` leaves out whitespace and the rules'
/// `examples`, which only tests read ([`RULE_SOURCES`]).
pub const BUILTIN_RULE_FILES: &[(&str, &str)] = rule_files!(env!("OUT_DIR"), "/rules");

/// The rule files as written, with their examples.
pub const RULE_SOURCES: &[(&str, &str)] = rule_files!("rules");

/// The built-in lexicon (without whitespace).
pub const BUILTIN_LEXICON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules/lexicon.json"));

/// Turns JSON text into a value. Natively it is serde_json's parser ([`parse_json`]); the WASM
/// binding passes the browser's `JSON.parse`, which keeps serde_json's text parser (14 KB of
/// the gzipped WASM engine) out of that build.
pub type ParseJson = fn(&str) -> Result<Value, String>;

/// serde_json's text parser: the native [`ParseJson`].
pub fn parse_json(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Parse `text`, a built-in file called `name`, into `T`.
fn builtin<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
    parse: ParseJson,
) -> Result<T, Error> {
    let value = parse(text).map_err(|e| Error::rules(name, e))?;
    serde_json::from_value(value).map_err(|e| Error::rules(name, e.to_string()))
}

/// Parse the built-in lexicon.
pub fn builtin_lexicon() -> Result<Lexicon, Error> {
    builtin_lexicon_with(parse_json)
}

/// Parse the built-in lexicon with `parse`.
pub fn builtin_lexicon_with(parse: ParseJson) -> Result<Lexicon, Error> {
    builtin("lexicon.json", BUILTIN_LEXICON, parse)
}

/// Parse every built-in rule file into one (their examples left out).
pub fn builtin_rules() -> Result<RuleFile, Error> {
    builtin_rules_with(parse_json)
}

/// Parse every built-in rule file into one, with `parse`.
pub fn builtin_rules_with(parse: ParseJson) -> Result<RuleFile, Error> {
    rule_files(BUILTIN_RULE_FILES, parse)
}

/// Parse the rule files as written, with their examples (for tests and lints).
pub fn source_rules() -> Result<RuleFile, Error> {
    rule_files(RULE_SOURCES, parse_json)
}

fn rule_files(files: &[(&str, &str)], parse: ParseJson) -> Result<RuleFile, Error> {
    let mut all = RuleFile {
        version: 1,
        ..RuleFile::default()
    };
    for (name, text) in files {
        let file: RuleFile = builtin(name, text, parse)?;
        all.rules.extend(file.rules);
        all.combos.extend(file.combos);
        all.dampeners.extend(file.dampeners);
    }
    Ok(all)
}

/// Check what serde cannot: a known family, a consistent stage, a sane weight and patterns.
pub fn validate_rule(rule: &RuleSpec) -> Result<(), String> {
    let Some(stage) = family::stage_of(&rule.family) else {
        return Err(format!(
            "rule {}: unknown family {:?}",
            rule.id, rule.family
        ));
    };
    if let Some(s) = &rule.stage {
        if s != stage.as_str() {
            return Err(format!(
                "rule {}: stage {s:?} is not the stage of family {} ({})",
                rule.id,
                rule.family,
                stage.as_str()
            ));
        }
    }
    if rule.id.trim().is_empty() || rule.key.trim().is_empty() {
        return Err(format!("rule {:?}: id and key must not be empty", rule.id));
    }
    if rule.weight > 100 {
        return Err(format!("rule {}: weight must be 0–100", rule.id));
    }
    if rule.patterns.is_empty() || rule.patterns.iter().any(|c| c.is_empty()) {
        return Err(format!(
            "rule {}: patterns must be a non-empty list of non-empty clauses",
            rule.id
        ));
    }
    if !matches!(rule.lang.as_str(), "zh" | "en" | "any") {
        return Err(format!("rule {}: lang must be zh, en or any", rule.id));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards `build.rs`'s compaction: the compiled-in rules are the source files' rules,
    /// combos and dampeners, less only their examples; the lexicon is the source lexicon.
    #[test]
    fn compiled_in_rules_are_the_sources_without_examples() {
        let mut source = source_rules().unwrap();
        assert!(source
            .rules
            .iter()
            .all(|r| !r.examples.must_match.is_empty()));
        for r in &mut source.rules {
            r.examples = Examples::default();
        }
        for d in &mut source.dampeners {
            d.examples = Examples::default();
        }
        let built = builtin_rules().unwrap();
        assert_eq!(format!("{:?}", built.rules), format!("{:?}", source.rules));
        assert_eq!(
            format!("{:?}", built.combos),
            format!("{:?}", source.combos)
        );
        assert_eq!(
            format!("{:?}", built.dampeners),
            format!("{:?}", source.dampeners)
        );
        let text: Lexicon = serde_json::from_str(include_str!("rules/lexicon.json")).unwrap();
        assert_eq!(text.concepts, builtin_lexicon().unwrap().concepts);
        assert!(BUILTIN_RULE_FILES.iter().all(|(_, t)| !t.contains("\n")));
    }
}
