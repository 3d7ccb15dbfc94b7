//! The crate's integration tests, one binary (each module one group of tests).

mod bbc_duplicates;
mod boilerplate_site;
mod clipped_article;
mod languages;
mod robustness;
mod seed;
mod support;
mod with_reader;
