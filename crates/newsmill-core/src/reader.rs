//! The `Reader` trait: bytes of one input document in, an [`Article`] out.

use std::path::{Path, PathBuf};

use crate::article::{Article, Metadata};
use crate::stage::StageError;

/// One input document as loaded from disk, before decoding. For JSON Lines input each line
/// is its own document (`id` = `file.jsonl#<line>`); a WARC record is one too
/// (`file.warc.gz#<record>`).
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    /// Path relative to the input root with `/` separators; the article id.
    pub id: String,
    /// Position in path order.
    pub seq: usize,
    /// The file the document came from (for a part of a container, the container).
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// What the container says about the document besides its bytes.
    pub hints: DocumentHints,
}

/// What a container states about one of its documents: a WARC record's target URI and date,
/// and which part of the container it is. Readers need not look at them: the pipeline
/// applies them to the article after reading ([`DocumentHints::apply`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentHints {
    /// `<line>` of a JSON Lines line, `<record>` of a WARC record, `<item>` of a JSON array:
    /// error rows name the document as `path#part`.
    pub part: Option<String>,
    /// The document's address (WARC-Target-URI).
    pub url: Option<String>,
    /// When the container captured the document (WARC-Date, ISO 8601), a last-resort date.
    pub captured: Option<String>,
}

/// Key of [`Metadata::extra`] holding the capture date, which `extract.metadata` uses when
/// nothing better gives the publication date.
pub const CAPTURED_KEY: &str = "captured";

impl DocumentHints {
    /// Fills what the reader left empty: the url, and the capture date under
    /// [`CAPTURED_KEY`] in `extra`.
    pub fn apply(&self, meta: &mut Metadata) {
        if meta.url.is_none() {
            meta.url.clone_from(&self.url);
        }
        if let Some(captured) = &self.captured {
            meta.extra
                .entry(CAPTURED_KEY.to_string())
                .or_insert_with(|| captured.clone());
        }
    }
}

impl RawDocument {
    /// The path as error rows show it: `dir/file.jsonl#3` for a part of a container.
    pub fn display_path(&self) -> String {
        let path = self.path.to_string_lossy();
        match &self.hints.part {
            Some(part) => format!("{path}#{part}"),
            None => path.into_owned(),
        }
    }
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
