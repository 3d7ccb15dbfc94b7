//! Sentence splitting over tokens. A sentence ends at terminal punctuation ("." "!" "?" "…")
//! plus any closing quotes or brackets attached to it, unless the next word starts in
//! lowercase ("“Why?” he asked"); at an abbreviation only when the next word usually opens a
//! sentence ("in the U.S. The"); never after a title ("Gen.") ; and always at a blank line.

use std::ops::Range;

use crate::abbreviations::{is_sentence_starter, is_title};
use crate::tokenize::{tokenize, Token};

/// Byte ranges of the sentences in `text`, trimmed (each starts at its first token and ends
/// at its last).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let tokens = tokenize(text);
    sentence_token_ranges(text, &tokens)
        .into_iter()
        .filter_map(|r| Some(tokens.get(r.start)?.start..tokens.get(r.end.checked_sub(1)?)?.end))
        .collect()
}

/// Sentences as ranges of token indices into `tokens` (which must come from [`tokenize`] on
/// the same `text`). For callers that need both tokens and sentences without tokenising twice.
pub fn sentence_token_ranges(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].text(text);
        let mut end = i + 1;
        let boundary = if is_terminal(word) {
            end = skip_closers(text, tokens, end);
            next_word(text, tokens, end).is_none_or(|next| !starts_lowercase(next))
        } else if word.len() > 1 && word.ends_with('.') {
            let stem = &word[..word.len() - 1];
            !is_title(stem) && next_word(text, tokens, end).is_none_or(is_sentence_starter)
        } else {
            false
        };
        let blank_line_follows = tokens.get(end).is_some_and(|next| {
            let gap = text.get(tokens[end - 1].end..next.start).unwrap_or("");
            gap.bytes().filter(|&b| b == b'\n').count() >= 2
        });
        if boundary || blank_line_follows || end == tokens.len() {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    out
}

fn is_terminal(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// Closing quotes and brackets that belong to the sentence just ended (`.”`, `?)`). A straight
/// quote closes only when it touches the punctuation; otherwise it opens the next sentence.
fn skip_closers(text: &str, tokens: &[Token], mut at: usize) -> usize {
    while let Some(t) = tokens.get(at) {
        let word = t.text(text);
        let attached = at > 0 && tokens[at - 1].end == t.start;
        let closes = match word {
            "”" | "’" | "»" | ")" | "]" => true,
            "\"" | "'" => attached,
            _ => false,
        };
        if !closes {
            break;
        }
        at += 1;
    }
    at
}

/// The first word-like token at or after `at`, looking past opening quotes and brackets.
fn next_word<'a>(text: &'a str, tokens: &[Token], at: usize) -> Option<&'a str> {
    tokens[at.min(tokens.len())..]
        .iter()
        .map(|t| t.text(text))
        .find(|w| w.chars().next().is_some_and(char::is_alphanumeric))
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_terminal_punctuation_and_keeps_closing_quotes() {
        assert_eq!(
            split("  He left.  “We won,” she said. “It is over.” Then it rained!  "),
            [
                "He left.",
                "“We won,” she said.",
                "“It is over.”",
                "Then it rained!"
            ]
        );
        assert_eq!(
            split("\"Why?\" he asked. \"Because.\" OK"),
            ["\"Why?\" he asked.", "\"Because.\"", "OK"]
        );
    }

    #[test]
    fn abbreviations_titles_and_initials_do_not_split() {
        assert_eq!(
            split("Maj. Gen. Smith met Mr. J. R. Brown of the U.S. Army on Jan. 5. Officials said so."),
            ["Maj. Gen. Smith met Mr. J. R. Brown of the U.S. Army on Jan. 5.", "Officials said so."]
        );
        assert_eq!(
            split("He lives in the U.S. The rest stay."),
            ["He lives in the U.S.", "The rest stay."]
        );
        assert_eq!(
            split("It bought Acme Inc. The deal closed."),
            ["It bought Acme Inc.", "The deal closed."]
        );
    }

    #[test]
    fn blank_lines_split_and_odd_input_is_safe() {
        assert_eq!(
            split("Headline here\n\nBody starts"),
            ["Headline here", "Body starts"]
        );
        assert_eq!(split("one\nline"), ["one\nline"]);
        assert!(split("").is_empty());
        assert_eq!(split("..."), ["..."]);
        assert_eq!(split("” ”"), ["” ”"]);
    }
}
