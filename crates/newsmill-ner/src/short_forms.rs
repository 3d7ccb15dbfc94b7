//! Companies and outlets named by their first word once the article has given the full
//! name: "Evercore Partners" then "Evercore", "Fox Networks Group" then "at Fox",
//! "Valeant Pharmaceuticals International" then "Valeant". The tagger often types the
//! short form a place or misc ("on Fox", "Valeant's shares"); when the full name ends in a
//! company word and the short one is nothing else the lists know, it is that company.

use rustc_hash::FxHashSet as HashSet;

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::fold::key;
use crate::gazetteer::{is_designator, Gazetteer};
use crate::words::is_adjective_shaped;

/// Last words of a company's full name that its short form leaves off, beside the
/// designators ("Group", "Inc", "Holdings"...). Not "Party": "Liberal", "Democrat" alone
/// are the adjectives of a member (misc).
const COMPANY_WORDS: &[&str] = &[
    "partners",
    "pharmaceuticals",
    "international",
    "networks",
    "communications",
    "technologies",
    "industries",
    "enterprises",
    "entertainment",
    "airlines",
    "motors",
    "capital",
    // Outlets: "Fox News" then "on Fox", "Breitbart News" then "Breitbart".
    "news",
    "broadcasting",
];

/// The key of a company name's first word: "Evercore" of "Evercore Partners", "Fox" of
/// "Fox Networks Group"; `None` for other organisations ("Washington University").
fn company_first_word(name: &str) -> Option<String> {
    let (first, rest) = name.split_once(' ')?;
    let last = rest.rsplit(' ').next().unwrap_or(rest);
    let last = key(last);
    let last = last.trim_end_matches('.');
    let company = COMPANY_WORDS.contains(&last) || (is_designator(last) && last != "party");
    company.then(|| key(first))
}

/// Retypes one-word location and misc mentions that are the first word of a company
/// named in full (ending in Partners, Group, Inc, ...) in the same article. Never a word that is a
/// place, a nationality or other misc name, a known organisation of its own, a given name
/// or the surname of a known person ("Washington" of "Washington Post", "European" of
/// "European Union", "Muhammad" of "Muhammad Ali Center" stay). Linear in the mentions.
pub fn type_short_forms(blocks: &[&str], gaz: &Gazetteer, cands: &mut [Candidate]) {
    let first_words: HashSet<String> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Organization)
        .filter_map(|c| company_first_word(c.text(blocks)))
        .collect();
    if first_words.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if !matches!(c.kind, EntityKind::Location | EntityKind::Misc) {
            continue;
        }
        let name = c.text(blocks);
        if name.contains(' ')
            || !first_words.contains(&key(name))
            || !is_free_name(name, c.kind, gaz)
        {
            continue;
        }
        c.kind = EntityKind::Organization;
    }
}

/// A word the lists give no other meaning, written as a name (a capital and at least one
/// lowercase letter: "Fox", "Evercore"; not "US" or "THE"). A small town of the name or,
/// for a mention typed place, a given name or famous surname does not count: "Fox" is a
/// hamlet, a given name and Vicente Fox's surname, and "on Fox" after "Fox News" is the
/// channel.
fn is_free_name(name: &str, kind: EntityKind, gaz: &Gazetteer) -> bool {
    name.starts_with(char::is_uppercase)
        && name.chars().any(char::is_lowercase)
        && !gaz.is_known_place(name)
        && !gaz.is_demonym(name)
        && !gaz.is_misc(name)
        && !gaz.is_direction(name)
        && (kind == EntityKind::Location
            || (!gaz.is_given_name(name) && gaz.known_surname_count(name) == 0))
        && !gaz.is_title(name)
        && !is_adjective_shaped(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn kinds(text: &str, spans: &[(&str, EntityKind)]) -> Vec<EntityKind> {
        let mut cands = crate::candidate::at_successive_occurrences(text, spans);
        type_short_forms(&[text], Gazetteer::embedded(), &mut cands);
        cands.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn first_word_of_an_organisation_is_its_short_name() {
        assert_eq!(
            kinds(
                "Evercore Partners advised. Evercore said",
                &[("Evercore Partners", Organization), ("Evercore", Location)]
            ),
            [Organization, Organization]
        );
        // Only a company's full name gives its first word away: "Ithaca College" or
        // "Spartanburg Marriott" do not make the towns companies.
        assert_eq!(
            kinds(
                "Ithaca College students in Ithaca",
                &[("Ithaca College", Organization), ("Ithaca", Location)]
            ),
            [Organization, Location]
        );
        // An outlet's first word, though a hamlet and a famous surname ("Fox").
        assert_eq!(
            kinds(
                "Fox News reported it. Later, on Fox, he said",
                &[("Fox News", Organization), ("Fox", Location)]
            ),
            [Organization, Organization]
        );
        // Without the full name in the article the tagger's type stays.
        assert_eq!(
            kinds("Evercore said", &[("Evercore", Location)]),
            [Location]
        );
    }

    #[test]
    fn places_nationalities_and_names_stay() {
        assert_eq!(
            kinds(
                "the Washington Post in Washington",
                &[("Washington Post", Organization), ("Washington", Location)]
            ),
            [Organization, Location]
        );
        assert_eq!(
            kinds(
                "the European Union and European leaders",
                &[("European Union", Organization), ("European", Misc)]
            ),
            [Organization, Misc]
        );
        assert_eq!(
            kinds(
                "Islamist Muslim Brotherhood and Islamist groups",
                &[
                    ("Islamist Muslim Brotherhood", Organization),
                    ("Islamist", Misc)
                ]
            ),
            [Organization, Misc]
        );
    }
}
