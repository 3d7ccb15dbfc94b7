//! newsmill-export: turns processed articles into the files users open.
//!
//! Every table is written through an [`AtomicFile`] (a temp file in the output folder,
//! renamed into place by [`AtomicFile::commit`]), so a killed run never leaves a
//! half-written CSV that looks complete.
//!
//! Main types:
//! - [`Table`]: the CSV tables (articles, entities, quotes, dates, facts, errors, removed)
//!   with their columns; [`Table::rows`] builds the rows of one article.
//! - [`CsvOptions`]: delimiter, UTF-8 BOM, formula-injection guard.
//! - [`OutputSet`]: the open writers of one run; write an article or an error row, then
//!   commit all files at once.
//! - [`ErrorRow`]: one failed file or stage (path, stage, code, message).

mod atomic;
mod csv_out;
mod jsonl;
mod output_set;
mod tables;

pub use atomic::AtomicFile;
pub use csv_out::{guard_formula, Cell, CsvOptions, CsvTableWriter};
pub use jsonl::article_json;
pub use output_set::{write_atomic, OutputOptions, OutputSet};
pub use tables::{ErrorRow, Table};
