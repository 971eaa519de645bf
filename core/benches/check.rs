//! How long precheck takes on a whole draft: criterion's estimate, then the
//! median and p99 of 20,000 single calls (what a keystroke pays).
//!
//! `cargo bench -p oin-core --bench check`

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, Criterion};
use oin_core::exchange;
use oin_core::flowsuite;
use oin_core::rules::{check, Facts, RulePack};
use oin_core::Draft;

fn fixture(name: &str) -> (Draft, Facts) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/drafts").join(name);
    let imported = exchange::read(&path).expect("fixture draft reads");
    let test_suite = imported.test_suite.as_ref().map(|(n, b)| flowsuite::inspect(n, b));
    let logo = imported.app_icon.as_ref().and_then(|(_, b)| oin_core::logo::judge(b).ok());
    (imported.draft, Facts { has_password: true, test_suite, logo, guide: None })
}

fn bench(c: &mut Criterion) {
    let pack = RulePack::by_id("oin-2026").unwrap();
    for name in ["complete-api.oin.json", "broken-workflows.oin.json"] {
        let (draft, facts) = fixture(name);
        c.bench_function(&format!("check {name}"), |b| {
            b.iter(|| check(black_box(&draft), pack, &facts))
        });
    }
}

fn percentiles() {
    let pack = RulePack::by_id("oin-2026").unwrap();
    for name in ["complete-api.oin.json", "broken-workflows.oin.json"] {
        let (draft, facts) = fixture(name);
        let mut times: Vec<f64> = (0..20_000)
            .map(|_| {
                let t = Instant::now();
                black_box(check(black_box(&draft), pack, &facts));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
        println!(
            "check {name:<28} median {:>7.1} µs   p99 {:>7.1} µs   (n=20000 single calls)",
            at(0.5),
            at(0.99)
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    percentiles();
}
