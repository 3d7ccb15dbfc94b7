//! newsmill-cli: the `newsmill` command.
//!
//! Subcommands: `run` (the main job; `--shard I/N` for part of a folder), `merge` (shard
//! folders joined), `index` (a shard's corpus index, or `--merge` of them), `check` (validate a config), `stages` (what each stage
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
    /// Join the output folders of `run --shard I/N` (or `--files-from`) runs into the folder
    /// one run over the whole input writes.
    Merge(commands::merge::MergeArgs),
    /// Corpus index of a shard (the first pass only: dedup signatures, learned-boilerplate
    /// counts), or `--merge` of every shard's, for `run --corpus-index`.
    Index(commands::index::IndexArgs),
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
        /// Where to write it (`-`: standard output).
        #[arg(default_value = "newsmill.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// The log filter for `-v` counts. html5ever logs the parser's internals at debug level
/// (hundreds of lines per page) and recoverable quirks of broken pages as warnings; those
/// are the parser's business, so they show only at -vvv or when RUST_LOG names them.
fn log_filter(verbose: u8) -> &'static str {
    match verbose {
        0 => "warn,html5ever=error",
        1 => "info,html5ever=error",
        2 => "debug,html5ever=error",
        _ => "trace",
    }
}

fn init_logging(verbose: u8) {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(log_filter(verbose)));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only for a terminal, never into a pipe or a log file.
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

/// Ctrl-C and SIGTERM: remove this run's staging folder and standard-input spool, then
/// exit with the conventional 128 + SIGINT. The output folder keeps the previous run.
fn clean_up_on_signal() {
    let _ = ctrlc::set_handler(|| {
        newsmill_export::staging::abandon_all();
        commands::run::remove_stdin_spool();
        eprintln!("newsmill: interrupted; the output folder was left as it was");
        std::process::exit(130);
    });
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let result = match cli.command {
        Command::Run(args) => {
            clean_up_on_signal();
            commands::run::run(args)
        }
        Command::Merge(args) => {
            clean_up_on_signal();
            commands::merge::merge(args)
        }
        Command::Index(args) => commands::index::index(args),
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

#[cfg(test)]
mod tests {
    #[test]
    fn html5ever_stays_quiet_below_trace() {
        for v in 0..3 {
            assert!(super::log_filter(v).contains("html5ever=error"), "{v}");
        }
    }
}
