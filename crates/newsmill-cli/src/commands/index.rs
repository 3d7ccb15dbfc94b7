//! `newsmill index DIR --shard I/N --out FILE` (a shard's corpus index) and
//! `newsmill index --merge FILES... --out FILE` (every shard's, merged).

use std::path::PathBuf;
use std::process::ExitCode;

use newsmill_runner::{index_folder, merge_indexes, IndexFile, RunPlan, Shard};

#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Folder of articles (default: `[input] path` of the config); with --merge, the
    /// shards' index files.
    pub inputs: Vec<PathBuf>,
    /// Pipeline config, as for `run` (every shard and the merge must use the same).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The index file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Index shard I of N of the folder's documents.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Index only the documents of this list (as `run --files-from`).
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,
    /// Merge the shards' index files given as inputs.
    #[arg(long)]
    pub merge: bool,
    /// Worker threads (0 = one per core).
    #[arg(long)]
    pub jobs: Option<usize>,
}

pub fn index(args: IndexArgs) -> anyhow::Result<ExitCode> {
    let (config, pipeline) = match super::load(args.config.as_deref())? {
        Ok(loaded) => loaded,
        Err(issues) => {
            super::print_issues(&issues);
            return Ok(ExitCode::from(2));
        }
    };
    let file = if args.merge {
        let files = args
            .inputs
            .iter()
            .map(|p| IndexFile::read(p).map(|(f, _)| f))
            .collect::<anyhow::Result<Vec<_>>>()?;
        merge_indexes(&config, &pipeline, &files)?
    } else {
        let input = match args.inputs.as_slice() {
            [] => config.input.path.clone().ok_or_else(|| {
                anyhow::anyhow!("no input folder: type `newsmill index DIR --out FILE`")
            })?,
            [one] => one.clone(),
            _ => anyhow::bail!("one input folder (several index files go with --merge)"),
        };
        let plan = RunPlan {
            shard: args.shard,
            files: match &args.files_from {
                None => None,
                Some(list) => Some(std::sync::Arc::new(super::run::read_file_list(list)?)),
            },
            corpus_index: None,
            state: None,
        };
        let jobs = args.jobs.unwrap_or(config.run.jobs);
        index_folder(&config, &pipeline, &input, jobs, &plan)?
    };
    file.write(&args.out)?;
    eprintln!(
        "newsmill: corpus index of {} of {} documents written to {}",
        file.documents,
        file.total_documents,
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
