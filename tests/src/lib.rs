//! Shared by OIN Studio's integration tests and benchmarks: a WebDriver client
//! that drives the real app window through tauri-driver.

pub mod a11y;
pub mod guide_server;
pub mod http;
pub mod keyboard;
pub mod okta_server;
pub mod tmpfs;
pub mod webdriver;
