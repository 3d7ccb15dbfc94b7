//! newsmill-gold: what every `newsmill eval` gold format shares, so that each stage crate
//! keeps only its own format and scoring rules.
//!
//! - [`load_jsonl`]: a JSON Lines gold file, one article per line, each naming its article
//!   by a path relative to the gold file ([`GoldFile`], implemented by [`impl_gold_file!`]);
//!   blank lines skipped, a bad line reported with file and line number.
//! - [`ratio`] and [`f1`]: the arithmetic of precision, recall and F1, with 0 for an empty
//!   denominator rather than NaN.
//!
//! Kept apart from `newsmill-core`, which does no I/O.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::de::DeserializeOwned;

/// A gold record that names its article by a path relative to the gold file.
pub trait GoldFile {
    /// The article path as written in the gold file.
    fn file(&self) -> &str;
    /// Stores the path resolved against the gold file's folder.
    fn set_path(&mut self, path: PathBuf);
}

/// Implements [`GoldFile`] for a record type with the fields `file: String` (as written in
/// the gold) and `path: PathBuf` (resolved, usually `#[serde(skip)]`).
#[macro_export]
macro_rules! impl_gold_file {
    ($record:ty) => {
        impl $crate::GoldFile for $record {
            fn file(&self) -> &str {
                &self.file
            }
            fn set_path(&mut self, path: ::std::path::PathBuf) {
                self.path = path;
            }
        }
    };
}

/// Reads a JSON Lines gold file; each record's path is resolved against the file's folder.
pub fn load_jsonl<T: DeserializeOwned + GoldFile>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading gold file {}", path.display()))?;
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut record: T = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: invalid gold line", path.display(), i + 1))?;
        let resolved = dir.join(record.file());
        record.set_path(resolved);
        out.push(record);
    }
    Ok(out)
}

/// `part / whole`, 0 when `whole` is 0.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Harmonic mean of precision and recall, 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Record {
        file: String,
        #[serde(skip)]
        path: PathBuf,
    }

    impl_gold_file!(Record);

    #[test]
    fn loads_records_with_resolved_paths_and_locates_bad_lines() {
        let dir = std::env::temp_dir().join(format!("newsmill-gold-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let gold = dir.join("gold.jsonl");
        std::fs::write(
            &gold,
            "{\"file\": \"a/1.txt\"}\n\n{\"file\": \"../2.txt\"}\n",
        )
        .unwrap();
        let records: Vec<Record> = load_jsonl(&gold).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].path, dir.join("a/1.txt"));
        std::fs::write(&gold, "{\"file\": \"a\"}\n{\"fil\": 1}\n").unwrap();
        let err = load_jsonl::<Record>(&gold).unwrap_err().to_string();
        assert!(err.ends_with("gold.jsonl:2: invalid gold line"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ratios_and_f1_never_divide_by_zero() {
        assert_eq!(ratio(1, 4), 0.25);
        assert_eq!(ratio(0, 0), 0.0);
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert!((f1(1.0, 0.5) - 2.0 / 3.0).abs() < 1e-12);
    }
}
