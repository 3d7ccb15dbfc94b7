//! newsmill-clean: the stages that reduce each article to its own text, once.
//!
//! Clipped news articles carry markup remnants, site furniture (share bars, subscribe
//! prompts, footers, image credits), hard-wrapped lines, paragraphs cut in two by page
//! breaks, and several copies of the same wire story. The stages here remove that, in
//! the default pipeline order:
//!
//! - [`markup::MarkupStage`] (`clean.markup`): Markdown/HTML left in block text.
//! - [`boilerplate::BoilerplateStage`] (`clean.boilerplate`): configured patterns, a
//!   built-in junk-line list, and lines learned across each source in a corpus pass
//!   ([`boilerplate::learned::LearnedLines`]).
//! - [`paragraphs::ParagraphStage`] (`clean.paragraphs`): Unicode and whitespace
//!   normalisation, hard-wrap and hyphenation repair, rejoining split paragraphs.
//! - [`language::LanguageStage`] (`detect.language`): ISO 639-1 language via whatlang.
//! - [`dedup::DedupStage`] (`clean.dedup`): exact and MinHash near-duplicates in a corpus
//!   pass ([`dedup::DuplicateIndex`]), marking `duplicate_of` or dropping copies.
//!
//! [`factories`] registers them all. docs/cleaning.md describes every option and measure.

pub mod boilerplate;
pub mod dedup;
mod entities;
mod fold;
pub mod language;
pub mod markup;
pub mod paragraphs;

/// The stages this crate registers.
pub fn factories() -> Vec<newsmill_core::StageFactory> {
    vec![
        markup::factory(),
        boilerplate::factory(),
        paragraphs::factory(),
        dedup::factory(),
        language::factory(),
    ]
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
