//! The open output files of one run, all written into one staging folder and committed
//! together (see [`crate::staging`]).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use newsmill_core::Article;
use serde::{Deserialize, Serialize};

use crate::atomic::AtomicFile;
use crate::csv_out::{CsvOptions, CsvTableWriter};
use crate::formats::TypedOutputs;
use crate::jsonl::article_json;
use crate::staging::Staging;
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

/// Writers for every enabled output, in a staging folder. Nothing is visible in the output
/// folder until [`OutputSet::commit`], which swaps the whole folder in at once; dropped
/// without commit, the staging folder is removed.
///
/// A writer of another format writes its file at [`OutputSet::staged_path`] (or hands the
/// bytes to [`OutputSet::write_file`]) before the commit.
pub struct OutputSet {
    tables: Vec<(&'static Table, CsvTableWriter)>,
    errors: Option<CsvTableWriter>,
    dropped: Option<CsvTableWriter>,
    jsonl: Option<AtomicFile>,
    /// corpus_entities, aggregated as articles are written (when the run has it).
    corpus: Option<(&'static Table, CorpusEntities)>,
    csv: crate::csv_out::CsvOptions,
    /// Whether CSVs are written (corpus_entities.csv and the entity ids of entities.csv).
    csv_wanted: bool,
    /// XLSX, SQLite, Parquet, report.html: fed the same rows, written into the staging
    /// folder and committed with the rest.
    typed: TypedOutputs,
    /// Names of every file of the set, in the order opened.
    names: Vec<String>,
    /// The output folder as the config names it.
    dir: PathBuf,
    staging: Staging,
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
        let staging = Staging::begin(&options.dir)?;
        let dir = staging.path().to_path_buf();
        let open = |t: &Table| CsvTableWriter::create(&dir.join(t.file), t.columns, &options.csv);
        let mut writers = Vec::new();
        let mut errors = None;
        let mut dropped = None;
        let mut corpus = None;
        let mut names = Vec::new();
        for &table in tables {
            match table.rows {
                Rows::Errors => errors = Some(open(table)?),
                Rows::Dropped => dropped = Some(open(table)?),
                Rows::PerArticle(_) if options.wants("csv") => writers.push((table, open(table)?)),
                Rows::PerArticle(_) => continue,
                Rows::Corpus => {
                    corpus = Some((table, CorpusEntities::default()));
                    if !options.wants("csv") {
                        continue;
                    }
                }
            }
            names.push(table.file.to_string());
        }
        let jsonl = if options.wants("jsonl") {
            names.push("articles.jsonl".into());
            Some(AtomicFile::create(&dir.join("articles.jsonl"))?)
        } else {
            None
        };
        Ok(OutputSet {
            tables: writers,
            errors,
            dropped,
            jsonl,
            corpus,
            csv: options.csv.clone(),
            csv_wanted: options.wants("csv"),
            // The typed formats write into the staging folder too.
            typed: TypedOutputs::create(
                &OutputOptions {
                    dir: dir.clone(),
                    ..options.clone()
                },
                tables,
            )?,
            names,
            dir: options.dir.clone(),
            staging,
        })
    }

    /// Where to write a file named `name` (such as `articles.xlsx`) so that it is committed
    /// with the others.
    pub fn staged_path(&mut self, name: &str) -> PathBuf {
        if !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_string());
        }
        self.staging.path().join(name)
    }

    /// Writes a whole small file (the run report) into the set.
    pub fn write_file(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.staged_path(name);
        let mut file = AtomicFile::create(&path)?;
        file.write_all(bytes)?;
        file.commit().map(|_| ())
    }

    /// The final paths of every file of the set (in the output folder, after the commit).
    pub fn paths(&self) -> Vec<PathBuf> {
        self.names.iter().map(|n| self.dir.join(n)).collect()
    }

    /// The corpus entity counts so far, when the run has corpus_entities (a shard writes
    /// them for `newsmill merge`, see [`crate::shard`]).
    pub fn corpus_summary(&self) -> Option<serde_json::Value> {
        self.corpus.as_ref().map(|(_, c)| c.summary())
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

    /// Finishes every file and swaps the staging folder in as the output folder; returns the
    /// files' final paths.
    pub fn commit(mut self) -> io::Result<Vec<PathBuf>> {
        let mut paths = self.paths();
        for (_, writer) in self.tables {
            writer.commit()?;
        }
        for writer in [self.errors, self.dropped].into_iter().flatten() {
            writer.commit()?;
        }
        if let Some(jsonl) = self.jsonl {
            jsonl.commit()?;
        }
        let staged = self.staging.path().to_path_buf();
        if let Some((table, corpus)) = &mut self.corpus {
            corpus.finish();
            if self.csv_wanted {
                let mut writer =
                    CsvTableWriter::create(&staged.join(table.file), table.columns, &self.csv)?;
                for row in corpus.rows() {
                    writer.write_row(&row)?;
                }
                writer.commit()?;
                let entities = staged.join("entities.csv");
                if entities.is_file() {
                    crate::corpus_ids::fill_entity_ids(&entities, corpus, &self.csv)?;
                }
            }
        }
        for path in self.typed.commit(self.corpus.as_ref().map(|(_, c)| c))? {
            if let Some(name) = path.file_name() {
                paths.push(self.dir.join(name));
            }
        }
        self.staging.commit()?;
        Ok(paths)
    }
}

/// Writes a small file atomically (on its own, outside any output set).
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
