//! The figures a bench run produces: printed as they come, and written to
//! `target/bench.json` at the end (name, unit, median, p99, min, max, n, and
//! the ratio to the baseline measured in the same run, where there is one), so
//! progress can be compared across commits.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

pub fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    percentile(&v, 0.5)
}

/// Every figure of the run, in the order measured.
#[derive(Default)]
pub struct Report {
    entries: Vec<Value>,
}

impl Report {
    /// Prints and keeps one measured series.
    pub fn series(&mut self, name: &str, xs: Vec<f64>, unit: &str) {
        self.entry(name, xs, unit, None);
    }

    /// A series measured pair by pair against a baseline in the same run:
    /// `pairs` are (ours, baseline); the ratio is the median of the pairs'
    /// ratios, so a slow minute of the machine counts against both.
    pub fn against(&mut self, name: &str, pairs: &[(f64, f64)], unit: &str, baseline: &str) {
        let ratios: Vec<f64> = pairs.iter().map(|(a, b)| a / b).collect();
        let ratio = median(&ratios);
        let base: Vec<f64> = pairs.iter().map(|p| p.1).collect();
        self.entry(name, pairs.iter().map(|p| p.0).collect(), unit, Some((ratio, baseline, &base)));
        let mut sorted = ratios;
        sorted.sort_by(f64::total_cmp);
        println!(
            "{:<52} ratio median {:>6.2}×   p99 {:>6.2}×   (n={} pairs, {baseline} median {:.1} {unit})",
            "  against the baseline",
            ratio,
            percentile(&sorted, 0.99),
            sorted.len(),
            median(&base),
        );
    }

    /// A series against a baseline series of the same run, by their medians.
    pub fn compared(&mut self, name: &str, xs: Vec<f64>, unit: &str, baseline: &str, base: &[f64]) {
        let ratio = median(&xs) / median(base);
        self.entry(name, xs, unit, Some((ratio, baseline, base)));
        println!("{:<52} ratio of medians {ratio:>6.2}×", "  against the baseline");
    }

    fn entry(
        &mut self,
        name: &str,
        mut xs: Vec<f64>,
        unit: &str,
        base: Option<(f64, &str, &[f64])>,
    ) {
        assert!(!xs.is_empty(), "{name}: nothing was measured");
        xs.sort_by(f64::total_cmp);
        let (p50, p99) = (percentile(&xs, 0.5), percentile(&xs, 0.99));
        println!(
            "{name:<52} median {p50:>9.2} {unit}   p99 {p99:>9.2} {unit}   min {:>9.2}   max {:>9.2}   (n={})",
            xs[0],
            xs[xs.len() - 1],
            xs.len()
        );
        let mut e = json!({
            "name": name, "unit": unit, "median": p50, "p99": p99,
            "min": xs[0], "max": xs[xs.len() - 1], "n": xs.len(),
        });
        if let Some((ratio, baseline, b)) = base {
            e["ratio"] = json!(ratio);
            e["baseline"] = json!({"name": baseline, "median": median(b), "n": b.len()});
        }
        self.entries.push(e);
    }

    /// A single figure with no spread (a file's size).
    pub fn value(&mut self, name: &str, value: f64, unit: &str) {
        println!("{name:<52} {value:>12.2} {unit}");
        self.entries.push(json!({"name": name, "unit": unit, "median": value, "n": 1}));
    }

    /// Adds criterion's figures for the benches under `target/criterion`
    /// (median per iteration and the p99 of its samples, in µs).
    pub fn criterion(&mut self, target: &Path) {
        let Ok(dirs) = std::fs::read_dir(target.join("criterion")) else { return };
        let mut found: Vec<PathBuf> = Vec::new();
        collect_new(&mut found, &dirs.flatten().map(|d| d.path()).collect::<Vec<_>>());
        found.sort();
        for dir in found {
            let read = |f: &str| -> Option<Value> {
                serde_json::from_str(&std::fs::read_to_string(dir.join(f)).ok()?).ok()
            };
            let (Some(sample), Some(bench)) = (read("sample.json"), read("benchmark.json")) else {
                continue;
            };
            let (Some(iters), Some(times)) =
                (sample["iters"].as_array(), sample["times"].as_array())
            else {
                continue;
            };
            let per: Vec<f64> = iters
                .iter()
                .zip(times)
                .filter_map(|(i, t)| Some(t.as_f64()? / i.as_f64()? / 1000.0))
                .collect();
            if per.is_empty() {
                continue;
            }
            let name = bench["full_id"].as_str().unwrap_or("criterion bench");
            self.series(&format!("criterion: {name}"), per, "µs");
        }
    }

    /// Writes `target/bench.json`.
    pub fn write(&self, target: &Path) -> PathBuf {
        let path = target.join("bench.json");
        let doc = json!({
            "commit": git_commit(),
            "entries": self.entries,
        });
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap())
            .expect("target/bench.json can be written");
        path
    }
}

/// Criterion keeps each bench's last run in `<id>/new/`.
fn collect_new(found: &mut Vec<PathBuf>, dirs: &[PathBuf]) {
    for d in dirs {
        if d.file_name().is_some_and(|n| n == "report") || !d.is_dir() {
            continue;
        }
        if d.join("new/sample.json").exists() {
            found.push(d.join("new"));
        } else if let Ok(sub) = std::fs::read_dir(d) {
            collect_new(found, &sub.flatten().map(|e| e.path()).collect::<Vec<_>>());
        }
    }
}

fn git_commit() -> Option<String> {
    let out = std::process::Command::new("git").args(["rev-parse", "HEAD"]).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The workspace's `target/` (or `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
}
