//! Start-up: the library opened early, how the window renders, and (with
//! `OIN_STUDIO_TRACE_START=1`) when each step of the start was reached, in ms
//! since `run` began, on stderr — what `scripts/bench` measures from outside,
//! seen from inside.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use oin_core::library::Start;

use crate::state::{now_ms, today, AppState};

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

/// WebKitGTK keeps pages, scripts and decoded images as a web browser would
/// (its default cache model: room for pages to come back to, and a
/// back/forward cache). OIN Studio is one page whose pictures are made on
/// demand (logo previews are `data:` URLs, each new), so what a browser keeps
/// only grows over a working day; the document viewer's model keeps the
/// least. Set as the window is made, before its page has loaded.
pub fn cache_model<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        let _ = window.with_webview(|wv| {
            if let Some(ctx) = wv.inner().context() {
                ctx.set_cache_model(CacheModel::DocumentViewer);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

/// The library, opened and read on a thread of its own from the first moment,
/// while Tauri and GTK start (~240 ms here before the window exists): the first
/// screen then comes with the page (`first_screen`) instead of a round of IPC
/// after it, which took ~90 ms on a webview that had just started
/// (`oin-bench timeline`).
pub struct Early {
    dir: PathBuf,
    thread: std::thread::JoinHandle<(AppState, Option<Start>)>,
}

impl Early {
    /// Starts opening the library in `OIN_STUDIO_DATA_DIR`, or else in the OS
    /// app-data folder for `identifier` (`os_data_dir`).
    pub fn begin(identifier: &str) -> Option<Self> {
        let dir = match std::env::var_os(crate::DATA_DIR_ENV) {
            Some(dir) => PathBuf::from(dir),
            None => os_data_dir(identifier)?,
        };
        let (at, identifier) = (dir.clone(), identifier.to_owned());
        let thread = std::thread::spawn(move || open(&at, &identifier));
        Some(Self { dir, thread })
    }

    /// The library opened early, if it was opened in `dir` (where Tauri says
    /// the app keeps its data); `None`: open it there.
    pub fn take(self, dir: &Path) -> Option<(AppState, Option<Start>)> {
        let opened = self.thread.join().ok()?;
        (self.dir == dir).then_some(opened)
    }
}

/// Opens the library in `dir` (passwords in the keychain of `identifier`)
/// and reads its first screen.
pub fn open(dir: &Path, identifier: &str) -> (AppState, Option<Start>) {
    let keychain = oin_core::secrets::KeychainStore::new(identifier);
    let state = AppState::open(dir, std::sync::Arc::new(keychain));
    let start = first_start(&state);
    (state, start)
}

/// The library's first screen, if it can be read (if not, the page asks and
/// shows why).
pub fn first_start(state: &AppState) -> Option<Start> {
    state.library().ok()?.start(today(), now_ms()).ok()
}

/// The folder Tauri's `app_data_dir` names (without an override in the
/// config, and OIN Studio has none), known before Tauri starts; a test checks
/// they agree, and `setup` only keeps an early library opened where Tauri says.
pub fn os_data_dir(identifier: &str) -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(identifier))
}

/// The script that hands the page its first screen before its own scripts
/// run (the page asks over IPC instead when reloaded: this is the start's).
pub fn first_screen(started: &crate::commands::app::Started) -> Option<String> {
    serde_json::to_string(started).ok().map(|json| format!("window.__OIN_START__ = {json};"))
}
