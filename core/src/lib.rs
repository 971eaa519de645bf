//! OIN Studio's domain logic: the draft model, the OIN rules and completion, the
//! local store, and secrets. Nothing here depends on Tauri; the desktop shell and
//! the tests call the same functions.

pub mod connection;
pub mod draft;
pub mod exchange;
pub mod flowsuite;
pub mod form;
pub mod guide;
pub mod library;
pub mod lifecycle;
pub mod links;
pub mod listing;
pub mod logo;
pub mod net;
pub mod okta;
pub mod review;
pub mod rules;
pub mod scopes;
pub mod secrets;
pub mod store;
pub mod submission;
pub mod update;
pub mod updates;

pub use draft::{Draft, IntegrationType};
