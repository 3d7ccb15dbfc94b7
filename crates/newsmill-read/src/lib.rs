//! newsmill-read: from files on disk to [`Article`](newsmill_core::Article)s.
//!
//! Discovery ([`discover`]) walks the input folder (or takes one named file) and hands out
//! [`RawDocument`](newsmill_core::RawDocument)s, splitting containers as it goes: JSON
//! Lines files, `.json` arrays and WARC archives (`.warc`, `.warc.gz`, one document per HTML
//! response record, handed to the readers like any file). Whatever it leaves out is counted
//! in a [`SkipReport`]. A [`Reader`] turns each document into an article. This crate holds
//! the readers for Markdown, plain text and JSON (HTML has its own crate) and the decoding
//! and character-reference handling they share.
//!
//! Main items:
//! - [`decode`] / [`decode_owned`] -> [`Decoded`]: bytes to text (UTF-8 with or without BOM,
//!   UTF-16 with or without BOM, legacy 8-bit guessed by chardetng, mostly-UTF-8 text with
//!   stray bytes, counted as errors), control characters removed and CR-only line ends made
//!   newlines ([`clean_controls`]), refusing empty and binary files (`empty`, `binary`).
//! - [`MarkdownReader`] (`read.markdown`), [`TextReader`] (`read.text`) and
//!   [`JsonLinesReader`] (`read.jsonl`, also `.json`); [`readers`] lists them in the order to
//!   try them, [`readers_with`] with the `[input.fields]` mapping.
//! - JSON records from trafilatura, news-please and newspaper4k are recognised by their keys
//!   ([`Profile`]) and mapped with each tool's own field table.
//! - Front matter (YAML between `---` lines) and JSON Lines fields fill the metadata the
//!   source states; everything else is left to the `extract.metadata` stage.

mod controls;
mod decode;
pub mod discover;
mod document;
mod entities;
mod fields;
mod front_matter;
mod json_split;
mod jsonl;
mod markdown;
mod plain;
mod profiles;
mod skips;
mod utf16_lines;
mod warc;

pub use controls::{clean_controls, clean_metadata};
pub use decode::{decode, decode_owned, Decoded};
pub use document::{MarkdownReader, TextReader};
pub use jsonl::JsonLinesReader;
pub use profiles::{FieldOverrides, Profile, FIELD_NAMES};
pub use skips::{SharedSkipReport, SkipCount, SkipReport};

use newsmill_core::Reader;

/// The readers of this crate in the order the runner should try them: the first whose
/// `accepts` is true reads the document.
pub fn readers() -> Vec<Box<dyn Reader>> {
    readers_with(FieldOverrides::default())
}

/// [`readers`], with the JSON field mapping adjusted by `[input.fields]`.
pub fn readers_with(fields: FieldOverrides) -> Vec<Box<dyn Reader>> {
    vec![
        Box::new(JsonLinesReader::with_fields(fields)),
        Box::new(MarkdownReader),
        Box::new(TextReader),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn readers_pick_by_extension_in_order() {
        let pick = |p: &str| {
            readers()
                .into_iter()
                .find(|r| r.accepts(Path::new(p), b""))
                .map(|r| r.name())
        };
        assert_eq!(pick("x/a.ndjson"), Some("read.jsonl"));
        assert_eq!(pick("x/a.JSON"), Some("read.jsonl"));
        assert_eq!(pick("a.markdown"), Some("read.markdown"));
        assert_eq!(pick("a.TXT"), Some("read.text"));
        assert_eq!(pick("NOTES"), Some("read.text"));
        assert_eq!(pick("a.html"), None);
    }
}
