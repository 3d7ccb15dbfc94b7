//! The `read.html` reader on the fixtures in `fixtures/html/` and on generated extremes.

use std::path::{Path, PathBuf};

use newsmill_core::{Article, BlockKind, RawDocument, Reader, SourceFormat, StageError};
use newsmill_html::HtmlReader;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/html")
        .join(name)
}

fn read_bytes(name: &str, bytes: Vec<u8>) -> Result<Article, StageError> {
    let doc = RawDocument {
        id: name.to_string(),
        seq: 0,
        path: PathBuf::from(name),
        bytes,
        hints: Default::default(),
    };
    HtmlReader::new().read(doc)
}

fn read_fixture(name: &str) -> Result<Article, StageError> {
    read_bytes(name, std::fs::read(fixture(name)).expect("fixture exists"))
}

fn body(a: &Article) -> String {
    a.body_text()
}

#[test]
fn jsonld_only_page() {
    let a = read_fixture("jsonld_only.html").unwrap();
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Ferry service resumes after winter storms")
    );
    assert_eq!(a.meta.authors, ["Maria Lindqvist", "Tom Okafor"]);
    assert_eq!(a.meta.published.as_deref(), Some("2024-03-05"));
    assert_eq!(
        a.meta.extra.get("published_time").map(String::as_str),
        Some("2024-03-05T08:30:00+01:00")
    );
    assert_eq!(a.meta.modified.as_deref(), Some("2024-03-06"));
    assert_eq!(a.meta.publisher.as_deref(), Some("Harbour Gazette"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://harbour.example.org/news/ferry-resumes")
    );
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    let text = body(&a);
    assert!(text.contains("The island ferry sailed again"));
    assert!(text.contains("freight would be given priority"));
    assert!(
        !text.contains("Great news, finally"),
        "comments must go: {text}"
    );
    assert!(!text.contains("Sport"), "navigation must go: {text}");
}

#[test]
fn opengraph_only_page() {
    let a = read_fixture("opengraph_only.html").unwrap();
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Le marché public rouvre ses portes")
    );
    assert_eq!(a.meta.publisher.as_deref(), Some("Journal du Quartier"));
    assert_eq!(a.meta.published.as_deref(), Some("2023-06-14"));
    assert_eq!(a.meta.modified.as_deref(), Some("2023-06-15"));
    assert_eq!(a.meta.authors, ["Claire Dubois"]);
    assert_eq!(a.meta.language.as_deref(), Some("fr"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://quartier.example.ca/2023/06/14/marche-public")
    );
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&BlockKind::Heading(2)), "{kinds:?}");
    assert_eq!(
        kinds.iter().filter(|k| **k == BlockKind::ListItem).count(),
        2
    );
    assert!(kinds.contains(&BlockKind::BlockQuote));
    let text = body(&a);
    assert!(
        !text.contains("Tous droits réservés"),
        "footer must go: {text}"
    );
    assert!(!text.contains("Accueil"));
}

#[test]
fn page_without_metadata() {
    let a = read_fixture("no_metadata.html").unwrap();
    assert_eq!(a.meta.title, None);
    assert_eq!(a.meta.published, None);
    assert!(a.meta.authors.is_empty());
    assert_eq!(a.blocks.len(), 2, "{:?}", a.blocks);
    assert!(a.blocks[0].text.starts_with("Volunteers counted"));
}

#[test]
fn windows_1252_declared_by_meta() {
    let a = read_fixture("windows1252.html").unwrap();
    assert_eq!(a.encoding, "windows-1252");
    let text = body(&a);
    assert!(text.contains("café on the corner"), "{text}");
    assert!(text.contains("crème brûlée"));
    assert!(text.contains("“small miracle”"));
    assert!(text.contains("pupils – a"));
}

#[test]
fn gzip_page_by_extension_and_magic() {
    let reader = HtmlReader::new();
    let bytes = std::fs::read(fixture("tiny.html.gz")).unwrap();
    assert!(reader.accepts(Path::new("x/tiny.html.gz"), &bytes[..16]));
    let a = read_bytes("tiny.html.gz", bytes).unwrap();
    assert_eq!(a.meta.published.as_deref(), Some("2022-11-02"));
    assert!(body(&a).starts_with("This page was stored compressed"));
}

#[test]
fn empty_page_is_an_error() {
    assert_eq!(read_fixture("empty.html").unwrap_err().code, "empty");
    assert_eq!(
        read_bytes("blank.html", b"  \n ".to_vec())
            .unwrap_err()
            .code,
        "empty"
    );
}

#[test]
fn page_without_text_is_no_content() {
    let err = read_bytes(
        "x.html",
        b"<html><body><nav><a href=/>Home</a></nav></body></html>".to_vec(),
    )
    .unwrap_err();
    assert_eq!(err.code, "no_content");
}

#[test]
fn binary_bytes_are_refused() {
    let mut bytes = b"<html>".to_vec();
    bytes.extend([0u8, 1, 2, 0, 0, 3]);
    assert_eq!(read_bytes("x.html", bytes).unwrap_err().code, "binary");
}

#[test]
fn accepts_by_extension_and_sniff() {
    let r = HtmlReader::new();
    assert!(r.accepts(Path::new("a/b.HTM"), b""));
    assert!(r.accepts(Path::new("a/b.xhtml"), b""));
    assert!(r.accepts(Path::new("a/noext"), b"\xef\xbb\xbf  <!DOCTYPE html><html>"));
    assert!(r.accepts(Path::new("a/page.txt"), b"<html lang=en>"));
    assert!(!r.accepts(Path::new("a/notes.txt"), b"Just some text"));
    assert!(!r.accepts(Path::new("a/data.json.gz"), &[0x1f, 0x8b, 8, 0]));
}

#[test]
fn ten_thousand_levels_of_nesting_do_not_overflow() {
    let depth = 10_000;
    let mut html = String::from("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str(
        "<p>Deep inside the page there is still a sentence that the reader must find and keep.</p>",
    );
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    // Run on a small stack: recursion anywhere would overflow it.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || read_bytes("deep.html", html.into_bytes()))
        .unwrap();
    let a = handle.join().expect("no stack overflow").unwrap();
    assert!(body(&a).contains("Deep inside the page"));
}

#[test]
fn fifty_megabyte_page_is_bounded() {
    // Numbered paragraphs: the extractor drops verbatim repeats (gallery captions).
    let mut html = String::with_capacity(50 * 1024 * 1024 + 1024);
    html.push_str("<html><body><article>");
    let mut n = 0u32;
    while html.len() < 50 * 1024 * 1024 {
        n += 1;
        html.push_str(&format!("<p>Paragraph {n} text that repeats, with commas, clauses and enough words to score as prose.</p>\n"));
    }
    html.push_str("</article></body></html>");
    let bytes = html.into_bytes();
    // Under a 16 MiB cap: a clear error, before any parsing.
    let small = HtmlReader {
        max_bytes: 16 * 1024 * 1024,
    };
    let doc = RawDocument {
        id: "big.html".into(),
        seq: 0,
        path: "big.html".into(),
        bytes: bytes.clone(),
        hints: Default::default(),
    };
    assert_eq!(small.read(doc).unwrap_err().code, "too_large");
    // Under the default cap (64 MiB) the page is read.
    let a = read_bytes("big.html", bytes).unwrap();
    assert!(a.blocks.len() > 100_000);
}

#[test]
fn gzip_bomb_is_too_large() {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..80 {
        enc.write_all(&chunk).unwrap();
    }
    let gz = enc.finish().unwrap();
    assert!(gz.len() < 1 << 20);
    assert_eq!(
        read_bytes("bomb.html.gz", gz).unwrap_err().code,
        "too_large"
    );
}

#[test]
fn sample_article_folder_page() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/articles/html/council-budget.html");
    let a = read_bytes("council-budget.html", std::fs::read(path).unwrap()).unwrap();
    assert_eq!(a.meta.authors, ["Priya Shah"]);
    assert_eq!(a.meta.published.as_deref(), Some("2025-02-11"));
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    let text = body(&a);
    assert!(text.contains("approved a £4 million budget"));
    assert!(text.contains("Two new pumping stations"));
    assert!(!text.contains("cookies"), "{text}");
    assert!(!text.contains("Share on"), "{text}");
    assert!(!text.contains("All rights reserved"), "{text}");
}
