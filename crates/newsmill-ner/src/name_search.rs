//! Finding a handful of names in an article's text: non-overlapping, leftmost-longest
//! matches, the semantics of `aho_corasick::MatchKind::LeftmostLongest`.
//!
//! Written by hand because the alias step builds a new pattern set for every article (a few
//! dozen names): building an Aho-Corasick automaton for them cost more than searching with
//! it, about a tenth of the entity stage's rule layer (callgrind, 300 BBC articles). Names
//! start with few distinct bytes (capitals, mostly), so indexing the patterns by first byte
//! and comparing at the positions that byte occurs is cheap to build and to run.

/// A set of patterns to search for, indexed by first byte, longest first within each byte.
pub struct NameSearch<'a, 'p> {
    patterns: &'a [&'p str],
    /// Pattern numbers sorted by (first byte, length descending, number).
    order: Vec<usize>,
    /// `order[starts[b]..starts[b + 1]]` are the patterns beginning with byte `b`.
    starts: [u32; 257],
}

impl<'a, 'p> NameSearch<'a, 'p> {
    /// Empty patterns are never matched.
    pub fn new(patterns: &'a [&'p str]) -> Self {
        let mut order: Vec<usize> = (0..patterns.len())
            .filter(|&i| !patterns[i].is_empty())
            .collect();
        order.sort_by_key(|&i| {
            (
                patterns[i].as_bytes()[0],
                std::cmp::Reverse(patterns[i].len()),
                i,
            )
        });
        let mut starts = [0u32; 257];
        for &i in &order {
            starts[usize::from(patterns[i].as_bytes()[0]) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        NameSearch {
            patterns,
            order,
            starts,
        }
    }

    /// The matches in `text` as (start, end, pattern number), left to right: at each
    /// position the longest pattern that starts there, and the search goes on after it.
    /// Every start and end is a char boundary (patterns are whole UTF-8 strings).
    pub fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 't {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let b = usize::from(bytes[at]);
                let (from, to) = (self.starts[b] as usize, self.starts[b + 1] as usize);
                let found = self.order[from..to]
                    .iter()
                    .find(|&&i| bytes[at..].starts_with(self.patterns[i].as_bytes()));
                if let Some(&i) = found {
                    let start = at;
                    at += self.patterns[i].len();
                    return Some((start, at, i));
                }
                at += 1;
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    fn ours(patterns: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        NameSearch::new(patterns).find_iter(text).collect()
    }

    fn reference(patterns: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        ac.find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }

    #[test]
    fn matches_like_aho_corasick_leftmost_longest() {
        let patterns = [
            "Smith",
            "John Smith",
            "Smith Jones",
            "Jo",
            "Théo",
            "é",
            "ab",
            "abc",
            "bcd",
            "US",
            "U",
            "USA",
        ];
        for text in [
            "John Smith met Smith Jones and Goldsmith; Smith's aide, Jo, left.",
            "Théo Smith, café, USA, US, U-boat, Uruguay",
            "abcd abcbcd xabc bcdab",
            "",
            "no names here at all",
            "SmithSmith John SmithJones",
        ] {
            assert_eq!(ours(&patterns, text), reference(&patterns, text), "{text}");
        }
        assert!(ours(&[], "anything").is_empty());
        assert!(ours(&[""], "anything").is_empty());
    }
}
