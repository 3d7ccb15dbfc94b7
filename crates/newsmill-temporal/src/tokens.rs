//! The dates and facts scanners' view of the article's shared tokens (newsmill-text): each
//! token with its kind, lowercased form and capitalisation, which is what the number, date and
//! tense rules match on. The view does not tokenise; it only reads an abbreviation's period
//! ("Dec." -> "dec" + ".") as a token of its own, because "Dec. 5" and "Dec 5" are the same
//! date to the month rule, and maps the shared sentences onto its indices.

use std::ops::Range;

use newsmill_text::{abbreviation_period, is_clitic, BlockTokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Byte range in the block text.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lowercased text with typographic apostrophes made plain.
    pub norm: String,
    /// Whether the first character is uppercase.
    pub capital: bool,
}

impl Tok {
    pub fn is(&self, word: &str) -> bool {
        self.norm == word
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.norm.as_str())
    }

    fn new(text: &str, start: usize, end: usize, clitic: bool) -> Tok {
        let surface = &text[start..end];
        let kind = if clitic || surface.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if surface.starts_with(|c: char| c.is_ascii_digit()) {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        let norm = if surface.is_ascii() {
            surface.to_ascii_lowercase()
        } else {
            surface.to_lowercase().replace('’', "'")
        };
        Tok {
            start,
            end,
            kind,
            norm,
            capital: surface.starts_with(char::is_uppercase),
        }
    }
}

/// One block's view: its tokens and its sentences as ranges of view indices.
pub struct View {
    pub tokens: Vec<Tok>,
    pub sentences: Vec<Range<usize>>,
}

/// The view of a block from its shared tokens.
pub fn view(text: &str, block: &BlockTokens) -> View {
    let mut tokens = Vec::with_capacity(block.tokens.len() + block.tokens.len() / 16);
    let mut sentences = Vec::with_capacity(block.sentences.len());
    for sentence in &block.sentences {
        let begin = tokens.len();
        for token in block.tokens.get(sentence.clone()).unwrap_or_default() {
            match abbreviation_period(token, text) {
                Some(dot) => {
                    tokens.push(Tok::new(text, token.start, dot, false));
                    tokens.push(Tok::new(text, dot, token.end, false));
                }
                None => tokens.push(Tok::new(
                    text,
                    token.start,
                    token.end,
                    is_clitic(token, text),
                )),
            }
        }
        sentences.push(begin..tokens.len());
    }
    View { tokens, sentences }
}

/// The view of a bare text, for tests.
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Tok> {
    view(text, &newsmill_text::block_tokens(text)).tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn keeps_numbers_ages_and_money_whole() {
        assert_eq!(
            norms("over 8,000 Iraqis, a 12-year-old, 25bn and 1.5 million at 2am"),
            [
                "over",
                "8,000",
                "iraqis",
                ",",
                "a",
                "12-year-old",
                ",",
                "25bn",
                "and",
                "1.5",
                "million",
                "at",
                "2am"
            ]
        );
        assert_eq!(
            norms("April 18, 33 people"),
            ["april", "18", ",", "33", "people"]
        );
        assert_eq!(
            norms("last Saturday’s attack on Dec. 5"),
            ["last", "saturday", "'s", "attack", "on", "dec", ".", "5"]
        );
        let kinds: Vec<TokenKind> = tokenize("1,011.15 x .")
            .into_iter()
            .map(|t| t.kind)
            .collect();
        assert_eq!(
            kinds,
            [TokenKind::Number, TokenKind::Word, TokenKind::Punct]
        );
    }

    #[test]
    fn sentences_come_from_the_shared_layer() {
        let text =
            "Maj. Gen. Mohammad al-Karawi was killed. He was “a hero.” Then it ended? Yes… no";
        let block = newsmill_text::block_tokens(text);
        let view = view(text, &block);
        let found: Vec<&str> = view
            .sentences
            .iter()
            .map(|r| &text[view.tokens[r.start].start..view.tokens[r.end - 1].end])
            .collect();
        assert_eq!(
            found,
            [
                "Maj. Gen. Mohammad al-Karawi was killed.",
                "He was “a hero.”",
                "Then it ended?",
                "Yes… no"
            ]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "’s",
            "-",
            "9,",
            "é’s’",
            "1.2.3,4,,5",
            "\u{a0}…",
            "U.",
            "a.m.",
        ] {
            let _ = view(text, &newsmill_text::block_tokens(text));
        }
    }
}
