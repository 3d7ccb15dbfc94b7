//! Reading files the way the runner does: pick the first reader that accepts the path, then
//! run `extract.metadata` with its default options.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use newsmill_core::{Article, RawDocument, Stage, StageCounters, StageError, StageTable};

pub fn fixtures() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/articles"
    ))
}

pub fn metadata_stage() -> Box<dyn Stage> {
    let factory = newsmill_extract::factories()
        .into_iter()
        .find(|f| f.name == "extract.metadata")
        .unwrap();
    (factory.build)(&StageTable::from_options("extract.metadata", "")).unwrap()
}

/// Reads one document with the first accepting reader.
pub fn read(id: &str, path: &Path, bytes: Vec<u8>) -> Result<Article, StageError> {
    let readers = newsmill_read::readers();
    let reader = readers
        .iter()
        .find(|r| r.accepts(path, &bytes))
        .expect("a reader accepts the path");
    reader.read(RawDocument {
        id: id.to_string(),
        seq: 0,
        path: path.to_path_buf(),
        bytes,
        hints: Default::default(),
    })
}

/// Reads and runs the metadata stage.
pub fn extract(
    id: &str,
    path: &Path,
    bytes: Vec<u8>,
    stage: &dyn Stage,
) -> Result<Article, StageError> {
    let mut article = read(id, path, bytes)?;
    stage.process(&mut article, &mut StageCounters::default())?;
    Ok(article)
}

/// A fixture file (relative to fixtures/articles) read and extracted.
pub fn fixture(rel: &str, stage: &dyn Stage) -> Result<Article, StageError> {
    let path = fixtures().join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    extract(rel, &path, bytes, stage)
}
