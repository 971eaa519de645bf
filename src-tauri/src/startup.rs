//! Start-up: how the window renders, and (with `OIN_STUDIO_TRACE_START=1`)
//! when each step of the start was reached, in ms since `run` began, on
//! stderr — what `scripts/bench` measures from outside, seen from inside.

use std::sync::OnceLock;
use std::time::Instant;

/// Test and diagnosis seam: "1" prints the start-up's steps.
pub const TRACE_ENV: &str = "OIN_STUDIO_TRACE_START";

/// "1" keeps WebKitGTK's GPU compositing (see `rendering`).
pub const GPU_ENV: &str = "OIN_STUDIO_GPU";

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

/// WebKitGTK composites the page with OpenGL. Without a GPU (virtual
/// machines, remote desktops, CI) Mesa's software GL compiles shaders with
/// LLVM on the CPU at every start — measured here, 40% of the start-up's CPU —
/// and the GL buffers hold ~60 MiB. A page of forms gains nothing from GPU
/// compositing, so OIN Studio renders on the CPU unless the user chose
/// otherwise (`OIN_STUDIO_GPU=1`, or WebKit's own variable). Must run before
/// GTK starts, while the process has one thread.
pub fn rendering() {
    #[cfg(target_os = "linux")]
    {
        const WEBKIT: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
        if std::env::var_os(WEBKIT).is_none() && std::env::var_os(GPU_ENV).is_none_or(|v| v != "1")
        {
            std::env::set_var(WEBKIT, "1");
        }
    }
}
