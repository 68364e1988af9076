//! Bad input never panics and evidence always points at the text it quotes.
//!
//! Inputs are generated from a fixed seed (so a failure reproduces) and mix the things that
//! break text code: surrogate pairs, combining marks, bidi and zero-width characters, CJK, long
//! runs of trigger words, and URLs cut in odd places.

use lurelens::{Engine, Policy};
use serde_json::{json, Value};

/// A small deterministic generator (xorshift), enough to vary inputs without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "内部",
    "资料",
    "发我",
    "涉密",
    "图纸",
    "报酬",
    "删",
    "聊天记录",
    "send me",
    "internal",
    "classified",
    "drawings",
    "pay",
    "delete this chat",
    "😀",
    "\u{200b}",
    "\u{202e}",
    "e\u{301}",
    "ｃｏｎｆ",
    "\u{0}",
    "★",
    " ",
    "\n",
    "http://",
    "https://xn--",
    "paypa1.com",
    "@",
    "%",
    "%%",
    "[",
    "]",
    "?q=",
    "://",
    ".exe",
    "..",
    "\u{FFFF}",
    "𠀀",
    "\u{1F469}\u{200D}\u{1F4BB}",
    "javascript:",
    "data:text/html,",
    "www.",
    "a.b.c.d.e.f",
];

fn random_text(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| rng.pick(PIECES)).collect()
}

/// Every evidence span on a named field lies inside that field and quotes it exactly.
fn check_evidence(record: &Value, verdict: &Value) {
    let field_text = |name: &str| -> Option<String> {
        match name {
            "text" => record
                .get("text")
                .and_then(Value::as_str)
                .map(str::to_string),
            "url" => record
                .get("url")
                .and_then(Value::as_str)
                .map(str::to_string),
            _ => None,
        }
    };
    for h in verdict["hints"].as_array().into_iter().flatten() {
        for ev in h["evidence"].as_array().into_iter().flatten() {
            let Some(text) = field_text(ev["field"].as_str().unwrap()) else {
                continue;
            };
            let units: Vec<u16> = text.encode_utf16().collect();
            let (s, e) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert!(
                s <= e && e <= units.len(),
                "span {s}..{e} outside a field of {} units",
                units.len()
            );
            // URL evidence is found case-insensitively and text evidence through the map:
            // either way the quoted text must be what the span covers (case aside).
            let quoted = String::from_utf16_lossy(&units[s..e]);
            assert_eq!(
                quoted.to_lowercase(),
                ev["text"].as_str().unwrap().to_lowercase(),
                "evidence for {} does not quote the field",
                h["rule"]
            );
        }
    }
}

#[test]
fn random_messages_and_urls_never_panic_and_quote_their_field() {
    let engine = Engine::new(Policy::default()).unwrap();
    let mut rng = Rng(0x5eed_1e55_u64);
    for i in 0..20_000 {
        let len = (rng.next() % 40) as usize;
        let text = random_text(&mut rng, len);
        let msg =
            json!({"text": text, "direction": if i % 5 == 0 { "outgoing" } else { "incoming" }});
        let v = engine.score_value(&msg);
        assert!(v.get("error").is_none(), "{v}");
        check_evidence(&msg, &v);
        let link = json!({"url": text, "text": random_text(&mut rng, 3)});
        let v = engine.score_value(&link);
        assert!(v["score"].as_u64().unwrap() <= 100);
        check_evidence(&link, &v);
    }
}

#[test]
fn huge_fields_are_capped_not_fatal() {
    let engine = Engine::new(Policy::default()).unwrap();
    let huge = "把内部资料发我 ".repeat(200_000); // ~2.6 MB
    let v = engine.score_value(&json!({"text": huge}));
    assert_eq!(v["kind"], "message");
    let url = format!("https://example.com/{}", "a".repeat(1_000_000));
    assert_eq!(engine.score_value(&json!({"url": url}))["kind"], "link");
    let thread: Vec<Value> = (0..2000)
        .map(|i| json!({"from": format!("u{}", i % 3), "text": "你好"}))
        .collect();
    let v = engine.score_value(&json!({"thread": thread}));
    assert_eq!(v["kind"], "thread");
}

#[test]
fn malformed_records_get_errors_and_broken_urls_get_a_hint() {
    let engine = Engine::new(Policy::default()).unwrap();
    for bad in [
        json!(null),
        json!(3),
        json!("text"),
        json!({}),
        json!({"text": 5}),
        json!({"thread": "x"}),
        json!({"email": []}),
        json!({"url": "x", "thread": []}),
        json!({"text": "x", "direction": "up"}),
    ] {
        let v = engine.score_value(&bad);
        assert!(v["error"].is_string(), "{bad} -> {v}");
    }
    for url in [
        "http://[",
        "https://",
        "http://exa mple.com",
        "://x",
        "http://a..b/",
    ] {
        let v = engine.score_value(&json!({"url": url}));
        assert_eq!(v["kind"], "link", "{url}");
        assert!(v.get("error").is_none());
    }
    let v = engine.score_value(&json!({"url": "http://["}));
    assert!(v["hints"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["rule"] == "link.malformed"));
}

#[test]
fn hostile_policies_are_errors_naming_the_key() {
    for (policy, key) in [
        (
            r#"{"extra_rules": [{"id": "x.y", "family": "befriend", "weight": 10, "patterns": [["re:(a"]], "key": "k"}]}"#,
            "extra_rules",
        ),
        (
            r#"{"extra_rules": [{"id": "x.y", "family": "nope", "weight": 10, "patterns": [["a"]], "key": "k"}]}"#,
            "extra_rules[0]",
        ),
        (
            r#"{"extra_rules": [{"id": "x.y", "family": "befriend", "weight": 10, "patterns": [["@nope"]], "key": "k"}]}"#,
            "extra_rules",
        ),
        (r#"{"allow": ["not a domain!"]}"#, "allow"),
        (r#"{"report": "http://plain.example"}"#, "report"),
        (r#"{"locked": ["colour"]}"#, "locked"),
        (r#"[1, 2]"#, "(document)"),
    ] {
        let err = Engine::from_policy_json(policy)
            .err()
            .unwrap_or_else(|| panic!("{policy} accepted"));
        assert!(err.key().unwrap_or("").starts_with(key), "{policy}: {err}");
    }
}
