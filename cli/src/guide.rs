//! `oin guide check` and `oin guide write`: the guide doctor from a terminal.
//! `--format json` prints the `GuideReport` (documented in docs/cli.md).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use oin_core::exchange::{self, Imported};
use oin_core::guide::{self, write};
use oin_core::{flowsuite, IntegrationType};

use crate::{now_ms, usage_error, Format};

#[derive(Clone, Copy, ValueEnum)]
pub enum TypeArg {
    /// An API service integration: the "Link to configuration guide".
    ApiService,
    /// A Workflows connector: the "User documentation URL".
    Workflows,
}

impl From<TypeArg> for IntegrationType {
    fn from(t: TypeArg) -> Self {
        match t {
            TypeArg::ApiService => IntegrationType::ApiService,
            TypeArg::Workflows => IntegrationType::WorkflowsConnector,
        }
    }
}

#[derive(Subcommand)]
pub enum GuideCommand {
    /// Checks a guide (a URL, or an HTML, Markdown or PDF file) against what Okta's reviewers
    /// look for. Exit 0 all checks pass, 1 some fail, 2 the guide can't be read.
    Check {
        /// https://… or a local file.
        #[arg(value_name = "URL|FILE")]
        source: String,
        /// The integration type the guide is for; default: the --draft's.
        #[arg(long = "type", value_enum, value_name = "TYPE")]
        kind: Option<TypeArg>,
        /// Also check the guide against this draft (its scopes, its connector version).
        #[arg(long, value_name = "F.oin.json")]
        draft: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Writes a starter guide from a draft, with Okta's sections and placeholders for what
    /// only you know.
    Write {
        /// The draft file (*.oin.json).
        #[arg(value_name = "F.oin.json")]
        draft: PathBuf,
        /// The guide to write: .md (Markdown) or .html (a standalone page).
        #[arg(short, long, value_name = "FILE.md|.html")]
        output: PathBuf,
        /// Also write a connector's test-case document from its flow test suite (.csv or .md).
        #[arg(long, value_name = "FILE.csv|.md")]
        test_cases: Option<PathBuf>,
    },
}

pub fn run(cmd: GuideCommand) -> ExitCode {
    match cmd {
        GuideCommand::Check { source, kind, draft, format } => {
            check(&source, kind, draft.as_deref(), format)
        }
        GuideCommand::Write { draft, output, test_cases } => {
            write_guide(&draft, &output, test_cases.as_deref())
        }
    }
}

fn read_draft(path: &Path) -> Result<Imported, ExitCode> {
    exchange::read(path).map_err(|e| {
        eprintln!("oin: can't read {}: {e}", path.display());
        ExitCode::from(2)
    })
}

fn check(source: &str, kind: Option<TypeArg>, draft: Option<&Path>, format: Format) -> ExitCode {
    let imported = match draft.map(read_draft).transpose() {
        Ok(i) => i,
        Err(code) => return code,
    };
    let t = match (kind, &imported) {
        (Some(k), _) => k.into(),
        (None, Some(i)) => i.draft.integration_type,
        (None, None) => {
            return usage_error("oin guide check needs --type api-service|workflows (or --draft)")
        }
    };
    let report = guide::check_source(source, t, imported.as_ref().map(|i| &i.draft), now_ms());
    match format {
        Format::Json => {
            println!("{}", serde_json::to_string_pretty(&report).expect("a report serializes"))
        }
        Format::Human => {
            let passed = report.checks.iter().filter(|c| c.passed).count();
            println!(
                "{} ({}): {passed} of {} checks pass",
                report.source,
                report.integration,
                report.checks.len()
            );
            for c in &report.checks {
                let mark = if c.passed { "ok  " } else { "FAIL" };
                println!("  {mark} {:<32} {}", c.id, c.message);
                if !c.evidence.is_empty() {
                    println!("       evidence: {}", c.evidence);
                }
                if !c.passed && !c.fix.is_empty() {
                    println!("       fix: {}", c.fix);
                }
            }
        }
    }
    if report.unreadable() {
        ExitCode::from(2)
    } else if report.all_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn ext(p: &Path) -> String {
    p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

fn write_guide(draft: &Path, output: &Path, test_cases: Option<&Path>) -> ExitCode {
    let imported = match read_draft(draft) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let flows: Vec<String> = imported
        .test_suite
        .as_ref()
        .map(|(n, b)| flowsuite::inspect(n, b).flows)
        .unwrap_or_default();
    let d = &imported.draft;
    let text = match ext(output).as_str() {
        "md" | "markdown" => write::markdown(d, &flows),
        "html" | "htm" => write::html(d, &flows),
        other => return usage_error(&format!("-o takes a .md or .html file, not .{other}")),
    };
    let cases = match test_cases {
        None => None,
        Some(_) if d.integration_type != IntegrationType::WorkflowsConnector => {
            return usage_error("--test-cases is for Workflows connectors (their flow test suite)")
        }
        Some(p) => {
            let cases = write::test_cases(d, &flows);
            match ext(p).as_str() {
                "csv" => Some((p, write::test_cases_csv(&cases))),
                "md" | "markdown" => Some((p, write::test_cases_markdown(&cases))),
                other => {
                    return usage_error(&format!(
                        "--test-cases takes a .csv or .md file, not .{other}"
                    ))
                }
            }
        }
    };
    for (path, text) in std::iter::once((output, text)).chain(cases) {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("oin: can't write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("Wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
