//! `newsmill eval ...`: extraction quality against gold data.
//!
//! `body` and `dates GOLD.csv` score the HTML reader on saved pages; `ner` scores CoNLL
//! predictions; `entities`, `quotes`, `dates GOLD.jsonl` and `facts` run the configured
//! pipeline over the articles a gold file names and score what it extracted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsmill_core::Article;
use newsmill_runner::{process_files, DocResult};

#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// Main-text extraction from HTML: snippet expectations (trafilatura format) or the
    /// article-extraction benchmark format (id -> {articleBody}).
    Body {
        gold: PathBuf,
        /// Folder of the HTML pages (default: `html/` beside the gold file).
        #[arg(long)]
        html_dir: Option<PathBuf>,
    },
    /// Dates: GOLD.csv (url,file,date) scores HTML publication dates (exact day); GOLD.jsonl
    /// scores resolved date expressions; a TimeML folder (or .tml file) scores them against
    /// DATE TIMEX3s, each document's creation time as publication date
    /// (docs/dates-and-facts.md).
    Dates {
        gold: PathBuf,
        #[arg(long)]
        html_dir: Option<PathBuf>,
        /// Pipeline config for JSONL gold (default: built in).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Casualty and quantity facts against JSONL gold (docs/dates-and-facts.md).
    Facts {
        gold: PathBuf,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// People, organisations and places (entities.csv) against JSONL gold
    /// (docs/entities.md): precision, recall, F1 per type, name accuracy, splits.
    Entities {
        gold: PathBuf,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Quotations and speakers against JSONL gold, or a PolNeAR directory (text/ and
    /// attributions/ with BRAT .ann files): direct quotations, speakers by source kind
    /// (docs/quotes.md).
    Quotes {
        gold: PathBuf,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Geocoded places against JSONL gold (docs/places.md): coverage, GeoNames id and
    /// country accuracy.
    Places {
        gold: PathBuf,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// NER predictions in CoNLL format (last column predicted, the one before gold): per-type
    /// precision, recall and F1 with exact-span matching (IOB1 and IOB2).
    Ner { file: PathBuf },
}

pub fn eval(command: EvalCommand) -> anyhow::Result<ExitCode> {
    let report = match command {
        EvalCommand::Body { gold, html_dir } => {
            newsmill_html::eval_body(&gold, html_dir.as_deref())?
        }
        EvalCommand::Dates {
            gold,
            html_dir,
            config,
        } => {
            if gold.is_dir() || gold.extension().is_some_and(|e| e == "tml") {
                eval_timeml_dates(config.as_deref(), &gold)?
            } else if gold.extension().is_some_and(|e| e == "csv") {
                newsmill_html::eval_pubdates(&gold, html_dir.as_deref())?
            } else {
                let golds = newsmill_temporal::eval::load_gold(&gold)?;
                let inputs: Vec<_> = golds
                    .iter()
                    .map(|g| (g.path.clone(), g.published.clone()))
                    .collect();
                let articles = run_pipeline(config.as_deref(), &inputs)?;
                let mut tally = newsmill_temporal::eval::DateTally::default();
                for (g, a) in golds.iter().zip(&articles) {
                    tally.add(g, a);
                }
                tally.report()
            }
        }
        EvalCommand::Facts { gold, config } => {
            let golds = newsmill_temporal::eval::load_gold(&gold)?;
            let inputs: Vec<_> = golds
                .iter()
                .map(|g| (g.path.clone(), g.published.clone()))
                .collect();
            let articles = run_pipeline(config.as_deref(), &inputs)?;
            let mut tally = newsmill_temporal::eval::FactTally::default();
            for (g, a) in golds.iter().zip(&articles) {
                tally.add(g, a);
            }
            tally.report()
        }
        EvalCommand::Entities { gold, config } => {
            let golds = newsmill_ner::eval::load_gold(&gold)?;
            let inputs: Vec<_> = golds.iter().map(|g| (g.path.clone(), None)).collect();
            let articles = run_pipeline(config.as_deref(), &inputs)?;
            let mut tally = newsmill_ner::eval::Tally::default();
            for (g, a) in golds.iter().zip(&articles) {
                tally.add(g, a);
            }
            tally.report()
        }
        EvalCommand::Quotes { gold, config } if gold.is_dir() => {
            let golds = newsmill_quotes::polnear::load_polnear(&gold)?;
            let inputs: Vec<_> = golds.iter().map(|g| (g.path.clone(), None)).collect();
            let articles = run_pipeline(config.as_deref(), &inputs)?;
            let mut tally = newsmill_quotes::polnear::PolnearTally::default();
            for (g, a) in golds.iter().zip(&articles) {
                tally.add(g, a);
            }
            tally.report()
        }
        EvalCommand::Quotes { gold, config } => {
            let golds = newsmill_quotes::eval::load_gold(&gold)?;
            let inputs: Vec<_> = golds
                .iter()
                .map(|g| (g.path.clone(), g.published.clone()))
                .collect();
            let articles = run_pipeline(config.as_deref(), &inputs)?;
            let mut tally = newsmill_quotes::eval::Tally::default();
            for (g, a) in golds.iter().zip(&articles) {
                tally.add(g, a);
            }
            tally.report()
        }
        EvalCommand::Places { gold, config } => {
            let golds = newsmill_geo::eval::load_gold(&gold)?;
            let inputs: Vec<_> = golds.iter().map(|g| (g.path.clone(), None)).collect();
            let articles = run_pipeline(config.as_deref(), &inputs)?;
            let mut tally = newsmill_geo::eval::Tally::default();
            for (g, a) in golds.iter().zip(&articles) {
                tally.add(g, a);
            }
            tally.report()
        }
        EvalCommand::Ner { file } => newsmill_tagger::eval_conll(&file)?,
    };
    super::print_stdout(report.trim_end())?;
    Ok(ExitCode::SUCCESS)
}

/// Runs the configured stages over each TimeML document (its text as an article published
/// on its creation day) and scores the dates against its DATE TIMEX3s. A stage that fails
/// or drops the document leaves what it had; its gold counts as missed.
fn eval_timeml_dates(config: Option<&Path>, dir: &Path) -> anyhow::Result<String> {
    use newsmill_temporal::timeml::{tml_files, TimemlDoc, TimemlTally};
    let (_, pipeline) = match super::load(config)? {
        Ok(loaded) => loaded,
        Err(issues) => {
            super::print_issues(&issues);
            anyhow::bail!("config errors");
        }
    };
    let files = tml_files(dir);
    if files.is_empty() {
        anyhow::bail!("no .tml files under {}", dir.display());
    }
    let mut tally = TimemlTally::default();
    for path in &files {
        let xml = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        let name = path
            .file_stem()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let doc = TimemlDoc::parse(&name, &xml);
        let mut article = doc.article(path);
        for spec in &pipeline.stages {
            let mut counters = newsmill_core::StageCounters::default();
            match spec.stage.process(&mut article, &mut counters) {
                Ok(newsmill_core::Outcome::Keep) => {}
                Ok(newsmill_core::Outcome::Drop(reason)) => {
                    eprintln!("warning: {name} dropped by {} ({reason})", spec.name);
                    article.annotations.dates.clear();
                    break;
                }
                Err(error) => {
                    eprintln!("warning: {name} failed in {}: {error}", spec.name);
                    break;
                }
            }
        }
        tally.add(&doc, &article);
    }
    Ok(tally.report())
}

/// Runs the pipeline over the gold articles, in gold order. An article that is missing,
/// failed or was dropped scores as an empty article (everything in its gold is missed).
fn run_pipeline(
    config: Option<&Path>,
    inputs: &[(PathBuf, Option<String>)],
) -> anyhow::Result<Vec<Article>> {
    let (config, pipeline) = match super::load(config)? {
        Ok(loaded) => loaded,
        Err(issues) => {
            super::print_issues(&issues);
            anyhow::bail!("config errors");
        }
    };
    let present: Vec<PathBuf> = inputs
        .iter()
        .filter(|(p, _)| p.is_file())
        .map(|(p, _)| p.clone())
        .collect();
    for (path, _) in inputs.iter().filter(|(p, _)| !p.is_file()) {
        eprintln!(
            "skipping: {} not found (its gold counts as missed)",
            path.display()
        );
    }
    let published: BTreeMap<PathBuf, String> = inputs
        .iter()
        .filter_map(|(p, d)| d.clone().map(|d| (p.clone(), d)))
        .collect();
    let prepare = |article: &mut Article| {
        if let Some(date) = published.get(&article.path) {
            article.meta.published = Some(date.clone());
        }
    };
    let results = process_files(&pipeline, &present, &prepare, config.input.max_file_bytes)?;
    let mut by_path: BTreeMap<PathBuf, Article> = BTreeMap::new();
    for (path, result) in present.iter().zip(results) {
        match result {
            DocResult::Kept(article) => {
                by_path.insert(path.clone(), *article);
            }
            DocResult::Dropped { stage, reason, .. } => {
                eprintln!("warning: {} dropped by {stage} ({reason})", path.display());
            }
            DocResult::Failed(error) => {
                eprintln!(
                    "warning: {} failed in {}: {} {}",
                    path.display(),
                    error.stage,
                    error.code,
                    error.message
                );
            }
        }
    }
    Ok(inputs
        .iter()
        .map(|(p, _)| by_path.remove(p).unwrap_or_default())
        .collect())
}
