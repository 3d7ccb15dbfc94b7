//! The article model shared by readers, stages and exporters.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use crate::annotations::Annotations;

/// Which reader produced the article; stages may behave differently per format
/// (for example, HTML pages already had their boilerplate scored away).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SourceFormat {
    #[default]
    Text,
    Markdown,
    Html,
    JsonLines,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::JsonLines => "jsonl",
        }
    }
}

/// The structural role of a body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BlockKind {
    /// A heading with its level (1 = top).
    Heading(u8),
    Paragraph,
    ListItem,
    BlockQuote,
}

/// One unit of body text, without markup. Line breaks that were hard breaks in the source
/// are kept as `\n`; soft wraps are spaces.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Byte range of the block in [`Article::raw`], when the reader knows it. Stages that
    /// need the original markup (a bold byline, say) look there.
    pub source: Option<Range<usize>>,
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
            source: None,
        }
    }

    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block {
            kind: BlockKind::Heading(level),
            text: text.into(),
            source: None,
        }
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }
}

/// A byte range inside the text of block number `block`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(block: usize, start: usize, end: usize) -> Self {
        Span { block, start, end }
    }
}

/// Article-level metadata. Readers fill what the source states (front matter, HTML meta);
/// `extract.metadata` fills the rest from the text.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Publication date as ISO 8601 `YYYY-MM-DD` (the `extract.metadata` stage turns other
    /// stated forms into this; a time of day goes to `published_time`).
    pub published: Option<String>,
    /// Publication date and time as ISO 8601 with an offset (`2020-01-06T10:00:00+01:00`),
    /// when the source gives a time.
    pub published_time: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// 0..=1, from the language detector; `None` when the language came from the source.
    pub language_confidence: Option<f64>,
    /// Source-stated fields that have no column of their own (front matter keys, HTML meta).
    pub extra: BTreeMap<String, String>,
    /// Fields of a JSON source (trafilatura, news-please, ... records) that the field mapping
    /// did not use, as stated, for articles.jsonl.
    pub source_fields: BTreeMap<String, serde_json::Value>,
    /// How the reader found the body, when it had to choose (HTML: `jsonld_body`,
    /// `article_container`, `scored_blocks`, `whole_page`); `None` for sources that are
    /// all body (Markdown, plain text).
    pub extraction: Option<String>,
    /// 0..=1: how sure the reader is that the body is the article's main text.
    pub extraction_confidence: Option<f64>,
    /// Which signal gave `published` (HTML: `jsonld`, `meta`, `time`, `url`, `script`,
    /// `date_markup`, `text`, `wiki_revision`; front matter: `front_matter`).
    pub published_source: Option<String>,
    /// Bytes that were not valid in the encoding the text was read as (replaced by U+FFFD,
    /// or, in mostly-UTF-8 text, read as windows-1252); 0 for clean input.
    pub encoding_errors: u64,
}

/// One input document flowing through the pipeline.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// Stable id: the path relative to the input root, with `/` separators
    /// (for JSON Lines input, `file.jsonl#<line>`).
    pub id: String,
    /// Position of the article in path order (0-based); stable for any thread count.
    pub seq: usize,
    pub path: PathBuf,
    pub format: SourceFormat,
    /// Encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `windows-1252`, ...).
    pub encoding: String,
    /// The decoded source text, as read (Markdown, plain text or HTML).
    pub raw: String,
    pub blocks: Vec<Block>,
    pub meta: Metadata,
    pub annotations: Annotations,
}

impl Article {
    pub fn new(id: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        Article {
            id: id.into(),
            path: path.into(),
            ..Default::default()
        }
    }

    /// The body as exported: block texts joined by a blank line. Offsets in the CSVs are
    /// character offsets into this string.
    pub fn body_text(&self) -> String {
        crate::text::join_blocks(&self.blocks)
    }

    /// Whitespace-separated words in the body.
    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(|b| count_words(&b.text)).sum()
    }

    /// Paragraph-like blocks in the body (headings are not counted).
    pub fn paragraph_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| !b.is_heading() && !b.text.trim().is_empty())
            .count()
    }
}

/// `text.split_whitespace().count()`, byte by byte over ASCII (the exporters and the report
/// each count every article's words, and the char-by-char split was 2% of an entity-only
/// run); non-ASCII characters are decoded to ask Unicode whether they are spaces.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b.is_ascii() {
            (matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            count += 1;
        }
        in_word = !space;
        i += len;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "  one  two\tthree\nfour ",
            "no\u{a0}break and\u{2003}em space\u{85}next",
            "Peña Nieto — «quoted» 東京",
            "\u{b}vertical\u{c}feed\r\n\u{1c}kept",
        ] {
            assert_eq!(
                count_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }
}
