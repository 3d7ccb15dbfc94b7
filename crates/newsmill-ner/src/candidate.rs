//! A mention before linking: a byte range in one block and a kind. Every step between the
//! tagger and the linker (cleaning, retyping, recall, acronyms) edits a list of these.

use newsmill_core::EntityKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

impl Candidate {
    pub fn new(block: usize, start: usize, end: usize, kind: EntityKind) -> Self {
        Candidate {
            block,
            start,
            end,
            kind,
        }
    }

    pub fn overlaps(&self, block: usize, start: usize, end: usize) -> bool {
        self.block == block && self.start < end && start < self.end
    }

    pub fn text<'a>(&self, blocks: &'a [&str]) -> &'a str {
        blocks
            .get(self.block)
            .and_then(|b| b.get(self.start..self.end))
            .unwrap_or("")
    }
}

/// Sorts by position and drops candidates that overlap an earlier, longer one, so the
/// linker sees each stretch of text at most once.
pub fn sort_and_dedupe(candidates: &mut Vec<Candidate>) {
    candidates.sort_by_key(|c| (c.block, c.start, std::cmp::Reverse(c.end)));
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates.drain(..) {
        match kept.last() {
            Some(last) if last.overlaps(c.block, c.start, c.end) => {}
            _ => kept.push(c),
        }
    }
    *candidates = kept;
}

/// Whether any candidate overlaps the range.
pub fn any_overlap(candidates: &[Candidate], block: usize, start: usize, end: usize) -> bool {
    candidates.iter().any(|c| c.overlaps(block, start, end))
}
