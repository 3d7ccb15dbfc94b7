//! Preparing a document for tagging: every sentence's tokens summarised, gazetteer matches
//! marked, capitalised runs found, and the document-level evidence about each capitalised
//! word collected (capitalised mid-sentence elsewhere, in lowercase, inside a longer name).

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::gazetteer::Gazetteer;
use crate::hash::HashKeyed;
use crate::stacking::StackToken;
use crate::token_info::{
    summarize, TokenInfo, ALL_CAPS, HAS_ALPHA, HAS_DIGIT, HAS_LOWER, INIT_CAP,
};
use crate::word_classes::WordClasses;

// Document flags (`TokenInfo::doc`), set only on capitalised tokens.
const DOC_CAP_MIDDLE: u8 = 1;
const DOC_LOWERCASE: u8 = 2;
const DOC_SEQ_FIRST: u8 = 4;
const DOC_SEQ_LAST: u8 = 8;
const DOC_SEQ_MIDDLE: u8 = 16;
const DOC_ALONE_MIDDLE: u8 = 32;

thread_local! {
    /// Summaries of the token forms this thread saw last. A summary depends on the form
    /// alone (not on the model), and a few thousand forms make up most of any news text
    /// ("the", ",", "said", names repeated): summarising each once, instead of hashing a
    /// dozen affixes and shapes per token, was a tenth of tagging (profiled).
    static SUMMARIES: RefCell<FxHashMap<Box<str>, TokenInfo>> = RefCell::default();
}

/// Forms kept in [`SUMMARIES`] before it is emptied: about 3 MB a thread.
const MAX_CACHED_FORMS: usize = 16_384;

/// `summarize(word)`, from the thread's cache when the form was seen lately.
fn cached_summary(cache: &mut FxHashMap<Box<str>, TokenInfo>, word: &str) -> TokenInfo {
    if let Some(info) = cache.get(word) {
        return *info;
    }
    let info = summarize(word);
    if cache.len() >= MAX_CACHED_FORMS {
        cache.clear();
    }
    cache.insert(word.into(), info);
    info
}

/// A sentence ready for decoding.
#[derive(Debug, Clone, Default)]
pub(crate) struct PreparedSentence {
    pub tokens: Vec<TokenInfo>,
    /// Every letter in the sentence is uppercase (a headline): capitalisation means little.
    pub all_caps: bool,
    /// How much of the sentence is numbers (0: under 20%, 1: under 50%, 2: more), plus 3 when
    /// the document is mostly such rows: results tables, where "Chicago" is a team (ORG).
    pub numeric: u8,
    /// First-stage labels and what they say about the document; empty in the first stage.
    pub stack: Vec<StackToken>,
}

/// Summarises the sentences of one document, marks gazetteer matches, and sets the
/// document-level flags: whether a capitalised word also appears capitalised in mid-sentence
/// elsewhere in the document, in lowercase, or inside a longer capitalised name.
pub(crate) fn prepare_document(
    sentences: &[Vec<&str>],
    gazetteer: &Gazetteer,
    classes: &WordClasses,
) -> Vec<PreparedSentence> {
    let mut prepared: Vec<PreparedSentence> = sentences
        .iter()
        .map(|words| {
            let tokens: Vec<TokenInfo> = SUMMARIES.with(|cache| {
                let mut cache = cache.borrow_mut();
                words
                    .iter()
                    .map(|w| {
                        let mut info = cached_summary(&mut cache, w);
                        let found = classes.lookup(w, &info);
                        info.class_coarse = found.coarse;
                        info.class_fine = found.fine;
                        info
                    })
                    .collect()
            });
            let all_caps = tokens.iter().any(|t| t.flags & HAS_ALPHA != 0)
                && tokens.iter().all(|t| t.flags & HAS_LOWER == 0);
            let digits = tokens.iter().filter(|t| t.flags & HAS_DIGIT != 0).count();
            let numeric = match (digits * 10).checked_div(tokens.len()).unwrap_or(0) {
                0..=1 => 0,
                2..=4 => 1,
                _ => 2,
            };
            PreparedSentence {
                tokens,
                all_caps,
                numeric,
                stack: Vec::new(),
            }
        })
        .collect();

    let table_rows = prepared.iter().filter(|s| s.numeric == 2).count();
    if table_rows * 4 > prepared.len() {
        for sentence in &mut prepared {
            sentence.numeric += 3;
        }
    }

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
        "&" | "of"
            | "'s"
            | "’s"
            | "de"
            | "del"
            | "der"
            | "van"
            | "von"
            | "da"
            | "di"
            | "la"
            | "le"
            | "du"
            | "al"
            | "el"
            | "y"
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
            let (first, last, last_gazetteer) = (
                tokens[i].lower,
                tokens[end - 1].lower,
                tokens[end - 1].gazetteer,
            );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::features;

    #[test]
    fn document_flags_see_other_sentences() {
        let gaz = Gazetteer::default();
        let doc = vec![
            vec!["Clinton", "spoke", "."],
            vec!["President", "Bill", "Clinton", "left"],
            vec!["The", "end"],
            vec!["we", "saw", "the", "End"],
        ];
        let prepared = prepare_document(&doc, &gaz, &WordClasses::default());
        let clinton = prepared[0].tokens[0].doc;
        assert!(clinton & DOC_SEQ_LAST != 0 && clinton & DOC_CAP_MIDDLE != 0);
        let the = prepared[2].tokens[0].doc;
        assert!(the & DOC_LOWERCASE != 0 && the & DOC_CAP_MIDDLE == 0);
        let mut out = Vec::new();
        features(&prepared[1], 1, 1, 0, 0, &mut out);
        assert!(out.len() > 30);
    }
}
