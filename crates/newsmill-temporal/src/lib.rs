//! (being written)

/// The stages this crate registers.
pub fn factories() -> Vec<newsmill_core::StageFactory> {
    Vec::new()
}
