//! Evaluation against a hand-written gold file (`newsmill eval quotes GOLD`).
//!
//! The gold is JSON Lines, one article per line:
//! `{"file": "../articles/seed/x.txt", "published": "2013-12-27", "quotes": [{"text": "...",
//! "speaker": "Jen Psaki", "speaker_aliases": ["Psaki"], "kind": "partial", "optional": false}],
//! "terms": ["surge"]}`. `file` is relative to the gold file's folder. A predicted quotation
//! matches a gold one when its normalised text contains the gold's or their shared tokens
//! cover at least half of the gold's; matching is one-to-one, best overlap first. Optional
//! gold quotations (borderline cases) count neither as misses nor, when found, as false
//! positives. Terms must not be reported as quotations.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use newsmill_core::{Article, QuoteKind};
use newsmill_gold::ratio;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldQuote {
    /// The quotation as printed, parts interrupted by the attribution joined with " … ".
    pub text: String,
    /// Full name of the speaker as the article gives it; `null` when the article does not
    /// name one ("the government said").
    #[serde(default)]
    pub speaker: Option<String>,
    /// Other acceptable names (an acronym, the article's own collective name).
    #[serde(default)]
    pub speaker_aliases: Vec<String>,
    /// `full` or `partial`.
    #[serde(default)]
    pub kind: Option<String>,
    /// A borderline case: neither required nor penalised.
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldArticle {
    /// The article path as written in the gold file, relative to the gold file's folder.
    pub file: String,
    #[serde(default)]
    pub published: Option<String>,
    pub quotes: Vec<GoldQuote>,
    /// Quoted strings that are not quotations (scare quotes, names).
    #[serde(default)]
    pub terms: Vec<String>,
    /// `file` resolved against the gold file's folder (filled by [`load_gold`]).
    #[serde(skip)]
    pub path: PathBuf,
}

newsmill_gold::impl_gold_file!(GoldArticle);

/// Reads a gold file; every article's `path` is resolved relative to the file's folder.
pub fn load_gold(path: &Path) -> anyhow::Result<Vec<GoldArticle>> {
    newsmill_gold::load_jsonl(path)
}

/// Lowercased word tokens, with curly quotes and apostrophes folded to straight ones.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// How well a predicted text covers a gold text: 1.0 when it contains it, else the share of
/// the gold's tokens it has (so a prediction inside the gold needs half its length).
pub(crate) fn overlap(pred: &[String], gold: &[String]) -> f64 {
    if gold.is_empty() || pred.is_empty() {
        return 0.0;
    }
    let (p, g) = (
        format!(" {} ", pred.join(" ")),
        format!(" {} ", gold.join(" ")),
    );
    if p.contains(&g) {
        return 1.0;
    }
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for t in pred {
        *counts.entry(t).or_default() += 1;
    }
    let mut shared = 0;
    for t in gold {
        if let Some(c) = counts.get_mut(t.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            shared += 1;
        }
    }
    shared as f64 / gold.len() as f64
}

/// Shared tokens over all tokens of both texts (multiset).
pub(crate) fn jaccard(a: &[String], b: &[String]) -> f64 {
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for t in a {
        *counts.entry(t).or_default() += 1;
    }
    let mut shared = 0usize;
    for t in b {
        if let Some(c) = counts.get_mut(t.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            shared += 1;
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

fn norm_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn speaker_ok(gold: &GoldQuote, predicted: Option<&str>) -> bool {
    match (&gold.speaker, predicted) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let p = norm_name(p);
            norm_name(g) == p || gold.speaker_aliases.iter().any(|a| norm_name(a) == p)
        }
        _ => false,
    }
}

pub(crate) const MATCH_THRESHOLD: f64 = 0.5;

/// Pairs gold quotations with predicted ones (token lists), one to one: every pair whose
/// overlap reaches [`MATCH_THRESHOLD`] qualifies, and the most similar go first, so a long
/// quotation pairs with its own gold rather than a short one it happens to contain.
/// Returns, for each gold quotation, the index of its prediction, and which predictions were
/// paired.
pub(crate) fn match_quotes(
    gold: &[Vec<String>],
    predicted: &[Vec<String>],
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut pairs = Vec::new();
    for (g, gt) in gold.iter().enumerate() {
        for (p, pt) in predicted.iter().enumerate() {
            if overlap(pt, gt) >= MATCH_THRESHOLD {
                pairs.push((jaccard(pt, gt), g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_match = vec![None; gold.len()];
    let mut pred_used = vec![false; predicted.len()];
    for (_, g, p) in pairs {
        if gold_match[g].is_none() && !pred_used[p] {
            gold_match[g] = Some(p);
            pred_used[p] = true;
        }
    }
    (gold_match, pred_used)
}

/// Running totals over gold articles.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub articles: usize,
    /// Required gold quotations.
    pub gold: usize,
    /// Predicted quotations (kind full/partial), excluding those matched to optional gold.
    pub predicted: usize,
    pub matched: usize,
    pub speaker_correct: usize,
    pub kind_correct: usize,
    pub terms: usize,
    pub terms_reported: usize,
    /// Per-article misses, false positives and wrong speakers, for the report.
    pub problems: Vec<String>,
}

pub(crate) fn short(text: &str) -> String {
    let mut s: String = text.chars().take(70).collect();
    if text.chars().count() > 70 {
        s.push('…');
    }
    s
}

impl Tally {
    /// Scores one article: `article` is the pipeline's output for `gold.path`.
    pub fn add(&mut self, gold: &GoldArticle, article: &Article) {
        self.articles += 1;
        let preds: Vec<_> = article
            .annotations
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Term)
            .collect();
        let pred_toks: Vec<Vec<String>> = preds.iter().map(|q| tokens(&q.text)).collect();
        let gold_toks: Vec<Vec<String>> = gold.quotes.iter().map(|q| tokens(&q.text)).collect();
        let (gold_match, pred_used) = match_quotes(&gold_toks, &pred_toks);
        let name = &gold.file;
        for (g, gq) in gold.quotes.iter().enumerate() {
            if gq.optional {
                continue;
            }
            self.gold += 1;
            let Some(p) = gold_match[g] else {
                self.problems.push(format!(
                    "{name}: MISSED \"{}\" ({})",
                    short(&gq.text),
                    gq.speaker.as_deref().unwrap_or("-")
                ));
                continue;
            };
            self.matched += 1;
            let pq = preds[p];
            if speaker_ok(gq, pq.speaker.as_deref()) {
                self.speaker_correct += 1;
            } else {
                self.problems.push(format!(
                    "{name}: SPEAKER \"{}\": gold {:?}, got {:?} (cue {:?}, mention {:?})",
                    short(&gq.text),
                    gq.speaker.as_deref().unwrap_or("-"),
                    pq.speaker.as_deref().unwrap_or("-"),
                    pq.cue.as_deref().unwrap_or("-"),
                    pq.speaker_mention.as_deref().unwrap_or("-"),
                ));
            }
            if kind_ok(gq.kind.as_deref(), pq.kind.as_str()) {
                self.kind_correct += 1;
            }
        }
        let optional_matched: Vec<bool> = (0..preds.len())
            .map(|p| {
                gold_match
                    .iter()
                    .zip(&gold.quotes)
                    .any(|(m, gq)| *m == Some(p) && gq.optional)
            })
            .collect();
        for (p, pq) in preds.iter().enumerate() {
            if optional_matched[p] {
                continue;
            }
            self.predicted += 1;
            if !pred_used[p] {
                self.problems.push(format!(
                    "{name}: FALSE POSITIVE \"{}\" ({})",
                    short(&pq.text),
                    pq.speaker.as_deref().unwrap_or("-")
                ));
            }
        }
        for term in &gold.terms {
            self.terms += 1;
            let tt = tokens(term);
            if pred_toks.contains(&tt) {
                self.terms_reported += 1;
                self.problems
                    .push(format!("{name}: TERM REPORTED \"{term}\""));
            }
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    pub fn f1(&self) -> f64 {
        newsmill_gold::f1(self.precision(), self.recall())
    }

    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.matched)
    }

    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.kind_correct, self.matched)
    }

    /// A plain-text report: totals, then every miss, false positive and wrong speaker.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "quotes: {} articles, {} gold quotations, {} predicted, {} matched",
            self.articles, self.gold, self.predicted, self.matched
        );
        let _ = writeln!(
            out,
            "precision {:.3}  recall {:.3}  F1 {:.3}  speaker accuracy {:.3} ({}/{})  kind accuracy {:.3}",
            self.precision(),
            self.recall(),
            self.f1(),
            self.speaker_accuracy(),
            self.speaker_correct,
            self.matched,
            self.kind_accuracy()
        );
        let _ = writeln!(
            out,
            "terms reported as quotations: {}/{}",
            self.terms_reported, self.terms
        );
        for problem in &self.problems {
            let _ = writeln!(out, "  {problem}");
        }
        out
    }
}

/// A gold quotation without a kind accepts any kind.
fn kind_ok(gold: Option<&str>, predicted: &str) -> bool {
    gold.map_or(true, |k| k.eq_ignore_ascii_case(predicted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Quote, Span};

    fn quote(text: &str, speaker: Option<&str>, kind: QuoteKind) -> Quote {
        Quote {
            speaker: speaker.map(str::to_string),
            speaker_mention: None,
            cue: None,
            text: text.into(),
            kind,
            span: Span::default(),
            speaker_type: Default::default(),
        }
    }

    fn gold(quotes: Vec<GoldQuote>) -> GoldArticle {
        GoldArticle {
            file: "a.txt".into(),
            published: None,
            quotes,
            terms: vec!["surge".into()],
            path: PathBuf::new(),
        }
    }

    fn gq(text: &str, speaker: &str, optional: bool) -> GoldQuote {
        GoldQuote {
            text: text.into(),
            speaker: Some(speaker.into()),
            speaker_aliases: vec!["SOHR".into()],
            kind: Some("partial".into()),
            optional,
        }
    }

    #[test]
    fn tallies_matches_misses_false_positives_and_speakers() {
        let g = gold(vec![
            gq(
                "the strongest group in Northern Syria.",
                "Syrian Observatory for Human Rights",
                false,
            ),
            gq("we will never give up the fight", "Jen Psaki", false),
            gq("sabotage", "Nuri al-Maliki", true),
        ]);
        let mut article = Article::default();
        article.annotations.quotes = vec![
            quote(
                "the strongest group in Northern Syria",
                Some("sohr"),
                QuoteKind::Partial,
            ),
            quote("something nobody said at all", None, QuoteKind::Full),
            quote("sabotage", None, QuoteKind::Partial),
            quote("surge", None, QuoteKind::Term),
        ];
        let mut tally = Tally::default();
        tally.add(&g, &article);
        assert_eq!(
            (
                tally.gold,
                tally.predicted,
                tally.matched,
                tally.speaker_correct
            ),
            (2, 2, 1, 1)
        );
        assert_eq!(tally.terms_reported, 0);
        assert!((tally.precision() - 0.5).abs() < 1e-9 && (tally.recall() - 0.5).abs() < 1e-9);
        let report = tally.report();
        assert!(report.contains("MISSED \"we will never"), "{report}");
        assert!(report.contains("FALSE POSITIVE \"something"), "{report}");
    }

    #[test]
    fn overlap_accepts_containment_and_half_the_gold_tokens() {
        let g = tokens("so that Al Qaeda stays alone,");
        assert_eq!(overlap(&tokens("so that Al Qaeda stays alone"), &g), 1.0);
        assert!(overlap(&tokens("that Al Qaeda stays"), &g) >= 0.5);
        assert!(overlap(&tokens("Al Qaeda"), &g) < 0.5);
    }

    #[test]
    fn loads_gold_and_resolves_paths() {
        let dir = std::env::temp_dir().join(format!("newsmill-quotes-gold-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("g.jsonl");
        std::fs::write(
            &file,
            "{\"file\": \"../x.txt\", \"quotes\": [{\"text\": \"a b\", \"speaker\": null}]}\n\n",
        )
        .unwrap();
        let loaded = load_gold(&file).unwrap();
        assert_eq!(loaded.len(), 1);
        assert_eq!(loaded[0].path, dir.join("../x.txt"));
        assert!(loaded[0].quotes[0].speaker.is_none());
        std::fs::write(&file, "{\"file\": 3}\n").unwrap();
        assert!(load_gold(&file).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
