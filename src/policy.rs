//! The policy: one JSON shape for the engine, the CLI's `--policy`, and the extension's managed
//! storage (see `docs/engine-api.md`).
//!
//! Parsing is key by key, so an error names the key. [`Policy::from_json`] is strict (the first
//! bad key is an error); [`Policy::lenient`] keeps every valid key, drops each invalid one and
//! reports it, which is what an extension applying a managed policy needs.

use serde_json::{Map, Value};

use crate::error::Error;
use crate::rules::{validate_rule, RuleSpec};
use crate::score::Sensitivity;

/// What happens on a click on a `high` link.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Interstitial {
    #[default]
    Warn,
    Block,
}

/// An organisation's (or a user's) configuration. Every field has a default.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The organisation's own domains: look-alikes of these are `high`.
    pub protected_domains: Vec<String>,
    /// Brand names (lower-case): combo-squatting and look-alike checks use them.
    pub brands: Vec<String>,
    /// Protected project code names and keywords: the outgoing check flags them.
    pub keywords: Vec<String>,
    /// Domains that are never flagged as look-alikes (registrable domains or hosts).
    pub allow: Vec<String>,
    /// Rule ids (or family names) switched off.
    pub disabled_rules: Vec<String>,
    /// Extra rules in the rule format.
    pub extra_rules: Vec<RuleSpec>,
    pub sensitivity: Sensitivity,
    /// Extension only: show `low` hints.
    pub show_low: bool,
    /// Extension only: where the "report" action goes (`https:` or `mailto:`).
    pub report: Option<String>,
    /// Extension only: interstitial mode.
    pub interstitial: Interstitial,
    /// Extension only: keys staff may not change.
    pub locked: Vec<String>,
}

/// Every key a policy may have, in the order they are documented.
pub const POLICY_KEYS: &[&str] = &[
    "protected_domains",
    "brands",
    "keywords",
    "allow",
    "disabled_rules",
    "extra_rules",
    "sensitivity",
    "show_low",
    "report",
    "interstitial",
    "locked",
];

/// At most this many entries per list (a policy is configuration, not a data dump).
const MAX_LIST: usize = 10_000;

impl Policy {
    /// Parse a policy from JSON text; an empty string is the default policy.
    pub fn from_json(text: &str) -> Result<Policy, Error> {
        if text.trim().is_empty() {
            return Ok(Policy::default());
        }
        let value: Value = serde_json::from_str(text)
            .map_err(|e| Error::policy("(document)", format!("not valid JSON: {e}")))?;
        Policy::from_value(&value)
    }

    /// Parse a policy from a JSON value, failing on the first bad key.
    pub fn from_value(value: &Value) -> Result<Policy, Error> {
        let (policy, mut errors) = Policy::lenient(value);
        match errors.is_empty() {
            true => Ok(policy),
            false => Err(errors.swap_remove(0)),
        }
    }

    /// Parse what can be parsed: each invalid or unknown key is dropped (its default stays in
    /// force) and reported.
    pub fn lenient(value: &Value) -> (Policy, Vec<Error>) {
        let mut policy = Policy::default();
        let mut errors = Vec::new();
        let Some(obj) = value.as_object() else {
            errors.push(Error::policy(
                "(document)",
                "a policy must be a JSON object",
            ));
            return (policy, errors);
        };
        for (key, v) in obj {
            if key == "extra_rules" {
                // Rule by rule: one bad rule must not take the organisation's others with it.
                let (rules, bad) = extra_rules(v);
                policy.extra_rules = rules;
                errors.extend(bad);
            } else if let Err(e) = policy.set(key, v) {
                errors.push(e);
            }
        }
        (policy, errors)
    }

    /// Set one key from a JSON value, validating it.
    pub fn set(&mut self, key: &str, v: &Value) -> Result<(), Error> {
        let bad = |m: String| Error::policy(key, m);
        match key {
            "protected_domains" => self.protected_domains = domains(v).map_err(bad)?,
            "allow" => self.allow = domains(v).map_err(bad)?,
            "brands" => {
                self.brands = strings(v)
                    .map_err(bad)?
                    .into_iter()
                    .map(|b| b.to_lowercase())
                    .collect()
            }
            "keywords" => self.keywords = strings(v).map_err(bad)?,
            "disabled_rules" => self.disabled_rules = strings(v).map_err(bad)?,
            "locked" => {
                let keys = strings(v).map_err(bad)?;
                if let Some(k) = keys.iter().find(|k| !POLICY_KEYS.contains(&k.as_str())) {
                    return Err(bad(format!("{k:?} is not a policy key")));
                }
                self.locked = keys;
            }
            "extra_rules" => {
                let (rules, mut bad) = extra_rules(v);
                if !bad.is_empty() {
                    return Err(bad.swap_remove(0));
                }
                self.extra_rules = rules;
            }
            "sensitivity" => {
                self.sensitivity = match v.as_str() {
                    Some("low") => Sensitivity::Low,
                    Some("normal") => Sensitivity::Normal,
                    Some("high") => Sensitivity::High,
                    _ => return Err(bad("must be \"low\", \"normal\" or \"high\"".into())),
                }
            }
            "show_low" => {
                self.show_low = v
                    .as_bool()
                    .ok_or_else(|| bad("must be true or false".into()))?
            }
            "interstitial" => {
                self.interstitial = match v.as_str() {
                    Some("warn") => Interstitial::Warn,
                    Some("block") => Interstitial::Block,
                    _ => return Err(bad("must be \"warn\" or \"block\"".into())),
                }
            }
            "report" => {
                let s = v
                    .as_str()
                    .ok_or_else(|| bad("must be a string".into()))?
                    .trim();
                let ok = url::Url::parse(&crate::link::idn::ascii_url(s))
                    .map(|u| matches!(u.scheme(), "https" | "mailto"))
                    .unwrap_or(false);
                if !ok {
                    return Err(bad("must be an https: or mailto: URL".into()));
                }
                self.report = Some(s.to_string());
            }
            _ => {
                return Err(Error::policy(
                    key,
                    format!("unknown key (known keys: {})", POLICY_KEYS.join(", ")),
                ))
            }
        }
        Ok(())
    }

    /// The policy back as JSON (the extension shows it; tests round-trip it).
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert(
            "protected_domains".into(),
            self.protected_domains.clone().into(),
        );
        m.insert("brands".into(), self.brands.clone().into());
        m.insert("keywords".into(), self.keywords.clone().into());
        m.insert("allow".into(), self.allow.clone().into());
        m.insert("disabled_rules".into(), self.disabled_rules.clone().into());
        m.insert(
            "extra_rules".into(),
            Value::Array(self.extra_rules.iter().map(rule_to_value).collect()),
        );
        m.insert("sensitivity".into(), self.sensitivity.as_str().into());
        m.insert("show_low".into(), self.show_low.into());
        if let Some(r) = &self.report {
            m.insert("report".into(), r.clone().into());
        }
        let mode = match self.interstitial {
            Interstitial::Warn => "warn",
            Interstitial::Block => "block",
        };
        m.insert("interstitial".into(), mode.into());
        m.insert("locked".into(), self.locked.clone().into());
        Value::Object(m)
    }

    /// Is `rule_id` (or its family) disabled?
    pub fn is_disabled(&self, rule_id: &str, family: &str) -> bool {
        self.disabled_rules
            .iter()
            .any(|d| d == rule_id || d == family)
    }
}

fn rule_to_value(r: &RuleSpec) -> Value {
    serde_json::to_value(r).unwrap_or(Value::Null)
}

fn strings(v: &Value) -> Result<Vec<String>, String> {
    let arr = v.as_array().ok_or("must be a list of strings")?;
    if arr.len() > MAX_LIST {
        return Err(format!("has more than {MAX_LIST} entries"));
    }
    let mut out = Vec::with_capacity(arr.len());
    for (i, item) in arr.iter().enumerate() {
        let s = item
            .as_str()
            .ok_or_else(|| format!("entry {i} is not a string"))?
            .trim();
        if s.is_empty() {
            return Err(format!("entry {i} is empty"));
        }
        out.push(s.to_string());
    }
    Ok(out)
}

/// Domains are stored lower-case and in ASCII (punycode) form, without a leading `*.` or `.`.
fn domains(v: &Value) -> Result<Vec<String>, String> {
    strings(v)?
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let d = d.trim_start_matches("*.").trim_start_matches('.');
            match crate::link::idn::parse_host(d) {
                Some(url::Host::Domain(ascii)) if ascii.contains('.') => Ok(ascii),
                _ => Err(format!("entry {i} ({d:?}) is not a domain name")),
            }
        })
        .collect()
}

/// The rules that parse and validate, and an error (keyed `extra_rules[i]`) for each that does not.
fn extra_rules(v: &Value) -> (Vec<RuleSpec>, Vec<Error>) {
    let Some(arr) = v.as_array() else {
        return (
            Vec::new(),
            vec![Error::policy("extra_rules", "must be a list of rules")],
        );
    };
    let mut rules = Vec::with_capacity(arr.len());
    let mut errors = Vec::new();
    for (i, item) in arr.iter().enumerate() {
        let key = format!("extra_rules[{i}]");
        let rule = serde_json::from_value::<RuleSpec>(item.clone())
            .map_err(|e| e.to_string())
            .and_then(|rule| validate_rule(&rule).map(|()| rule));
        match rule {
            Ok(rule) => rules.push(rule),
            Err(m) => errors.push(Error::policy(&key, m)),
        }
    }
    (rules, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn errors_name_the_key() {
        let e = Policy::from_json(r#"{"sensitivity": "loud"}"#).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Policy);
        assert_eq!(e.key(), Some("sensitivity"));
        let e = Policy::from_json(r#"{"protected_domains": ["ok.cn", 7]}"#).unwrap_err();
        assert_eq!(e.key(), Some("protected_domains"));
        let e = Policy::from_json(r#"{"colour": "red"}"#).unwrap_err();
        assert_eq!(e.key(), Some("colour"));
        let e = Policy::from_json(r#"{"extra_rules": [{"id": "x"}]}"#).unwrap_err();
        assert_eq!(e.key(), Some("extra_rules[0]"));
        let e = Policy::from_json("{not json").unwrap_err();
        assert_eq!(e.key(), Some("(document)"));
    }

    #[test]
    fn lenient_keeps_good_keys_and_reports_bad_ones() {
        let v: Value = serde_json::from_str(
            r#"{"keywords": ["天河"], "sensitivity": 3, "allow": ["Partner.Example.com"]}"#,
        )
        .unwrap();
        let (p, errs) = Policy::lenient(&v);
        assert_eq!(p.keywords, vec!["天河"]);
        assert_eq!(p.allow, vec!["partner.example.com"]);
        assert_eq!(p.sensitivity, Sensitivity::Normal);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].key(), Some("sensitivity"));
    }

    #[test]
    fn domains_become_ascii() {
        let p = Policy::from_json(r#"{"protected_domains": ["*.例子.中国", "Corp.CN"]}"#).unwrap();
        assert_eq!(
            p.protected_domains,
            vec!["xn--fsqu00a.xn--fiqs8s", "corp.cn"]
        );
    }

    #[test]
    fn round_trips_through_json() {
        let text = r#"{"keywords": ["Falcon"], "sensitivity": "high", "show_low": true,
                      "report": "mailto:sec@example.com", "interstitial": "block",
                      "locked": ["sensitivity"]}"#;
        let p = Policy::from_json(text).unwrap();
        let again = Policy::from_value(&p.to_value()).unwrap();
        assert_eq!(again.to_value(), p.to_value());
    }
}
