//! `newsmill train ner` and `newsmill tag --conll`: the NER model's own tools.

use std::path::PathBuf;
use std::process::ExitCode;

use newsmill_tagger::{tag_conll, train, Tagger, TrainOptions};

#[derive(Debug, clap::Subcommand)]
pub enum TrainCommand {
    /// Train the entity tagger on CoNLL data (IOB1 or IOB2), with early stopping on --dev.
    Ner {
        #[arg(long)]
        train: PathBuf,
        /// More training files (repeatable); one without any MISC mention is trained with
        /// MISC masked (its O tokens are no evidence against MISC).
        #[arg(long = "extra")]
        extra: Vec<PathBuf>,
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Word-class table (default: the committed one; an empty file: none).
        #[arg(long)]
        word_classes: Option<PathBuf>,
        /// Independent runs (seeds 42, 43, ...) whose weights are averaged: steadier than one
        /// run; 1 trains five times faster.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=64))]
        runs: u16,
        /// Where to write the model (the committed one is crates/newsmill-tagger/model/ner.bin).
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run_train(command: TrainCommand) -> anyhow::Result<ExitCode> {
    match command {
        TrainCommand::Ner {
            train: train_file,
            extra,
            dev,
            word_classes,
            runs,
            out,
        } => {
            let opts = TrainOptions {
                extra_train: extra,
                word_classes,
                runs: usize::from(runs),
                ..TrainOptions::default()
            };
            let report = train(&train_file, dev.as_deref(), &out, &opts)?;
            println!("{}", report.trim_end());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsmill tag --conll FILE`: the input columns plus a predicted tag, to stdout.
pub fn run_tag(
    conll: &std::path::Path,
    model: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let loaded;
    let tagger = match model {
        Some(path) => {
            loaded = Tagger::load(path)?;
            &loaded
        }
        None => Tagger::embedded(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    tag_conll(tagger, conll, &mut out)?;
    Ok(ExitCode::SUCCESS)
}
