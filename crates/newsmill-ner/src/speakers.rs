//! Speaker labels of interview transcripts: a block that opens with a name in capitals and
//! a colon ("HANNITY: Welcome back") names the person speaking. The tagger rarely tags such
//! labels (ALL-CAPS words say little), so a host quoted nineteen times goes missing.
//!
//! A label is one to three ALL-CAPS words before a colon at the start of a block. It is
//! taken as a person only when its last word is the surname of a person the article
//! names in full ("Sean Hannity") or of a person in the known-people list: "UNIDENTIFIED
//! MALE:" and "Q:" are not names. The linker then joins it to the full name by surname.

use rustc_hash::FxHashSet as HashSet;

use newsmill_core::EntityKind;

use crate::candidate::{Candidate, Overlaps};
use crate::fold::key;
use crate::gazetteer::Gazetteer;

/// The byte range of a speaker label at the start of `text`, if it has that shape.
fn label(text: &str) -> Option<(usize, usize)> {
    let start = text.len() - text.trim_start().len();
    let colon = text.get(start..)?.find(':')? + start;
    let name = &text[start..colon];
    let words: Vec<&str> = name.split(' ').collect();
    let shaped = (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-'))
        });
    shaped.then_some((start, colon))
}

/// Adds a person mention for each block's speaker label whose surname the article or the
/// known-people list has.
pub fn add_speaker_labels(blocks: &[&str], gaz: &Gazetteer, cands: &mut Vec<Candidate>) {
    let surnames: HashSet<String> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .filter_map(|c| {
            let name = c.text(blocks);
            name.contains(' ')
                .then(|| key(name.rsplit(' ').next().unwrap_or("")))
        })
        .collect();
    let mut added = Vec::new();
    let taken = Overlaps::new(cands);
    for (block, text) in blocks.iter().enumerate() {
        let Some((start, end)) = label(text) else {
            continue;
        };
        let last = key(text[start..end].rsplit(' ').next().unwrap_or(""));
        let known = surnames.contains(&last) || gaz.known_surname_count(&last) > 0;
        if known && !gaz.is_any_place(&last) && !taken.any(block, start, end) {
            added.push(Candidate::new(block, start, end, EntityKind::Person));
        }
    }
    cands.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_with_a_known_surname_are_people() {
        let blocks = [
            "Sean Hannity hosts the show.",
            "HANNITY: Welcome back.",
            "UNIDENTIFIED MALE: Thank you.",
            "TRUMP: Great to be here.",
            "Note: nothing here.",
        ];
        let mut cands = vec![Candidate::new(0, 0, 12, EntityKind::Person)];
        add_speaker_labels(&blocks, Gazetteer::embedded(), &mut cands);
        let texts: Vec<&str> = cands.iter().map(|c| c.text(&blocks)).collect();
        assert_eq!(texts, ["Sean Hannity", "HANNITY", "TRUMP"]);
        assert_eq!(label("Q: why?"), None);
        assert_eq!(label("  MR. SMITH: yes"), Some((2, 11)));
    }
}
