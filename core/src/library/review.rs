//! Okta's review email on a draft: paste it (or drop a .txt/.eml) and its
//! asks become to-dos kept with the draft; a to-do whose field has changed
//! since says so (the user confirms it done); the user can relink, add or
//! dismiss one. Pasting moves a submission under review to Okta's "ISV needs
//! to review" (or, in QA, "ISV needs to fix bugs").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Library, LibraryError};
use crate::form::value;
use crate::lifecycle::SubmissionStatus;
use crate::review::{self, Todo, TodoKind};
use crate::rules::pack::RulePack;
use crate::rules::CalendarDate;
use crate::store::{TodoRow, TodoState};

/// A to-do as the issues panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewTodo {
    #[ts(type = "number")]
    pub id: i64,
    pub field: Option<String>,
    /// The field's label in the draft's form.
    pub label: Option<String>,
    pub kind: TodoKind,
    pub quote: String,
    pub message: String,
    pub state: TodoState,
    /// The field's value has changed since the to-do was made: done?
    pub changed: bool,
    #[ts(type = "number")]
    pub created_at: i64,
}

/// What the user does to a to-do.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum TodoChange {
    Done,
    Dismiss,
    Reopen,
    /// Links it to another field (or none).
    Relink {
        field: Option<String>,
    },
    /// Folds it into another to-do (`into`), which keeps both quotes.
    MergeInto {
        #[ts(type = "number")]
        into: i64,
    },
}

impl Library {
    fn value_of(&self, draft: &crate::Draft) -> impl Fn(&str) -> Option<String> {
        let json = value::json(draft);
        move |path: &str| Some(value::at(&json, path).to_string())
    }

    /// The draft's to-dos, with whether each field changed since.
    pub fn review_todos(&self, id: &str) -> Result<Vec<ReviewTodo>, LibraryError> {
        let row = self.store.load_draft(id)?;
        self.todos_of(id, &row.draft, row.updated_at)
    }

    pub(super) fn todos_of(
        &self,
        id: &str,
        draft: &crate::Draft,
        at: i64,
    ) -> Result<Vec<ReviewTodo>, LibraryError> {
        let pack = RulePack::for_draft(draft, CalendarDate::from_unix_millis(at));
        let form = pack.form(draft.integration_type);
        let now = self.value_of(draft);
        Ok(self
            .store
            .todos(id)?
            .into_iter()
            .map(|t: TodoRow| ReviewTodo {
                label: t.todo.field.as_deref().map(|f| {
                    form.fields
                        .iter()
                        .find(|x| x.path == f)
                        .map_or_else(|| f.to_owned(), |x| x.label.to_owned())
                }),
                changed: t.state == TodoState::Open
                    && t.todo.field.as_deref().is_some_and(|f| now(f) != t.value_then),
                id: t.id,
                field: t.todo.field,
                kind: t.todo.kind,
                quote: t.todo.quote,
                message: t.todo.message,
                state: t.state,
                created_at: t.created_at,
            })
            .collect())
    }

    /// Reads a review email into to-dos on the saved draft.
    pub fn paste_review(
        &mut self,
        id: &str,
        email: &[u8],
        now_ms: i64,
    ) -> Result<Vec<ReviewTodo>, LibraryError> {
        let row = self.store.load_draft(id)?;
        let pack = RulePack::for_draft(&row.draft, CalendarDate::from_unix_millis(now_ms));
        let parsed = review::parse(email, row.draft.integration_type, Some(&row.draft), pack);
        self.store.add_todos(id, &parsed.todos, self.value_of(&row.draft), now_ms)?;
        let next = match SubmissionStatus::parse(&row.status) {
            SubmissionStatus::ToBeReviewed => Some(SubmissionStatus::IsvNeedsToReview),
            SubmissionStatus::ToBeQaTested | SubmissionStatus::FinalReview => {
                Some(SubmissionStatus::IsvNeedsToFixBugs)
            }
            _ => None,
        };
        if let Some(s) = next {
            self.store.set_status(id, s, now_ms)?;
        }
        self.review_todos(id)
    }

    /// Reads a saved email (`.eml`, `.txt`; 5 MB at most) into to-dos.
    pub fn paste_review_file(
        &mut self,
        id: &str,
        path: &std::path::Path,
        now_ms: i64,
    ) -> Result<Vec<ReviewTodo>, LibraryError> {
        let too_big = std::fs::metadata(path).is_ok_and(|m| m.len() > 5 * 1024 * 1024);
        let bytes = if too_big {
            Err("it is larger than 5 MB; an email is far smaller".to_owned())
        } else {
            std::fs::read(path).map_err(|e| e.to_string())
        };
        match bytes {
            Ok(b) => self.paste_review(id, &b, now_ms),
            Err(reason) => Err(LibraryError::Read { path: path.display().to_string(), reason }),
        }
    }

    /// The reply to Okta, ready to copy: each to-do (not dismissed) with what
    /// changed in its field since the submission — or, for what only the user
    /// knows, a [placeholder] — then the other fields that changed.
    pub fn review_reply(&self, id: &str) -> Result<String, LibraryError> {
        let (lines, also) = self.reply_lines(id, |t| t.state != TodoState::Dismissed)?;
        let mut out =
            String::from("Hi OIN team,\n\nThank you for the review. Here is what we changed:\n\n");
        out.push_str(&lines.join("\n"));
        if !also.is_empty() {
            out.push_str(&format!("\n\nAlso changed: {}.", also.join(", ")));
        }
        out.push_str("\n\nBest regards,\n[Your name]\n");
        Ok(out)
    }

    /// For an update in the OIN Manager: what the to-dos marked done changed,
    /// for the "What changes are you making…" text; empty when none is done.
    pub(super) fn review_summary(&self, id: &str) -> Result<String, LibraryError> {
        let (lines, _) = self.reply_lines(id, |t| t.state == TodoState::Done)?;
        Ok(if lines.is_empty() {
            String::new()
        } else {
            format!("In answer to Okta's review:\n{}", lines.join("\n"))
        })
    }

    /// One numbered line per to-do `keep` takes, with what changed in its field
    /// since the submission (or a [placeholder]); and the labels of the other
    /// fields that changed.
    fn reply_lines(
        &self,
        id: &str,
        keep: impl Fn(&ReviewTodo) -> bool,
    ) -> Result<(Vec<String>, Vec<String>), LibraryError> {
        let row = self.store.load_draft(id)?;
        let todos: Vec<ReviewTodo> =
            self.todos_of(id, &row.draft, row.updated_at)?.into_iter().filter(keep).collect();
        // What Okta has: the revision sent, else the draft as the first to-do found it.
        let sent = match self.store.submitted_rev(id)? {
            Some(rev) => self.store.draft_at(id, rev)?,
            None => match todos.iter().map(|t| t.created_at).min() {
                Some(at) => self.store.draft_as_of(id, at)?,
                None => None,
            },
        };
        let pack = RulePack::for_draft(&row.draft, CalendarDate::from_unix_millis(row.updated_at));
        let changes = sent
            .as_ref()
            .map(|s| crate::lifecycle::diff(pack.form(row.draft.integration_type), s, &row.draft))
            .unwrap_or_default();
        let short = |s: &str, n: usize| {
            let s = s.trim();
            if s.chars().count() <= n {
                s.to_owned()
            } else {
                format!("{}…", s.chars().take(n).collect::<String>().trim_end())
            }
        };
        let mut lines = Vec::new();
        for (i, t) in todos.iter().enumerate() {
            let label = t.label.clone().unwrap_or_default();
            let change = t.field.as_deref().and_then(|f| {
                changes.iter().find(|c| c.path == f || c.path.starts_with(&format!("{f}.")))
            });
            let line = match (t.kind, change) {
                (TodoKind::FixField, Some(c)) => {
                    format!("{label}: now “{}”.", short(&c.after, 120))
                }
                (TodoKind::FixField, None) => format!("{label}: [what you changed].",),
                (TodoKind::FixDocument, Some(c)) => format!(
                    "{label}: the guide is now at {}; [what changed in it].",
                    short(&c.after, 200)
                ),
                (TodoKind::FixDocument, None) if t.field.is_some() => {
                    format!("{label}: updated; [what changed in it].")
                }
                (TodoKind::FixDocument, None) => "Test cases: updated; [what changed].".to_owned(),
                (TodoKind::FixApp, _) => {
                    format!("“{}”: fixed in the integration; [what changed].", short(&t.quote, 90))
                }
                (TodoKind::ProvideMaterial, _) => {
                    format!("“{}”: [attached / the link].", short(&t.quote, 90))
                }
                (TodoKind::ReplyOnly, _) => format!("“{}”: [your answer].", short(&t.quote, 90)),
            };
            lines.push(format!("{}. {line}", i + 1));
        }
        let covered = |path: &str| {
            todos.iter().any(|t| {
                t.field.as_deref().is_some_and(|f| path == f || path.starts_with(&format!("{f}.")))
            })
        };
        let also: Vec<String> =
            changes.iter().filter(|c| !covered(&c.path)).map(|c| c.label.clone()).collect();
        Ok((lines, also))
    }

    /// Adds a to-do the email didn't make clear.
    pub fn add_todo(
        &mut self,
        id: &str,
        todo: Todo,
        now_ms: i64,
    ) -> Result<Vec<ReviewTodo>, LibraryError> {
        let draft = self.store.load_draft(id)?.draft;
        self.store.add_todos(id, &[todo], self.value_of(&draft), now_ms)?;
        self.review_todos(id)
    }

    pub fn change_todo(
        &mut self,
        id: &str,
        todo_id: i64,
        change: TodoChange,
    ) -> Result<Vec<ReviewTodo>, LibraryError> {
        let draft = self.store.load_draft(id)?.draft;
        match change {
            TodoChange::Done => self.store.update_todo(id, todo_id, TodoState::Done, None, None)?,
            TodoChange::Dismiss => {
                self.store.update_todo(id, todo_id, TodoState::Dismissed, None, None)?
            }
            TodoChange::Reopen => {
                self.store.update_todo(id, todo_id, TodoState::Open, None, None)?
            }
            TodoChange::Relink { field } => {
                let then = field.as_deref().and_then(self.value_of(&draft));
                self.store.update_todo(
                    id,
                    todo_id,
                    TodoState::Open,
                    Some(field.as_deref()),
                    then,
                )?
            }
            TodoChange::MergeInto { into } => self.store.merge_todos(id, todo_id, into)?,
        }
        self.review_todos(id)
    }
}
