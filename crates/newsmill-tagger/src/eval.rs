//! conlleval-style scoring: entity mentions must match gold exactly (start, end and type).
//! IOB1 and IOB2 are both read the way conlleval reads them: a mention starts at `B-`, or at
//! an `I-` that does not continue a mention of its own type.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;

use crate::conll::is_docstart;
use crate::labels::Tag;
use newsmill_gold::ratio;

/// Counts for one entity type (or all of them).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub gold: usize,
    pub found: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        newsmill_gold::f1(self.precision(), self.recall())
    }
}

/// Scores accumulated over sentences: per type (PER, ORG, LOC, MISC) and token accuracy.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scores {
    pub per_type: [Counts; 4],
    pub tokens: usize,
    pub tokens_correct: usize,
}

const TYPE_NAMES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

impl Scores {
    pub fn overall(&self) -> Counts {
        self.per_type.iter().fold(Counts::default(), |a, c| Counts {
            gold: a.gold + c.gold,
            found: a.found + c.found,
            correct: a.correct + c.correct,
        })
    }

    /// Adds one sentence's gold and predicted tags (same length).
    pub fn add_sentence(&mut self, gold: &[Tag], predicted: &[Tag]) {
        self.tokens += gold.len();
        self.tokens_correct += gold
            .iter()
            .zip(predicted)
            .filter(|(g, p)| g == p || same_after_iob2(g, p))
            .count();
        let gold_spans = spans(gold);
        let predicted_spans = spans(predicted);
        for span in &gold_spans {
            self.per_type[span.2].gold += 1;
        }
        for span in &predicted_spans {
            self.per_type[span.2].found += 1;
            if gold_spans.binary_search(span).is_ok() {
                self.per_type[span.2].correct += 1;
            }
        }
    }

    /// A conlleval-like report.
    pub fn report(&self) -> String {
        let all = self.overall();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.tokens, all.gold, all.found, all.correct
        );
        let _ = writeln!(
            out,
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            100.0 * ratio(self.tokens_correct, self.tokens),
            100.0 * all.precision(),
            100.0 * all.recall(),
            100.0 * all.f1()
        );
        for (name, c) in TYPE_NAMES.iter().zip(&self.per_type) {
            let _ = writeln!(
                out,
                "{name:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.found
            );
        }
        out
    }
}

/// Token accuracy should not punish IOB1 vs IOB2 spelling of the same tag.
fn same_after_iob2(a: &Tag, b: &Tag) -> bool {
    a.kind() == b.kind() && a.kind().is_some()
}

/// Mentions as sorted (start, end, type index) triples.
pub(crate) fn spans(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, newsmill_core::EntityKind)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Tag::I(k), Some((_, o))) if *k == o);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            out.push((start, i, type_index(kind)));
        }
        if let Some(kind) = tag.kind() {
            open = Some((i, kind));
        }
    }
    if let Some((start, kind)) = open {
        out.push((start, tags.len(), type_index(kind)));
    }
    out
}

fn type_index(kind: newsmill_core::EntityKind) -> usize {
    use newsmill_core::EntityKind::*;
    match kind {
        Person => 0,
        Organization => 1,
        Location => 2,
        Misc => 3,
    }
}

/// Scores a CoNLL file whose last column is the prediction and second to last the gold tag.
/// Lines with an unknown tag are an error naming the line. When the gold tags hold no MISC
/// mention at all, the file comes from a scheme without that type (Broad Twitter Corpus,
/// Universal NER): MISC predictions are then read as `O` and the report says so.
pub fn eval_conll(file: &Path) -> anyhow::Result<String> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let without_misc = !gold_has_misc(&text);
    let report = score_text(&text, without_misc)?.report();
    Ok(if without_misc {
        format!("gold has no MISC mention (a scheme without MISC): MISC predictions read as O\n{report}")
    } else {
        report
    })
}

/// Whether any gold tag (second-to-last column) is a MISC one.
fn gold_has_misc(text: &str) -> bool {
    text.lines().any(|line| {
        let columns: Vec<&str> = line.split_whitespace().collect();
        columns.len() >= 2 && columns[columns.len() - 2].ends_with("-MISC")
    })
}

pub(crate) fn score_text(text: &str, without_misc: bool) -> anyhow::Result<Scores> {
    let mut scores = Scores::default();
    let (mut gold, mut predicted) = (Vec::new(), Vec::new());
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || is_docstart(line) {
            scores.add_sentence(&gold, &predicted);
            gold.clear();
            predicted.clear();
            continue;
        }
        let columns: Vec<&str> = line.split_whitespace().collect();
        let [.., g, p] = columns[..] else {
            anyhow::bail!(
                "line {}: need at least two columns (gold, predicted): {line:?}",
                number + 1
            );
        };
        let parse = |t: &str| {
            Tag::parse(t).with_context(|| format!("line {}: unknown tag {t:?}", number + 1))
        };
        gold.push(parse(g)?);
        let mut tag = parse(p)?;
        if without_misc && tag.kind() == Some(newsmill_core::EntityKind::Misc) {
            tag = Tag::O;
        }
        predicted.push(tag);
    }
    scores.add_sentence(&gold, &predicted);
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_matching_with_iob1_gold_and_iob2_predictions() {
        let text = "-DOCSTART- -X- O O O\n\n\
            Peter NNP I-PER B-PER\nBlackburn NNP I-PER I-PER\nin IN O O\nBonn NNP I-LOC B-ORG\n\n\
            New NNP I-LOC B-LOC\nYork NNP I-LOC O\nTimes NNP I-ORG B-ORG\n";
        let scores = score_text(text, false).unwrap();
        let all = scores.overall();
        // Right: Peter Blackburn, Times. Wrong type: Bonn. Wrong span: New (gold New York).
        assert_eq!((all.gold, all.found, all.correct), (4, 4, 2));
        assert_eq!(
            scores.per_type[0],
            Counts {
                gold: 1,
                found: 1,
                correct: 1
            }
        );
        assert!((all.f1() - 0.5).abs() < 1e-9);
        assert!(
            scores.report().contains("FB1:  50.00"),
            "{}",
            scores.report()
        );
    }

    #[test]
    fn adjacent_same_type_mentions_are_split_by_b() {
        let p = |s: &str| Tag::parse(s).unwrap();
        let tags: Vec<Tag> = ["I-PER", "B-PER", "I-PER", "O", "I-LOC"]
            .iter()
            .map(|s| p(s))
            .collect();
        assert_eq!(spans(&tags), vec![(0, 1, 0), (1, 3, 0), (4, 5, 2)]);
    }

    #[test]
    fn misc_predictions_are_not_scored_against_gold_without_misc() {
        let text = "Paris B-LOC B-LOC\nOpen O B-MISC\n\nIBM B-ORG B-ORG\n";
        assert!(!gold_has_misc(text));
        let strict = score_text(text, false).unwrap().overall();
        assert_eq!((strict.found, strict.correct), (3, 2));
        let masked = score_text(text, true).unwrap().overall();
        assert_eq!((masked.found, masked.correct), (2, 2));
        assert!(gold_has_misc("Open B-MISC O\n"));
    }

    #[test]
    fn bad_lines_are_errors_not_panics() {
        assert!(score_text("Peter\n", false).is_err());
        assert!(score_text("Peter I-PER X-FOO\n", false).is_err());
        assert_eq!(score_text("", false).unwrap().overall().gold, 0);
    }
}
