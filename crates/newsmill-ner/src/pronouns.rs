//! The pronoun a sentence uses for a name after it: "Pipex said its customers ...",
//! "Nintendo has said its DS will ...". A one-word name the tagger typed person, that the
//! article refers back to with "its" and never with "he", "she", "his" or "her", is an
//! organisation (or a product, which is no person either). The tagger types unknown company
//! names from the words around them, and "X said" reads like a person.
//!
//! Only names with no other sign of a person: not a given name or a surname of the name
//! lists or of a known person, no title or "the" before any mention ("Mr Wanadoo", "the
//! Servicer"), and not the last
//! word of a fuller person's name in the article. Not an ordinary word either: a contract's
//! "Borrower ... its obligations" is a defined party, whose type the tagger keeps. "it" is not counted: "Smith said it was
//! a mistake" is about something else.

use std::collections::BTreeMap;

use newsmill_core::EntityKind;
use newsmill_tagger::{is_listed_person_name, Tagger};

use crate::candidate::Candidate;
use crate::fold::key;
use crate::gazetteer::Gazetteer;
use crate::words::prefix;

/// Bytes after a mention searched for the first pronoun (the rest of a long sentence).
const PRONOUN_WINDOW: usize = 240;

/// Words that cannot follow the subject of a clause directly.
const NOT_AFTER_A_SUBJECT: &[&str] = &[
    "to", "with", "of", "in", "for", "and", "or", "the", "a", "an", "by", "from", "on", "at", "as",
    "into", "than",
];

/// The first third-person pronoun in the rest of a mention's sentence: `Some(true)` for "its",
/// `Some(false)` for a personal one, `None` when the sentence has neither.
fn first_pronoun_is_its(after: &str) -> Option<bool> {
    // Right after the name, "its" makes the name an object ("made Kenzie its favourite"),
    // not the subject the pronoun refers back to.
    for (i, word) in after
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        // A preposition or conjunction next: the name is an object, and the pronoun
        // refers to the clause's subject ("flew to Davos to shore up its defences").
        if i == 0 && NOT_AFTER_A_SUBJECT.contains(&word) {
            return None;
        }
        match word {
            // Not "itself": a place has it too ("Davos itself is in deep frost").
            "its" | "Its" if i > 0 => return Some(true),
            "he" | "He" | "she" | "She" | "his" | "His" | "her" | "Her" | "him" | "himself"
            | "herself" => return Some(false),
            _ => {}
        }
    }
    None
}

/// The rest of the sentence after byte `end` of `text` (to the next ". ", "! ", "? ").
fn rest_of_sentence(text: &str, end: usize) -> &str {
    // Only [`PRONOUN_WINDOW`] bytes are searched, so a long block costs no more per name.
    let rest = prefix(text.get(end..).unwrap_or(""), PRONOUN_WINDOW);
    let stop = [". ", "! ", "? ", ".\n"]
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
        .unwrap_or(rest.len());
    &rest[..stop]
}

/// Whether the name could be a person's by the lists, or is an ordinary word: a contract's
/// defined party ("the Borrower ... its obligations") is a role, typed as the tagger did.
fn reads_as_person_or_word(name: &str, gaz: &Gazetteer) -> bool {
    Tagger::embedded().knows_lowercase_word(name)
        || gaz.is_given_name(name)
        || gaz.known_surname_count(name) > 0
        || gaz.is_known_person(name)
        || is_listed_person_name(name)
        || gaz.is_title(name)
}

/// Retypes as organisations the one-word people referred back to with "its" only.
pub fn type_organisations_by_pronoun(blocks: &[&str], cands: &mut [Candidate], gaz: &Gazetteer) {
    // key -> (its, personal) votes; None once the name shows a sign of a person.
    let mut votes: BTreeMap<String, Option<(u32, u32)>> = BTreeMap::new();
    for c in cands.iter() {
        if c.kind != EntityKind::Person {
            continue;
        }
        let name = c.text(blocks);
        if name.contains(' ') {
            // "Dan Parks": its words are a person's, whatever else the article says.
            for word in name.split(' ') {
                votes.insert(key(word), None);
            }
            continue;
        }
        let text = blocks.get(c.block).copied().unwrap_or("");
        let previous = text[..c.start].trim_end().rsplit([' ', '\n']).next();
        // A title ("Mr Zorbex"), or "the": a company's name goes without one, a role or a
        // contract's defined party with it ("the Servicer ... its duties").
        let titled = previous.is_some_and(|w| gaz.is_title(w) || w.eq_ignore_ascii_case("the"));
        let entry = votes.entry(key(name)).or_insert(Some((0, 0)));
        let Some((its, personal)) = entry else {
            continue;
        };
        if titled || reads_as_person_or_word(name, gaz) || !name.starts_with(char::is_uppercase) {
            *entry = None;
            continue;
        }
        match first_pronoun_is_its(rest_of_sentence(text, c.end)) {
            Some(true) => *its += 1,
            Some(false) => *personal += 1,
            None => {}
        }
    }
    let organisations: Vec<&String> = votes
        .iter()
        .filter(|(_, v)| matches!(v, Some((its, 0)) if *its > 0))
        .map(|(k, _)| k)
        .collect();
    if organisations.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if c.kind == EntityKind::Person && organisations.contains(&&key(c.text(blocks))) {
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
        type_organisations_by_pronoun(&[text], &mut cands, Gazetteer::embedded());
        cands.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn a_name_referred_to_with_its_is_an_organisation() {
        assert_eq!(
            kinds(
                "Pipex said its customers were safe. Later Pipex added more.",
                &[("Pipex", Person), ("Pipex", Person)]
            ),
            [Organization, Organization]
        );
    }

    #[test]
    fn people_and_mixed_pronouns_stay() {
        // A personal pronoun too.
        assert_eq!(
            kinds(
                "Zorbex said its plan worked. Zorbex said he was glad.",
                &[("Zorbex", Person), ("Zorbex", Person)]
            ),
            [Person, Person]
        );
        // A given name, a title, a fuller name in the article.
        assert_eq!(kinds("Claire said its", &[("Claire", Person)]), [Person]);
        assert_eq!(kinds("Mr Zorbex said its", &[("Zorbex", Person)]), [Person]);
        assert_eq!(
            kinds(
                "Anna Zorbex came. Zorbex said its",
                &[("Anna Zorbex", Person), ("Zorbex", Person)]
            ),
            [Person, Person]
        );
        assert_eq!(
            kinds(
                "the Servicer shall perform its duties",
                &[("Servicer", Person)]
            ),
            [Person]
        );
        assert_eq!(
            kinds("made Zorbex its favourite", &[("Zorbex", Person)]),
            [Person]
        );
        assert_eq!(
            kinds(
                "Gates flew to Zorbex to shore up its defences",
                &[("Zorbex", Person)]
            ),
            [Person]
        );
        // An ordinary word: a defined party of a contract.
        assert_eq!(
            kinds("the Borrower shall pay its debts", &[("Borrower", Person)]),
            [Person]
        );
        // "it" is not counted, and the pronoun must be in the same sentence.
        assert_eq!(
            kinds("Zorbex said it was. Its end", &[("Zorbex", Person)]),
            [Person]
        );
    }
}
