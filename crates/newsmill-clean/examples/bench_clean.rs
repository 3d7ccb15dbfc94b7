//! Throughput of each cleaning stage over a folder (default: the BBC texts), on one thread,
//! in pipeline order, plus peak RSS:
//! `cargo run --release -p newsmill-clean --example bench_clean -- [FOLDER] [ROUNDS]`
//! Every round rebuilds the stages (corpus indexes start empty) and runs them over a fresh
//! copy of the articles; the median round per stage is reported. MB/s is input bytes
//! (the files' text) over the stage's time, the corpus pass (observe + finish) included.
//! Besides wall time it reports the thread's CPU time (from /proc/thread-self/schedstat),
//! which stays meaningful when other processes compete for the cores.

#[path = "../tests/integration/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

const STAGES: [&str; 5] = [
    "clean.markup",
    "clean.boilerplate",
    "clean.paragraphs",
    "detect.language",
    "clean.dedup",
];

/// Nanoseconds this thread has run on a CPU.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/bbc"
        ))
    });
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let articles = support::load_folder(&root, "txt");
    let bytes: usize = articles.iter().map(|a| a.raw.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB, {rounds} rounds, 1 thread",
        articles.len(),
        mb
    );

    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); STAGES.len()];
    let mut cpu: Vec<Vec<u64>> = vec![Vec::new(); STAGES.len()];
    let mut last_counters = Vec::new();
    for _ in 0..rounds {
        let mut current = articles.clone();
        last_counters.clear();
        for (i, name) in STAGES.iter().enumerate() {
            let stage = support::stage(name, "");
            let (start, start_cpu) = (Instant::now(), thread_cpu_ns());
            let counters = support::run_stage(stage.as_ref(), &mut current);
            times[i].push(start.elapsed());
            if let (Some(a), Some(b)) = (start_cpu, thread_cpu_ns()) {
                cpu[i].push(b.saturating_sub(a));
            }
            last_counters.push(counters);
        }
    }
    println!(
        "{:<18} {:>9} {:>9} {:>9} {:>9}",
        "stage", "wall ms", "MB/s", "cpu ms", "cpu MB/s"
    );
    let (mut total, mut total_cpu) = (0.0, 0.0);
    for (i, name) in STAGES.iter().enumerate() {
        times[i].sort();
        cpu[i].sort_unstable();
        let wall = times[i][times[i].len() / 2].as_secs_f64();
        let cpu_s = cpu[i]
            .get(cpu[i].len() / 2)
            .map_or(f64::NAN, |ns| *ns as f64 / 1e9);
        total += wall;
        total_cpu += cpu_s;
        println!(
            "{name:<18} {:>9.1} {:>9.1} {:>9.1} {:>9.1}   {:?}",
            wall * 1e3,
            mb / wall,
            cpu_s * 1e3,
            mb / cpu_s,
            last_counters[i].0
        );
    }
    println!(
        "{:<18} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
        "all five",
        total * 1e3,
        mb / total,
        total_cpu * 1e3,
        mb / total_cpu
    );
    match peak_rss_kib() {
        Some(kib) => println!("peak RSS (VmHWM): {:.1} MiB", kib as f64 / 1024.0),
        None => println!("peak RSS: /proc/self/status not available"),
    }
}
