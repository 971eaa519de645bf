//! One OIN Studio at a time: a second copy (a double-clicked draft, a second
//! launch) hands its arguments to the first, which comes to the front and
//! opens the drafts among them. On Linux over the session bus, with the D-Bus
//! library the keychain already uses (Tauri's single-instance plugin brings a
//! second D-Bus stack, zbus: half a megabyte of the binary); on Windows and
//! macOS through Tauri's plugin.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};

/// What the first copy does with a second copy's arguments.
pub fn handed_over<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
    crate::open_files(app, argv.into_iter().map(PathBuf::from));
}

#[cfg(target_os = "linux")]
pub use bus::{claim, Claim};

#[cfg(target_os = "linux")]
mod bus {
    use std::time::Duration;

    use dbus::blocking::stdintf::org_freedesktop_dbus::RequestNameReply;
    use dbus::blocking::Connection;
    use dbus::channel::{MatchingReceiver, Sender};
    use dbus::message::MatchRule;
    use tauri::{AppHandle, Runtime};

    const PATH: &str = "/SingleInstance";
    const OPEN: &str = "Open";

    /// What starting this copy found on the session bus.
    pub enum Claim {
        /// This is the first copy: it answers the next ones (`serve`).
        First(Connection),
        /// A first copy has this one's arguments: this one ends.
        HandedOver,
        /// No session bus (or a first copy that doesn't answer): this copy
        /// runs on its own.
        Alone,
    }

    fn name(identifier: &str) -> String {
        format!("{identifier}.SingleInstance")
    }

    /// Takes the app's name on the session bus, or hands this copy's
    /// arguments (files made absolute: the first copy has another working
    /// folder) to the copy that has it.
    pub fn claim(identifier: &str) -> Claim {
        let Ok(conn) = Connection::new_session() else { return Claim::Alone };
        let name = name(identifier);
        match conn.request_name(name.as_str(), false, false, true) {
            Ok(RequestNameReply::PrimaryOwner | RequestNameReply::AlreadyOwner) => {
                Claim::First(conn)
            }
            Ok(RequestNameReply::Exists | RequestNameReply::InQueue) => {
                let argv: Vec<String> = std::env::args_os()
                    .skip(1)
                    .map(|a| {
                        let path = std::path::PathBuf::from(&a);
                        std::path::absolute(&path).unwrap_or(path).to_string_lossy().into_owned()
                    })
                    .collect();
                let first = conn.with_proxy(name.as_str(), PATH, Duration::from_secs(5));
                match first.method_call::<(), _, _, _>(name.as_str(), OPEN, (argv,)) {
                    Ok(()) => Claim::HandedOver,
                    Err(_) => Claim::Alone,
                }
            }
            Err(_) => Claim::Alone,
        }
    }

    /// Answers the copies started after this one, on a thread of its own.
    pub fn serve<R: Runtime>(conn: Connection, app: AppHandle<R>) {
        std::thread::spawn(move || {
            conn.start_receive(
                MatchRule::new_method_call(),
                Box::new(move |msg, conn| {
                    if msg.member().is_some_and(|m| &*m == OPEN) {
                        let argv: Vec<String> = msg.read1().unwrap_or_default();
                        super::handed_over(&app, argv);
                    }
                    let _ = conn.send(msg.method_return());
                    true
                }),
            );
            while conn.process(Duration::from_secs(3600)).is_ok() {}
        });
    }

    impl Claim {
        /// In `setup`: the first copy starts answering.
        pub fn serve<R: Runtime>(self, app: &AppHandle<R>) {
            if let Claim::First(conn) = self {
                serve(conn, app.clone());
            }
        }
    }
}
