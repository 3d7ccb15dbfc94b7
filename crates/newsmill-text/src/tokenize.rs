//! The news tokeniser: one left-to-right scan over the bytes, decoding a char only where the
//! byte is not ASCII. Conventions follow CoNLL-2003 / Penn Treebank, which the NER model was
//! trained on: clitics split off ("Qaeda" + "’s", "do" + "n't"), abbreviations keep their
//! period ("U.S.", "Mr.", "Dec."), hyphenated words and numbers stay whole ("al-Maliki",
//! "8,000", "3.5", "1996-08-22"), every quote and bracket is its own token.
//!
//! Hand-written because no maintained crate tokenises by these conventions (unicode
//! segmentation splits "U.S." and "8,000" and keeps "Qaeda’s" whole), and a regex per token
//! would cost several times the whole tagger.

use crate::abbreviations::{is_plain_abbreviation, is_sentence_starter, is_title};

pub use newsmill_core::tokens::Token;

/// Splits news text into tokens (see the module docs for the conventions).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let width = c.len_utf8();
        if is_space(c) {
            i += width;
        } else if let Some(end) = url_end(text, i) {
            out.push(Token { start: i, end });
            i = end;
        } else if c.is_alphanumeric() {
            i = scan_word(text, i, &mut out);
        } else {
            i = scan_symbol(text, i, c, &mut out);
        }
    }
    out
}

/// The char starting at byte `i`, if `i` is inside the text and on a boundary.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

/// The char ending just before byte `i`.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Whitespace plus the invisible format characters that editors leave in web text.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// End of a URL starting at `i` (`http://`, `https://`, `www.`), with trailing sentence
/// punctuation and closing quotes left out.
fn url_end(text: &str, i: usize) -> Option<usize> {
    let rest = text.as_bytes().get(i..)?;
    if !matches!(rest.first(), Some(b'h' | b'H' | b'w' | b'W')) {
        return None;
    }
    let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let tail = text.get(i..)?;
    let mut end = i + tail
        .find(|c: char| is_space(c) || matches!(c, '"' | '<' | '>' | '“' | '”'))
        .unwrap_or(tail.len());
    while let Some(c) = char_before(text, end) {
        // A closing bracket is the URL's only when it opened one ("wiki/X_(y)").
        let unbalanced_paren = c == ')' && !text.get(i..end).unwrap_or("").contains('(');
        let trailing = matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' | '\'' | '’' | '»' | '*' | '_'
        );
        if end > i + 4 && (trailing || unbalanced_paren) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    Some(end)
}

/// Scans a word starting at an alphanumeric char; pushes it (and a split-off clitic) and
/// returns where scanning resumes.
fn scan_word(text: &str, start: usize, out: &mut Vec<Token>) -> usize {
    let mut j = start;
    // Start of the current period-separated segment, to tell "U.S" and "bbc.co" from "end.The".
    let mut segment_start = start;
    loop {
        // ASCII letters and digits first, byte by byte: most words are nothing else.
        j += text.as_bytes()[j..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        while let Some(c) = char_at(text, j) {
            if c.is_alphanumeric() || is_combining_mark(c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let Some(c) = char_at(text, j) else { break };
        let next_at = j + c.len_utf8();
        let next = char_at(text, next_at);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        let prev = char_before(text, j);
        let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        let joins = match c {
            _ if is_hyphen(c) || c == '_' => next_alnum,
            '.' => next_alnum && internal_period(text, segment_start, j, next_at),
            ',' | ':' | '/' => prev_digit && next_digit,
            '@' => next_alnum,
            '&' => prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase),
            _ if is_apostrophe(c) => {
                if let Some((word_end, clitic_end)) = clitic(text, start, j) {
                    push(out, start, word_end);
                    push(out, word_end, clitic_end);
                    return clitic_end;
                }
                next.is_some_and(char::is_alphabetic)
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if c == '.' {
            segment_start = next_at;
        }
        j = next_at;
    }
    if takes_period(text, start, j) {
        j += 1;
        // "U.S.-led" stays one token.
        if char_at(text, j).is_some_and(is_hyphen)
            && char_at(text, j + 1).is_some_and(char::is_alphanumeric)
        {
            let mut rest = Vec::new();
            let end = scan_word(text, j + 1, &mut rest);
            if rest.len() == 1 {
                push(out, start, end);
                return end;
            }
        }
    }
    push(out, start, j);
    j
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    if end > start {
        out.push(Token { start, end });
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Whether the period at `dot` joins the word: initialisms ("U.S", "a.m"), decimals, and
/// domain names ("bbc.co.uk"), but not two words missing a space ("said.The").
fn internal_period(text: &str, segment_start: usize, dot: usize, after: usize) -> bool {
    let segment = text.get(segment_start..dot).unwrap_or("");
    if segment.chars().count() == 1 {
        return true;
    }
    let prev = char_before(text, dot);
    let next = char_at(text, after);
    if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
        return true;
    }
    // Domains and file names: lowercase on both sides.
    let next_word: String = text
        .get(after..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
        && next_word.len() >= 2
        && next_word
            .chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// A clitic at the apostrophe at `apos` ("’s", "'re", "'ll", "n't"): returns where the host
/// word ends and where the clitic ends.
fn clitic(text: &str, word_start: usize, apos: usize) -> Option<(usize, usize)> {
    let after = apos + char_at(text, apos)?.len_utf8();
    let tail = text.get(after..)?;
    let letters = tail
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(tail.len());
    let suffix = &tail[..letters];
    let end = after + letters;
    if char_at(text, end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let lower = suffix.to_ascii_lowercase();
    match lower.as_str() {
        "s" | "re" | "ve" | "ll" | "d" | "m" if apos > word_start => Some((apos, end)),
        "t" => {
            let host = text.get(word_start..apos)?;
            (host.len() >= 2 && host.ends_with(['n', 'N'])).then(|| (apos - 1, end))
        }
        _ => None,
    }
}

/// Whether the period right after the word `start..end` belongs to it.
fn takes_period(text: &str, start: usize, end: usize) -> bool {
    if text.as_bytes().get(end) != Some(&b'.') || text.as_bytes().get(end + 1) == Some(&b'.') {
        return false;
    }
    let word = text.get(start..end).unwrap_or("");
    let mut chars = word.chars();
    let first = chars.next();
    let single = chars.next().is_none();
    if single {
        // Initials ("J. R. Tolkien"); a lone lowercase letter is usually a list item or typo.
        return first.is_some_and(char::is_uppercase);
    }
    if word.contains('.') {
        return true;
    }
    if is_title(word) {
        return true;
    }
    is_plain_abbreviation(word) && !ends_sentence_after(text, end + 1)
}

/// For abbreviations that are also words ("Inc", "Sun", "Mass"): the period is the sentence's
/// when the text ends, a closing quote follows, or the next word usually starts a sentence.
fn ends_sentence_after(text: &str, from: usize) -> bool {
    let rest = text.get(from..).unwrap_or("");
    let rest = rest.trim_start_matches(is_space);
    let Some(c) = rest.chars().next() else {
        return true;
    };
    if matches!(c, '"' | '”' | '’' | '\'' | ')' | '»') {
        return true;
    }
    let word: &str = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    is_sentence_starter(word)
}

/// Punctuation and symbols: runs of periods ("...") and dashes ("--") stay together,
/// `#tag` and `@handle` are one token, everything else is one char per token.
fn scan_symbol(text: &str, start: usize, c: char, out: &mut Vec<Token>) -> usize {
    let width = c.len_utf8();
    let end = match c {
        '.' | '-' | '!' | '?' => {
            let run = text.as_bytes()[start..]
                .iter()
                .take_while(|&&b| b == c as u8)
                .count();
            if c == '-' && run == 1 && char_at(text, start + 1).is_some_and(|n| n.is_ascii_digit())
            {
                // A sign belongs to its number only at a word start: "-5" but "pre-1990" never reaches here.
                let digits = scan_number_after_sign(text, start + 1);
                if char_before(text, start).is_none_or(is_space) {
                    digits
                } else {
                    start + 1
                }
            } else if c == '?' || c == '!' {
                // "?!" and "!!!" stay one token
                start
                    + text.as_bytes()[start..]
                        .iter()
                        .take_while(|&&b| b == b'?' || b == b'!')
                        .count()
            } else {
                start + run
            }
        }
        '#' | '@' if char_at(text, start + 1).is_some_and(char::is_alphanumeric) => {
            let tail = &text[start + 1..];
            start
                + 1
                + tail
                    .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                    .unwrap_or(tail.len())
        }
        _ => start + width,
    };
    push(out, start, end);
    end
}

fn scan_number_after_sign(text: &str, from: usize) -> usize {
    let mut scratch = Vec::new();
    scan_word(text, from, &mut scratch);
    scratch.first().map_or(from, |t| t.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn abbreviations_titles_and_initials_keep_their_period() {
        assert_eq!(
            words("Maj. Gen. J. R. Smith of the U.S. Army met Mr. Brown on Dec. 5."),
            [
                "Maj.", "Gen.", "J.", "R.", "Smith", "of", "the", "U.S.", "Army", "met", "Mr.",
                "Brown", "on", "Dec.", "5", "."
            ]
        );
        assert_eq!(
            words("Acme Inc. The firm"),
            ["Acme", "Inc", ".", "The", "firm"]
        );
        assert_eq!(words("Acme Inc. said"), ["Acme", "Inc.", "said"]);
        assert_eq!(words("U.S.-led forces"), ["U.S.-led", "forces"]);
        assert_eq!(words("at 3 p.m. today"), ["at", "3", "p.m.", "today"]);
    }

    #[test]
    fn quotes_and_clitics_split() {
        assert_eq!(
            words("“Al Qaeda’s men,” he said."),
            ["“", "Al", "Qaeda", "’s", "men", ",", "”", "he", "said", "."]
        );
        assert_eq!(
            words("\"I don't know,\" she can't say"),
            ["\"", "I", "do", "n't", "know", ",", "\"", "she", "ca", "n't", "say"]
        );
        assert_eq!(
            words("the players' union"),
            ["the", "players", "'", "union"]
        );
        assert_eq!(words("O'Neill's o'clock"), ["O'Neill", "'s", "o'clock"]);
        assert_eq!(words("THEY'RE"), ["THEY", "'RE"]);
    }

    #[test]
    fn numbers_hyphens_and_runs_stay_whole() {
        assert_eq!(
            words("al-Maliki said 8,000 people, 3.5%, on 1996-08-22 at 10:30 -- wait… then..."),
            [
                "al-Maliki",
                "said",
                "8,000",
                "people",
                ",",
                "3.5",
                "%",
                ",",
                "on",
                "1996-08-22",
                "at",
                "10:30",
                "--",
                "wait",
                "…",
                "then",
                "..."
            ]
        );
        assert_eq!(
            words("fell -5 points (pre-1990)"),
            ["fell", "-5", "points", "(", "pre-1990", ")"]
        );
        assert_eq!(words("1,2"), ["1,2"]);
        assert_eq!(words("a, b"), ["a", ",", "b"]);
    }

    #[test]
    fn urls_emails_and_handles_are_one_token() {
        assert_eq!(
            words("See https://bbc.co.uk/news?id=1. Mail john.smith@bbc.co.uk or @bbcnews #vote."),
            [
                "See",
                "https://bbc.co.uk/news?id=1",
                ".",
                "Mail",
                "john.smith@bbc.co.uk",
                "or",
                "@bbcnews",
                "#vote",
                "."
            ]
        );
        assert_eq!(words("(www.example.com)"), ["(", "www.example.com", ")"]);
        assert_eq!(
            words("[x](http://a.org/contact)**"),
            ["[", "x", "]", "(", "http://a.org/contact", ")", "*", "*"]
        );
        assert_eq!(
            words("http://en.wikipedia.org/wiki/X_(y)."),
            ["http://en.wikipedia.org/wiki/X_(y)", "."]
        );
        assert_eq!(words("said.The end"), ["said", ".", "The", "end"]);
    }

    #[test]
    fn odd_input_never_panics_and_ranges_are_char_boundaries() {
        for text in [
            "",
            " ",
            "’",
            "'",
            "n't",
            "a'",
            "-",
            "-5",
            "..",
            "U.",
            "é.",
            "\u{FEFF}x",
            "日本語です。",
            "x\u{0301}y",
            "Inc.",
            "http://",
        ] {
            for t in tokenize(text) {
                assert!(
                    t.start < t.end
                        && text.is_char_boundary(t.start)
                        && text.is_char_boundary(t.end),
                    "{text:?}"
                );
            }
        }
        assert_eq!(words("naïve café"), ["naïve", "café"]);
        // Every prefix and suffix of a text full of edge cases: cut points land everywhere.
        let tricky = "“Al Qaeda’s” U.S.-led 8,000 n't… https://x.y/ a@b.c Inc. -5 ’s J. é.";
        for (cut, _) in tricky.char_indices() {
            for part in [&tricky[..cut], &tricky[cut..]] {
                for t in tokenize(part) {
                    assert!(
                        t.start < t.end && t.end <= part.len() && part.is_char_boundary(t.end),
                        "{part:?}"
                    );
                }
                let _ = crate::sentences(part);
            }
        }
    }
}
