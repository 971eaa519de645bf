//! OIN Studio's benchmarks (not timed tests), every figure a median with its n
//! and, where there is one, the ratio to a baseline measured in the same run:
//! start-up to an interactive library and memory against a hello-world Tauri
//! app, autosave (in the store, through the real app's IPC, while a large logo
//! is fixed), keystroke to issue in the real window, a submit against the local
//! Okta-compatible server, the logo doctor against ImageMagick, and criterion's
//! benches if they ran first. Writes `target/bench.json`.
//!
//! Run with `scripts/bench`, which builds the release apps and provides a
//! virtual desktop. Usage:
//!   oin-bench [rounds]     everything (rounds of app launches, default 7)
//!   oin-bench startup [rounds] | typing | logo | store
//!   oin-bench soak [minutes]   the working-day soak (default 30 minutes; not
//!                              part of the whole run)
//! `OIN_STUDIO_BIN` and `OIN_HELLO_BIN` name the two apps.

mod logo;
mod report;
mod soak;
mod store;
mod window;

use report::Report;

fn main() {
    // `oin-bench seed DIR`: the ten-draft library the start-up bench uses, in DIR.
    if std::env::args().nth(1).as_deref() == Some("seed") {
        let dir = std::env::args().nth(2).expect("oin-bench seed DIR");
        std::fs::create_dir_all(&dir).unwrap();
        store::seed_library(std::path::Path::new(&dir), 10);
        return;
    }
    let mut args = std::env::args().skip(1);
    let first = args.next();
    let (only, rounds) = match first.as_deref().map(|a| (a, a.parse::<usize>())) {
        Some((_, Ok(n))) => (None, n),
        Some((what, Err(_))) => {
            let default = if what == "soak" { 30 } else { 7 };
            (Some(what.to_owned()), args.next().and_then(|n| n.parse().ok()).unwrap_or(default))
        }
        None => (None, 7),
    };
    let runs = |what: &str| only.as_deref().is_none_or(|o| o == what);
    let mut report = Report::default();
    println!("OIN Studio benchmarks — app: {}", oin_tests::webdriver::app_binary().display());
    let seeded = tempfile::tempdir().unwrap();
    store::seed_library(seeded.path(), 10);
    if runs("startup") {
        window::startup(&mut report, rounds, seeded.path());
    }
    if runs("typing") {
        window::typing(&mut report, seeded.path());
    }
    if runs("store") {
        store::saves(&mut report);
        store::saves_during_a_logo_fix(&mut report);
        store::submit(&mut report);
    }
    if only.as_deref() == Some("timeline") {
        window::timeline(seeded.path());
    }
    if only.as_deref() == Some("soak") {
        soak::soak(&mut report, rounds as u64, seeded.path());
    }
    if runs("logo") {
        logo::against_imagemagick(&mut report, 7);
    }
    let target = report::target_dir();
    if only.is_none() {
        report.criterion(&target);
    }
    if runs("sizes") {
        sizes(&mut report, &target);
    }
    println!("figures written to {}", report.write(&target).display());
}

/// What users download: the release binaries (and the .deb, if scripts/bundle made one).
fn sizes(report: &mut Report, target: &std::path::Path) {
    let mb = |p: &std::path::Path| std::fs::metadata(p).ok().map(|m| m.len() as f64 / 1e6);
    for bin in ["oin-studio", "oin", "hello-world"] {
        let path = target.join("release").join(bin);
        if let Some(size) = mb(&path) {
            report.value(&format!("release binary: {bin}"), size, "MB");
        }
        // The Windows and macOS installers compress the binary (NSIS with
        // LZMA, a DMG with zlib): xz -9 and gzip -9 of this one estimate them.
        if bin == "oin-studio" {
            for (tool, flag) in [("xz", "-9"), ("gzip", "-9")] {
                let out = std::process::Command::new(tool).args([flag, "-c"]).arg(&path).output();
                if let Some(out) = out.ok().filter(|o| o.status.success()) {
                    let size = out.stdout.len() as f64 / 1e6;
                    report.value(
                        &format!("oin-studio, {tool} {flag} (installer estimate)"),
                        size,
                        "MB",
                    );
                }
            }
        }
    }
    let debs = target.join("release/bundle/deb");
    for deb in std::fs::read_dir(debs).into_iter().flatten().flatten() {
        if deb.path().extension().is_some_and(|e| e == "deb") {
            let name = deb.file_name().to_string_lossy().into_owned();
            report.value(&format!("installer: {name}"), mb(&deb.path()).unwrap_or(0.0), "MB");
        }
    }
}
