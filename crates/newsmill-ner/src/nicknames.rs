//! A nickname in quotation marks inside a person's name: `Robert C. "Bobby" Scott`,
//! `Marion "Suge" Knight`, `John “Tig” Tiegen`. The tagger reads the quotation marks as
//! the end of a name and tags the given name, the nickname and the surname apart (three
//! people, two of them "Bobby" and "Scott"). One person is meant: the nickname is part of
//! the name as the article writes it, and the surname then links later mentions ("Scott
//! said") to the full name.

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::gazetteer::Gazetteer;
use crate::given_names::leading_surname;
use crate::words::{is_capitalised, is_initial};

/// Longest nickname in bytes: one or two short words ("Bobby", "Big Papi").
const MAX_NICKNAME: usize = 24;

/// Joins a given name (optionally with middle initials), a quoted nickname and a surname
/// into one person candidate; the candidates inside the joined span are dropped. The tagger
/// may have tagged any of the three parts, or only the nickname ("Rep. Robert C." is found
/// later, after its title): the given name must be a listed one or the part of the name a
/// person candidate starts with ("C.L." of `C.L. "Butch" Otter`), and the surname shaped like one and known as nothing else, so
/// `Americanised "Jimmy" Bond` and `Felt "Invisible" As` stay as they are. Linear in the
/// text: each quotation mark looks at the words right around it.
pub fn join_quoted_nicknames(blocks: &[&str], gaz: &Gazetteer, cands: &mut Vec<Candidate>) {
    let mut joined: Vec<Candidate> = Vec::new();
    for (block, text) in blocks.iter().enumerate() {
        for (quote, _) in text.match_indices(['"', '“']) {
            let Some(given_start) = given_name_start(text, quote) else {
                continue;
            };
            let Some(end) = nickname_and_surname_end(text, quote - 1, gaz) else {
                continue;
            };
            let given = text[given_start..].split(' ').next().unwrap_or("");
            let typed_person = cands.iter().any(|c| {
                c.kind == EntityKind::Person && c.block == block && c.start == given_start
            });
            if gaz.is_given_name(given) || typed_person && !gaz.is_title(given) {
                joined.push(Candidate::new(block, given_start, end, EntityKind::Person));
            }
        }
    }
    if joined.is_empty() {
        return;
    }
    cands.retain(|c| !joined.iter().any(|j| j.overlaps(c.block, c.start, c.end)));
    cands.extend(joined);
}

/// Before an opening quotation mark at `quote`: "Robert C. " or "Marion " -> the start of
/// the given name (a capitalised word that is no initial, or joined initials as "C.L.",
/// then at most two initials, each word after one space).
fn given_name_start(text: &str, quote: usize) -> Option<usize> {
    let mut end = quote.checked_sub(1)?;
    if text.as_bytes()[end] != b' ' {
        return None;
    }
    for _ in 0..3 {
        let word_start = text[..end].rfind(' ').map_or(0, |at| at + 1);
        let word = &text[word_start..end];
        if is_initial(word) {
            end = word_start.checked_sub(1)?;
            continue;
        }
        let opens_a_word = text[..word_start]
            .chars()
            .next_back()
            .is_none_or(|ch| !ch.is_alphanumeric());
        let given = is_capitalised(word)
            && word
                .chars()
                .all(|ch| ch.is_alphabetic() || matches!(ch, '-' | '\'' | '.'));
        return (given && opens_a_word).then_some(word_start);
    }
    None
}

/// After a name ending at `at`: ` "Nick" Surname` -> the end of the surname.
fn nickname_and_surname_end(text: &str, at: usize, gaz: &Gazetteer) -> Option<usize> {
    let rest = text.get(at..)?.strip_prefix(' ')?;
    let (open, close) = match rest.chars().next()? {
        '"' => ('"', '"'),
        '“' => ('“', '”'),
        _ => return None,
    };
    let inner = &rest[open.len_utf8()..];
    // The closing mark is looked for within a nickname's length only: a block with many
    // opening marks and no closing one must not be searched to its end from each.
    let len = inner
        .char_indices()
        .take_while(|&(at, _)| at <= MAX_NICKNAME)
        .find(|&(_, ch)| ch == close)
        .map(|(at, _)| at)
        .filter(|&n| n > 0)?;
    let nickname = &inner[..len];
    let words: Vec<&str> = nickname.split(' ').collect();
    let nickname_shaped = words.len() <= 2
        && words.iter().all(|w| {
            is_capitalised(w)
                && w.chars()
                    .all(|ch| ch.is_alphabetic() || matches!(ch, '-' | '.' | '\''))
        });
    if !nickname_shaped {
        return None;
    }
    let after = inner[len + close.len_utf8()..].strip_prefix(' ')?;
    let surname = leading_surname(after, gaz)?;
    Some(text.len() - after.len() + surname.len())
}

/// The other ways an article writes a name with a quoted nickname, for linking:
/// `Robert C. "Bobby" Scott` -> "Bobby Scott" and "Robert C. Scott". Empty for any other
/// name.
pub fn forms_without_quotes(name: &str) -> Vec<String> {
    let Some(open) = name.find(['"', '“']) else {
        return Vec::new();
    };
    let quote_len = name[open..].chars().next().map_or(1, char::len_utf8);
    let inner = &name[open + quote_len..];
    let Some(close) = inner.find(['"', '”']) else {
        return Vec::new();
    };
    let nickname = &inner[..close];
    let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
    let (given, surname) = (
        name[..open].trim_end(),
        inner[close + close_len..].trim_start(),
    );
    if given.is_empty() || nickname.is_empty() || surname.is_empty() {
        return Vec::new();
    }
    vec![
        format!("{nickname} {surname}"),
        format!("{given} {surname}"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::{at_successive_occurrences, named as s, texts_and_kinds};
    use EntityKind::*;

    fn joined(text: &str, spans: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let mut cands = at_successive_occurrences(text, spans);
        join_quoted_nicknames(&[text], Gazetteer::embedded(), &mut cands);
        texts_and_kinds(text, &mut cands)
    }

    #[test]
    fn a_quoted_nickname_inside_a_name_makes_one_person() {
        let text = r#"Rep. Robert C. "Bobby" Scott of Virginia said so."#;
        assert_eq!(
            joined(
                text,
                &[
                    ("Robert C.", Person),
                    ("Bobby", Person),
                    ("Scott", Person),
                    ("Virginia", Location)
                ]
            ),
            [
                s(r#"Robert C. "Bobby" Scott"#, Person),
                s("Virginia", Location)
            ]
        );
        // Only the nickname and the surname tagged (the title's person is found later).
        let text = r#"Rep. Robert C. "Bobby" Scott threw open his home."#;
        assert_eq!(
            joined(text, &[("Bobby", Person), ("Scott", Person)]),
            [s(r#"Robert C. "Bobby" Scott"#, Person)]
        );
        // Joined initials typed person.
        let text = r#"Gov. C.L. "Butch" Otter"#;
        assert_eq!(
            joined(text, &[("C.L.", Person), ("Otter", Person)]),
            [s(r#"C.L. "Butch" Otter"#, Person)]
        );
        // Curly quotation marks, the given name typed otherwise but listed, the surname
        // not tagged at all.
        let text = "Marion “Suge” Knight was arrested.";
        assert_eq!(
            joined(text, &[("Marion", Location)]),
            [s("Marion “Suge” Knight", Person)]
        );
    }

    #[test]
    fn a_nickname_name_is_also_written_without_the_quotation() {
        assert_eq!(
            forms_without_quotes(r#"Robert C. "Bobby" Scott"#),
            ["Bobby Scott", "Robert C. Scott"]
        );
        assert_eq!(
            forms_without_quotes("Marion “Suge” Knight"),
            ["Suge Knight", "Marion Knight"]
        );
        assert!(forms_without_quotes("Marion Knight").is_empty());
        assert!(forms_without_quotes(r#""Suge" Knight"#).is_empty());
    }

    #[test]
    fn quoted_words_that_are_no_nickname_stay_apart() {
        // Not a given name before the quotation.
        let text = r#"the Americanised "Jimmy" Bond"#;
        assert_eq!(
            joined(text, &[("Americanised", Misc), ("Jimmy", Person)]).len(),
            2
        );
        // A quoted title or phrase, not a nickname.
        let text = r#"John Smith "was in the room" Monday"#;
        assert_eq!(joined(text, &[("John Smith", Person)]).len(), 1);
        let text = r#"Mary "the Great" Smith"#;
        assert_eq!(
            joined(text, &[("Mary", Person)]),
            [s("Mary", Person)],
            "a lowercase word inside"
        );
        // A title is no given name.
        let text = r#"Sen. "Big" Smith"#;
        assert_eq!(joined(text, &[("Sen.", Person)]), [s("Sen.", Person)]);
        // A surname that is a place or a calendar word.
        let text = r#"Tom "The Bomb" Monday"#;
        assert_eq!(joined(text, &[("Tom", Person)]), [s("Tom", Person)]);
        // Nothing to join at the end of the text.
        let text = r#"Tom "Bomb""#;
        assert_eq!(joined(text, &[("Tom", Person)]), [s("Tom", Person)]);
    }
}
