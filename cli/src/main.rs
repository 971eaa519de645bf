//! `oin`: checks `*.oin.json` drafts against Okta's OIN rules, fixes logos,
//! checks and writes configuration guides, and talks to an Okta org — for
//! terminals and CI pipelines. The same core as the desktop app; no Tauri.
//!
//! One grammar (clap): `oin --help` and `oin COMMAND --help` are generated
//! from it, and so are the shell completions (`oin completions bash`).
//! Exit status: 0 passes / ok, 1 fails or refused, 2 unreadable input, bad
//! arguments or Okta unreachable; 130 when cancelled with Ctrl+C.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

mod guide;
mod logo;
mod okta;
mod review;

use oin_core::exchange;
use oin_core::flowsuite;
use oin_core::rules::{self, CalendarDate, Facts, Issue, RulePack, Severity};
use serde::Serialize;

const EXIT_STATUS: &str = "Exit status: 0 passes (no errors), 1 fails, 2 unreadable input or bad arguments.
For login/submit/status: 0 ok, 1 refused (precheck errors, Okta said no), 2 bad input or Okta unreachable.
OIN Studio is not an Okta product.";

/// OIN Studio from a terminal: the OIN precheck, the logo doctor, the guide
/// doctor and submitting to Okta.
#[derive(Parser)]
#[command(name = "oin", version, after_help = EXIT_STATUS, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks OIN Studio draft files (*.oin.json) against Okta's OIN rules.
    Check(CheckArgs),
    /// The logo doctor: judge an image against Okta's logo rules, or fix it.
    #[command(subcommand)]
    Logo(logo::LogoCommand),
    /// The guide doctor: check a configuration guide or connector documentation, or write one.
    #[command(subcommand)]
    Guide(guide::GuideCommand),
    /// Okta's review email → to-dos on the form's fields.
    #[command(subcommand)]
    Review(review::ReviewCommand),
    /// Signs in to your Okta org (device code, or --browser); the tokens go to your system keychain.
    Login(okta::LoginArgs),
    /// Signs out of an Okta org and revokes the tokens.
    Logout(okta::OrgArgs),
    /// Sends an API service draft through Okta's "Your OIN Integrations" API.
    Submit(okta::SubmitArgs),
    /// Lists the org's OIN submissions with their status (or one, by ID).
    Status(okta::StatusArgs),
    /// Prints shell completions: `oin completions bash > /etc/bash_completion.d/oin`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `human` for people, `json` for pipelines (stable; see docs/cli.md).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum Format {
    #[default]
    Human,
    Json,
}

#[derive(clap::Args)]
#[command(after_help = EXIT_STATUS)]
struct CheckArgs {
    /// Draft files exported from OIN Studio.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Check against this rule pack; default: the draft's own pack, else the one in force today.
    #[arg(long, value_name = "ID", value_parser = pack)]
    pack: Option<&'static RulePack>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

fn pack(id: &str) -> Result<&'static RulePack, String> {
    RulePack::by_id(id).ok_or_else(|| {
        let known: Vec<_> = rules::PACKS.iter().map(|p| p.id).collect();
        format!("unknown pack {id} (known: {})", known.join(", "))
    })
}

/// One file's result in `--format json` (documented in docs/cli.md).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileResult {
    file: String,
    pack: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    issues: Vec<Issue>,
    counts: rules::Counts,
    completion: u8,
    can_submit: bool,
}

pub(crate) fn today() -> CalendarDate {
    CalendarDate::from_unix_millis(now_ms())
}

pub(crate) fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

fn check_file(path: &Path, pack: Option<&'static RulePack>, today: CalendarDate) -> FileResult {
    let file = path.display().to_string();
    match exchange::read(path) {
        Err(e) => FileResult {
            file,
            pack: String::new(),
            error: Some(e.to_string()),
            issues: Vec::new(),
            counts: rules::Counts::default(),
            completion: 0,
            can_submit: false,
        },
        Ok(imported) => {
            let pack = pack.unwrap_or_else(|| RulePack::for_draft(&imported.draft, today));
            // A draft file never holds the password: the pipeline checks the rest.
            let report = precheck(&imported, Some(pack), today, true);
            let issues: Vec<Issue> =
                report.issues.into_iter().filter(|i| i.path != "testAccount.password").collect();
            FileResult {
                file,
                pack: pack.id.into(),
                error: None,
                counts: report.counts,
                completion: report.completion.percent,
                can_submit: report.can_submit,
                issues,
            }
        }
    }
}

/// The precheck of a draft file; `has_password`: whether the test-account
/// password is at hand (it is never in the file).
pub(crate) fn precheck(
    imported: &exchange::Imported,
    pack: Option<&'static RulePack>,
    today: CalendarDate,
    has_password: bool,
) -> rules::Report {
    let pack = pack.unwrap_or_else(|| RulePack::for_draft(&imported.draft, today));
    let facts = Facts {
        has_password,
        test_suite: imported.test_suite.as_ref().map(|(n, b)| flowsuite::inspect(n, b)),
        logo: imported.app_icon.as_ref().and_then(|(_, b)| oin_core::logo::judge(b).ok()),
        guide: None,
    };
    rules::check(&imported.draft, pack, &facts)
}

fn print_human(r: &FileResult) {
    if let Some(e) = &r.error {
        println!("{}: cannot check: {e}", r.file);
        return;
    }
    println!(
        "{} ({}): {} errors, {} warnings, {} notes — {}% complete{}",
        r.file,
        r.pack,
        r.counts.errors,
        r.counts.warnings,
        r.counts.infos,
        r.completion,
        if r.can_submit { ", ready to submit" } else { "" }
    );
    for i in &r.issues {
        let sev = match i.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        let dismissed =
            i.dismissed.as_ref().map(|d| format!(" [dismissed: {d}]")).unwrap_or_default();
        println!(
            "  {sev:<7} {:<28} {} ({}){dismissed}\n          fix: {}",
            i.path, i.message, i.rule, i.fix
        );
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let today = today();
    let results: Vec<FileResult> =
        args.files.iter().map(|f| check_file(f, args.pack, today)).collect();
    match args.format {
        Format::Json => {
            println!("{}", serde_json::to_string_pretty(&results).expect("results serialize"))
        }
        Format::Human => results.iter().for_each(print_human),
    }
    if results.iter().any(|r| r.error.is_some()) {
        ExitCode::from(2)
    } else if results.iter().any(|r| r.counts.errors > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A usage error found after parsing (a missing value clap can't know about).
pub(crate) fn usage_error(msg: &str) -> ExitCode {
    eprintln!("oin: {msg}\nRun `oin --help` for the commands and their options.");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    // `oin check … | head`: a closed pipe ends `oin` quietly, as it ends `ls`,
    // instead of a panic about a failed print.
    sigpipe::reset();
    // Started as the PDF reader, this reads one and exits (`guide::pdf`).
    oin_core::guide::pdf::serve();
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Logo(cmd) => logo::run(cmd),
        Command::Guide(cmd) => guide::run(cmd),
        Command::Review(cmd) => review::run(cmd),
        Command::Login(args) => okta::login(&args),
        Command::Logout(args) => okta::logout(&args),
        Command::Submit(args) => okta::submit(&args),
        Command::Status(args) => okta::status(&args),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "oin", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_is_consistent() {
        Cli::command().debug_assert();
    }
}
