//! What the engine returns: the `../shared/CLI.md` output shape.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};
use serde_json::Value;

/// A rule id or an explanation key: a literal, or shared with the compiled rule it names, so
/// that a hint's names cost no allocation.
#[derive(Clone)]
pub enum Name {
    Static(&'static str),
    Shared(Arc<str>),
}

impl Name {
    pub fn as_str(&self) -> &str {
        match self {
            Name::Static(s) => s,
            Name::Shared(s) => s,
        }
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for Name {
    fn from(s: &'static str) -> Self {
        Name::Static(s)
    }
}

impl From<String> for Name {
    fn from(s: String) -> Self {
        Name::Shared(s.into())
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Name {}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// How strongly the extension warns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    None,
    Low,
    Medium,
    High,
}

impl Level {
    /// Score thresholds: `low` from 15, `medium` from 40, `high` from 70.
    pub fn from_score(score: u8) -> Level {
        match score {
            70.. => Level::High,
            40.. => Level::Medium,
            15.. => Level::Low,
            _ => Level::None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "none" => Some(Level::None),
            "low" => Some(Level::Low),
            "medium" => Some(Level::Medium),
            "high" => Some(Level::High),
            _ => None,
        }
    }
}

/// The kind of record a verdict is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Link,
    Message,
    Thread,
    Email,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Link => "link",
            Kind::Message => "message",
            Kind::Thread => "thread",
            Kind::Email => "email",
        }
    }
}

/// Where a hint's evidence sits: `start..end` in UTF-16 code units of the named field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// `text`, `url`, `subject`, `from`, `links[2].href`, `attachments[0]` …
    pub field: Name,
    pub start: u32,
    pub end: u32,
    /// The matched source text (or, for derived evidence such as a look-alike's target, the
    /// words that explain it).
    pub text: String,
    /// For threads: the 0-based index of the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<usize>,
}

impl Evidence {
    /// Derived evidence naming what a look-alike or a claim imitates (`paypal.com`); it points
    /// into no field.
    pub fn target(text: &str) -> Evidence {
        Evidence {
            field: "target".into(),
            start: 0,
            end: 0,
            text: text.to_string(),
            message: None,
        }
    }
}

/// One matched pattern.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hint {
    pub rule: Name,
    pub family: &'static str,
    pub stage: &'static str,
    pub score: u8,
    pub evidence: Vec<Evidence>,
    /// Explanation message key (the words live in the extension's `_locales/` and the demo).
    pub key: Name,
}

/// The verdict on one record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub id: Value,
    pub kind: Kind,
    pub score: u8,
    pub level: Level,
    pub hints: Vec<Hint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stages: Option<Vec<&'static str>>,
    /// For threads: the first message index at which the thread reached `medium`, or null.
    #[serde(skip_serializing_if = "is_not_thread")]
    pub alert_at: Option<Option<usize>>,
}

fn is_not_thread(v: &Option<Option<usize>>) -> bool {
    v.is_none()
}

impl Verdict {
    /// Does any hint belong to `family`?
    pub fn has_family(&self, family: &str) -> bool {
        self.hints.iter().any(|h| h.family == family)
    }

    /// Does any hint come from rule `id`?
    pub fn has_rule(&self, id: &str) -> bool {
        self.hints.iter().any(|h| h.rule == id)
    }
}
