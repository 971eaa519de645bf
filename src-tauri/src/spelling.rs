//! Spelling in the catalog texts (the description, the names, the reason for
//! the scopes), checked as the user types by the OS's spell checker: the
//! webviews of macOS and Windows do it on their own; WebKitGTK's is turned on
//! here, in the user's language (`LANG`), with English beside it.

/// Once per run: the first draft opened turns it on (the dictionaries load
/// then, not at start-up).
#[cfg(target_os = "linux")]
pub fn enable<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    use std::sync::atomic::{AtomicBool, Ordering};
    use webkit2gtk::{WebContextExt, WebViewExt};
    static ON: AtomicBool = AtomicBool::new(false);
    if ON.swap(true, Ordering::SeqCst) {
        return;
    }
    let lang = std::env::var("LANG").unwrap_or_default();
    let lang = lang.split('.').next().unwrap_or("").to_owned();
    let _ = window.with_webview(move |wv| {
        if let Some(ctx) = wv.inner().context() {
            let mut langs: Vec<&str> = Vec::new();
            if !lang.is_empty() && lang != "C" && lang != "POSIX" {
                langs.push(&lang);
            }
            if !langs.contains(&"en_US") {
                langs.push("en_US");
            }
            ctx.set_spell_checking_enabled(true);
            ctx.set_spell_checking_languages(&langs);
        }
    });
}

#[cfg(not(target_os = "linux"))]
pub fn enable<R: tauri::Runtime>(_window: &tauri::WebviewWindow<R>) {}
