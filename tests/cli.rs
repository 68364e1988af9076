//! The `lurelens` binary keeps the `../shared/CLI.md` contract: one output line per input line,
//! in order, ids echoed, bad lines answered with an error line, I/O failures exit non-zero.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lurelens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("lurelens-cli-{}-{name}", std::process::id()));
    std::fs::write(&p, content).unwrap();
    p
}

#[test]
fn scan_answers_every_line_in_order() {
    let input = concat!(
        r#"{"id": "a", "url": "https://paypa1.com/signin", "text": "paypal.com"}"#,
        "\n",
        "not json\n",
        r#"{"id": 3, "text": "把你们所的内部图纸发我，钱好说", "label": "lure"}"#,
        "\n",
        r#"{"id": [1], "unknown": true}"#,
        "\n",
        r#"{"id": null, "thread": [{"from": "x", "text": "你好同行"}], "self": "me"}"#,
        "\n",
        r#"{"email": {"subject": "hi"}}"#,
        "\n",
    );
    let (code, out, _) = run(&["scan"], input);
    assert_eq!(code, 0);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["kind"], "link");
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .contains("not valid JSON"));
    assert_eq!(lines[2]["id"], 3);
    assert_eq!(lines[2]["kind"], "message");
    assert!(lines[3]["error"].is_string());
    assert_eq!(lines[3]["id"], serde_json::json!([1]));
    assert_eq!(lines[4]["kind"], "thread");
    assert!(lines[4]["stages"].is_array());
    assert!(lines[4].get("alert_at").is_some());
    assert_eq!(lines[5]["kind"], "email");
}

#[test]
fn output_keys_keep_the_documented_order() {
    let (_, out, _) = run(&["scan"], "{\"id\": 1, \"text\": \"hi\"}\n");
    let line = out.lines().next().unwrap();
    let order: Vec<usize> = ["\"id\"", "\"kind\"", "\"score\"", "\"level\"", "\"hints\""]
        .iter()
        .map(|k| line.find(k).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{line}");
}

#[test]
fn scan_reads_files_in_order_and_applies_the_policy() {
    let f1 = temp_file(
        "a.jsonl",
        "{\"id\": 1, \"text\": \"天枢工程的方案发你了\", \"direction\": \"outgoing\"}\n",
    );
    let f2 = temp_file(
        "b.jsonl",
        "{\"id\": 2, \"url\": \"https://corp-examp1e.cn/login\"}\n",
    );
    let policy = temp_file(
        "p.json",
        r#"{"keywords": ["天枢工程"], "protected_domains": ["corp-example.cn"]}"#,
    );
    let (code, out, _) = run(
        &[
            "scan",
            "--policy",
            policy.to_str().unwrap(),
            f1.to_str().unwrap(),
            f2.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], 1);
    assert!(lines[0]["hints"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["rule"] == "outgoing_leak.protected_keyword"));
    assert_eq!(lines[1]["level"], "high");
}

#[test]
fn a_bad_policy_or_missing_file_exits_non_zero_with_a_message() {
    let policy = temp_file("bad.json", r#"{"sensitivity": "loud"}"#);
    let (code, _, err) = run(&["scan", "--policy", policy.to_str().unwrap()], "");
    assert_ne!(code, 0);
    assert!(err.contains("sensitivity"), "{err}");
    let (code, _, err) = run(&["scan", "/nonexistent/lurelens.jsonl"], "");
    assert_ne!(code, 0);
    assert!(err.contains("cannot open"), "{err}");
    let (code, _, _) = run(&["frobnicate"], "");
    assert_ne!(code, 0);
}

#[test]
fn eval_reports_metrics_per_kind_and_threshold() {
    let data = temp_file(
        "eval.jsonl",
        concat!(
            r#"{"text": "能不能把涉密图纸发我，报酬好说，看完就删", "label": "lure"}"#,
            "\n",
            r#"{"text": "明天开会记得带电脑", "label": "ham"}"#,
            "\n",
            r#"{"url": "https://www.qq.com/", "label": "benign"}"#,
            "\n",
            r#"{"url": "http://paypa1.com/login", "label": "phish"}"#,
            "\n",
        ),
    );
    let (code, out, _) = run(&["eval", data.to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("kind message: 2 records (1 positive, 1 negative)"),
        "{out}"
    );
    assert!(
        out.contains("kind link: 2 records (1 positive, 1 negative)"),
        "{out}"
    );
    for t in ["low", "medium", "high"] {
        assert!(out.contains(&format!("  {t} ")), "{out}");
    }
}
