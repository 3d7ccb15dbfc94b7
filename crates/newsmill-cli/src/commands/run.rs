//! `newsmill run [DIR]`: the main job.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use newsmill_read::discover::Discovery;
use newsmill_runner::{run_folder, Progress, Silent};

use crate::progress::Bar;

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Folder of articles (default: `[input] path` of the config).
    pub dir: Option<PathBuf>,
    /// Pipeline config (default: the built-in config/pipeline.toml).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Output folder (default: `[output] dir` of the config).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Worker threads (default: `[run] jobs`, 0 = one per core). Outputs are identical for any value.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Write CSVs with a UTF-8 byte-order mark (for Excel), whatever the config says.
    #[arg(long)]
    pub bom: bool,
}

pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let (config, pipeline) = match super::load(args.config.as_deref())? {
        Ok(loaded) => loaded,
        Err(issues) => {
            super::print_issues(&issues);
            return Ok(ExitCode::from(2));
        }
    };
    let Some(input) = args.dir.clone().or_else(|| config.input.path.clone()) else {
        anyhow::bail!(
            "no input folder: name one (`newsmill run DIR`) or set [input] path in the config"
        );
    };
    let mut output = config.output.clone();
    if let Some(out) = &args.out {
        output.dir = out.clone();
    }
    if args.bom {
        output.csv.bom = true;
    }
    let jobs = args.jobs.unwrap_or(config.run.jobs);
    silence_caught_panics();
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let bar;
    let progress: &dyn Progress = if show_progress {
        bar = Bar::new(count_documents(&config, &input, &output.dir));
        &bar
    } else {
        &Silent
    };
    let stats = run_folder(&config, &pipeline, &input, &output, jobs, progress)?;
    if !args.quiet {
        eprint!("{}", stats.summary());
    }
    Ok(if stats.error_rows > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A quick walk for the progress bar's length (it reads no file but JSON Lines), over the
/// same documents the run will see.
fn count_documents(
    config: &newsmill_runner::Config,
    input: &std::path::Path,
    output_dir: &std::path::Path,
) -> Option<u64> {
    Discovery::new(config.input_spec(input, output_dir))
        .ok()
        .map(|d| d.count() as u64)
}

/// Panics inside stages are caught and become rows in errors.csv; the default hook would also
/// print each one to the terminal. Log them instead, except on the main thread, where a panic
/// is a real crash.
fn silence_caught_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some("main") {
            default(info);
        } else {
            tracing::debug!("caught panic: {info}");
        }
    }));
}
