//! Secrets: the `Sensitive<T>` wrapper and where the test-account password is
//! kept — the OS keychain (macOS Keychain, Windows Credential Manager, Secret
//! Service on Linux) through `keyring`, namespaced by the app identifier and the
//! draft id. If no keychain can be reached the password is not stored at all:
//! there is no plaintext fallback. A memory-only store serves tests.

use std::collections::{HashMap, HashSet};
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

/// A secret's fingerprint (SHA-256), to recognise it later without keeping it:
/// "does the clipboard still hold the password?".
#[derive(Clone, PartialEq, Eq)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    pub fn of(text: &str) -> Self {
        use sha2::Digest;
        Self(sha2::Sha256::digest(text.as_bytes()).into())
    }

    /// Whether `text` is the secret this was taken of.
    pub fn matches(&self, text: &str) -> bool {
        *self == Self::of(text)
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<fingerprint>")
    }
}

impl Sensitive<String> {
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::of(&self.0)
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Why the keychain could not be used. Messages never contain the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("OIN Studio can't reach your system keychain ({0}). The password was not saved anywhere. {HINT}")]
    Unavailable(String),
    #[error("Your system keychain is locked. Unlock it (for example by signing in again) and type the password once more; it was not saved anywhere.")]
    Locked,
}

const HINT: &str = if cfg!(target_os = "linux") {
    "Make sure a keyring such as GNOME Keyring or KWallet is running and unlocked, then type it again."
} else if cfg!(target_os = "macos") {
    "Check that Keychain Access works for your account, then type it again."
} else {
    "Check that Windows Credential Manager works for your account, then type it again."
};

/// The app identifier: the keychain service name of the app and of `oin`, so
/// a sign-in made in one is seen by the other.
pub const APP_IDENTIFIER: &str = "dev.oinstudio.desktop";

/// The keychain account names OIN Studio uses: one home for each kind.
pub mod account {
    /// A draft's test-account password.
    pub fn test_account(account: &str) -> String {
        format!("test-account:{account}")
    }
    /// The sign-in (OAuth tokens or an API token) for one Okta org.
    pub fn okta_session(org_host: &str) -> String {
        format!("okta-session:{org_host}")
    }
    /// The client secret of a draft's API service integration instance.
    pub fn api_client_secret(account: &str) -> String {
        format!("api-service-client:{account}")
    }
}

/// Where secrets are kept, keyed by an account name from [`account`].
pub trait SecretStore: Send + Sync {
    fn set(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError>;
    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError>;
    fn delete(&self, account: &str) -> Result<(), SecretError>;
    fn has(&self, account: &str) -> bool {
        matches!(self.get(account), Ok(Some(_)))
    }
    /// Every account of this app with a secret the keychain would hand over
    /// now, in one request; `None` when the keychain can't list them (then
    /// `has` is asked one by one). The library asks this once at start-up
    /// instead of a keychain round trip per draft.
    fn accounts_with_secrets(&self) -> Option<HashSet<String>> {
        None
    }
}

/// The OS keychain. Entries: service = the app identifier, account = a name
/// from [`account`], e.g. `test-account:<draft id>`.
pub struct KeychainStore {
    service: String,
}

impl KeychainStore {
    pub fn new(app_identifier: &str) -> Self {
        Self { service: app_identifier.to_owned() }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, account).map_err(map_err)
    }
}

fn map_err(e: keyring::Error) -> SecretError {
    let text = e.to_string();
    if text.to_lowercase().contains("locked") {
        return SecretError::Locked;
    }
    match e {
        keyring::Error::NoStorageAccess(inner) | keyring::Error::PlatformFailure(inner) => {
            SecretError::Unavailable(inner.to_string())
        }
        other => SecretError::Unavailable(other.to_string()),
    }
}

impl SecretStore for KeychainStore {
    fn set(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError> {
        if secret.expose().is_empty() {
            return self.delete(account);
        }
        self.entry(account)?.set_password(secret.expose()).map_err(map_err)
    }

    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError> {
        match self.entry(account)?.get_password() {
            Ok(p) => Ok(Some(Sensitive::new(p))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_err(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<(), SecretError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }

    /// Secret Service: one search by this app's `service` attribute (the one
    /// `keyring` writes), over one connection, with no secret transferred. A
    /// locked collection can't hand its secrets over, so any locked item of
    /// ours means "ask one by one" (which reports them as missing, as before).
    #[cfg(target_os = "linux")]
    fn accounts_with_secrets(&self) -> Option<HashSet<String>> {
        use dbus_secret_service::{EncryptionType, SecretService};
        let ss = SecretService::connect(EncryptionType::Plain).ok()?;
        let found = ss.search_items(HashMap::from([("service", self.service.as_str())])).ok()?;
        if !found.locked.is_empty() {
            return None;
        }
        found.unlocked.iter().map(|item| item.get_attributes().ok()?.remove("username")).collect()
    }
}

/// Keeps secrets in this process's memory only (tests, and the mock shell).
#[derive(Default)]
pub struct MemorySecretStore {
    map: Mutex<HashMap<String, Sensitive<String>>>,
}

impl SecretStore for MemorySecretStore {
    fn accounts_with_secrets(&self) -> Option<HashSet<String>> {
        Some(self.map.lock().unwrap_or_else(|e| e.into_inner()).keys().cloned().collect())
    }

    fn set(&self, account: &str, secret: &Sensitive<String>) -> Result<(), SecretError> {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if secret.expose().is_empty() {
            map.remove(account);
        } else {
            map.insert(account.to_owned(), secret.clone());
        }
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, SecretError> {
        Ok(self.map.lock().unwrap_or_else(|e| e.into_inner()).get(account).cloned())
    }

    fn delete(&self, account: &str) -> Result<(), SecretError> {
        self.map.lock().unwrap_or_else(|e| e.into_inner()).remove(account);
        Ok(())
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
        store.set("d1", &Sensitive::new("pw".into())).unwrap();
        assert!(store.has("d1"));
        store.set("d1", &Sensitive::new(String::new())).unwrap();
        assert!(!store.has("d1"), "clearing the field removes the secret");
    }

    #[test]
    fn errors_say_what_to_do_and_never_hold_the_secret() {
        let e = SecretError::Unavailable("no D-Bus".into());
        assert!(e.to_string().contains("was not saved anywhere"));
        assert!(SecretError::Locked.to_string().contains("Unlock"));
    }
}
