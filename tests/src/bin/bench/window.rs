//! The real window, measured side by side with a hello-world Tauri app built
//! from the same Tauri (`tests/hello-world`): launches alternate — OIN Studio
//! with an empty library, the hello-world, OIN Studio with ten drafts — on the
//! same display and session bus, and each figure is a ratio pair by pair.
//! Every step waits for what a user would see, never for a fixed time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oin_tests::webdriver::{Driver, Session};
use serde_json::json;

use crate::report::Report;

/// The baseline app: `OIN_HELLO_BIN`, or the release build `scripts/bench` makes.
fn hello_binary() -> PathBuf {
    std::env::var_os("OIN_HELLO_BIN").map(PathBuf::from).unwrap_or_else(|| {
        crate::report::target_dir().join("release").join(if cfg!(windows) {
            "hello-world.exe"
        } else {
            "hello-world"
        })
    })
}

/// One app under test: how to launch it and what a user sees when it is ready.
struct App<'d> {
    driver: &'d Driver,
    binary: PathBuf,
    /// The process name in /proc (15 bytes at most).
    comm: &'static str,
    /// What the user sees when the app is ready, and how many of them.
    ready: &'static str,
    count: usize,
}

struct Launch<'d> {
    session: Session,
    ms: f64,
    pid: u32,
    driver: &'d Driver,
}

impl<'d> App<'d> {
    fn launch(&self) -> Launch<'d> {
        let t = Instant::now();
        let session = self.driver.session_of(&self.binary, &[]);
        // Polled tightly (not `wait_until`'s 50 ms) so the figure isn't rounded up.
        let deadline = Instant::now() + Duration::from_secs(30);
        while session.find_all(self.ready).len() != self.count {
            assert!(Instant::now() < deadline, "{} never showed {}", self.comm, self.ready);
            std::thread::sleep(Duration::from_millis(5));
        }
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        Launch { session, ms, pid: self.driver.pid_of(self.comm), driver: self.driver }
    }
}

impl Launch<'_> {
    /// PSS of the app and its WebKit processes once start-up has settled (the
    /// web process's memory keeps moving for a moment after the first paint).
    fn settled_pss(&self) -> f64 {
        let mut last = tree_memory_mib(self.pid).1;
        for _ in 0..20 {
            std::thread::sleep(Duration::from_millis(250));
            let now = tree_memory_mib(self.pid).1;
            if (now - last).abs() < 0.5 {
                return now;
            }
            last = now;
        }
        last
    }

    /// Quits the app and waits until its process is gone, so launches never overlap.
    fn quit(self) {
        let pid = self.pid;
        drop(self.session);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Path::new(&format!("/proc/{pid}")).exists()
            && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .is_ok_and(|s| s.rsplit(')').next().is_some_and(|r| r.starts_with(" Z")))
        {
            assert!(Instant::now() < deadline, "the app {pid} never quit");
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.driver;
    }
}

/// Memory of `root` and every process it started (WebKit's web and network
/// processes), in MiB: (RSS summed, PSS summed). PSS shares pages between
/// processes fairly, so it is the better total.
pub fn tree_memory_mib(root: u32) -> (f64, f64) {
    let mut parent = HashMap::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some(close) = stat.rfind(')') else { continue };
        let ppid = stat[close + 2..].split(' ').nth(1).and_then(|p| p.parse::<u32>().ok());
        parent.insert(pid, ppid.unwrap_or(0));
    }
    let in_tree = |mut pid: u32| loop {
        if pid == root {
            return true;
        }
        match parent.get(&pid) {
            Some(&pp) if pp != 0 && pp != pid => pid = pp,
            _ => return false,
        }
    };
    let field = |file: &str, key: &str| -> u64 {
        parent
            .keys()
            .filter(|p| in_tree(**p))
            .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/{file}")).ok())
            .filter_map(|s| {
                s.lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            })
            .sum()
    };
    let rss = field("status", "VmRSS:");
    let pss = field("smaps_rollup", "Pss:");
    // OIN_BENCH_VERBOSE=1: each process's share, to see where memory goes.
    if std::env::var_os("OIN_BENCH_VERBOSE").is_some() {
        for p in parent.keys().filter(|p| in_tree(**p)) {
            let comm = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
            let rollup =
                std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).unwrap_or_default();
            let kb = |key: &str| {
                rollup
                    .lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .unwrap_or("0")
                    .to_owned()
            };
            println!(
                "    {p:>7} {:<16} Pss {:>7} kB  anon {:>7} kB  file {:>7} kB",
                comm.trim(),
                kb("Pss:"),
                kb("Pss_Anon:"),
                kb("Pss_File:")
            );
        }
    }
    (rss as f64 / 1024.0, pss as f64 / 1024.0)
}

/// Start-up to interactive and memory, OIN Studio against the hello-world,
/// `rounds` rounds of three launches each (the order turns every round).
pub fn startup(report: &mut Report, rounds: usize, seeded: &Path) {
    let empty = tempfile::tempdir().unwrap();
    let d_empty = Driver::start(&[("OIN_STUDIO_DATA_DIR", empty.path())]);
    let d_ten = Driver::start(&[("OIN_STUDIO_DATA_DIR", seeded)]);
    let oin = oin_tests::webdriver::app_binary();
    let hello = hello_binary();
    assert!(hello.exists(), "{} is missing: scripts/bench builds it", hello.display());
    println!("baseline: {}", hello.display());
    let apps = [
        App {
            driver: &d_empty,
            binary: oin.clone(),
            comm: "oin-studio",
            ready: r#"main[data-ready="true"] [data-testid="library-empty"]"#,
            count: 1,
        },
        App {
            driver: &d_empty,
            binary: hello,
            comm: "hello-world",
            ready: r#"main[data-ready="true"] [data-testid="hello"]"#,
            count: 1,
        },
        App {
            driver: &d_ten,
            binary: oin,
            comm: "oin-studio",
            ready: r#"main[data-ready="true"] [data-testid="draft-row"]"#,
            count: 10,
        },
    ];
    // One launch of each first: the page cache warms for all three alike.
    for app in &apps {
        app.launch().quit();
    }
    let mut ms = [vec![], vec![], vec![]];
    let mut pss = [vec![], vec![], vec![]];
    for round in 0..rounds {
        let mut order = [0, 1, 2];
        order.rotate_left(round % 3);
        for i in order {
            let launch = apps[i].launch();
            ms[i].push(launch.ms);
            pss[i].push(launch.settled_pss());
            launch.quit();
        }
    }
    let pairs = |xs: &[f64], base: &[f64]| -> Vec<(f64, f64)> {
        xs.iter().copied().zip(base.iter().copied()).collect()
    };
    let hw = "hello-world";
    report.series("start-up, hello-world (baseline)", ms[1].clone(), "ms");
    report.against("start-up to interactive, empty library", &pairs(&ms[0], &ms[1]), "ms", hw);
    report.against("start-up to interactive, 10 drafts", &pairs(&ms[2], &ms[1]), "ms", hw);
    report.series("memory PSS, hello-world + WebKit (baseline)", pss[1].clone(), "MiB");
    report.against("memory PSS, app + WebKit, empty library", &pairs(&pss[0], &pss[1]), "MiB", hw);
    report.against("memory PSS, app + WebKit, 10 drafts", &pairs(&pss[2], &pss[1]), "MiB", hw);
}

const IPC_SAVES: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const invoke = window.__TAURI_INTERNALS__.invoke;
  const [first] = (await invoke("library_shelf")).drafts;
  const view = await invoke("open_draft", { id: first.id });
  const draft = view.draft;
  const times = [];
  for (let i = 0; i < 200; i++) {
    draft.appInfo.appName = "Acme " + i;
    const t = performance.now();
    await invoke("save_draft", { id: first.id, draft });
    times.push(performance.now() - t);
  }
  await invoke("set_session", { session: { openDraftId: null, tab: null } });
  done(times);
})().catch((e) => done(String(e)));
"#;

/// From an input event to the issue shown in the panel, measured in the page.
const KEYSTROKE_TO_ISSUE: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const input = document.querySelector('[data-field="appInfo.appWebsite"]');
  const has = () => !!document.querySelector('[data-testid="issues-panel"] [data-rule="url.https"]');
  const until = (want) => new Promise((resolve) => {
    if (has() === want) return resolve();
    const mo = new MutationObserver(() => { if (has() === want) { mo.disconnect(); resolve(); } });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const type = (v) => { input.value = v; input.dispatchEvent(new Event("input", { bubbles: true })); };
  // Where the time goes: the editor marks when it asks for the check and
  // when the answer comes (performance marks, Editor.svelte).
  const last = (name) => performance.getEntriesByName(name).pop()?.startTime ?? null;
  const times = [], toAsk = [], check = [], toShow = [];
  for (let i = 0; i < 21; i++) {
    type("https://acme.example");
    await until(false);
    const t = performance.now();
    type("http://acme.example/" + i);
    await until(true);
    const end = performance.now();
    times.push(end - t);
    const asked = last("check-asked"), answered = last("check-answered");
    if (asked !== null && answered !== null && asked >= t && answered >= asked) {
      toAsk.push(asked - t); check.push(answered - asked); toShow.push(end - answered);
    }
  }
  done({ times, toAsk, check, toShow });
})().catch((e) => done(String(e)));
"#;

/// Records the gap between animation frames until `FRAMES_STOP` runs.
const FRAMES_START: &str = r#"
window.__frames = [];
window.__framesOn = true;
let last = performance.now();
const tick = (t) => {
  window.__frames.push(t - last);
  last = t;
  if (window.__framesOn) requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
"#;
const FRAMES_STOP: &str = "window.__framesOn = false; return window.__frames;";

/// Autosave through IPC and keystroke → issue, in the app with ten drafts.
pub fn typing(report: &mut Report, seeded: &Path) {
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", seeded)]);
    let s = driver.session();
    s.find(r#"main[data-ready="true"] [data-testid="draft-row"]"#);
    let times = s.script_async(IPC_SAVES, json!([]));
    let times: Vec<f64> = serde_json::from_value(times.clone())
        .unwrap_or_else(|_| panic!("IPC benchmark failed: {times}"));
    report.series("autosave through IPC (UI → Rust → SQLite → UI)", times, "ms");
    // A Workflows connector: its first page has the website and the description.
    s.find(r#"[data-testid="new-workflows"]"#).click();
    s.find(r#"[data-testid="issues-panel"]"#);
    // The page's fields render once the form's description has come.
    s.find(r#"[data-field="appInfo.appWebsite"]"#);
    let got = s.script_async(KEYSTROKE_TO_ISSUE, json!([]));
    let part = |key: &str| -> Vec<f64> {
        serde_json::from_value(got[key].clone())
            .unwrap_or_else(|_| panic!("keystroke benchmark failed: {got}"))
    };
    report.series("keystroke to issue shown (real window)", part("times"), "ms");
    // Its parts: the page until it asks, the check through IPC, the page until shown.
    report.series("  input event → check asked (page)", part("toAsk"), "ms");
    report.series("  check through IPC (UI → Rust → UI)", part("check"), "ms");
    report.series("  answer → issue in the DOM (page)", part("toShow"), "ms");
    // Typing fast with real key events (WebDriver's, as fast as it sends them)
    // in a long field and a short one: the gaps between frames meanwhile.
    let mut frames = Vec::new();
    for (field, text) in [
        (
            "appInfo.description",
            "Acme keeps Okta and Acme HR in step for every new hire. ".repeat(3),
        ),
        ("appInfo.appName", "Acme HR Sync for Okta".to_owned()),
    ] {
        let input = s.find(&format!(r#"[data-field="{field}"]"#));
        input.click();
        s.script(FRAMES_START, json!([]));
        input.type_text(&text);
        s.wait_until("the draft is saved", |s| {
            s.find(r#"[data-testid="save-status"]"#).text() == "All changes saved"
        });
        let gaps = s.script(FRAMES_STOP, json!([]));
        let gaps: Vec<f64> = serde_json::from_value(gaps).expect("frame gaps");
        frames.extend(gaps.into_iter().skip(1));
    }
    let long = frames.iter().filter(|g| **g > 50.0).count();
    report.series("frame gaps while typing fast (real keys)", frames, "ms");
    println!("{:<52} {long} frame(s) over 50 ms", "");
    report.value("frames over 50 ms while typing fast", long as f64, "frames");
}

/// Where a launch's time goes, as the page saw it (`oin-bench timeline`): the
/// navigation's milestones and each resource, from the page's time origin.
pub fn timeline(seeded: &Path) {
    let d_ten = Driver::start(&[("OIN_STUDIO_DATA_DIR", seeded)]);
    let apps = [
        App {
            driver: &d_ten,
            binary: hello_binary(),
            comm: "hello-world",
            ready: r#"main[data-ready="true"] [data-testid="hello"]"#,
            count: 1,
        },
        App {
            driver: &d_ten,
            binary: oin_tests::webdriver::app_binary(),
            comm: "oin-studio",
            ready: r#"main[data-ready="true"] [data-testid="draft-row"]"#,
            count: 10,
        },
    ];
    for app in &apps {
        for _ in 0..3 {
            let launch = app.launch();
            let t = launch.session.script(
                "const n = performance.getEntriesByType('navigation')[0];
                 const r = performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]);
                 const marks = Object.fromEntries(performance.getEntriesByType('mark').concat(performance.getEntriesByType('paint')).map((m) => [m.name, Math.round(m.startTime)]));
                 return { marks, origin: performance.timeOrigin, now: Math.round(performance.now()), responseEnd: Math.round(n.responseEnd),
                          domInteractive: Math.round(n.domInteractive), dcl: Math.round(n.domContentLoadedEventEnd),
                          load: Math.round(n.loadEventEnd), resources: r };",
                json!([]),
            );
            let before = t["origin"].as_f64().zip(started_at(launch.pid)).map(|(o, s)| o - s);
            let before = before.map_or("?".into(), |ms| format!("{ms:.0} ms"));
            println!(
                "{:<12} launch {:>6.0} ms  process start → page {before}  page {t}",
                app.comm, launch.ms
            );
            if app.comm == "oin-studio" {
                println!("    calls: {}", launch.session.script_async(STARTUP_CALLS, json!([])));
            }
            launch.quit();
        }
    }
}

/// When process `pid` started, in ms since the epoch (to 10 ms: /proc counts
/// clock ticks since boot).
fn started_at(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let ticks: f64 = stat[stat.rfind(')')? + 2..].split(' ').nth(19)?.parse().ok()?;
    let boot = std::fs::read_to_string("/proc/stat").ok()?;
    let btime: f64 = boot.lines().find_map(|l| l.strip_prefix("btime "))?.trim().parse().ok()?;
    Some((btime + ticks / 100.0) * 1000.0)
}

/// How long each start-up command takes, asked again once the library shows
/// (`oin-bench timeline` prints it after the launches).
pub const STARTUP_CALLS: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const invoke = window.__TAURI_INTERNALS__.invoke;
  const out = {};
  for (const cmd of ["startup", "library_shelf", "okta_accounts"]) {
    const t = performance.now();
    await invoke(cmd);
    out[cmd] = Math.round((performance.now() - t) * 10) / 10;
  }
  const t = performance.now();
  await new Promise((r) => requestAnimationFrame(() => r()));
  out.frame = Math.round((performance.now() - t) * 10) / 10;
  done(out);
})().catch((e) => done(String(e)));
"#;
