//! Throughput of the whole extract.entities stage (tokenise, tag, normalise) on one thread
//! over the BBC texts: `cargo run --release -p newsmill-ner --example bench_entities [DIR]`.
//! Articles are built by splitting each file on blank lines. Prints tokens/s, MB/s and the
//! peak resident memory (VmHWM). Set `NEWSMILL_NER_MODEL=FILE` to bench another model file.
//! Throughput is also given by this thread's CPU time, which stays meaningful when the
//! machine is shared (wall time then counts other processes' turns).

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsmill_core::{Article, Block, StageCounters, StageTable};

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            text_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt")
            && path.file_name().is_some_and(|n| n != "README.TXT")
        {
            out.push(path);
        }
    }
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time this thread has run, in seconds (/proc/thread-self/schedstat, first field in ns).
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/bbc"
            ))
        });
    let mut files = Vec::new();
    text_files(&dir, &mut files);
    if files.is_empty() {
        eprintln!("no .txt files under {}", dir.display());
        return;
    }
    let mut articles = Vec::new();
    let mut bytes = 0usize;
    let mut tokens = 0usize;
    for (seq, path) in files.iter().enumerate() {
        let Ok(raw) = std::fs::read(path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&raw).into_owned();
        let mut article = Article::new(path.display().to_string(), path);
        article.seq = seq;
        article.blocks = text
            .split("\n\n")
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(Block::paragraph)
            .collect();
        for block in &article.blocks {
            bytes += block.text.len();
            tokens += newsmill_text::tokenize(&block.text).len();
        }
        articles.push(article);
    }
    let factory = newsmill_ner::factories()
        .into_iter()
        .find(|f| f.name == "extract.entities")
        .expect("factory");
    let build_start = Instant::now();
    let options = match std::env::var("NEWSMILL_NER_MODEL") {
        Ok(path) => format!("model = {path:?}"),
        Err(_) => String::new(),
    };
    let stage = (factory.build)(&StageTable::from_options(factory.name, &options)).expect("build");
    let build_time = build_start.elapsed();
    // The tagger alone (tokenise + sentences + tag), to split the time between it and the
    // normalisation that follows.
    let tagger_only = newsmill_ner::ExtractEntities::new(newsmill_ner::Settings::default());
    let start = Instant::now();
    let mut spans = 0usize;
    for article in &articles {
        let blocks: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        spans += tagger_only
            .tag_blocks(&blocks)
            .iter()
            .map(Vec::len)
            .sum::<usize>();
    }
    let tag_secs = start.elapsed().as_secs_f64();

    let mut counters = StageCounters::default();
    let start = Instant::now();
    let cpu_start = thread_cpu_secs();
    for article in &mut articles {
        if let Err(err) = stage.process(article, &mut counters) {
            eprintln!("{}: {err}", article.id);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu_secs = thread_cpu_secs()
        .zip(cpu_start)
        .map(|(end, begin)| end - begin);
    println!(
        "articles: {}  tokens: {tokens}  bytes: {bytes}",
        articles.len()
    );
    println!("build: {:.1} ms", build_time.as_secs_f64() * 1e3);
    println!("time: {secs:.3} s (one thread)");
    println!(
        "throughput: {:.0} tokens/s, {:.2} MB/s",
        tokens as f64 / secs,
        bytes as f64 / secs / 1e6
    );
    if let Some(cpu) = cpu_secs {
        println!(
            "  by CPU time: {cpu:.3} s, {:.0} tokens/s, {:.2} MB/s",
            tokens as f64 / cpu,
            bytes as f64 / cpu / 1e6
        );
    }
    println!(
        "of which tagging: {tag_secs:.3} s ({:.0} tokens/s, {spans} spans); normalising: {:.3} s",
        tokens as f64 / tag_secs,
        secs - tag_secs
    );
    println!(
        "entities: {:?}  mentions: {:?}",
        counters.0.get("entities"),
        counters.0.get("entity_mentions")
    );
    if let Some(kb) = peak_rss_kb() {
        println!("peak RSS (VmHWM): {:.1} MB", kb as f64 / 1024.0);
    }
}
