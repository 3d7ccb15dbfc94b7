//! newsmill-text: tokens and sentences for English news text, used by the NER tagger (its
//! training and tagging) and the entities stage. (The quotes and temporal crates still keep
//! their own scanners; see docs/architecture.md.)
//!
//! - [`tokenize`] splits text into [`Token`]s (byte ranges) following CoNLL-2003 / Penn
//!   Treebank conventions, which the NER model was trained on: "U.S." and "Mr." keep their
//!   period, "Qaeda’s" splits into "Qaeda" + "’s", "don't" into "do" + "n't", quotes are
//!   tokens of their own, "al-Maliki", "8,000", "3.5", URLs and e-mail addresses stay whole.
//! - [`sentences`] returns trimmed byte ranges of sentences; it survives abbreviations
//!   ("Maj. Gen.", "Dec."), initials ("J. R."), and quotes after the period (`.”`).
//! - [`sentence_token_ranges`] gives the same sentences as token-index ranges, for callers
//!   that already tokenised.
//!
//! Everything is a single byte-level scan with no regex and no allocation per token.

mod abbreviations;
mod sentences;
mod tokenize;

pub use sentences::{sentence_token_ranges, sentences};
pub use tokenize::{tokenize, Token};
