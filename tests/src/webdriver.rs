//! A small W3C WebDriver client over blocking HTTP, and a tauri-driver process
//! that launches the real OIN Studio binary under the display the test runs in.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;

use crate::http;
use serde_json::{json, Value};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// WebDriver's key codes for the modifier keys (W3C WebDriver §17.4.2).
pub const CONTROL: char = '\u{E009}';
pub const SHIFT: char = '\u{E008}';
pub const RELEASE: char = '\u{E000}';

/// The app under test: `OIN_STUDIO_BIN`, or the debug build that
/// `cargo build --workspace` leaves.
pub fn app_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("OIN_STUDIO_BIN") {
        return PathBuf::from(bin);
    }
    let exe = if cfg!(windows) { "oin-studio.exe" } else { "oin-studio" };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug").join(exe);
    assert!(
        path.exists(),
        "{} is missing: build the app first (ui: npm run build; then cargo build --workspace), \
         or run the README's test command, which does both",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_for_port(port: u16, deadline: Instant) {
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "port {port} never opened");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A running tauri-driver; killed on drop.
pub struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// Starts tauri-driver with `env` passed on to the app it launches.
    pub fn start(env: &[(&str, &Path)]) -> Self {
        Self::start_logged(env, None)
    }

    /// Like `start`, with everything the driver and the app print sent to `log`.
    pub fn start_logged(env: &[(&str, &Path)], log: Option<&Path>) -> Self {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "the real-window tests need a display: run them through the README's test command \
             (xvfb-run inside dbus-run-session)"
        );
        let (port, native) = loop {
            let p = free_port();
            if p < u16::MAX && TcpListener::bind(("127.0.0.1", p + 1)).is_ok() {
                break (p, p + 1);
            }
        };
        let mut cmd = Command::new(tauri_driver());
        cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(log) = log {
            let file = std::fs::File::create(log).expect("the log file can be created");
            cmd.stdout(file.try_clone().unwrap()).stderr(file);
        }
        // Tests run side by side: each app is its own single instance, unless a
        // test asks otherwise.
        cmd.env("OIN_STUDIO_MULTI_INSTANCE", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("tauri-driver starts (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + Duration::from_secs(20);
        wait_for_port(port, deadline);
        wait_for_port(native, deadline);
        Self { child, url: format!("http://127.0.0.1:{port}") }
    }

    /// Launches the app and opens a session on its window.
    pub fn session(&self) -> Session {
        self.session_with_args(&[])
    }

    /// Launches the app with command-line `args` (as the OS does when a file
    /// is double-clicked) and opens a session on its window.
    pub fn session_with_args(&self, args: &[&str]) -> Session {
        self.session_of(&app_binary(), args)
    }

    /// Launches another Tauri app (the benchmarks' hello-world baseline) under
    /// this driver and opens a session on its window.
    pub fn session_of(&self, binary: &Path, args: &[&str]) -> Session {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": binary, "args": args}
        }}});
        let resp = post(&format!("{}/session", self.url), &caps);
        let id = resp["value"]["sessionId"].as_str().expect("a session id").to_owned();
        Session { base: format!("{}/session/{id}", self.url) }
    }
}

impl Driver {
    /// The pid of the app process this driver launched (its descendant named
    /// `oin-studio`), so tests running side by side each find their own.
    pub fn app_pid(&self) -> u32 {
        self.pid_of("oin-studio")
    }

    /// The pid of the one process named `comm` (as /proc shows it: at most 15
    /// bytes) this driver launched.
    pub fn pid_of(&self, comm: &str) -> u32 {
        let parent_of = |pid: u32| -> Option<u32> {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            stat[stat.rfind(')')? + 2..].split(' ').nth(1)?.parse().ok()
        };
        let mine = |mut pid: u32| {
            while let Some(parent) = parent_of(pid).filter(|p| *p > 1) {
                if parent == self.child.id() {
                    return true;
                }
                pid = parent;
            }
            false
        };
        let pids: Vec<u32> = std::fs::read_dir("/proc")
            .unwrap()
            .flatten()
            .filter_map(|e| e.file_name().to_string_lossy().parse::<u32>().ok())
            .filter(|pid| {
                std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == comm)
            })
            .filter(|pid| mine(*pid))
            .collect();
        assert_eq!(pids.len(), 1, "exactly one {comm} process under this driver: {pids:?}");
        pids[0]
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    match home.map(|h| h.join("bin/tauri-driver")) {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// One WebDriver command; anything but a 2xx fails the test with its answer.
fn command(method: &str, url: &str, body: Option<&Value>) -> Value {
    match http::call(method, url, body, Duration::from_secs(60)) {
        Ok(r) if r.status < 300 => r.json(),
        Ok(r) => panic!("WebDriver {url} answered {}: {}", r.status, r.text),
        Err(e) => panic!("WebDriver {url}: {e}"),
    }
}

fn post(url: &str, body: &Value) -> Value {
    command("POST", url, Some(body))
}

fn get(url: &str) -> Value {
    command("GET", url, None)
}

/// One app launch driven over WebDriver. Dropping it quits the app.
pub struct Session {
    base: String,
}

/// An element of the page.
#[derive(Clone)]
pub struct Element<'s> {
    session: &'s Session,
    id: String,
    /// How it was found, for the calls that run script on it: WebKitWebDriver
    /// does not resolve element arguments to scripts reliably after a restart.
    css: String,
    index: usize,
}

impl Session {
    fn find_now(&self, css: &str) -> Option<Element<'_>> {
        let body = json!({"using": "css selector", "value": css});
        let url = format!("{}/element", self.base);
        let r = http::call("POST", &url, Some(&body), Duration::from_secs(30)).ok()?;
        let v: Value = serde_json::from_str(&r.text).ok().filter(|_| r.status < 300)?;
        let id = v["value"][ELEMENT_KEY].as_str()?.to_owned();
        Some(Element { session: self, id, css: css.to_owned(), index: 0 })
    }

    /// Waits up to 15 s for an element matching `css`.
    pub fn find(&self, css: &str) -> Element<'_> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(e) = self.find_now(css) {
                return e;
            }
            if Instant::now() >= deadline {
                self.fail(&format!("no element matches {css}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Fails the test with a screenshot and the page's text, for whoever reads CI.
    fn fail(&self, why: &str) -> ! {
        let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots/failure.png");
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.screenshot(&shot)));
        let url = format!("{}/source", self.base);
        let source = http::call("GET", &url, None, Duration::from_secs(30)).ok().map(|r| r.text);
        let source: String = source.unwrap_or_default().chars().take(3000).collect();
        panic!("{why}\nscreenshot: {}\npage source: {source}", shot.display());
    }

    pub fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let v = post(
            &format!("{}/elements", self.base),
            &json!({"using": "css selector", "value": css}),
        );
        v["value"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(index, e)| Element {
                session: self,
                id: e[ELEMENT_KEY].as_str().unwrap().to_owned(),
                css: css.to_owned(),
                index,
            })
            .collect()
    }

    /// Waits until `check` holds, up to 15 s; `what` says what was awaited.
    pub fn wait_until(&self, what: &str, mut check: impl FnMut(&Session) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !check(self) {
            if Instant::now() >= deadline {
                self.fail(&format!("timed out waiting until {what}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn script(&self, script: &str, args: Value) -> Value {
        post(&format!("{}/execute/sync", self.base), &json!({"script": script, "args": args}))
            ["value"]
            .clone()
    }

    /// Chooses an option of a `<select>` as the keyboard would, with the change
    /// event the page listens to. (Clicking an `<option>` can be intercepted by
    /// WebKit's native popup.)
    pub fn select(&self, css: &str, value: &str) {
        self.find(css);
        let ok = self.script(
            "const s = document.querySelector(arguments[0]); s.focus(); s.value = arguments[1];\
             s.dispatchEvent(new Event('change', {bubbles: true})); return s.value === arguments[1];",
            json!([css, value]),
        );
        assert_eq!(ok, json!(true), "{css} has no option {value}");
    }

    /// Runs an async script: it calls its last argument with the result.
    pub fn script_async(&self, script: &str, args: Value) -> Value {
        post(&format!("{}/execute/async", self.base), &json!({"script": script, "args": args}))
            ["value"]
            .clone()
    }

    /// The window's outer size (WebDriver window rect).
    pub fn window_size(&self) -> (u64, u64) {
        let r = get(&format!("{}/window/rect", self.base));
        (r["value"]["width"].as_u64().unwrap_or(0), r["value"]["height"].as_u64().unwrap_or(0))
    }

    pub fn set_window_size(&self, width: u64, height: u64) {
        post(&format!("{}/window/rect", self.base), &json!({"width": width, "height": height}));
    }

    /// Closes the window the way a user does (the app then exits).
    pub fn close_window(&self) {
        let url = format!("{}/window", self.base);
        let _ = http::call("DELETE", &url, None, Duration::from_secs(30));
    }

    /// Saves a PNG of the page as the window shows it to `path`.
    ///
    /// WebKitWebDriver takes the shot after the page's next repaint; with
    /// WebKitGTK's compositing off (as OIN Studio runs on Linux) a page that
    /// nothing changed since it was drawn never repaints, and the shot never
    /// came. So an empty 1-px box in a corner changes its text colour every
    /// frame until the shot is taken: a repaint for WebKit, not a pixel for
    /// the picture (it has no text).
    pub fn screenshot(&self, path: &Path) {
        self.script(
            "if (!window.__oinShot) {
               const box = document.createElement('div');
               box.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
               document.documentElement.appendChild(box);
               let on = false;
               const tick = () => {
                 on = !on;
                 box.style.color = on ? 'red' : 'blue';
                 window.__oinShot.frame = requestAnimationFrame(tick);
               };
               window.__oinShot = { box, frame: requestAnimationFrame(tick) };
             }",
            json!([]),
        );
        let v = get(&format!("{}/screenshot", self.base));
        self.script(
            "const s = window.__oinShot; if (s) { cancelAnimationFrame(s.frame); s.box.remove(); delete window.__oinShot; }",
            json!([]),
        );
        let png =
            base64::engine::general_purpose::STANDARD.decode(v["value"].as_str().unwrap()).unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = http::call("DELETE", &self.base, None, Duration::from_secs(30));
    }
}

impl Element<'_> {
    fn url(&self, rest: &str) -> String {
        format!("{}/element/{}/{rest}", self.session.base, self.id)
    }

    /// Centres the element in the window first: WebKitWebDriver drops a click
    /// that needs its own scroll (seen with WebKitGTK 2.4x under Xvfb).
    fn scroll_into_view(&self) {
        self.session.script(
            "document.querySelectorAll(arguments[0])[arguments[1]]\
             .scrollIntoView({block: 'center', inline: 'nearest'})",
            json!([self.css, self.index]),
        );
    }

    /// Clicks the element. A click another element intercepts (the page is
    /// still re-rendering after the last keystroke) is tried again for a
    /// second before it fails the test.
    pub fn click(&self) -> &Self {
        let until = std::time::Instant::now() + Duration::from_secs(1);
        loop {
            self.scroll_into_view();
            match http::call("POST", &self.url("click"), Some(&json!({})), Duration::from_secs(60))
            {
                Ok(r) if r.status < 300 => return self,
                Ok(r) if r.status == 400 && std::time::Instant::now() < until => {
                    assert!(
                        r.text.contains("element click intercepted"),
                        "WebDriver click answered 400: {}",
                        r.text
                    );
                    std::thread::sleep(Duration::from_millis(100));
                }
                Ok(r) => {
                    panic!("WebDriver {} answered {}: {}", self.url("click"), r.status, r.text)
                }
                Err(e) => panic!("WebDriver {}: {e}", self.url("click")),
            }
        }
    }

    /// Brings the element to the middle of the window (for a screenshot).
    pub fn scroll_to(&self) -> &Self {
        self.scroll_into_view();
        self
    }

    pub fn clear(&self) -> &Self {
        self.scroll_into_view();
        post(&self.url("clear"), &json!({}));
        self
    }

    pub fn type_text(&self, text: &str) -> &Self {
        post(&self.url("value"), &json!({"text": text}));
        self
    }

    /// Replaces the field's content by typing, as a user would.
    pub fn fill(&self, text: &str) -> &Self {
        self.clear().type_text(text)
    }

    /// The element's text as laid out (`innerText`), trimmed. WebKitWebDriver's
    /// own "Get Element Text" answers "" for some visible elements.
    pub fn text(&self) -> String {
        let v = self.session.script(
            "return document.querySelectorAll(arguments[0])[arguments[1]].innerText",
            json!([self.css, self.index]),
        );
        v.as_str().unwrap_or_default().trim().to_owned()
    }

    pub fn value(&self) -> String {
        get(&self.url("property/value"))["value"].as_str().unwrap_or_default().to_owned()
    }

    pub fn checked(&self) -> bool {
        get(&self.url("property/checked"))["value"].as_bool().unwrap_or(false)
    }

    /// An attribute's value, `None` when the element doesn't have it.
    pub fn attr(&self, name: &str) -> Option<String> {
        let v = self.session.script(
            "return document.querySelectorAll(arguments[0])[arguments[1]].getAttribute(arguments[2])",
            json!([self.css, self.index, name]),
        );
        v.as_str().map(str::to_owned)
    }
}
