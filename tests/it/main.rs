//! OIN Studio's integration tests: one binary. The store under faults (kill -9,
//! corrupt and future files, full and read-only disks) and the real app window
//! driven over WebDriver.

mod a11y_window;
mod cli;
mod clipboard_window;
mod crash;
mod exit_window;
mod fuzz_regressions;
mod guide;
mod guide_window;
mod history;
mod journey;
mod keyboard_window;
mod keychain;
mod lifecycle;
mod listing_window;
mod logo_files;
mod okta;
mod okta_cli;
mod okta_safety;
mod okta_schema;
mod okta_window;
mod precheck;
mod review_window;
mod shipping;
mod store_faults;
mod update_paths;
mod update_window;
