//! `oin logo inspect` and `oin logo fix`: the logo doctor from a terminal.
//! `--format json` prints the `Verdict` (documented in docs/cli.md).

use std::path::PathBuf;
use std::process::ExitCode;

use oin_core::logo::{self, FixOptions, Shape};

use crate::usage_error;

fn shape(s: &str) -> Option<Shape> {
    Some(match s {
        "square" => Shape::Square,
        "circle" => Shape::Circle,
        "wide" => Shape::Wide,
        "tall" => Shape::Tall,
        _ => return None,
    })
}

fn color(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#').unwrap_or(s);
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn read(path: &PathBuf) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("oin: can't read {}: {e}", path.display());
        ExitCode::from(2)
    })
}

pub fn run(argv: Vec<String>) -> ExitCode {
    let mut it = argv.into_iter();
    let verb = it.next();
    let mut file = None;
    let mut out = None;
    let mut json = false;
    let mut options = FixOptions::default();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().as_deref() {
                Some("json") => json = true,
                Some("human") => json = false,
                other => {
                    return usage_error(&format!("--format takes human or json, not {other:?}"))
                }
            },
            "-o" | "--output" => out = it.next().map(PathBuf::from),
            "--shape" => match it.next().as_deref().and_then(shape) {
                Some(s) => options.shape = Some(s),
                None => return usage_error("--shape takes square, circle, wide or tall"),
            },
            "--background" => match it.next().as_deref().and_then(color) {
                Some(c) => options.background = Some(c),
                None => return usage_error("--background takes a colour like #ffffff"),
            },
            flag if flag.starts_with('-') => return usage_error(&format!("unknown option {flag}")),
            f => file = Some(PathBuf::from(f)),
        }
    }
    let Some(file) = file else {
        return usage_error("no image given");
    };
    let bytes = match read(&file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    match verb.as_deref() {
        Some("inspect") => inspect(&file, &bytes, json),
        Some("fix") => {
            let Some(out) = out else {
                return usage_error("logo fix needs -o OUT.png");
            };
            match logo::fix(&bytes, options) {
                Ok((png, shape)) => match std::fs::write(&out, &png) {
                    Ok(()) => {
                        println!("{}: {:?} logo, {} bytes", out.display(), shape, png.len());
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("oin: can't write {}: {e}", out.display());
                        ExitCode::from(2)
                    }
                },
                Err(e) => {
                    eprintln!("oin: {}: {e}", file.display());
                    ExitCode::from(2)
                }
            }
        }
        _ => usage_error("logo takes inspect or fix"),
    }
}

fn inspect(file: &std::path::Path, bytes: &[u8], json: bool) -> ExitCode {
    let verdict = match logo::judge(bytes) {
        Ok(v) => v,
        Err(e) => {
            if json {
                println!(
                    "{}",
                    serde_json::json!({"file": file.display().to_string(), "error": e.to_string()})
                );
            } else {
                eprintln!("oin: {}: {e}", file.display());
            }
            return ExitCode::from(2);
        }
    };
    if json {
        let mut v = serde_json::to_value(&verdict).expect("a verdict serializes");
        v["file"] = serde_json::json!(file.display().to_string());
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        let r = &verdict.report;
        println!(
            "{}: {} {}×{}, {} bytes, {}{}{} — {}",
            file.display(),
            r.format.name(),
            r.width,
            r.height,
            r.bytes,
            r.color,
            if r.alpha_used { ", transparency" } else { "" },
            if r.frames > 1 { format!(", {} frames", r.frames) } else { String::new() },
            if verdict.accepted { "Okta accepts it" } else { "Okta would refuse it" }
        );
        for c in &verdict.checks {
            let mark = if c.passed {
                "ok  "
            } else if c.hard {
                "FAIL"
            } else {
                "warn"
            };
            let sure = if c.hard {
                String::new()
            } else {
                format!(" ({:.0}% sure)", c.confidence * 100.0)
            };
            println!("  {mark} {}{sure}", c.message);
        }
    }
    if verdict.accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
