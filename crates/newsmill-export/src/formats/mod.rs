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
use crate::tables::corpus_entities::CorpusEntities;
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
    /// The table whose `entity_id` cells are known only once the corpus is (entities),
    /// when the run writes corpus_entities: its rows wait in a temporary file.
    deferred: Option<Deferred>,
}

/// Rows of a table whose `entity_id` column is filled when the run ends (the corpus id of
/// "Blair" depends on names in later articles). They are spilled to an unnamed temporary
/// file as they come, so memory stays one row, and fed to the sinks at commit, with the
/// same ids the CSV gets.
struct Deferred {
    table: usize,
    type_col: usize,
    name_col: usize,
    id_col: usize,
    spill: csv::Writer<std::fs::File>,
}

impl Deferred {
    /// For `table` when it has `type`, `name` and `entity_id` columns and the run writes a
    /// corpus table.
    fn for_table(table: usize, columns: &[crate::Column]) -> io::Result<Option<Self>> {
        let at = |name: &str| columns.iter().position(|c| c.name == name);
        let (Some(type_col), Some(name_col), Some(id_col)) =
            (at("type"), at("name"), at("entity_id"))
        else {
            return Ok(None);
        };
        let spill = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(tempfile::tempfile()?);
        Ok(Some(Deferred {
            table,
            type_col,
            name_col,
            id_col,
            spill,
        }))
    }

    fn push(&mut self, rows: &[Vec<Cell>]) -> io::Result<()> {
        for row in rows {
            self.spill
                .write_record(row.iter().map(Cell::as_str))
                .map_err(io::Error::other)?;
        }
        Ok(())
    }

    /// Reads the rows back, fills their ids from `corpus` and hands them to `sinks` in
    /// batches.
    fn replay(self, corpus: &CorpusEntities, sinks: &mut [Box<dyn TableSink>]) -> io::Result<()> {
        use std::io::Seek;
        let mut file = self
            .spill
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        file.seek(io::SeekFrom::Start(0))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(io::BufReader::new(file));
        let mut batch = Vec::with_capacity(1024);
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).map_err(io::Error::other)? {
            let mut row: Vec<Cell> = record.iter().map(Cell::text).collect();
            if let (Some(kind), Some(name)) = (record.get(self.type_col), record.get(self.name_col))
            {
                if let Some(cell) = row.get_mut(self.id_col) {
                    *cell = Cell::text(corpus.id_of(kind, name));
                }
            }
            batch.push(row);
            if batch.len() == 1024 {
                for sink in sinks.iter_mut() {
                    sink.write_rows(self.table, &batch)?;
                }
                batch.clear();
            }
        }
        for sink in sinks.iter_mut() {
            sink.write_rows(self.table, &batch)?;
        }
        Ok(())
    }
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
        let has_corpus = tables.iter().any(|t| matches!(t.rows, Rows::Corpus));
        let mut deferred = None;
        if has_corpus && !sinks.is_empty() {
            for (i, table) in tables.iter().enumerate() {
                if let Rows::PerArticle(_) = table.rows {
                    if let Some(d) = Deferred::for_table(i, table.columns)? {
                        deferred = Some(d);
                        break;
                    }
                }
            }
        }
        Ok(TypedOutputs {
            tables: tables.to_vec(),
            sinks,
            report,
            mistyped: 0,
            deferred,
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
                if rows.is_empty() {
                    continue;
                }
                match &mut self.deferred {
                    Some(deferred) if deferred.table == i => deferred.push(&rows)?,
                    _ => {
                        for sink in &mut self.sinks {
                            sink.write_rows(i, &rows)?;
                        }
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

    /// Writes the corpus-level rows (`corpus`: corpus_entities, when the run has it) and
    /// the deferred rows, then commits every sink.
    pub fn commit(mut self, corpus: Option<&CorpusEntities>) -> io::Result<Vec<PathBuf>> {
        if let Some(corpus) = corpus {
            if let Some(deferred) = self.deferred.take() {
                deferred.replay(corpus, &mut self.sinks)?;
            }
            if let Some(index) = self
                .tables
                .iter()
                .position(|t| matches!(t.rows, Rows::Corpus))
            {
                let rows = corpus.rows();
                for sink in &mut self.sinks {
                    sink.write_rows(index, &rows)?;
                }
            }
        }
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
