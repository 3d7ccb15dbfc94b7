//! newsmill-export: turns processed articles into the files users open (CSV, JSON Lines,
//! XLSX, SQLite, Parquet).
//!
//! A run's files are written into a staging folder beside the output folder and swapped in
//! as a whole by [`OutputSet::commit`] (see [`staging`]), so a killed run never leaves a
//! half-written CSV that looks complete, nor one run's table beside another run's.
//!
//! Main types:
//! - [`Table`]: one output table, declared once in `tables/` (file, the family that fills it,
//!   columns with their documentation, row builder); [`tables::ALL`] lists them and
//!   [`tables_for`] picks a run's tables from the families its pipeline writes.
//! - [`Kind`]: what a column holds (key, text, integer, float, date); every format writes a
//!   column by its kind ([`typed::Value`]), so schemas never depend on the corpus.
//! - [`CsvOptions`]: delimiter, UTF-8 BOM, formula-injection guard (text columns only: keys
//!   are written as is so joins always work).
//! - [`formats`]: the typed formats, XLSX (one workbook), SQLite (one database with keys,
//!   indexes and views), Parquet (a file per table), fed the same rows as the CSVs.
//! - [`OutputSet`]: the open writers of one run; write an article or an error row, then
//!   commit all files at once.
//! - [`shard`]: what a shard folder holds beside its tables (completion marker, corpus
//!   entity counts); [`merge`]: shard folders merged into the folder one run writes.
//! - [`ErrorRow`]: one failed file or stage (path, stage, code, message); [`DroppedRow`]: one
//!   document a stage left out on purpose (path, stage, reason).

mod atomic;
mod corpus_ids;
mod csv_out;
pub mod formats;
mod jsonl;
pub mod merge;
mod output_set;
pub mod shard;
pub mod staging;
pub mod tables;
pub mod typed;

pub use atomic::AtomicFile;
pub use csv_out::{guard_formula, Cell, CsvOptions, CsvTableWriter};
pub use jsonl::article_json;
pub use output_set::{write_atomic, OutputOptions, OutputSet};
pub use tables::{tables_for, Column, DroppedRow, ErrorRow, Kind, Rows, Table, When};
