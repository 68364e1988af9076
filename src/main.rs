//! `lurelens`: the command-line scanner (`scan`, `eval`), as `../shared/CLI.md` specifies.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use lurelens::eval::Eval;
use lurelens::Engine;

const USAGE: &str = "usage:
  lurelens scan [--policy POLICY.json] [FILE ...]   JSON Lines in (stdin when no FILE), one line out per line in
  lurelens eval [--policy POLICY.json] FILE ...     labelled JSON Lines in, metrics out";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("lurelens: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.into());
    };
    let mut policy = None;
    let mut files = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--policy" => policy = Some(it.next().ok_or("--policy needs a file")?.clone()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => files.push(a.clone()),
        }
    }
    let policy_text = match &policy {
        Some(p) => {
            std::fs::read_to_string(p).map_err(|e| format!("cannot read policy {p}: {e}"))?
        }
        None => String::new(),
    };
    let engine = Engine::from_policy_json(&policy_text).map_err(|e| e.to_string())?;
    match command.as_str() {
        "scan" => scan(&engine, &files),
        "eval" if files.is_empty() => Err("eval needs at least one FILE".into()),
        "eval" => eval(&engine, &files),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
}

/// Every input line, from the files in order or from stdin.
fn for_each_line(
    files: &[String],
    mut f: impl FnMut(&str) -> Result<(), String>,
) -> Result<(), String> {
    let readers: Vec<(String, Box<dyn BufRead>)> = if files.is_empty() {
        vec![("stdin".into(), Box::new(BufReader::new(io::stdin())))]
    } else {
        files
            .iter()
            .map(|p| {
                File::open(p)
                    .map(|fh| (p.clone(), Box::new(BufReader::new(fh)) as Box<dyn BufRead>))
                    .map_err(|e| format!("cannot open {p}: {e}"))
            })
            .collect::<Result<_, _>>()?
    };
    for (name, reader) in readers {
        for line in reader.split(b'\n') {
            let bytes = line.map_err(|e| format!("cannot read {name}: {e}"))?;
            // Invalid UTF-8 is replaced, not fatal: the line still gets its own output line.
            let text = String::from_utf8_lossy(&bytes);
            let text = text.trim_end_matches('\r');
            if text.trim().is_empty() {
                continue;
            }
            f(text)?;
        }
    }
    Ok(())
}

fn scan(engine: &Engine, files: &[String]) -> Result<(), String> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for_each_line(files, |line| {
        writeln!(out, "{}", engine.score_line(line)).map_err(|e| format!("cannot write: {e}"))
    })?;
    out.flush().map_err(|e| format!("cannot write: {e}"))
}

fn eval(engine: &Engine, files: &[String]) -> Result<(), String> {
    let mut ev = Eval::default();
    for_each_line(files, |line| {
        let record: serde_json::Value =
            serde_json::from_str(line).unwrap_or(serde_json::Value::Null);
        let verdict = engine.score_value(&record);
        ev.add(&record, &verdict);
        Ok(())
    })?;
    print!("{}", ev.report());
    Ok(())
}
