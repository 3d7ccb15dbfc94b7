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

/// Test view of candidates in block 0 of `text`: (text, kind), by position.
#[cfg(test)]
pub fn texts_and_kinds(text: &str, cands: &mut [Candidate]) -> Vec<(String, EntityKind)> {
    cands.sort_by_key(|c| c.start);
    cands
        .iter()
        .map(|c| (text[c.start..c.end].to_string(), c.kind))
        .collect()
}

/// An expected (text, kind) of [`texts_and_kinds`].
#[cfg(test)]
pub fn named(name: &str, kind: EntityKind) -> (String, EntityKind) {
    (name.to_string(), kind)
}

/// Test candidates in block 0: each name at its first occurrence after the previous one's
/// end, with its kind (so a name may be given twice for two mentions).
#[cfg(test)]
pub fn at_successive_occurrences(text: &str, spans: &[(&str, EntityKind)]) -> Vec<Candidate> {
    let mut from = 0;
    spans
        .iter()
        .map(|(s, k)| {
            let at = from + text[from..].find(s).unwrap();
            from = at + s.len();
            Candidate::new(0, at, at + s.len(), *k)
        })
        .collect()
}

/// Test candidates in block 0: each name at its first occurrence in `text`, with its kind.
#[cfg(test)]
pub fn at_first_occurrences(text: &str, spans: &[(&str, EntityKind)]) -> Vec<Candidate> {
    spans
        .iter()
        .map(|(s, k)| {
            let at = text.find(s).unwrap();
            Candidate::new(0, at, at + s.len(), *k)
        })
        .collect()
}

/// Whether any candidate overlaps the range.
#[cfg(test)]
pub fn any_overlap(candidates: &[Candidate], block: usize, start: usize, end: usize) -> bool {
    candidates.iter().any(|c| c.overlaps(block, start, end))
}

/// [`any_overlap`] for many questions about one fixed list, in logarithmic time each: the
/// candidates sorted by (block, start), with the furthest end so far within each block. A
/// range overlaps some candidate exactly when a candidate of its block starting before its
/// end reaches past its start. (A scan per question made propagating names quadratic in
/// the article: issue 19.)
#[derive(Debug)]
pub struct Overlaps {
    /// (block, start, furthest end of the block's candidates up to this one).
    sorted: Vec<(usize, usize, usize)>,
}

impl Overlaps {
    pub fn new(candidates: &[Candidate]) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = candidates
            .iter()
            .map(|c| (c.block, c.start, c.end))
            .collect();
        spans.sort_unstable();
        let mut furthest = (usize::MAX, 0);
        for s in &mut spans {
            if furthest.0 != s.0 {
                furthest = (s.0, 0);
            }
            furthest.1 = furthest.1.max(s.2);
            s.2 = furthest.1;
        }
        Overlaps { sorted: spans }
    }

    pub fn any(&self, block: usize, start: usize, end: usize) -> bool {
        let k = self
            .sorted
            .partition_point(|&(b, s, _)| (b, s) < (block, end));
        k.checked_sub(1)
            .map(|k| self.sorted[k])
            .is_some_and(|(b, s, furthest)| b == block && s < end && furthest > start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_answers_as_the_scan_does() {
        let mut seed: u64 = 3;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..500 {
            let cands: Vec<Candidate> = (0..next(15))
                .map(|_| {
                    let s = next(40) as usize;
                    Candidate::new(next(3) as usize, s, s + next(6) as usize, EntityKind::Misc)
                })
                .collect();
            let index = Overlaps::new(&cands);
            for _ in 0..50 {
                let (b, s) = (next(4) as usize, next(45) as usize);
                let e = s + next(6) as usize;
                assert_eq!(
                    index.any(b, s, e),
                    any_overlap(&cands, b, s, e),
                    "{cands:?} {b} {s} {e}"
                );
            }
        }
    }
}
