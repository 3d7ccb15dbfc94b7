//! Test and example helpers: build articles the way the plain-text reader does (blocks split
//! on blank lines, line breaks kept inside a block) and run stages in pipeline order,
//! including the corpus pass, without depending on the reader crate.

#![allow(dead_code)] // each test module uses a part of the helpers

use std::path::{Path, PathBuf};

use newsmill_core::{Article, Block, Outcome, Stage, StageCounters};

/// Paragraph blocks from text split on blank lines.
pub fn blocks_from_text(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(Block::paragraph(current.join("\n")));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    blocks
}

/// An article from a file; invalid UTF-8 is replaced (one BBC file has a Latin-1 byte).
pub fn article_from_file(root: &Path, path: &Path, seq: usize) -> Article {
    let bytes = std::fs::read(path).unwrap();
    let raw = String::from_utf8_lossy(&bytes).into_owned();
    let id = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    Article {
        id,
        seq,
        path: path.to_path_buf(),
        blocks: blocks_from_text(&raw),
        raw,
        ..Default::default()
    }
}

/// Files under `root` with extension `ext`, in path order.
pub fn files(root: &Path, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, ext, &mut out);
    out.sort();
    out
}

/// Articles of a folder, seq in path order.
pub fn load_folder(root: &Path, ext: &str) -> Vec<Article> {
    files(root, ext)
        .iter()
        .enumerate()
        .map(|(seq, p)| article_from_file(root, p, seq))
        .collect()
}

/// Runs one stage over every article the way the runner does: the corpus pass first when
/// the stage has one, then `process`. Dropped articles are removed; returns the counters.
pub fn run_stage(stage: &dyn Stage, articles: &mut Vec<Article>) -> StageCounters {
    if let Some(index) = stage.corpus_index() {
        for a in articles.iter() {
            index.observe(a.seq, a);
        }
        index.finish();
    }
    let mut counters = StageCounters::default();
    articles.retain_mut(|a| stage.process(a, &mut counters).unwrap() == Outcome::Keep);
    counters
}

pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: ../shared not found");
        None
    }
}

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))
}

/// Builds a stage of this crate by name with the given option lines.
pub fn stage(name: &str, options: &str) -> Box<dyn Stage> {
    let factory = newsmill_clean::factories()
        .into_iter()
        .find(|f| f.name == name)
        .unwrap();
    (factory.build)(&newsmill_core::StageTable::from_options(name, options)).unwrap()
}
