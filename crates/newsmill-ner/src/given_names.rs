//! People the tagger names from their middle initial: "said Jock A. Finlayson" tagged
//! "A. Finlayson", "Vann R. Newkirk II" tagged "R. Newkirk". Nobody is called by a middle
//! initial alone, so the capitalised word right before it is the given name the tagger did
//! not know (the given-name lists only hold common US names: "Jock", "Yevgeny", "Vann").
//!
//! The other way round, the tagger stops at a middle initial or reads one as an
//! organisation's ("Stanley B." of "Stanley B. Greenberg", "Louis B. Mayer" typed
//! organisation): no name ends in a middle initial, and a given name, initials and a
//! surname are a person's name.
//!
//! And a given name alone, typed organisation or misc ("Bernie supporters" beside "Bernie
//! Sanders"), is that person by first name.

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::clean::is_name_suffix;
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

/// Completes names cut at a middle initial and types "given name, initials, surname" a
/// person. A candidate ending in an initial ("Stanley B.") takes the next word when it is
/// shaped like a surname ("Greenberg", "O'Neill", "McDonald"), follows after one space, is
/// part of no other candidate and is nothing else the lists know. Then a candidate of
/// another type that reads exactly given name (by the lists), one or two initials and a
/// surname ("Louis B. Mayer") becomes a person. Runs before the run-on and type repairs, so
/// "Federal Reserve Chair Janet L." first becomes "... Janet L. Yellen" and is split there.
pub fn complete_names_at_initials(blocks: &[&str], gaz: &Gazetteer, cands: &mut [Candidate]) {
    // Both steps need an initial, so a name with a full stop.
    if !cands.iter().any(|c| c.text(blocks).contains('.')) {
        return;
    }
    let ends_with_initial = |c: &Candidate| {
        let name = c.text(blocks);
        name.contains(' ') && name.rsplit(' ').next().is_some_and(is_initial)
    };
    let taken: Vec<(usize, usize, usize)> =
        cands.iter().map(|c| (c.block, c.start, c.end)).collect();
    for c in cands.iter_mut() {
        let Some(text) = blocks.get(c.block) else {
            continue;
        };
        if ends_with_initial(c) {
            let Some(rest) = text.get(c.end..).and_then(|r| r.strip_prefix(' ')) else {
                continue;
            };
            if let Some(word) = leading_surname(rest, gaz) {
                let (word_start, word_end) = (c.end + 1, c.end + 1 + word.len());
                let inside_other = taken
                    .iter()
                    .any(|&(b, s, e)| b == c.block && s < word_end && word_start < e);
                if !inside_other {
                    c.end = word_end;
                }
            }
        }
        if c.kind != EntityKind::Person && is_given_initials_surname(c.text(blocks), c.kind, gaz) {
            c.kind = EntityKind::Person;
        }
    }
}

/// Extends person names over the generational suffix the tagger left out ("Vann R.
/// Newkirk II", "John Smith Jr."): one space, the suffix, then no letter or digit. The
/// suffix is part of the name as the person writes it, and a speaker's name followed by a
/// stray "II" is no longer the subject of the verb after it.
pub fn add_generational_suffixes(blocks: &[&str], cands: &mut [Candidate]) {
    let taken: Vec<(usize, usize)> = cands.iter().map(|c| (c.block, c.start)).collect();
    for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Person) {
        let Some(rest) = blocks
            .get(c.block)
            .and_then(|t| t.get(c.end..))
            .and_then(|r| r.strip_prefix(' '))
        else {
            continue;
        };
        let len = rest
            .find(|ch: char| !ch.is_alphanumeric())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(len);
        if !is_name_suffix(word) || taken.contains(&(c.block, c.end + 1)) {
            continue;
        }
        // "Jr." keeps its full stop; a Roman numeral's stop ends the sentence.
        let stop =
            usize::from(matches!(word, "Jr" | "Sr" | "Jnr" | "Snr") && after.starts_with('.'));
        c.end += 1 + len + stop;
    }
}

/// Types person a one-word mention of another type that is a listed given name and the
/// first word of a person the article names in full ("Jeb" typed misc beside "Jeb Bush",
/// "Bernie" typed misc in "Bernie supporters"), so the linker joins it to
/// that person. Places, organisations, nationalities and other names the lists know stay
/// ("Jordan" beside "Jordan Spieth" may be the country).
pub fn given_names_of_people(blocks: &[&str], gaz: &Gazetteer, cands: &mut [Candidate]) {
    // Most articles have one-word places and organisations but none that is a given name:
    // the set of first names is built only when one is.
    let one_word_other = |c: &Candidate| {
        let word = c.text(blocks);
        c.kind != EntityKind::Person && !word.contains([' ', '.', '-']) && gaz.is_given_name(word)
    };
    if !cands.iter().any(one_word_other) {
        return;
    }
    let first_names: rustc_hash::FxHashSet<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .filter_map(|c| c.text(blocks).split_once(' ').map(|(first, _)| first))
        .collect();
    for c in cands.iter_mut().filter(|c| one_word_other(c)) {
        let word = c.text(blocks);
        if first_names.contains(word) && is_free_word(word, gaz) {
            c.kind = EntityKind::Person;
        }
    }
}

/// "Louis B. Mayer", "Charles G. H. Koch", "Vann R. Newkirk II": a given name, one or two
/// initials and a surname-shaped word that heads no organisation, with an optional "Jr."
/// or "II". An organisation's name needs the given name listed ("Louis"); a misc one only
/// needs it shaped like one and known as nothing else, since no work, event or nationality
/// is written that way.
fn is_given_initials_surname(name: &str, kind: EntityKind, gaz: &Gazetteer) -> bool {
    let mut words: Vec<&str> = name.split(' ').collect();
    if words.len() > 3 && words.last().is_some_and(|w| is_name_suffix(w)) {
        words.pop();
    }
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let given = gaz.is_given_name(first)
        || kind == EntityKind::Misc && is_given_name_shape(first) && is_free_word(first, gaz);
    (3..=4).contains(&words.len())
        && words[1..words.len() - 1].iter().all(|w| is_initial(w))
        && given
        && is_surname_shape(last)
        && !gaz.is_org_head(last)
}

/// The surname that opens `rest` ("Greenberg said" -> "Greenberg"): its letters, hyphens
/// and apostrophes, when shaped like a surname and known to the lists as nothing else.
pub(crate) fn leading_surname<'a>(rest: &'a str, gaz: &Gazetteer) -> Option<&'a str> {
    let len = rest
        .find(|ch: char| !(ch.is_alphabetic() || matches!(ch, '-' | '\'' | '’')))
        .unwrap_or(rest.len());
    let word = &rest[..len];
    (is_surname_shape(word) && is_free_word(word, gaz)).then_some(word)
}

/// "Greenberg", "O'Neill", "McDonald", "Holtz-Eakin": a capital, a lowercase letter
/// somewhere, and only letters, hyphens and apostrophes.
pub(crate) fn is_surname_shape(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// "Jock", "Yevgeny", "Jean-Paul": a capital, then at least one lowercase letter, letters
/// (and a hyphen) only.
fn is_given_name_shape(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
}

/// A word the lists do not know as anything but a possible name.
pub(crate) fn is_free_word(word: &str, gaz: &Gazetteer) -> bool {
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
pub(crate) fn is_calendar_word(word: &str) -> bool {
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

    fn completed(text: &str, spans: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let mut cands = crate::candidate::at_first_occurrences(text, spans);
        complete_names_at_initials(&[text], Gazetteer::embedded(), &mut cands);
        cands
            .iter()
            .map(|c| (c.text(&[text]).to_string(), c.kind))
            .collect()
    }

    #[test]
    fn misc_names_shaped_given_initial_surname_are_people_with_their_suffix() {
        use EntityKind::*;
        // An unlisted given name is enough for a misc mention, not for an organisation.
        assert_eq!(
            completed(
                "said Vann R. Newkirk II, a writer.",
                &[("Vann R. Newkirk II", Misc)]
            ),
            [("Vann R. Newkirk II".to_string(), Person)]
        );
        assert_eq!(
            completed(
                "at Vann R. Newkirk Holdings.",
                &[("Vann R. Newkirk", Organization)]
            ),
            [("Vann R. Newkirk".to_string(), Organization)]
        );
        // A place or another listed name in front is no given name.
        assert_eq!(
            completed("in Chicago J. Smith Trust.", &[("Chicago J. Smith", Misc)]),
            [("Chicago J. Smith".to_string(), Misc)]
        );
        let text =
            "Harry Hurt III wrote it; John Smith Jr. agreed; Louis XIV ruled; Tom Hall IIIrd.";
        let mut cands = crate::candidate::at_first_occurrences(
            text,
            &[
                ("Harry Hurt", Person),
                ("John Smith", Person),
                ("Louis", Person),
                ("Tom Hall", Person),
            ],
        );
        let blocks = [text];
        add_generational_suffixes(&blocks, &mut cands);
        let got: Vec<&str> = cands.iter().map(|c| c.text(&blocks)).collect();
        assert_eq!(
            got,
            ["Harry Hurt III", "John Smith Jr.", "Louis", "Tom Hall"]
        );
    }

    #[test]
    fn given_names_alone_are_the_people_named_in_full() {
        use EntityKind::*;
        let text = "Bernie Sanders spoke. Bernie fans cheered. Jordan won. Jordan Spieth left.";
        let mut cands = crate::candidate::at_first_occurrences(
            text,
            &[
                ("Bernie Sanders", Person),
                ("Bernie", Misc),
                ("Jordan", Location),
                ("Jordan Spieth", Person),
            ],
        );
        // The second "Bernie" is the one-word candidate.
        cands[1] = crate::candidate::Candidate::new(0, 22, 28, Misc);
        let blocks = [text];
        given_names_of_people(&blocks, Gazetteer::embedded(), &mut cands);
        let kinds: Vec<(&str, EntityKind)> =
            cands.iter().map(|c| (c.text(&blocks), c.kind)).collect();
        // A country stays a place.
        assert_eq!(
            kinds,
            [
                ("Bernie Sanders", Person),
                ("Bernie", Person),
                ("Jordan", Location),
                ("Jordan Spieth", Person)
            ]
        );
    }

    #[test]
    fn names_cut_at_a_middle_initial_are_completed() {
        use EntityKind::*;
        let person = |n: &str| vec![(n.to_string(), Person)];
        assert_eq!(
            completed(
                "said Stanley B. Greenberg, a former aide.",
                &[("Stanley B.", Organization)]
            ),
            person("Stanley B. Greenberg")
        );
        assert_eq!(
            completed(
                "reported daily to Louis B. Mayer, and spied",
                &[("Louis B. Mayer", Organization)]
            ),
            person("Louis B. Mayer")
        );
        // Not a surname after it, another name, or a body's head: left alone.
        for (text, name, kind) in [
            ("led by Charles G. and David H. Koch", "Charles G.", Person),
            ("run by Ira C. (Chuck) Magaziner", "Ira C.", Organization),
            ("the John F. Center opened", "John F. Center", Organization),
        ] {
            assert_eq!(
                completed(text, &[(name, kind)]),
                vec![(name.to_string(), kind)],
                "{text}"
            );
        }
        let text = "run by Ira C. Magaziner today";
        let mut cands = crate::candidate::at_first_occurrences(
            text,
            &[("Ira C.", Organization), ("Magaziner", Person)],
        );
        complete_names_at_initials(&[text], Gazetteer::embedded(), &mut cands);
        assert_eq!(cands[0].text(&[text]), "Ira C.");
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
