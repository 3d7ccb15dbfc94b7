//! newsmill-html: reads saved HTML pages into newsmill articles.
//!
//! It decodes the page in any encoding (byte order mark, `<meta charset>` prescan, then
//! detection; gzip by extension or magic bytes), parses it with html5ever (via scraper),
//! extracts the main text as ordered blocks (headings, paragraphs, list items, quotes) and
//! reads the page metadata (title, authors, publication and modification dates, publisher,
//! canonical URL, description, language).
//!
//! Main types and functions:
//! - [`HtmlReader`]: the `read.html` [`newsmill_core::Reader`].
//! - [`extract_page`]: the same extraction on an already decoded page, for callers that
//!   hold text (and optionally the page URL) rather than files.
//! - [`eval_body`] / [`eval_pubdates`]: score extraction against public gold sets
//!   (article-body shingles or with/without snippets; exact-day publication dates).
//!
//! Internals: `decode` (bytes to text), `dom` (flat pre-order copy of the tree, walked
//! without recursion), `blocks` (text blocks and boilerplate pruning), `hints` (class/id
//! vocabulary), `extract` (choosing the main-text container), `jsonld`, `meta`, `dates` and
//! `calendar` (metadata), `eval` (benchmarks).

mod blocks;
mod calendar;
mod dates;
mod decode;
mod dom;
mod eval;
mod extract;
mod guard;
mod hints;
mod jsonld;
mod meta;
mod page;
mod reader;

pub use eval::{eval_body, eval_pubdates};
pub use page::{extract_page, Page};
pub use reader::HtmlReader;

/// Tuning aid for the extractor: why the block holding `needle` was kept or dropped
/// (its ancestors with skip flags, scores and class hints, and the chosen container).
#[doc(hidden)]
pub fn explain_extraction(html: &str, needle: &str) -> String {
    let doc = page::parse(html);
    extract::explain(&dom::Dom::build(&doc), needle)
}
