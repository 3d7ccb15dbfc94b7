//! Scores `extract.dates` and `extract.facts` on a gold file without the rest of the
//! pipeline: each article is split on blank lines (the BBC title line dropped, Markdown
//! front matter read for `date:`), `published` comes from the gold, and no entities exist,
//! so place accuracy here is a lower bound (the CLI's `newsmill eval facts` has places).
//!
//! cargo run -p newsmill-temporal --example eval_temporal [-- GOLD.jsonl] [--quiet]

use std::path::{Path, PathBuf};

use newsmill_core::{Article, Block, Stage, StageCounters};
use newsmill_temporal::eval::{load_gold, DateTally, FactTally, GoldArticle};
use newsmill_temporal::{DatesStage, FactsStage};

fn shared_seed(name: &str) -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/seed"
    ))
    .join(name)
}

/// The article text; the seed falls back to the shared corpus until its fixture copy exists.
fn read_article(gold: &GoldArticle) -> anyhow::Result<String> {
    match std::fs::read(&gold.path) {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(err) => {
            let name = gold
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let fallback = shared_seed(&name);
            let bytes = std::fs::read(&fallback)
                .map_err(|_| anyhow::anyhow!("{}: {err}", gold.path.display()))?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

fn build_article(gold: &GoldArticle, text: &str) -> Article {
    let mut article = Article::new(gold.file.clone(), gold.path.clone());
    let mut body = text;
    if let Some(rest) = text.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---") {
            for line in rest[..end].lines() {
                if let Some(date) = line.strip_prefix("date:") {
                    article.meta.published = Some(date.trim().to_string());
                }
            }
            body = rest[end + 4..].trim_start_matches('-');
        }
    }
    let is_bbc = gold.file.contains("/bbc/");
    let mut blocks: Vec<Block> = body
        .split("\n\n")
        .map(|b| {
            b.lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join(" ")
                .replace('*', "")
        })
        .filter(|b| !b.trim().is_empty())
        .map(|b| match b.strip_prefix('#') {
            Some(heading) => Block::heading(1, heading.trim_start_matches('#').trim()),
            None => Block::paragraph(b.trim()),
        })
        .collect();
    if is_bbc && !blocks.is_empty() {
        blocks.remove(0);
    }
    article.blocks = blocks;
    if gold.published.is_some() {
        article.meta.published = gold.published.clone();
    }
    article
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let gold_path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../fixtures/gold/temporal.jsonl"
            ))
        });
    let golds = load_gold(&gold_path)?;
    let dates = DatesStage::default();
    let facts = FactsStage::default();
    let mut date_tally = DateTally::default();
    let mut fact_tally = FactTally::default();
    let mut counters = StageCounters::default();
    for gold in &golds {
        let text = read_article(gold)?;
        let mut article = build_article(gold, &text);
        dates
            .process(&mut article, &mut counters)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        facts
            .process(&mut article, &mut counters)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        date_tally.add(gold, &article);
        fact_tally.add(gold, &article);
    }
    let trim = |report: String| {
        if quiet {
            report
                .lines()
                .filter(|l| !l.starts_with("  - "))
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        } else {
            report
        }
    };
    print!("{}", trim(date_tally.report()));
    print!("{}", trim(fact_tally.report()));
    println!("counters: {:?}", counters.0);
    Ok(())
}
