//! `oin`: checks `*.oin.json` drafts against Okta's OIN rules, for terminals and
//! CI pipelines. The same core as the desktop app; no Tauri.
//!
//! ```text
//! oin check FILE… [--pack ID] [--format human|json]
//! ```
//! Exit status: 0 when no file has an error, 1 when one has, 2 when a file can't
//! be read or the arguments are wrong. `--format json` is stable: see docs/cli.md.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

mod logo;
mod okta;

use oin_core::exchange;
use oin_core::flowsuite;
use oin_core::rules::{self, CalendarDate, Facts, Issue, RulePack, Severity};
use serde::Serialize;

const USAGE: &str = "usage: oin check FILE… [--pack ID] [--format human|json]
       oin logo inspect FILE [--format human|json]
       oin logo fix FILE -o OUT.png [--shape square|circle|wide|tall] [--background COLOR]
       oin login --org DOMAIN [--client-id ID]
       oin logout --org DOMAIN
       oin submit FILE [--org URL] [--dry-run] [--submission-id ID] [--format human|json]
       oin status [ID] --org URL [--format human|json]

check        checks OIN Studio draft files (*.oin.json) against Okta's OIN rules.
  --pack ID        check against this rule pack (oin-manager-2025, oin-2026);
                   default: the draft's own pack, else the one in force today
  --format FORMAT  human (default) or json
logo inspect judges an image against Okta's logo rules and guidelines.
logo fix     writes a logo Okta accepts (PNG at 244x244, 200x200, 244x156 or 156x244).
  --background COLOR  #rrggbb instead of a transparent background
login        signs in to your Okta org by device code (prints the code and URL);
             the tokens go to your system keychain. Client id: --client-id or OIN_CLIENT_ID.
submit       sends an API service draft through Okta's “Your OIN Integrations” API.
  --dry-run        print every request it would send (secrets masked), send nothing
  --submission-id ID  replace this submission of the org (when several have the name)
             OKTA_API_TOKEN (an SSWS token) works instead of a sign-in;
             OIN_TEST_ACCOUNT_PASSWORD gives the test-account password.
status       lists the org's submissions with their status (or one, by ID).
Exit status: 0 passes (no errors), 1 fails, 2 unreadable input or bad arguments.
For login/submit/status: 0 ok, 1 refused (precheck errors, Okta said no),
2 bad input or Okta unreachable.";

#[derive(PartialEq)]
enum Format {
    Human,
    Json,
}

struct Args {
    files: Vec<PathBuf>,
    pack: Option<&'static RulePack>,
    format: Format,
}

pub(crate) fn usage_error(msg: &str) -> ExitCode {
    eprintln!("oin: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn parse(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    match argv.next().as_deref() {
        Some("check") => {}
        Some("--help" | "-h" | "help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command: {other}")),
    }
    let mut args = Args { files: Vec::new(), pack: None, format: Format::Human };
    while let Some(a) = argv.next() {
        match a.as_str() {
            "--pack" => {
                let id = argv.next().ok_or("--pack needs a pack id")?;
                let known: Vec<_> = rules::PACKS.iter().map(|p| p.id).collect();
                args.pack = Some(
                    RulePack::by_id(&id)
                        .ok_or(format!("unknown pack {id} (known: {})", known.join(", ")))?,
                );
            }
            "--format" => {
                args.format = match argv.next().as_deref() {
                    Some("human") => Format::Human,
                    Some("json") => Format::Json,
                    other => return Err(format!("--format takes human or json, not {other:?}")),
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => args.files.push(PathBuf::from(file)),
        }
    }
    if args.files.is_empty() {
        return Err("no file to check".into());
    }
    Ok(args)
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

fn check_file(
    path: &std::path::Path,
    pack: Option<&'static RulePack>,
    today: CalendarDate,
) -> FileResult {
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

fn main() -> ExitCode {
    // `oin check … | head`: a closed pipe ends `oin` quietly, as it ends `ls`,
    // instead of a panic about a failed print.
    sigpipe::reset();
    let mut argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().map(String::as_str) == Some("logo") {
        argv.remove(0);
        return logo::run(argv);
    }
    if let Some(verb @ ("login" | "logout" | "submit" | "status")) =
        argv.first().map(String::as_str)
    {
        let verb = verb.to_owned();
        argv.remove(0);
        return okta::run(&verb, argv);
    }
    let args = match parse(argv.into_iter()) {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("oin: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if msg.is_empty() { 0 } else { 2 });
        }
    };
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
    let today = CalendarDate::from_unix_millis(now);
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
