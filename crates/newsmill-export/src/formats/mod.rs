//! The typed output formats beside the CSVs: one XLSX workbook, one SQLite database, a
//! Parquet file per table. Each is a [`TableSink`] fed the same rows as the CSVs, cell by
//! cell, and reads every cell by its column's [`Kind`](crate::Kind) through
//! [`Value`](crate::typed::Value), so the formats agree with each other and with the CSVs.
//!
//! [`TypedOutputs`] is what the output set holds: the sinks the run's formats ask for, and
//! the tallies of report.html (format `report`, newsmill-report).

mod parquet_out;
mod sqlite_out;
mod xlsx_out;

use std::io;
use std::path::PathBuf;

use newsmill_core::Article;

use crate::csv_out::Cell;
use crate::output_set::OutputOptions;
use crate::tables::{DroppedRow, ErrorRow, Rows, Table};

pub use parquet_out::{parquet_schema, ParquetSink};
pub use sqlite_out::{sqlite_schema, SqliteSink};
pub use xlsx_out::{XlsxSink, XLSX_MAX_CELL_CHARS, XLSX_MAX_ROWS};

/// One output format being written for every table of a run, rows in order.
pub trait TableSink {
    /// Appends rows to table number `table` (its index in the tables the sink was opened
    /// with).
    fn write_rows(&mut self, table: usize, rows: &[Vec<Cell>]) -> io::Result<()>;
    /// Finishes and writes the files atomically; returns their paths.
    fn commit(self: Box<Self>) -> io::Result<Vec<PathBuf>>;
}

/// The typed formats of a run (none when the run asks only for CSV and JSON Lines).
pub struct TypedOutputs {
    tables: Vec<&'static Table>,
    sinks: Vec<Box<dyn TableSink>>,
    /// report.html's tallies and where it goes.
    report: Option<(newsmill_report::Report, PathBuf)>,
    /// Non-empty cells of number or date columns that did not read as their kind and
    /// were written as null (the table tests rule this out; the log says it if it happens).
    mistyped: usize,
}

impl std::fmt::Debug for TypedOutputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypedOutputs")
            .field("sinks", &self.sinks.len())
            .finish()
    }
}

impl TypedOutputs {
    /// Opens the sinks `options.formats` names, for `tables`.
    pub fn create(options: &OutputOptions, tables: &[&'static Table]) -> io::Result<Self> {
        let mut sinks: Vec<Box<dyn TableSink>> = Vec::new();
        if options.wants("xlsx") {
            sinks.push(Box::new(XlsxSink::create(
                &options.dir.join("newsmill.xlsx"),
                tables,
            )?));
        }
        if options.wants("sqlite") {
            sinks.push(Box::new(SqliteSink::create(
                &options.dir.join("newsmill.sqlite"),
                tables,
            )?));
        }
        if options.wants("parquet") {
            sinks.push(Box::new(ParquetSink::create(&options.dir, tables)?));
        }
        let report = options.wants("report").then(|| {
            (
                newsmill_report::Report::new(),
                options.dir.join("report.html"),
            )
        });
        Ok(TypedOutputs {
            tables: tables.to_vec(),
            sinks,
            report,
            mistyped: 0,
        })
    }

    pub fn write_article(&mut self, article: &Article) -> io::Result<()> {
        if let Some((report, _)) = &mut self.report {
            report.add_article(article);
        }
        if self.sinks.is_empty() {
            return Ok(());
        }
        for (i, table) in self.tables.iter().enumerate() {
            if let Rows::PerArticle(_) = table.rows {
                let rows = table.article_rows(article);
                self.mistyped += count_mistyped(table, &rows);
                if !rows.is_empty() {
                    for sink in &mut self.sinks {
                        sink.write_rows(i, &rows)?;
                    }
                }
            }
        }
        Ok(())
    }

    pub fn write_error(&mut self, error: &ErrorRow) -> io::Result<()> {
        if let Some((report, _)) = &mut self.report {
            report.add_error(&error.code);
        }
        self.write_special(Rows::Errors, error.cells())
    }

    pub fn write_dropped(&mut self, dropped: &DroppedRow) -> io::Result<()> {
        if let Some((report, _)) = &mut self.report {
            report.add_dropped(&dropped.reason);
        }
        self.write_special(Rows::Dropped, dropped.cells())
    }

    fn write_special(&mut self, which: Rows, row: Vec<Cell>) -> io::Result<()> {
        let index = self
            .tables
            .iter()
            .position(|t| std::mem::discriminant(&t.rows) == std::mem::discriminant(&which));
        if let Some(index) = index {
            let rows = [row];
            for sink in &mut self.sinks {
                sink.write_rows(index, &rows)?;
            }
        }
        Ok(())
    }

    pub fn commit(self) -> io::Result<Vec<PathBuf>> {
        if self.mistyped > 0 {
            tracing::warn!(
                "{} cells of number or date columns did not read as their kind and are empty in the typed formats (the CSV has them)",
                self.mistyped
            );
        }
        let mut done = Vec::new();
        for sink in self.sinks {
            done.extend(sink.commit()?);
        }
        if let Some((report, path)) = self.report {
            let mut file = crate::atomic::AtomicFile::create(&path)?;
            std::io::Write::write_all(&mut file, report.render().as_bytes())?;
            done.push(file.commit()?);
        }
        Ok(done)
    }
}

/// Cells of `rows` that a typed format would lose (see
/// [`Value::is_mistyped`](crate::typed::Value::is_mistyped)).
fn count_mistyped(table: &Table, rows: &[Vec<Cell>]) -> usize {
    rows.iter()
        .flat_map(|row| row.iter().zip(table.columns))
        .filter(|(cell, column)| {
            column.kind != crate::Kind::Text
                && column.kind != crate::Kind::Key
                && crate::typed::Value::of(cell, column.kind).is_mistyped(cell)
        })
        .count()
}

#[cfg(test)]
mod tests;
