//! The OIN rules: dated rule packs and what a draft must hold to be complete.
//!
//! Rules are data plus small pure functions; time is passed in, never read here.
//! The UI renders what these functions return and never re-implements a rule.

pub mod completion;
pub mod pack;

pub use completion::{completion, Completion, Facts, TabCompletion};
pub use pack::{CalendarDate, RulePack, PACKS};
