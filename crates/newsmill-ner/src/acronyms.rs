//! Acronyms an article defines: "Syrian Observatory for Human Rights (SOHR)", "the Islamic
//! State of Iraq and the Levant, known by the initials ISIS", "Free Syrian Army (FSA)",
//! and the initials test used to link an undefined acronym to a name in the article.

use crate::words::{is_capitalised, is_particle_name, joined, Word};

/// A definition: the long form and the acronym, as byte ranges in one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Definition {
    pub block: usize,
    pub long: (usize, usize),
    pub short: (usize, usize),
}

const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "del", "&", "to",
];

/// "SOHR", "ISIS", "U.N.": two to ten characters, at least two capitals, no lowercase first.
pub fn is_acronym(word: &str) -> bool {
    // One pass, leaving at the first sign of an ordinary word: the rules ask this of most
    // words they look at.
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let (mut chars, mut upper, mut lower) = (0usize, 0usize, 0usize);
    for c in word.chars() {
        if !(c.is_alphanumeric() || matches!(c, '.' | '&' | '-')) {
            return false;
        }
        chars += 1;
        if chars > 10 {
            return false;
        }
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    chars >= 2 && upper >= 2 && lower < upper
}

/// The letters an acronym spells, uppercased ("U.N." -> "UN").
pub fn acronym_letters(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The initials of a name: capitalised words (and capitalised parts of hyphenated words)
/// give their first letter; with `connectors`, lowercase connecting words do too.
pub fn initials(name: &str, connectors: bool) -> String {
    let mut out = String::new();
    for word in name.split_whitespace() {
        if CONNECTORS.contains(&word) {
            if connectors {
                out.extend(word.chars().next().into_iter().flat_map(char::to_uppercase));
            }
            continue;
        }
        for part in word.split('-') {
            if let Some(c) = part.chars().next().filter(|c| c.is_uppercase()) {
                out.push(c);
            }
        }
    }
    out
}

/// The first word of the capitalised phrase ending at word `last` ("Islamic State of Iraq
/// and the Levant"), leading connectors and "The" dropped.
fn phrase_start(text: &str, words: &[Word], last: usize) -> Option<usize> {
    if !is_capitalised(words[last].text(text)) {
        return None;
    }
    let mut first = last;
    while first > 0 && joined(&words[first - 1], &words[first]) {
        let prev = words[first - 1].text(text);
        if is_capitalised(prev) || is_particle_name(prev) || CONNECTORS.contains(&prev) {
            first -= 1;
        } else {
            break;
        }
    }
    while first < last {
        let w = words[first].text(text);
        if CONNECTORS.contains(&w) || w == "The" {
            first += 1;
        } else {
            break;
        }
    }
    Some(first)
}

/// The shortest phrase ending at `last`, starting at or after `first`, whose initials
/// spell `letters`.
fn matching_start(
    text: &str,
    words: &[Word],
    first: usize,
    last: usize,
    letters: &str,
) -> Option<usize> {
    (first..=last)
        .rev()
        .filter(|&i| is_capitalised(words[i].text(text)))
        .find(|&i| {
            let name = &text[words[i].start..words[last].end];
            initials(name, false) == letters || initials(name, true) == letters
        })
}

/// Cue words between a long form's comma and its acronym.
const CUES: &[&[&str]] = &[
    &["known", "by", "the", "initials"],
    &["known", "as"],
    &["also", "known", "as"],
    &["or"],
    &["abbreviated"],
    &["abbreviated", "as"],
];

/// Every acronym definition in one block.
pub fn definitions(block: usize, text: &str, words: &[Word]) -> Vec<Definition> {
    let mut out = Vec::new();
    for (j, word) in words.iter().enumerate() {
        let acronym = word.text(text);
        if !is_acronym(acronym) || j == 0 {
            continue;
        }
        let letters = acronym_letters(acronym);
        // "Free Syrian Army (FSA)"
        if word.lead == Some('(') && word.trail_char == Some(')') && !words[j - 1].trail {
            if let Some(first) = phrase_start(text, words, j - 1) {
                if let Some(start) = matching_start(text, words, first, j - 1, &letters) {
                    out.push(Definition {
                        block,
                        long: (words[start].start, words[j - 1].end),
                        short: (word.start, word.end),
                    });
                }
            }
            continue;
        }
        // "the Islamic State of Iraq and the Levant, known by the initials ISIS"
        for cue in CUES {
            let n = cue.len();
            if j < n + 1 {
                continue;
            }
            let cue_words = &words[j - n..j];
            let matches = cue_words
                .iter()
                .zip(cue.iter())
                .all(|(w, c)| w.text(text).eq_ignore_ascii_case(c))
                && cue_words.windows(2).all(|p| joined(&p[0], &p[1]))
                && joined(&words[j - 1], word);
            let last = j - n - 1;
            if !matches || words[last].trail_char != Some(',') {
                continue;
            }
            let Some(first) = phrase_start(text, words, last) else {
                continue;
            };
            let long = &text[words[first].start..words[last].end];
            // "or X" is too common to trust without the initials.
            let trusted = if cue == &["or"] {
                initials(long, false) == letters || initials(long, true) == letters
            } else {
                initials(long, false).len() >= 2
            };
            if trusted {
                out.push(Definition {
                    block,
                    long: (words[first].start, words[last].end),
                    short: (word.start, word.end),
                });
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    fn defs(text: &str) -> Vec<(&str, &str)> {
        let w = words(text, &|_| false);
        definitions(0, text, &w)
            .into_iter()
            .map(|d| (&text[d.long.0..d.long.1], &text[d.short.0..d.short.1]))
            .collect()
    }

    #[test]
    fn finds_parenthesised_and_cued_definitions() {
        assert_eq!(
            defs("the British-based Syrian Observatory for Human Rights (SOHR) described"),
            [("Syrian Observatory for Human Rights", "SOHR")]
        );
        assert_eq!(
            defs("forces of the Free Syrian Army (FSA), which"),
            [("Free Syrian Army", "FSA")]
        );
        assert_eq!(
            defs("The Islamic State of Iraq and the Levant, known by the initials ISIS, has"),
            [("Islamic State of Iraq and the Levant", "ISIS")]
        );
        assert_eq!(
            defs("the Agence France-Presse (AFP) said"),
            [("Agence France-Presse", "AFP")]
        );
        // Initials that do not match, and a bare "or", define nothing.
        assert!(defs("said Barack Obama (DNC) today").is_empty());
        assert!(defs("in Iraq, or USA").is_empty());
    }

    #[test]
    fn initials_skip_or_keep_connectors() {
        assert_eq!(
            initials("Syrian Observatory for Human Rights", false),
            "SOHR"
        );
        assert_eq!(
            initials("Islamic State of Iraq and the Levant", false),
            "ISIL"
        );
        assert_eq!(
            initials("Islamic State of Iraq and the Levant", true),
            "ISOIATL"
        );
        assert!(
            is_acronym("U.S.") && is_acronym("SOHR") && !is_acronym("Iraq") && !is_acronym("A")
        );
    }

    /// The one-pass test agrees with the definition it replaced, written out plainly.
    #[test]
    fn acronym_test_matches_its_definition() {
        let definition = |word: &str| {
            let upper = word.chars().filter(|c| c.is_uppercase()).count();
            let lower = word.chars().filter(|c| c.is_lowercase()).count();
            (2..=10).contains(&word.chars().count())
                && upper >= 2
                && lower < upper
                && word.starts_with(|c: char| c.is_uppercase())
                && word
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-'))
        };
        for word in [
            "U.S.",
            "SOHR",
            "Iraq",
            "A",
            "",
            "AT&T",
            "U.K.-based",
            "ABCDEFGHIJ",
            "ABCDEFGHIJK",
            "McDonald",
            "NYPD's",
            "iOS",
            "DEd",
            "DeD",
            "ÉU",
            "BBC2",
            "G7",
            "7G",
            "AbCd",
            "X-Men",
        ] {
            assert_eq!(is_acronym(word), definition(word), "{word:?}");
        }
    }
}
