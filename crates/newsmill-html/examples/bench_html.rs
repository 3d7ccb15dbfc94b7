//! Single-thread extraction throughput over a folder of HTML pages (default: the
//! trafilatura English evaluation pages). Prints pages/s and MB/s by wall clock and by the
//! thread's own CPU time (robust to other load on the machine), and peak RSS.
//! `cargo run --release -p newsmill-html --example bench_html -- [DIR] [ROUNDS]`

use std::path::PathBuf;
use std::time::Instant;

use newsmill_core::{RawDocument, Reader};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/trafilatura_eval_en/html"
        ))
    });
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let pages: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let reader = newsmill_html::HtmlReader::new();
    let (mut ok, mut failed, mut blocks) = (0usize, 0usize, 0usize);
    let cpu_start = thread_cpu_ns();
    let wall = Instant::now();
    for _ in 0..rounds {
        for (i, (path, b)) in pages.iter().enumerate() {
            let doc = RawDocument {
                id: i.to_string(),
                seq: i,
                path: path.clone(),
                bytes: b.clone(),
                hints: Default::default(),
            };
            match reader.read(doc) {
                Ok(a) => {
                    ok += 1;
                    blocks += a.blocks.len();
                }
                Err(_) => failed += 1,
            }
        }
    }
    let wall_s = wall.elapsed().as_secs_f64();
    let cpu_s = thread_cpu_ns()
        .zip(cpu_start)
        .map(|(e, s)| (e - s) as f64 / 1e9);
    let n = (pages.len() * rounds) as f64;
    let mb = (bytes * rounds) as f64 / 1e6;
    println!("pages: {} x {rounds} rounds ({:.1} MB per round), ok {ok}, errors {failed}, blocks {blocks}", pages.len(), bytes as f64 / 1e6);
    println!("wall: {:.1} pages/s, {:.1} MB/s", n / wall_s, mb / wall_s);
    if let Some(cpu) = cpu_s {
        println!("thread cpu: {:.1} pages/s, {:.1} MB/s", n / cpu, mb / cpu);
    }
    println!(
        "peak RSS (VmHWM): {}",
        peak_rss().unwrap_or_else(|| "unknown".into())
    );
    Ok(())
}

/// CPU time of this thread in ns (first field of /proc/thread-self/schedstat).
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
}
