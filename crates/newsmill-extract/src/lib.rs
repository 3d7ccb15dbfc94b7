//! newsmill-extract: the `extract.metadata` stage.
//!
//! Readers fill the metadata a source states (front matter, JSON fields, HTML meta tags);
//! this stage fills the rest from the text itself, and never overwrites a stated value:
//! - title: the first H1 at the top, else a heading that opens the text, else the first
//!   line of the first block (as in the BBC corpus, where line 1 is the headline);
//! - authors: a byline near the top ("By A, B and C", "Written by", "Author:", or a name set
//!   wholly in bold, as WSWS articles have it), names cleaned of roles, places and dates;
//! - published: a date line near the top, in unambiguous forms only, as ISO `YYYY-MM-DD`;
//!   dates the source stated in other forms (ISO and RFC 2822 timestamps, epoch seconds,
//!   numeric dates read by the source's locale, month names in many languages) normalised
//!   with chrono to a date plus `published_time`; the capture date of a WARC record last;
//! - publisher: a user pattern, a known site footer ("To contact the WSWS", "© 2024
//!   Reuters"), or the URL's domain.
//!
//! With `strip_header` (the default) the title block and the byline and date lines are
//! taken out of the body and recorded in `annotations.removed`.
//!
//! Modules: `stage` (the stage), `options` (its TOML options), `dates`, `byline` and
//! `publisher` (the recognisers, each compiled once when the stage is built),
//! `source_dates` (stated metadata dates, with the month names of `newsmill_core::months`).

mod byline;
mod dates;
mod options;
mod publisher;
mod source_dates;
mod stage;

use newsmill_core::{Family, StageFactory};

/// The stages this crate registers.
pub fn factories() -> Vec<StageFactory> {
    vec![StageFactory {
        name: "extract.metadata",
        summary: "Fill title, authors, publication date and publisher from the text when the source did not state them; take the title, byline and date lines out of the body",
        options: options::docs,
        example: options::EXAMPLE,
        reads: &[],
        writes: &[Family::Metadata],
        build: stage::build,
    }]
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_example_builds_and_every_option_is_documented() {
        for factory in super::factories() {
            newsmill_core::testing::check_factory(&factory);
        }
    }
}
