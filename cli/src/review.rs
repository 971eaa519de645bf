//! `oin review parse`: Okta's review email → to-dos on the form's fields.
//! `--format json` prints `{ "todos": [ { field, kind, quote, message } ] }`
//! (documented in docs/cli.md).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use oin_core::exchange;
use oin_core::review;
use oin_core::rules::RulePack;

use crate::guide::TypeArg;
use crate::{today, usage_error, Format};

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Splits a review email (.txt or .eml; `-` reads stdin) into to-dos, each linked to the
    /// form field it concerns, with its kind and the email's own words.
    Parse {
        #[arg(value_name = "EMAIL")]
        email: PathBuf,
        /// The integration type the review is for; default: the --draft's.
        #[arg(long = "type", value_enum, value_name = "TYPE")]
        kind: Option<TypeArg>,
        /// The draft the review is about: its form and values help link the to-dos.
        #[arg(long, value_name = "F.oin.json")]
        draft: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

pub fn run(cmd: ReviewCommand) -> ExitCode {
    let ReviewCommand::Parse { email, kind, draft, format } = cmd;
    let bytes = if email.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map(|_| b)
    } else {
        std::fs::read(&email)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("oin: can't read {}: {e}", email.display());
            return ExitCode::from(2);
        }
    };
    let imported = match draft.as_deref().map(exchange::read).transpose() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("oin: can't read the draft: {e}");
            return ExitCode::from(2);
        }
    };
    let d = imported.as_ref().map(|i| &i.draft);
    let t = match (kind, d) {
        (Some(k), _) => k.into(),
        (None, Some(d)) => d.integration_type,
        (None, None) => {
            return usage_error("oin review parse needs --type api-service|workflows (or --draft)")
        }
    };
    let pack = d.map_or_else(|| RulePack::default_on(today()), |d| RulePack::for_draft(d, today()));
    let r = review::parse(&bytes, t, d, pack);
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&r).expect("to-dos serialize")),
        Format::Human => {
            println!("{}: {} to-do(s)", email.display(), r.todos.len());
            for (i, t) in r.todos.iter().enumerate() {
                let kind = serde_json::to_value(t.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                println!(
                    "{:>3}. [{kind}] {} — {}",
                    i + 1,
                    t.field.as_deref().unwrap_or("(no field)"),
                    t.message
                );
                println!("     “{}”", t.quote);
            }
        }
    }
    ExitCode::SUCCESS
}
