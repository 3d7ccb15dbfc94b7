//! Throughput of `extract.quotes` on one thread over a folder of plain-text articles
//! (default: the BBC corpus in ../shared), counting only the stage's own time.
//! Articles are split into paragraphs on blank lines, with no entity mentions (the
//! text-only speaker path; with mentions the stage does less work per name). It runs twice:
//! the stage tokenising each article itself, then with the shared tokens made beforehand
//! (as in the default pipeline, where `extract.entities` has tokenised the article).
//!
//! cargo run --release -p newsmill-quotes --example bench_quotes [-- DIR]
//! (The cost with entity mentions is in the pipeline bench's per-stage table:
//! `cargo bench -p newsmill-cli --bench pipeline`.)

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsmill_core::{Article, Block, Stage, StageCounters};
use newsmill_quotes::{QuoteOptions, QuoteStage};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt")
            && path.file_name().is_some_and(|n| n != "README.TXT")
        {
            out.push(path);
        }
    }
}

/// User+system CPU seconds of this thread, which stay meaningful on a busy machine.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let dir = std::env::args().nth(1).map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/bbc"
            ))
        },
        PathBuf::from,
    );
    let mut files = Vec::new();
    collect(&dir, &mut files);
    let articles: Vec<Article> = files
        .iter()
        .map(|path| {
            let text =
                String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned();
            let mut article = Article::new(path.display().to_string(), path);
            for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                article.blocks.push(Block::paragraph(para));
            }
            article
        })
        .collect();
    let bytes: usize = articles
        .iter()
        .flat_map(|a| &a.blocks)
        .map(|b| b.text.len())
        .sum();
    let stage = QuoteStage::new(QuoteOptions::default());
    let rounds = 5;
    let mb = (bytes * rounds) as f64 / 1e6;
    // Twice: the stage alone, tokenising each article itself, then with the article's
    // shared tokens made beforehand, as in the default pipeline where `extract.entities`
    // tokenises first and the quote stage reuses the tokens.
    for tokens_made_before in [false, true] {
        let mut counters = StageCounters::default();
        let mut elapsed = Duration::ZERO;
        let mut cpu = Some(0.0);
        for _ in 0..rounds {
            // Copies (and tokens) are made before the clock starts.
            let mut round: Vec<Article> = articles.clone();
            if tokens_made_before {
                round.iter().for_each(|a| {
                    newsmill_text::article_tokens(a);
                });
            }
            let cpu_before = thread_cpu_seconds();
            for article in &mut round {
                let start = Instant::now();
                let _ = stage.process(article, &mut counters);
                elapsed += start.elapsed();
            }
            cpu = cpu
                .zip(thread_cpu_seconds().zip(cpu_before))
                .map(|(sum, (after, before))| sum + after - before);
        }
        let label = if tokens_made_before {
            "extract.quotes, tokens made before"
        } else {
            "extract.quotes"
        };
        println!(
            "{label}: {} articles, {:.2} MB x {rounds} rounds in {:.3} s = {:.1} MB/s (one thread)",
            articles.len(),
            bytes as f64 / 1e6,
            elapsed.as_secs_f64(),
            mb / elapsed.as_secs_f64()
        );
        if !tokens_made_before {
            println!(
                "counters per round: {:?}",
                counters
                    .0
                    .iter()
                    .map(|(k, v)| (k, v / rounds as u64))
                    .collect::<Vec<_>>()
            );
        }
        if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
            println!("  CPU time {cpu:.2} s: {:.1} MB/s of CPU", mb / cpu);
        }
    }
    if let Some(kib) = peak_rss_kib() {
        println!("peak RSS: {:.1} MiB", kib as f64 / 1024.0);
    }
}
