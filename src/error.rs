//! The engine's one error type.

use std::fmt;

/// What went wrong, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The policy is not valid JSON, or a key in it is unknown or has a bad value.
    Policy,
    /// A rule (built-in or from a policy) is malformed or does not compile.
    Rule,
    /// A record handed to the scanner is not valid JSON or not a known record kind.
    Record,
}

/// An error from building an engine or reading a record. Opaque: use the accessors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    key: Option<String>,
    message: String,
}

impl Error {
    pub(crate) fn policy(key: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Policy,
            key: Some(key.into()),
            message: message.into(),
        }
    }

    pub(crate) fn rules(where_: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Rule,
            key: Some(where_.into()),
            message: message.into(),
        }
    }

    pub(crate) fn record(message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Record,
            key: None,
            message: message.into(),
        }
    }

    /// The broad kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The policy key (such as `sensitivity` or `extra_rules[2].patterns`) or rule file the error
    /// is about, when there is one.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// What is wrong, without the key.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.kind, &self.key) {
            (ErrorKind::Policy, Some(k)) => write!(f, "policy key `{k}`: {}", self.message),
            (ErrorKind::Rule, Some(k)) => write!(f, "rule {k}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
