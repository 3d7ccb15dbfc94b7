//! One-word "people" that are common words: "Dollar", "Election", "Workers" typed person
//! at the start of a sentence or in a headline. The article itself tells: it writes the
//! word in lowercase elsewhere ("the dollar fell"), which no one writes a name as.

use rustc_hash::FxHashSet as HashSet;

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::gazetteer::Gazetteer;
use crate::words::lowercase_words;

/// Drops one-word person candidates whose word the article also writes in lowercase,
/// unless the word is a given name, a known person's surname, or the first or last word of
/// a person the article names in full ("Brown" beside "Gordon Brown", "Bill" beside "Bill
/// Clinton"; the linker joins those).
/// Linear in the text: the article's lowercase words are collected once.
pub fn drop_common_words(blocks: &[&str], gaz: &Gazetteer, cands: &mut Vec<Candidate>) {
    let one_word_person = |c: &Candidate| {
        c.kind == EntityKind::Person && !c.text(blocks).contains([' ', '-', '.', '\''])
    };
    if !cands.iter().any(one_word_person) {
        return;
    }
    let lowercase_words = lowercase_words(blocks);
    // First and last words of the people the article names in full: the linker joins
    // "Bill" and "Brown" to "Bill Clinton" and "Gordon Brown".
    let name_parts: HashSet<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .filter_map(|c| {
            let name = c.text(blocks);
            name.split_once(' ')
                .map(|(first, rest)| [first, rest.rsplit(' ').next().unwrap_or(rest)])
        })
        .flatten()
        .collect();
    cands.retain(|c| {
        if !one_word_person(c) {
            return true;
        }
        let word = c.text(blocks);
        let mut chars = word.chars();
        // "NATO", "Eminem" written in capitals or with a capital only first: only a
        // capital then lowercase letters is a word that may be sentence-initial.
        let sentence_case = chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && word.chars().count() >= 3;
        let protected = gaz.is_given_name(word)
            || gaz.known_surname_count(word) > 0
            || gaz.is_known_person(word)
            || name_parts.contains(word);
        !(sentence_case && !protected && lowercase_words.contains(word.to_lowercase().as_str()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str, spans: &[(&str, EntityKind)]) -> Vec<String> {
        let mut cands = crate::candidate::at_first_occurrences(text, spans);
        drop_common_words(&[text], Gazetteer::embedded(), &mut cands);
        cands.iter().map(|c| c.text(&[text]).to_string()).collect()
    }

    #[test]
    fn a_word_the_article_writes_in_lowercase_is_no_person() {
        use EntityKind::*;
        assert_eq!(
            kept(
                "Dollar falls. The dollar fell against the euro, said Tom Hill.",
                &[("Dollar", Person), ("Tom Hill", Person)]
            ),
            ["Tom Hill"]
        );
        // Names the article never writes in lowercase, given names, a surname of a person
        // named in full, and other types stay.
        assert_eq!(
            kept(
                "Election nears. The election was close.",
                &[("Election", Person)]
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            kept("Keane scored. The keen fans", &[("Keane", Person)]),
            ["Keane"]
        );
        assert_eq!(
            kept(
                "Gordon Brown spoke. Brown wore brown.",
                &[("Gordon Brown", Person), ("Brown", Person)]
            ),
            ["Gordon Brown", "Brown"]
        );
        assert_eq!(
            kept(
                "Bill Clinton spoke. Bill said the bill would pass.",
                &[("Bill Clinton", Person), ("Bill", Person)]
            ),
            ["Bill Clinton", "Bill"]
        );
        assert_eq!(
            kept("Election day. The election was", &[("Election", Misc)]),
            ["Election"]
        );
    }
}
