//! Scores the pipeline's quotations against PolNeAR's direct quotations: precision,
//! recall, speaker accuracy by source kind, and every miss, false positive and wrong
//! speaker. Matching is the JSONL gold's (`crate::eval`): a prediction matches a gold
//! quotation when it contains it or has at least half its tokens, one-to-one, most similar
//! first. An unmatched prediction that lies inside a gold quotation (at least half its
//! tokens are that gold's) or matches optional quoted text is neither a match nor a false
//! positive.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use newsmill_core::{Article, QuoteKind};
use newsmill_gold::ratio;

use super::gold::PolnearArticle;
use super::referent::{speaker_matches, SourceKind};
use crate::eval::{match_quotes, overlap, short, tokens, MATCH_THRESHOLD};

/// Speaker counts for one source kind.
#[derive(Debug, Default, Clone, Copy)]
pub struct KindCounts {
    pub correct: usize,
    pub scored: usize,
    /// Matched quotations whose source has no name in the article (not scored).
    pub unscored: usize,
}

#[derive(Debug, Default, Clone)]
pub struct PolnearTally {
    pub articles: usize,
    pub gold: usize,
    /// Predictions counted for precision (matched or false positive).
    pub predicted: usize,
    pub matched: usize,
    /// Predictions inside a gold quotation or optional text: not counted.
    pub uncounted: usize,
    pub by_kind: BTreeMap<SourceKind, KindCounts>,
    pub problems: Vec<String>,
}

impl PolnearTally {
    pub fn add(&mut self, gold: &PolnearArticle, article: &Article) {
        self.articles += 1;
        let preds: Vec<_> = article
            .annotations
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Term)
            .collect();
        let pred_toks: Vec<Vec<String>> = preds.iter().map(|q| tokens(&q.text)).collect();
        let gold_toks: Vec<Vec<String>> = gold.quotes.iter().map(|q| tokens(&q.text)).collect();
        let optional_toks: Vec<Vec<String>> = gold.optional.iter().map(|t| tokens(t)).collect();
        let (gold_match, pred_used) = match_quotes(&gold_toks, &pred_toks);
        let name = &gold.name;
        for (g, gq) in gold.quotes.iter().enumerate() {
            self.gold += 1;
            let source = gq.source.as_deref().unwrap_or("-");
            let referent = gq.referent.as_deref().unwrap_or("?");
            let Some(p) = gold_match[g] else {
                self.problems.push(format!(
                    "{name}: MISSED \"{}\" ({}: {source} -> {referent})",
                    short(&gq.text),
                    gq.kind.as_str()
                ));
                continue;
            };
            self.matched += 1;
            let counts = self.by_kind.entry(gq.kind).or_default();
            let Some(referent) = gq.referent.as_deref() else {
                counts.unscored += 1;
                continue;
            };
            counts.scored += 1;
            let pq = preds[p];
            if pq
                .speaker
                .as_deref()
                .is_some_and(|s| speaker_names(article, s).any(|n| speaker_matches(referent, n)))
            {
                counts.correct += 1;
            } else {
                self.problems.push(format!(
                    "{name}: SPEAKER \"{}\": {}: {source:?} -> {referent:?}, got {:?} (mention {:?}, cue {:?})",
                    short(&gq.text),
                    gq.kind.as_str(),
                    pq.speaker.as_deref().unwrap_or("-"),
                    pq.speaker_mention.as_deref().unwrap_or("-"),
                    pq.cue.as_deref().unwrap_or("-"),
                ));
            }
        }
        for (p, pq) in preds.iter().enumerate() {
            if pred_used[p] {
                self.predicted += 1;
                continue;
            }
            let pt = &pred_toks[p];
            let inside_gold = gold_toks
                .iter()
                .any(|gt| overlap(gt, pt) >= MATCH_THRESHOLD);
            let optional = optional_toks
                .iter()
                .any(|ot| overlap(pt, ot) >= MATCH_THRESHOLD || overlap(ot, pt) >= MATCH_THRESHOLD);
            if inside_gold || optional {
                self.uncounted += 1;
                continue;
            }
            self.predicted += 1;
            self.problems.push(format!(
                "{name}: FALSE POSITIVE \"{}\" ({})",
                short(&pq.text),
                pq.speaker.as_deref().unwrap_or("-")
            ));
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// Correct over scored speakers, all kinds together.
    pub fn speaker_counts(&self) -> KindCounts {
        let mut all = KindCounts::default();
        for c in self.by_kind.values() {
            all.correct += c.correct;
            all.scored += c.scored;
            all.unscored += c.unscored;
        }
        all
    }

    pub fn speaker_accuracy(&self) -> f64 {
        let all = self.speaker_counts();
        ratio(all.correct, all.scored)
    }

    pub fn kind_accuracy(&self, kind: SourceKind) -> f64 {
        let c = self.by_kind.get(&kind).copied().unwrap_or_default();
        ratio(c.correct, c.scored)
    }

    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "quotes (PolNeAR direct quotations): {} articles, {} gold, {} predicted, {} matched, {} uncounted (inside a gold quotation or optional)",
            self.articles, self.gold, self.predicted, self.matched, self.uncounted
        );
        let all = self.speaker_counts();
        let _ = writeln!(
            out,
            "precision {:.3}  recall {:.3}  F1 {:.3}  speaker accuracy {:.3} ({}/{}; {} without a name in the article)",
            self.precision(),
            self.recall(),
            newsmill_gold::f1(self.precision(), self.recall()),
            self.speaker_accuracy(),
            all.correct,
            all.scored,
            all.unscored
        );
        for (kind, c) in &self.by_kind {
            let _ = writeln!(
                out,
                "  speakers, {} sources: {:.3} ({}/{}; {} unscored)",
                kind.as_str(),
                ratio(c.correct, c.scored),
                c.correct,
                c.scored,
                c.unscored
            );
        }
        for problem in &self.problems {
            let _ = writeln!(out, "  {problem}");
        }
        out
    }
}

/// The names a predicted speaker goes by in the article: its entity name and every form
/// the article uses for that entity ("National Rifle Association", "NRA"), so a source the
/// gold gives as an acronym or a short form of the same entity is the same speaker.
fn speaker_names<'a>(article: &'a Article, speaker: &'a str) -> impl Iterator<Item = &'a str> {
    let aliases = article
        .annotations
        .entities
        .iter()
        .filter(move |e| e.name == speaker)
        .flat_map(|e| e.aliases.iter().map(String::as_str));
    std::iter::once(speaker).chain(aliases)
}

#[cfg(test)]
mod tests {
    use super::super::gold::PolnearQuote;
    use super::*;
    use newsmill_core::{Quote, Span};

    fn quote(text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            speaker: speaker.map(str::to_string),
            speaker_mention: None,
            cue: None,
            text: text.into(),
            kind: QuoteKind::Full,
            span: Span::default(),
            speaker_type: Default::default(),
        }
    }

    fn gq(text: &str, kind: SourceKind, referent: Option<&str>) -> PolnearQuote {
        PolnearQuote {
            text: text.into(),
            source: Some("x".into()),
            kind,
            referent: referent.map(str::to_string),
        }
    }

    #[test]
    fn counts_matches_parts_optional_and_speakers_by_kind() {
        let gold = PolnearArticle {
            name: "a.txt".into(),
            path: Default::default(),
            quotes: vec![
                gq(
                    "we will win this election in November",
                    SourceKind::Named,
                    Some("Ann Lee"),
                ),
                gq(
                    "taxes are far too high for families",
                    SourceKind::Pronoun,
                    Some("Bob Day"),
                ),
                gq("nobody found this one at all", SourceKind::NounPhrase, None),
            ],
            optional: vec!["disaster".into()],
        };
        let mut article = Article::default();
        article.annotations.quotes = vec![
            quote("we will win this election in November", Some("Lee")),
            quote("taxes are far too high for families", Some("Ann Lee")),
            quote("far too high", None),
            quote("disaster", None),
            quote("an invented quotation", None),
        ];
        let mut tally = PolnearTally::default();
        tally.add(&gold, &article);
        assert_eq!(
            (tally.gold, tally.matched, tally.predicted, tally.uncounted),
            (3, 2, 3, 2)
        );
        assert_eq!(tally.kind_accuracy(SourceKind::Named), 1.0);
        assert_eq!(tally.kind_accuracy(SourceKind::Pronoun), 0.0);
        let report = tally.report();
        assert!(report.contains("MISSED \"nobody"), "{report}");
        assert!(report.contains("FALSE POSITIVE \"an invented"), "{report}");
        assert!(report.contains("SPEAKER \"taxes"), "{report}");
    }

    #[test]
    fn a_source_may_name_the_speaker_by_another_form_the_article_uses() {
        let gold = PolnearArticle {
            name: "a.txt".into(),
            path: Default::default(),
            quotes: vec![
                gq("any and all gun control", SourceKind::Named, Some("NRA")),
                gq("no comment from us today", SourceKind::Named, Some("NRA")),
            ],
            optional: vec![],
        };
        let mut article = Article::default();
        article.annotations.entities = vec![newsmill_core::Entity {
            kind: newsmill_core::EntityKind::Organization,
            name: "National Rifle Association".into(),
            aliases: vec!["National Rifle Association".into(), "NRA".into()],
            mentions: 2,
            first: Span::default(),
        }];
        article.annotations.quotes = vec![
            quote(
                "any and all gun control",
                Some("National Rifle Association"),
            ),
            // Another speaker with no such alias is still wrong.
            quote("no comment from us today", Some("National Review")),
        ];
        let mut tally = PolnearTally::default();
        tally.add(&gold, &article);
        assert_eq!(tally.kind_accuracy(SourceKind::Named), 0.5);
    }
}
