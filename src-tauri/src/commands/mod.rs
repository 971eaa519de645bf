//! The app's commands, one expression each: call core, map the error.

pub mod app;
pub mod clipboard;
pub mod drafts;
pub mod files;
pub mod guide;
pub mod lifecycle;
pub mod okta;
pub mod review;
