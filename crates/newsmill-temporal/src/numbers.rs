//! Count phrases: "8,000", "five", "Twenty-one thousand", "1.5 million", "a dozen", "two
//! dozen", and vague ones ("dozens", "hundreds of thousands") with their conventional range.

use std::ops::Range;

use crate::tokens::{Tok, TokenKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// Token index range of the number words.
    pub tokens: Range<usize>,
    /// Best single value: the number, or the lower bound of a vague count.
    pub value: u64,
    /// Bounds, for vague counts ("hundreds" = 200..=999) and ranges ("between 10 and 20").
    pub min: Option<u64>,
    pub max: Option<u64>,
}

/// The largest count read: 15 digits, what a spreadsheet number cell (and an f64) holds
/// exactly. A longer number ("999999999999999999999 killed") is not read as a count at
/// all, rather than saturated to a value the text does not hold.
pub const MAX_COUNT: u64 = 999_999_999_999_999;

/// A count value within [`MAX_COUNT`], from a float (a decimal times a scale word).
fn bounded(value: f64) -> Option<u64> {
    (value.is_finite() && value >= 0.0 && value <= MAX_COUNT as f64).then(|| value.round() as u64)
}

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn scale(word: &str) -> Option<u64> {
    Some(match word {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// "twenty", "twenty-one", "seven" (no scale words).
fn small_word(word: &str) -> Option<u64> {
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as u64);
    }
    if let Some(i) = TENS.iter().position(|t| *t == word) {
        return Some(20 + 10 * i as u64);
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = TENS.iter().position(|t| *t == tens)?;
    let unit = UNITS
        .iter()
        .position(|u| *u == unit)
        .filter(|&u| (1..10).contains(&u))?;
    Some(20 + 10 * tens as u64 + unit as u64)
}

/// Digits with well-formed thousands separators ("8,000", not "8,00"); decimals only when a
/// scale word follows, which the caller checks.
fn digits_value(text: &str) -> Option<f64> {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (i, Some(f)),
        Some(_) => return None,
        None => (text, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let well_formed = groups
        .first()
        .is_some_and(|g| (1..=3).contains(&g.len()) || groups.len() == 1)
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return None;
    }
    let joined: String = groups.concat();
    let value: f64 = match frac {
        Some(f) => format!("{joined}.{f}").parse().ok()?,
        None => joined.parse().ok()?,
    };
    Some(value)
}

/// A vague plural ("dozens", "hundreds of thousands") at `i`, with its conventional range.
fn vague(tokens: &[Tok], i: usize, end: usize) -> Option<Count> {
    let word = tokens.get(i)?.norm;
    let of_scale = |j: usize| -> Option<(u64, usize)> {
        if j + 1 < end && tokens[j].is("of") {
            let s = match tokens[j + 1].norm {
                "thousands" => 1_000,
                "millions" => 1_000_000,
                _ => return None,
            };
            return Some((s, j + 2));
        }
        None
    };
    let (min, max, next) = match word {
        "dozens" => (24, 99, i + 1),
        "hundreds" => match of_scale(i + 1) {
            Some((s, n)) => (200 * s, 1000 * s - 1, n),
            None => (200, 999, i + 1),
        },
        "tens" => match of_scale(i + 1) {
            Some((s, n)) => (20 * s, 100 * s - 1, n),
            None => return None,
        },
        "thousands" => (2_000, 9_999, i + 1),
        "millions" => (2_000_000, 999_999_999, i + 1),
        _ => return None,
    };
    Some(Count {
        tokens: i..next,
        value: min,
        min: Some(min),
        max: Some(max),
    })
}

/// Whether a count can start at token `i` (a cheap test used to bound scanning windows).
pub fn starts_count(tok: &Tok) -> bool {
    tok.kind == TokenKind::Number
        || small_word(tok.norm).is_some()
        || matches!(
            tok.norm,
            "dozens" | "hundreds" | "thousands" | "millions" | "tens" | "dozen"
        )
}

/// Parses the count phrase starting at token `i` (before `end`). A lone "one" and decimals
/// without a scale word ("9.0") are not counts.
pub fn count_at(tokens: &[Tok], i: usize, end: usize) -> Option<Count> {
    let end = end.min(tokens.len());
    if i >= end {
        return None;
    }
    if let Some(v) = vague(tokens, i, end) {
        return Some(v);
    }
    let tok = &tokens[i];
    let word = tok.norm;
    let dozen_at = |j: usize| j < end && tokens[j].is("dozen");
    // "a dozen", "half a dozen", "two dozen"
    if matches!(word, "a" | "an") && dozen_at(i + 1) {
        return exact(i..i + 2, 12);
    }
    if word == "half" && i + 2 < end && tokens[i + 1].is("a") && dozen_at(i + 2) {
        return exact(i..i + 3, 6);
    }
    if matches!(word, "a" | "an") && i + 1 < end {
        if let Some(s) = scale(tokens[i + 1].norm).filter(|&s| s >= 100) {
            return exact(i..i + 2, s);
        }
    }
    if tok.kind == TokenKind::Number {
        let base = digits_value(word)?;
        let scaled = tokens
            .get(i + 1)
            .filter(|_| i + 1 < end)
            .and_then(|t| scale(t.norm));
        return match scaled {
            Some(s) => exact(i..i + 2, bounded(base * s as f64)?),
            None if word.contains('.') => None,
            None => exact(i..i + 1, bounded(base)?),
        };
    }
    // Word numbers: "six hundred", "Twenty-one thousand", "five million", "two dozen".
    let mut total = 0u64;
    let mut current = 0u64;
    let mut j = i;
    let mut saw_number = false;
    let mut last_small: Option<u64> = None;
    while j < end {
        let w = tokens[j].norm;
        if let Some(v) = small_word(w) {
            // "twenty five" continues a number; "two three" does not.
            if let Some(last) = last_small {
                if !(last >= 20 && last % 10 == 0 && v < 10) {
                    break;
                }
            }
            current = current.checked_add(v)?;
            saw_number = true;
            last_small = Some(v);
            j += 1;
            continue;
        } else if saw_number && w == "hundred" {
            current = current.checked_mul(100)?;
        } else if saw_number && w == "dozen" {
            current = current.checked_mul(12)?;
        } else if let Some(s) = scale(w).filter(|_| saw_number) {
            total = current.checked_mul(s).and_then(|c| c.checked_add(total))?;
            current = 0;
        } else if saw_number
            && w == "and"
            && j + 1 < end
            && small_word(tokens[j + 1].norm).is_some()
            && current >= 100
        {
            // "six hundred and fifty"
        } else {
            break;
        }
        last_small = None;
        j += 1;
    }
    let value = total.checked_add(current).filter(|&v| v <= MAX_COUNT)?;
    if !saw_number || value == 0 || (j == i + 1 && word == "one") {
        return None;
    }
    exact(i..j, value)
}

fn exact(tokens: Range<usize>, value: u64) -> Option<Count> {
    Some(Count {
        tokens,
        value,
        min: None,
        max: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn parse(text: &str) -> Option<(u64, Option<u64>, Option<u64>, usize)> {
        let tokens = tokenize(text);
        count_at(&tokens, 0, tokens.len()).map(|c| (c.value, c.min, c.max, c.tokens.len()))
    }

    #[test]
    fn parses_digits_words_and_scales() {
        assert_eq!(parse("8,000 Iraqis"), Some((8000, None, None, 1)));
        assert_eq!(
            parse("1.5 million people"),
            Some((1_500_000, None, None, 2))
        );
        assert_eq!(
            parse("Twenty-one thousand people"),
            Some((21_000, None, None, 2))
        );
        assert_eq!(parse("six hundred witnesses"), Some((600, None, None, 2)));
        assert_eq!(parse("a dozen houses"), Some((12, None, None, 2)));
        assert_eq!(parse("two dozen activists"), Some((24, None, None, 2)));
        assert_eq!(parse("five million left"), Some((5_000_000, None, None, 2)));
        assert_eq!(
            parse("one hundred and fifty men"),
            Some((150, None, None, 4))
        );
    }

    #[test]
    fn vague_counts_have_ranges() {
        assert_eq!(parse("hundreds more"), Some((200, Some(200), Some(999), 1)));
        assert_eq!(parse("dozens of drones"), Some((24, Some(24), Some(99), 1)));
        assert_eq!(
            parse("hundreds of thousands"),
            Some((200_000, Some(200_000), Some(999_999), 3))
        );
        assert_eq!(
            parse("tens of thousands"),
            Some((20_000, Some(20_000), Some(99_999), 3))
        );
    }

    #[test]
    fn rejects_non_counts() {
        assert_eq!(parse("one person"), None);
        assert_eq!(parse("9.0 magnitude"), None);
        assert_eq!(parse("8,00 bad"), None);
        assert_eq!(parse("1,2,3"), None);
        assert_eq!(parse("tens"), None);
        assert_eq!(parse("two three"), Some((2, None, None, 1)));
        assert_eq!(parse("twenty five"), Some((25, None, None, 2)));
        for odd in ["99999999999999999999999", "9.", ",", "a", "half a"] {
            let _ = parse(odd);
        }
    }

    #[test]
    fn counts_past_fifteen_digits_are_not_invented() {
        assert_eq!(parse("999999999999999999999 killed"), None);
        assert_eq!(parse("9999999 billion"), None);
        assert_eq!(
            parse("999,999,999,999,999 grains"),
            Some((MAX_COUNT, None, None, 1))
        );
    }
}
