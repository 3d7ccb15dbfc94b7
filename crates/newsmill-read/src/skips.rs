//! What discovery left out and why, so that nothing is skipped silently: the run summary and
//! run-report.json show these counts with a few example paths.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde::Serialize;

/// How many example paths each count keeps.
const EXAMPLES: usize = 3;

/// A count with the first few paths it counted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SkipCount {
    pub count: u64,
    pub examples: Vec<String>,
}

impl SkipCount {
    fn add(&mut self, path: &str) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(path.to_string());
        }
    }
}

/// Files and container records that were found but not handed to a reader.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SkipReport {
    /// Files no `include` glob matches (usually an extension no reader takes).
    pub by_extension: SkipCount,
    /// Files an `exclude` glob matches.
    pub excluded: SkipCount,
    /// Symbolic links, not followed because `follow_symlinks` is false.
    pub symlink: SkipCount,
    /// Files over `max_file_bytes` (each also has a `too_large` row in errors.csv).
    pub too_large: SkipCount,
    /// WARC records that are no article, by reason (`warcinfo`, `request`, `status_404`,
    /// `not_html`, ...).
    pub warc_records: BTreeMap<String, u64>,
}

/// Which skip a file falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    ByExtension,
    Excluded,
    Symlink,
    TooLarge,
}

impl SkipReport {
    pub(crate) fn add(&mut self, skip: Skip, path: &str) {
        match skip {
            Skip::ByExtension => self.by_extension.add(path),
            Skip::Excluded => self.excluded.add(path),
            Skip::Symlink => self.symlink.add(path),
            Skip::TooLarge => self.too_large.add(path),
        }
    }

    pub(crate) fn add_record(&mut self, reason: &str) {
        *self.warc_records.entry(reason.to_string()).or_default() += 1;
    }

    /// Files skipped for any reason (WARC records not counted).
    pub fn files(&self) -> u64 {
        self.by_extension.count + self.excluded.count + self.symlink.count + self.too_large.count
    }

    /// One line per kind of skip that happened, for the run summary, e.g.
    /// `  skipped 3 files no include glob matches: a.pdf, b.docx, c.xml`.
    pub fn summary_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (count, one, many, why) in [
            (
                &self.by_extension,
                "file",
                "files",
                " no include glob matches",
            ),
            (&self.excluded, "file", "files", " an exclude glob matches"),
            (
                &self.symlink,
                "symlink",
                "symlinks",
                " (set [input] follow_symlinks = true to read them)",
            ),
            (
                &self.too_large,
                "file",
                "files",
                " over max_file_bytes (rows in errors.csv)",
            ),
        ] {
            if count.count > 0 {
                let noun = if count.count == 1 { one } else { many };
                lines.push(format!(
                    "  skipped {} {noun}{why}: {}",
                    count.count,
                    count.examples.join(", ")
                ));
            }
        }
        if !self.warc_records.is_empty() {
            let reasons: Vec<String> = self
                .warc_records
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            lines.push(format!(
                "  skipped WARC records that hold no HTML page: {}",
                reasons.join(", ")
            ));
        }
        lines
    }
}

/// Where a walk leaves its report when it ends; the runner reads it after the last pass.
pub type SharedSkipReport = Arc<Mutex<SkipReport>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keep_a_few_examples_and_summarise() {
        let mut report = SkipReport::default();
        for name in ["a.pdf", "b.pdf", "c.pdf", "d.pdf"] {
            report.add(Skip::ByExtension, name);
        }
        report.add(Skip::Symlink, "link.txt");
        report.add_record("status_404");
        assert_eq!(report.files(), 5);
        assert_eq!(report.by_extension.examples, ["a.pdf", "b.pdf", "c.pdf"]);
        let lines = report.summary_lines();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("skipped 4 files no include glob matches: a.pdf, b.pdf, c.pdf"));
        assert!(lines[1].contains("follow_symlinks"));
        assert!(lines[2].contains("status_404 1"));
    }
}
