//! Names that read as teams. Those on either side of a match score or a fixture's "v" are
//! teams, and teams are
//! organisations (CoNLL-2003 convention): "Newcastle 2-1 Bolton", "London Irish 19-33
//! Wasps", "Chelsea v Arsenal". The tagger types a club named after its town a place, and a
//! one-word club ("Wasps", "Bolton") often a person, from the sentence alone; the score
//! line says what they are, and the article names the same clubs again.
//!
//! Not for countries and world regions: national teams keep the place type ("England 2-1
//! France"), as the convention has it. And a line between two people ("Hendry 5-3
//! O'Sullivan", a snooker or darts result) is no fixture: one side must already be an
//! organisation or a known town.
//!
//! A one-word "person" with a plural verb is one too ("Chelsea have yet to confirm"):
//! British news gives teams and companies plural verbs, and one person never takes one.

use std::collections::BTreeSet;

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::fold::key;
use crate::gazetteer::Gazetteer;

/// Whether the text between two names is a score ("2-1", "19–33") or a fixture's "v".
fn is_score_or_versus(between: &str) -> bool {
    let Some(inner) = between.strip_prefix(' ').and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    if matches!(inner, "v" | "vs" | "vs.") {
        return true;
    }
    let Some((home, away)) = inner.split_once(['-', '–']) else {
        return false;
    };
    let goals = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    goals(home) && goals(away)
}

/// A place the lists know that is no country or world region and no common word: a town a
/// club may be named after.
fn is_town(name: &str, gaz: &Gazetteer) -> bool {
    gaz.place(name).is_some_and(|p| !p.broad && !p.weak)
}

/// Whether a side of a fixture may be a club: an organisation, a town (not a country or
/// world region), or a one-word person or misc name the lists do not know as a person,
/// given name first or nationality ("Wasps", "London Irish"; not "Roger Federer").
fn may_be_team(name: &str, kind: EntityKind, gaz: &Gazetteer) -> bool {
    use EntityKind::*;
    if gaz.place(name).is_some_and(|p| p.broad) || gaz.is_demonym(name) {
        return false;
    }
    match kind {
        Organization | Location => true,
        Person | Misc => {
            let first = name.split(' ').next().unwrap_or(name);
            // A misc name opening with a town is a club's ("London Irish"), though the town
            // is also a given name.
            let town_first = kind == Misc && is_town(first, gaz);
            !gaz.is_known_person(name)
                && (!name.contains(' ') || !gaz.is_given_name(first) || town_first)
        }
    }
}

/// Whether a side already reads as a club: typed organisation, or a town the lists know.
fn reads_as_club(name: &str, kind: EntityKind, gaz: &Gazetteer) -> bool {
    // Or a town then more words, as clubs are named ("London Irish", typed misc).
    let town_first = name
        .split_once(' ')
        .is_some_and(|(first, _)| is_town(first, gaz));
    kind == EntityKind::Organization || is_town(name, gaz) || town_first
}

/// Retypes as organisations every mention of the names on either side of a score or a
/// fixture's "v" in the article.
pub fn type_teams_by_fixture(blocks: &[&str], cands: &mut [Candidate], gaz: &Gazetteer) {
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| (cands[i].block, cands[i].start));
    let mut teams: BTreeSet<String> = BTreeSet::new();
    for pair in order.windows(2) {
        let (a, b) = (cands[pair[0]], cands[pair[1]]);
        if a.block != b.block || a.end > b.start {
            continue;
        }
        let text = blocks.get(a.block).copied().unwrap_or("");
        if !text.get(a.end..b.start).is_some_and(is_score_or_versus) {
            continue;
        }
        let (home, away) = (a.text(blocks), b.text(blocks));
        let sides_may_be_teams = may_be_team(home, a.kind, gaz) && may_be_team(away, b.kind, gaz);
        let one_reads_as_club =
            reads_as_club(home, a.kind, gaz) || reads_as_club(away, b.kind, gaz);
        if sides_may_be_teams && one_reads_as_club {
            teams.insert(key(home));
            teams.insert(key(away));
        }
    }
    if teams.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if c.kind != EntityKind::Organization && teams.contains(&key(c.text(blocks))) {
            c.kind = EntityKind::Organization;
        }
    }
}

/// Words after which a name opens a clause as its subject ("but Chelsea have", "leaders
/// Chelsea were", "engineering group Jarvis have"). Elsewhere the name is an object or
/// one of several subjects ("let daughter Ivanka have", "she and sister Venus are", "the
/// people of Engerwitzdorf are", "Lord Dubs were"), and the verb says nothing of it.
const SUBJECT_OPENERS: &[&str] = &[
    "after",
    "although",
    "as",
    "band",
    "because",
    "before",
    "believe",
    "but",
    "champions",
    "club",
    "company",
    "duo",
    "firm",
    "group",
    "hosts",
    "if",
    "leaders",
    "now",
    "outfit",
    "quartet",
    "rivals",
    "said",
    "says",
    "side",
    "since",
    "so",
    "team",
    "that",
    "then",
    "think",
    "though",
    "trio",
    "visitors",
    "way",
    "when",
    "where",
    "while",
    "yet",
];

/// Whether a plural verb follows the name as its subject: "Chelsea have yet to", "Wasps
/// were". British news writes teams and companies with plural verbs; one person never
/// takes one.
fn takes_plural_verb(before: &str, after: &str) -> bool {
    let verb = after
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.']).next());
    if !matches!(verb, Some("have" | "are" | "were")) {
        return false;
    }
    let previous = before.trim_end_matches(' ');
    let opens_sentence = previous.is_empty()
        || previous.ends_with(['.', '!', '?', ':', ';', '"', '“', '”', '(', '\n', '-', '—']);
    let word = previous
        .rsplit([' ', '\n'])
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    opens_sentence || SUBJECT_OPENERS.contains(&word.to_lowercase().as_str())
}

/// Retypes as organisations the one-word people that take a plural verb ("Chelsea have
/// yet to confirm", "Wasps were"), with every mention of them in the article. Not a name
/// the lists know as a person or a surname, and not one the article also names in full
/// ("Ian Wright ... Wright have" is a misprint, not a team).
pub fn type_teams_by_plural_verb(blocks: &[&str], cands: &mut [Candidate], gaz: &Gazetteer) {
    let surnames: BTreeSet<String> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .filter_map(|c| c.text(blocks).rsplit_once(' ').map(|(_, last)| key(last)))
        .collect();
    let mut teams: BTreeSet<String> = BTreeSet::new();
    for c in cands.iter() {
        let name = c.text(blocks);
        if c.kind != EntityKind::Person
            || name.contains(' ')
            || !name.starts_with(char::is_uppercase)
        {
            continue;
        }
        let text = blocks.get(c.block).copied().unwrap_or("");
        let (before, after) = (&text[..c.start], &text[c.end..]);
        if takes_plural_verb(before, after)
            && !gaz.is_known_person(name)
            && gaz.known_surname_count(name) == 0
            && !surnames.contains(&key(name))
        {
            teams.insert(key(name));
        }
    }
    if teams.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if c.kind == EntityKind::Person && teams.contains(&key(c.text(blocks))) {
            c.kind = EntityKind::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn kinds(text: &str, spans: &[(&str, EntityKind)]) -> Vec<EntityKind> {
        let mut cands = crate::candidate::at_successive_occurrences(text, spans);
        type_teams_by_fixture(&[text], &mut cands, Gazetteer::embedded());
        cands.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn both_sides_of_a_score_and_their_other_mentions_are_clubs() {
        assert_eq!(
            kinds(
                "Newcastle 2-1 Bolton. Dyer ended Bolton's run at Newcastle",
                &[
                    ("Newcastle", Location),
                    ("Bolton", Person),
                    ("Dyer", Person),
                    ("Bolton", Person),
                    ("Newcastle", Location)
                ]
            ),
            [
                Organization,
                Organization,
                Person,
                Organization,
                Organization
            ]
        );
        assert_eq!(
            kinds(
                "London Irish 19-33 Wasps",
                &[("London Irish", Organization), ("Wasps", Person)]
            ),
            [Organization, Organization]
        );
        assert_eq!(
            kinds(
                "London Irish 19-33 Wasps",
                &[("London Irish", Misc), ("Wasps", Person)]
            ),
            [Organization, Organization]
        );
        assert_eq!(
            kinds(
                "Chelsea v Leeds on Sunday",
                &[("Chelsea", Person), ("Leeds", Location)]
            ),
            [Organization, Organization]
        );
    }

    fn plural_kinds(text: &str, spans: &[(&str, EntityKind)]) -> Vec<EntityKind> {
        let mut cands = crate::candidate::at_successive_occurrences(text, spans);
        type_teams_by_plural_verb(&[text], &mut cands, Gazetteer::embedded());
        cands.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn a_one_word_person_with_a_plural_verb_is_a_team() {
        assert_eq!(
            plural_kinds(
                "Chelsea have yet to confirm. Mourinho said Chelsea would",
                &[
                    ("Chelsea", Person),
                    ("Mourinho", Person),
                    ("Chelsea", Person)
                ]
            ),
            [Organization, Person, Organization]
        );
        assert_eq!(
            plural_kinds(
                "Shares in engineering group Jarvis have soared",
                &[("Jarvis", Person)]
            ),
            [Organization]
        );
        assert_eq!(
            plural_kinds("\"Now Defra have also invented", &[("Defra", Person)]),
            [Organization]
        );
        assert_eq!(
            plural_kinds(
                "Swedish pop quartet Abba have reunited",
                &[("Abba", Person)]
            ),
            [Organization]
        );
        // Coordinated, an object, after a title, a surname of someone named in full, a
        // singular verb.
        assert_eq!(
            plural_kinds("she and sister Venus are", &[("Venus", Person)]),
            [Person]
        );
        assert_eq!(
            plural_kinds("let daughter Ivanka have a whirl", &[("Ivanka", Person)]),
            [Person]
        );
        assert_eq!(
            plural_kinds(
                "the people of Engerwitzdorf are",
                &[("Engerwitzdorf", Person)]
            ),
            [Person]
        );
        assert_eq!(
            plural_kinds(
                "Labour peer Lord Haskins are warning",
                &[("Haskins", Person)]
            ),
            [Person]
        );
        assert_eq!(
            plural_kinds(
                "Pepsi and Shirlie are singers",
                &[("Pepsi", Person), ("Shirlie", Person)]
            ),
            [Person, Person]
        );
        assert_eq!(
            plural_kinds("Does Gizmo have a chance", &[("Gizmo", Person)]),
            [Person]
        );
        assert_eq!(
            plural_kinds(
                "Alan Quibbler said. Quibbler have",
                &[("Alan Quibbler", Person), ("Quibbler", Person)]
            ),
            [Person, Person]
        );
        assert_eq!(
            plural_kinds("Gizmo has yet to", &[("Gizmo", Person)]),
            [Person]
        );
    }

    #[test]
    fn national_sides_people_and_other_numbers_stay() {
        // Countries keep the place type.
        assert_eq!(
            kinds(
                "England 2-1 France",
                &[("England", Location), ("France", Location)]
            ),
            [Location, Location]
        );
        // Two people: a snooker result.
        assert_eq!(
            kinds(
                "Hendry 5-3 Higgins",
                &[("Hendry", Person), ("Higgins", Person)]
            ),
            [Person, Person]
        );
        assert_eq!(
            kinds(
                "Leeds 2-1 Roger Federer",
                &[("Leeds", Location), ("Roger Federer", Person)]
            ),
            [Location, Person]
        );
        // A year range or a ratio of words is no score.
        assert_eq!(
            kinds(
                "Leeds 1939-1945 Bolton",
                &[("Leeds", Location), ("Bolton", Person)]
            ),
            [Location, Person]
        );
        assert_eq!(
            kinds(
                "Leeds and Bolton",
                &[("Leeds", Location), ("Bolton", Person)]
            ),
            [Location, Person]
        );
    }
}
