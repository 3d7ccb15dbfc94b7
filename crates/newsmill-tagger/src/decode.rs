//! Greedy left-to-right decoding: each token gets the best label allowed after the previous
//! one (IOB2: an I- continues a mention of its own type), with the two previous labels and the
//! document's label history as features. Training runs the same steps and updates as it goes.

use crate::document::PreparedSentence;
use crate::features::features;
use crate::hash::HashKeyed;
use crate::labels::{allowed, type_of, N_LABELS};
use crate::stacking::{attach_first_stage, has_evidence, second_stage_decides};
use crate::token_info::{INIT_CAP, PLAIN};
use crate::weights::Weights;

/// Which type each capitalised word form was given earlier in the document.
#[derive(Default)]
pub(crate) struct History {
    counts: HashKeyed<[u16; 5]>,
}

impl History {
    /// 0 = never seen, else 1 + the most frequent type (0 = O, 1..=4 = PER..MISC).
    pub fn lookup(&self, sentence: &PreparedSentence, i: usize) -> usize {
        let Some(token) = sentence.tokens.get(i) else {
            return 0;
        };
        if token.flags & INIT_CAP == 0 {
            return 0;
        }
        let Some(counts) = self.counts.get(&token.lower) else {
            return 0;
        };
        let best = (0..5).rev().max_by_key(|&t| counts[t]).unwrap_or(0);
        1 + best
    }

    pub fn record(&mut self, sentence: &PreparedSentence, labels: &[usize]) {
        for (token, &label) in sentence.tokens.iter().zip(labels) {
            if token.flags & INIT_CAP != 0 {
                let counts = self.counts.entry(token.lower).or_default();
                counts[type_of(label)] = counts[type_of(label)].saturating_add(1);
            }
        }
    }
}

/// The best label allowed after `prev`.
#[inline]
pub(crate) fn best_label(scores: &[f32; N_LABELS], prev: usize) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (label, &score) in scores.iter().enumerate() {
        if score > best_score && allowed(prev, label) {
            best = label;
            best_score = score;
        }
    }
    best
}

#[inline]
pub(crate) fn score<W: Weights>(weights: &W, feats: &[u64]) -> [f32; N_LABELS] {
    weights.score(feats)
}

/// Whether token `i` is O without being scored: it follows an O, it is a lowercase word or a
/// punctuation mark (`token_info::PLAIN`), and no capitalised word follows it. The model
/// almost never begins a mention there: the stage's entity output on the BBC folder,
/// PolNeAR train and the CoNLL-format sets (eng.testa, ner-extra) is the same with and
/// without this shortcut, and on the HTML evaluation pages only reference lists change
/// ("et al. Efficacy ..." no longer gives the junk organisation "al. Efficacy"; measured,
/// docs/entities.md, "Stop 39"). It spares the scoring of about a third of all tokens, the
/// tagger's largest cost. A plain word before a capitalised one is still scored ("the" in
/// "the Hague" may begin a mention in the model's eyes), and name particles ("van", "de")
/// are not plain.
#[inline]
pub(crate) fn surely_outside(sentence: &PreparedSentence, i: usize, prev: usize) -> bool {
    prev == 0
        && sentence.tokens.get(i).is_some_and(|t| t.flags & PLAIN != 0)
        && sentence
            .tokens
            .get(i + 1)
            .is_none_or(|t| t.flags & INIT_CAP == 0)
}

/// Labels for every sentence of a document, in order.
pub(crate) fn decode_document<W: Weights>(
    weights: &W,
    document: &[PreparedSentence],
) -> Vec<Vec<usize>> {
    decode_sentences(weights, document, None)
}

/// Decodes each sentence. With `first` (first-stage labels: this is the second stage), a
/// sentence without document evidence keeps its first-stage labels, and so does every token
/// the second stage does not decide (see `stacking::second_stage_decides`).
pub(crate) fn decode_sentences<W: Weights>(
    weights: &W,
    document: &[PreparedSentence],
    first: Option<&[Vec<usize>]>,
) -> Vec<Vec<usize>> {
    decode_sentences_with(weights, document, first, true)
}

/// [`decode_sentences`], with the [`surely_outside`] shortcut or (`skip_plain` false, for the
/// test that the shortcut changes nothing) scoring every token.
fn decode_sentences_with<W: Weights>(
    weights: &W,
    document: &[PreparedSentence],
    first: Option<&[Vec<usize>]>,
    skip_plain: bool,
) -> Vec<Vec<usize>> {
    let mut history = History::default();
    let mut feats = Vec::with_capacity(128);
    document
        .iter()
        .enumerate()
        .map(|(s, sentence)| {
            let first = first.and_then(|f| f.get(s));
            let labels = match first {
                Some(first) if !has_evidence(sentence) => first.clone(),
                _ => {
                    let mut labels = Vec::with_capacity(sentence.tokens.len());
                    let (mut prev1, mut prev2) = (0, 0);
                    for i in 0..sentence.tokens.len() {
                        let label = match first {
                            _ if skip_plain && surely_outside(sentence, i, prev1) => 0,
                            Some(first) if !second_stage_decides(sentence, first, i) => first[i],
                            _ => {
                                features(
                                    sentence,
                                    i,
                                    prev1,
                                    prev2,
                                    history.lookup(sentence, i),
                                    &mut feats,
                                );
                                best_label(&score(weights, &feats), prev1)
                            }
                        };
                        labels.push(label);
                        prev2 = prev1;
                        prev1 = label;
                    }
                    labels
                }
            };
            history.record(sentence, &labels);
            labels
        })
        .collect()
}

/// Runs the model's stages over a prepared document: the first stage, then (if present) the
/// second with the first stage's document evidence attached.
pub(crate) fn run_stages<W: Weights>(
    stages: &[W],
    document: &mut [PreparedSentence],
) -> Vec<Vec<usize>> {
    run_stages_with(stages, document, true)
}

/// [`run_stages`], with or without the [`surely_outside`] shortcut.
pub(crate) fn run_stages_with<W: Weights>(
    stages: &[W],
    document: &mut [PreparedSentence],
    skip_plain: bool,
) -> Vec<Vec<usize>> {
    let mut labels: Vec<Vec<usize>> = Vec::new();
    for (n, stage) in stages.iter().enumerate() {
        if n == 0 {
            labels = decode_sentences_with(stage, document, None, skip_plain);
        } else {
            attach_first_stage(document, &labels);
            labels = decode_sentences_with(stage, document, Some(&labels), skip_plain);
        }
    }
    labels
}
