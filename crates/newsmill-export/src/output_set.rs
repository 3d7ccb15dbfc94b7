//! The open output files of one run.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use newsmill_core::Article;
use serde::{Deserialize, Serialize};

use crate::atomic::AtomicFile;
use crate::csv_out::{CsvOptions, CsvTableWriter};
use crate::formats::TypedOutputs;
use crate::jsonl::article_json;
use crate::tables::corpus_entities::CorpusEntities;
use crate::tables::{DroppedRow, ErrorRow, Rows, Table};

/// The `[output]` config table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct OutputOptions {
    /// Folder for the CSVs, articles.jsonl and run-report.json (created if missing).
    pub dir: PathBuf,
    /// Any of `csv`, `jsonl`, `xlsx`, `parquet`, `sqlite`, `report` (docs/columns.md).
    pub formats: Vec<String>,
    /// Also write removed.csv: every piece of text a cleaning stage removed, and why.
    pub audit: bool,
    pub csv: CsvOptions,
}

impl Default for OutputOptions {
    fn default() -> Self {
        OutputOptions {
            dir: PathBuf::from("out"),
            formats: vec!["csv".into(), "jsonl".into()],
            audit: false,
            csv: CsvOptions::default(),
        }
    }
}

impl OutputOptions {
    pub const FORMATS: [&'static str; 6] = ["csv", "jsonl", "xlsx", "parquet", "sqlite", "report"];

    pub fn wants(&self, format: &str) -> bool {
        self.formats.iter().any(|f| f == format)
    }
}

/// Writers for every enabled output. Nothing is visible under its final name until
/// [`OutputSet::commit`].
pub struct OutputSet {
    tables: Vec<(&'static Table, CsvTableWriter)>,
    errors: Option<CsvTableWriter>,
    dropped: Option<CsvTableWriter>,
    jsonl: Option<AtomicFile>,
    /// corpus_entities, aggregated as articles are written (when the run has it).
    corpus: Option<(&'static Table, CorpusEntities)>,
    dir: PathBuf,
    csv: crate::csv_out::CsvOptions,
    /// Whether CSVs are written (corpus_entities.csv and the entity ids of entities.csv).
    csv_wanted: bool,
    /// XLSX, SQLite, Parquet: fed the same rows, committed with the rest.
    typed: TypedOutputs,
}

impl std::fmt::Debug for OutputSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutputSet").finish()
    }
}

impl OutputSet {
    /// Opens `tables` in `options.dir`. errors.csv and dropped.csv are written whatever the
    /// formats, so a failed or dropped document is never silent.
    pub fn create(options: &OutputOptions, tables: &[&'static Table]) -> io::Result<Self> {
        std::fs::create_dir_all(&options.dir)?;
        let open =
            |t: &Table| CsvTableWriter::create(&options.dir.join(t.file), t.columns, &options.csv);
        let mut writers = Vec::new();
        let mut errors = None;
        let mut dropped = None;
        let mut corpus = None;
        for &table in tables {
            match table.rows {
                Rows::Errors => errors = Some(open(table)?),
                Rows::Dropped => dropped = Some(open(table)?),
                Rows::PerArticle(_) if options.wants("csv") => writers.push((table, open(table)?)),
                Rows::PerArticle(_) => {}
                Rows::Corpus => corpus = Some((table, CorpusEntities::default())),
            }
        }
        let jsonl = if options.wants("jsonl") {
            Some(AtomicFile::create(&options.dir.join("articles.jsonl"))?)
        } else {
            None
        };
        Ok(OutputSet {
            tables: writers,
            errors,
            dropped,
            jsonl,
            corpus,
            dir: options.dir.clone(),
            csv: options.csv.clone(),
            csv_wanted: options.wants("csv"),
            typed: TypedOutputs::create(options, tables)?,
        })
    }

    pub fn write_article(&mut self, article: &Article) -> io::Result<()> {
        if let Some((_, corpus)) = &mut self.corpus {
            corpus.observe(article);
        }
        for (table, writer) in &mut self.tables {
            for row in table.article_rows(article) {
                writer.write_row(&row)?;
            }
        }
        if let Some(jsonl) = &mut self.jsonl {
            serde_json::to_writer(&mut *jsonl, &article_json(article))?;
            jsonl.write_all(b"\n")?;
        }
        self.typed.write_article(article)
    }

    pub fn write_error(&mut self, error: &ErrorRow) -> io::Result<()> {
        self.typed.write_error(error)?;
        match &mut self.errors {
            Some(writer) => writer.write_row(&error.cells()),
            None => Ok(()),
        }
    }

    pub fn write_dropped(&mut self, dropped: &DroppedRow) -> io::Result<()> {
        self.typed.write_dropped(dropped)?;
        match &mut self.dropped {
            Some(writer) => writer.write_row(&dropped.cells()),
            None => Ok(()),
        }
    }

    /// Renames every file into place; returns their paths.
    pub fn commit(mut self) -> io::Result<Vec<PathBuf>> {
        let mut done = Vec::new();
        for (_, writer) in self.tables {
            done.push(writer.commit()?);
        }
        for writer in [self.errors, self.dropped].into_iter().flatten() {
            done.push(writer.commit()?);
        }
        if let Some(jsonl) = self.jsonl {
            done.push(jsonl.commit()?);
        }
        if let Some((table, corpus)) = &mut self.corpus {
            corpus.finish();
            if self.csv_wanted {
                let path = self.dir.join(table.file);
                let mut writer = CsvTableWriter::create(&path, table.columns, &self.csv)?;
                for row in corpus.rows() {
                    writer.write_row(&row)?;
                }
                done.push(writer.commit()?);
                let entities = self.dir.join("entities.csv");
                if entities.is_file() {
                    crate::corpus_ids::fill_entity_ids(&entities, corpus, &self.csv)?;
                }
            }
        }
        done.extend(self.typed.commit(self.corpus.as_ref().map(|(_, c)| c))?);
        Ok(done)
    }
}

/// Writes a small file (the run report) atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    #[test]
    fn writes_only_on_commit_and_every_enabled_file() {
        let dir = tempfile::tempdir().unwrap();
        let options = OutputOptions {
            dir: dir.path().join("out"),
            ..OutputOptions::default()
        };
        let tables = crate::tables_for(&[newsmill_core::Family::Entities], false);
        let mut set = OutputSet::create(&options, &tables).unwrap();
        let mut article = Article::new("a.md", "a.md");
        article.blocks = vec![Block::paragraph("Hello world.")];
        set.write_article(&article).unwrap();
        set.write_error(&ErrorRow {
            path: "b".into(),
            stage: "read".into(),
            code: "empty".into(),
            message: "m".into(),
        })
        .unwrap();
        assert!(!options.dir.join("articles.csv").exists());
        let files = set.commit().unwrap();
        // articles, entities, errors, dropped, articles.jsonl, corpus_entities
        assert_eq!(files.len(), 6);
        let articles = std::fs::read_to_string(options.dir.join("articles.csv")).unwrap();
        assert!(articles
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("a.md,a.md,text,,,"));
        let errors = std::fs::read_to_string(options.dir.join("errors.csv")).unwrap();
        assert_eq!(errors, "path,stage,code,message\r\nb,read,empty,m\r\n");
    }
}
