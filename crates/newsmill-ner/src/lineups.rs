//! Team line-ups: "C Paterson; S Danielli, A Craig, H Southwell, S Lamont; D Parks ..." A
//! list of an initial and a surname, item after item, is a list of people. The tagger
//! sees a capital letter and a capitalised word with no sentence around them and tags few
//! of them, some as places ("N Hines", "Douglas" of "B Douglas"); the list itself says what
//! they are. Once they are people, the article's other mentions of the surnames ("Paterson's
//! searing break") link to them.

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::words::{is_capitalised, Word};

/// Fewest items of the initial-and-surname shape for a list to be a line-up: two could be
/// anything ("A Star, B Movie").
const MIN_LINEUP_ITEMS: usize = 4;

/// Words of a list item that may follow the surname: the captain's mark ("(capt)", as a
/// word without its brackets).
const ITEM_MARKS: &[&str] = &["capt", "c", "captain"];

/// Whether `word` is an initial as line-ups write it: one capital letter, with or
/// without a full stop ("C", "C.").
fn is_bare_initial(word: &str) -> bool {
    let letters = word.strip_suffix('.').unwrap_or(word);
    letters.len() == 1 && letters.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `word` may be a surname: capitalised letters, with apostrophes or hyphens
/// inside ("O'Kelly", "Lewis-Francis").
fn is_surname_shaped(word: &str) -> bool {
    is_capitalised(word)
        && word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

/// Adds the people of a line-up in this block, replacing the tagger's spans over them.
/// Items are separated by commas, semicolons or a colon; an item is an initial and a
/// surname, optionally followed by a captain's mark. Needs [`MIN_LINEUP_ITEMS`] such items
/// in the block.
pub fn add_lineup_people(block: usize, text: &str, words: &[Word], cands: &mut Vec<Candidate>) {
    // (start, end) of each item's initial and surname.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i + 1 < words.len() {
        let (initial, surname) = (&words[i], &words[i + 1]);
        let opens_item = i == 0 || {
            let gap = text.get(words[i - 1].end..initial.start).unwrap_or("");
            gap.contains([',', ';', ':'])
        };
        let single_space = text.get(initial.end..surname.start) == Some(" ");
        let closes_item = match words.get(i + 2) {
            None => true,
            Some(next) => {
                let gap = text.get(surname.end..next.start).unwrap_or("");
                gap.contains([',', ';', '.']) || ITEM_MARKS.contains(&next.text(text))
            }
        };
        if opens_item
            && single_space
            && closes_item
            && is_bare_initial(initial.text(text))
            && is_surname_shaped(surname.text(text))
        {
            items.push((initial.start, surname.end));
            i += 2;
        } else {
            i += 1;
        }
    }
    if items.len() < MIN_LINEUP_ITEMS {
        return;
    }
    for (start, end) in items {
        cands.retain(|c| !c.overlaps(block, start, end));
        cands.push(Candidate::new(block, start, end, EntityKind::Person));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::{named, texts_and_kinds};
    use crate::gazetteer::Gazetteer;
    use crate::words::words;
    use EntityKind::*;

    fn lineup(text: &str, spans: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let gaz = Gazetteer::embedded();
        let mut cands = crate::candidate::at_successive_occurrences(text, spans);
        let ws = words(text, &|w| gaz.is_title(w));
        add_lineup_people(0, text, &ws, &mut cands);
        texts_and_kinds(text, &mut cands)
    }

    #[test]
    fn initials_and_surnames_in_a_list_are_people() {
        let text = "Scotland: C Paterson; S Danielli, A Craig, H Southwell, S Lamont; D Parks, \
                    G Bulloch (capt), N Hines, B Douglas.";
        assert_eq!(
            lineup(
                text,
                &[
                    ("Scotland", Location),
                    ("N Hines", Location),
                    ("Douglas", Location)
                ]
            ),
            [
                named("Scotland", Location),
                named("C Paterson", Person),
                named("S Danielli", Person),
                named("A Craig", Person),
                named("H Southwell", Person),
                named("S Lamont", Person),
                named("D Parks", Person),
                named("G Bulloch", Person),
                named("N Hines", Person),
                named("B Douglas", Person),
            ]
        );
    }

    #[test]
    fn a_short_list_or_prose_is_left_alone() {
        assert_eq!(
            lineup("Plan B Movie, a C Section.", &[("B Movie", Misc)]),
            [named("B Movie", Misc)]
        );
        assert_eq!(
            lineup(
                "A Craig, H Southwell and the others went to J Street to see",
                &[("J Street", Location)]
            ),
            [named("J Street", Location)]
        );
    }
}
