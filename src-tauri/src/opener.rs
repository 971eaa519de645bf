//! Opens a web page in the system browser, or a folder in the file manager.
//! Test seam: with `OIN_STUDIO_OPEN_LOG` set, what would be opened is appended
//! to that file instead (no browser under test).

use std::io::Write;

pub const OPEN_LOG_ENV: &str = "OIN_STUDIO_OPEN_LOG";

pub fn open(target: &str) -> Result<(), String> {
    if let Some(log) = std::env::var_os(OPEN_LOG_ENV) {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| e.to_string())?;
        return writeln!(f, "{target}").map_err(|e| e.to_string());
    }
    open::that_detached(target)
        .map_err(|e| format!("OIN Studio couldn't open {target} ({e}). Open it yourself."))
}

/// Only web pages (http/https) may be opened from the UI.
pub fn open_web(url: &str) -> Result<(), String> {
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "https" | "http") => open(u.as_str()),
        _ => Err(format!("Not a web address: {url}")),
    }
}
