//! Deciding what a hyphen at the end of a line is: a word broken by the typesetter
//! ("inter-" / "national") or a real hyphen that happens to fall there ("al-" / "Maliki",
//! "self-" / "reliant", "F-" / "16").

use std::collections::HashSet;

/// First parts that are (almost) always followed by a real hyphen. Deliberately short:
/// prefixes like "pre", "ex", "non" or "al" are also plain syllables ("pre-vious",
/// "ex-ample", "al-lowed"), so they are left to the article's own vocabulary.
const HYPHEN_PREFIXES: &[&str] = &["self", "all", "well", "half", "cross", "quasi", "vice"];

/// Second parts that form hyphenated compounds and are not word endings a typesetter
/// would break off ("US-backed", "Iran-based", "state-owned").
const COMPOUND_SECONDS: &[&str] = &[
    "based",
    "backed",
    "owned",
    "style",
    "minded",
    "speaking",
    "friendly",
    "sized",
    "funded",
    "affiliated",
    "controlled",
    "driven",
    "linked",
    "oriented",
    "elect",
    "term",
    "wide",
    "free",
    "aligned",
    "connected",
    "associated",
    "related",
    "level",
    "scale",
    "class",
];

/// Words of the article, lower-cased, with and without their hyphens; built only when a
/// line-end hyphen needs a decision.
#[derive(Default)]
pub struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    pub fn from_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        let mut words = HashSet::new();
        for text in texts {
            for line in text.lines() {
                // A word cut at the line end is not evidence for itself.
                let line = line.trim_end();
                let line = if line.ends_with('-') {
                    line.rsplit_once(' ').map_or("", |(head, _)| head)
                } else {
                    line
                };
                for word in line.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                    let word = word.trim_matches('-');
                    if word.chars().count() > 2 {
                        words.insert(word.to_lowercase());
                    }
                }
            }
        }
        Vocabulary { words }
    }

    fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

/// Whether the hyphen between `left` (the word before a line-end hyphen, without it) and
/// `right` (the first word of the next line) is a real one.
pub fn keep_hyphen(left: &str, right: &str, vocabulary: &Vocabulary) -> bool {
    let right_word: String = right.chars().take_while(|c| c.is_alphanumeric()).collect();
    let (Some(left_last), Some(right_first)) = (left.chars().last(), right_word.chars().next())
    else {
        return true;
    };
    if right_first.is_uppercase()
        || right_first.is_numeric()
        || left_last.is_uppercase()
        || left_last.is_numeric()
    {
        return true;
    }
    let left_lower = left.to_lowercase();
    let right_lower = right_word.to_lowercase();
    let hyphenated = format!("{left_lower}-{right_lower}");
    let joined = format!("{left_lower}{right_lower}");
    if vocabulary.contains(&hyphenated) {
        return true;
    }
    if vocabulary.contains(&joined) {
        return false;
    }
    // A compound already hyphenated ("state-of-the-") keeps its shape.
    left.contains('-')
        || HYPHEN_PREFIXES.contains(&left_lower.as_str())
        || COMPOUND_SECONDS.contains(&right_lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(left: &str, right: &str) -> bool {
        keep_hyphen(left, right, &Vocabulary::default())
    }

    #[test]
    fn real_hyphens_are_kept() {
        assert!(keep("al", "Maliki"));
        assert!(keep("F", "16"));
        assert!(keep("self", "reliant"));
        assert!(keep("US", "backed"));
        assert!(keep("Iran", "based"));
        assert!(keep("state-of-the", "art"));
    }

    #[test]
    fn broken_words_are_joined() {
        assert!(!keep("inter", "national"));
        assert!(!keep("pre", "vious"));
        assert!(!keep("gov", "ernment,"));
    }

    #[test]
    fn the_article_vocabulary_decides_first() {
        let vocabulary =
            Vocabulary::from_texts(["a co-operation deal and a cyberattack"].into_iter());
        assert!(keep_hyphen("co", "operation", &vocabulary));
        assert!(!keep_hyphen("cyber", "attack", &vocabulary));
    }
}
