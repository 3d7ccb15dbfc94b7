//! What a shard's output folder holds beside its tables, for `newsmill merge`: the
//! completion marker ([`ShardMarker`], written into the output set, so it appears with the
//! tables in the one folder swap or not at all) and the corpus entity counts
//! ([`CORPUS_SUMMARY`]) that merge adds up before it writes corpus_entities.csv.

use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::output_set::OutputOptions;

/// The completion marker of a shard folder.
pub const SHARD_MARKER: &str = ".newsmill-shard.json";
/// The corpus entity counts of a shard (before linking), absorbed in order by merge.
pub const CORPUS_SUMMARY: &str = ".newsmill-corpus-entities.json";

/// Which part of which run a shard folder holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ShardMarker {
    pub format: u32,
    /// newsmill version that wrote it.
    pub version: String,
    /// Hash of the config as it ran (input, run, stages and output settings, not the
    /// output folder): shards merge only with shards of the same config.
    pub config_hash: String,
    /// `I/N` for `run --shard`; `None` for `--files-from`.
    pub shard: Option<String>,
    /// Documents in the whole walk (every shard of one folder agrees).
    pub total_documents: usize,
    /// Global positions processed: first and one past the last (empty when none).
    pub first_seq: usize,
    pub end_seq: usize,
    /// Documents processed.
    pub documents: usize,
    /// Hash of the corpus index used (`--corpus-index`), `None` when the shard made its
    /// own first pass: shards merge only when they agree.
    pub corpus_index: Option<String>,
    /// The output settings (folder blanked): merge writes with them.
    pub output: OutputOptions,
}

impl ShardMarker {
    pub const FORMAT: u32 = 1;

    /// The marker of a completed shard folder, if `dir` holds one.
    pub fn read(dir: &Path) -> io::Result<Option<ShardMarker>> {
        let path = dir.join(SHARD_MARKER);
        if !path.is_file() {
            return Ok(None);
        }
        let text = std::fs::read(&path)?;
        serde_json::from_slice(&text)
            .map(Some)
            .map_err(|e| io::Error::other(format!("{}: {e}", path.display())))
    }

    /// Whether two shards are parts of the same run (same version, config, folder, index).
    pub fn same_run(&self, other: &ShardMarker) -> bool {
        self.version == other.version
            && self.config_hash == other.config_hash
            && self.total_documents == other.total_documents
            && self.corpus_index == other.corpus_index
    }
}
