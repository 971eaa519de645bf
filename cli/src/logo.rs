//! `oin logo inspect` and `oin logo fix`: the logo doctor from a terminal.
//! `--format json` prints the `Verdict` (documented in docs/cli.md).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use oin_core::logo::{self, FixOptions, Shape};

use crate::Format;

/// The shapes Okta accepts, by their names on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum ShapeArg {
    /// 244×244 (or 200×200 for the OIN Manager)
    Square,
    Circle,
    /// 244×156
    Wide,
    /// 156×244
    Tall,
}

impl From<ShapeArg> for Shape {
    fn from(s: ShapeArg) -> Self {
        match s {
            ShapeArg::Square => Shape::Square,
            ShapeArg::Circle => Shape::Circle,
            ShapeArg::Wide => Shape::Wide,
            ShapeArg::Tall => Shape::Tall,
        }
    }
}

fn color(s: &str) -> Result<[u8; 3], String> {
    let hex = s.strip_prefix('#').unwrap_or(s);
    let byte = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
    match (hex.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => Ok([r, g, b]),
        _ => Err(format!("{s:?} isn't a colour like #ffffff")),
    }
}

#[derive(Subcommand)]
pub enum LogoCommand {
    /// Judges an image against Okta's logo rules and guidelines (exit 0 accepted, 1 refused, 2 unreadable).
    Inspect {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Writes a logo Okta accepts (PNG at 244×244, 200×200, 244×156 or 156×244).
    Fix {
        file: PathBuf,
        /// Where to write the fixed PNG.
        #[arg(short, long, value_name = "OUT.png")]
        output: PathBuf,
        #[arg(long, value_enum)]
        shape: Option<ShapeArg>,
        /// A background colour (#rrggbb) instead of a transparent one.
        #[arg(long, value_name = "COLOR", value_parser = color)]
        background: Option<[u8; 3]>,
    },
}

fn read(path: &PathBuf) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("oin: can't read {}: {e}", path.display());
        ExitCode::from(2)
    })
}

pub fn run(cmd: LogoCommand) -> ExitCode {
    match cmd {
        LogoCommand::Inspect { file, format } => match read(&file) {
            Ok(bytes) => inspect(&file, &bytes, format == Format::Json),
            Err(code) => code,
        },
        LogoCommand::Fix { file, output, shape, background } => {
            let bytes = match read(&file) {
                Ok(b) => b,
                Err(code) => return code,
            };
            let options = FixOptions { shape: shape.map(Into::into), background };
            match logo::fix(&bytes, options) {
                Ok((png, shape)) => match std::fs::write(&output, &png) {
                    Ok(()) => {
                        println!("{}: {:?} logo, {} bytes", output.display(), shape, png.len());
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("oin: can't write {}: {e}", output.display());
                        ExitCode::from(2)
                    }
                },
                Err(e) => {
                    eprintln!("oin: {}: {e}", file.display());
                    ExitCode::from(2)
                }
            }
        }
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
