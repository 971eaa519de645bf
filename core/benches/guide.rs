//! How long the guide doctor takes on a guide already fetched: read (parse the
//! HTML, Markdown or PDF) and run every check, per fixture guide. The baseline,
//! measured in the same run on the same bytes, is a bare html5ever parse of
//! the page (what any HTML reader pays) — the ratio is what the outline and the
//! checks add. Median and p99 of n single runs.
//!
//! `cargo bench -p oin-core --bench guide`

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use oin_core::guide::{checks, read};
use oin_core::IntegrationType;

fn stats(mut t: Vec<f64>) -> (f64, f64) {
    t.sort_by(f64::total_cmp);
    let at = |p: f64| t[((t.len() - 1) as f64 * p) as usize];
    (at(0.5), at(0.99))
}

fn time(n: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect()
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/guides");
    let n = 200;
    for (name, t) in [
        ("api-service-good.html", IntegrationType::ApiService),
        ("google-doc-published.html", IntegrationType::ApiService),
        ("api-service-good.pdf", IntegrationType::ApiService),
        ("workflows-good.md", IntegrationType::WorkflowsConnector),
    ] {
        let bytes = std::fs::read(dir.join(name)).expect("fixture guide");
        // A typical published guide is ~10× the fixture's text: repeat the body.
        let bytes = if name.ends_with(".html") {
            let s = String::from_utf8_lossy(&bytes);
            let (head, rest) = s.split_at(s.find("<body").unwrap_or(0));
            format!("{head}{}", rest.repeat(10)).into_bytes()
        } else {
            bytes
        };
        let whole = time(n, || {
            let r = read::read_bytes(black_box(&bytes), None, name);
            black_box(checks::report(name, t, &r, None, 0));
        });
        let (m, p99) = stats(whole);
        let line = format!(
            "guide {name:<26} {:>5} KB  read+check median {m:>7.2} ms  p99 {p99:>7.2} ms",
            bytes.len() / 1024
        );
        if name.ends_with(".html") {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let (b, _) = stats(time(n, || {
                black_box(scraper::Html::parse_document(black_box(&text)));
            }));
            println!(
                "{line}  baseline (html5ever parse) {b:>6.2} ms  ratio {:>4.2}×  (n={n})",
                m / b
            );
        } else {
            println!("{line}  (n={n})");
        }
    }
}
