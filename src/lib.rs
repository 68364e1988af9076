//! LureLens scores chat, forum and email text and links against the social-engineering lures
//! documented in public counter-espionage cases, in Simplified Chinese and English.
//!
//! # Overview
//!
//! An [`Engine`] is built once from a [`Policy`] (the organisation's protected domains, brands
//! and keywords, allow list, disabled and extra rules, sensitivity) and then scores records: a
//! link, a message (incoming, or outgoing text the user is about to send), a thread, or an
//! email. Every verdict has a 0–100 score, a level (`none`, `low`, `medium`, `high`) and hints:
//! which rule matched, its family and stage, its points, the evidence as UTF-16 spans into the
//! named field (what JavaScript counts), and an explanation key.
//!
//! The record and verdict shapes are the command-line scanner's JSON Lines contract
//! (`../shared/CLI.md`); `docs/engine-api.md` lists families, stages, link rule ids and the
//! policy shape. The crate has no browser types: `src/wasm.rs` is the only binding module.
//!
//! # Examples
//!
//! ```
//! use lurelens::{Engine, Policy, Level};
//! use serde_json::json;
//!
//! let engine = Engine::new(Policy::default()).unwrap();
//! let v = engine.score_value(&json!({
//!     "text": "资料收到了，给你转了2000元。你们单位的内部图纸能不能再发我一份？别告诉别人"
//! }));
//! assert_eq!(v["level"], "high");
//!
//! let link = engine.score_value(&json!({"url": "https://paypa1.com/signin"}));
//! assert!(link["hints"].as_array().unwrap().iter().any(|h| h["rule"] == "link.skeleton_match"));
//! ```
//!
//! # How text is matched and scored
//!
//! Text is normalised first ([`normalize`]): NFKD compatibility folding (full-width letters),
//! accents, case, zero-width and bidi characters, Cyrillic/Greek look-alike letters, doubled
//! letters, and symbols or spaces inserted between CJK characters. Rules are data
//! (`src/rules/*.json`): each is a list of clauses over concepts from a bilingual lexicon
//! (`src/rules/lexicon.json`) that must all match within a window of characters, so a rule
//! matches meaning (an ask, near a sensitivity marker, near a kind of data) rather than one
//! sentence. All terms of all rules are compiled into one Aho-Corasick automaton (a double-array
//! automaton over characters, from the daachorse crate).
//!
//! Scoring is additive, in SpamAssassin's manner ([`score`]): each hint adds its weight; within
//! a family the strongest counts fully and the rest at a quarter (a half for independent link and
//! attachment signals); meta-rules add a bonus for dangerous combinations (a gift and a probe, a
//! request and a reward, a request and a plea for secrecy); a news-report or training context damps its hints, which then add at most 30 points
//! together (a report quoting a whole case history stays `low`);
//! the policy's sensitivity scales it. `low` starts at 15, `medium` at 40, `high` at 70. A thread
//! accumulates each contact's hints in order and adds a trajectory bonus when a contact who
//! approached or cultivated later probes or extracts; the user's own messages only get the
//! outgoing check, which weighs 1.5 times once a contact has reached probe or extract.
//!
//! # Untrusted input
//!
//! Every input is untrusted. Nothing panics on any input; a record that is not valid gets an
//! error line, a URL that does not parse gets the `link.malformed` hint, and a bad policy an
//! [`Error`] naming the key. Work is linear in the input and capped ([`limits`]): 64 KiB per
//! text field, 8 KiB per URL, 500 messages per thread, 200 links and attachments per email,
//! 50 URLs per text field. `re:` patterns in a policy's extra rules use the regex-lite crate (no
//! backtracking: O(pattern × text) time) with a size limit.
//!
//! # Performance
//!
//! [`Engine::new`] compiles everything once (rules, lexicon, 15,000 popular domains' skeletons);
//! scoring then allocates little for text that matches nothing. `cargo bench` measures message
//! throughput (MB/s on mixed zh/en chat), URLs per second and `Engine::new` time; the README
//! gives the figures.

pub mod decompose;
mod decompose_tables;
pub mod email;
mod engine;
mod error;
pub mod eval;
pub mod family;
pub mod limits;
pub mod link;
mod lure;
mod matcher;
pub mod normalize;
mod policy;
mod record;
pub mod rules;
pub mod score;
mod verdict;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use engine::{Engine, Outcome};
pub use error::{Error, ErrorKind};
pub use policy::{Interstitial, Policy, POLICY_KEYS};
pub use record::{Email, Record, ThreadMessage};
pub use rules::Direction;
pub use score::Sensitivity;
pub use verdict::{Evidence, Hint, Kind, Level, Name, Verdict};
