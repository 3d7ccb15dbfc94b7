//! People the tagger typed as places or organisations because their given name is also a
//! place or a word: "Carolina Kluft", "Virginia Madsen", "Chad Day", "Brent Bozell". When
//! the article also refers to the person by the surname alone, typed person ("Kluft
//! won"), the full name is that person: one name, one type per article.

use rustc_hash::FxHashSet as HashSet;

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::fold::key;
use crate::gazetteer::Gazetteer;

/// Words that end place and building names, whatever comes before ("Jefferson County",
/// "Weston Park", "Beverly Hills").
const PLACE_TAILS: &[&str] = &[
    "county", "parish", "park", "hills", "heights", "valley", "beach", "springs", "city", "island",
    "islands", "lake", "river", "street", "road", "avenue", "square", "hall", "house", "center",
    "centre", "stadium", "arena", "tower", "bridge", "airport", "station",
];

/// Words that open place names and are also given names in the lists ("San Andreas",
/// "Santa Monica", "St Louis", "Fort Worth").
const PLACE_OPENERS: &[&str] = &[
    "san", "santa", "saint", "st", "fort", "port", "mount", "cape",
];

/// Retypes a two- or three-word location or organisation to person when its first word is
/// a given name, its last word is a one-word person mention elsewhere in the article, and
/// the whole is no place, known organisation or organisation-shaped name ("Griffin Park",
/// "Morgan Stanley" stay). Linear in the mentions.
pub fn type_people_by_surname(blocks: &[&str], gaz: &Gazetteer, cands: &mut [Candidate]) {
    let surnames: HashSet<String> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .map(|c| c.text(blocks))
        .filter(|name| !name.contains(' '))
        .map(key)
        .collect();
    if surnames.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if !matches!(
            c.kind,
            EntityKind::Location | EntityKind::Organization | EntityKind::Misc
        ) {
            continue;
        }
        let name = c.text(blocks);
        let words: Vec<&str> = name.split(' ').collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        let shaped = (2..=3).contains(&words.len())
            && gaz.is_given_name(first)
            && !PLACE_OPENERS.contains(&key(first).trim_end_matches('.'))
            && !PLACE_TAILS.contains(&key(last).as_str())
            && surnames.contains(&key(last))
            && !gaz.is_any_place(name)
            && !gaz.is_known_org(name)
            && !gaz.looks_like_org(name);
        // "Ban Ki-moon", "Moon Jae-in": a family name first, then a hyphenated given name
        // in lowercase after the hyphen, with the family name a person alone elsewhere.
        let family_name_first = (2..=3).contains(&words.len())
            && is_hyphenated_given_name(last)
            && surnames.contains(&key(first));
        if shaped || family_name_first {
            c.kind = EntityKind::Person;
        }
    }
}

/// "Ki-moon", "Jae-in", "Jong-un": a capitalised syllable, a hyphen, a lowercase one, as
/// romanised Korean given names are written.
fn is_hyphenated_given_name(word: &str) -> bool {
    let Some((head, tail)) = word.split_once('-') else {
        return false;
    };
    let mut head_chars = head.chars();
    head_chars.next().is_some_and(char::is_uppercase)
        && head.len() >= 2
        && head_chars.all(char::is_lowercase)
        && !tail.is_empty()
        && tail.chars().all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn kinds(text: &str, spans: &[(&str, EntityKind)]) -> Vec<EntityKind> {
        let mut cands = crate::candidate::at_first_occurrences(text, spans);
        type_people_by_surname(&[text], Gazetteer::embedded(), &mut cands);
        cands.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn a_full_name_whose_surname_speaks_alone_is_a_person() {
        assert_eq!(
            kinds(
                "Carolina Kluft won the heptathlon. Kluft said she was tired.",
                &[("Carolina Kluft", Location), ("Kluft", Person)]
            ),
            [Person, Person]
        );
        // Without the surname alone, or for an organisation's shape, the type stays.
        assert_eq!(
            kinds("Carolina Kluft won.", &[("Carolina Kluft", Location)]),
            [Location]
        );
        // A misc type too: "German" is a nationality, and a given name.
        assert_eq!(
            kinds(
                "Economy minister German Gref agreed. Gref said",
                &[("German Gref", Misc), ("Gref", Person)]
            ),
            [Person, Person]
        );
        assert_eq!(
            kinds(
                "Jefferson County voted. Jefferson said",
                &[("Jefferson County", Location), ("Jefferson", Person)]
            ),
            [Location, Person]
        );
        assert_eq!(
            kinds(
                "Morgan Stanley Bank cut jobs. Stanley said",
                &[("Morgan Stanley Bank", Organization), ("Stanley", Person)]
            ),
            [Organization, Person]
        );
    }

    #[test]
    fn a_family_name_first_before_a_hyphenated_given_name_is_a_person() {
        assert_eq!(
            kinds(
                "Ban Ki-moon sat down. Ban said the deal holds.",
                &[("Ban Ki-moon", Misc), ("Ban", Person)]
            ),
            [Person, Person]
        );
        // Not without the family name alone, nor for a hyphenated place.
        assert_eq!(
            kinds("Ban Ki-moon sat down.", &[("Ban Ki-moon", Misc)]),
            [Misc]
        );
        assert_eq!(
            kinds(
                "Stratford-upon-Avon voted. Stratford said",
                &[("Stratford-upon-Avon", Location), ("Stratford", Person)]
            ),
            [Location, Person]
        );
    }
}
