//! `cargo bench`: message throughput on mixed zh/en chat, URLs per second, and `Engine::new`.
//!
//! A plain harness (no extra crate): each figure is the median of several timed runs over the
//! same generated input, printed with the machine's core count. Figures are for comparing runs
//! on one machine, not absolute claims.

use std::hint::black_box;
use std::time::{Duration, Instant};

use lurelens::{Direction, Engine, Policy, Record};
use serde_json::{json, Value};

/// Chat lines in both languages, six of fourteen lure-like: far denser in lures than real
/// chat, so that the cost of rules that fire is measured.
const CHAT: &[&str] = &[
    "明天下午三点开会，记得带上周报",
    "ok see you at the standup tomorrow 👍",
    "这个bug我看了一下，应该是缓存没刷新",
    "Can you review my PR when you get a chance? Thanks!",
    "周末一起去爬山吗？天气预报说是晴天",
    "lol that meme is hilarious 😂",
    "你好同行，我也是做结构设计的，交个朋友？",
    "I'll send you some free datasets from my lab, science has no borders",
    "你们项目现在进度怎么样了？下个月是不是要试验",
    "能不能把你们所的内部图纸发我参考一下，报酬好说，看完就删",
    "The quarterly report is attached, let me know if the numbers look right",
    "妈，我到家了，晚饭不用等我",
    "Let's grab lunch at the new ramen place near the office",
    "服务器迁移计划见附件，周五前确认 https://wiki.example.com/migration",
];

/// The lines of [`CHAT`] that stay at level `none` (two with a faint cue): the cost of ordinary
/// chat, which is most of what a page shows.
const BENIGN: &[usize] = &[0, 1, 2, 3, 4, 5, 10, 11, 12];

const URLS: &[&str] = &[
    "https://www.example.com/news/2024/05/article-123.html",
    "https://mail.qq.com/cgi-bin/frame_html",
    "http://paypa1.com/signin",
    "https://github.com/rust-lang/regex/blob/master/README.md",
    "https://icbc-denglu.top/verify/account",
    "http://45.76.1.20/login.php",
    "https://bit.ly/3xYzAbC",
    "https://docs.python.org/3/library/index.html",
    "http://www.google.com/url?q=https://evil.example/phish",
    "https://evil.example/invoice.pdf.exe",
];

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// A message record as the Engine API takes it, without JSON in the way.
fn message(text: &str) -> Record {
    Record::Message {
        text: text.to_string(),
        direction: Direction::Incoming,
        from: None,
    }
}

fn main() {
    // `cargo bench -- messages` runs only the cases whose name contains `messages`.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |case: &str| only.is_empty() || only.iter().any(|o| case.contains(o.as_str()));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "lurelens {} bench, {cores} cores",
        env!("CARGO_PKG_VERSION")
    );

    if wanted("new") {
        // The first in the process also does the once-per-process work (decoding the compiled-in
        // lists among it); the median is of the ones after it.
        let first = time(1, || {
            black_box(Engine::new(Policy::default()).unwrap());
        });
        let new = time(5, || {
            black_box(Engine::new(Policy::default()).unwrap());
        });
        println!(
            "Engine::new (default policy): {:.1} ms, the first in the process {:.1} ms",
            new.as_secs_f64() * 1e3,
            first.as_secs_f64() * 1e3
        );
    }

    let engine = Engine::new(Policy::default()).unwrap();

    // Messages: ~3.4 MB of chat lines, scored one record each, as the extension batches them.
    let texts: Vec<&str> = (0..60_000).map(|i| CHAT[i % CHAT.len()]).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    if wanted("messages-json") {
        // Through `score_value`: JSON record in, JSON verdict out (what the CLI and WASM do).
        let records: Vec<Value> = texts.iter().map(|t| json!({ "text": t })).collect();
        let t = time(5, || {
            for r in &records {
                black_box(engine.score_value(r));
            }
        });
        report_messages("messages-json", texts.len(), bytes, t);
    }
    if wanted("messages-api") {
        // Through `Engine::score` on records already in memory: the engine's own cost.
        let records: Vec<Record> = texts.iter().map(|t| message(t)).collect();
        let t = time(5, || {
            for r in &records {
                black_box(engine.score(Value::Null, r));
            }
        });
        report_messages("messages-api", texts.len(), bytes, t);
    }

    if wanted("normalize") {
        // The normaliser alone on the same lines as benign-api: its share of the engine's cost.
        let lines: Vec<&str> = (0..60_000)
            .map(|i| CHAT[BENIGN[i % BENIGN.len()]])
            .collect();
        let t = time(5, || {
            for r in &lines {
                black_box(lurelens::normalize::normalize(r));
            }
        });
        report_messages(
            "normalize",
            lines.len(),
            lines.iter().map(|t| t.len()).sum(),
            t,
        );
    }
    if wanted("benign-api") {
        let lines: Vec<&str> = (0..60_000)
            .map(|i| CHAT[BENIGN[i % BENIGN.len()]])
            .collect();
        let records: Vec<Record> = lines.iter().map(|t| message(t)).collect();
        let t = time(5, || {
            for r in &records {
                black_box(engine.score(Value::Null, r));
            }
        });
        let bytes = lines.iter().map(|t| t.len()).sum();
        report_messages("benign-api", lines.len(), bytes, t);
    }

    // One long chat log as a single field: raw scanning speed without per-record overhead.
    let mut log = String::new();
    while log.len() < 60 * 1024 {
        for line in CHAT {
            log.push_str(line);
            log.push('\n');
        }
    }
    let log = lurelens::limits::truncate(&log, lurelens::limits::MAX_FIELD_BYTES).to_string();
    if wanted("log-json") {
        let rec = json!({ "text": log });
        let t = time(50, || {
            black_box(engine.score_value(&rec));
        });
        report_log("log-json", log.len(), t);
    }
    if wanted("log-api") {
        let rec = message(&log);
        let t = time(50, || {
            black_box(engine.score(Value::Null, &rec));
        });
        report_log("log-api", log.len(), t);
    }

    if wanted("urls") {
        let urls: Vec<_> = (0..50_000)
            .map(|i| json!({"url": format!("{}?n={i}", URLS[i % URLS.len()])}))
            .collect();
        let t = time(5, || {
            for r in &urls {
                black_box(engine.score_value(r));
            }
        });
        println!(
            "urls: {} in {:.0} ms = {:.0} URLs/s",
            urls.len(),
            t.as_secs_f64() * 1e3,
            urls.len() as f64 / t.as_secs_f64()
        );
    }
}

fn report_messages(case: &str, n: usize, bytes: usize, t: Duration) {
    println!(
        "{case}: {n} records, {:.1} MB in {:.0} ms = {:.1} MB/s ({:.0} messages/s)",
        bytes as f64 / 1e6,
        t.as_secs_f64() * 1e3,
        bytes as f64 / t.as_secs_f64() / 1e6,
        n as f64 / t.as_secs_f64()
    );
}

fn report_log(case: &str, bytes: usize, t: Duration) {
    println!(
        "{case}, one 64 KiB chat log: {:.2} ms = {:.1} MB/s",
        t.as_secs_f64() * 1e3,
        bytes as f64 / t.as_secs_f64() / 1e6
    );
}
