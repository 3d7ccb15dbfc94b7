//! The Markdown and plain-text readers, which share everything but their default format.

use std::path::Path;

use newsmill_core::{Article, Block, Metadata, RawDocument, Reader, SourceFormat, StageError};

use crate::controls::clean_metadata;
use crate::decode::decode_owned;
use crate::front_matter::parse_front_matter;
use crate::markdown::markdown_blocks;
use crate::plain::{looks_like_markdown, plain_blocks};

/// Reads Markdown files (`.md`, `.markdown`, `.mdown`, `.mkd`): YAML front matter, then
/// headings, paragraphs, list items and block quotes as plain-text blocks.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownReader;

/// Reads plain-text files (`.txt`, `.text`, no extension): paragraphs separated by blank
/// lines. A file with front matter, a `# Heading` first line, whole bold lines or inline
/// links is read as Markdown and its format recorded as Markdown.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextReader;

const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd"];
const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];

impl Reader for MarkdownReader {
    fn name(&self) -> &'static str {
        "read.markdown"
    }

    fn accepts(&self, path: &Path, _head: &[u8]) -> bool {
        extension(path).is_some_and(|e| MARKDOWN_EXTENSIONS.contains(&e.as_str()))
    }

    fn read(&self, doc: RawDocument) -> Result<Article, StageError> {
        read_document(doc, SourceFormat::Markdown)
    }
}

impl Reader for TextReader {
    fn name(&self) -> &'static str {
        "read.text"
    }

    fn accepts(&self, path: &Path, _head: &[u8]) -> bool {
        match extension(path) {
            None => true,
            Some(e) => TEXT_EXTENSIONS.contains(&e.as_str()),
        }
    }

    fn read(&self, doc: RawDocument) -> Result<Article, StageError> {
        read_document(doc, SourceFormat::Text)
    }
}

/// Lower-cased extension; `None` when the file name has none.
pub(crate) fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn read_document(doc: RawDocument, declared: SourceFormat) -> Result<Article, StageError> {
    let decoded = decode_owned(doc.bytes)?;
    let (format, blocks, mut meta) = parse_body(&decoded.text, declared)?;
    // YAML escapes ("\e", "\0") can put control characters back into front matter values.
    clean_metadata(&mut meta);
    meta.encoding_errors = decoded.errors;
    if blocks.is_empty() {
        return Err(StageError::new(
            "empty",
            "no body text: the file holds only front matter or markup",
        ));
    }
    Ok(Article {
        id: doc.id,
        seq: doc.seq,
        path: doc.path,
        format,
        encoding: decoded.encoding.to_string(),
        raw: decoded.text,
        blocks,
        meta,
        annotations: Default::default(),
    })
}

/// Front matter, then Markdown or plain-text blocks. Text that looks like Markdown (or has
/// front matter) is parsed as Markdown whatever its extension said. Fails (`front_matter`)
/// on front matter that starts like YAML but is broken or an alias bomb.
pub(crate) fn parse_body(
    text: &str,
    declared: SourceFormat,
) -> Result<(SourceFormat, Vec<Block>, Metadata), StageError> {
    let front = parse_front_matter(text)?;
    let body_start = front.as_ref().map_or(0, |f| f.body_start);
    let body = &text[body_start..];
    let is_markdown =
        declared == SourceFormat::Markdown || front.is_some() || looks_like_markdown(body);
    let meta = front.map(|f| f.meta).unwrap_or_default();
    Ok(if is_markdown {
        (
            SourceFormat::Markdown,
            markdown_blocks(body, body_start),
            meta,
        )
    } else {
        (declared, plain_blocks(body, body_start), meta)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::BlockKind;

    fn doc(name: &str, text: &[u8]) -> RawDocument {
        RawDocument {
            id: name.into(),
            seq: 3,
            path: name.into(),
            bytes: text.to_vec(),
            hints: Default::default(),
        }
    }

    #[test]
    fn accepts_by_extension() {
        let (md, txt) = (MarkdownReader, TextReader);
        assert!(md.accepts(Path::new("a/b.MD"), b""));
        assert!(md.accepts(Path::new("x.mkd"), b""));
        assert!(!md.accepts(Path::new("x.txt"), b""));
        assert!(txt.accepts(Path::new("x.txt"), b""));
        assert!(txt.accepts(Path::new("README"), b""));
        assert!(!txt.accepts(Path::new("x.html"), b""));
    }

    #[test]
    fn text_that_looks_like_markdown_is_markdown() {
        let a = TextReader
            .read(doc(
                "s.txt",
                b"\n\n# Head line\n\n**Jane Doe**  \n1 May 2020\n\nBody.",
            ))
            .unwrap();
        assert_eq!(a.format, SourceFormat::Markdown);
        assert_eq!(a.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(a.blocks[1].text, "Jane Doe\n1 May 2020");
        assert_eq!(
            (a.id.as_str(), a.seq, a.encoding.as_str()),
            ("s.txt", 3, "UTF-8")
        );
    }

    #[test]
    fn plain_text_stays_text_and_front_matter_is_read() {
        let a = TextReader
            .read(doc("p.txt", b"Headline\n\nBody line one\nline two."))
            .unwrap();
        assert_eq!(a.format, SourceFormat::Text);
        assert_eq!(a.blocks[1].text, "Body line one\nline two.");
        let a = MarkdownReader
            .read(doc("f.md", b"---\ntitle: T\n---\nBody."))
            .unwrap();
        assert_eq!(a.meta.title.as_deref(), Some("T"));
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(&a.raw[a.blocks[0].source.clone().unwrap()], "Body.");
    }

    #[test]
    fn front_matter_only_is_empty() {
        let e = MarkdownReader
            .read(doc("f.md", b"---\ntitle: T\n---\n\n"))
            .unwrap_err();
        assert_eq!(e.code, "empty");
    }
}
