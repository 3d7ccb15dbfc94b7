//! The run loop: documents in path order, processed in parallel chunks, written in order.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use newsmill_core::{Article, CorpusIndex, Family};
use newsmill_export::shard::ShardMarker;
use newsmill_export::{DroppedRow, ErrorRow, OutputOptions, OutputSet, Table};
use newsmill_read::discover::{load, Discovery, Found};
use newsmill_read::SharedSkipReport;
use rayon::prelude::*;

use crate::config::Config;
use crate::pipeline::{DocResult, DocStats, Pipeline};
use crate::shard::{config_hash, RunPlan, Selection};
use crate::spill::{SpillReader, SpillRecord, SpillWriter};
use crate::state::{NewRecord, StateStore};
use crate::stats::RunStats;
use std::sync::Arc;

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
    /// The documents of the walk processed (a shard, a file list; all by default). Every
    /// document keeps its global position.
    pub select: Selection,
    /// The corpus indexes were filled from a shared index (`--corpus-index`) and finished:
    /// no first pass.
    pub corpus_ready: bool,
    /// An incremental run's state (`--state`): finished articles reused when their article
    /// after the corpus-level stages is unchanged, and this run's kept for the next.
    pub state: Option<Arc<StateStore>>,
    /// The first pass keeps each document as the stages before the first corpus stage left
    /// it, in a temporary file, and the main pass starts from there (`[run]
    /// reuse_first_pass`): each document is read and parsed once. Off, the main pass reads
    /// every document again and no temporary file is written.
    pub reuse_first_pass: bool,
}

/// Produces the documents of a run, the same ones in the same order at every call (corpus
/// passes walk the input more than once rather than hold it).
pub type Sources<'a> = dyn Fn() -> Box<dyn Iterator<Item = Found>> + Sync + 'a;

/// What the passes of a run add up to: the main pass's per-document statistics and the
/// first pass's (empty when no stage needs the corpus first), with the first pass's wall time.
#[derive(Debug, Default)]
pub struct PassTotals {
    pub main: DocStats,
    pub first_pass: Option<DocStats>,
    pub first_pass_seconds: f64,
    /// Bytes of the first pass's copies the main pass started from (0: it read again).
    pub first_pass_copy_bytes: u64,
}

/// Runs the pipeline over every source document: one first pass when some stage keeps a
/// corpus index (every index observes each article as it reaches its stage; then every index
/// is finished), then the main pass, whose results reach `sink` one by one in source order
/// whatever the thread count.
pub fn process_documents(
    pipeline: &Pipeline,
    sources: &Sources<'_>,
    prepare: &(dyn Fn(&mut Article) + Sync),
    options: &RunOptions,
    progress: &dyn Progress,
    sink: &mut dyn FnMut(usize, DocResult) -> io::Result<()>,
) -> anyhow::Result<PassTotals> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .context("cannot start worker threads")?;
    let mut totals = PassTotals::default();
    let indexes: Vec<&dyn CorpusIndex> = pipeline
        .stages
        .iter()
        .filter_map(|s| s.stage.corpus_index())
        .collect();
    let mut kept = None;
    if !indexes.is_empty() && !options.corpus_ready {
        let started = Instant::now();
        let keep = options.reuse_first_pass.then(open_spill).flatten();
        let (first, spill) =
            first_pass(pipeline, sources, prepare, options, progress, &pool, keep)?;
        for index in indexes {
            index.finish();
        }
        totals.first_pass = Some(first);
        totals.first_pass_seconds = started.elapsed().as_secs_f64();
        totals.first_pass_copy_bytes = spill.as_ref().map_or(0, SpillReader::bytes);
        kept = spill;
    }
    totals.main = DocStats::for_pipeline(pipeline);
    progress.start_pass("processing", None);
    let deliver = |results: Vec<Processed>| {
        let n = results.len() as u64;
        for (seq, result, stats, record) in results {
            totals.main.merge(&stats);
            if let (Some(state), Some(record)) = (&options.state, &record) {
                state.append(record)?;
            }
            sink(seq, result)?;
        }
        progress.advance(n);
        anyhow::Ok(())
    };
    let produce = |send: &mut dyn FnMut(Vec<Processed>) -> bool| match kept {
        Some(mut spill) => {
            loop {
                let chunk = spill
                    .next_chunk(options.chunk_size)
                    .context("cannot read back the first pass's temporary file")?;
                if chunk.is_empty() {
                    break;
                }
                let results: io::Result<Vec<_>> = pool.install(|| {
                    chunk
                        .into_par_iter()
                        .map(|bytes| {
                            let record = SpillRecord::decode(&bytes)?;
                            Ok(process_kept(pipeline, record, options))
                        })
                        .collect()
                });
                if !send(results.context("the first pass's temporary file is damaged")?) {
                    break;
                }
            }
            anyhow::Ok(())
        }
        None => for_each_chunk(sources, options, |chunk| {
            let results = pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|(seq, found)| process_one(pipeline, seq, found, prepare, options))
                    .collect()
            });
            if !send(results) {
                anyhow::bail!(WriterStopped);
            }
            Ok(())
        }),
    };
    overlapped(produce, deliver)?;
    progress.finish();
    Ok(totals)
}

/// One processed document: its position, result, statistics and incremental-state record.
type Processed = (usize, DocResult, DocStats, Option<NewRecord>);

/// The producer stopped because the writer had already failed (its error is the one
/// reported).
#[derive(Debug)]
struct WriterStopped;
impl std::fmt::Display for WriterStopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the writer stopped")
    }
}
impl std::error::Error for WriterStopped {}

/// Runs `produce` (which processes chunks on the worker pool and hands each chunk's results
/// to its `send`, in order) on a thread of its own while `consume` writes the chunks on this
/// one, so writing a chunk overlaps processing the next instead of leaving the workers idle.
/// `send` returns false once the consumer has stopped. At most two chunks wait besides the
/// one in work: memory stays bounded by the chunk size. The consumer's error comes first;
/// a producer error after the consumer finished is returned.
pub(crate) fn overlapped<T: Send>(
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) -> anyhow::Result<()> + Send,
    mut consume: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<T>(1);
        let producer = scope.spawn(move || produce(&mut |item| tx.send(item).is_ok()));
        let mut written = Ok(());
        for item in rx.iter() {
            written = consume(item);
            if written.is_err() {
                break;
            }
        }
        // Dropping the receiver makes the producer's next send fail, so it stops.
        drop(rx);
        let produced = producer
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the document producer panicked")));
        written?;
        match produced {
            Err(e) if e.is::<WriterStopped>() => Ok(()),
            other => other,
        }
    })
}

/// The temporary file for the first pass's copies, or `None` (with a warning: the main pass
/// then reads every document again) when none can be made.
fn open_spill() -> Option<SpillWriter> {
    match SpillWriter::create() {
        Ok(spill) => Some(spill),
        Err(error) => {
            tracing::warn!(
                "cannot make a temporary file for the first pass's documents ({error}); \
                 the main pass reads every document again"
            );
            None
        }
    }
}

/// The first pass: every selected document through the stages up to the last corpus
/// stage, each corpus index observing it (not finished: the caller finishes them, or writes
/// their summaries for `newsmill index`).
pub(crate) fn observe_corpus(
    pipeline: &Pipeline,
    sources: &Sources<'_>,
    prepare: &(dyn Fn(&mut Article) + Sync),
    options: &RunOptions,
    progress: &dyn Progress,
    pool: &rayon::ThreadPool,
) -> anyhow::Result<DocStats> {
    first_pass(pipeline, sources, prepare, options, progress, pool, None).map(|(stats, _)| stats)
}

/// [`observe_corpus`], writing each document as the stages before the first corpus stage
/// left it to `keep` when given (in document order), for the main pass to start from. A
/// failure to write gives up the copies with a warning (`None` back: the main pass reads the
/// documents again). With copies, the first pass's statistics leave out the reading and the
/// stages before the copy: the records carry them to the main pass, which counts them.
fn first_pass(
    pipeline: &Pipeline,
    sources: &Sources<'_>,
    prepare: &(dyn Fn(&mut Article) + Sync),
    options: &RunOptions,
    progress: &dyn Progress,
    pool: &rayon::ThreadPool,
    mut keep: Option<SpillWriter>,
) -> anyhow::Result<(DocStats, Option<SpillReader>)> {
    let mut first = DocStats::for_pipeline(pipeline);
    let prefix = pipeline.prefix_len();
    progress.start_pass("first pass (corpus indexes)", None);
    for_each_chunk(sources, options, |chunk| {
        let n = chunk.len() as u64;
        let copying = keep.is_some();
        let done: Vec<(DocStats, Option<io::Result<Vec<u8>>>)> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|(seq, found)| {
                    let mut stats = DocStats::for_pipeline(pipeline);
                    let reached = match load(found, seq, options.max_file_bytes) {
                        Ok(doc) => pipeline.read_through(doc, prefix, prepare, &mut stats),
                        Err((path, error)) => Err(load_failure(path, error, &mut stats)),
                    };
                    let record = copying.then(|| {
                        let record =
                            SpillRecord::new(seq, &reached, &stats.read, &stats.stages[..prefix])
                                .encode();
                        if record.is_ok() {
                            stats = DocStats::for_pipeline(pipeline);
                        }
                        record
                    });
                    if let Ok(doc) = reached {
                        pipeline.observe_from(doc, prefix, &mut stats);
                    }
                    (stats, record)
                })
                .collect()
        });
        for (stats, record) in &done {
            first.merge(stats);
            if let (Some(writer), Some(record)) = (&mut keep, record) {
                let appended = match record {
                    Ok(record) => writer.append(record),
                    Err(error) => Err(io::Error::other(error.to_string())),
                };
                if let Err(error) = appended {
                    tracing::warn!(
                        "cannot write the first pass's documents to a temporary file \
                         ({error}); the main pass reads every document again"
                    );
                    keep = None;
                }
            }
        }
        progress.advance(n);
        Ok(())
    })?;
    progress.finish();
    let reader = match keep.map(SpillWriter::into_reader).transpose() {
        Ok(reader) => reader,
        Err(error) => {
            tracing::warn!(
                "cannot read back the first pass's temporary file ({error}); the main pass \
                 reads every document again"
            );
            None
        }
    };
    Ok((first, reader))
}

/// One document of the main pass from the first pass's copy: the stages from the first
/// corpus stage on (through the incremental state when there is one).
fn process_kept(
    pipeline: &Pipeline,
    record: SpillRecord,
    options: &RunOptions,
) -> (usize, DocResult, DocStats, Option<NewRecord>) {
    let mut stats = DocStats::for_pipeline(pipeline);
    stats.read.merge(&record.read);
    for (mine, kept) in stats.stages.iter_mut().zip(&record.prefix) {
        mine.merge(kept);
    }
    let seq = record.seq;
    let from = pipeline.prefix_len();
    let (result, kept) = match record.into_document() {
        Ok(doc) => match &options.state {
            Some(state) => process_incremental(pipeline, state, doc, from, &mut stats),
            None => (pipeline.process_from(doc, from, &mut stats), None),
        },
        Err(result) => (result, None),
    };
    (seq, result, stats, kept)
}

/// The error row of a document that could not be loaded (counted as a reader error).
fn load_failure(
    path: PathBuf,
    error: newsmill_core::StageError,
    stats: &mut DocStats,
) -> DocResult {
    stats.read.seen += 1;
    *stats.read.errors.entry(error.code.to_string()).or_default() += 1;
    DocResult::Failed(ErrorRow {
        path: path.to_string_lossy().into_owned(),
        stage: "read".into(),
        code: error.code.to_string(),
        message: error.message,
    })
}

fn process_one(
    pipeline: &Pipeline,
    seq: usize,
    found: Found,
    prepare: &(dyn Fn(&mut Article) + Sync),
    options: &RunOptions,
) -> (usize, DocResult, DocStats, Option<NewRecord>) {
    let mut stats = DocStats::for_pipeline(pipeline);
    let mut record = None;
    let result = match load(found, seq, options.max_file_bytes) {
        Ok(doc) => match &options.state {
            Some(state) => match pipeline.read(doc, &|_| {}, &mut stats) {
                Ok(doc) => {
                    let (result, kept) = process_incremental(pipeline, state, doc, 0, &mut stats);
                    record = kept;
                    result
                }
                Err(result) => result,
            },
            None => pipeline.process(doc, prepare, &mut stats),
        },
        Err((path, error)) => load_failure(path, error, &mut stats),
    };
    (seq, result, stats, record)
}

/// One document of an incremental run, read and at stage `from`: the rest of the head
/// stages, then the finished article from the state when the article after the head is one
/// it holds, else the tail stages (and the finished article as a record for the next run's
/// state).
fn process_incremental(
    pipeline: &Pipeline,
    state: &StateStore,
    doc: crate::pipeline::InFlight,
    from: usize,
    stats: &mut DocStats,
) -> (DocResult, Option<NewRecord>) {
    let seq = doc.article.seq;
    let mut doc = match pipeline.process_head_from(doc, from, stats) {
        Ok(doc) => doc,
        Err(result) => return (result, None),
    };
    let head = pipeline.head_len();
    let key = state.key(&mut doc.article);
    if let Some(reused) = state.lookup(key, seq) {
        for (mine, kept) in stats.stages[head..].iter_mut().zip(&reused.tail_stats) {
            mine.merge(kept);
        }
        let record = NewRecord {
            key,
            bytes: reused.bytes,
        };
        return (DocResult::Kept(reused.article), Some(record));
    }
    let mut tail = DocStats::for_pipeline(pipeline);
    let result = pipeline.process_tail(doc, &mut tail);
    let mut tail_stats = tail.stages.split_off(head);
    for (mine, ran) in stats.stages[head..].iter_mut().zip(&tail_stats) {
        mine.merge(ran);
    }
    match result {
        DocResult::Kept(mut article) => {
            // A reused article took no time: its stored counts carry none.
            for s in &mut tail_stats {
                s.seconds = 0.0;
            }
            let record = state.record(key, &mut article, tail_stats);
            (DocResult::Kept(article), Some(record))
        }
        other => {
            state.count_processed();
            (other, None)
        }
    }
}

fn for_each_chunk(
    sources: &Sources<'_>,
    options: &RunOptions,
    mut each: impl FnMut(Vec<(usize, Found)>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut found = sources()
        .enumerate()
        .filter(|(seq, found)| options.select.keeps(*seq, found))
        .peekable();
    while found.peek().is_some() {
        let chunk: Vec<(usize, Found)> = found.by_ref().take(options.chunk_size.max(1)).collect();
        each(chunk)?;
    }
    Ok(())
}

/// The tables a run writes: articles, errors and dropped always; each other table when some
/// stage of the pipeline writes its family (removed.csv on `output.audit`).
pub fn tables_for(pipeline: &Pipeline, output: &OutputOptions) -> Vec<&'static Table> {
    let writes: Vec<Family> = pipeline.writes().into_iter().collect();
    newsmill_export::tables_for(&writes, output.audit)
}

/// Runs a pipeline (built from `config`) over a folder (or one file), with the input and run
/// settings of `config`, and writes every output plus run-report.json as one output set,
/// swapped in as a whole. Returns the statistics (the caller prints the summary and picks the exit
/// code).
pub fn run_folder(
    config: &Config,
    pipeline: &Pipeline,
    input: &Path,
    output: &OutputOptions,
    jobs: usize,
    progress: &dyn Progress,
) -> anyhow::Result<RunStats> {
    run_folder_with(
        config,
        pipeline,
        input,
        output,
        jobs,
        progress,
        &RunPlan::default(),
    )
}

/// [`run_folder`] over part of the folder (`plan`): a shard `I/N` of the global document
/// sequence, or the documents of a file list. Such a run's folder also gets the corpus
/// entity counts and, last, the completion marker that `newsmill merge` checks
/// ([`newsmill_export::shard`]); it writes CSV and JSON Lines only, the formats merge
/// concatenates.
pub fn run_folder_with(
    config: &Config,
    pipeline: &Pipeline,
    input: &Path,
    output: &OutputOptions,
    jobs: usize,
    progress: &dyn Progress,
    plan: &RunPlan,
) -> anyhow::Result<RunStats> {
    let (sources, skipped) = folder_sources(config, input, &output.dir)?;
    let jobs = worker_count(jobs);
    let options = RunOptions {
        jobs,
        chunk_size: config.run.chunk_size,
        max_file_bytes: config.input.max_file_bytes,
        select: Selection::all(),
        corpus_ready: false,
        state: None,
        reuse_first_pass: config.run.reuse_first_pass,
    };
    let passes = Passes {
        sources: &sources,
        skipped: &skipped,
        progress,
    };
    run_with_options(config, pipeline, input, output, options, plan, &passes)
        .map(|(stats, _)| stats)
}

/// Where a run's documents come from and where its walk and progress are reported.
struct Passes<'a> {
    sources: &'a Sources<'a>,
    skipped: &'a SharedSkipReport,
    progress: &'a dyn Progress,
}

fn run_with_options(
    config: &Config,
    pipeline: &Pipeline,
    input: &Path,
    output: &OutputOptions,
    mut options: RunOptions,
    plan: &RunPlan,
    passes: &Passes<'_>,
) -> anyhow::Result<(RunStats, Option<ShardMarker>)> {
    let Passes {
        sources,
        skipped,
        progress,
    } = passes;
    let started = Instant::now();
    let jobs = options.jobs;
    let requested = output;
    let partial_output;
    let output = if plan.is_partial() {
        let mut o = output.clone();
        o.formats.retain(|f| f == "csv" || f == "jsonl");
        if !o.wants("csv") {
            o.formats.insert(0, "csv".into());
        }
        partial_output = o;
        &partial_output
    } else {
        output
    };
    if let Some(index) = &plan.corpus_index {
        crate::corpus_index::use_index(config, pipeline, index)?;
        options.corpus_ready = true;
    }
    if let Some(dir) = &plan.state {
        if plan.is_partial() {
            anyhow::bail!(
                "--state is for runs over the whole folder, not with --shard or --files-from"
            );
        }
        // The outputs settings are left out of the key: the state holds articles, not rows.
        let hash = config_hash(config, &OutputOptions::default());
        options.state = Some(Arc::new(StateStore::open(dir, &hash)?));
    }
    let mut total_documents = 0;
    if plan.is_partial() {
        // Positions are global: count the whole walk once (it reads no file but containers).
        total_documents = sources().count();
        options.select = Selection {
            range: plan.shard.map(|s| s.range(total_documents)),
            paths: plan.files.clone(),
            root: input.to_path_buf(),
        };
    }
    let mut outputs = OutputSet::create(output, &tables_for(pipeline, output))
        .with_context(|| format!("cannot create outputs in {}", output.dir.display()))?;
    let mut stats = RunStats {
        version: env!("CARGO_PKG_VERSION").to_string(),
        config: config.file.clone(),
        input: input.display().to_string(),
        jobs,
        ..RunStats::default()
    };
    let mut seqs: Option<(usize, usize)> = None;
    let mut sink = |seq: usize, result: DocResult| -> io::Result<()> {
        stats.documents += 1;
        seqs = Some(seqs.map_or((seq, seq + 1), |(a, b)| (a.min(seq), b.max(seq + 1))));
        match result {
            DocResult::Kept(article) => {
                stats.articles += 1;
                outputs.write_article(&article)
            }
            DocResult::Dropped {
                path,
                stage,
                reason,
            } => {
                *stats.dropped.entry(reason.to_string()).or_default() += 1;
                outputs.write_dropped(&DroppedRow {
                    path,
                    stage,
                    reason: reason.to_string(),
                })
            }
            DocResult::Failed(error) => {
                stats.error_rows += 1;
                *stats.errors.entry(error.code.clone()).or_default() += 1;
                outputs.write_error(&error)
            }
        }
    };
    let totals = process_documents(pipeline, sources, &|_| {}, &options, *progress, &mut sink)?;
    stats.corpus_pass_seconds = totals.first_pass_seconds;
    stats.first_pass = totals.first_pass.map(|f| f.stages);
    stats.first_pass_copy_bytes = totals.first_pass_copy_bytes;
    stats.input_bytes = totals.main.read.bytes_in;
    stats.read = totals.main.read;
    stats.stages = totals.main.stages;
    stats.skipped = skipped.lock().map(|s| s.clone()).unwrap_or_default();
    let marker = if plan.is_partial() {
        if let Some(summary) = outputs.corpus_summary() {
            outputs.write_file(
                newsmill_export::shard::CORPUS_SUMMARY,
                &serde_json::to_vec(&summary)?,
            )?;
        }
        let (first_seq, end_seq) = seqs.unwrap_or((0, 0));
        Some(ShardMarker {
            format: ShardMarker::FORMAT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            config_hash: config_hash(config, requested),
            shard: plan.shard.map(|s| s.to_string()),
            total_documents,
            first_seq,
            end_seq,
            documents: stats.documents as usize,
            corpus_index: plan.corpus_index.as_ref().map(|i| i.hash.clone()),
            output: OutputOptions {
                dir: Default::default(),
                ..requested.clone()
            },
        })
    } else {
        None
    };
    let report_name = "run-report.json";
    stats.outputs = outputs
        .paths()
        .iter()
        .chain([&output.dir.join(report_name)])
        .map(|p| p.display().to_string())
        .collect();
    stats.incremental = options.state.as_ref().map(|s| s.report());
    stats.seconds = started.elapsed().as_secs_f64();
    stats.peak_rss_mb = crate::stats::peak_rss_mb();
    let report = serde_json::to_vec_pretty(&stats)?;
    // The report is part of the output set: the folder's files always come from one run.
    outputs
        .write_file(report_name, &report)
        .context("cannot write run-report.json")?;
    if let Some(marker) = &marker {
        // The last file of the set; the folder appears with it in one swap, or not at all.
        outputs.write_file(
            newsmill_export::shard::SHARD_MARKER,
            &serde_json::to_vec_pretty(marker)?,
        )?;
    }
    outputs
        .commit()
        .with_context(|| format!("cannot move outputs into {}", output.dir.display()))?;
    if let Some(state) = options.state.take() {
        // After the outputs: a run killed in between leaves the previous state, which only
        // costs the next run work.
        let state = Arc::into_inner(state).context("the state is still in use")?;
        state
            .commit()
            .context("cannot write the incremental state")?;
    }
    Ok((stats, marker))
}

/// The walk of a run over `input` (leaving out `output_dir`), repeatable for each pass, and
/// where each walk leaves its skip counts (the last pass's are reported).
pub(crate) fn folder_sources(
    config: &Config,
    input: &Path,
    output_dir: &Path,
) -> anyhow::Result<(
    impl Fn() -> Box<dyn Iterator<Item = Found>> + Sync,
    SharedSkipReport,
)> {
    if !input.is_dir() && !input.is_file() {
        anyhow::bail!(
            "input {} does not exist or is neither a folder nor a file",
            input.display()
        );
    }
    let spec = config.input_spec(input, output_dir);
    // Validated when the config was loaded; a failure here is a bug worth a clear message.
    Discovery::new(spec.clone()).map_err(anyhow::Error::msg)?;
    // Each walk leaves its skip counts here; the last (main) pass's are reported.
    let skipped = SharedSkipReport::default();
    let skip_slot = skipped.clone();
    let sources = move || -> Box<dyn Iterator<Item = Found>> {
        Box::new(
            Discovery::new(spec.clone())
                .expect("globs were validated with the config")
                .skip_folders_where(newsmill_export::staging::is_newsmill_folder)
                .report_skips_to(skip_slot.clone()),
        )
    };
    Ok((sources, skipped))
}

/// Most worker threads per core: more only add memory and switching, and `--jobs 99999`
/// would start that many threads.
pub const MAX_JOBS_PER_CORE: usize = 4;

/// The worker count for a requested `jobs` (0: one per core), capped at
/// [`MAX_JOBS_PER_CORE`] per core with a warning.
pub fn worker_count(jobs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cap = cores * MAX_JOBS_PER_CORE;
    match jobs {
        0 => cores,
        n if n > cap => {
            tracing::warn!(
                "--jobs {n} is more than {MAX_JOBS_PER_CORE} per core; using {cap} ({cores} cores)"
            );
            cap
        }
        n => n,
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
        select: Selection::all(),
        corpus_ready: false,
        state: None,
        reuse_first_pass: true,
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
