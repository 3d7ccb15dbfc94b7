//! newsmill-cli: the `newsmill` command.
//!
//! Subcommands: `run` (the main job), `check` (validate a config), `stages` (what each stage
//! does, its options and an example), `init` (write a starter config), `train ner`, `tag`
//! and `eval ...` (quality measurements against gold data). Exit codes: 0 clean, 1 the run
//! finished with document errors, 2 config or fatal error.

mod commands;
mod progress;
mod registry;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "newsmill",
    version,
    about = "Turn a folder of saved news articles into spreadsheet-ready CSVs."
)]
struct Cli {
    /// More log output (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Process a folder: articles.csv, entities.csv, quotes.csv, dates.csv, facts.csv, errors.csv.
    Run(commands::run::RunArgs),
    /// Validate a config file (newsmill.toml in the current folder, else the built-in
    /// default, when none is given) without reading input.
    Check {
        /// Config file to check (merged onto the built-in default).
        config: Option<PathBuf>,
        /// Print the config as it runs: the file merged onto the built-in default.
        #[arg(long)]
        print: bool,
    },
    /// List every stage with its summary, options and an example TOML table.
    Stages,
    /// Score extraction against gold data.
    #[command(subcommand)]
    Eval(commands::eval::EvalCommand),
    /// Train a model (the NER tagger).
    #[command(subcommand)]
    Train(commands::ner::TrainCommand),
    /// Tag a CoNLL file with the NER model; predictions to stdout.
    Tag {
        /// CoNLL input (token first column).
        #[arg(long)]
        conll: PathBuf,
        /// Model file (default: the committed model built into the binary).
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Write a starter config (the built-in default pipeline) to a file.
    Init {
        /// Where to write it.
        #[arg(default_value = "newsmill.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

fn init_logging(verbose: u8) {
    // html5ever reports recoverable parse quirks of broken pages as warnings; those are
    // the parser's business, not the user's, so they show only at -vv.
    let default = match verbose {
        0 => "warn,html5ever=error",
        1 => "info,html5ever=error",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let result = match cli.command {
        Command::Run(args) => commands::run::run(args),
        Command::Check { config, print } => commands::check::check(config.as_deref(), print),
        Command::Stages => commands::stages::print(),
        Command::Init { path, force } => commands::init::init(&path, force),
        Command::Eval(command) => commands::eval::eval(command),
        Command::Train(command) => commands::ner::run_train(command),
        Command::Tag { conll, model } => commands::ner::run_tag(&conll, model.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsmill: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
