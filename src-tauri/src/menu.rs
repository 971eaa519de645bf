//! The native menu bar: File (new drafts, import, export, quit), Edit (undo and
//! redo of the draft, the clipboard), Help (OIN documentation, updates, About),
//! with each platform's usual shortcuts (⌘ on macOS, Ctrl elsewhere). A choice
//! the UI carries out reaches it as a "menu" event with the item's id.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// Items whose id the UI acts on (`ui/src/lib/menu.ts` names the same ones).
pub const UI_ITEMS: [&str; 8] =
    ["new-workflows", "new-api", "import", "export", "undo", "redo", "about", "updates"];

const OIN_DOCS: &str = "https://developer.okta.com/docs/guides/submit-app-overview/";

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str, keys: Option<&str>| {
        let b = MenuItemBuilder::with_id(id, text);
        match keys {
            Some(k) => b.accelerator(k).build(app),
            None => b.build(app),
        }
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new-workflows", "New Workflows connector draft", Some("CmdOrCtrl+N"))?)
        .item(&item("new-api", "New API service draft", Some("CmdOrCtrl+Shift+N"))?)
        .separator()
        .item(&item("import", "Import draft…", Some("CmdOrCtrl+O"))?)
        .item(&item("export", "Export draft…", Some("CmdOrCtrl+E"))?)
        .separator()
        .item(&item("quit", "Quit OIN Studio", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo", "Undo", Some("CmdOrCtrl+Z"))?)
        .item(&item("redo", "Redo", Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item("oin-docs", "OIN documentation", None)?)
        .item(&item("updates", "Check for updates…", None)?)
        .separator()
        .item(&item("about", "About OIN Studio", None)?)
        .build()?;
    let mut menu = MenuBuilder::new(app);
    if cfg!(target_os = "macos") {
        // macOS puts the app's own menu first: About, Hide, Quit.
        let app_menu = SubmenuBuilder::new(app, "OIN Studio")
            .item(&item("about", "About OIN Studio", None)?)
            .separator()
            .hide()
            .hide_others()
            .show_all()
            .separator()
            .item(&item("quit", "Quit OIN Studio", Some("Cmd+Q"))?)
            .build()?;
        menu = menu.item(&app_menu);
    }
    menu.items(&[&file, &edit, &help]).build()
}

/// What a menu choice does: quit (after the last save) and the documentation
/// here, the rest in the UI.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        "quit" => crate::exit::request(app),
        "oin-docs" => {
            let _ = crate::opener::open_web(OIN_DOCS);
        }
        id if UI_ITEMS.contains(&id) => {
            let _ = app.emit("menu", id.to_owned());
        }
        _ => {}
    }
}
