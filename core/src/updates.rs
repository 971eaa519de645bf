//! When OIN Studio looks for a new version: at start, at most once a day, and
//! never in the way (a failed check waits for the next day like a good one).
//! The check itself — a signed manifest, Tauri's updater — is the shell's.

/// At most one automatic check per this many milliseconds.
pub const CHECK_EVERY_MS: i64 = 86_400_000;

/// Whether an automatic check is due, given the last one (if any).
pub fn due(last_checked_ms: Option<i64>, now_ms: i64) -> bool {
    match last_checked_ms {
        None => true,
        // A clock set back past the last check also counts as due.
        Some(last) => now_ms - last >= CHECK_EVERY_MS || now_ms < last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_is_due_once_a_day() {
        assert!(due(None, 0));
        assert!(!due(Some(1_000), 1_000 + CHECK_EVERY_MS - 1));
        assert!(due(Some(1_000), 1_000 + CHECK_EVERY_MS));
        assert!(due(Some(5_000), 1_000), "a clock set back doesn't silence checks");
    }
}
