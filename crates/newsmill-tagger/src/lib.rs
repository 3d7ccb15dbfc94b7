//! newsmill-tagger: a fast statistical named-entity tagger (PER, ORG, LOC, MISC) that
//! newsmill trains itself on CoNLL-2003 and ships as a small embedded model.
//!
//! The model is an averaged perceptron over hashed features, decoded greedily left to right
//! with IOB2 constraints, in two stages: the second re-tags knowing what the first said about
//! the whole document (how other occurrences of a word were tagged). Features: the word, its
//! lowercase form, long and short shapes, prefixes and suffixes, neighbouring words and shapes (±2), the two previous tags, sentence
//! position and headline case, gazetteer matches (countries, cities, names, titles,
//! organisation suffixes; the lists travel in the model file) and document-level evidence
//! (the word capitalised mid-sentence elsewhere, inside a longer name, or tagged earlier in
//! the document). See docs/ner-model.md for the measured accuracy and speed.
//!
//! Main items:
//! - [`Tagger`]: a loaded model; [`Tagger::embedded`] is the committed one.
//! - [`Tag`]: O / B-kind / I-kind for one token.
//! - [`find_entities`]: raw text in, entity byte ranges out (uses `newsmill-text`);
//!   [`entity_spans`]: tagged tokens in, mention token ranges out.
//! - [`train`], [`tag_conll`], [`eval_conll`]: the training, tagging and scoring commands.

mod cluster_build;
mod conll;
mod decode;
mod document;
mod eval;
mod features;
mod gazetteer;
mod hash;
mod labels;
mod model_file;
mod stacking;
mod tagger;
mod token_info;
mod train;
mod weights;
mod word_classes;

pub use cluster_build::{build_word_classes, ClusterOptions};
pub use eval::eval_conll;
pub use gazetteer::is_listed_person_name;
pub use labels::{to_iob2, Tag};
pub use model_file::{average_models, prune_model};
pub use tagger::{entity_spans, find_entities, tag_conll, Tagger};
pub use train::{train, TrainOptions};
