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
pub struct Tok<'a> {
    /// Byte range in the block text.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lowercased text with typographic apostrophes made plain (in the view's buffer, so a
    /// token costs no allocation).
    pub norm: &'a str,
    /// Whether the first character is uppercase.
    pub capital: bool,
}

impl Tok<'_> {
    pub fn is(&self, word: &str) -> bool {
        self.norm == word
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.norm)
    }
}

/// One block's view: its tokens and its sentences as ranges of view indices.
pub struct View<'a> {
    pub tokens: Vec<Tok<'a>>,
    pub sentences: Vec<Range<usize>>,
}

/// A token of the view before its norm is placed: byte range, kind, capital, norm range in
/// the buffer.
struct Piece {
    start: usize,
    end: usize,
    kind: TokenKind,
    capital: bool,
    norm: Range<usize>,
}

/// The view of a block from its shared tokens. `buf` receives the lowercased forms (one
/// buffer per block instead of a string per token); the view borrows it.
pub fn view<'a>(text: &str, block: &BlockTokens, buf: &'a mut String) -> View<'a> {
    buf.clear();
    buf.reserve(text.len() + 16);
    let mut pieces = Vec::with_capacity(block.tokens.len() + block.tokens.len() / 16);
    let mut sentences = Vec::with_capacity(block.sentences.len());
    for sentence in &block.sentences {
        let begin = pieces.len();
        for token in block.tokens.get(sentence.clone()).unwrap_or_default() {
            match abbreviation_period(token, text) {
                Some(dot) => {
                    pieces.push(piece(text, token.start, dot, false, buf));
                    pieces.push(piece(text, dot, token.end, false, buf));
                }
                None => {
                    let clitic = is_clitic(token, text);
                    pieces.push(piece(text, token.start, token.end, clitic, buf));
                }
            }
        }
        sentences.push(begin..pieces.len());
    }
    let buf: &'a str = buf;
    let tokens = pieces
        .into_iter()
        .map(|p| Tok {
            start: p.start,
            end: p.end,
            kind: p.kind,
            norm: buf.get(p.norm).unwrap_or_default(),
            capital: p.capital,
        })
        .collect();
    View { tokens, sentences }
}

fn piece(text: &str, start: usize, end: usize, clitic: bool, buf: &mut String) -> Piece {
    let surface = &text[start..end];
    let at = buf.len();
    let first = surface.as_bytes().first().copied().unwrap_or(0);
    let (alphabetic, capital) = if surface.is_ascii() {
        buf.push_str(surface);
        buf[at..].make_ascii_lowercase();
        (
            surface.bytes().any(|b| b.is_ascii_alphabetic()),
            first.is_ascii_uppercase(),
        )
    } else {
        for c in surface.chars().flat_map(char::to_lowercase) {
            buf.push(if c == '’' { '\'' } else { c });
        }
        (
            surface.chars().any(char::is_alphabetic),
            surface.starts_with(char::is_uppercase),
        )
    };
    let kind = if clitic || alphabetic {
        TokenKind::Word
    } else if first.is_ascii_digit() {
        TokenKind::Number
    } else {
        TokenKind::Punct
    };
    Piece {
        start,
        end,
        kind,
        capital,
        norm: at..buf.len(),
    }
}

/// The view of a bare text, for tests (the buffer is leaked, which a test can afford).
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Tok<'static>> {
    let buf: &'static mut String = Box::leak(Box::default());
    view(text, &newsmill_text::block_tokens(text), buf).tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
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
        let mut buf = String::new();
        let view = view(text, &block, &mut buf);
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
            let _ = view(text, &newsmill_text::block_tokens(text), &mut String::new());
        }
    }
}
