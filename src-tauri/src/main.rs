// Keeps a console window from opening beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Started as the PDF reader, this reads one and exits (`guide::pdf`).
    oin_core::guide::pdf::serve();
    oin_studio_lib::run();
}
