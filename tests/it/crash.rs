//! The real app killed with SIGKILL while the user is typing: after a restart
//! everything typed more than one autosave window (300 ms, plus the save and CI slack)
//! before the kill is there, and the database passes `PRAGMA integrity_check`.

use std::time::{Duration, Instant};

use oin_core::store::Store;
use oin_tests::webdriver::Driver;

#[test]
fn kill_9_while_typing_loses_at_most_the_last_debounce_window() {
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.path())]);
    let mut expected = String::new();
    for round in 0..3 {
        let s = driver.session();
        if round == 0 {
            s.find(r#"[data-testid="new-workflows"]"#).click();
        }
        let field = s.find(r#"[data-field="testAccount.instructions"]"#);
        s.wait_until("the draft reopens with what was saved", |_| field.value() == expected);
        // Type in bursts; remember what had been typed a second before the kill (300 ms debounce, the save, slack for a busy CI machine).
        let mut typed_at: Vec<(Instant, usize)> = Vec::new();
        for burst in 0..30 {
            let chunk = format!("r{round}b{burst:02} ");
            field.type_text(&chunk);
            expected.push_str(&chunk);
            typed_at.push((Instant::now(), expected.len()));
            std::thread::sleep(Duration::from_millis(40 + (burst * 37 % 90) as u64));
        }
        let killed_at = Instant::now();
        assert!(
            typed_at.len() == 30
                && killed_at.duration_since(typed_at[0].0) > Duration::from_secs(2)
        );
        let safe_len = typed_at
            .iter()
            .rev()
            .find(|(t, _)| killed_at.duration_since(*t) > Duration::from_millis(1000))
            .map_or(0, |(_, n)| *n);
        // SIGKILL: no chance to flush anything.
        let pid = driver.app_pid();
        let status =
            std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap();
        assert!(status.success());
        drop(s); // end the WebDriver session of the killed app
        std::thread::sleep(Duration::from_millis(300));

        let store = Store::open(&data.path().join("oin-studio.db"))
            .expect("the database opens after kill -9");
        assert_eq!(store.integrity_check().unwrap(), "ok", "round {round}");
        let saved = store.list_drafts().unwrap()[0]
            .draft
            .test_account
            .instructions
            .clone()
            .unwrap_or_default();
        assert!(
            expected.starts_with(&saved),
            "round {round}: saved text is what was typed, in order"
        );
        assert!(
            saved.len() >= safe_len,
            "round {round}: lost more than the last second: saved {} of {} safe characters",
            saved.len(),
            safe_len
        );
        expected = saved;
    }
}
