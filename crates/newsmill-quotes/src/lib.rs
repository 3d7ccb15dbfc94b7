//! newsmill-quotes: the `extract.quotes` stage. It finds direct quotations in an article's
//! body blocks and says who spoke them, with which speech verb, and whether the quotation
//! is a whole sentence of speech or a fragment; scare quotes and quoted names are left out
//! (or kept as terms on request). Speakers are named through the `extract.entities`
//! mentions when that stage ran, so they match entities.csv.
//!
//! Overview:
//! - [`marks`]: pairs quotation marks into runs (multi-paragraph, unbalanced recovery).
//! - [`tokens`]: word/punctuation/quotation tokens and sentences.
//! - [`names`]: speaker candidates from entity mentions or from capitalised runs.
//! - [`attribution`]: speech cues and the phrase naming their speaker.
//! - [`resolve`]: who that phrase refers to (mentions, names, pronouns, roles).
//! - [`labels`]: speakers named by a label: panel layouts (`Name, Paper: “…”`) and
//!   transcript turns (`HANNITY: …`).
//! - [`classify`]: full, partial or term.
//! - `speaker_type`: person or organisation, for the `speaker_type` column.
//! - [`QuoteStage`] / [`extract_quotes`]: the stage; [`factories`] registers it.
//! - [`eval`]: gold-file loading and precision/recall/speaker-accuracy tallies for
//!   `newsmill eval quotes GOLD.jsonl`.
//! - [`polnear`]: the same for `newsmill eval quotes DIR` on the PolNeAR attribution corpus
//!   (BRAT files), with speaker accuracy by source kind.

pub mod attribution;
pub mod classify;
pub mod doc;
pub mod eval;
pub mod labels;
pub mod lexicon;
pub mod marks;
pub mod names;
pub mod options;
pub mod polnear;
pub mod resolve;
mod speaker_type;
mod stage;
pub mod tokens;

#[cfg(test)]
mod class_tests;
#[cfg(test)]
mod seed_tests;

pub use options::QuoteOptions;
pub use stage::{extract_quotes, QuoteStage, STAGE_NAME};

/// The stages this crate registers.
pub fn factories() -> Vec<newsmill_core::StageFactory> {
    vec![stage::factory()]
}
