//! What the model knows about one token on its own: hashes of its form and lowercase form,
//! its long and short shapes, affixes and case flags, computed once per token. Typographic
//! punctuation is first mapped to the ASCII the training data (Reuters, 1996) used.

use std::borrow::Cow;

use crate::hash::{hash_lower, hash_str};

/// Maps typographic punctuation to the ASCII that CoNLL-2003 (Reuters) uses, so the model
/// sees web text the way it saw its training data.
pub(crate) fn normalize(token: &str) -> Cow<'_, str> {
    if token.is_ascii() {
        // Reuters wrote "U.S." and "U.N."; much of today's news drops the periods.
        return Cow::Borrowed(match token {
            "US" => "U.S.",
            "UN" => "U.N.",
            _ => token,
        });
    }
    match token {
        "“" | "”" | "„" | "«" | "»" | "″" => return Cow::Borrowed("\""),
        "—" | "–" | "―" => return Cow::Borrowed("--"),
        "…" => return Cow::Borrowed("..."),
        _ => {}
    }
    Cow::Owned(
        token
            .chars()
            .map(|c| {
                if matches!(c, '‘' | '’' | 'ʼ' | '′' | '‚') {
                    '\''
                } else {
                    c
                }
            })
            .collect(),
    )
}

// Bits of `TokenInfo::flags`.
pub(crate) const INIT_CAP: u16 = 1;
pub(crate) const ALL_CAPS: u16 = 2;
pub(crate) const HAS_DIGIT: u16 = 4;
pub(crate) const HAS_LOWER: u16 = 8;
pub(crate) const HAS_ALPHA: u16 = 16;
/// A lowercase word that is no name particle, or one punctuation mark other than `&`, `@`
/// and `#` (see `is_plain`): what the model does not start a mention with when no
/// capitalised word follows (`decode::surely_outside`).
pub(crate) const PLAIN: u16 = 32;
/// Everything about one token that does not depend on the tags being decided.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub short_shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    pub flags: u16,
    pub gazetteer: u32,
    pub doc: u8,
    pub length_bucket: u8,
    /// The capitalised run ("Douglas & Lomason Co") this token sits in, when it has 2+ tokens:
    /// its first and last words, the last word's gazetteer marks, its length and our place in it.
    /// They let a left-to-right tagger see that a run ends in "Inc" before it commits.
    pub run_first: u64,
    pub run_last: u64,
    pub run_last_gazetteer: u32,
    pub run_length: u8,
    /// 0 = not in a run, 1 = first, 2 = inside, 3 = last.
    pub run_position: u8,
    /// Word classes learnt from unlabelled news (see `word_classes`); 0 = unknown word.
    pub class_coarse: u16,
    pub class_fine: u16,
}

pub(crate) fn summarize(token: &str) -> TokenInfo {
    let token = normalize(token);
    let token = token.as_ref();
    let mut info = TokenInfo {
        word: hash_str(token),
        lower: hash_lower(token),
        ..Default::default()
    };
    // Shapes are built in a small buffer: X = upper, x = lower, d = digit, other ASCII kept.
    let mut long = [0u8; 16];
    let mut long_len = 0;
    let mut short = [0u8; 16];
    let mut short_len = 0;
    let mut chars = 0;
    for (i, c) in token.chars().enumerate() {
        chars += 1;
        let class = if c.is_uppercase() {
            info.flags |= HAS_ALPHA;
            b'X'
        } else if c.is_lowercase() {
            info.flags |= HAS_LOWER | HAS_ALPHA;
            b'x'
        } else if c.is_ascii_digit() {
            info.flags |= HAS_DIGIT;
            b'd'
        } else if c.is_alphabetic() {
            info.flags |= HAS_ALPHA;
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        };
        if i == 0 && class == b'X' {
            info.flags |= INIT_CAP;
        }
        if long_len < long.len() {
            long[long_len] = class;
            long_len += 1;
        }
        if (short_len == 0 || short[short_len - 1] != class) && short_len < short.len() {
            short[short_len] = class;
            short_len += 1;
        }
    }
    if info.flags & HAS_ALPHA != 0 && info.flags & HAS_LOWER == 0 {
        info.flags |= ALL_CAPS;
    }
    if is_plain(token) {
        info.flags |= PLAIN;
    }
    if has_name_particle(token) {
        // "al-Maliki" is a capitalised name for everything that asks (runs, document
        // evidence, gazetteer starts), though its shape still shows the particle.
        info.flags |= INIT_CAP;
    }
    info.shape = xxhash_rust::xxh3::xxh3_64(&long[..long_len]) ^ (chars.min(20) as u64) << 56;
    info.short_shape = xxhash_rust::xxh3::xxh3_64(&short[..short_len]);
    info.length_bucket = match chars {
        0..=2 => chars as u8,
        3..=5 => 3,
        6..=9 => 4,
        _ => 5,
    };
    let prefix_ends = token
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain([token.len()]);
    for (n, end) in prefix_ends
        .take(if token.is_empty() { 0 } else { 4 })
        .enumerate()
    {
        info.prefix[n] = hash_str(&token[..end]);
    }
    for (n, (start, _)) in token.char_indices().rev().take(4).enumerate() {
        // Only affixes shorter than the word, as before: a 1-char word has no prefix/suffix features.
        if info.prefix[n] != 0 {
            info.suffix[n] = hash_str(&token[start..]);
        }
    }
    info
}

/// A lowercase word (letters, inner hyphens and apostrophes) that is not a name particle, or
/// one punctuation mark other than `&`, `@` and `#`.
fn is_plain(token: &str) -> bool {
    let mut chars = token.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if chars.as_str().is_empty() && !first.is_alphanumeric() {
        return !matches!(first, '&' | '@' | '#');
    }
    first.is_lowercase()
        && token
            .chars()
            .all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && !is_name_particle(token)
}

/// Lowercase words that begin names ("van der Walt", "de Gaulle", "al Qaeda").
fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "da"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "el"
            | "al"
            | "bin"
            | "ibn"
            | "abu"
            | "ten"
            | "ter"
            | "zu"
            | "y"
            | "e"
            | "st"
    )
}

/// Arabic and other name particles written in lowercase and joined by a hyphen to a
/// capitalised name ("al-Maliki", "bin-Laden", "el-Sisi").
fn has_name_particle(token: &str) -> bool {
    let Some((particle, rest)) = token.split_once('-') else {
        return false;
    };
    matches!(
        particle,
        "al" | "el" | "bin" | "ibn" | "abu" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "ul"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_typographic_punctuation() {
        assert_eq!(normalize("’s"), "'s");
        assert_eq!(normalize("“"), "\"");
        assert_eq!(normalize("—"), "--");
        assert_eq!(normalize("Zürich"), "Zürich");
        assert_eq!(normalize("US"), "U.S.");
        assert_eq!(normalize("us"), "us");
    }

    #[test]
    fn shapes_and_affixes_are_char_safe() {
        let a = summarize("Zürich");
        let b = summarize("Zärich");
        assert_eq!(a.shape, b.shape);
        assert_ne!(a.prefix[1], b.prefix[1]);
        assert_eq!(a.suffix[3], b.suffix[3]);
        assert!(a.flags & INIT_CAP != 0 && a.flags & ALL_CAPS == 0);
        assert!(summarize("NATO").flags & ALL_CAPS != 0);
        assert!(summarize("al-Maliki").flags & INIT_CAP != 0);
        assert!(summarize("al-qaeda").flags & INIT_CAP == 0);
        let empty = summarize("");
        assert_eq!(empty.prefix, [0; 4]);
        assert_eq!(empty.flags & PLAIN, 0);
    }

    #[test]
    fn plain_tokens_are_lowercase_words_and_lone_punctuation() {
        for plain in [
            "said",
            "officials",
            "well-known",
            "don't",
            ",",
            ".",
            "(",
            "“",
            "schön",
        ] {
            assert!(summarize(plain).flags & PLAIN != 0, "{plain}");
        }
        for not_plain in [
            "Said",
            "iPhone",
            "eBay",
            "49ers",
            "dot.com",
            "e.g.",
            "@bbc",
            "#vote",
            "&",
            "van",
            "de",
            "al-Maliki",
            "...",
            "--",
            "",
        ] {
            assert_eq!(summarize(not_plain).flags & PLAIN, 0, "{not_plain}");
        }
    }
}
