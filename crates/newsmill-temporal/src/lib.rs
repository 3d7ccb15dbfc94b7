//! newsmill-temporal: the `extract.dates` and `extract.facts` stages.
//!
//! `extract.dates` finds temporal expressions (absolute and partial dates, weekdays,
//! relative expressions such as "last week" or "two days later") and resolves them against
//! the article's publication date with news-writing conventions: a bare weekday that is the
//! publication's weekday is the publication day, another one in a past-tense sentence the most
//! recent one before publication, in a future-tense one the next one. Each mention carries a
//! TIMEX3-style value (days, weeks, months, quarters, seasons, years, decades, `PRESENT_REF`),
//! its first and last day and what it was resolved against; an expression that cannot be
//! resolved (an undated article) is kept with the reason. `extract.facts` finds counted facts (casualties, arrests, displacement, and
//! counts of concrete things such as weapons), with their qualifier, subject, place (from
//! entity mentions) and date (from the resolved date expressions).
//!
//! Main types and modules:
//! - [`DatesStage`], [`FactsStage`] and their options; [`factories`] registers both.
//! - [`eval`]: gold-file loading and the [`eval::DateTally`] / [`eval::FactTally`] scores.
//! - [`timeml`]: TimeML documents (TempEval-3) as date gold and the [`timeml::TimemlTally`]
//!   score.
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
