//! The whole BBC corpus (2,225 files, line 1 = headline) read and run through
//! `extract.metadata`. Skipped when ../shared is not there.

use std::path::Path;

use crate::common::{extract, metadata_stage};
use newsmill_core::SourceFormat;

fn bbc_root() -> Option<std::path::PathBuf> {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let root = shared.join("data/bbc");
    if root.is_dir() {
        Some(root)
    } else {
        println!("skipping: ../shared not found");
        None
    }
}

fn bbc_files(root: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for category in ["business", "entertainment", "politics", "sport", "tech"] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(category))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        entries.sort();
        files.extend(entries);
    }
    files
}

#[test]
fn every_bbc_title_is_its_first_line() {
    let Some(root) = bbc_root() else { return };
    let stage = metadata_stage();
    let files = bbc_files(&root);
    assert_eq!(files.len(), 2225);
    let mut wrong = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        // Character references (`&#163;8m`, two files) are decoded by the reader.
        let first_line = htmlize::unescape(
            String::from_utf8_lossy(&bytes)
                .lines()
                .next()
                .unwrap_or("")
                .trim(),
        )
        .into_owned();
        let id = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let article =
            extract(&id, path, bytes, stage.as_ref()).unwrap_or_else(|e| panic!("{id}: {e}"));
        let first_block = article
            .blocks
            .first()
            .map(|b| b.text.as_str())
            .unwrap_or("");
        if article.meta.title.as_deref() != Some(first_line.as_str()) || first_block == first_line {
            wrong.push(format!(
                "{id}: title {:?}, first line {first_line:?}",
                article.meta.title
            ));
        }
        if article.format != SourceFormat::Text {
            wrong.push(format!("{id}: read as {}", article.format.as_str()));
        }
        if !article.meta.authors.is_empty() || article.meta.published.is_some() {
            wrong.push(format!(
                "{id}: invented {:?} / {:?}",
                article.meta.authors, article.meta.published
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        files.len(),
        wrong.join("\n")
    );
}

#[test]
fn sport_199_decodes_its_pound_sign() {
    let Some(root) = bbc_root() else { return };
    let path = root.join("sport/199.txt");
    let article = extract(
        "sport/199.txt",
        &path,
        std::fs::read(&path).unwrap(),
        metadata_stage().as_ref(),
    )
    .unwrap();
    assert!(
        article.body_text().contains("a £15.8m signing from Parma"),
        "{}",
        article.body_text()
    );
    assert!(!article.body_text().contains('\u{FFFD}'));
    assert_eq!(article.meta.title.as_deref(), Some("Chelsea sack Mutu"));
}
