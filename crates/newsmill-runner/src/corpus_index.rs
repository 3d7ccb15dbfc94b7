//! The corpus index shared between machines, in the datatrove pattern: `newsmill index`
//! makes the first pass over one shard and writes each corpus stage's summary
//! ([`CorpusIndex::summary`]: dedup signatures keyed by global position, per-source line
//! hash counts sampled by hash value); `newsmill index --merge` absorbs every shard's
//! summaries into one file; `run --corpus-index FILE` absorbs that file instead of making
//! its own first pass, so every shard takes the decisions one machine takes.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use newsmill_core::CorpusIndex;
use newsmill_export::OutputOptions;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::config::Config;
use crate::pipeline::Pipeline;
use crate::run::{folder_sources, observe_corpus, worker_count, RunOptions, Silent};
use crate::shard::{config_hash, RunPlan, Selection};

/// One corpus index file: a shard's, or the merge of every shard's.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexFile {
    pub format: u32,
    pub version: String,
    /// [`config_hash`] of the config with default output settings (outputs do not change
    /// an index).
    pub config_hash: String,
    /// `I/N` of the shard it covers; `None` for a merged or whole-folder index.
    pub shard: Option<String>,
    /// Documents in the whole walk, and those this file covers.
    pub total_documents: usize,
    pub documents: usize,
    /// Global positions covered: first and one past the last (of the shard).
    pub first_seq: usize,
    pub end_seq: usize,
    /// Shards merged into it (0 for a shard's own file).
    pub merged_shards: usize,
    /// Per corpus stage, in pipeline order: its position, name and summary.
    pub stages: Vec<(usize, String, serde_json::Value)>,
}

impl IndexFile {
    const FORMAT: u32 = 1;

    pub fn read(path: &Path) -> anyhow::Result<(IndexFile, String)> {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read corpus index {}", path.display()))?;
        let file: IndexFile = serde_json::from_slice(&bytes)
            .with_context(|| format!("{} is not a newsmill corpus index", path.display()))?;
        Ok((file, format!("{:016x}", xxh3_64(&bytes))))
    }

    pub fn write(&self, path: &Path) -> anyhow::Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        newsmill_export::write_atomic(path, &serde_json::to_vec(self)?)
            .with_context(|| format!("cannot write {}", path.display()))
    }
}

/// A corpus index read for a run, with the hash of its bytes (recorded in shard markers).
#[derive(Debug, Clone)]
pub struct LoadedIndex {
    pub file: IndexFile,
    pub hash: String,
}

fn index_hash(config: &Config) -> String {
    config_hash(config, &OutputOptions::default())
}

fn corpus_stages(pipeline: &Pipeline) -> Vec<(usize, &str, &dyn CorpusIndex)> {
    pipeline
        .stages
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.name.as_str(), s.stage.corpus_index()?)))
        .collect()
}

/// The first pass over the documents `plan` selects, as an index file.
pub fn index_folder(
    config: &Config,
    pipeline: &Pipeline,
    input: &Path,
    jobs: usize,
    plan: &RunPlan,
) -> anyhow::Result<IndexFile> {
    let stages = corpus_stages(pipeline);
    if stages.is_empty() {
        anyhow::bail!(
            "no stage of this config keeps a corpus index (clean.dedup, learned clean.boilerplate)"
        );
    }
    let (sources, _skipped) = folder_sources(config, input, Path::new(""))?;
    let total_documents = sources().count();
    let select = Selection {
        range: plan.shard.map(|s| s.range(total_documents)),
        paths: plan.files.clone(),
        root: input.to_path_buf(),
    };
    let (mut first_seq, mut end_seq, mut documents) = (usize::MAX, 0, 0);
    for (seq, found) in sources().enumerate() {
        if select.keeps(seq, &found) {
            first_seq = first_seq.min(seq);
            end_seq = seq + 1;
            documents += 1;
        }
    }
    let jobs = worker_count(jobs);
    let options = RunOptions {
        jobs,
        chunk_size: config.run.chunk_size,
        max_file_bytes: config.input.max_file_bytes,
        select,
        corpus_ready: false,
        state: None,
        reuse_first_pass: false,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .context("cannot start worker threads")?;
    observe_corpus(pipeline, &sources, &|_| {}, &options, &Silent, &pool)?;
    let stages = stages
        .into_iter()
        .map(|(i, name, index)| {
            let summary = index
                .summary()
                .with_context(|| format!("stage {name} cannot share its corpus index"))?;
            Ok((i, name.to_string(), summary))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(IndexFile {
        format: IndexFile::FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        config_hash: index_hash(config),
        shard: plan.shard.map(|s| s.to_string()),
        total_documents,
        documents,
        first_seq: if documents == 0 { 0 } else { first_seq },
        end_seq,
        merged_shards: 0,
        stages,
    })
}

/// Every shard's index merged into one: refuses files of another version or config, a
/// shard given twice, missing shards, or documents covered twice or not at all.
pub fn merge_indexes(
    config: &Config,
    pipeline: &Pipeline,
    files: &[IndexFile],
) -> anyhow::Result<IndexFile> {
    let Some(first) = files.first() else {
        anyhow::bail!("no index file given");
    };
    let expected = index_hash(config);
    for f in files {
        if f.version != first.version || f.config_hash != expected {
            anyhow::bail!(
                "index of shard {} was made by newsmill {} with {} config",
                f.shard.as_deref().unwrap_or("?"),
                f.version,
                if f.config_hash == expected {
                    "this"
                } else {
                    "another"
                }
            );
        }
        if f.total_documents != first.total_documents || f.merged_shards != 0 {
            anyhow::bail!("index files of different folders, or one merged already");
        }
    }
    let mut sorted: Vec<&IndexFile> = files.iter().collect();
    sorted.sort_by_key(|f| (f.first_seq, f.end_seq));
    let mut end = 0;
    for f in sorted.iter().filter(|f| f.documents > 0) {
        if f.first_seq < end {
            anyhow::bail!("two index files cover document #{}", f.first_seq);
        }
        end = f.end_seq;
    }
    let documents: usize = files.iter().map(|f| f.documents).sum();
    if documents != first.total_documents {
        anyhow::bail!(
            "the index files cover {documents} of the folder's {} documents: some shards are missing",
            first.total_documents
        );
    }
    let stages = corpus_stages(pipeline);
    for f in files {
        absorb(&stages, f)?;
    }
    let stages = stages
        .into_iter()
        .map(|(i, name, index)| {
            let summary = index
                .summary()
                .with_context(|| format!("stage {name} cannot share its corpus index"))?;
            Ok((i, name.to_string(), summary))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(IndexFile {
        format: IndexFile::FORMAT,
        version: first.version.clone(),
        config_hash: expected,
        shard: None,
        total_documents: first.total_documents,
        documents,
        first_seq: 0,
        end_seq: first.total_documents,
        merged_shards: files.len(),
        stages,
    })
}

fn absorb(stages: &[(usize, &str, &dyn CorpusIndex)], file: &IndexFile) -> anyhow::Result<()> {
    if file.stages.len() != stages.len() {
        anyhow::bail!("the index holds other corpus stages than this config");
    }
    for ((i, name, index), (j, their_name, summary)) in stages.iter().zip(&file.stages) {
        if i != j || name != their_name {
            anyhow::bail!("the index holds stage {their_name} where this config has {name}");
        }
        index
            .absorb(summary)
            .map_err(|e| anyhow::anyhow!("stage {name}: {e}"))?;
    }
    Ok(())
}

/// Fills and finishes the pipeline's corpus indexes from a complete index file (the run
/// then makes no first pass).
pub fn use_index(config: &Config, pipeline: &Pipeline, index: &LoadedIndex) -> anyhow::Result<()> {
    let file = &index.file;
    if file.config_hash != index_hash(config) || file.version != env!("CARGO_PKG_VERSION") {
        anyhow::bail!(
            "the corpus index was made by newsmill {} with another config than this run's",
            file.version
        );
    }
    if file.documents != file.total_documents {
        anyhow::bail!(
            "the corpus index covers {} of {} documents: merge every shard's index first \
             (newsmill index --merge)",
            file.documents,
            file.total_documents
        );
    }
    let stages = corpus_stages(pipeline);
    absorb(&stages, file)?;
    for (_, _, index) in stages {
        index.finish();
    }
    Ok(())
}

/// The loaded index, shared by a plan.
pub type SharedIndex = Arc<LoadedIndex>;
