//! newsmill-core: the vocabulary every other newsmill crate speaks.
//!
//! It holds no I/O. Readers turn files into an [`Article`]; stages ([`Stage`]) clean it,
//! annotate it or drop it; exporters turn the final article into rows.
//!
//! Main types:
//! - [`Article`]: one input document: id, source path, encoding, raw text, body [`Block`]s,
//!   [`Metadata`] and [`Annotations`] (entities, quotes, dates, facts) added by stages.
//! - [`Reader`]: turns a [`RawDocument`] (bytes and id) into an article.
//! - [`Stage`]: one step of the pipeline, built once from its TOML table and shared by all
//!   threads. A stage that needs to see the whole folder first exposes a [`CorpusIndex`].
//! - [`StageFactory`]: a registry entry (name, summary, example TOML, the [`Family`]s it
//!   reads and writes, build function).
//! - [`Family`]: the named kinds of annotation (metadata, language, entities, quotes, dates,
//!   facts, duplicates) by which stages declare what they depend on.
//!   Stage crates export a `factories()` list; the runner concatenates them.
//! - [`ConfigIssue`]: a located config mistake (file, line, stage index, key, nearest valid name).
//! - [`Span`]: a byte range inside one block's text; exporters turn it into a character offset
//!   in the article's body text (blocks joined by a blank line).
//! - [`tokens`]: the token layer's data (each block's tokens and sentences) and the
//!   per-article cache in [`Annotations::tokens`] that `newsmill-text` fills once.
//! - [`civil::CivilDate`]: proleptic Gregorian dates as day numbers, shared by the stages
//!   that resolve dates and the HTML reader that converts timestamps and other calendars.

mod annotations;
mod article;
pub mod civil;
mod config_issue;
mod family;
pub mod intern;
pub mod months;
mod options;
mod reader;
mod registry;
mod stage;
pub mod testing;
pub mod text;
pub mod tokens;

pub use annotations::{
    Annotations, DateMention, Entity, EntityKind, EntityMention, Fact, Geocode, Granularity, Quote,
    QuoteKind, Removal, SpeakerType,
};
pub use article::{Article, Block, BlockKind, Metadata, SourceFormat, Span};
pub use config_issue::{nearest_name, ConfigIssue};
pub use family::Family;
pub use options::{option_docs, OptionDoc};
pub use reader::{DocumentHints, RawDocument, Reader, CAPTURED_KEY};
pub use registry::{parse_options, StageFactory, StageTable};
pub use stage::{CorpusIndex, Outcome, Stage, StageCounters, StageError};
