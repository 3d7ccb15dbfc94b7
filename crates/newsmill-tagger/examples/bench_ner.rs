//! Throughput of tokenise + sentence split + tag on one thread over the BBC folder:
//! `cargo run --release -p newsmill-tagger --example bench_ner [-- DIR [--model MODEL]]`.
//! Prints tokens/s, MB/s and peak RSS (VmHWM). Files are read up front, so I/O is not timed.
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsmill_tagger::{find_entities, Tagger};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time this thread has run, in seconds (/proc/thread-self/schedstat, first field in ns).
/// Reported next to wall time because a shared 2-core machine makes wall time noisy.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/bbc"
            ))
        });
    let model = args
        .iter()
        .position(|a| a == "--model")
        .and_then(|i| args.get(i + 1));
    let owned;
    let tagger: &Tagger = match model {
        Some(path) => {
            owned = Tagger::load(Path::new(path))?;
            &owned
        }
        None => Tagger::embedded(),
    };
    let mut paths = Vec::new();
    collect(&dir, &mut paths)?;
    // BBC files are Latin-1 in places; lossy decoding is fine for a speed test.
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned()))
        .collect::<Result<_, _>>()?;
    let bytes: usize = texts.iter().map(String::len).sum();
    anyhow::ensure!(!texts.is_empty(), "no .txt files under {}", dir.display());

    let started = Instant::now();
    let tokens: usize = texts.iter().map(|t| newsmill_text::tokenize(t).len()).sum();
    let tokenise_secs = started.elapsed().as_secs_f64();

    let cpu_started = thread_cpu_secs();
    let started = Instant::now();
    let mut mentions = 0;
    for text in &texts {
        mentions += find_entities(tagger, text).len();
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu_secs = thread_cpu_secs()
        .zip(cpu_started)
        .map(|(end, start)| end - start);
    println!(
        "files: {}, bytes: {bytes}, tokens: {tokens}, mentions: {mentions}",
        texts.len()
    );
    println!(
        "tokenise only: {:.0} tokens/s, {:.1} MB/s",
        tokens as f64 / tokenise_secs,
        bytes as f64 / 1e6 / tokenise_secs
    );
    println!(
        "tokenise+split+tag (1 thread): {:.3} s, {:.0} tokens/s, {:.2} MB/s",
        secs,
        tokens as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    if let Some(cpu) = cpu_secs {
        println!(
            "  by CPU time: {:.3} s, {:.0} tokens/s, {:.2} MB/s",
            cpu,
            tokens as f64 / cpu,
            bytes as f64 / 1e6 / cpu
        );
    }
    println!(
        "model weights in memory: {:.1} MB",
        tagger.weight_bytes() as f64 / 1e6
    );
    if let Some(kb) = peak_rss_kb() {
        println!("peak RSS (VmHWM): {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(())
}
