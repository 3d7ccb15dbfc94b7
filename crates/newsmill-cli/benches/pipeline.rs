//! Whole-pipeline benchmark: `cargo bench -p newsmill-cli --bench pipeline`.
//!
//! Runs the release `newsmill` binary with the default config over a folder (default
//! ../shared/data/bbc; set NEWSMILL_BENCH_DIR to choose another) with 1 and 2 threads and
//! prints articles/s, MB/s, peak RSS and per-stage cost, read from run-report.json. Timing is
//! measured here, never asserted in tests.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let dir = std::env::var_os("NEWSMILL_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/bbc"
            ))
        });
    if !dir.is_dir() {
        println!(
            "skipping: {} not found (set NEWSMILL_BENCH_DIR)",
            dir.display()
        );
        return;
    }
    let runs: usize = std::env::var("NEWSMILL_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    println!(
        "newsmill pipeline bench on {} ({runs} runs each; best run shown)",
        dir.display()
    );
    for jobs in [1, 2] {
        let mut best: Option<serde_json::Value> = None;
        for _ in 0..runs {
            let out = tempfile::tempdir().expect("temp dir");
            let status = Command::new(env!("CARGO_BIN_EXE_newsmill"))
                .args(["run", "--quiet", "--jobs", &jobs.to_string(), "--out"])
                .arg(out.path())
                .arg(&dir)
                .status()
                .expect("run newsmill");
            if status.code().is_some_and(|c| c > 1) {
                panic!("newsmill failed: {status}");
            }
            let report: serde_json::Value = serde_json::from_slice(
                &std::fs::read(out.path().join("run-report.json")).expect("report"),
            )
            .expect("report json");
            let secs = report["seconds"].as_f64().unwrap_or(f64::MAX);
            if best
                .as_ref()
                .is_none_or(|b| secs < b["seconds"].as_f64().unwrap_or(f64::MAX))
            {
                best = Some(report);
            }
        }
        let Some(r) = best else { continue };
        let secs = r["seconds"].as_f64().unwrap_or(0.0).max(1e-9);
        let mb = r["input_bytes"].as_f64().unwrap_or(0.0) / 1e6;
        let docs = r["documents"].as_f64().unwrap_or(0.0);
        println!(
            "jobs={jobs}: {docs} documents, {mb:.1} MB in {secs:.2} s: {:.0} articles/s, {:.2} MB/s, peak RSS {:.0} MB",
            docs / secs,
            mb / secs,
            r["peak_rss_mb"].as_f64().unwrap_or(0.0)
        );
        if jobs == 1 {
            println!(
                "  {:<22} {:>9} {:>9} {:>7}",
                "stage", "cpu s", "MB/s", "share"
            );
            let stages: Vec<&serde_json::Value> = std::iter::once(&r["read"])
                .chain(r["stages"].as_array().into_iter().flatten())
                .collect();
            let total: f64 = stages
                .iter()
                .map(|s| s["seconds"].as_f64().unwrap_or(0.0))
                .sum();
            for s in stages {
                let cpu = s["seconds"].as_f64().unwrap_or(0.0);
                let rate = s["bytes_in"].as_f64().unwrap_or(0.0) / 1e6 / cpu.max(1e-9);
                println!(
                    "  {:<22} {:>9.3} {:>9.1} {:>6.1}%",
                    s["name"].as_str().unwrap_or("?"),
                    cpu,
                    rate,
                    100.0 * cpu / total.max(1e-9)
                );
            }
        }
    }
}
