//! Development front end for the tagger (the `newsmill` CLI wires the same functions):
//!
//! ```text
//! cargo run --release -p newsmill-tagger --example ner -- train TRAIN [--extra MORE]... [--dev DEV] --out MODEL [--iterations N] [--seed S] [--bits B] [--gazetteers DIR] [--word-classes TSV] [--extra-step 0.15] [--prune 0.0007] [--runs 5]
//! cargo run --release -p newsmill-tagger --example ner -- tag FILE.conll [--model MODEL]   # predictions to stdout
//! cargo run --release -p newsmill-tagger --example ner -- prune MODEL --below 0.002 --out SMALLER  # drop weak rows
//! cargo run --release -p newsmill-tagger --example ner -- average M1 M2 ... --out MODEL [--prune 0.0007]  # mean of models
//! cargo run --release -p newsmill-tagger --example ner -- eval FILE                         # gold = 2nd to last, predicted = last column
//! cargo run --release -p newsmill-tagger --example ner -- text FILE [--model MODEL]         # entities found in raw text
//! ```
use std::path::PathBuf;

use anyhow::{bail, Context};
use newsmill_tagger::{eval_conll, find_entities, tag_conll, train, Tagger, TrainOptions};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let positional = args.get(1).cloned();
    let model = || -> anyhow::Result<Tagger> {
        match flag("--model") {
            Some(path) => Tagger::load(&PathBuf::from(path)),
            None => Ok(Tagger::load(&PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/model/ner.bin"
            )))?),
        }
    };
    match args.first().map(String::as_str) {
        Some("train") => {
            let train_file = PathBuf::from(positional.context("train needs a training file")?);
            let out = PathBuf::from(flag("--out").context("train needs --out MODEL")?);
            let mut opts = TrainOptions::default();
            if let Some(n) = flag("--iterations") {
                opts.iterations = n.parse()?;
            }
            if let Some(n) = flag("--seed") {
                opts.seed = n.parse()?;
            }
            if let Some(n) = flag("--runs") {
                opts.runs = n.parse()?;
            }
            if let Some(n) = flag("--bits") {
                opts.hash_bits = n.parse()?;
            }
            if let Some(n) = flag("--patience") {
                opts.patience = n.parse()?;
            }
            opts.gazetteers = flag("--gazetteers").map(PathBuf::from);
            opts.word_classes = flag("--word-classes").map(PathBuf::from);
            if let Some(n) = flag("--prune") {
                opts.prune = n.parse()?;
            }
            if let Some(n) = flag("--extra-step") {
                opts.extra_step = n.parse()?;
            }
            opts.extra_train = args
                .windows(2)
                .filter(|w| w[0] == "--extra")
                .map(|w| PathBuf::from(&w[1]))
                .collect();
            let dev = flag("--dev").map(PathBuf::from);
            print!("{}", train(&train_file, dev.as_deref(), &out, &opts)?);
        }
        Some("tag") => {
            let input = PathBuf::from(positional.context("tag needs a CoNLL file")?);
            let tagger = model()?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            tag_conll(&tagger, &input, &mut out)?;
        }
        Some("eval") => print!(
            "{}",
            eval_conll(&PathBuf::from(positional.context("eval needs a file")?))?
        ),
        Some("text") => {
            let text = std::fs::read_to_string(positional.context("text needs a file")?)?;
            let tagger = model()?;
            for (range, kind) in find_entities(&tagger, &text) {
                println!(
                    "{}\t{}\t{}",
                    range.start,
                    kind.conll(),
                    &text[range.clone()]
                );
            }
        }
        Some("prune") => {
            let input = PathBuf::from(positional.context("prune needs a model file")?);
            let out = PathBuf::from(flag("--out").context("prune needs --out MODEL")?);
            let fraction: f32 = flag("--below").context("prune needs --below F")?.parse()?;
            let (bytes, rows) = newsmill_tagger::prune_model(&std::fs::read(&input)?, fraction)?;
            std::fs::write(&out, &bytes)?;
            println!(
                "{}: {} bytes, rows per stage {rows:?}",
                out.display(),
                bytes.len()
            );
        }
        Some("average") => {
            let out = PathBuf::from(flag("--out").context("average needs --out MODEL")?);
            let prune: f32 = flag("--prune").map_or(Ok(0.0007), |p| p.parse())?;
            let inputs: Vec<Vec<u8>> = args[1..]
                .iter()
                .take_while(|a| !a.starts_with("--"))
                .map(std::fs::read)
                .collect::<Result<_, _>>()?;
            let (bytes, rows) = newsmill_tagger::average_models(&inputs, prune)?;
            std::fs::write(&out, &bytes)?;
            println!(
                "{}: {} bytes, rows per stage {rows:?}",
                out.display(),
                bytes.len()
            );
        }
        _ => bail!("usage: ner train|tag|eval|text ... (see the example's doc comment)"),
    }
    Ok(())
}
