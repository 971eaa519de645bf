//! The hello-world Tauri app `scripts/bench` measures OIN Studio against: one
//! window of the app's size showing a static page, nothing else.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the hello-world window opens");
}
