//! newsmill-ner: the `extract.entities` stage. It runs the trained tagger over every block
//! of an article and turns the tagged spans into normalised people, organisations, places
//! and other names (`annotations.entities`), with every mention (`annotations.mentions`).
//!
//! The tagger (`newsmill-tagger`, loaded once when the stage is built) finds spans; this
//! crate makes them usable: it trims them, takes titles off names, corrects types and adds
//! missed mentions with compiled-in gazetteers, applies the acronyms an article defines, and
//! links short forms to full names. docs/entities.md describes every rule and option.
//!
//! Main items:
//! - [`factories`]: the `extract.entities` stage factory; [`ExtractEntities`] is the built
//!   stage ([`ExtractEntities::tag_blocks`] runs the tagger alone).
//! - [`annotate`]: the post-processing on its own: tagged spans per block in, entities and
//!   mentions out, controlled by [`Settings`].
//! - [`Gazetteer`]: places, nationalities, titles and organisation cues from `data/`.
//! - [`eval`]: the entity gold format and its scoring (`newsmill eval entities`).
//!
//! Modules by step: `clean` (trim, titles), `repair` (join and split spans, with `runons`: names run together), `retype` (with `works`: laws, documents, events, page furniture), `cues` (the noun after a name: "border crossing", "newspaper"), `headlines` (mentions in
//! ALL-CAPS and headline-case lines kept only as far as ordinary lines confirm them),
//! `recall` (missed mentions, repeats), `common_words` (one-word "people" the article writes in lowercase), `common_acronyms` (acronyms the article uses as common nouns: "a super PAC, which", "DVDs"), `given_names` (the given name before a leading middle initial), `nicknames` (a quoted nickname inside a name), `short_forms` ("Evercore" after "Evercore Partners"), `surnames` ("Carolina Kluft" typed place when "Kluft" is a person), `speakers` (transcript speaker labels), `hyphen_pairs` (places joined by a hyphen), `institutions` (long institution names the tagger cut: "Center for Strategic and International Studies"), `acronyms`, `link` (entities, with `us_states`: "Calif." is California), `fold` (name keys),
//! `words` (phrase scanning).

mod acronyms;
mod annotate;
mod candidate;
mod clean;
mod common_acronyms;
mod common_words;
mod cues;
pub mod eval;
mod fold;
mod gazetteer;
mod given_names;
mod headlines;
mod hyphen_pairs;
mod institutions;
mod lineups;
mod link;
mod name_search;
mod nicknames;
mod pronouns;
mod recall;
mod repair;
mod retype;
mod runons;
mod short_forms;
mod speakers;
mod stage;
mod surnames;
mod teams;
mod us_states;
mod words;
mod works;

pub use annotate::{annotate, Settings};
pub use gazetteer::Gazetteer;
pub use stage::{factories, ExtractEntities};
