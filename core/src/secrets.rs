//! Secrets: the `Sensitive<T>` wrapper and the store that holds the test-account
//! password. For now the only store is in memory (nothing reaches disk); the OS
//! keychain will implement the same `SecretStore` trait.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use serde::Deserialize;

/// A value that must never be printed, logged or serialized. `Debug` prints
/// `<redacted>`; there is deliberately no `Serialize` and no `Display`.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Sensitive<T>(T);

impl<T> Sensitive<T> {
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The only way to the value: named so it stands out in review.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Where test-account passwords are kept, keyed by draft id.
pub trait SecretStore: Send + Sync {
    fn set(&self, draft_id: &str, secret: Sensitive<String>);
    fn get(&self, draft_id: &str) -> Option<Sensitive<String>>;
    fn delete(&self, draft_id: &str);
    fn has(&self, draft_id: &str) -> bool {
        self.get(draft_id).is_some()
    }
}

/// Keeps secrets in this process's memory only: they are gone when the app quits.
#[derive(Default)]
pub struct MemorySecretStore {
    map: Mutex<HashMap<String, Sensitive<String>>>,
}

impl SecretStore for MemorySecretStore {
    fn set(&self, draft_id: &str, secret: Sensitive<String>) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if secret.expose().is_empty() {
            map.remove(draft_id);
        } else {
            map.insert(draft_id.to_owned(), secret);
        }
    }

    fn get(&self, draft_id: &str) -> Option<Sensitive<String>> {
        self.map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(draft_id)
            .cloned()
    }

    fn delete(&self, draft_id: &str) {
        self.map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(draft_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let s = Sensitive::new("hunter2".to_owned());
        assert_eq!(format!("{s:?}"), "<redacted>");
        assert_eq!(format!("{:?}", Some(&s)), "Some(<redacted>)");
    }

    #[test]
    fn an_empty_password_clears_the_entry() {
        let store = MemorySecretStore::default();
        store.set("d1", Sensitive::new("pw".into()));
        assert!(store.has("d1"));
        store.set("d1", Sensitive::new(String::new()));
        assert!(!store.has("d1"), "clearing the field removes the secret");
    }
}
