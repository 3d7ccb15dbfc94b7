//! The second stage of the tagger. The first stage tags a document left to right; the second
//! tags it again knowing what the first said about the whole document: how the other
//! occurrences of the same word were labelled (also the later ones, which left-to-right
//! history cannot see), and the type of any longer mention the word appeared in ("Lebed"
//! after "Alexander Lebed"). Training uses first-stage
//! labels from models that did not see the document (k-fold), so the second stage learns how
//! far to trust them.

use crate::document::PreparedSentence;
use crate::hash::{hash_lower, HashKeyed};
use crate::labels::type_of;
use crate::token_info::INIT_CAP;

/// What the first stage said, as seen from one token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct StackToken {
    /// 0 = the word occurs nowhere else (or is not capitalised); else
    /// 2 * (1 + majority type of the other occurrences) + 1 if they all agree.
    pub others: u8,
    /// 0 = never inside a multi-token mention; else 1 + that mention's type.
    pub longer: u8,
    /// The first-stage mention this token's mention (or capitalised word) is listed with, on
    /// its left ("Rangers and Fulham" as seen from "Fulham") and on its right (from
    /// "Rangers"): 0 = none, else 1 + its type, plus 5 when the link is a bare comma.
    /// Names listed together usually share a type, and the second stage learns how far.
    pub listed_left: u8,
    pub listed_right: u8,
}

/// Whether any token of the sentence carries first-stage document evidence; the second stage
/// is run (and trained) only on sentences that do.
pub(crate) fn has_evidence(sentence: &PreparedSentence) -> bool {
    sentence
        .stack
        .iter()
        .any(|t| t.others != 0 || t.longer != 0 || t.listed_left != 0 || t.listed_right != 0)
}

/// Whether the second stage decides token `i`, or keeps the first stage's label: it decides
/// only near capitalised words and first-stage mentions, where document evidence can matter.
/// Far from them the two stages agree anyway, and skipping them halves the second stage's cost.
pub(crate) fn second_stage_decides(sentence: &PreparedSentence, first: &[usize], i: usize) -> bool {
    let capitalised = |j: usize| {
        sentence
            .tokens
            .get(j)
            .is_some_and(|t| t.flags & INIT_CAP != 0)
    };
    let in_mention = |j: usize| first.get(j).is_some_and(|&l| l != 0);
    capitalised(i)
        || in_mention(i)
        || i.checked_sub(1)
            .is_some_and(|j| capitalised(j) || in_mention(j))
        || capitalised(i + 1)
}

/// Fills `sentence.stack` for every sentence of `document` from first-stage `labels`.
pub(crate) fn attach_first_stage(document: &mut [PreparedSentence], labels: &[Vec<usize>]) {
    let mut votes: HashKeyed<[u16; 5]> = HashKeyed::default();
    let mut longer: HashKeyed<u8> = HashKeyed::default();
    for (sentence, labels) in document.iter().zip(labels) {
        for (token, &label) in sentence.tokens.iter().zip(labels) {
            if token.flags & INIT_CAP != 0 {
                let counts = votes.entry(token.lower).or_default();
                counts[type_of(label)] = counts[type_of(label)].saturating_add(1);
            }
        }
        for (start, end, kind) in mentions(labels) {
            if end - start >= 2 {
                for token in &sentence.tokens[start..end] {
                    longer.entry(token.lower).or_insert(1 + kind as u8);
                }
            }
        }
    }
    let list_words = ListWords::new();
    for (sentence, labels) in document.iter_mut().zip(labels) {
        sentence.stack = sentence
            .tokens
            .iter()
            .zip(labels)
            .map(|(token, &label)| {
                if token.flags & INIT_CAP == 0 {
                    return StackToken::default();
                }
                let mut counts = votes.get(&token.lower).copied().unwrap_or_default();
                counts[type_of(label)] = counts[type_of(label)].saturating_sub(1);
                let total: u32 = counts.iter().map(|&c| u32::from(c)).sum();
                let others = if total == 0 {
                    0
                } else {
                    let majority = (0..5).rev().max_by_key(|&t| counts[t]).unwrap_or(0);
                    2 * (1 + majority as u8) + u8::from(u32::from(counts[majority]) == total)
                };
                StackToken {
                    others,
                    longer: longer.get(&token.lower).copied().unwrap_or(0),
                    ..StackToken::default()
                }
            })
            .collect();
        link_listed_mentions(sentence, labels, &list_words);
    }
}

/// The words that join the items of a list of names.
struct ListWords {
    and: u64,
    or: u64,
    comma: u64,
}

impl ListWords {
    fn new() -> Self {
        ListWords {
            and: hash_lower("and"),
            or: hash_lower("or"),
            comma: hash_lower(","),
        }
    }
}

/// Sets `listed_left` / `listed_right` for the first-stage mentions of one sentence that a
/// list joins: a mention, then `and`, `or`, `,` or `, and`, then a capitalised word (which the
/// first stage may have left outside any mention, so the link can also add one).
fn link_listed_mentions(sentence: &mut PreparedSentence, labels: &[usize], words: &ListWords) {
    let tokens = &sentence.tokens;
    let mut links: Vec<(std::ops::Range<usize>, std::ops::Range<usize>, u8, u8)> = Vec::new();
    for (start, end, kind) in mentions(labels) {
        let mut next = end;
        let mut comma_only = false;
        match tokens.get(next).map(|t| t.lower) {
            Some(w) if w == words.and || w == words.or => next += 1,
            Some(w) if w == words.comma => {
                next += 1;
                match tokens.get(next).map(|t| t.lower) {
                    Some(w) if w == words.and || w == words.or => next += 1,
                    _ => comma_only = true,
                }
            }
            _ => {}
        }
        let capitalised = tokens.get(next).is_some_and(|t| t.flags & INIT_CAP != 0);
        if next > end && capitalised {
            let (other_end, other_kind) = if type_of(labels[next]) != 0 && labels[next] < 5 {
                (mention_end(labels, next), type_of(labels[next]))
            } else {
                (next + 1, 0)
            };
            let bump = if comma_only { 5 } else { 0 };
            let left = 1 + kind as u8 + bump;
            let right = if other_kind == 0 {
                0
            } else {
                1 + other_kind as u8 + bump
            };
            links.push((start..end, next..other_end, left, right));
        }
    }
    for (first, second, left, right) in links {
        for token in &mut sentence.stack[second] {
            token.listed_left = left;
        }
        if right != 0 {
            for token in &mut sentence.stack[first] {
                token.listed_right = right;
            }
        }
    }
}

/// The first-stage mentions of one sentence, in order: (start, end exclusive, type).
fn mentions(labels: &[usize]) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < labels.len() && type_of(labels[start]) == 0 {
            start += 1;
        }
        (start < labels.len()).then(|| {
            let (from, end) = (start, mention_end(labels, start));
            start = end;
            (from, end, type_of(labels[from]))
        })
    })
}

/// The end (exclusive) of the first-stage mention that starts at `start`.
fn mention_end(labels: &[usize], start: usize) -> usize {
    let kind = type_of(labels[start]);
    start
        + 1
        + labels[start + 1..]
            .iter()
            .take_while(|&&l| l >= 5 && type_of(l) == kind)
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::prepare_document;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn other_occurrences_and_longer_mentions_are_seen() {
        let words = vec![vec!["Alexander", "Lebed", "spoke"], vec!["Lebed", "left"]];
        let mut doc = prepare_document(
            &words,
            &Gazetteer::default(),
            &crate::word_classes::WordClasses::default(),
        );
        // B-PER I-PER O / B-ORG O
        attach_first_stage(&mut doc, &[vec![1, 5, 0], vec![2, 0]]);
        let lebed = doc[1].stack[0];
        assert_eq!(
            lebed.others,
            2 * (1 + 1) + 1,
            "the other Lebed was PER, unanimously"
        );
        assert_eq!(lebed.longer, 1 + 1);
        assert_eq!(doc[0].stack[2].others, 0);
    }

    #[test]
    fn names_in_a_list_see_each_others_first_stage_type() {
        let words = vec![vec![
            "Rangers", "and", "Fulham", "chased", "Weir", ",", "Celtic", ",", "and", "Stoke",
            "City", "too", ",", "not", "Leeds", "or", "fans",
        ]];
        let mut doc = prepare_document(
            &words,
            &Gazetteer::default(),
            &crate::word_classes::WordClasses::default(),
        );
        // B-ORG O B-LOC O B-PER O O O O B-ORG I-ORG O O O B-LOC O O
        attach_first_stage(
            &mut doc,
            &[vec![2, 0, 3, 0, 1, 0, 0, 0, 0, 2, 6, 0, 0, 0, 3, 0, 0]],
        );
        let stack = &doc[0].stack;
        assert_eq!(
            stack[2].listed_left,
            1 + 2,
            "Fulham follows an ORG across 'and'"
        );
        assert_eq!(stack[0].listed_right, 1 + 3, "Rangers precedes a LOC");
        assert_eq!(
            stack[6].listed_left,
            1 + 1 + 5,
            "Celtic, untagged, follows a PER across a bare comma"
        );
        assert_eq!(
            stack[4].listed_right, 0,
            "Celtic has no first-stage type to give"
        );
        assert_eq!(stack[9].listed_left, 0, "Celtic was no first-stage mention");
        assert_eq!((stack[10].listed_left, stack[14].listed_left), (0, 0));
        assert_eq!(
            stack[16].listed_left, 0,
            "only capitalised words are linked"
        );
    }
}
