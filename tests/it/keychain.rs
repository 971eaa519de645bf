//! The real OS keychain (the Secret Service of the test desktop): the library
//! learns which drafts have a password from one listing, and it agrees with
//! asking entry by entry.

use std::sync::Arc;

use oin_core::library::Library;
use oin_core::rules::CalendarDate;
use oin_core::secrets::{account, KeychainStore, SecretStore, Sensitive};
use oin_core::store::Store;
use oin_core::IntegrationType;

#[test]
fn one_listing_of_the_keychain_says_which_drafts_have_a_password() {
    let service = format!("dev.oinstudio.tests.list.{}", std::process::id());
    let keychain = KeychainStore::new(&service);
    let other = KeychainStore::new(&format!("{service}.other"));
    keychain.set(&account::test_account("a"), &Sensitive::new("pw-a".into())).unwrap();
    keychain.set(&account::test_account("b"), &Sensitive::new("pw-b".into())).unwrap();
    other.set(&account::test_account("c"), &Sensitive::new("pw-c".into())).unwrap();
    let listed = keychain.accounts_with_secrets().expect("the Secret Service lists its items");
    let mut names: Vec<_> = listed.iter().cloned().collect();
    names.sort();
    assert_eq!(names, [account::test_account("a"), account::test_account("b")], "only this app's");
    for (id, has) in [("a", true), ("b", true), ("c", false)] {
        assert_eq!(listed.contains(&account::test_account(id)), has);
        assert_eq!(keychain.has(&account::test_account(id)), has, "agrees with asking one by one");
    }
    keychain.delete(&account::test_account("a")).unwrap();
    let listed = keychain.accounts_with_secrets().unwrap();
    assert!(!listed.contains(&account::test_account("a")), "a deleted password is gone");
    keychain.delete(&account::test_account("b")).unwrap();
    other.delete(&account::test_account("c")).unwrap();
    assert!(keychain.accounts_with_secrets().unwrap().is_empty());
}

#[test]
fn the_library_lists_with_passwords_from_the_real_keychain() {
    let dir = tempfile::tempdir().unwrap();
    let service = format!("dev.oinstudio.tests.library.{}", std::process::id());
    let secrets: Arc<dyn SecretStore> = Arc::new(KeychainStore::new(&service));
    let now = 1_795_950_000_000;
    let mut lib =
        Library::new(Store::open(&dir.path().join("oin.db")).unwrap(), secrets.clone(), None);
    let with = lib.create(IntegrationType::ApiService, None, now).unwrap().id;
    let without = lib.create(IntegrationType::ApiService, None, now).unwrap().id;
    lib.set_password(&with, Sensitive::new("pw".into()), now).unwrap();
    drop(lib);
    // A new start: the first question lists the keychain once.
    let mut lib =
        Library::new(Store::open(&dir.path().join("oin.db")).unwrap(), secrets.clone(), None);
    let today = CalendarDate::from_unix_millis(now);
    let listed = lib.list(today).unwrap();
    assert_eq!(listed.len(), 2);
    assert!(lib.open(&with, now).unwrap().has_password);
    assert!(!lib.open(&without, now).unwrap().has_password);
    secrets.delete(&account::test_account(&with)).unwrap();
}
