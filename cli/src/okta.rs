//! `oin login`, `oin logout`, `oin submit` and `oin status`: the Okta
//! connection from a terminal or a pipeline, through the same core client as
//! the app. An SSWS token in `OKTA_API_TOKEN` works instead of a sign-in.
//! Exit status: 0 ok, 1 refused (precheck errors, Okta said no), 2 bad input
//! or Okta unreachable.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use oin_core::exchange;
use oin_core::lifecycle::SubmissionStatus;
use oin_core::okta::remote;
use oin_core::okta::status::map_status;
use oin_core::okta::submit::{self, LogoFile, Plan};
use oin_core::okta::SignIn;
use oin_core::okta::{ErrorClass, Http, Okta, OktaError, OrgUrl};
use oin_core::rules::CalendarDate;
use oin_core::secrets::{KeychainStore, SecretStore, Sensitive, APP_IDENTIFIER};
use oin_core::submission::{NotSubmittable, Submission};
use serde_json::json;

use crate::{precheck, usage_error, Format};

/// Environment: an SSWS API token (pipelines), the test-account password
/// (a draft file never holds it), the sign-in app's client id.
const TOKEN_ENV: &str = "OKTA_API_TOKEN";
const PASSWORD_ENV: &str = "OIN_TEST_ACCOUNT_PASSWORD";
const CLIENT_ID_ENV: &str = "OIN_CLIENT_ID";
/// Test seam shared with the app: plain http to a loopback org.
const LOOPBACK_ENV: &str = "OIN_STUDIO_ALLOW_LOOPBACK_HTTP";
/// Test seam shared with the app: where the browser would be opened.
const OPEN_LOG_ENV: &str = "OIN_STUDIO_OPEN_LOG";
/// How long `oin login --browser` waits for the browser to come back.
const BROWSER_WAIT: Duration = Duration::from_secs(300);

fn fail(e: &OktaError) -> ExitCode {
    eprintln!("oin: {e}");
    ExitCode::from(match e.class() {
        ErrorClass::Refused => 1,
        _ => 2,
    })
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn org(input: &str) -> Result<OrgUrl, OktaError> {
    OrgUrl::parse(input, env(LOOPBACK_ENV).as_deref() == Some("1"))
}

fn http() -> Http {
    Http::standard()
}

fn keychain() -> Arc<dyn SecretStore> {
    Arc::new(KeychainStore::new(APP_IDENTIFIER))
}

/// The org's client: `OKTA_API_TOKEN` if set, else the kept sign-in.
fn connect(org: &OrgUrl) -> Result<Okta, OktaError> {
    match env(TOKEN_ENV) {
        Some(t) => Ok(Okta::with_api_token(http(), org.clone(), Sensitive::new(t))),
        None => Okta::connect(http(), org.clone(), keychain()),
    }
}

#[derive(clap::Args)]
pub struct OrgArgs {
    /// Your Okta org: acme.okta.com, or its https:// address.
    #[arg(long, value_name = "DOMAIN")]
    org: String,
}

#[derive(clap::Args)]
pub struct LoginArgs {
    /// Your Okta org: acme.okta.com, or its https:// address.
    #[arg(long, value_name = "DOMAIN")]
    org: String,
    /// The client id of the OIN Studio sign-in app in your org (or OIN_CLIENT_ID).
    #[arg(long, value_name = "ID")]
    client_id: Option<String>,
    /// Sign in in your web browser (Authorization Code + PKCE) instead of with a device code.
    #[arg(long)]
    browser: bool,
}

#[derive(clap::Args)]
pub struct SubmitArgs {
    /// The draft file (*.oin.json) with its logo beside it.
    file: PathBuf,
    /// The org to submit to; default: the draft's org.
    #[arg(long, value_name = "URL")]
    org: Option<String>,
    /// Print every request it would send (secrets masked), send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Replace this submission of the org (when several have the draft's name).
    #[arg(long, value_name = "ID")]
    submission_id: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(clap::Args)]
pub struct StatusArgs {
    /// One submission's id; default: all of the org's.
    id: Option<String>,
    /// Your Okta org: acme.okta.com, or its https:// address.
    #[arg(long, value_name = "URL")]
    org: String,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

fn done(result: Result<(), OktaError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(OktaError::Cancelled) => {
            eprintln!("oin: sign-in cancelled; nothing was kept.");
            ExitCode::from(130)
        }
        Err(e) => fail(&e),
    }
}

/// Ctrl+C stops a sign-in that waits for the user, cleanly (nothing kept).
fn cancel_on_ctrl_c() -> Arc<AtomicBool> {
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    // Only fails when a handler is already set; then Ctrl+C ends the process as usual.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    cancel
}

/// Opens the sign-in page in the browser; `OIN_STUDIO_OPEN_LOG` (the app's test
/// seam) appends the address to a file instead.
fn open_browser(url: &str) -> Result<(), String> {
    if let Some(log) = std::env::var_os(OPEN_LOG_ENV) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| e.to_string())?;
        return writeln!(f, "{url}").map_err(|e| e.to_string());
    }
    if open::that_detached(url).is_err() {
        eprintln!("Couldn't open a browser; open this address yourself:");
    }
    Ok(())
}

pub fn login(o: &LoginArgs) -> ExitCode {
    done(sign_in(o))
}

fn sign_in(o: &LoginArgs) -> Result<(), OktaError> {
    let org = org(&o.org)?;
    let client_id = o.client_id.clone().or_else(|| env(CLIENT_ID_ENV)).ok_or_else(|| {
        OktaError::BadOrg(format!(
            "oin login needs the client id of the OIN Studio sign-in app in your org: \
             --client-id ID or {CLIENT_ID_ENV}"
        ))
    })?;
    let sign_in = SignIn::new(http(), org.clone(), &client_id)?;
    let cancel = cancel_on_ctrl_c();
    if o.browser {
        println!("Opening the sign-in page of {} in your browser…", org.host());
        let open = |url: &str| {
            eprintln!("{url}");
            open_browser(url)
        };
        let session = sign_in.browser(&open, &cancel, BROWSER_WAIT)?;
        return kept(&org, session);
    }
    let start = sign_in.start_device()?;
    let url = start.verification_uri_complete.clone().unwrap_or(start.verification_uri.clone());
    println!("To sign in to {}, open {url}", org.host());
    println!(
        "and enter the code {} (it expires in {} min).",
        start.user_code,
        start.expires_in.as_secs() / 60
    );
    println!("Waiting for you to approve…");
    let session = sign_in.finish_device(&start, &cancel)?;
    kept(&org, session)
}

fn kept(org: &OrgUrl, session: oin_core::okta::Session) -> Result<(), OktaError> {
    session.keep(keychain().as_ref())?;
    let who = session.account(0).user.unwrap_or_else(|| "you".into());
    println!("Signed in to {} as {who}. The tokens are in your system keychain.", org.host());
    Ok(())
}

pub fn logout(o: &OrgArgs) -> ExitCode {
    done(sign_out(o))
}

fn sign_out(o: &OrgArgs) -> Result<(), OktaError> {
    let org = org(&o.org)?;
    match Okta::connect(http(), org.clone(), keychain()) {
        Ok(okta) => okta.sign_out()?,
        Err(OktaError::NotSignedIn { .. }) => {}
        Err(e) => return Err(e),
    }
    println!("Signed out of {}.", org.host());
    Ok(())
}

pub fn submit(o: &SubmitArgs) -> ExitCode {
    let file = o.file.display().to_string();
    let imported = match exchange::read(&o.file) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("oin: can't read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let password = env(PASSWORD_ENV).map(Sensitive::new);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let report = precheck(&imported, None, CalendarDate::from_unix_millis(now), password.is_some());
    let json = o.format == Format::Json;
    let sub = match Submission::new(imported.draft.clone(), &report) {
        Ok(sub) => sub,
        Err(NotSubmittable::PrecheckFailed { issues }) => {
            eprintln!(
                "oin: {file} isn't ready: the precheck finds {} error(s) Okta would reject:",
                issues.len()
            );
            for i in issues {
                eprintln!("  {:<28} {}\n  {:<28} fix: {}", i.path, i.message, "", i.fix);
            }
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("oin: {e}");
            return ExitCode::from(1);
        }
    };
    let Some((file_name, bytes)) = imported.app_icon else {
        eprintln!("oin: the logo file named in {file} isn't beside it; export the draft again.");
        return ExitCode::from(2);
    };
    let plan = Plan::new(&sub, password, LogoFile { file_name, bytes });
    let target = match o.org.clone().or(imported.draft.org.clone()) {
        Some(t) => t,
        None => return usage_error("no org: give --org or set the draft's org"),
    };
    let org = match org(&target) {
        Ok(org) => org,
        Err(e) => return fail(&e),
    };
    if o.dry_run {
        let steps = plan.preview(None);
        if json {
            println!("{}", json!({"org": org.as_str(), "requests": steps}));
        } else {
            println!("Dry run: nothing is sent. These requests would go to {org}:");
            for (i, s) in steps.iter().enumerate() {
                println!("\n{}. {} — {} {}", i + 1, s.label, s.method, s.path);
                if let Some(b) = &s.body {
                    println!("{b}");
                }
            }
        }
        return ExitCode::SUCCESS;
    }
    let name = sub.name().to_owned();
    let known = o.submission_id.as_deref();
    let result = connect(&org).and_then(|okta| {
        let mut on_id = |_: &str| Ok(());
        let mut progress = |i: usize, n: usize, label: &str| {
            if !json {
                eprintln!("[{i}/{n}] {label}");
            }
        };
        submit::execute(&okta, &plan, known, &name, &mut on_id, &mut progress)
    });
    match result {
        Ok(done) => {
            if json {
                println!("{}", serde_json::to_string(&done).unwrap_or_default());
            } else {
                let status = done.okta_status.as_deref().unwrap_or("submitted");
                println!("Submitted \"{name}\" to {}: {} ({status}).", org.host(), done.remote_id);
            }
            ExitCode::SUCCESS
        }
        Err(OktaError::Ambiguous { name, candidates }) => {
            eprintln!(
                "oin: the org already has submissions named \"{name}\"; nothing was replaced:"
            );
            for c in &candidates {
                eprintln!("  {:<24} {:<14} {}", c.id, c.kind, c.status);
            }
            eprintln!("Run again with --submission-id ID to replace the one that is this draft.");
            ExitCode::from(2)
        }
        Err(e) => fail(&e),
    }
}

pub fn status(o: &StatusArgs) -> ExitCode {
    done(list_status(o))
}

fn list_status(o: &StatusArgs) -> Result<(), OktaError> {
    let org = org(&o.org)?;
    let okta = connect(&org)?;
    let subs = match &o.id {
        Some(id) => vec![remote::get(&okta, id)?],
        None => remote::list(&okta)?,
    };
    let rows: Vec<_> = subs
        .iter()
        .map(|s| {
            let okta_status = s.status.clone().unwrap_or_default();
            let mapped = map_status(&okta_status, SubmissionStatus::Draft);
            json!({
                "id": s.id,
                "name": s.name,
                "oktaStatus": okta_status,
                "status": mapped.map(|m| m.as_str()),
                "statusLabel": mapped.map(|m| m.label(true)),
                "lastUpdated": s.last_updated,
            })
        })
        .collect();
    if o.format == Format::Json {
        println!("{}", serde_json::Value::Array(rows));
    } else if rows.is_empty() {
        println!("{} has no OIN submissions.", org.host());
    } else {
        for r in &rows {
            println!(
                "{:<32} {:<28} {}",
                r["id"].as_str().unwrap_or_default(),
                r["name"].as_str().unwrap_or_default(),
                r["oktaStatus"].as_str().unwrap_or_default()
            );
        }
    }
    Ok(())
}
