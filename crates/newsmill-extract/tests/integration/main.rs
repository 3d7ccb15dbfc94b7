//! The crate's integration tests, one binary (each module one group of tests).

mod bbc;
mod common;
mod fixtures;
mod robustness;
