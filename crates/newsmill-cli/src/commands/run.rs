//! `newsmill run [DIR]`: the main job.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use newsmill_read::discover::Discovery;
use newsmill_runner::{completed_shard, run_folder_with, Progress, RunPlan, Shard, Silent};

use crate::progress::Bar;

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Folder of articles, one file, or `-` for JSON Lines on standard input (default:
    /// `[input] path` of the config).
    pub dir: Option<PathBuf>,
    /// Pipeline config, merged onto the built-in default (default: newsmill.toml in the
    /// current folder when present, else the built-in config/pipeline.toml).
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
    /// Output formats, comma-separated, instead of `[output] formats`: any of csv, jsonl,
    /// xlsx, parquet, sqlite, report (report.html).
    #[arg(long, value_delimiter = ',')]
    pub format: Option<Vec<String>>,
    /// Process shard I of N (1-based) of the folder's sorted documents; ids, paths and
    /// positions stay those of the whole folder. The output folder gets a completion
    /// marker; a re-run over a completed shard does nothing. Join with `newsmill merge`.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Process only the documents of these files (one path a line, relative to the input
    /// folder; `-`: standard input), for engines that shard themselves. Join with `newsmill merge`.
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,
    /// Use this merged corpus index (`newsmill index`, then `newsmill index --merge`)
    /// instead of a first pass, so duplicates and learned boilerplate are those of the
    /// whole folder even in a shard.
    #[arg(long, value_name = "FILE")]
    pub corpus_index: Option<PathBuf>,
    /// Incremental run: keep each finished article in this folder, and reuse it next time
    /// when the article is unchanged after cleaning, so a run over a grown folder runs the
    /// extraction stages only for new and changed articles. Outputs equal a full run's
    /// (docs/scale.md, "Incremental runs").
    #[arg(long, value_name = "STATE_DIR")]
    pub state: Option<PathBuf>,
}

pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let (config, pipeline) = match super::load(args.config.as_deref())? {
        Ok(loaded) => loaded,
        Err(issues) => {
            super::print_issues(&issues);
            return Ok(ExitCode::from(2));
        }
    };
    let Some(mut input) = args.dir.clone().or_else(|| config.input.path.clone()) else {
        anyhow::bail!(
            "no input folder: type `newsmill run DIR` (a folder of .md, .txt, .html or .jsonl \
             files), or set [input] path in the config"
        );
    };
    if args.dir.is_none() && !input.exists() {
        // The config's folder (the built-in default names the repository's sample folder),
        // not one the user typed: say what to type rather than complain about it.
        anyhow::bail!(
            "no input folder given: type `newsmill run DIR` (a folder of .md, .txt, .html or \
             .jsonl files, one file, or - for JSON Lines on standard input); the config's \
             [input] path {} does not exist here",
            input.display()
        );
    }
    let from_stdin = input.as_os_str() == "-";
    // Checked before standard input is read.
    if args.state.is_some() && from_stdin {
        anyhow::bail!(
            "--state needs a folder or file that is there again next time, not standard input"
        );
    }
    if (args.shard.is_some() || args.files_from.is_some()) && from_stdin {
        anyhow::bail!("--shard and --files-from need a folder, not standard input");
    }
    // `-`: JSON Lines from standard input, spooled to a file because corpus-level stages
    // walk the input more than once. Removed when the run ends.
    let _stdin_spool = if from_stdin {
        let spool = StdinSpool::read()?;
        input = spool.file.clone();
        Some(spool)
    } else {
        None
    };
    let mut output = config.output.clone();
    if let Some(out) = &args.out {
        output.dir = out.clone();
    }
    if args.bom {
        output.csv.bom = true;
    }
    if let Some(formats) = &args.format {
        let known = newsmill_export::OutputOptions::FORMATS;
        if let Some(bad) = formats.iter().find(|f| !known.contains(&f.as_str())) {
            anyhow::bail!(
                "--format: unknown format `{bad}` (known: {})",
                known.join(", ")
            );
        }
        output.formats = formats.clone();
    }
    let plan = RunPlan {
        shard: args.shard,
        files: match &args.files_from {
            None => None,
            Some(list) => Some(std::sync::Arc::new(read_file_list(list)?)),
        },
        corpus_index: match &args.corpus_index {
            None => None,
            Some(path) => {
                let (file, hash) = newsmill_runner::IndexFile::read(path)?;
                Some(std::sync::Arc::new(newsmill_runner::LoadedIndex {
                    file,
                    hash,
                }))
            }
        },
        state: args.state.clone(),
    };
    if plan.state.is_some() && plan.is_partial() {
        anyhow::bail!(
            "--state is for runs over the whole folder, not with --shard or --files-from"
        );
    }
    if args.shard.is_some() && args.files_from.is_some() {
        anyhow::bail!("--shard and --files-from do not go together: pick one way to split");
    }
    let index_hash = plan.corpus_index.as_ref().map(|i| i.hash.as_str());
    if let Some(done) = completed_shard(&output.dir, &config, &output, &plan, index_hash) {
        if !args.quiet {
            eprintln!(
                "newsmill: shard {} is already complete in {} ({} documents); nothing to do",
                done.shard.as_deref().unwrap_or("?"),
                output.dir.display(),
                done.documents
            );
        }
        return Ok(ExitCode::SUCCESS);
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
    let stats = run_folder_with(&config, &pipeline, &input, &output, jobs, progress, &plan)?;
    if !args.quiet {
        eprint!("{}", stats.summary());
        eprintln!("  config: {}", config.describe());
    }
    if stats.documents == 0 && !plan.is_partial() {
        eprintln!(
            "{}",
            nothing_found(&config, &input, &stats.skipped, args.quiet)
        );
        return Ok(ExitCode::from(1));
    }
    Ok(if stats.error_rows > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The paths of a `--files-from` list (`-`: standard input).
pub fn read_file_list(
    list: &std::path::Path,
) -> anyhow::Result<std::collections::HashSet<PathBuf>> {
    use anyhow::Context;
    let text = if list.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin().lock()).context("cannot read standard input")?
    } else {
        std::fs::read_to_string(list)
            .with_context(|| format!("cannot read --files-from {}", list.display()))?
    };
    Ok(newsmill_runner::parse_file_list(&text))
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
        .map(|d| d.skip_folders_where(newsmill_export::staging::is_newsmill_folder))
        .map(|d| d.count() as u64)
}

/// Why a run found no document, and what would have matched.
fn nothing_found(
    config: &newsmill_runner::Config,
    input: &std::path::Path,
    skipped: &newsmill_read::SkipReport,
    quiet: bool,
) -> String {
    let mut message = format!("newsmill: no document found in {}", input.display());
    if skipped.files() == 0 {
        message.push_str(" (it holds no files)");
    } else if quiet {
        message.push_str(&format!("; {} files were skipped:", skipped.files()));
        for line in skipped.summary_lines() {
            message.push('\n');
            message.push_str(&line);
        }
        message.push('\n');
    } else {
        message.push_str(&format!(
            "; {} files were skipped (listed above)",
            skipped.files()
        ));
    }
    message.push_str(&format!(
        ".\n  [input] include matches: {}{}",
        config.input.include.join(", "),
        if config.input.case_sensitive {
            " (case-sensitive)"
        } else {
            " (any case)"
        }
    ));
    if skipped.symlink.count > 0 {
        message.push_str("\n  symlinks are read with [input] follow_symlinks = true");
    }
    message
}

/// Standard input copied to `stdin.jsonl` in a fresh temporary folder.
struct StdinSpool {
    dir: PathBuf,
    file: PathBuf,
}

/// The spool folder of this process, for [`remove_stdin_spool`].
static SPOOL: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// Removes the standard-input spool (the Ctrl-C handler calls this before exiting).
pub fn remove_stdin_spool() {
    if let Some(dir) = SPOOL.lock().ok().and_then(|mut s| s.take()) {
        let _ = std::fs::remove_dir_all(dir);
    }
}

impl StdinSpool {
    fn read() -> anyhow::Result<Self> {
        let dir = std::env::temp_dir().join(format!("newsmill-stdin-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        if let Ok(mut spool) = SPOOL.lock() {
            *spool = Some(dir.clone());
        }
        let file = dir.join("stdin.jsonl");
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file)?);
        std::io::copy(&mut std::io::stdin().lock(), &mut out)?;
        std::io::Write::flush(&mut out)?;
        Ok(StdinSpool { dir, file })
    }
}

impl Drop for StdinSpool {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
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
