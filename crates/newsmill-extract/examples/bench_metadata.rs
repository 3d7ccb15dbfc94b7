//! Throughput of reading (decode + blocks) and `extract.metadata` on one thread.
//!
//! `cargo run --release -p newsmill-extract --example bench_metadata -- [FOLDER] [ROUNDS]`
//! (default folder: ../shared/data/bbc, 5 rounds). Files are loaded into memory first, so
//! disk speed is not measured. Prints documents/s, MB/s and peak RSS (VmHWM).

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsmill_core::{RawDocument, StageCounters, StageTable};

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/bbc"
        ))
    });
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let docs: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let readers = newsmill_read::readers();
    let factory = newsmill_extract::factories()
        .into_iter()
        .next()
        .expect("one factory");
    let stage =
        (factory.build)(&StageTable::from_options(factory.name, "")).expect("defaults build");
    let mut counters = StageCounters::default();
    let (mut ok, mut failed) = (0usize, 0usize);
    let start = Instant::now();
    for _ in 0..rounds {
        for (path, raw) in &docs {
            let Some(reader) = readers.iter().find(|r| r.accepts(path, raw)) else {
                continue;
            };
            let doc = RawDocument {
                id: path.display().to_string(),
                seq: 0,
                path: path.clone(),
                bytes: raw.clone(),
                hints: Default::default(),
            };
            match reader.read(doc) {
                Ok(mut article) => {
                    let _ = stage.process(&mut article, &mut counters);
                    ok += 1;
                }
                Err(_) => failed += 1,
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} files, {:.1} MB, {rounds} rounds, {ok} read, {failed} errors",
        docs.len(),
        bytes as f64 / 1e6
    );
    println!(
        "{:.0} documents/s, {:.1} MB/s (one thread), peak RSS {}",
        ok as f64 / secs,
        (bytes * rounds) as f64 / 1e6 / secs,
        peak_rss()
    );
    println!(
        "counters per round: {:?}",
        counters
            .0
            .iter()
            .map(|(k, v)| (k, v / rounds as u64))
            .collect::<Vec<_>>()
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
