//! newsmill-text: the one token layer of newsmill. Tokens and sentences of English news text,
//! made once per article ([`article_tokens`]) and read by the entities, quotes, dates and
//! facts stages, and by the NER tagger (its training and tagging).
//!
//! - [`tokenize`] splits text into [`Token`]s (byte ranges) following CoNLL-2003 / Penn
//!   Treebank conventions, which the NER model was trained on: "U.S." and "Mr." keep their
//!   period, "Qaeda’s" splits into "Qaeda" + "’s", "don't" into "do" + "n't", quotes are
//!   tokens of their own, "al-Maliki", "8,000", "3.5", URLs and e-mail addresses stay whole.
//! - [`sentences`] returns trimmed byte ranges of sentences; it survives abbreviations
//!   ("Maj. Gen.", "Dec."), initials ("J. R."), and quotes after the period (`.”`).
//! - [`sentence_token_ranges`] gives the same sentences as token-index ranges, for callers
//!   that already tokenised.
//! - [`article_tokens`] is the per-article layer: every block's tokens and sentences, cached
//!   on the article; [`abbreviation_period`] and [`is_clitic`] are the token properties the
//!   stages' scanners read instead of tokenising again.
//! - [`countries`] is the one country and demonym table (entities gazetteer, facts places).
//!
//! Everything is a single byte-level scan with no regex and no allocation per token.

mod abbreviations;
pub mod countries;
mod layer;
mod sentences;
mod tokenize;

pub use layer::{abbreviation_period, article_tokens, block_tokens, is_clitic};
pub use newsmill_core::tokens::{ArticleTokens, BlockTokens};
pub use sentences::{sentence_token_ranges, sentences};
pub use tokenize::{tokenize, Token};
