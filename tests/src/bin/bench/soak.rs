//! A working day, compressed: for `minutes` minutes the real window is worked
//! as a product manager would — open a draft, type in the fields of every
//! page, undo and redo, choose and fix a logo, open the listing, the submit
//! dialog and Okta's review, back to the library, the next draft — and the
//! memory of the app and its WebKit processes is sampled each minute. Each
//! time the library is back, the page's window and document listeners, live
//! timers and Tauri callbacks (event listeners, channels) are counted: a view that closes must leave
//! none of its own behind.

use std::path::Path;
use std::time::{Duration, Instant};

use oin_tests::webdriver::{Driver, Session};
use serde_json::{json, Value};

use crate::report::{median, Report};
use crate::window::tree_memory_mib;

/// Counts what the page holds: listeners on window and document, intervals
/// and pending timeouts, Tauri's live callbacks (event listeners and
/// channels), and the elements in the document (the page is the library at
/// each count: more is a view's DOM left behind).
const COUNTERS: &str = r#"
if (!window.__held) {
  const held = (window.__held = { listeners: [], intervals: new Set(), timeouts: new Set() });
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const cap = (o) => (typeof o === "boolean" ? o : !!(o && o.capture));
  EventTarget.prototype.addEventListener = function (type, fn, o) {
    if ((this === window || this === document) &&
        !held.listeners.some((l) => l.t === this && l.type === type && l.fn === fn && l.cap === cap(o)))
      held.listeners.push({ t: this, type, fn, cap: cap(o) });
    return add.call(this, type, fn, o);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, o) {
    held.listeners = held.listeners.filter((l) => !(l.t === this && l.type === type && l.fn === fn && l.cap === cap(o)));
    return remove.call(this, type, fn, o);
  };
  const si = window.setInterval, ci = window.clearInterval, st = window.setTimeout, ct = window.clearTimeout;
  window.setInterval = (...a) => { const id = si(...a); held.intervals.add(id); return id; };
  window.clearInterval = (id) => { held.intervals.delete(id); return ci(id); };
  window.setTimeout = (fn, ms, ...a) => {
    const id = st((...b) => { held.timeouts.delete(id); if (typeof fn === "function") fn(...b); }, ms, ...a);
    held.timeouts.add(id);
    return id;
  };
  window.clearTimeout = (id) => { held.timeouts.delete(id); return ct(id); };
}
const h = window.__held;
// Tauri's live callbacks: every event listener's handler and every open Channel.
const tauri = window.__TAURI_INTERNALS__.callbacks.size;
const nodes = document.getElementsByTagName("*").length;
return { listeners: h.listeners.length, intervals: h.intervals.size, timeouts: h.timeouts.size, tauri, nodes };
"#;

fn held(s: &Session) -> Value {
    s.script(COUNTERS, json!([]))
}

/// What the page holds once the library's own requests have been answered:
/// an IPC call in flight holds two callbacks, so the fewest of a few looks.
fn settled_held(s: &Session) -> Value {
    let mut best = held(s);
    for _ in 0..5 {
        std::thread::sleep(Duration::from_millis(200));
        let now = held(s);
        if now["tauri"].as_f64() < best["tauri"].as_f64() {
            best = now;
        }
    }
    best
}

const LIBRARY: &str = r#"main[data-ready="true"] [data-testid="draft-row"]"#;

/// One round of work on draft `n` (of the ten), back at the library at the end.
fn work(s: &Session, n: usize, round: usize) {
    s.find_all(r#"[data-testid="open-draft"]"#)[n % 10].click();
    s.find(r#"[data-testid="issues-panel"]"#);
    let tabs: Vec<String> =
        s.find_all(r#"[role="tab"]"#).iter().filter_map(|t| t.attr("data-testid")).collect();
    for tab in &tabs {
        s.find(&format!(r#"[data-testid="{tab}"]"#)).click();
        // The page's text fields, a few characters each.
        let fields = s.find_all(r#"input[type="text"][data-field], input[type="url"][data-field], input[type="email"][data-field], textarea[data-field]"#);
        for field in fields.iter().take(4) {
            field.scroll_to();
            field.click();
            field.type_text(&format!(" r{round}"));
        }
    }
    for step in ["undo", "redo"] {
        let button = s.find(&format!(r#"[data-testid="{step}"]"#));
        if button.attr("disabled").is_none() {
            button.click();
        }
    }
    if let Some(first) = tabs.first() {
        s.find(&format!(r#"[data-testid="{first}"]"#)).click();
    }
    // A logo, chosen and fixed (the file dialog answers with a large PNG).
    if let Some(choose) = s.find_all(r#"[data-testid="choose-logo"]"#).first() {
        choose.scroll_to().click();
        s.wait_until("the logo doctor's verdict", |s| {
            !s.find_all(r#"[data-testid="logo-checklist"]"#).is_empty()
        });
        if let Some(fix) = s.find_all(r#"[data-testid="fix-logo"]"#).first() {
            fix.scroll_to().click();
            s.wait_until("the fixed logo", |s| {
                s.find_all(r#"[data-testid="fix-progress"]"#).is_empty()
                    && !s.find_all(r#"[data-testid="use-original"]"#).is_empty()
            });
        }
    }
    // The listing, the submit dialog, Okta's review: opened and closed.
    for (open, shown) in [
        (r#"[data-testid="listing-preview"]"#, r#"[data-testid="listing-page"]"#),
        (r#"[data-testid="submit"]"#, r#"dialog[open]"#),
        (r#"[data-testid="review-paste"]"#, r#"[data-testid="review-dialog"][open]"#),
    ] {
        if let Some(b) = s.find_all(open).first() {
            if b.attr("disabled").is_some() {
                continue;
            }
            b.scroll_to().click();
            if s.find_all(shown).is_empty() {
                std::thread::sleep(Duration::from_millis(200));
            }
            s.script(
                "document.querySelectorAll('dialog[open]').forEach((d) => d.close());",
                json!([]),
            );
        }
    }
    s.wait_until("every change saved", |s| {
        s.find(r#"[data-testid="save-status"]"#).text() == "All changes saved"
    });
    s.find(r#"button.brand"#).click();
    s.wait_until("the library again", |s| s.find_all(LIBRARY).len() == 10);
}

pub fn soak(report: &mut Report, minutes: u64, seeded: &Path) {
    let logo = seeded.join("soak-logo.png");
    let made = std::process::Command::new("convert")
        .args(["-size", "1600x1000", "xc:none", "-fill", "#1e50c8"])
        .args(["-draw", "roundrectangle 300,200 1300,800 60,60"])
        .arg(&logo)
        .status();
    assert!(made.is_ok_and(|s| s.success()), "ImageMagick makes the soak's logo");
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", seeded), ("OIN_STUDIO_PICK_FILE", &logo)]);
    let s = driver.session();
    s.find(LIBRARY);
    let pid = driver.app_pid();
    held(&s);
    let start = Instant::now();
    let mut samples: Vec<(f64, f64)> = vec![(0.0, tree_memory_mib(pid).1)];
    let mut counts: Vec<Value> = Vec::new();
    let mut round = 0;
    let end = Duration::from_secs(minutes * 60);
    while start.elapsed() < end {
        work(&s, round, round);
        round += 1;
        counts.push(settled_held(&s));
        if std::env::var_os("OIN_BENCH_VERBOSE").is_some() {
            println!("  round {round}: held {}", counts[counts.len() - 1]);
        }
        let minute = start.elapsed().as_secs_f64() / 60.0;
        if minute.floor() > samples.last().map_or(0.0, |l| l.0.floor()) {
            let pss = tree_memory_mib(pid).1;
            println!(
                "  soak minute {minute:>5.1}: {round} rounds, PSS {pss:.0} MiB, held {}",
                counts[counts.len() - 1]
            );
            samples.push((minute, pss));
        }
    }
    // Warm-up: the first quarter (at least the first minute) fills caches.
    let warm = (samples.len() / 4).max(1);
    let after_warm: Vec<f64> = samples[warm..].iter().map(|s| s.1).collect();
    assert!(after_warm.len() >= 2, "the soak ran long enough to sample after warm-up");
    let first = median(&after_warm[..after_warm.len().div_ceil(3)]);
    let last = median(&after_warm[after_warm.len() - after_warm.len().div_ceil(3)..]);
    report.series("soak: PSS each minute after warm-up", after_warm, "MiB");
    report.value(
        "soak: growth after warm-up (last third / first third)",
        (last / first - 1.0) * 100.0,
        "%",
    );
    report.value("soak: rounds of work", round as f64, "rounds");
    // What the library holds after the first round is its own; more after
    // later rounds is what a closed view left behind.
    let live = counts.first().and_then(|c| c["tauri"].as_f64()).unwrap_or(0.0);
    assert!(live > 0.0, "the library's own Tauri listeners are counted");
    let keys = ["listeners", "intervals", "timeouts", "tauri", "nodes"];
    for key in keys {
        let first = counts[0][key].as_f64().unwrap_or(0.0);
        let worst = counts.iter().filter_map(|c| c[key].as_f64()).fold(first, f64::max);
        report.value(
            &format!("soak: {key} left behind (most after a round − after the first)"),
            worst - first,
            "",
        );
    }
}
