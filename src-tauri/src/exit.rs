//! Every clean exit waits for the last save. File › Quit (Ctrl+Q, ⌘Q), the
//! window's close button, the OS ending the app (SIGTERM, SIGHUP, SIGINT on
//! Linux and macOS; macOS's app termination arrives as an exit request) and a
//! restart ask the UI to save what is still in the webview,
//! and exit once it answers. The wait is bounded: a webview that doesn't
//! answer within `ANSWER` can't save anything more. When the save fails (a
//! full disk, a read-only folder) the UI asks the user — try again, or quit
//! without the last changes — and nothing leaves before they answer.
//!
//! Windows ending the session is the exception: tao answers `WM_ENDSESSION` by
//! ending the process at once (after `RunEvent::Exit`, with the event loop
//! gone), so no webview can be asked. There the promise is the kill -9 one:
//! every save the UI has sent is in SQLite, at most the last ~300 ms of typing
//! is not. Untested here (no Windows machine).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::error::IpcError;

/// How long the UI has to answer before the app exits anyway.
pub const ANSWER: Duration = Duration::from_secs(3);

/// Where an exit stands.
#[derive(Default)]
pub struct ExitGate {
    /// The UI has saved (or the user chose to quit without): exit now.
    ready: AtomicBool,
    /// The UI has been asked and hasn't answered yet.
    asked: AtomicBool,
    /// The save failed and the user is deciding: no timeout.
    deciding: AtomicBool,
}

impl ExitGate {
    /// True once nothing stands in the way of the exit.
    pub fn ready(&self) -> bool {
        self.ready.load(Ordering::SeqCst)
    }
}

/// Asks the UI to save, then exits (see the module docs). Called again while
/// the UI is being asked, it does nothing.
pub fn request<R: Runtime>(app: &AppHandle<R>) {
    let gate = app.state::<ExitGate>();
    if gate.ready() {
        app.exit(0);
        return;
    }
    if gate.asked.swap(true, Ordering::SeqCst) {
        return;
    }
    gate.deciding.store(false, Ordering::SeqCst);
    if app.emit("exit-requested", ()).is_err() {
        return leave(app);
    }
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(ANSWER);
        let gate = app.state::<ExitGate>();
        if gate.asked.load(Ordering::SeqCst) && !gate.deciding.load(Ordering::SeqCst) {
            leave(&app);
        }
    });
}

fn leave<R: Runtime>(app: &AppHandle<R>) {
    app.state::<ExitGate>().ready.store(true, Ordering::SeqCst);
    app.exit(0);
}

/// The UI's answer: everything is saved (exit), or the save failed (the user
/// is asked; no timeout while they decide).
#[tauri::command]
pub fn exit_ready<R: Runtime>(app: AppHandle<R>, saved: bool) -> Result<(), IpcError> {
    let gate = app.state::<ExitGate>();
    if saved {
        leave(&app);
    } else {
        gate.deciding.store(true, Ordering::SeqCst);
        gate.asked.store(false, Ordering::SeqCst);
    }
    Ok(())
}

/// "Quit without them": the user gives up the last unsaved changes.
#[tauri::command]
pub fn exit_anyway<R: Runtime>(app: AppHandle<R>) -> Result<(), IpcError> {
    leave(&app);
    Ok(())
}

/// "Try again" after a failed save is the UI saving again and answering
/// `exit_ready`; "Keep working" cancels the exit.
#[tauri::command]
pub fn exit_cancel<R: Runtime>(app: AppHandle<R>) -> Result<(), IpcError> {
    let gate = app.state::<ExitGate>();
    gate.asked.store(false, Ordering::SeqCst);
    gate.deciding.store(false, Ordering::SeqCst);
    Ok(())
}

/// The OS asking the app to end (SIGTERM, SIGHUP, SIGINT) is a clean exit too.
#[cfg(unix)]
pub fn on_signals<R: Runtime>(app: AppHandle<R>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        for _ in signals.forever() {
            request(&app);
        }
    });
}

#[cfg(not(unix))]
pub fn on_signals<R: Runtime>(_app: AppHandle<R>) {}
