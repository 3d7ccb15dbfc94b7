//! Development evaluation of `extract.quotes` on the gold file, without the full pipeline:
//! each article is split into paragraphs on blank lines (the first line of a BBC file is
//! its title and is dropped), the stage runs with no entity mentions, and the tally is
//! printed. The real `newsmill eval quotes GOLD` runs the default pipeline instead.
//!
//! cargo run -p newsmill-quotes --example eval_quotes [-- GOLD.jsonl]
//! cargo run -p newsmill-quotes --features ner-eval --example eval_quotes  (with extract.entities)
//!
//! `QUOTES_DEBUG=1` prints every quotation found; `QUOTES_DEBUG_MENTIONS=PART` prints the
//! entity mentions of the articles whose path contains PART.

use std::path::{Path, PathBuf};

use newsmill_core::{Article, Block, Stage, StageCounters};
use newsmill_quotes::eval::{load_gold, Tally};
use newsmill_quotes::{QuoteOptions, QuoteStage};

fn article_from_file(path: &Path, text: &str) -> Article {
    let mut article = Article::new(path.display().to_string(), path);
    let is_bbc = path.components().any(|c| c.as_os_str() == "bbc");
    let body = if is_bbc {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text
    };
    for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        match para.strip_prefix("# ") {
            Some(heading) => article.blocks.push(Block::heading(1, heading)),
            None => article.blocks.push(Block::paragraph(para)),
        }
    }
    article
}

/// The seed copy may not be in fixtures yet; fall back on the shared corpus.
fn locate(path: &Path) -> Option<PathBuf> {
    if path.exists() {
        return Some(path.to_path_buf());
    }
    let shared = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/seed"
    ));
    let fallback = shared.join(path.file_name()?);
    fallback.exists().then_some(fallback)
}

#[cfg(feature = "ner-eval")]
fn entities_stage() -> anyhow::Result<Option<Box<dyn Stage>>> {
    let factory = newsmill_ner::factories()
        .into_iter()
        .find(|f| f.name == "extract.entities")
        .ok_or_else(|| anyhow::anyhow!("extract.entities not registered"))?;
    let table = newsmill_core::StageTable::from_options(factory.name, "");
    let stage = (factory.build)(&table).map_err(|issues| anyhow::anyhow!("{issues:?}"))?;
    Ok(Some(stage))
}

#[cfg(not(feature = "ner-eval"))]
fn entities_stage() -> anyhow::Result<Option<Box<dyn Stage>>> {
    Ok(None)
}

fn main() -> anyhow::Result<()> {
    let gold_path = std::env::args().nth(1).map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../fixtures/gold/quotes.jsonl"
            ))
        },
        PathBuf::from,
    );
    let gold = load_gold(&gold_path)?;
    let stage = QuoteStage::new(QuoteOptions::default());
    let entities = entities_stage()?;
    let mut tally = Tally::default();
    for item in &gold {
        let Some(path) = locate(&item.path) else {
            eprintln!("skipping {}: not found", item.path.display());
            continue;
        };
        let bytes = std::fs::read(&path)?;
        let text = String::from_utf8_lossy(&bytes);
        let mut article = article_from_file(&path, &text);
        if let Some(entities) = &entities {
            entities.process(&mut article, &mut StageCounters::default())?;
        }
        stage.process(&mut article, &mut StageCounters::default())?;
        if let Some(want) = std::env::var_os("QUOTES_DEBUG_MENTIONS") {
            // Shows what the entity stage handed over, to trace a wrong speaker to its mention.
            if path.to_string_lossy().contains(&*want.to_string_lossy()) {
                for m in &article.annotations.mentions {
                    let entity = article.annotations.entities.get(m.entity);
                    eprintln!(
                        "mention {:?} -> {:?} {:?}",
                        m.surface,
                        entity.map(|e| e.name.as_str()),
                        entity.map(|e| e.kind)
                    );
                }
            }
        }
        if std::env::var_os("QUOTES_DEBUG").is_some() {
            for q in &article.annotations.quotes {
                eprintln!(
                    "{:?} [{}] {:?} <- {:?}",
                    q.kind,
                    q.cue.as_deref().unwrap_or("-"),
                    q.speaker,
                    q.text
                );
            }
        }
        tally.add(item, &article);
    }
    let source = if entities.is_some() {
        "extract.entities (default options)"
    } else {
        "none"
    };
    println!("entity mentions: {source}");
    print!("{}", tally.report());
    Ok(())
}
