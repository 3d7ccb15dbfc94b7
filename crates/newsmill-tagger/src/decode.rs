//! Greedy left-to-right decoding: each token gets the best label allowed after the previous
//! one (IOB2: an I- continues a mention of its own type), with the two previous labels and the
//! document's label history as features. Training runs the same steps and updates as it goes.

use crate::document::PreparedSentence;
use crate::features::features;
use crate::hash::HashKeyed;
use crate::labels::{allowed, type_of, N_LABELS};
use crate::stacking::{attach_first_stage, has_evidence, second_stage_decides};
use crate::token_info::INIT_CAP;
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
    let mut labels: Vec<Vec<usize>> = Vec::new();
    for (n, stage) in stages.iter().enumerate() {
        if n == 0 {
            labels = decode_document(stage, document);
        } else {
            attach_first_stage(document, &labels);
            labels = decode_sentences(stage, document, Some(&labels));
        }
    }
    labels
}
