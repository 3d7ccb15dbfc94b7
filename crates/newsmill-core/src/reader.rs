//! The `Reader` trait: bytes of one input document in, an [`Article`] out.

use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::stage::StageError;

/// One input document as loaded from disk, before decoding. For JSON Lines input each line
/// is its own document (`id` = `file.jsonl#<line>`).
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    /// Path relative to the input root with `/` separators; the article id.
    pub id: String,
    /// Position in path order.
    pub seq: usize,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Turns one raw document into an article: decodes it, splits the body into blocks and fills
/// the metadata the source states. Errors use stable codes (`empty`, `binary`, `decode`,
/// `parse`, ...) and become rows in errors.csv.
pub trait Reader: Send + Sync {
    /// `read.markdown`, `read.html`, ...: the `stage` column of errors.csv for read errors.
    fn name(&self) -> &'static str;
    /// Whether this reader handles the document, from its path (extension) and first bytes.
    fn accepts(&self, path: &Path, head: &[u8]) -> bool;
    fn read(&self, doc: RawDocument) -> Result<Article, StageError>;
}
