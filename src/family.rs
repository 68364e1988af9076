//! Lure families and the stages of the ploy they belong to (DESIGN §2).

use serde::Serialize;

/// The stage of a social-engineering ploy, in the order a handler moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Approach,
    Cultivate,
    Probe,
    Extract,
    Delivery,
    SelfExposure,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Approach => "approach",
            Stage::Cultivate => "cultivate",
            Stage::Probe => "probe",
            Stage::Extract => "extract",
            Stage::Delivery => "delivery",
            Stage::SelfExposure => "self-exposure",
        }
    }
}

/// Every family a hint can belong to, with its stage. One table, so a family's stage is never
/// written twice.
pub const FAMILIES: &[(&str, Stage)] = &[
    ("befriend", Stage::Approach),
    ("overseas", Stage::Approach),
    ("gift", Stage::Cultivate),
    ("ideology", Stage::Cultivate),
    ("social", Stage::Cultivate),
    ("probe_work", Stage::Probe),
    ("request_data", Stage::Extract),
    ("reward", Stage::Extract),
    ("secrecy", Stage::Extract),
    ("impersonation", Stage::Delivery),
    ("attachment", Stage::Delivery),
    ("credential_link", Stage::Delivery),
    ("outgoing_leak", Stage::SelfExposure),
];

/// The stage of a family, or `None` for an unknown family name.
pub fn stage_of(family: &str) -> Option<Stage> {
    FAMILIES.iter().find(|(f, _)| *f == family).map(|(_, s)| *s)
}

/// The canonical `&'static str` for a family name, so hints need no allocation.
pub fn intern(family: &str) -> Option<&'static str> {
    FAMILIES.iter().find(|(f, _)| *f == family).map(|(f, _)| *f)
}
