//! One document through the readers and stages, with failures turned into data.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use std::collections::BTreeSet;

use newsmill_core::{
    Article, ConfigIssue, Family, Outcome, RawDocument, Reader, Stage, StageCounters, StageError,
};
use newsmill_export::ErrorRow;

use crate::config::{Config, Registry};
use crate::stats::StageStats;

/// How much of a file readers get to see when choosing who reads it.
const SNIFF_BYTES: usize = 1024;

/// What became of one document.
#[derive(Debug)]
pub enum DocResult {
    Kept(Box<Article>),
    Dropped {
        path: String,
        stage: String,
        reason: &'static str,
    },
    Failed(ErrorRow),
}

/// One built `[[stage]]`, with what its factory declared it reads and writes.
pub struct StageSpec {
    pub name: String,
    pub reads: &'static [Family],
    pub writes: &'static [Family],
    pub stage: Box<dyn Stage>,
}

impl std::fmt::Debug for StageSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StageSpec")
            .field("name", &self.name)
            .finish()
    }
}

/// Readers and built stages, shared by all worker threads.
pub struct Pipeline {
    pub readers: Vec<Box<dyn Reader>>,
    pub stages: Vec<StageSpec>,
    /// Work one document may take (`[run] max_doc_seconds`); `None`: no limit.
    pub budget: Option<std::time::Duration>,
}

impl Pipeline {
    /// Builds every stage of `config` with the registry's factories, collecting every
    /// option issue of every stage.
    pub fn build(config: &Config, registry: &Registry) -> Result<Pipeline, Vec<ConfigIssue>> {
        let mut stages = Vec::new();
        let mut issues = Vec::new();
        for stage in &config.stages {
            let Some(factory) = registry.factory(&stage.name) else {
                issues.push(
                    stage
                        .table
                        .issue(None, format!("unknown stage `{}`", stage.name)),
                );
                continue;
            };
            match (factory.build)(&stage.table) {
                Ok(built) => stages.push(StageSpec {
                    name: stage.name.clone(),
                    reads: factory.reads,
                    writes: factory.writes,
                    stage: built,
                }),
                Err(mut found) => issues.append(&mut found),
            }
        }
        if !issues.is_empty() {
            issues.sort_by_key(|i| i.line);
            return Err(issues);
        }
        Ok(Pipeline {
            readers: (registry.readers)(&config.input),
            stages,
            budget: (config.run.max_doc_seconds > 0)
                .then(|| std::time::Duration::from_secs(config.run.max_doc_seconds)),
        })
    }

    /// Every family some stage of this pipeline writes.
    pub fn writes(&self) -> BTreeSet<Family> {
        self.stages
            .iter()
            .flat_map(|s| s.writes.iter().copied())
            .collect()
    }
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("stages", &self.stages)
            .finish()
    }
}

/// A document part-way through the pipeline: read, some stages run.
#[derive(Debug)]
pub struct InFlight {
    pub article: Box<Article>,
    /// What error rows name it by (its path, with `#part` inside a container).
    pub path: String,
    /// When its work began (the per-document budget counts from here).
    pub started: Instant,
}

/// Per-document tallies, merged by the runner.
#[derive(Debug, Clone, Default)]
pub struct DocStats {
    pub read: StageStats,
    pub stages: Vec<StageStats>,
}

impl DocStats {
    pub fn for_pipeline(pipeline: &Pipeline) -> Self {
        DocStats {
            read: StageStats::new("read"),
            stages: pipeline
                .stages
                .iter()
                .map(|s| StageStats::new(&s.name))
                .collect(),
        }
    }

    pub fn merge(&mut self, other: &DocStats) {
        self.read.merge(&other.read);
        for (mine, theirs) in self.stages.iter_mut().zip(&other.stages) {
            mine.merge(theirs);
        }
    }
}

/// The error row of a document that `stage` failed.
fn failure(path: &str, stage: &str, error: StageError) -> DocResult {
    DocResult::Failed(ErrorRow {
        path: path.to_string(),
        stage: stage.to_string(),
        code: error.code.to_string(),
        message: error.message,
    })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

impl Pipeline {
    fn reader_for(&self, doc: &RawDocument) -> Option<&dyn Reader> {
        let head = &doc.bytes[..doc.bytes.len().min(SNIFF_BYTES)];
        self.readers
            .iter()
            .find(|r| r.accepts(&doc.path, head))
            .map(|r| r.as_ref())
    }

    /// Reads the document and runs every stage. `prepare` runs between reading and the
    /// first stage (evaluations use it to set a known publication date).
    pub fn process(
        &self,
        doc: RawDocument,
        prepare: &(dyn Fn(&mut Article) + Sync),
        stats: &mut DocStats,
    ) -> DocResult {
        match self.read(doc, prepare, stats) {
            Ok(read) => self.process_from(read, 0, stats),
            Err(result) => result,
        }
    }

    /// Where the first pass may keep a copy of each article for the main pass: before the
    /// first stage with a corpus index (the whole pipeline when none has one). What the
    /// stages before it make of a document depends on the document alone, so the main pass
    /// can start from that copy instead of reading and parsing the file again
    /// ([`crate::spill`]).
    pub fn prefix_len(&self) -> usize {
        self.stages
            .iter()
            .position(|s| s.stage.corpus_index().is_some())
            .unwrap_or(self.stages.len())
    }

    /// Reads the document and runs stages `0..until`, as the main pass would (the work
    /// budget is checked after each of them). `Err` is the document's final result.
    pub fn read_through(
        &self,
        doc: RawDocument,
        until: usize,
        prepare: &(dyn Fn(&mut Article) + Sync),
        stats: &mut DocStats,
    ) -> Result<InFlight, DocResult> {
        let read = self.read(doc, prepare, stats)?;
        self.run_stages(
            read,
            0..until.min(self.stages.len()),
            self.stages.len(),
            stats,
            &mut |_, _| {},
        )
    }

    /// The corpus-index part of the first pass, for a document at stage `from`: the stages
    /// up to the last one with a corpus index run, and each index observes the article as it
    /// reaches its stage. A corpus stage met on the way acts with what it knows before its
    /// own index is finished (learned boilerplate removes no learned line yet).
    pub fn observe_from(&self, doc: InFlight, from: usize, stats: &mut DocStats) {
        let Some(last) = self
            .stages
            .iter()
            .rposition(|s| s.stage.corpus_index().is_some())
        else {
            return;
        };
        let seq = doc.article.seq;
        let mut observe = |position: usize, article: &Article| {
            if let Some(index) = self.stages[position].stage.corpus_index() {
                index.observe(seq, article);
            }
        };
        if let Ok(doc) = self.run_stages(doc, from.min(last)..last, last, stats, &mut observe) {
            observe(last, &doc.article);
        }
    }

    /// Runs stages `from..` on a document part-way: the main pass, from the copy the first
    /// pass kept at [`Pipeline::prefix_len`].
    pub fn process_from(&self, doc: InFlight, from: usize, stats: &mut DocStats) -> DocResult {
        let range = from.min(self.stages.len())..self.stages.len();
        match self.run_stages(doc, range, self.stages.len(), stats, &mut |_, _| {}) {
            Ok(doc) => DocResult::Kept(doc.article),
            Err(result) => result,
        }
    }

    /// How many stages, from the first, make up the *head* of the pipeline: every stage up
    /// to and including the last one with a corpus index (0 when none has one). What an
    /// article is after the head depends on the whole folder (learned boilerplate,
    /// duplicates); what the later stages make of it depends on that article alone, which is
    /// what lets an incremental run reuse their work ([`crate::state`]).
    pub fn head_len(&self) -> usize {
        self.stages
            .iter()
            .rposition(|s| s.stage.corpus_index().is_some())
            .map_or(0, |last| last + 1)
    }

    /// Runs the head stages ([`Pipeline::head_len`]) from stage `from` on (0 for a document
    /// just read). `Err` is the document's final result (it failed or was dropped on the
    /// way); `Ok` is the document part-way, for [`Pipeline::process_tail`].
    pub fn process_head_from(
        &self,
        doc: InFlight,
        from: usize,
        stats: &mut DocStats,
    ) -> Result<InFlight, DocResult> {
        let head = self.head_len();
        self.run_stages(
            doc,
            from.min(head)..head,
            self.stages.len(),
            stats,
            &mut |_, _| {},
        )
    }

    /// Runs the stages after the head on a document [`Pipeline::process_head_from`] returned.
    pub fn process_tail(&self, doc: InFlight, stats: &mut DocStats) -> DocResult {
        self.process_from(doc, self.head_len(), stats)
    }

    /// Chooses a reader and reads the document; `Err` is the failure row.
    pub(crate) fn read(
        &self,
        mut doc: RawDocument,
        prepare: &(dyn Fn(&mut Article) + Sync),
        stats: &mut DocStats,
    ) -> Result<InFlight, DocResult> {
        let path = doc.display_path();
        let hints = std::mem::take(&mut doc.hints);
        let fail = |stage: &str, error: StageError| failure(&path, stage, error);
        stats.read.seen += 1;
        stats.read.bytes_in += doc.bytes.len() as u64;
        let Some(reader) = self.reader_for(&doc) else {
            *stats.read.errors.entry("unsupported".into()).or_default() += 1;
            return Err(fail(
                "read",
                StageError::new("unsupported", "no reader handles this file type"),
            ));
        };
        let started = Instant::now();
        let read = catch_unwind(AssertUnwindSafe(|| reader.read(doc)));
        stats.read.seconds += started.elapsed().as_secs_f64();
        let mut article = match read {
            Ok(Ok(article)) => article,
            Ok(Err(error)) => {
                *stats.read.errors.entry(error.code.to_string()).or_default() += 1;
                return Err(fail(reader.name(), error));
            }
            Err(payload) => {
                *stats.read.errors.entry("panic".into()).or_default() += 1;
                let message = format!("reader panicked: {}", panic_message(payload.as_ref()));
                return Err(fail(reader.name(), StageError::new("panic", message)));
            }
        };
        stats.read.kept += 1;
        hints.apply(&mut article.meta);
        prepare(&mut article);
        Ok(InFlight {
            article: Box::new(article),
            path,
            started,
        })
    }

    /// Runs stages `range` on the document, `before(i, article)` before stage `i`. `end` is
    /// where this document's run stops (the work budget is not checked after that stage).
    /// `Err` is the document's final result (failed or dropped on the way).
    fn run_stages(
        &self,
        mut doc: InFlight,
        range: std::ops::Range<usize>,
        end: usize,
        stats: &mut DocStats,
        before: &mut dyn FnMut(usize, &Article),
    ) -> Result<InFlight, DocResult> {
        let (article, path, doc_started) = (&mut doc.article, doc.path.as_str(), doc.started);
        let fail = |stage: &str, error: StageError| Err(failure(path, stage, error));
        let from = range.start;
        for (offset, (spec, stage_stats)) in self.stages[range.clone()]
            .iter()
            .zip(stats.stages[range].iter_mut())
            .enumerate()
        {
            let position = from + offset;
            before(position, article);
            stage_stats.seen += 1;
            stage_stats.bytes_in += article
                .blocks
                .iter()
                .map(|b| b.text.len() as u64)
                .sum::<u64>();
            let mut counters = StageCounters::default();
            let started = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                spec.stage.process(article, &mut counters)
            }));
            stage_stats.seconds += started.elapsed().as_secs_f64();
            stage_stats.add_counters(&counters);
            match outcome {
                Ok(Ok(Outcome::Keep)) => {
                    stage_stats.kept += 1;
                    let elapsed = doc_started.elapsed();
                    if self.budget.is_some_and(|b| elapsed > b) && position + 1 < end {
                        // Wall time, checked between stages: the stage that overran
                        // finishes, the rest are not run.
                        *stage_stats.errors.entry("too_slow".into()).or_default() += 1;
                        let message = format!(
                            "the document took {:.0} s by the end of this stage, over \
                             [run] max_doc_seconds ({} s); its later stages were not run",
                            elapsed.as_secs_f64(),
                            self.budget.map_or(0, |b| b.as_secs())
                        );
                        return fail(&spec.name, StageError::new("too_slow", message));
                    }
                }
                Ok(Ok(Outcome::Drop(reason))) => {
                    *stage_stats.dropped.entry(reason.to_string()).or_default() += 1;
                    return Err(DocResult::Dropped {
                        path: path.to_string(),
                        stage: spec.name.clone(),
                        reason,
                    });
                }
                Ok(Err(error)) => {
                    *stage_stats
                        .errors
                        .entry(error.code.to_string())
                        .or_default() += 1;
                    return fail(&spec.name, error);
                }
                Err(payload) => {
                    *stage_stats.errors.entry("panic".into()).or_default() += 1;
                    let message = format!("stage panicked: {}", panic_message(payload.as_ref()));
                    return fail(&spec.name, StageError::new("panic", message));
                }
            }
        }
        Ok(doc)
    }
}
