//! Feature extraction. Each token is summarised once ([`TokenInfo`]: hashes of its form,
//! lowercase form, shapes, affixes, gazetteer and document flags); the features of a position
//! are then cheap mixes of a template number with those hashes and the tags already chosen.
//! Nothing here allocates per token except lowercasing of long or non-ASCII words.

use std::borrow::Cow;

use crate::gazetteer::{Gazetteer, MAX_LISTS};
use crate::hash::{hash_lower, hash_str, mix, HashKeyed};
use crate::stacking::StackToken;

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
const HAS_DIGIT: u16 = 4;
const HAS_LOWER: u16 = 8;
const HAS_ALPHA: u16 = 16;
// Document flags (`TokenInfo::doc`), set only on capitalised tokens.
const DOC_CAP_MIDDLE: u8 = 1;
const DOC_LOWERCASE: u8 = 2;
const DOC_SEQ_FIRST: u8 = 4;
const DOC_SEQ_LAST: u8 = 8;
const DOC_SEQ_MIDDLE: u8 = 16;
const DOC_ALONE_MIDDLE: u8 = 32;

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
}

/// A sentence ready for decoding.
#[derive(Debug, Clone, Default)]
pub(crate) struct PreparedSentence {
    pub tokens: Vec<TokenInfo>,
    /// Every letter in the sentence is uppercase (a headline): capitalisation means little.
    pub all_caps: bool,
    /// First-stage labels and what they say about the document; empty in the first stage.
    pub stack: Vec<StackToken>,
}

fn summarize(token: &str) -> TokenInfo {
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
    info.shape = xxhash_rust::xxh3::xxh3_64(&long[..long_len]) ^ (chars.min(20) as u64) << 56;
    info.short_shape = xxhash_rust::xxh3::xxh3_64(&short[..short_len]);
    info.length_bucket = match chars {
        0..=2 => chars as u8,
        3..=5 => 3,
        6..=9 => 4,
        _ => 5,
    };
    let prefix_ends = token.char_indices().skip(1).map(|(i, _)| i).chain([token.len()]);
    for (n, end) in prefix_ends.take(if token.is_empty() { 0 } else { 4 }).enumerate() {
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

/// Summarises the sentences of one document, marks gazetteer matches, and sets the
/// document-level flags: whether a capitalised word also appears capitalised in mid-sentence
/// elsewhere in the document, in lowercase, or inside a longer capitalised name.
pub(crate) fn prepare_document(
    sentences: &[Vec<&str>],
    gazetteer: &Gazetteer,
) -> Vec<PreparedSentence> {
    let mut prepared: Vec<PreparedSentence> = sentences
        .iter()
        .map(|words| {
            let tokens: Vec<TokenInfo> = words.iter().map(|w| summarize(w)).collect();
            let all_caps = tokens.iter().any(|t| t.flags & HAS_ALPHA != 0)
                && tokens.iter().all(|t| t.flags & HAS_LOWER == 0);
            PreparedSentence { tokens, all_caps, stack: Vec::new() }
        })
        .collect();

    let mut lower = Vec::new();
    let mut can_start = Vec::new();
    for sentence in &mut prepared {
        lower.clear();
        can_start.clear();
        lower.extend(sentence.tokens.iter().map(|t| t.lower));
        can_start.extend(
            sentence
                .tokens
                .iter()
                .map(|t| t.flags & (INIT_CAP | HAS_DIGIT) != 0),
        );
        let mut marks = vec![0u32; lower.len()];
        gazetteer.mark(&lower, &can_start, &mut marks);
        for (token, mark) in sentence.tokens.iter_mut().zip(marks) {
            token.gazetteer = mark;
        }
    }
    for (sentence, words) in prepared.iter_mut().zip(sentences) {
        if !sentence.all_caps {
            mark_capitalised_runs(&mut sentence.tokens, words);
        }
    }

    // What the document says about each word form, from positions where case is informative.
    let mut evidence: HashKeyed<u8> = HashKeyed::default();
    for sentence in prepared.iter().filter(|s| !s.all_caps) {
        let tokens = &sentence.tokens;
        let capitalised = |t: &TokenInfo| t.flags & INIT_CAP != 0 && t.flags & HAS_LOWER != 0;
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            if token.flags & HAS_ALPHA != 0 && token.flags & (INIT_CAP | ALL_CAPS) == 0 {
                *evidence.entry(token.lower).or_default() |= DOC_LOWERCASE;
            }
            if !capitalised(token) {
                i += 1;
                continue;
            }
            let run_end = i + tokens[i..].iter().take_while(|t| capitalised(t)).count();
            for (j, t) in tokens.iter().enumerate().take(run_end).skip(i) {
                let mut bits = if j > 0 { DOC_CAP_MIDDLE } else { 0 };
                if run_end - i >= 2 {
                    bits |= if j == i {
                        DOC_SEQ_FIRST
                    } else if j + 1 == run_end {
                        DOC_SEQ_LAST
                    } else {
                        DOC_SEQ_MIDDLE
                    };
                } else if j > 0 {
                    bits |= DOC_ALONE_MIDDLE;
                }
                *evidence.entry(t.lower).or_default() |= bits;
            }
            i = run_end;
        }
    }
    for sentence in &mut prepared {
        for token in &mut sentence.tokens {
            if token.flags & INIT_CAP != 0 {
                token.doc = evidence.get(&token.lower).copied().unwrap_or(0);
            }
        }
    }
    prepared
}

/// Small words that may sit inside a name ("Bank of England", "Boatmen 's Bancshares").
fn is_name_connector(word: &str) -> bool {
    matches!(
        word,
        "&" | "of" | "'s" | "’s" | "de" | "del" | "der" | "van" | "von" | "da" | "di" | "la" | "le" | "du" | "al" | "el" | "y"
    )
}

fn mark_capitalised_runs(tokens: &mut [TokenInfo], words: &[&str]) {
    let capitalised = |t: &TokenInfo| t.flags & INIT_CAP != 0;
    let mut i = 0;
    while i < tokens.len() {
        if !capitalised(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < tokens.len() && capitalised(&tokens[end]) {
                end += 1;
            } else if end + 1 < tokens.len()
                && words.get(end).is_some_and(|w| is_name_connector(w))
                && capitalised(&tokens[end + 1])
            {
                end += 2;
            } else {
                break;
            }
        }
        if end - i >= 2 {
            let (first, last, last_gazetteer) = (tokens[i].lower, tokens[end - 1].lower, tokens[end - 1].gazetteer);
            for (j, token) in tokens.iter_mut().enumerate().take(end).skip(i) {
                token.run_first = first;
                token.run_last = last;
                token.run_last_gazetteer = last_gazetteer;
                token.run_length = (end - i).min(5) as u8;
                token.run_position = if j == i {
                    1
                } else if j + 1 == end {
                    3
                } else {
                    2
                };
            }
        }
        i = end;
    }
}

/// Template numbers: one per feature kind, mixed into every feature's hash.
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const SHORT_SHAPE: u64 = 5;
    pub const PREFIX: u64 = 6; // +0..4
    pub const SUFFIX: u64 = 10; // +0..4
    pub const LOWER_PREV: u64 = 14;
    pub const LOWER_NEXT: u64 = 15;
    pub const LOWER_PREV2: u64 = 16;
    pub const LOWER_NEXT2: u64 = 17;
    pub const SHAPE_PREV: u64 = 18;
    pub const SHAPE_NEXT: u64 = 19;
    pub const SHAPE_PREV_CUR: u64 = 20;
    pub const SHAPE_CUR_NEXT: u64 = 21;
    pub const SHAPE_TRIGRAM: u64 = 22;
    pub const BIGRAM_PREV: u64 = 23;
    pub const BIGRAM_NEXT: u64 = 24;
    pub const TAG1: u64 = 25;
    pub const TAG12: u64 = 26;
    pub const TAG1_LOWER: u64 = 27;
    pub const TAG1_SHAPE: u64 = 28;
    pub const POSITION_SHAPE: u64 = 29;
    pub const ALLCAPS_SHAPE: u64 = 30;
    pub const GAZ: u64 = 31;
    pub const GAZ_PREV: u64 = 32;
    pub const GAZ_NEXT: u64 = 33;
    pub const DOC: u64 = 34;
    pub const HISTORY: u64 = 35;
    pub const HISTORY_SHAPE: u64 = 36;
    pub const LENGTH_SHAPE: u64 = 37;
    pub const SUFFIX3_NEXT: u64 = 38;
    pub const WORD_PREV: u64 = 39;
    pub const WORD_NEXT: u64 = 40;
    pub const TAG1_WORD_PREV: u64 = 41;
    pub const GAZ_SHAPE: u64 = 42;
    pub const DOC_POSITION: u64 = 43;
    pub const RUN_LAST: u64 = 44;
    pub const RUN_FIRST: u64 = 45;
    pub const RUN_SHAPE: u64 = 46;
    pub const RUN_LAST_GAZ: u64 = 47;
    pub const STAGE1_OTHERS: u64 = 51;
    pub const STAGE1_LONGER: u64 = 52;
    // Numbers kept from the experiment that also fed the first-stage label itself.
    pub const STAGE1_OTHERS_SHAPE: u64 = 151;
    pub const STAGE1_LONGER_RUN: u64 = 152;
}

const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4E44;

/// The hashes of the features at position `i`, given the labels chosen for the two previous
/// tokens and the label this word form got most often earlier in the document (0 = none).
pub(crate) fn features(
    sentence: &PreparedSentence,
    i: usize,
    prev1: usize,
    prev2: usize,
    history: usize,
    out: &mut Vec<u64>,
) {
    use template::*;
    out.clear();
    let tokens = &sentence.tokens;
    let Some(cur) = tokens.get(i) else { return };
    let at = |offset: isize| -> Option<&TokenInfo> {
        i.checked_add_signed(offset).and_then(|j| tokens.get(j))
    };
    let lower_at =
        |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |t| t.lower);
    let word_at =
        |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |t| t.word);
    let shape_at =
        |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |t| t.short_shape);
    let mut push = |template: u64, value: u64| out.push(mix(template, value));

    push(BIAS, 0);
    push(WORD, cur.word);
    push(LOWER, cur.lower);
    push(SHAPE, cur.shape);
    push(SHORT_SHAPE, cur.short_shape);
    for n in 0..4 {
        if cur.prefix[n] != 0 {
            push(PREFIX + n as u64, cur.prefix[n]);
            push(SUFFIX + n as u64, cur.suffix[n]);
        }
    }
    push(LOWER_PREV, lower_at(-1));
    push(LOWER_NEXT, lower_at(1));
    push(LOWER_PREV2, lower_at(-2));
    push(LOWER_NEXT2, lower_at(2));
    push(WORD_PREV, word_at(-1));
    push(WORD_NEXT, word_at(1));
    push(SHAPE_PREV, shape_at(-1));
    push(SHAPE_NEXT, shape_at(1));
    push(SHAPE_PREV_CUR, mix(shape_at(-1), cur.short_shape));
    push(SHAPE_CUR_NEXT, mix(cur.short_shape, shape_at(1)));
    push(
        SHAPE_TRIGRAM,
        mix(mix(shape_at(-1), cur.short_shape), shape_at(1)),
    );
    push(BIGRAM_PREV, mix(lower_at(-1), cur.lower));
    push(BIGRAM_NEXT, mix(cur.lower, lower_at(1)));
    push(SUFFIX3_NEXT, at(1).map_or(END, |t| t.suffix[2]));
    push(TAG1, prev1 as u64);
    push(TAG12, (prev1 * 16 + prev2) as u64);
    push(TAG1_LOWER, mix(prev1 as u64, cur.lower));
    push(TAG1_SHAPE, mix(prev1 as u64, cur.short_shape));
    push(TAG1_WORD_PREV, mix(prev1 as u64, lower_at(-1)));
    let position = match i {
        0 => 0,
        1 => 1,
        _ if i + 1 == tokens.len() => 2,
        _ => 3,
    };
    push(POSITION_SHAPE, mix(position, cur.short_shape));
    push(
        ALLCAPS_SHAPE,
        mix(u64::from(sentence.all_caps), cur.short_shape),
    );
    push(
        LENGTH_SHAPE,
        mix(u64::from(cur.length_bucket), cur.short_shape),
    );
    for list in 0..2 * MAX_LISTS {
        if cur.gazetteer & (1 << list) != 0 {
            push(GAZ, list as u64);
            push(GAZ_SHAPE, mix(list as u64, cur.short_shape));
        }
    }
    if let Some(prev) = at(-1) {
        for list in 0..2 * MAX_LISTS {
            if prev.gazetteer & (1 << list) != 0 {
                push(GAZ_PREV, list as u64);
            }
        }
    }
    if let Some(next) = at(1) {
        for list in 0..2 * MAX_LISTS {
            if next.gazetteer & (1 << list) != 0 {
                push(GAZ_NEXT, list as u64);
            }
        }
    }
    if cur.run_position != 0 {
        let place = u64::from(cur.run_position) * 8 + u64::from(cur.run_length);
        push(RUN_LAST, mix(u64::from(cur.run_position), cur.run_last));
        push(RUN_FIRST, mix(u64::from(cur.run_position), cur.run_first));
        push(RUN_SHAPE, place);
        for list in 0..2 * MAX_LISTS {
            if cur.run_last_gazetteer & (1 << list) != 0 {
                push(RUN_LAST_GAZ, mix(list as u64, u64::from(cur.run_position)));
            }
        }
    }
    if cur.flags & INIT_CAP != 0 {
        push(DOC, u64::from(cur.doc));
        push(
            DOC_POSITION,
            mix(
                u64::from(cur.doc),
                position.min(1) + 2 * u64::from(sentence.all_caps),
            ),
        );
        push(HISTORY, history as u64);
        push(HISTORY_SHAPE, mix(history as u64, cur.short_shape));
    }
    if let Some(stage1) = sentence.stack.get(i) {
        // Only what the first stage says about the rest of the document: feeding the second
        // stage the token's own first-stage label made it copy that label (measured: no gain).
        if stage1.others != 0 {
            push(STAGE1_OTHERS, u64::from(stage1.others));
            push(STAGE1_OTHERS_SHAPE, mix(u64::from(stage1.others), cur.short_shape));
        }
        if stage1.longer != 0 {
            push(STAGE1_LONGER, u64::from(stage1.longer));
            push(STAGE1_LONGER_RUN, mix(u64::from(stage1.longer), u64::from(cur.run_position)));
        }
    }
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
        let empty = summarize("");
        assert_eq!(empty.prefix, [0; 4]);
    }

    #[test]
    fn document_flags_see_other_sentences() {
        let gaz = Gazetteer::default();
        let doc = vec![
            vec!["Clinton", "spoke", "."],
            vec!["President", "Bill", "Clinton", "left"],
            vec!["The", "end"],
            vec!["we", "saw", "the", "End"],
        ];
        let prepared = prepare_document(&doc, &gaz);
        let clinton = prepared[0].tokens[0].doc;
        assert!(clinton & DOC_SEQ_LAST != 0 && clinton & DOC_CAP_MIDDLE != 0);
        let the = prepared[2].tokens[0].doc;
        assert!(the & DOC_LOWERCASE != 0 && the & DOC_CAP_MIDDLE == 0);
        let mut out = Vec::new();
        features(&prepared[1], 1, 1, 0, 0, &mut out);
        assert!(out.len() > 30);
    }
}
