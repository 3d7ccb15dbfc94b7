//! People the tagger names from their middle initial: "said Jock A. Finlayson" tagged
//! "A. Finlayson", "Vann R. Newkirk II" tagged "R. Newkirk". Nobody is called by a middle
//! initial alone, so the capitalised word right before it is the given name the tagger did
//! not know (the given-name lists only hold common US names: "Jock", "Yevgeny", "Vann").

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::gazetteer::Gazetteer;
use crate::words::{is_initial, lowercase_words};

/// Extends person candidates that open with an initial ("A. Finlayson", "E. J. Mannix")
/// back over the word before them when that word is a given name by its shape and use: a
/// capital then lowercase letters, right before the initial with one space between, no
/// title, place, organisation or nationality, never written in lowercase in the article
/// and not part of another candidate. Linear in the text; the article's lowercase words are
/// only collected when some candidate qualifies.
pub fn add_given_names(blocks: &[&str], gaz: &Gazetteer, cands: &mut [Candidate]) {
    let opens_with_initial = |c: &Candidate| {
        c.kind == EntityKind::Person && c.text(blocks).split(' ').next().is_some_and(is_initial)
    };
    if !cands.iter().any(opens_with_initial) {
        return;
    }
    let lowercase_words = lowercase_words(blocks);
    let taken: Vec<(usize, usize, usize)> =
        cands.iter().map(|c| (c.block, c.start, c.end)).collect();
    for c in cands.iter_mut().filter(|c| opens_with_initial(c)) {
        let Some(text) = blocks.get(c.block) else {
            continue;
        };
        let Some(before) = text.get(..c.start).and_then(|b| b.strip_suffix(' ')) else {
            continue;
        };
        let word_start = before
            .rfind(|ch: char| !(ch.is_alphabetic() || ch == '-'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        // Part of another name: "Mike" + "R. Pence" is the joiner's to decide.
        let word_end = before.len();
        let inside_other = taken
            .iter()
            .any(|&(b, s, e)| b == c.block && s < word_end && word_start < e && s != c.start);
        if inside_other || !is_given_name_shape(word) || !is_free_word(word, gaz) {
            continue;
        }
        if lowercase_words.contains(word.to_lowercase().as_str()) {
            continue;
        }
        c.start = word_start;
    }
}

/// "Jock", "Yevgeny", "Jean-Paul": a capital, then at least one lowercase letter, letters
/// (and a hyphen) only.
fn is_given_name_shape(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
}

/// A word the lists do not know as anything but a possible name.
fn is_free_word(word: &str, gaz: &Gazetteer) -> bool {
    !(gaz.is_title(word)
        || crate::retype::is_function_words(word)
        || gaz.is_any_place(word)
        || gaz.is_known_org(word)
        || gaz.is_demonym(word)
        || gaz.is_misc(word)
        || gaz.is_org_head(word)
        || is_calendar_word(word))
}

/// Months and days open datelines and sentences before a name ("Monday J. Smith said").
fn is_calendar_word(word: &str) -> bool {
    const CALENDAR: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Today",
        "Yesterday",
        "Tomorrow",
    ];
    CALENDAR.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, spans: &[(&str, EntityKind)]) -> Vec<String> {
        let mut cands = crate::candidate::at_first_occurrences(text, spans);
        add_given_names(&[text], Gazetteer::embedded(), &mut cands);
        cands.iter().map(|c| c.text(&[text]).to_string()).collect()
    }

    #[test]
    fn the_word_before_a_leading_initial_is_the_given_name() {
        use EntityKind::*;
        assert_eq!(
            names(
                "''It is done,'' said Jock A. Finlayson, an economist.",
                &[("A. Finlayson", Person)]
            ),
            ["Jock A. Finlayson"]
        );
        assert_eq!(
            names(
                "Vann R. Newkirk II, a writer, said so.",
                &[("R. Newkirk", Person)]
            ),
            ["Vann R. Newkirk"]
        );
        assert_eq!(
            names(
                "recalled Mikhail B. Pogrebinsky.",
                &[("B. Pogrebinsky", Person)]
            ),
            ["Mikhail B. Pogrebinsky"]
        );
    }

    #[test]
    fn titles_places_common_words_and_other_names_are_not_given_names() {
        use EntityKind::*;
        // A title, a function word, a place, a month, a word the article writes in
        // lowercase, a name of its own, and punctuation in between.
        for (text, name) in [
            ("Senator J. Smith said.", "J. Smith"),
            ("But J. Smith said.", "J. Smith"),
            ("Chicago J. Smith said.", "J. Smith"),
            ("Monday J. Smith said.", "J. Smith"),
            ("Mark J. Smith said, and we mark it.", "J. Smith"),
            ("(W. Bush) was there.", "W. Bush"),
            ("Hall, J. Smith said.", "J. Smith"),
        ] {
            assert_eq!(names(text, &[(name, Person)]), [name], "{text}");
        }
        // The word is another candidate's: the joiner decides those.
        let text = "Gov. Mike R. Pence spoke.";
        let mut cands =
            crate::candidate::at_first_occurrences(text, &[("Mike", Person), ("R. Pence", Person)]);
        add_given_names(&[text], Gazetteer::embedded(), &mut cands);
        assert_eq!(cands[1].text(&[text]), "R. Pence");
        // Only people.
        assert_eq!(
            names(
                "Jock A. Finlayson Ltd",
                &[("A. Finlayson Ltd", Organization)]
            ),
            ["A. Finlayson Ltd"]
        );
    }
}
