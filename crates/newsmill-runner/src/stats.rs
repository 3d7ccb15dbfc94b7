//! Run statistics: per-stage counts and time, summed across threads, and the run report.

use std::collections::BTreeMap;

use newsmill_core::StageCounters;
use serde::{Deserialize, Serialize};

/// What one stage did over the run.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StageStats {
    pub name: String,
    pub seen: u64,
    pub kept: u64,
    /// `dropped_<reason>` counts.
    pub dropped: BTreeMap<String, u64>,
    /// `errors_<code>` counts (caught panics are `panic`).
    pub errors: BTreeMap<String, u64>,
    /// Counters the stage reported itself (`removed_learned`, `chars_removed`, ...).
    pub counters: BTreeMap<String, u64>,
    /// Thread time spent in the stage, summed over articles (not wall time).
    pub seconds: f64,
    /// Bytes of body text the stage was given, for MB/s.
    pub bytes_in: u64,
}

impl StageStats {
    pub fn new(name: &str) -> Self {
        StageStats {
            name: name.to_string(),
            ..Default::default()
        }
    }

    pub fn merge(&mut self, other: &StageStats) {
        self.seen += other.seen;
        self.kept += other.kept;
        for (k, v) in &other.dropped {
            *self.dropped.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.errors {
            *self.errors.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.counters {
            *self.counters.entry(k.clone()).or_default() += v;
        }
        self.seconds += other.seconds;
        self.bytes_in += other.bytes_in;
    }

    pub fn add_counters(&mut self, counters: &StageCounters) {
        for (k, v) in &counters.0 {
            *self.counters.entry(k.clone()).or_default() += v;
        }
    }
}

/// The whole run, written as run-report.json and summarised on screen.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunStats {
    pub version: String,
    pub config: String,
    pub input: String,
    pub jobs: usize,
    /// Documents found (files, and records of JSON Lines, JSON array and WARC files).
    pub documents: u64,
    /// What discovery found but did not read, and why.
    pub skipped: newsmill_read::SkipReport,
    pub input_bytes: u64,
    /// Articles written to the outputs.
    pub articles: u64,
    /// Articles a stage left out (not errors), by reason.
    pub dropped: BTreeMap<String, u64>,
    /// Error rows, by code.
    pub errors: BTreeMap<String, u64>,
    pub error_rows: u64,
    /// Wall time of the whole run.
    pub seconds: f64,
    /// Wall time of the first pass that corpus-level stages need (0 when none does).
    pub corpus_pass_seconds: f64,
    /// What each stage cost in that first pass (absent when there was none): the stages up
    /// to the last corpus-level one run there too.
    pub first_pass: Option<Vec<StageStats>>,
    /// Bytes of the first pass's copies of the documents, which the main pass started from
    /// (`[run] reuse_first_pass`; 0 when the main pass read the documents again).
    pub first_pass_copy_bytes: u64,
    /// Reading and decoding (thread time).
    pub read: StageStats,
    pub stages: Vec<StageStats>,
    /// Peak resident memory of the process in MB (VmHWM; Linux only).
    pub peak_rss_mb: Option<f64>,
    /// What an incremental run (`--state`) reused and redid; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incremental: Option<crate::state::IncrementalReport>,
    pub outputs: Vec<String>,
}

/// Peak resident set size of this process, from /proc/self/status (Linux). `None` elsewhere.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

impl RunStats {
    /// The one-screen summary printed at the end of a run.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let mb = self.input_bytes as f64 / 1e6;
        out.push_str(&format!(
            "newsmill: {} documents ({:.1} MB) -> {} articles, {} dropped, {} errors in {:.2} s ({:.0} docs/s, {:.1} MB/s, {} threads)\n",
            self.documents,
            mb,
            self.articles,
            self.dropped.values().sum::<u64>(),
            self.error_rows,
            self.seconds,
            self.documents as f64 / self.seconds.max(1e-9),
            mb / self.seconds.max(1e-9),
            self.jobs,
        ));
        if !self.errors.is_empty() {
            let codes: Vec<String> = self
                .errors
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            out.push_str(&format!("  errors by code: {}\n", codes.join(", ")));
        }
        if !self.dropped.is_empty() {
            let reasons: Vec<String> = self
                .dropped
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            out.push_str(&format!("  dropped: {}\n", reasons.join(", ")));
        }
        for line in self.skipped.summary_lines() {
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str(&format!(
            "  {:<22} {:>8} {:>8} {:>7} {:>9} {:>9}\n",
            "stage", "seen", "kept", "errors", "cpu s", "MB/s"
        ));
        for stage in std::iter::once(&self.read).chain(&self.stages) {
            let errors: u64 = stage.errors.values().sum();
            let rate = stage.bytes_in as f64 / 1e6 / stage.seconds.max(1e-9);
            out.push_str(&format!(
                "  {:<22} {:>8} {:>8} {:>7} {:>9.3} {:>9.1}\n",
                stage.name, stage.seen, stage.kept, errors, stage.seconds, rate
            ));
        }
        if let Some(state) = &self.incremental {
            out.push_str(&format!(
                "  incremental: extraction stages run for {} articles, {} reused from {}\n",
                state.processed, state.reused, state.state
            ));
        }
        if let Some(rss) = self.peak_rss_mb {
            out.push_str(&format!("  peak memory {rss:.0} MB\n"));
        }
        for path in &self.outputs {
            out.push_str(&format!("  wrote {path}\n"));
        }
        out
    }
}
