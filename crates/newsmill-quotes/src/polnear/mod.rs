//! `newsmill eval quotes DIR` on the PolNeAR attribution corpus: the BRAT reader, the rule
//! that turns attributions into direct quotations with a speaker to score, and the tally.

pub mod brat;
pub mod gold;
pub mod referent;
pub mod tally;

pub use gold::{load_polnear, PolnearArticle, PolnearQuote};
pub use referent::SourceKind;
pub use tally::PolnearTally;
