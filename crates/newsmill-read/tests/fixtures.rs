//! The encoding fixtures in fixtures/articles decoded and read.

use std::path::{Path, PathBuf};

use newsmill_core::{BlockKind, RawDocument, SourceFormat};
use newsmill_read::{decode, readers};

fn fixture(rel: &str) -> (PathBuf, Vec<u8>) {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/articles"
    ))
    .join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, bytes)
}

#[test]
fn encodings_of_the_fixtures() {
    for (rel, encoding, needle) in [
        ("seed/000_6f674ebd69299959.txt", "UTF-8", "Washington’s own"),
        (
            "windows1252.txt",
            "windows-1252",
            "“We took £4,000 less in May than last year,” said Zoë Clarke",
        ),
        ("utf16le_bom.txt", "UTF-16LE", "Zürich tram drivers"),
    ] {
        let (_, bytes) = fixture(rel);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, encoding, "{rel}");
        assert!(decoded.text.contains(needle), "{rel}");
        assert!(!decoded.text.starts_with('\u{FEFF}'), "{rel}: BOM kept");
    }
}

#[test]
fn empty_and_binary_fixtures_are_refused() {
    let (_, bytes) = fixture("empty.txt");
    assert_eq!(decode(&bytes).unwrap_err().code, "empty");
    let (_, bytes) = fixture("binary.txt");
    let err = decode(&bytes).unwrap_err();
    assert_eq!(err.code, "binary");
    assert!(err.message.contains("NUL bytes"), "{}", err.message);
}

#[test]
fn the_seed_reads_as_markdown_with_sources() {
    let (path, bytes) = fixture("seed/000_6f674ebd69299959.txt");
    let readers = readers();
    let reader = readers.iter().find(|r| r.accepts(&path, &bytes)).unwrap();
    assert_eq!(reader.name(), "read.text");
    let article = reader
        .read(RawDocument {
            id: "seed/000_6f674ebd69299959.txt".into(),
            seq: 0,
            path,
            bytes,
            hints: Default::default(),
        })
        .unwrap();
    assert_eq!(article.format, SourceFormat::Markdown);
    assert_eq!(article.blocks[0].kind, BlockKind::Heading(1));
    assert_eq!(article.blocks[1].text, "Bill Van Auken\n27 December 2013");
    let source = article.blocks[1].source.clone().unwrap();
    assert!(article.raw[source].starts_with("**Bill Van Auken**"));
    let last = article.blocks.last().unwrap();
    assert_eq!(last.text, "wsws.org/contact", "link text kept, markup gone");
    for block in &article.blocks {
        assert!(
            !block.text.contains("**") && !block.text.contains("](") && !block.text.contains('*'),
            "{:?}",
            block.text
        );
    }
}
