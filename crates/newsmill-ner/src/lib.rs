//! newsmill-ner: the `extract.entities` stage. It runs the trained tagger over every block
//! of an article and turns the tagged spans into normalised people, organisations, places
//! and other names (`annotations.entities`), with every mention (`annotations.mentions`).
//!
//! (stage being wired; see annotate)

mod acronyms;
mod annotate;
mod candidate;
mod clean;
mod fold;
mod gazetteer;
mod link;
mod recall;
mod repair;
mod retype;
mod stage;
mod words;

pub use annotate::{annotate, Settings};
pub use gazetteer::Gazetteer;
pub use stage::{factories, ExtractEntities};
