//! `newsmill merge SHARD_DIRS... --out DIR`: shard folders joined into one output folder.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The output folders of every shard of one run (any order).
    #[arg(required = true)]
    pub shards: Vec<PathBuf>,
    /// The merged output folder.
    #[arg(long)]
    pub out: PathBuf,
    /// No summary.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn merge(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let merged = newsmill_export::merge::merge_shards(&args.shards, &args.out)?;
    if !args.quiet {
        eprintln!(
            "newsmill: merged {} shards ({} documents) into {}",
            merged.shards,
            merged.documents,
            args.out.display()
        );
    }
    if !merged.not_rebuilt.is_empty() {
        eprintln!(
            "newsmill: merge writes CSV and JSON Lines; not rebuilt: {} (run without --shard for those)",
            merged.not_rebuilt.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
