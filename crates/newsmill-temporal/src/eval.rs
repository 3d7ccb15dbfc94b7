//! Scoring date and fact extraction against hand-written gold (JSON Lines, one article per
//! line; the format is described in docs/dates-and-facts.md).

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use newsmill_core::Article;
use newsmill_gold::ratio;

#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    /// The article, relative to the gold file's directory.
    pub file: String,
    /// Publication date the stages resolve against (`YYYY-MM-DD`).
    #[serde(default)]
    pub published: Option<String>,
    /// Why this publication date (for articles that do not state one).
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub dates: Vec<GoldDate>,
    #[serde(default)]
    pub facts: Vec<GoldFact>,
    /// `file` resolved against the gold file's directory by [`load_gold`].
    #[serde(skip)]
    pub path: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    /// The expression as written; the k-th gold date with this text is its k-th occurrence
    /// in the body, unless `context` (a longer unique string holding it) is given.
    pub text: String,
    pub value: String,
    #[serde(default)]
    pub context: Option<String>,
    /// Not required (out of scope, or text the pipeline may remove); predicting it is not
    /// a false positive either.
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldFact {
    pub kind: String,
    pub count: u64,
    #[serde(default)]
    pub count_min: Option<u64>,
    #[serde(default)]
    pub count_max: Option<u64>,
    #[serde(default)]
    pub qualifier: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// A fragment of the sentence stating the fact; a prediction's sentence must contain it.
    pub sentence: String,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub note: Option<String>,
}

newsmill_gold::impl_gold_file!(GoldArticle);

/// Reads a gold file; blank lines are skipped. Each article's `path` is resolved against
/// the gold file's directory.
pub fn load_gold(path: &Path) -> anyhow::Result<Vec<GoldArticle>> {
    newsmill_gold::load_jsonl(path)
}

/// Body text (blocks joined by a blank line) and each block's byte offset in it.
fn body_with_offsets(article: &Article) -> (String, Vec<usize>) {
    let mut body = String::new();
    let mut offsets = Vec::with_capacity(article.blocks.len());
    for (i, block) in article.blocks.iter().enumerate() {
        if i > 0 {
            body.push_str(newsmill_core::text::BLOCK_SEPARATOR);
        }
        offsets.push(body.len());
        body.push_str(&block.text);
    }
    (body, offsets)
}

fn body_range(offsets: &[usize], span: newsmill_core::Span) -> Option<Range<usize>> {
    let base = *offsets.get(span.block)?;
    Some(base + span.start..base + span.end)
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn short_name(gold: &GoldArticle) -> String {
    let parts: Vec<&str> = gold.file.rsplit('/').take(2).collect();
    parts.into_iter().rev().collect::<Vec<_>>().join("/")
}

/// Locates gold dates in the body: by `context`, else the k-th occurrence of the text.
fn locate_dates(gold: &GoldArticle, body: &str) -> Vec<Option<Range<usize>>> {
    let mut seen: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    gold.dates
        .iter()
        .map(|g| {
            if let Some(context) = &g.context {
                let at = body.find(context.as_str())?;
                let inner = context.find(g.text.as_str())?;
                return Some(at + inner..at + inner + g.text.len());
            }
            let k = seen.entry(g.text.as_str()).or_insert(0);
            *k += 1;
            let (at, _) = body.match_indices(g.text.as_str()).nth(*k - 1)?;
            Some(at..at + g.text.len())
        })
        .collect()
}

/// Date scores: how many gold expressions were found with the right value, and how many
/// predictions were right.
#[derive(Debug, Default)]
pub struct DateTally {
    articles: usize,
    gold: usize,
    found: usize,
    correct: usize,
    predicted: usize,
    predicted_matching: usize,
    predicted_correct: usize,
    unlocated: usize,
    errors: Vec<String>,
}

impl DateTally {
    pub fn add(&mut self, gold: &GoldArticle, article: &Article) {
        self.articles += 1;
        let (body, offsets) = body_with_offsets(article);
        let located = locate_dates(gold, &body);
        let predicted: Vec<(Range<usize>, &str, &str)> = article
            .annotations
            .dates
            .iter()
            .filter_map(|d| {
                Some((
                    body_range(&offsets, d.span)?,
                    d.value.as_str(),
                    d.text.as_str(),
                ))
            })
            .collect();
        let name = short_name(gold);
        for (g, range) in gold.dates.iter().zip(&located) {
            if g.optional {
                continue;
            }
            self.gold += 1;
            let Some(range) = range else {
                self.unlocated += 1;
                self.errors
                    .push(format!("{name}: gold text not in body: {:?}", g.text));
                continue;
            };
            let best = predicted
                .iter()
                .filter(|p| overlap(&p.0, range) > 0)
                .max_by_key(|p| overlap(&p.0, range));
            match best {
                Some(p) => {
                    self.found += 1;
                    if p.1 == g.value {
                        self.correct += 1;
                    } else {
                        self.errors.push(format!(
                            "{name}: {:?} -> {} (gold {})",
                            g.text, p.1, g.value
                        ));
                    }
                }
                None => self
                    .errors
                    .push(format!("{name}: missed {:?} (gold {})", g.text, g.value)),
            }
        }
        for p in &predicted {
            self.predicted += 1;
            let matching: Vec<&GoldDate> = gold
                .dates
                .iter()
                .zip(&located)
                .filter(|(_, r)| r.as_ref().is_some_and(|r| overlap(r, &p.0) > 0))
                .map(|(g, _)| g)
                .collect();
            if matching.is_empty() {
                self.errors
                    .push(format!("{name}: spurious {:?} -> {}", p.2, p.1));
            } else {
                self.predicted_matching += 1;
                if matching.iter().any(|g| g.value == p.1) {
                    self.predicted_correct += 1;
                }
            }
        }
    }

    /// Share of required gold expressions found with the right value.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Share of predicted expressions that overlap a gold expression.
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_matching, self.predicted)
    }

    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "dates: {} articles, {} gold expressions, {} predicted",
            self.articles, self.gold, self.predicted
        );
        let _ = writeln!(
            out,
            "  value accuracy (gold found with the right value): {:.3} ({}/{})",
            self.accuracy(),
            self.correct,
            self.gold
        );
        let _ = writeln!(
            out,
            "  found (any value):                               {:.3} ({}/{})",
            ratio(self.found, self.gold),
            self.found,
            self.gold
        );
        let _ = writeln!(
            out,
            "  expression precision (predicted overlapping gold): {:.3} ({}/{})",
            self.precision(),
            self.predicted_matching,
            self.predicted
        );
        let _ = writeln!(
            out,
            "  value precision (predicted with the gold value):   {:.3} ({}/{})",
            ratio(self.predicted_correct, self.predicted),
            self.predicted_correct,
            self.predicted
        );
        if self.unlocated > 0 {
            let _ = writeln!(
                out,
                "  gold expressions not found in the body text: {}",
                self.unlocated
            );
        }
        for e in &self.errors {
            let _ = writeln!(out, "  - {e}");
        }
        out
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    missed: usize,
}

#[derive(Debug, Default, Clone, Copy)]
struct Attribute {
    right: usize,
    total: usize,
}

impl Attribute {
    fn score(&mut self, gold: Option<&str>, predicted: Option<&str>) {
        if let Some(g) = gold {
            self.total += 1;
            if predicted.is_some_and(|p| p.eq_ignore_ascii_case(g)) {
                self.right += 1;
            }
        }
    }

    fn line(&self, name: &str) -> String {
        format!(
            "  {name:<10} accuracy on matched facts: {:.3} ({}/{})\n",
            ratio(self.right, self.total),
            self.right,
            self.total
        )
    }
}

/// Fact scores: a prediction matches a gold fact when kind and count agree and its sentence
/// contains the gold sentence fragment.
#[derive(Debug, Default)]
pub struct FactTally {
    articles: usize,
    all: Counts,
    by_kind: std::collections::BTreeMap<String, Counts>,
    place: Attribute,
    date: Attribute,
    subject: Attribute,
    qualifier: Attribute,
    range: Attribute,
    errors: Vec<String>,
}

impl FactTally {
    pub fn add(&mut self, gold: &GoldArticle, article: &Article) {
        self.articles += 1;
        let name = short_name(gold);
        let predicted = &article.annotations.facts;
        let mut used = vec![false; predicted.len()];
        for g in &gold.facts {
            let fragment = normalise(&g.sentence);
            let hit = predicted.iter().enumerate().find(|(i, p)| {
                !used[*i]
                    && p.kind == g.kind
                    && p.count == Some(g.count)
                    && normalise(&p.sentence).contains(&fragment)
            });
            let kind = self.by_kind.entry(g.kind.clone()).or_default();
            match hit {
                Some((i, p)) => {
                    used[i] = true;
                    if g.optional {
                        continue;
                    }
                    kind.tp += 1;
                    self.all.tp += 1;
                    self.place.score(g.place.as_deref(), p.place.as_deref());
                    self.date.score(g.date.as_deref(), p.date.as_deref());
                    self.subject
                        .score(g.subject.as_deref(), p.subject.as_deref());
                    self.qualifier
                        .score(g.qualifier.as_deref(), p.qualifier.as_deref());
                    if g.count_min.is_some() || g.count_max.is_some() {
                        self.range.total += 1;
                        if (g.count_min, g.count_max) == (p.count_min, p.count_max) {
                            self.range.right += 1;
                        }
                    }
                    let wrong_place = g.place.is_some()
                        && !p.place.as_deref().is_some_and(|x| {
                            g.place
                                .as_deref()
                                .is_some_and(|y| x.eq_ignore_ascii_case(y))
                        });
                    let wrong_date = g.date.is_some() && p.date != g.date;
                    if wrong_place || wrong_date {
                        self.errors.push(format!(
                            "{name}: {} {} place {:?} (gold {:?}) date {:?} (gold {:?})",
                            g.kind, g.count, p.place, g.place, p.date, g.date
                        ));
                    }
                }
                None if !g.optional => {
                    kind.missed += 1;
                    self.all.missed += 1;
                    self.errors.push(format!(
                        "{name}: missed {} {} in {:?}",
                        g.kind, g.count, g.sentence
                    ));
                }
                None => {}
            }
        }
        for (p, used) in predicted.iter().zip(used) {
            if !used {
                self.by_kind.entry(p.kind.clone()).or_default().fp += 1;
                self.all.fp += 1;
                let count = p.count.map_or_else(|| "?".to_string(), |c| c.to_string());
                self.errors.push(format!(
                    "{name}: spurious {} {} subject {:?} in {:?}",
                    p.kind, count, p.subject, p.sentence
                ));
            }
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.all.tp, self.all.tp + self.all.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.all.tp, self.all.tp + self.all.missed)
    }

    pub fn f1(&self) -> f64 {
        newsmill_gold::f1(self.precision(), self.recall())
    }

    pub fn report(&self) -> String {
        let mut out = String::new();
        let c = self.all;
        let _ = writeln!(
            out,
            "facts: {} articles; precision {:.3}, recall {:.3}, F1 {:.3} (tp {}, fp {}, missed {})",
            self.articles,
            self.precision(),
            self.recall(),
            self.f1(),
            c.tp,
            c.fp,
            c.missed
        );
        for (kind, k) in &self.by_kind {
            let _ = writeln!(
                out,
                "  {kind:<10} tp {:>3}  fp {:>3}  missed {:>3}",
                k.tp, k.fp, k.missed
            );
        }
        out.push_str(&self.place.line("place"));
        out.push_str(&self.date.line("date"));
        out.push_str(&self.subject.line("subject"));
        out.push_str(&self.qualifier.line("qualifier"));
        out.push_str(&self.range.line("min/max"));
        for e in &self.errors {
            let _ = writeln!(out, "  - {e}");
        }
        out
    }
}
