//! The `Stage` trait and what a stage reports back.

use std::collections::BTreeMap;

use crate::article::Article;

/// What a stage decided about an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Keep,
    /// Leave the article out of the outputs, counted under `dropped_<reason>`; not an error.
    Drop(&'static str),
}

/// A per-document failure: a short stable code (for errors.csv and counters) and a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct StageError {
    pub code: &'static str,
    pub message: String,
}

impl StageError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        StageError {
            code,
            message: message.into(),
        }
    }
}

/// Counters a stage adds to while processing one article (`removed_footer`, `chars_removed`,
/// ...). The runner merges them across articles and threads; sums are order-independent, so
/// the report is the same for any thread count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StageCounters(pub BTreeMap<String, u64>);

impl StageCounters {
    pub fn add(&mut self, key: &str, n: u64) {
        if let Some(v) = self.0.get_mut(key) {
            *v += n;
        } else {
            self.0.insert(key.to_string(), n);
        }
    }

    pub fn merge(&mut self, other: &StageCounters) {
        for (k, v) in &other.0 {
            self.add(k, *v);
        }
    }
}

/// One step of the pipeline. Built once from its TOML table by its [`crate::StageFactory`]
/// and shared by all worker threads.
pub trait Stage: Send + Sync {
    /// Transform or annotate one article. Errors become a row in errors.csv and the
    /// article is left out of the data outputs; other articles go on.
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError>;

    /// Stages that need to see the whole folder first (learned boilerplate, duplicates)
    /// return their index here. The runner then makes a first pass in which every article,
    /// after the stages before this one, is shown to [`CorpusIndex::observe`]; then it calls
    /// [`CorpusIndex::finish`] and runs the normal pass.
    fn corpus_index(&self) -> Option<&dyn CorpusIndex> {
        None
    }
}

/// The corpus-wide state of a two-pass stage. `observe` is called from many threads in any
/// order; implementations must give the same result for any order (count, or key by
/// `doc`, the article's position in path order) and keep memory compact (hashes, sketches),
/// never the articles themselves.
pub trait CorpusIndex: Send + Sync {
    fn observe(&self, doc: usize, article: &Article);
    /// Called once, after every article was observed and before the first `process`.
    fn finish(&self);
    /// What was observed so far, as a compact summary another machine can
    /// [`absorb`](CorpusIndex::absorb) (`newsmill index`: one per shard, merged, then used
    /// by every shard's run). `None`: this index cannot be shared.
    fn summary(&self) -> Option<serde_json::Value> {
        None
    }
    /// Adds a [`summary`](CorpusIndex::summary) of other documents to what this index knows,
    /// before `finish`. Absorbing every shard's summary must give the decisions of observing
    /// every document on one machine.
    fn absorb(&self, _summary: &serde_json::Value) -> Result<(), String> {
        Err("this corpus index cannot be shared between runs".into())
    }
}
