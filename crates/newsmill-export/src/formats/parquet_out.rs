//! TABLE.parquet: a Parquet file per table, Snappy-compressed, with a schema fixed by the
//! table's column kinds (so an all-empty column keeps its type in every corpus).
//!
//! The parquet crate's low-level column writer is enough for flat tables; the arrow layer
//! would add many crates and minutes of compile time for nothing we use. Rows are buffered
//! per table and flushed as a row group every [`ROW_GROUP_ROWS`] rows, so memory does not
//! grow with the corpus.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use super::TableSink;
use crate::atomic::AtomicFile;
use crate::csv_out::Cell;
use crate::tables::{Kind, Table};
use crate::typed::Value;

/// Rows per row group (and the most rows buffered per table).
const ROW_GROUP_ROWS: usize = 65_536;

fn parquet_error(e: ParquetError) -> io::Error {
    io::Error::other(format!("parquet: {e}"))
}

/// The Parquet schema of `table`, in the Parquet message syntax (documented in
/// docs/columns.md): keys and text are required strings, numbers and dates optional.
pub fn parquet_schema(table: &Table) -> String {
    let fields: Vec<String> = table
        .columns
        .iter()
        .map(|c| {
            let ty = match c.kind {
                Kind::Key | Kind::Text => "required binary",
                Kind::Integer => "optional int64",
                Kind::Float => "optional double",
                Kind::Date => "optional int32",
            };
            let logical = match c.kind {
                Kind::Key | Kind::Text => " (STRING)",
                Kind::Date => " (DATE)",
                Kind::Integer | Kind::Float => "",
            };
            format!("  {ty} {}{logical};", c.name)
        })
        .collect();
    format!("message {} {{\n{}\n}}", table.name(), fields.join("\n"))
}

/// One column's buffered values; optional columns keep definition levels (1 = present).
enum Buffer {
    Text(Vec<ByteArray>),
    Integer(Vec<i64>, Vec<i16>),
    Float(Vec<f64>, Vec<i16>),
    Date(Vec<i32>, Vec<i16>),
}

impl Buffer {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Key | Kind::Text => Buffer::Text(Vec::new()),
            Kind::Integer => Buffer::Integer(Vec::new(), Vec::new()),
            Kind::Float => Buffer::Float(Vec::new(), Vec::new()),
            Kind::Date => Buffer::Date(Vec::new(), Vec::new()),
        }
    }

    fn push(&mut self, value: Value<'_>) {
        match (self, value) {
            (Buffer::Text(v), Value::Text(t)) => v.push(ByteArray::from(t)),
            (Buffer::Integer(v, d), Value::Integer(n)) => {
                v.push(n);
                d.push(1);
            }
            (Buffer::Float(v, d), Value::Float(x)) => {
                v.push(x);
                d.push(1);
            }
            (Buffer::Date(v, d), Value::Date(days, _)) => {
                v.push(days);
                d.push(1);
            }
            (Buffer::Text(v), _) => v.push(ByteArray::from("")),
            (Buffer::Integer(_, d) | Buffer::Float(_, d) | Buffer::Date(_, d), _) => d.push(0),
        }
    }

    fn clear(&mut self) {
        match self {
            Buffer::Text(v) => v.clear(),
            Buffer::Integer(v, d) => {
                v.clear();
                d.clear();
            }
            Buffer::Float(v, d) => {
                v.clear();
                d.clear();
            }
            Buffer::Date(v, d) => {
                v.clear();
                d.clear();
            }
        }
    }
}

struct ParquetTable {
    table: &'static Table,
    writer: SerializedFileWriter<AtomicFile>,
    columns: Vec<Buffer>,
    rows: usize,
}

impl ParquetTable {
    fn flush(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group().map_err(parquet_error)?;
        for buffer in &mut self.columns {
            let Some(mut column) = group.next_column().map_err(parquet_error)? else {
                break;
            };
            let written = match (column.untyped(), &*buffer) {
                (ColumnWriter::ByteArrayColumnWriter(w), Buffer::Text(v)) => {
                    w.write_batch(v, None, None)
                }
                (ColumnWriter::Int64ColumnWriter(w), Buffer::Integer(v, d)) => {
                    w.write_batch(v, Some(d), None)
                }
                (ColumnWriter::DoubleColumnWriter(w), Buffer::Float(v, d)) => {
                    w.write_batch(v, Some(d), None)
                }
                (ColumnWriter::Int32ColumnWriter(w), Buffer::Date(v, d)) => {
                    w.write_batch(v, Some(d), None)
                }
                _ => Err(ParquetError::General(
                    "column writer does not match the schema".into(),
                )),
            };
            written.map_err(parquet_error)?;
            column.close().map_err(parquet_error)?;
            buffer.clear();
        }
        group.close().map_err(parquet_error)?;
        self.rows = 0;
        Ok(())
    }
}

pub struct ParquetSink {
    tables: Vec<ParquetTable>,
}

impl ParquetSink {
    /// Opens `NAME.parquet` in `dir` for every table.
    pub fn create(dir: &Path, tables: &[&'static Table]) -> io::Result<Self> {
        let properties = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by("newsmill".into())
                .build(),
        );
        let mut open = Vec::new();
        for &table in tables {
            let schema =
                Arc::new(parse_message_type(&parquet_schema(table)).map_err(parquet_error)?);
            let file = AtomicFile::create(&dir.join(format!("{}.parquet", table.name())))?;
            let writer = SerializedFileWriter::new(file, schema, Arc::clone(&properties))
                .map_err(parquet_error)?;
            open.push(ParquetTable {
                table,
                writer,
                columns: table.columns.iter().map(|c| Buffer::new(c.kind)).collect(),
                rows: 0,
            });
        }
        Ok(ParquetSink { tables: open })
    }
}

impl TableSink for ParquetSink {
    fn write_rows(&mut self, table: usize, rows: &[Vec<Cell>]) -> io::Result<()> {
        let t = &mut self.tables[table];
        for row in rows {
            for ((buffer, cell), column) in t.columns.iter_mut().zip(row).zip(t.table.columns) {
                buffer.push(Value::of(cell, column.kind));
            }
            t.rows += 1;
            if t.rows >= ROW_GROUP_ROWS {
                t.flush()?;
            }
        }
        Ok(())
    }

    fn commit(self: Box<Self>) -> io::Result<Vec<PathBuf>> {
        let mut done = Vec::new();
        for mut t in self.tables {
            t.flush()?;
            let file = t.writer.into_inner().map_err(parquet_error)?;
            done.push(file.commit()?);
        }
        Ok(done)
    }
}
