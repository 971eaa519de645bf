//! The keyboard as a user's: real X key events (xdotool) to the app's window,
//! through GTK and WebKit like a keypress on a laptop, never a script setting
//! a value. `tab_to` presses Tab (or Shift+Tab) until the focus is where the
//! user wants it, so reaching a control proves it is in the Tab order.
//!
//! X sends keys to whichever window has the focus, and the window tests run
//! side by side: a journey by keyboard runs its app on a `PrivateDisplay` of
//! its own, so no other test's window can take a key meant for it (or get one).

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::webdriver::Session;

/// A virtual X display of one test's own (Xvfb picks a free number). Gone on drop.
pub struct PrivateDisplay {
    child: Child,
    /// `:N`, for `DISPLAY`.
    pub name: String,
}

impl PrivateDisplay {
    pub fn start() -> Self {
        let mut child = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb runs (scripts/install-deps installs xvfb)");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let n: u32 = line.trim().parse().expect("Xvfb says which display it took");
        Self { child, name: format!(":{n}") }
    }
}

impl Drop for PrivateDisplay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The X window of the app process `pid` (waits up to 10 s for it to map).
pub fn window_of(pid: u32) -> String {
    window_on(pid, None)
}

fn xdotool_on(display: Option<&str>) -> Command {
    let mut cmd = Command::new("xdotool");
    if let Some(d) = display {
        cmd.env("DISPLAY", d);
    }
    cmd
}

fn window_on(pid: u32, display: Option<&str>) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let out = xdotool_on(display)
            .args([
                "search",
                "--all",
                "--onlyvisible",
                "--pid",
                &pid.to_string(),
                "--name",
                "OIN Studio",
            ])
            .output()
            .expect("xdotool runs (scripts/install-deps installs it)");
        let text = String::from_utf8_lossy(&out.stdout);
        if let Some(w) = text.lines().last().filter(|l| !l.trim().is_empty()) {
            return w.trim().to_owned();
        }
        assert!(Instant::now() < deadline, "no window for pid {pid}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub struct Keyboard<'s> {
    session: &'s Session,
    window: String,
    display: String,
}

impl<'s> Keyboard<'s> {
    /// Focuses the app's window on `display` (as a click on its title bar
    /// would) for the keys.
    pub fn new(session: &'s Session, pid: u32, display: &PrivateDisplay) -> Self {
        let window = window_on(pid, Some(&display.name));
        let ok = xdotool_on(Some(&display.name)).args(["windowfocus", "--sync", &window]).status();
        assert!(ok.is_ok_and(|s| s.success()), "the window takes the focus");
        Self { session, window, display: display.name.clone() }
    }

    fn xdotool(&self, args: &[&str]) {
        let mut all = vec!["windowfocus", "--sync", self.window.as_str()];
        all.extend_from_slice(args);
        let ok = xdotool_on(Some(&self.display)).args(&all).status();
        assert!(ok.is_ok_and(|s| s.success()), "xdotool {args:?}");
        // Let GTK and WebKit deliver it before the next look at the page.
        std::thread::sleep(Duration::from_millis(40));
    }

    /// Presses keys, e.g. `"Tab"`, `"shift+Tab"`, `"Return"`, `"space"`, `"Escape"`, `"Right"`, `"ctrl+a"`.
    pub fn press(&self, key: &str) -> &Self {
        self.xdotool(&["key", "--clearmodifiers", key]);
        self
    }

    /// Types text as key presses (newlines as Return), then waits until the
    /// focused field holds it: keys are queued, and a Tab pressed before the
    /// page has taken every letter would land in the field's middle.
    pub fn type_text(&self, text: &str) -> &Self {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.press("Return");
            }
            if !line.is_empty() {
                self.xdotool(&["type", "--clearmodifiers", "--delay", "8", line]);
            }
        }
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let v = self.session.script(
                "const a = document.activeElement; return a && 'value' in a ? a.value : null",
                json!([]),
            );
            match v.as_str() {
                Some(value) if !value.replace("\r\n", "\n").ends_with(text) => {
                    assert!(Instant::now() < deadline, "the field never held “{text}”: “{value}”");
                    std::thread::sleep(Duration::from_millis(50));
                }
                _ => return self,
            }
        }
    }

    /// A token for what has the focus now, to see it move.
    fn focus_token(&self) -> serde_json::Value {
        self.session.script(
            "const a = document.activeElement; if (!a) return null;
             if (!a.dataset.kbSeen) a.dataset.kbSeen = String(Math.random());
             return a.dataset.kbSeen",
            json!([]),
        )
    }

    /// Whether the focused element matches `css`.
    pub fn focus_is(&self, css: &str) -> bool {
        self.session.script(
            "const a = document.activeElement; return !!a && a.matches(arguments[0])",
            json!([css]),
        ) == json!(true)
    }

    /// What has the focus, for a failure message.
    pub fn focused(&self) -> String {
        self.session
            .script(
                "const a = document.activeElement; if (!a) return 'nothing';
                 return a.outerHTML.slice(0, 160)",
                json!([]),
            )
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Presses Tab (`forward`) or Shift+Tab until `css` has the focus; fails
    /// after `most` presses.
    pub fn tab_to(&self, css: &str, forward: bool, most: usize) -> &Self {
        for _ in 0..most {
            if self.focus_is(css) {
                return self;
            }
            let before = self.focus_token();
            self.press(if forward { "Tab" } else { "shift+Tab" });
            // Wait for the key to land: the focus moves (or, at the window's
            // edge, stays put after a while).
            let until = Instant::now() + Duration::from_millis(800);
            while self.focus_token() == before && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        assert!(
            self.focus_is(css),
            "{css} isn't reached by {most} Tabs; the focus is on {}",
            self.focused()
        );
        self
    }

    /// Waits until `css` has the focus (after a key that moves it).
    pub fn wait_focus(&self, css: &str) -> &Self {
        let deadline = Instant::now() + Duration::from_secs(5);
        while !self.focus_is(css) {
            assert!(
                Instant::now() < deadline,
                "{css} never got the focus; it is on {}",
                self.focused()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        self
    }

    /// Whether the focused element shows that it has the focus (an outline or
    /// a box shadow from `:focus-visible`).
    pub fn focus_visible(&self) -> bool {
        self.session.script(
            "const a = document.activeElement; if (!a || a === document.body) return false;
             const s = getComputedStyle(a);
             return a.matches(':focus-visible') && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none');",
            json!([]),
        ) == json!(true)
    }
}
