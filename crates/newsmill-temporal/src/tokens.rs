//! Number-aware word tokens and a light sentence splitter.
//!
//! The stages keep their own tokeniser instead of a general one because counting needs
//! number-specific choices: "12-year-old", "25bn", "2am" and "1973-90" stay single word
//! tokens (so ages, money, times and year ranges never look like counts), "8,000" and "1.5"
//! are one number token, and "Saturday’s" splits into "Saturday" + "'s".

use std::ops::Range;

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
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens. Never panics; every range lies on char boundaries.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut tokens = Vec::with_capacity(chars.len() / 5 + 1);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            let mut all_digits = c.is_ascii_digit();
            i += 1;
            while let Some(c) = char_at(i) {
                let next_alnum = char_at(i + 1).is_some_and(char::is_alphanumeric);
                let next_digit = char_at(i + 1).is_some_and(|n| n.is_ascii_digit());
                if c.is_alphanumeric() {
                    all_digits &= c.is_ascii_digit();
                    i += 1;
                } else if (c == '-' || c == '‑') && next_alnum {
                    all_digits = false;
                    i += 1;
                } else if (c == ',' || c == '.') && all_digits && next_digit {
                    i += 1;
                } else {
                    break;
                }
            }
        } else if is_apostrophe(c)
            && start > 0
            && chars[start - 1].1.is_alphanumeric()
            && char_at(i + 1).is_some_and(|n| n == 's' || n == 'S')
            && !char_at(i + 2).is_some_and(char::is_alphanumeric)
        {
            i += 2;
        } else {
            i += 1;
        }
        let (s, e) = (byte_at(start), byte_at(i));
        let surface = &text[s..e];
        let kind = if surface.chars().any(char::is_alphabetic) || is_apostrophe(c) && e - s > 1 {
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
        let capital = surface.starts_with(char::is_uppercase);
        tokens.push(Tok {
            start: s,
            end: e,
            kind,
            norm,
            capital,
        });
    }
    tokens
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "sgt", "capt", "cpl", "gov", "sen",
    "rep", "st", "jr", "jnr", "sr", "snr", "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "supt", "insp", "det",
    "rev", "hon", "mt", "ft", "approx", "est", "fig", "vol", "pp", "cf",
];

const CLOSERS: &[&str] = &["\"", "”", "’", "'", ")", "]"];
const OPENERS: &[&str] = &["\"", "“", "‘", "'", "("];

/// Sentences as token index ranges. A sentence ends at `.`, `!` or `?` (plus closing quotes
/// or brackets) when the next token starts with a capital, a digit or an opening quote, and
/// the period does not follow an abbreviation or an initial.
pub fn sentences(text: &str, tokens: &[Tok]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let surface = &text[t.start..t.end];
        let terminal = matches!(surface, "." | "!" | "?" | "…");
        if !terminal {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len() && CLOSERS.contains(&&text[tokens[end].start..tokens[end].end]) {
            end += 1;
        }
        let abbreviation = surface == "."
            && i > 0
            && tokens[i - 1].end == t.start
            && tokens[i - 1].kind == TokenKind::Word
            && (ABBREVIATIONS.contains(&tokens[i - 1].norm.as_str())
                || tokens[i - 1].norm.chars().count() == 1 && tokens[i - 1].capital);
        let next_starts = match tokens.get(end) {
            None => true,
            Some(n) => {
                n.capital || n.kind == TokenKind::Number || OPENERS.contains(&&text[n.start..n.end])
            }
        };
        if !abbreviation && next_starts {
            out.push(begin..end);
            begin = end;
        }
        i = end;
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
    out
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
            norms("last Saturday’s attack"),
            ["last", "saturday", "'s", "attack"]
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
    fn splits_sentences_but_not_at_abbreviations() {
        let text =
            "Maj. Gen. Mohammad al-Karawi was killed. He was “a hero.” Then it ended? Yes… no";
        let tokens = tokenize(text);
        let found: Vec<&str> = sentences(text, &tokens)
            .into_iter()
            .map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end])
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
        for text in ["", "’s", "-", "9,", "é’s’", "1.2.3,4,,5", "\u{a0}…"] {
            let tokens = tokenize(text);
            let _ = sentences(text, &tokens);
        }
    }
}
