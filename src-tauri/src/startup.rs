//! Start-up, seen from inside: with `OIN_STUDIO_TRACE_START=1`, when each
//! step of the start was reached, in ms since `run` began, on
//! stderr — what `scripts/bench` measures from outside, seen from inside.

use std::sync::OnceLock;
use std::time::Instant;

/// Test and diagnosis seam: "1" prints the start-up's steps.
pub const TRACE_ENV: &str = "OIN_STUDIO_TRACE_START";

static BEGAN: OnceLock<(Instant, bool)> = OnceLock::new();

pub fn began() {
    BEGAN.get_or_init(|| (Instant::now(), std::env::var_os(TRACE_ENV).is_some_and(|v| v == "1")));
}

/// Notes that start-up reached `what`.
pub fn mark(what: &str) {
    if let Some((t, true)) = BEGAN.get() {
        eprintln!("[start +{:>6.1} ms] {what}", t.elapsed().as_secs_f64() * 1000.0);
    }
}

/// Runs `f`, noting when it was asked and answered.
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    mark(&format!("{what} asked"));
    let out = f();
    mark(&format!("{what} answered"));
    out
}
