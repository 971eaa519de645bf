//! OIN Studio's desktop shell: builds the Tauri app, holds the state and maps
//! commands one-to-one onto `oin_core`. No domain logic lives here.

mod commands;
mod error;
mod exit;
mod menu;
mod notify;
mod opener;
mod single;
mod spelling;
mod startup;
mod state;
mod updates;

#[cfg(test)]
mod product_tests;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

use tauri::{Builder, DragDropEvent, Emitter, Manager, Runtime, WindowEvent};

pub use error::{IpcError, IpcErrorCode};
pub use state::AppState;

/// Environment variable that points the app at another data folder (tests, or
/// keeping two libraries apart).
pub const DATA_DIR_ENV: &str = "OIN_STUDIO_DATA_DIR";

/// Registers every command on `builder`; generic so tests can use Tauri's mock
/// runtime. The caller manages an `AppState`.
pub fn run_app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(updates::Pending::default())
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .manage(exit::ExitGate::default())
        .on_window_event(|window, event| match event {
            // The close button waits for the last save (`exit`).
            WindowEvent::CloseRequested { api, .. }
                if !window.state::<exit::ExitGate>().ready() =>
            {
                api.prevent_close();
                exit::request(window.app_handle());
            }
            // Rust reads a dropped file; the UI gets the stored attachment.
            WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) => {
                if let Some(path) = paths.first() {
                    let dropped = commands::files::dropped(&window.state::<AppState>(), path);
                    let _ = window.emit("file-dropped", dropped);
                }
            }
            // Size and place are kept as they change (half a second after the
            // last change), not only at a clean exit: a killed app keeps them.
            WindowEvent::Resized(_) | WindowEvent::Moved(_) => remember_window(window.app_handle()),
            _ => {}
        })
        .invoke_handler(tauri::generate_handler![
            exit::exit_ready,
            exit::exit_anyway,
            exit::exit_cancel,
            commands::app::enable_spelling,
            commands::app::startup,
            commands::app::set_session,
            commands::app::check_for_update,
            commands::app::install_update,
            commands::drafts::library_shelf,
            commands::drafts::create_draft,
            commands::drafts::open_draft,
            commands::drafts::save_draft,
            commands::drafts::undo_draft,
            commands::drafts::redo_draft,
            commands::drafts::rename_draft,
            commands::drafts::duplicate_draft,
            commands::drafts::set_password,
            commands::drafts::form_schema,
            commands::drafts::check_draft,
            commands::drafts::apply_fix,
            commands::drafts::check_links,
            commands::guide::check_guide,
            commands::files::listing_preview,
            commands::clipboard::copy_password,
            commands::guide::starter_guide,
            commands::guide::save_starter_guide,
            commands::guide::save_listing_picture,
            commands::review::paste_review,
            commands::review::pick_review,
            commands::review::paste_dropped_review,
            commands::review::change_todo,
            commands::review::review_reply,
            commands::review::add_todo,
            commands::drafts::reveal_password,
            commands::lifecycle::set_status,
            commands::lifecycle::delete_draft,
            commands::lifecycle::restore_draft,
            commands::lifecycle::update_published,
            commands::files::pick_attachment,
            commands::files::export_draft,
            commands::files::import_draft,
            commands::files::logo_view,
            commands::files::attach_pasted,
            commands::files::fix_logo,
            commands::files::use_original_logo,
            commands::okta::okta_accounts,
            commands::okta::okta_client_id,
            commands::okta::okta_start_device,
            commands::okta::okta_finish_device,
            commands::okta::okta_cancel_sign_in,
            commands::okta::okta_sign_in_browser,
            commands::okta::okta_sign_in_token,
            commands::okta::okta_sign_out,
            commands::okta::submit_preview,
            commands::okta::submit_draft,
            commands::okta::refresh_statuses,
            commands::okta::outbox,
            commands::okta::import_from_org,
            commands::okta::handoff,
            commands::okta::choose_submission,
            commands::okta::reveal_handoff_files,
            commands::okta::open_web,
            commands::okta::probe_integration,
        ])
}

/// Saves the window's size and place once it has stopped changing for 500 ms.
fn remember_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    use std::sync::atomic::{AtomicU64, Ordering};
    use tauri_plugin_window_state::{AppHandleExt, StateFlags};
    static LATEST: AtomicU64 = AtomicU64::new(0);
    let mine = LATEST.fetch_add(1, Ordering::SeqCst) + 1;
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        if LATEST.load(Ordering::SeqCst) == mine {
            let _ = app.save_window_state(StateFlags::all());
        }
    });
}

/// Opens the drafts among `paths` (a second copy's arguments) and tells the UI.
pub(crate) fn open_files<R: Runtime>(
    app: &tauri::AppHandle<R>,
    paths: impl Iterator<Item = PathBuf>,
) {
    for path in draft_files(paths) {
        let opened = commands::files::opened(&app.state::<AppState>(), &path);
        let _ = app.emit("file-opened", opened);
    }
}

/// The OIN Studio draft files among `paths`.
fn draft_files(paths: impl Iterator<Item = PathBuf>) -> impl Iterator<Item = PathBuf> {
    paths.filter(|p| p.to_string_lossy().to_lowercase().ends_with(".oin.json"))
}

/// Test seam: "1" lets several copies run side by side (parallel real-window
/// tests); otherwise a second copy hands over to the first.
pub const MULTI_INSTANCE_ENV: &str = "OIN_STUDIO_MULTI_INSTANCE";

/// Test seam: seconds between background rounds (default three minutes).
pub const POLL_SECS_ENV: &str = "OIN_STUDIO_POLL_SECS";

/// While the app is open: sends what waits in the outbox and fetches statuses
/// from Okta, soon after start and then every few minutes; the UI hears of
/// every change ("okta-status").
fn poll_okta<R: Runtime>(app: tauri::AppHandle<R>) {
    let every = std::env::var(POLL_SECS_ENV).ok().and_then(|s| s.parse().ok()).unwrap_or(180);
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(3));
        loop {
            let state = app.state::<AppState>();
            if let Ok(lib) = state.shared() {
                let report = state.connection.poll(lib, &state::now_ms);
                if !report.is_empty() {
                    notify::status_changes(&app, &report.changes);
                    let _ = app.emit("okta-status", report);
                }
            }
            std::thread::sleep(std::time::Duration::from_secs(every));
        }
    });
}

/// Starts the desktop app.
pub fn run() {
    startup::began();
    startup::rendering();
    let context = tauri::generate_context!();
    let one_copy = std::env::var_os(MULTI_INSTANCE_ENV).is_none_or(|v| v != "1");
    // One OIN Studio at a time (`single`): first of all, so a second copy
    // hands over before it opens anything.
    #[cfg(target_os = "linux")]
    let claim = one_copy.then(|| single::claim(&context.config().identifier));
    #[cfg(target_os = "linux")]
    if matches!(claim, Some(single::Claim::HandedOver)) {
        return;
    }
    let early = startup::Early::begin(&context.config().identifier);
    #[allow(unused_mut)]
    let mut builder = Builder::default();
    #[cfg(not(target_os = "linux"))]
    if one_copy {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, argv, _cwd| {
            single::handed_over(app, argv.into_iter().skip(1).collect());
        }));
    }
    #[cfg(not(target_os = "linux"))]
    {
        builder = builder.plugin(tauri_plugin_clipboard_manager::init());
    }
    let builder = builder
        .plugin(tauri_plugin_dialog::init())
        .on_page_load(|_, load| startup::mark(&format!("page {:?}", load.event())))
        .setup(move |app| {
            startup::mark("setup");
            #[cfg(target_os = "linux")]
            if let Some(claim) = claim {
                claim.serve(app.handle());
            }
            let dir = match std::env::var_os(DATA_DIR_ENV) {
                Some(dir) => PathBuf::from(dir),
                None => app.path().app_data_dir()?,
            };
            let (state, mut start) = early
                .and_then(|e| e.take(&dir))
                .unwrap_or_else(|| startup::open(&dir, &app.config().identifier));
            // Linux and Windows hand a double-clicked *.oin.json over as an argument.
            let files: Vec<PathBuf> =
                draft_files(std::env::args_os().skip(1).map(PathBuf::from)).collect();
            for path in &files {
                state.remember_opened(commands::files::opened(&state, path));
            }
            if !files.is_empty() {
                start = startup::first_start(&state);
            }
            startup::mark("library opened");
            let first =
                start.and_then(|s| startup::first_screen(&commands::app::started(&state, s)));
            app.manage(state);
            // The menu first: a window made after it has its menu bar from the
            // start (set later, the bar resizes the page while it first lays out).
            app.set_menu(menu::build(app.handle())?)?;
            app.on_menu_event(menu::on_event);
            // The window is made here (not from the config) to carry the first screen.
            let config = app.config().app.windows.iter().find(|w| w.label == "main").cloned();
            let config = config.ok_or("tauri.conf.json has no main window")?;
            let mut window = tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?;
            if let Some(script) = first {
                window = window.initialization_script(&script);
            }
            startup::cache_model(&window.build()?);
            startup::mark("window made");
            poll_okta(app.handle().clone());
            updates::check_at_start(app.handle().clone());
            exit::on_signals(app.handle().clone());
            startup::mark("setup done");
            Ok(())
        });
    run_app(builder).build(context).expect("OIN Studio could not start its window").run(
        |_app, _event| {
            // Every other way out (the last window, the OS ending the
            // session) waits for the last save too.
            if let tauri::RunEvent::ExitRequested { api, .. } = &_event {
                if !_app.state::<exit::ExitGate>().ready() {
                    api.prevent_exit();
                    exit::request(_app);
                }
            }
            // macOS hands a double-clicked *.oin.json over as an event.
            #[cfg(any(target_os = "macos", target_os = "ios"))]
            if let tauri::RunEvent::Opened { urls } = _event {
                let paths = urls.iter().filter_map(|u| u.to_file_path().ok());
                for path in draft_files(paths) {
                    let opened = commands::files::opened(&_app.state::<AppState>(), &path);
                    let _ = _app.emit("file-opened", opened);
                }
            }
        },
    );
}
