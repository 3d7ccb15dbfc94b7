//! errors.csv and dropped.csv: the documents that did not become articles, and why.

use super::{col, key_col, Column, Rows, Table, When};
use crate::csv_out::Cell;

/// One failed file or stage: a row of errors.csv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRow {
    pub path: String,
    /// `read`, a reader name (`read.markdown`) or a stage name.
    pub stage: String,
    pub code: String,
    pub message: String,
}

impl ErrorRow {
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.path),
            Cell::text(&self.stage),
            Cell::text(&self.code),
            Cell::text(&self.message),
        ]
    }

    #[cfg(test)]
    pub(crate) fn for_test() -> Self {
        ErrorRow {
            path: "p".into(),
            stage: "s".into(),
            code: "c".into(),
            message: "m".into(),
        }
    }
}

/// One document a stage left out on purpose (a duplicate, another language): a row of
/// dropped.csv. Not an error: the run's exit code does not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedRow {
    pub path: String,
    pub stage: String,
    /// The stage's stable reason (`duplicate`, `language`, ...).
    pub reason: String,
}

impl DroppedRow {
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.path),
            Cell::text(&self.stage),
            Cell::text(&self.reason),
        ]
    }

    #[cfg(test)]
    pub(crate) fn for_test() -> Self {
        DroppedRow {
            path: "p".into(),
            stage: "s".into(),
            reason: "r".into(),
        }
    }
}

pub const ERRORS: Table = Table {
    file: "errors.csv",
    about: "every file or stage that failed",
    when: When::Always,
    columns: ERROR_COLUMNS,
    rows: Rows::Errors,
};

const ERROR_COLUMNS: &[Column] = &[
    key_col("path", "the file (for JSON Lines, `file.jsonl#N`)"),
    col(
        "stage",
        "`read`, a reader (`read.markdown`, `read.html`, ...) or a stage name",
    ),
    col("code", "stable code"),
    col("message", "what went wrong, in words"),
];

pub const DROPPED: Table = Table {
    file: "dropped.csv",
    about: "every document a stage left out on purpose, and why",
    when: When::Always,
    columns: DROPPED_COLUMNS,
    rows: Rows::Dropped,
};

const DROPPED_COLUMNS: &[Column] = &[
    key_col("path", "the file (for JSON Lines, `file.jsonl#N`)"),
    col("stage", "the stage that dropped it"),
    col(
        "reason",
        "the stage's reason (`duplicate`, `language`, ...)",
    ),
];
