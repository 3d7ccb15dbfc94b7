//! The second stage of the tagger. The first stage tags a document left to right; the second
//! tags it again knowing what the first said about the whole document: how the other
//! occurrences of the same word were labelled (also the later ones, which left-to-right
//! history cannot see), and the type of any longer mention the word appeared in ("Lebed"
//! after "Alexander Lebed"). Training uses first-stage
//! labels from models that did not see the document (k-fold), so the second stage learns how
//! far to trust them.

use crate::document::PreparedSentence;
use crate::hash::HashKeyed;
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
}

/// Whether any token of the sentence carries first-stage document evidence; the second stage
/// is run (and trained) only on sentences that do.
pub(crate) fn has_evidence(sentence: &PreparedSentence) -> bool {
    sentence
        .stack
        .iter()
        .any(|t| t.others != 0 || t.longer != 0)
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
        let mut start = 0;
        while start < labels.len() {
            let kind = type_of(labels[start]);
            if kind == 0 {
                start += 1;
                continue;
            }
            let end = start
                + 1
                + labels[start + 1..]
                    .iter()
                    .take_while(|&&l| l >= 5 && type_of(l) == kind)
                    .count();
            if end - start >= 2 {
                for token in &sentence.tokens[start..end] {
                    longer.entry(token.lower).or_insert(1 + kind as u8);
                }
            }
            start = end;
        }
    }
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
                }
            })
            .collect();
    }
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
}
