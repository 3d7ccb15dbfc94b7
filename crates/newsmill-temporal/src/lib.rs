//! newsmill-temporal: the `extract.dates` and `extract.facts` stages.
//!
//! `extract.dates` finds temporal expressions (absolute and partial dates, weekdays,
//! relative expressions such as "last week" or "two days later") and resolves them against
//! the article's publication date with news-writing conventions: a bare weekday in a
//! past-tense sentence is the most recent one before publication, in a future-tense one the
//! next one. `extract.facts` finds counted facts (casualties, arrests, displacement, and
//! counts of concrete things such as weapons), with their qualifier, subject, place (from
//! entity mentions) and date (from the resolved date expressions).
//!
//! Main types and modules:
//! - [`DatesStage`], [`FactsStage`] and their options; [`factories`] registers both.
//! - [`eval`]: gold-file loading and the [`eval::DateTally`] / [`eval::FactTally`] scores.
//! - `tokens` (number-aware tokens, sentences), `date_scan` (what an expression says),
//!   `date_resolve` (what date it means; calendar arithmetic is `newsmill_core::civil`), `numbers` (count
//!   phrases), `facts` (what a count is about), `places` (where it happened), `lexicon`
//!   (calendar names, tense cues, demonyms).

mod date_resolve;
mod date_scan;
pub mod eval;
mod facts;
mod lexicon;
mod numbers;
mod places;
mod stages;
pub mod timeml;
mod tokens;

pub use newsmill_core::civil::CivilDate;
pub use stages::{factories, DatesOptions, DatesStage, FactsOptions, FactsStage};
