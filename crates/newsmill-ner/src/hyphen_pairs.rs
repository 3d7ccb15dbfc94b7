//! Hyphen pairs of places: "Israel-Palestine", "US-China talks", "the Paris-Berlin line" name
//! two places, not one name. The tagger sees one token and either misses it or types the
//! whole as one entity; here each half that is a well-known place becomes its own location
//! mention. A hyphenated name that is itself a place ("Guinea-Bissau", "Winston-Salem") or
//! that the tagger calls a person (a double-barrelled surname) stays whole.

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::gazetteer::Gazetteer;
use crate::words::{is_capitalised, Word};

/// The byte ranges of the two halves of `word` (at `start` in the block) when it is a pair of
/// well-known places joined by one hyphen.
fn place_pair(word: &str, start: usize, gaz: &Gazetteer) -> Option<[(usize, usize); 2]> {
    let (left, right) = word.split_once('-')?;
    if right.contains('-') || !is_capitalised(left) || !is_capitalised(right) {
        return None;
    }
    if gaz.place(word).is_some() {
        return None;
    }
    let strong = |name: &str| gaz.place(name).is_some_and(|p| !p.weak);
    if !strong(left) || !strong(right) {
        return None;
    }
    let middle = start + left.len();
    Some([(start, middle), (middle + 1, start + word.len())])
}

/// Replaces the mentions inside each hyphen pair of places in `block` by one location per
/// half, and adds them where the tagger found nothing.
pub fn split_place_pairs(
    block: usize,
    text: &str,
    words: &[Word],
    gaz: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    for word in words {
        let Some(halves) = place_pair(word.text(text), word.start, gaz) else {
            continue;
        };
        let covering = |c: &Candidate| c.overlaps(block, word.start, word.end);
        if cands
            .iter()
            .any(|c| covering(c) && c.kind == EntityKind::Person)
        {
            continue;
        }
        // A mention reaching beyond the word ("Israel-Palestine Liberation Front") is a
        // longer name that merely contains the pair: leave it.
        if cands
            .iter()
            .any(|c| covering(c) && (c.start < word.start || c.end > word.end))
        {
            continue;
        }
        cands.retain(|c| !covering(c));
        for (start, end) in halves {
            cands.push(Candidate::new(block, start, end, EntityKind::Location));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    fn run(text: &str, tagged: &[(usize, usize, EntityKind)]) -> Vec<(String, EntityKind)> {
        let gaz = Gazetteer::embedded();
        let ws = words(text, &|w| gaz.is_title(w));
        let mut cands: Vec<Candidate> = tagged
            .iter()
            .map(|&(s, e, k)| Candidate::new(0, s, e, k))
            .collect();
        split_place_pairs(0, text, &ws, gaz, &mut cands);
        cands.sort_by_key(|c| c.start);
        cands
            .iter()
            .map(|c| (text[c.start..c.end].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn splits_pairs_of_known_places() {
        let text = "The Israel-Palestine conflict and the US-China talks.";
        let got = run(text, &[(4, 20, EntityKind::Misc)]);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Israel", "Palestine", "US", "China"], "{got:?}");
        assert!(got.iter().all(|(_, k)| *k == EntityKind::Location));
    }

    #[test]
    fn keeps_hyphenated_places_people_and_longer_names() {
        assert!(run("He flew to Guinea-Bissau.", &[]).is_empty());
        let person = run("Mark Lewis-Francis ran.", &[(0, 18, EntityKind::Person)]);
        assert_eq!(person.len(), 1);
        assert!(run("a pro-Russia rally and Anglo-French ties", &[]).is_empty());
        let text = "the France-Germany Friendship Society";
        let longer = run(text, &[(4, text.len(), EntityKind::Organization)]);
        assert_eq!(longer.len(), 1);
    }
}
