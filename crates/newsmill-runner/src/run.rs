//! The run loop: documents in path order, processed in parallel chunks, written in order.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use newsmill_core::Article;
use newsmill_export::{write_atomic, ErrorRow, OutputOptions, OutputSet, Table};
use newsmill_read::discover::{load, Discovery, Found, InputSpec};
use newsmill_read::SharedSkipReport;
use rayon::prelude::*;

use crate::config::Config;
use crate::pipeline::{DocResult, DocStats, Pipeline};
use crate::stats::RunStats;

/// Something that shows progress (a terminal bar, or nothing).
pub trait Progress: Sync {
    fn start_pass(&self, _label: &str, _total: Option<u64>) {}
    fn advance(&self, _documents: u64) {}
    fn finish(&self) {}
}

/// No progress display.
#[derive(Debug, Default)]
pub struct Silent;
impl Progress for Silent {}

/// Knobs of one run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub jobs: usize,
    pub chunk_size: usize,
    pub max_file_bytes: u64,
}

/// Produces the documents of a run, the same ones in the same order at every call (corpus
/// passes walk the input more than once rather than hold it).
pub type Sources<'a> = dyn Fn() -> Box<dyn Iterator<Item = Found>> + Sync + 'a;

/// Runs the pipeline over every source document: first one pass per corpus-level stage (each
/// shows the articles, cleaned by the stages before it, to the stage's index), then the main
/// pass, whose results reach `sink` one by one in source order whatever the thread count.
pub fn process_documents(
    pipeline: &Pipeline,
    sources: &Sources<'_>,
    prepare: &(dyn Fn(&mut Article) + Sync),
    options: &RunOptions,
    progress: &dyn Progress,
    sink: &mut dyn FnMut(usize, DocResult) -> io::Result<()>,
) -> anyhow::Result<(DocStats, f64)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .context("cannot start worker threads")?;
    let corpus_started = Instant::now();
    for (index, spec) in pipeline.stages.iter().enumerate() {
        let Some(corpus) = spec.stage.corpus_index() else {
            continue;
        };
        progress.start_pass(&format!("first pass for {}", spec.name), None);
        for_each_chunk(sources, options, |chunk| {
            let n = chunk.len() as u64;
            pool.install(|| {
                chunk.into_par_iter().for_each(|(seq, found)| {
                    let Ok(doc) = load(found, seq, options.max_file_bytes) else {
                        return;
                    };
                    let mut stats = DocStats::for_pipeline(pipeline);
                    if let DocResult::Kept(article) =
                        pipeline.process(doc, Some(index), prepare, &mut stats)
                    {
                        corpus.observe(seq, &article);
                    }
                })
            });
            progress.advance(n);
            Ok(())
        })?;
        corpus.finish();
        progress.finish();
    }
    let corpus_seconds = corpus_started.elapsed().as_secs_f64();
    let mut totals = DocStats::for_pipeline(pipeline);
    progress.start_pass("processing", None);
    for_each_chunk(sources, options, |chunk| {
        let n = chunk.len() as u64;
        let results: Vec<(usize, DocResult, DocStats)> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|(seq, found)| process_one(pipeline, seq, found, prepare, options))
                .collect()
        });
        for (seq, result, stats) in results {
            totals.merge(&stats);
            sink(seq, result)?;
        }
        progress.advance(n);
        Ok(())
    })?;
    progress.finish();
    Ok((totals, corpus_seconds))
}

fn process_one(
    pipeline: &Pipeline,
    seq: usize,
    found: Found,
    prepare: &(dyn Fn(&mut Article) + Sync),
    options: &RunOptions,
) -> (usize, DocResult, DocStats) {
    let mut stats = DocStats::for_pipeline(pipeline);
    let result = match load(found, seq, options.max_file_bytes) {
        Ok(doc) => pipeline.process(doc, None, prepare, &mut stats),
        Err((path, error)) => {
            stats.read.seen += 1;
            *stats.read.errors.entry(error.code.to_string()).or_default() += 1;
            DocResult::Failed(ErrorRow {
                path: path.to_string_lossy().into_owned(),
                stage: "read".into(),
                code: error.code.to_string(),
                message: error.message,
            })
        }
    };
    (seq, result, stats)
}

fn for_each_chunk(
    sources: &Sources<'_>,
    options: &RunOptions,
    mut each: impl FnMut(Vec<(usize, Found)>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut found = sources().enumerate().peekable();
    while found.peek().is_some() {
        let chunk: Vec<(usize, Found)> = found.by_ref().take(options.chunk_size.max(1)).collect();
        each(chunk)?;
    }
    Ok(())
}

/// Which CSV tables a config produces: articles and errors always; the others when the stage
/// that fills them runs (removed.csv on `output.audit`).
pub fn tables_for(pipeline: &Pipeline, output: &OutputOptions) -> Vec<Table> {
    let has = |name: &str| pipeline.stages.iter().any(|s| s.name == name);
    let mut tables = vec![Table::Articles];
    for (table, stage) in [
        (Table::Entities, "extract.entities"),
        (Table::Quotes, "extract.quotes"),
        (Table::Dates, "extract.dates"),
        (Table::Facts, "extract.facts"),
    ] {
        if has(stage) {
            tables.push(table);
        }
    }
    tables.push(Table::Errors);
    if output.audit {
        tables.push(Table::Removed);
    }
    tables
}

/// Runs a pipeline over a folder (or one file), with the input and run settings of `config` (whose stages
/// were moved into `pipeline`), and writes every output, atomically, plus
/// run-report.json. Returns the statistics (the caller prints the summary and picks the exit
/// code).
pub fn run_folder(
    config: &Config,
    pipeline: &Pipeline,
    input: &Path,
    output: &OutputOptions,
    jobs: usize,
    progress: &dyn Progress,
) -> anyhow::Result<RunStats> {
    let started = Instant::now();
    if !input.is_dir() && !input.is_file() {
        anyhow::bail!(
            "input {} does not exist or is neither a folder nor a file",
            input.display()
        );
    }
    let spec = input_spec(config, input, vec![output.dir.clone()]);
    // Validated when the config was loaded; a failure here is a bug worth a clear message.
    Discovery::new(spec.clone()).map_err(anyhow::Error::msg)?;
    // Each walk leaves its skip counts here; the last (main) pass's are reported.
    let skipped = SharedSkipReport::default();
    let skip_slot = skipped.clone();
    let sources = move || -> Box<dyn Iterator<Item = Found>> {
        Box::new(
            Discovery::new(spec.clone())
                .expect("globs were validated with the config")
                .report_skips_to(skip_slot.clone()),
        )
    };
    let jobs = if jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        jobs
    };
    let options = RunOptions {
        jobs,
        chunk_size: config.run.chunk_size,
        max_file_bytes: config.input.max_file_bytes,
    };
    let mut outputs = OutputSet::create(output, &tables_for(pipeline, output))
        .with_context(|| format!("cannot create outputs in {}", output.dir.display()))?;
    let mut stats = RunStats {
        version: env!("CARGO_PKG_VERSION").to_string(),
        config: config.file.clone(),
        input: input.display().to_string(),
        jobs,
        ..RunStats::default()
    };
    let mut sink = |_seq: usize, result: DocResult| -> io::Result<()> {
        stats.documents += 1;
        match result {
            DocResult::Kept(article) => {
                stats.articles += 1;
                outputs.write_article(&article)
            }
            DocResult::Dropped { reason, .. } => {
                *stats.dropped.entry(reason.to_string()).or_default() += 1;
                Ok(())
            }
            DocResult::Failed(error) => {
                stats.error_rows += 1;
                *stats.errors.entry(error.code.clone()).or_default() += 1;
                outputs.write_error(&error)
            }
        }
    };
    let (totals, corpus_seconds) =
        process_documents(pipeline, &sources, &|_| {}, &options, progress, &mut sink)?;
    let written = outputs.commit().context("cannot move outputs into place")?;
    stats.corpus_pass_seconds = corpus_seconds;
    stats.input_bytes = totals.read.bytes_in;
    stats.read = totals.read;
    stats.stages = totals.stages;
    stats.skipped = skipped.lock().map(|s| s.clone()).unwrap_or_default();
    let report_path = output.dir.join("run-report.json");
    stats.outputs = written
        .iter()
        .chain([&report_path])
        .map(|p| p.display().to_string())
        .collect();
    stats.seconds = started.elapsed().as_secs_f64();
    stats.peak_rss_mb = crate::stats::peak_rss_mb();
    let report = serde_json::to_vec_pretty(&stats)?;
    write_atomic(&report_path, &report).context("cannot write run-report.json")?;
    Ok(stats)
}

/// What `[input]` asks discovery to walk from `input` (a folder, or one file).
fn input_spec(config: &Config, input: &Path, skip_dirs: Vec<PathBuf>) -> InputSpec {
    InputSpec {
        root: input.to_path_buf(),
        include: config.input.include.clone(),
        exclude: config.input.exclude.clone(),
        case_sensitive: config.input.case_sensitive,
        follow_symlinks: config.input.follow_symlinks,
        max_file_bytes: config.input.max_file_bytes,
        skip_dirs,
    }
}

/// Runs the pipeline over an explicit list of files (evaluations), returning each result in
/// order. `prepare` runs on each article before the stages.
pub fn process_files(
    pipeline: &Pipeline,
    files: &[PathBuf],
    prepare: &(dyn Fn(&mut Article) + Sync),
    max_file_bytes: u64,
) -> anyhow::Result<Vec<DocResult>> {
    let files = files.to_vec();
    let sources = move || -> Box<dyn Iterator<Item = Found>> {
        Box::new(files.clone().into_iter().map(|path| Found::File {
            id: path.to_string_lossy().into_owned(),
            path,
        }))
    };
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let options = RunOptions {
        jobs,
        chunk_size: 64,
        max_file_bytes,
    };
    let mut results = Vec::new();
    process_documents(
        pipeline,
        &sources,
        prepare,
        &options,
        &Silent,
        &mut |_, r| {
            results.push(r);
            Ok(())
        },
    )?;
    Ok(results)
}
