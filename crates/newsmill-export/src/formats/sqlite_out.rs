//! newsmill.sqlite: one database (rusqlite, SQLite bundled), a table per output table.
//!
//! `articles.id` is the primary key; `article_id` columns reference it and are indexed;
//! a view `TABLE_with_article` joins each article table with the article's title and date.
//! The database is built in a temporary file outside the output folder (SQLite needs a
//! real file, not a stream) and copied into place atomically at commit.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::Connection;

use super::TableSink;
use crate::atomic::AtomicFile;
use crate::csv_out::Cell;
use crate::tables::{Kind, Table};
use crate::typed::Value;

pub struct SqliteSink {
    target: PathBuf,
    work: tempfile::NamedTempFile,
    connection: Connection,
    tables: Vec<&'static Table>,
    inserts: Vec<String>,
}

fn sql_error(e: rusqlite::Error) -> io::Error {
    io::Error::other(format!("sqlite: {e}"))
}

/// A quoted SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Whether `table` joins to articles through an `article_id` column.
fn has_article_id(table: &Table) -> bool {
    table.columns.iter().any(|c| c.name == "article_id")
}

/// The `CREATE` statements for `tables`: tables, then (after the rows, for speed) indexes
/// and views. docs/columns.md shows this for the default pipeline.
pub fn sqlite_schema(tables: &[&Table]) -> (String, String) {
    let with_articles = tables.iter().any(|t| t.name() == "articles");
    let mut create = String::new();
    let mut after = String::new();
    for table in tables {
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|c| {
                let ty = match c.kind {
                    Kind::Key | Kind::Text => "TEXT NOT NULL",
                    Kind::Integer => "INTEGER",
                    Kind::Float => "REAL",
                    // NUMERIC affinity keeps ISO text as text; the declared type tells
                    // DuckDB and pandas it is a date.
                    Kind::Date => "DATE",
                };
                let mut column = format!("{} {ty}", ident(c.name));
                if table.name() == "articles" && c.name == "id" {
                    column.push_str(" PRIMARY KEY");
                } else if c.name == "article_id" && with_articles {
                    column.push_str(" REFERENCES \"articles\"(\"id\")");
                }
                column
            })
            .collect();
        create.push_str(&format!(
            "CREATE TABLE {} (\n  {}\n);\n",
            ident(table.name()),
            columns.join(",\n  ")
        ));
        if has_article_id(table) {
            after.push_str(&format!(
                "CREATE INDEX {} ON {}(\"article_id\");\n",
                ident(&format!("{}_article_id", table.name())),
                ident(table.name())
            ));
            if with_articles {
                after.push_str(&format!(
                    "CREATE VIEW {} AS SELECT t.*, a.\"title\" AS \"article_title\", a.\"published\" AS \"article_published\"\n  FROM {} AS t JOIN \"articles\" AS a ON a.\"id\" = t.\"article_id\";\n",
                    ident(&format!("{}_with_article", table.name())),
                    ident(table.name())
                ));
            }
        }
    }
    (create, after)
}

impl SqliteSink {
    pub fn create(target: &Path, tables: &[&'static Table]) -> io::Result<Self> {
        let work = tempfile::Builder::new()
            .prefix("newsmill-sqlite.")
            .tempfile()?;
        let connection = Connection::open(work.path()).map_err(sql_error)?;
        // A scratch file until commit: no journal, no syncs.
        connection
            .execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            .map_err(sql_error)?;
        let (create, _) = sqlite_schema(tables);
        connection
            .execute_batch(&format!("BEGIN;\n{create}"))
            .map_err(sql_error)?;
        let inserts = tables
            .iter()
            .map(|t| {
                format!(
                    "INSERT INTO {} VALUES ({})",
                    ident(t.name()),
                    vec!["?"; t.columns.len()].join(", ")
                )
            })
            .collect();
        Ok(SqliteSink {
            target: target.to_path_buf(),
            work,
            connection,
            tables: tables.to_vec(),
            inserts,
        })
    }
}

impl TableSink for SqliteSink {
    fn write_rows(&mut self, table: usize, rows: &[Vec<Cell>]) -> io::Result<()> {
        let columns = self.tables[table].columns;
        let mut insert = self
            .connection
            .prepare_cached(&self.inserts[table])
            .map_err(sql_error)?;
        for row in rows {
            let values = row.iter().zip(columns).map(|(cell, column)| {
                ToSqlOutput::Borrowed(match Value::of(cell, column.kind) {
                    Value::Null => ValueRef::Null,
                    Value::Text(text) => ValueRef::Text(text.as_bytes()),
                    Value::Integer(n) => ValueRef::Integer(n),
                    Value::Float(x) => ValueRef::Real(x),
                    Value::Date(..) => ValueRef::Text(cell.as_str().as_bytes()),
                })
            });
            insert
                .execute(rusqlite::params_from_iter(values))
                .map_err(sql_error)?;
        }
        Ok(())
    }

    fn commit(self: Box<Self>) -> io::Result<Vec<PathBuf>> {
        let (_, after) = sqlite_schema(&self.tables);
        self.connection
            .execute_batch(&format!("{after}COMMIT;"))
            .map_err(sql_error)?;
        self.connection.close().map_err(|(_, e)| sql_error(e))?;
        let mut file = AtomicFile::create(&self.target)?;
        io::copy(&mut std::fs::File::open(self.work.path())?, &mut file)?;
        file.flush()?;
        Ok(vec![file.commit()?])
    }
}
