//! Throughput of `extract.dates` + `extract.facts` on one thread over the BBC folder.
//!
//! `cargo run --release -p newsmill-temporal --example bench_temporal -- [FOLDER] [ROUNDS]`
//! (default ../shared/data/bbc, 5 rounds). Articles are built in memory first (split on blank
//! lines, headline dropped, published fixed at 2005-01-15), so only the two stages are timed
//! (with the article's shared tokens made in the dates stage's time, once per round).
//! Prints MB/s, counts per round and peak RSS (VmHWM); with DUMP_FACTS set, also every fact.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsmill_core::{Article, Block, Stage, StageCounters};
use newsmill_temporal::{DatesStage, FactsStage};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt")
            && path.file_name().is_some_and(|n| n != "README.TXT")
        {
            out.push(path);
        }
    }
}

fn article(path: &Path, text: &str) -> Article {
    let mut article = Article::new(path.display().to_string(), path);
    article.meta.published = Some("2005-01-15".into());
    article.blocks = text
        .split("\n\n")
        .skip(1)
        .filter(|b| !b.trim().is_empty())
        .map(|b| Block::paragraph(b.trim()))
        .collect();
    article
}

/// CPU time this thread has run, in seconds (Linux schedstat; 0 elsewhere). Wall time on a
/// shared machine counts other processes' turns, CPU time does not.
fn thread_cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

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
    let mut articles: Vec<Article> = files
        .iter()
        .filter_map(|p| {
            std::fs::read(p)
                .ok()
                .map(|b| article(p, &String::from_utf8_lossy(&b)))
        })
        .collect();
    let bytes: usize = articles
        .iter()
        .flat_map(|a| &a.blocks)
        .map(|b| b.text.len())
        .sum();
    if articles.is_empty() {
        println!("skipping: no .txt files under {}", root.display());
        return;
    }
    let dates = DatesStage::default();
    let facts = FactsStage::default();
    let mut counters = StageCounters::default();
    let mut dates_secs = 0.0;
    let mut facts_secs = 0.0;
    let (mut dates_cpu, mut facts_cpu) = (0.0, 0.0);
    for _ in 0..rounds {
        // Each round tokenises again (the shared token layer is cached on the article), so
        // the figure includes making the tokens once, as a run does.
        for article in &articles {
            article.annotations.tokens.clear();
        }
        let (start, cpu) = (Instant::now(), thread_cpu());
        for article in &mut articles {
            let _ = dates.process(article, &mut counters);
        }
        dates_secs += start.elapsed().as_secs_f64();
        dates_cpu += thread_cpu() - cpu;
        let (start, cpu) = (Instant::now(), thread_cpu());
        for article in &mut articles {
            let _ = facts.process(article, &mut counters);
        }
        facts_secs += start.elapsed().as_secs_f64();
        facts_cpu += thread_cpu() - cpu;
    }
    let mb = (bytes * rounds) as f64 / 1e6;
    let secs = dates_secs + facts_secs;
    println!(
        "{} articles, {:.2} MB of body text, {rounds} rounds",
        articles.len(),
        bytes as f64 / 1e6
    );
    println!(
        "{:.0} articles/s, {:.1} MB/s for dates + facts on one thread (dates alone {:.1} MB/s, facts alone {:.1} MB/s), peak RSS {}",
        (articles.len() * rounds) as f64 / secs,
        mb / secs,
        mb / dates_secs,
        mb / facts_secs,
        peak_rss()
    );
    if dates_cpu > 0.0 {
        println!(
            "by CPU time: {:.1} MB/s for dates + facts (dates alone {:.1} MB/s, facts alone {:.1} MB/s; {:.0} ms CPU)",
            mb / (dates_cpu + facts_cpu),
            mb / dates_cpu,
            mb / facts_cpu,
            (dates_cpu + facts_cpu) * 1e3
        );
    }
    if std::env::var_os("DUMP_FACTS").is_some() {
        for article in &articles {
            for f in &article.annotations.facts {
                let count = f.count.unwrap_or(0);
                println!(
                    "{}\t{}\t{count}\t{:?}\t{:?}\t{}",
                    article.id, f.kind, f.subject, f.date, f.sentence
                );
            }
        }
    }
    let per_round: Vec<(String, u64)> = counters
        .0
        .iter()
        .map(|(k, v)| (k.clone(), v / rounds as u64))
        .collect();
    println!("per round: {per_round:?}");
}
