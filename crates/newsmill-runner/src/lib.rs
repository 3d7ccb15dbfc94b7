//! newsmill-runner: builds a pipeline from TOML config and runs it over a folder.
//!
//! The runner knows no particular stage: it is handed the registry (stage factories and
//! readers) by the binary, so it depends only on newsmill-core, the discovery walk of
//! newsmill-read and the writers of newsmill-export.
//!
//! Main types and functions:
//! - [`load_config`] -> ([`Config`], [`Pipeline`]): validates `config/pipeline.toml` (or the
//!   built-in [`DEFAULT_CONFIG`]) against a [`Registry`] (stage factories and readers, handed
//!   in by the binary), checks that every family a stage reads is written by an earlier
//!   stage, builds every stage, and returns all mistakes at once, located. A file is merged
//!   onto the built-in default (it may hold only the sections it changes); [`Config`] is data
//!   only ([`Config::to_toml`] prints it merged); [`Pipeline::build`] makes the running stages
//!   from it.
//! - [`Pipeline`]: readers + built stages; [`Pipeline::process`] takes one document through
//!   them, turning errors and caught panics into [`DocResult::Failed`] rows.
//! - [`run_folder`]: discovery in path order, chunks processed in parallel with rayon and
//!   written in order (so outputs are byte-identical for any thread count), corpus passes
//!   for stages that need the whole folder first, atomic outputs and run-report.json.
//! - [`run_folder_with`] and [`RunPlan`]: a run over part of the folder (a [`Shard`] `I/N`
//!   of the global document sequence, or a file list) whose folder `newsmill merge` joins.
//! - [`index_folder`], [`merge_indexes`], [`IndexFile`]: the corpus index of a shard, merged
//!   across shards and used by `run --corpus-index` instead of a first pass.
//! - [`StateStore`]: the state folder of an incremental run (`run --state`): finished
//!   articles kept by what they were after the corpus-level stages, reused when unchanged.
//! - [`RunStats`]: per-stage counts and time, the run report and the one-screen summary.

mod config;
mod corpus_index;
mod pipeline;
mod run;
mod shard;
mod spill;
mod state;
mod stats;

pub use config::{
    load_config, Config, InputConfig, Registry, RunConfig, StageConfig, DEFAULT_CONFIG,
    DEFAULT_CONFIG_NAME,
};
pub use corpus_index::{
    index_folder, merge_indexes, use_index, IndexFile, LoadedIndex, SharedIndex,
};
pub use pipeline::{DocResult, DocStats, InFlight, Pipeline, StageSpec};
pub use run::{
    process_documents, process_files, run_folder, run_folder_with, tables_for, worker_count,
    PassTotals, Progress, RunOptions, Silent, Sources, MAX_JOBS_PER_CORE,
};
pub use shard::{completed_shard, config_hash, parse_file_list, RunPlan, Selection, Shard};
pub use state::{IncrementalReport, StateStore};
pub use stats::{peak_rss_mb, RunStats, StageStats};

#[cfg(test)]
mod run_tests;
