//! Is a quoted stretch speech, and of which kind: a whole sentence of speech (`Full`), a
//! fragment embedded in the reporter's sentence (`Partial`), or a scare quote, quoted term
//! or name (`Term`: “surge”, “Geneva II”, the “grossly disproportionate” test).

use newsmill_core::QuoteKind;

use crate::doc::Doc;
use crate::lexicon;
use crate::options::QuoteOptions;

/// Small words that may stay lowercase inside a title-case name ("Avenge the Leader").
fn is_title_connector(word: &str) -> bool {
    matches!(
        word,
        "the" | "of" | "and" | "for" | "a" | "an" | "in" | "on" | "to" | "de" | "al"
    )
}

fn first_letter(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_alphanumeric())
}

/// Whitespace-separated words that contain a letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// "Avenge the Leader Mohammed", "Geneva II": every word capitalised but connectors.
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let sentence_inside = text
        .trim_end()
        .trim_end_matches(['.', '!', '?', ','])
        .contains(['.', '!', '?']);
    !words.is_empty()
        && words.len() <= 8
        && !sentence_inside
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || is_title_connector(w))
}

impl Doc<'_> {
    /// Whether the words right before the quotation name it: "dubbed", "so-called",
    /// "known as", "the slogan:".
    fn named_before(&self, block: usize, q: usize, start: usize) -> bool {
        let mut k = q;
        let toks = &self.toks[block];
        while k > start
            && (toks[k - 1].is_punct(':')
                || self
                    .word(block, k - 1)
                    .is_some_and(|w| matches!(w, "the" | "a" | "an")))
        {
            k -= 1;
        }
        let Some(prev) = k
            .checked_sub(1)
            .filter(|&p| p >= start)
            .and_then(|p| self.word(block, p))
        else {
            return false;
        };
        if lexicon::is_naming_word(prev) {
            return true;
        }
        prev == "as"
            && k >= 2
            && k - 2 >= start
            && self
                .word(block, k - 2)
                .is_some_and(|w| matches!(w, "known" | "referred" | "to"))
    }

    /// Whether a quotation in this position opens a sentence of speech: at the sentence
    /// start, or after a colon, a comma or a speech verb ("he said: “...”").
    fn in_sentence_position(&self, block: usize, q: usize, start: usize) -> bool {
        if q == start {
            return true;
        }
        let toks = &self.toks[block];
        let prev = &toks[q - 1];
        prev.is_punct(':')
            || prev.is_punct(',')
            || prev.quote().is_some()
            || self
                .word(block, q - 1)
                .is_some_and(|w| lexicon::is_finite_cue(w) || lexicon::is_participle_cue(w))
    }

    /// A short quoted string followed by a noun it modifies: the “grossly disproportionate” test.
    /// Only after a determiner: without a tagger a verb after the quotation ("would “rather
    /// not” appear") looks the same as a noun.
    fn modifies_next_word(&self, block: usize, q: usize, words: usize) -> bool {
        let after_determiner = q
            .checked_sub(1)
            .and_then(|p| self.word(block, p))
            .is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "no"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "this"
                        | "that"
                )
            });
        words <= 3
            && after_determiner
            && self.word(block, q + 1).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !lexicon::is_clause_word(w)
                    && !lexicon::is_finite_cue(w)
                    && !lexicon::is_participle_cue(w)
            })
    }

    /// The kind of the quotation whose first token is `q` in `block`, with `text` its first
    /// piece and `has_cue` whether its sentence has a speech cue.
    pub fn classify(
        &self,
        block: usize,
        q: usize,
        text: &str,
        has_cue: bool,
        opts: &QuoteOptions,
    ) -> QuoteKind {
        let start = self.sentence_range(block, q).start;
        let words = word_count(text);
        if words == 0 || self.named_before(block, q, start) {
            return QuoteKind::Term;
        }
        let opens_sentence =
            first_letter(text).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if opens_sentence
            && self.in_sentence_position(block, q, start)
            && !(words <= 3 && is_title_case(text) && !has_cue)
        {
            return QuoteKind::Full;
        }
        if is_title_case(text) || self.modifies_next_word(block, q, words) {
            return QuoteKind::Term;
        }
        if words >= opts.min_words || (has_cue && words >= opts.min_cued_words) {
            QuoteKind::Partial
        } else {
            QuoteKind::Term
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_names_are_recognised() {
        assert!(is_title_case("Avenge the Leader Mohammed,"));
        assert!(is_title_case("Geneva II,"));
        assert!(!is_title_case("the strongest group in Northern Syria."));
        assert!(!is_title_case("We won. They lost."));
    }

    #[test]
    fn counts_words_with_letters() {
        assert_eq!(word_count("responsibly... leaving behind - a"), 4);
    }
}
