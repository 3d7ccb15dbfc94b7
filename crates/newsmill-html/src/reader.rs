//! The `read.html` reader.

use std::path::Path;

use newsmill_core::{Article, RawDocument, Reader, SourceFormat, StageError};

use crate::{decode, page};

/// Default cap on a page's size after decompression.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Reads `.html`, `.htm`, `.xhtml` (optionally `.gz`) and anything that sniffs as HTML.
#[derive(Debug, Clone)]
pub struct HtmlReader {
    /// Pages larger than this (after gzip) fail with `too_large`.
    pub max_bytes: usize,
}

impl Default for HtmlReader {
    fn default() -> Self {
        HtmlReader {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

impl HtmlReader {
    pub fn new() -> Self {
        Self::default()
    }
}

const EXTENSIONS: &[&str] = &[
    ".html",
    ".htm",
    ".xhtml",
    ".html.gz",
    ".htm.gz",
    ".xhtml.gz",
];

/// Whether the first bytes look like an HTML document (after a BOM and whitespace).
fn sniff_html(head: &[u8]) -> bool {
    let head = head.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = &head[start..];
    let lower: Vec<u8> = rest
        .iter()
        .take(16)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
}

impl Reader for HtmlReader {
    fn name(&self) -> &'static str {
        "read.html"
    }

    fn accepts(&self, path: &Path, head: &[u8]) -> bool {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if EXTENSIONS.iter().any(|e| name.ends_with(e)) {
            return true;
        }
        // Gzip is only ours when the name says HTML; other gzip files belong to others.
        sniff_html(head)
    }

    fn read(&self, doc: RawDocument) -> Result<Article, StageError> {
        let RawDocument {
            id,
            seq,
            path,
            bytes,
            ..
        } = doc;
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(StageError::new("empty", "the page has no bytes"));
        }
        let bytes = if decode::is_gzip(&bytes) {
            decode::gunzip(&bytes, self.max_bytes)?
        } else {
            bytes
        };
        if bytes.len() > self.max_bytes {
            return Err(StageError::new(
                "too_large",
                format!("page exceeds {} bytes", self.max_bytes),
            ));
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(StageError::new("empty", "the page has no content"));
        }
        if looks_binary(&bytes) {
            return Err(StageError::new("binary", "the file is not text"));
        }
        let (text, encoding, encoding_errors) = decode::decode_counted(&bytes);
        drop(bytes);
        // Depth and attribute bounds first: the parser is superlinear past them.
        let page = page::extract_page(&crate::guard::bound_markup(&text), None);
        if page.blocks.is_empty() {
            return Err(StageError::new(
                "no_content",
                "no article text found in the page",
            ));
        }
        let mut article = Article::new(id, path);
        article.seq = seq;
        article.format = SourceFormat::Html;
        article.encoding = encoding.to_string();
        article.blocks = page.blocks;
        article.meta = page.meta;
        article.meta.encoding_errors = encoding_errors;
        article.raw = text;
        Ok(article)
    }
}

/// NUL bytes in the first 8 KiB outside UTF-16 (which has a BOM we honour) mean binary.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.iter().filter(|&&b| b == 0).count() > 0
}
