//! The engine: compiled rules, link tables and policy, and the scoring of each record kind.

use std::collections::HashMap;

use serde_json::Value;

use crate::email;
use crate::error::Error;
use crate::family::{self, Stage};
use crate::limits;
use crate::link::{extract, LinkIndex, LinkScorer, Place};
use crate::lure::{FieldScan, LureSet, RuleSource};
use crate::policy::Policy;
use crate::record::{Email, Record, ThreadMessage};
use crate::rules::{self, Direction, ParseJson, RuleSpec};
use crate::score::{self, Combo};
use crate::verdict::{Hint, Kind, Level, Verdict};

/// Evidence spans kept per hint (a thread can repeat a cue many times).
const MAX_EVIDENCE: usize = 8;

/// What scoring one input record gives.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Outcome {
    Verdict(Verdict),
    Error { id: Value, error: String },
}

/// Built once (`Engine::new`), then scores any number of records; `Send + Sync`.
pub struct Engine {
    lures: LureSet,
    combos: Vec<Combo>,
    links: LinkScorer,
    policy: Policy,
}

impl Engine {
    /// Compile the built-in rules, the policy's extra rules and keywords, and the link tables.
    pub fn new(policy: Policy) -> Result<Engine, Error> {
        Engine::with_json_parser(policy, rules::parse_json)
    }

    /// [`Engine::new`], reading the built-in rule files with `parse` (the WASM binding's is
    /// the browser's `JSON.parse`).
    pub fn with_json_parser(policy: Policy, parse: ParseJson) -> Result<Engine, Error> {
        let lexicon = rules::builtin_lexicon_with(parse)?;
        let builtin = rules::builtin_rules_with(parse)?;
        // A misspelt entry would silently switch nothing off: refuse it, naming it.
        if let Some(d) = policy
            .disabled_rules
            .iter()
            .find(|d| !names_rule_or_family(d, &builtin, &policy))
        {
            return Err(Error::policy(
                "disabled_rules",
                format!("{d:?} is not a rule id or family name"),
            ));
        }
        let keyword_rules = keyword_rules(&policy.keywords);
        let mut sources: Vec<RuleSource<'_>> = builtin
            .rules
            .iter()
            .map(|spec| RuleSource {
                spec,
                origin: format!("built-in {}", spec.id),
            })
            .collect();
        sources.extend(keyword_rules.iter().map(|spec| RuleSource {
            spec,
            origin: "keywords".into(),
        }));
        sources.extend(
            policy
                .extra_rules
                .iter()
                .enumerate()
                .map(|(i, spec)| RuleSource {
                    spec,
                    origin: format!("extra_rules[{i}]"),
                }),
        );
        let lures = LureSet::build(&lexicon, &sources, &builtin.dampeners).map_err(|e| {
            // Errors in the policy's own rules name the policy key.
            match e.key() {
                Some(k) if k.starts_with("extra_rules") || k == "keywords" => {
                    Error::policy(k, e.message())
                }
                _ => e,
            }
        })?;
        let combos = builtin
            .combos
            .iter()
            .map(|c| {
                let families = c
                    .families
                    .iter()
                    .map(|f| {
                        family::intern(f)
                            .ok_or_else(|| Error::rules(&c.id, format!("unknown family {f:?}")))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Combo {
                    id: c.id.clone().into(),
                    families,
                    bonus: c.bonus,
                    key: c.key.clone().into(),
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let links = LinkScorer::new(LinkIndex::new(&policy));
        Ok(Engine {
            lures,
            combos,
            links,
            policy,
        })
    }

    /// An engine from policy JSON text (empty for the defaults).
    pub fn from_policy_json(text: &str) -> Result<Engine, Error> {
        Engine::new(Policy::from_json(text)?)
    }

    /// An engine from whatever `value` holds that is usable, and an error for each part that
    /// is not: invalid keys and extra rules are dropped by [`Policy::lenient`], and an extra
    /// rule or keyword list the rule compiler refuses is dropped here. The defaults stay in
    /// force for what was dropped, so a managed policy with one mistake still protects.
    pub fn lenient(value: &Value) -> Result<(Engine, Vec<Error>), Error> {
        Engine::lenient_with_json_parser(value, rules::parse_json)
    }

    /// [`Engine::lenient`], reading the built-in rule files with `parse`.
    pub fn lenient_with_json_parser(
        value: &Value,
        parse: ParseJson,
    ) -> Result<(Engine, Vec<Error>), Error> {
        let (mut policy, mut errors) = Policy::lenient(value);
        loop {
            let err = match Engine::with_json_parser(policy.clone(), parse) {
                Ok(engine) => return Ok((engine, errors)),
                Err(err) => err,
            };
            // Each pass removes something, so this ends; an error in the built-in rules
            // (which the test suite rules out) is returned as it is.
            match err.key() {
                Some("keywords") => policy.keywords.clear(),
                Some("disabled_rules") => {
                    let builtin = rules::builtin_rules_with(parse)?;
                    let known = policy.clone();
                    policy
                        .disabled_rules
                        .retain(|d| names_rule_or_family(d, &builtin, &known));
                }
                Some(k) if k.starts_with("extra_rules[") => {
                    let i = k["extra_rules[".len()..k.len() - 1].parse::<usize>();
                    let Some(rule) = i.ok().filter(|&i| i < policy.extra_rules.len()) else {
                        return Err(err);
                    };
                    let rule = policy.extra_rules.remove(rule);
                    // Report the rule's place in the policy as written, not in the kept list.
                    let written = value["extra_rules"]
                        .as_array()
                        .and_then(|a| a.iter().position(|r| r["id"] == rule.id.as_str()));
                    let key = written.map_or(k.to_string(), |i| format!("extra_rules[{i}]"));
                    errors.push(Error::policy(&key, err.message()));
                    continue;
                }
                _ => return Err(err),
            }
            errors.push(err);
        }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Score one JSON record (CLI input shape) into its outcome: a verdict, or an error line for
    /// a record that is not valid.
    pub fn score_record(&self, v: &Value) -> Outcome {
        match Record::from_value(v) {
            Ok((id, rec)) => Outcome::Verdict(self.score(id, &rec)),
            Err((id, e)) => Outcome::Error {
                id,
                error: e.to_string(),
            },
        }
    }

    /// [`Engine::score_record`] as a JSON value (CLI output shape).
    pub fn score_value(&self, v: &Value) -> Value {
        serde_json::to_value(self.score_record(v)).unwrap_or(Value::Null)
    }

    /// Score one line of JSON Lines input into one line of output (no newline), keys in the
    /// documented order.
    pub fn score_line(&self, line: &str) -> String {
        let outcome = match serde_json::from_str::<Value>(line) {
            Ok(v) => self.score_record(&v),
            Err(e) => Outcome::Error {
                id: Value::Null,
                error: format!("not valid JSON: {e}"),
            },
        };
        serde_json::to_string(&outcome)
            .unwrap_or_else(|_| r#"{"id":null,"error":"cannot serialise"}"#.into())
    }

    /// Score a record.
    pub fn score(&self, id: Value, record: &Record) -> Verdict {
        match record {
            Record::Link { url, text } => self.score_link(id, url, text.as_deref()),
            Record::Message {
                text, direction, ..
            } => self.score_message(id, text, *direction),
            Record::Thread { messages, self_id } => {
                self.score_thread(id, messages, self_id.as_deref())
            }
            Record::Email(e) => self.score_email(id, e),
        }
    }

    fn score_link(&self, id: Value, url: &str, text: Option<&str>) -> Verdict {
        let mut tally = Tally::default();
        tally.add(self.links.score(url, text, Place::LINK), false);
        self.finish(id, Kind::Link, tally)
    }

    fn score_message(&self, id: Value, text: &str, direction: Direction) -> Verdict {
        let mut tally = Tally::default();
        self.scan_text(&mut tally, "text", text, direction, None);
        self.finish(id, Kind::Message, tally)
    }

    fn score_email(&self, id: Value, e: &Email) -> Verdict {
        let mut tally = Tally::default();
        tally.add(email::sender_hints(&self.links, &e.from), false);
        // A report in the subject (a newsletter, an IT warning) frames the body too.
        let subject = self
            .lures
            .scan_field("subject", &e.subject, Direction::Incoming);
        let body = self.lures.scan_field("text", &e.text, Direction::Incoming);
        let damp = subject.damp.min(body.damp);
        self.add_text_hints(&mut tally, subject.hints, damp, "subject", &e.subject, None);
        self.add_text_hints(&mut tally, body.hints, damp, "text", &e.text, None);
        for (i, (href, text)) in e.links.iter().take(limits::MAX_EMAIL_LINKS).enumerate() {
            let (uf, tf) = (format!("links[{i}].href"), format!("links[{i}].text"));
            let place = Place {
                url_field: &uf,
                url_base: 0,
                text_field: &tf,
            };
            let shown = (!text.trim().is_empty()).then_some(text.as_str());
            tally.add(self.links.score(href, shown, place), false);
        }
        let gives_password = tally
            .hints
            .iter()
            .any(|h| h.rule == "attachment.archive_password");
        tally.add(
            email::attachment_hints(&self.links.index, &e.attachments, gives_password),
            false,
        );
        self.finish(id, Kind::Email, tally)
    }

    /// A conversation: each contact's hints accumulate in order; the user's own messages get the
    /// outgoing check only, and it weighs more once a contact has reached probe or extract.
    fn score_thread(
        &self,
        id: Value,
        messages: &[ThreadMessage],
        self_id: Option<&str>,
    ) -> Verdict {
        let skip = messages.len().saturating_sub(limits::MAX_THREAD_MESSAGES);
        let mut contacts: HashMap<&str, Contact> = HashMap::new();
        let mut own = Tally::default();
        let mut alert_at = None;
        let mut stages: Vec<Stage> = Vec::new();
        let mut best: (u8, Level) = (0, Level::None);
        for (i, m) in messages.iter().enumerate().skip(skip) {
            let is_self = self_id.is_some_and(|s| s == m.from);
            if is_self {
                self.scan_text(&mut own, "text", &m.text, Direction::Outgoing, Some(i));
            } else {
                let c = contacts.entry(m.from.as_str()).or_default();
                let groomed = c.has_stage(&[Stage::Approach, Stage::Cultivate]);
                self.scan_text(&mut c.tally, "text", &m.text, Direction::Incoming, Some(i));
                // The trajectory: approach or cultivation earlier, then asking about the work or
                // for data (secrecy or money alone do not complete it).
                if groomed && c.has_family(&["probe_work", "request_data"]) {
                    c.trajectory = true;
                }
            }
            // New stages in order of first appearance; within one message, in ploy order.
            let mut new: Vec<Stage> = own
                .hints
                .iter()
                .chain(contacts.values().flat_map(|c| c.tally.hints.iter()))
                .filter_map(|h| family::stage_of(h.family))
                .filter(|s| !stages.contains(s))
                .collect();
            new.sort();
            new.dedup();
            stages.extend(new);
            let contact_best = contacts
                .values()
                .map(|c| self.tally_score(&c.tally, c.trajectory))
                .max()
                .unwrap_or((0, Level::None));
            let probed = contacts
                .values()
                .any(|c| c.has_stage(&[Stage::Probe, Stage::Extract]));
            let own_score = self.tally_score(&own, false);
            let own_score = if probed && own_score.0 > 0 {
                let boosted = (own_score.0 as f32 * 1.5).min(100.0) as u8;
                (boosted, Level::from_score(boosted))
            } else {
                own_score
            };
            best = best.max(contact_best.max(own_score));
            if alert_at.is_none() && best.1 >= Level::Medium {
                alert_at = Some(i);
            }
        }
        // The verdict's hints: every contact's and the user's own, merged by rule.
        let mut all = Tally::default();
        let mut trajectory = false;
        for c in contacts.into_values() {
            trajectory |= c.trajectory;
            all.absorb(c.tally);
        }
        all.absorb(own);
        let combos = self.combo_hints(&all);
        let (mut hints, _) = self.visible(all.hints, &all.eligible);
        hints.extend(combos);
        if trajectory {
            hints.push(trajectory_hint());
        }
        Verdict {
            id,
            kind: Kind::Thread,
            score: best.0,
            level: best.1,
            hints,
            stages: Some(score::stages_in_order(stages)),
            alert_at: Some(alert_at),
        }
    }

    /// Lure rules on one text field, plus the URLs found in it (incoming text only).
    fn scan_text(
        &self,
        tally: &mut Tally,
        field: &'static str,
        text: &str,
        direction: Direction,
        message: Option<usize>,
    ) {
        if text.is_empty() {
            return;
        }
        let FieldScan { hints, damp } = self.lures.scan_field(field, text, direction);
        let text = if direction == Direction::Incoming {
            text
        } else {
            ""
        };
        self.add_text_hints(tally, hints, damp, field, text, message);
    }

    /// Add a field's lure hints and the hints of the URLs and disguised file names in `text`,
    /// dampened by `damp`.
    fn add_text_hints(
        &self,
        tally: &mut Tally,
        mut hints: Vec<Hint>,
        damp: f32,
        field: &str,
        text: &str,
        message: Option<usize>,
    ) {
        let capped = limits::cap_field(text);
        // Where a URL or file name found at byte `s` of the text sits, for its evidence.
        let place = |utf16: &mut limits::Utf16Cursor<'_>, s: usize| Place {
            url_field: field,
            url_base: utf16.offset(s),
            text_field: field,
        };
        let mut utf16 = limits::Utf16Cursor::new(capped);
        for (s, e) in extract::find_urls(capped) {
            let at = place(&mut utf16, s);
            hints.extend(self.links.score(&capped[s..e], None, at));
        }
        let mut utf16 = limits::Utf16Cursor::new(capped);
        for (s, e) in extract::find_file_names(capped) {
            let at = place(&mut utf16, s);
            hints.extend(self.links.score_file_name(&capped[s..e], at));
        }
        for h in &mut hints {
            for ev in &mut h.evidence {
                if ev.field != "target" {
                    ev.message = message;
                }
            }
        }
        let damped = damp < 1.0;
        if damped {
            for h in &mut hints {
                h.score = (h.score as f32 * damp).round() as u8;
            }
        }
        tally.add(hints, damped);
    }

    /// Score and level of a tally, with combos (and the thread trajectory bonus).
    fn tally_score(&self, tally: &Tally, trajectory: bool) -> (u8, Level) {
        if tally.hints.is_empty() {
            return (0, Level::None);
        }
        let (hints, quoted) = self.visible(tally.hints.clone(), &tally.eligible);
        let mut bonus = self.combo_hints(tally);
        if trajectory {
            bonus.push(trajectory_hint());
        }
        score::score_and_level(&hints, &quoted, &bonus, 1.0, self.policy.sensitivity)
    }

    fn combo_hints(&self, tally: &Tally) -> Vec<Hint> {
        let eligible: Vec<&Hint> = tally
            .combo_eligible()
            .filter(|h| !self.policy.is_disabled(&h.rule, h.family))
            .collect();
        // Every combo joins two families, so it takes two hints at least.
        if eligible.len() < 2 {
            return Vec::new();
        }
        score::combo_hints(&eligible, &self.combos)
            .into_iter()
            .filter(|h| !self.policy.is_disabled(&h.rule, h.family))
            .collect()
    }

    /// Hints minus those the policy disabled, each with whether it was seen only in a quoting
    /// context (`eligible` false: it may not trigger combos, and it counts capped).
    fn visible(&self, hints: Vec<Hint>, eligible: &[bool]) -> (Vec<Hint>, Vec<bool>) {
        if self.policy.disabled_rules.is_empty() {
            return (hints, eligible.iter().map(|&e| !e).collect());
        }
        let (kept, quoted): (Vec<Hint>, Vec<bool>) = hints
            .into_iter()
            .zip(eligible)
            .filter(|(h, _)| !self.policy.is_disabled(&h.rule, h.family))
            .map(|(h, &e)| (h, !e))
            .unzip();
        (kept, quoted)
    }

    fn finish(&self, id: Value, kind: Kind, tally: Tally) -> Verdict {
        if tally.hints.is_empty() {
            // Most records: nothing to filter, combine or score.
            return Verdict {
                id,
                kind,
                score: 0,
                level: Level::None,
                hints: Vec::new(),
                stages: None,
                alert_at: None,
            };
        }
        let combos = self.combo_hints(&tally);
        let (mut hints, quoted) = self.visible(tally.hints, &tally.eligible);
        let (score, level) =
            score::score_and_level(&hints, &quoted, &combos, 1.0, self.policy.sensitivity);
        hints.extend(combos);
        Verdict {
            id,
            kind,
            score,
            level,
            hints,
            stages: None,
            alert_at: None,
        }
    }
}

/// Whether a `disabled_rules` entry names something the engine can emit: a rule (built-in,
/// extra, keyword, link, email, combo, trajectory) or a family.
fn names_rule_or_family(name: &str, builtin: &rules::RuleFile, policy: &Policy) -> bool {
    const ENGINE_MADE: &[&str] = &[
        TRAJECTORY_RULE,
        "outgoing_leak.protected_keyword",
        "probe_work.protected_keyword",
    ];
    family::intern(name).is_some()
        || ENGINE_MADE.contains(&name)
        || crate::link::SIGNALS.contains(&name)
        || email::SIGNALS.contains(&name)
        || builtin.rules.iter().any(|r| r.id == name)
        || builtin.combos.iter().any(|c| c.id == name)
        || policy.extra_rules.iter().any(|r| r.id == name)
}

/// The bonus for a contact who moved from approach/cultivation to probe/extraction.
const TRAJECTORY_BONUS: u8 = 20;
const TRAJECTORY_RULE: &str = "thread.trajectory";

fn trajectory_hint() -> Hint {
    Hint {
        rule: TRAJECTORY_RULE.into(),
        family: "combo",
        stage: "extract",
        score: TRAJECTORY_BONUS,
        evidence: Vec::new(),
        key: "thread_trajectory".into(),
    }
}

/// Rules made from the policy's protected keywords: naming one in outgoing text is a leak; a
/// contact asking about one is probing.
fn keyword_rules(keywords: &[String]) -> Vec<RuleSpec> {
    if keywords.is_empty() {
        return Vec::new();
    }
    // `=` makes each keyword a literal, whatever characters it holds.
    let literals: Vec<String> = keywords.iter().map(|k| format!("={k}")).collect();
    let spec = |id: &str, family: &str, weight, direction, patterns: Vec<Vec<String>>| RuleSpec {
        id: id.into(),
        family: family.into(),
        stage: None,
        weight,
        lang: "any".into(),
        direction,
        patterns,
        none: Vec::new(),
        window: Some(40),
        key: crate::link::key_of(id),
        examples: Default::default(),
    };
    vec![
        spec(
            "outgoing_leak.protected_keyword",
            "outgoing_leak",
            50,
            Direction::Outgoing,
            vec![literals.clone()],
        ),
        spec(
            "probe_work.protected_keyword",
            "probe_work",
            35,
            Direction::Incoming,
            vec![
                literals,
                vec!["@ask".into(), "@curious".into(), "@work_detail".into()],
            ],
        ),
    ]
}

/// Hints gathered for one record (or one thread contact), merged by rule.
#[derive(Default)]
struct Tally {
    hints: Vec<Hint>,
    /// Parallel to `hints`: was the rule seen at least once outside a dampened context (a news
    /// report quoting lure words)? Only those hints may trigger combos. Flags rather than a
    /// second list of hints, so that no hint is cloned.
    eligible: Vec<bool>,
}

impl Tally {
    fn add(&mut self, hints: Vec<Hint>, damped: bool) {
        for h in hints {
            self.merge(h, !damped);
        }
    }

    fn absorb(&mut self, other: Tally) {
        for (h, eligible) in other.hints.into_iter().zip(other.eligible) {
            self.merge(h, eligible);
        }
    }

    /// Add `h`, merging it into an existing hint of the same rule (max score, evidence appended
    /// up to a cap).
    fn merge(&mut self, h: Hint, eligible: bool) {
        match self.hints.iter().position(|x| x.rule == h.rule) {
            Some(i) => {
                let x = &mut self.hints[i];
                x.score = x.score.max(h.score);
                for ev in h.evidence {
                    if x.evidence.len() < MAX_EVIDENCE && !x.evidence.contains(&ev) {
                        x.evidence.push(ev);
                    }
                }
                self.eligible[i] |= eligible;
            }
            None => {
                self.hints.push(h);
                self.eligible.push(eligible);
            }
        }
    }

    /// The hints that may trigger combos.
    fn combo_eligible(&self) -> impl Iterator<Item = &Hint> {
        self.hints
            .iter()
            .zip(&self.eligible)
            .filter_map(|(h, &e)| e.then_some(h))
    }
}

/// A contact in a thread.
#[derive(Default)]
struct Contact {
    tally: Tally,
    trajectory: bool,
}

impl Contact {
    /// Has the contact reached one of `stages`? Only cues outside a dampened context (a news
    /// report, a safety tip) count: quoting a lure is not using one.
    fn has_stage(&self, stages: &[Stage]) -> bool {
        self.tally
            .combo_eligible()
            .filter_map(|h| family::stage_of(h.family))
            .any(|s| stages.contains(&s))
    }

    fn has_family(&self, families: &[&str]) -> bool {
        self.tally
            .combo_eligible()
            .any(|h| families.contains(&h.family))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_send_and_sync() {
        fn is<T: Send + Sync>() {}
        is::<super::Engine>();
    }

    /// Guards the managed-policy path: one bad extra rule (or bad key) must not drop the
    /// organisation's other rules and settings, and each drop names its place in the policy.
    #[test]
    fn lenient_drops_only_what_does_not_compile() {
        let rule = |id: &str, term: &str| {
            serde_json::json!({"id": id, "family": "request_data", "weight": 45,
                "patterns": [[term]], "key": "rule_request_data_classified"})
        };
        let value = serde_json::json!({
            "protected_domains": ["corp.example"],
            "sensitivity": "loud",
            "disabled_rules": ["befriend.flatery", "befriend.peer", "gift", "link.ip_host"],
            "extra_rules": [
                {"id": "acme.no_family", "family": "nope", "weight": 1, "patterns": [["x"]], "key": "k"},
                rule("acme.bad_concept", "@no_such_concept"),
                rule("acme.bluebird", "bluebird blueprints"),
            ],
        });
        let (engine, errors) = Engine::lenient(&value).unwrap();
        let keys: Vec<_> = errors.iter().filter_map(|e| e.key()).collect();
        assert_eq!(
            keys,
            [
                "extra_rules[0]",
                "sensitivity",
                "disabled_rules",
                "extra_rules[1]"
            ]
        );
        assert_eq!(
            engine.policy().disabled_rules,
            ["befriend.peer", "gift", "link.ip_host"]
        );
        assert_eq!(engine.policy().protected_domains, ["corp.example"]);
        let ids: Vec<_> = engine
            .policy()
            .extra_rules
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["acme.bluebird"]);
        let text = engine.score_line(r#"{"id":1,"text":"please send the bluebird blueprints"}"#);
        assert!(text.contains("acme.bluebird"), "{text}");
    }
}
