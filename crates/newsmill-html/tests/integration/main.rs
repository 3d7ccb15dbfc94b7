//! The crate's integration tests, one binary (each module one group of tests).

mod classes;
mod gold;
mod reader;
