//! One document through the readers and stages, with failures turned into data.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use newsmill_core::{Article, Outcome, RawDocument, Reader, StageCounters, StageError};
use newsmill_export::ErrorRow;

use crate::config::StageSpec;
use crate::stats::StageStats;

/// How much of a file readers get to see when choosing who reads it.
const SNIFF_BYTES: usize = 1024;

/// What became of one document.
#[derive(Debug)]
pub enum DocResult {
    Kept(Box<Article>),
    Dropped { stage: String, reason: &'static str },
    Failed(ErrorRow),
}

/// Readers and built stages, shared by all worker threads.
pub struct Pipeline {
    pub readers: Vec<Box<dyn Reader>>,
    pub stages: Vec<StageSpec>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("stages", &self.stages)
            .finish()
    }
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

    /// Reads the document and runs stages `0..until` (all stages when `until` is `None`).
    /// `prepare` runs between reading and the first stage (evaluations use it to set a
    /// known publication date).
    pub fn process(
        &self,
        mut doc: RawDocument,
        until: Option<usize>,
        prepare: &(dyn Fn(&mut Article) + Sync),
        stats: &mut DocStats,
    ) -> DocResult {
        let path = doc.display_path();
        let hints = std::mem::take(&mut doc.hints);
        let fail = |stage: &str, error: StageError| {
            DocResult::Failed(ErrorRow {
                path: path.clone(),
                stage: stage.to_string(),
                code: error.code.to_string(),
                message: error.message,
            })
        };
        stats.read.seen += 1;
        stats.read.bytes_in += doc.bytes.len() as u64;
        let Some(reader) = self.reader_for(&doc) else {
            *stats.read.errors.entry("unsupported".into()).or_default() += 1;
            return fail(
                "read",
                StageError::new("unsupported", "no reader handles this file type"),
            );
        };
        let started = Instant::now();
        let read = catch_unwind(AssertUnwindSafe(|| reader.read(doc)));
        stats.read.seconds += started.elapsed().as_secs_f64();
        let mut article = match read {
            Ok(Ok(article)) => article,
            Ok(Err(error)) => {
                *stats.read.errors.entry(error.code.to_string()).or_default() += 1;
                return fail(reader.name(), error);
            }
            Err(payload) => {
                *stats.read.errors.entry("panic".into()).or_default() += 1;
                let message = format!("reader panicked: {}", panic_message(payload.as_ref()));
                return fail(reader.name(), StageError::new("panic", message));
            }
        };
        stats.read.kept += 1;
        hints.apply(&mut article.meta);
        prepare(&mut article);
        let until = until.unwrap_or(self.stages.len()).min(self.stages.len());
        for (spec, stage_stats) in self.stages[..until].iter().zip(stats.stages.iter_mut()) {
            stage_stats.seen += 1;
            stage_stats.bytes_in += article
                .blocks
                .iter()
                .map(|b| b.text.len() as u64)
                .sum::<u64>();
            let mut counters = StageCounters::default();
            let started = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                spec.stage.process(&mut article, &mut counters)
            }));
            stage_stats.seconds += started.elapsed().as_secs_f64();
            stage_stats.add_counters(&counters);
            match outcome {
                Ok(Ok(Outcome::Keep)) => stage_stats.kept += 1,
                Ok(Ok(Outcome::Drop(reason))) => {
                    *stage_stats.dropped.entry(reason.to_string()).or_default() += 1;
                    return DocResult::Dropped {
                        stage: spec.name.clone(),
                        reason,
                    };
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
        DocResult::Kept(Box::new(article))
    }
}
