//! Rebuilds the word-class table the tagger uses as features (committed as
//! crates/newsmill-tagger/data/word_classes.tsv), from unlabelled news in TSV form:
//!
//! ```text
//! cargo run --release -p newsmill-tagger --example clusters -- \
//!     --out crates/newsmill-tagger/data/word_classes.tsv \
//!     ../shared/data/news-text/reuters21578/reuters21578.tsv \
//!     ../shared/data/news-text/allsides_news/allsides_news.tsv
//! ```
//!
//! Options: `--vocabulary N --min-count N --contexts N --dimensions N --coarse K --fine K
//! --passes N --seed S`. The same inputs and options give the same file byte for byte.
use std::path::PathBuf;

use anyhow::Context;
use newsmill_tagger::{build_word_classes, ClusterOptions};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = ClusterOptions::default();
    let mut out = None;
    let mut corpora = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let value = || args.get(i + 1).context("option needs a value");
        let number = || -> anyhow::Result<usize> { Ok(value()?.parse()?) };
        match args[i].as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--vocabulary" => opts.vocabulary = number()?,
            "--min-count" => opts.min_count = number()? as u32,
            "--contexts" => opts.contexts = number()?,
            "--dimensions" => opts.dimensions = number()?,
            "--coarse" => opts.coarse = number()?,
            "--fine" => opts.fine = number()?,
            "--passes" => opts.passes = number()?,
            "--seed" => opts.seed = number()? as u64,
            path => {
                corpora.push(PathBuf::from(path));
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    let out = out.context("--out FILE is required")?;
    anyhow::ensure!(!corpora.is_empty(), "give at least one corpus TSV");
    let started = std::time::Instant::now();
    let table = build_word_classes(&corpora, &opts, &mut |line| {
        eprintln!("[{:6.1}s] {line}", started.elapsed().as_secs_f64())
    })?;
    std::fs::write(&out, table).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}
