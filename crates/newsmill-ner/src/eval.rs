//! Evaluation of entities.csv against hand-written gold (`newsmill eval entities GOLD`).
//!
//! The gold is JSON Lines, one article per line: `{"file": "../articles/seed/x.txt",
//! "entities": [{"name": "Barack Obama", "type": "person", "aliases": ["Obama"],
//! "optional": false}]}`; `file` is relative to the gold file's folder and `type` is
//! `person`, `organization` or `location` (docs/entities.md gives the annotation rules).
//!
//! A predicted entity matches a gold one when their names or aliases share a comparison
//! key (case, hyphens, full stops, "the" and possessives folded); matching is one-to-one,
//! name-to-name pairs first. Scored over people, organisations and places:
//! - a match with the gold type is a true positive; a required gold entity without one is
//!   missed (also when it was found under another type, reported as TYPE);
//! - a predicted person, organisation or place that matches no gold entity is a false
//!   positive, and so is one that repeats a gold entity another prediction already
//!   matched (SPLIT: one entity reported as two rows);
//! - optional gold entities (borderline cases) count neither way; `misc` predictions are
//!   outside the three types and only count when they take a required entity's place.
//!
//! Name accuracy is the share of true positives whose name is the gold name itself rather
//! than one of its aliases ("Obama" for Barack Obama).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use newsmill_core::{Article, Entity, EntityKind};
use newsmill_gold::{f1, ratio};
use serde::Deserialize;

use crate::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldType {
    Person,
    Organization,
    Location,
}

impl GoldType {
    const ALL: [GoldType; 3] = [GoldType::Person, GoldType::Organization, GoldType::Location];

    fn of(kind: EntityKind) -> Option<GoldType> {
        match kind {
            EntityKind::Person => Some(GoldType::Person),
            EntityKind::Organization => Some(GoldType::Organization),
            EntityKind::Location => Some(GoldType::Location),
            EntityKind::Misc => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            GoldType::Person => "person",
            GoldType::Organization => "organization",
            GoldType::Location => "location",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    /// The fullest name the article uses, titles left off.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: GoldType,
    /// Other forms the article uses (surname, acronym, short form).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A borderline case: neither required nor penalised.
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldArticle {
    /// The article, relative to the gold file's folder.
    pub file: String,
    pub entities: Vec<GoldEntity>,
    /// `file` resolved against the gold file's folder by [`load_gold`].
    #[serde(skip)]
    pub path: PathBuf,
}

newsmill_gold::impl_gold_file!(GoldArticle);

/// Reads a gold file; every article's `path` is resolved against the file's folder.
pub fn load_gold(path: &Path) -> anyhow::Result<Vec<GoldArticle>> {
    newsmill_gold::load_jsonl(path)
}

/// Counts of one type (or of all three).
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    correct: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Running totals over gold articles.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub articles: usize,
    all: Counts,
    /// Person, organization, location.
    by_type: [Counts; 3],
    /// Required gold entities matched by a prediction of any type, misc included.
    found_any_type: usize,
    /// True positives named with the gold name itself.
    name_exact: usize,
    splits: usize,
    /// Per-article misses, type errors, false positives, splits and alias-only names.
    pub problems: Vec<String>,
}

fn keys(name: &str, aliases: &[String]) -> BTreeSet<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(fold::key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// How strongly a prediction and a gold entity are the same: 3 name = name, 2 a name is
/// the other's alias, 1 aliases only, 0 nothing shared.
fn strength(pred: &Entity, pred_keys: &BTreeSet<String>, gold: &GoldEntity) -> u8 {
    let gold_keys = keys(&gold.name, &gold.aliases);
    let (pred_name, gold_name) = (fold::key(&pred.name), fold::key(&gold.name));
    if pred_name == gold_name {
        3
    } else if gold_keys.contains(&pred_name) || pred_keys.contains(&gold_name) {
        2
    } else if !pred_keys.is_disjoint(&gold_keys) {
        1
    } else {
        0
    }
}

fn type_index(kind: GoldType) -> usize {
    GoldType::ALL
        .iter()
        .position(|t| *t == kind)
        .expect("one of the three")
}

impl Tally {
    /// Scores one article: `article` is the pipeline's output for `gold.path`.
    pub fn add(&mut self, gold: &GoldArticle, article: &Article) {
        self.articles += 1;
        let preds = &article.annotations.entities;
        let pred_keys: Vec<BTreeSet<String>> =
            preds.iter().map(|p| keys(&p.name, &p.aliases)).collect();
        let mut pairs = Vec::new();
        for (g, ge) in gold.entities.iter().enumerate() {
            for (p, pe) in preds.iter().enumerate() {
                let s = strength(pe, &pred_keys[p], ge);
                // A prediction of the gold's own type is the better partner among equals.
                let same_type = GoldType::of(pe.kind) == Some(ge.kind);
                if s > 0 {
                    pairs.push((s, same_type, g, p));
                }
            }
        }
        pairs.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then((a.2, a.3).cmp(&(b.2, b.3)))
        });
        let mut gold_match = vec![None; gold.entities.len()];
        let mut pred_match = vec![None; preds.len()];
        for &(_, _, g, p) in &pairs {
            if gold_match[g].is_none() && pred_match[p].is_none() {
                gold_match[g] = Some(p);
                pred_match[p] = Some(g);
            }
        }
        let name = &gold.file;
        for (g, ge) in gold.entities.iter().enumerate() {
            if ge.optional {
                continue;
            }
            let t = type_index(ge.kind);
            self.all.gold += 1;
            self.by_type[t].gold += 1;
            let Some(p) = gold_match[g] else {
                self.problems
                    .push(format!("{name}: MISSED {} {:?}", ge.kind.label(), ge.name));
                continue;
            };
            self.found_any_type += 1;
            let pe = &preds[p];
            if GoldType::of(pe.kind) != Some(ge.kind) {
                self.problems.push(format!(
                    "{name}: TYPE {:?}: gold {}, got {}",
                    ge.name,
                    ge.kind.label(),
                    pe.kind.as_str()
                ));
                continue;
            }
            self.all.correct += 1;
            self.by_type[t].correct += 1;
            if fold::key(&pe.name) == fold::key(&ge.name) {
                self.name_exact += 1;
            } else {
                self.problems
                    .push(format!("{name}: NAME {:?}: got {:?}", ge.name, pe.name));
            }
        }
        for (p, pe) in preds.iter().enumerate() {
            let Some(t) = GoldType::of(pe.kind) else {
                continue;
            };
            if pred_match[p].is_some_and(|g| gold.entities[g].optional) {
                continue;
            }
            // A prediction that repeats an already matched gold entity (any strength).
            let repeats = pred_match[p].is_none()
                && pairs
                    .iter()
                    .any(|&(_, _, g, q)| q == p && gold_match[g].is_some());
            if repeats
                && pairs
                    .iter()
                    .any(|&(_, _, g, q)| q == p && gold.entities[g].optional)
            {
                continue;
            }
            self.all.predicted += 1;
            self.by_type[type_index(t)].predicted += 1;
            if repeats {
                self.splits += 1;
                self.problems.push(format!(
                    "{name}: SPLIT {} {:?} repeats an entity already matched",
                    pe.kind.as_str(),
                    pe.name
                ));
            } else if pred_match[p].is_none() {
                self.problems.push(format!(
                    "{name}: FALSE POSITIVE {} {:?}",
                    pe.kind.as_str(),
                    pe.name
                ));
            }
        }
    }

    /// A plain-text report: totals, per type, then every problem.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let a = &self.all;
        let _ = writeln!(
            out,
            "entities: {} articles, {} gold (required), {} predicted people/organisations/places, {} right",
            self.articles, a.gold, a.predicted, a.correct
        );
        let _ = writeln!(
            out,
            "precision {:.3}  recall {:.3}  F1 {:.3}",
            a.precision(),
            a.recall(),
            a.f1()
        );
        for (t, c) in GoldType::ALL.iter().zip(&self.by_type) {
            let _ = writeln!(
                out,
                "  {:<12} precision {:.3}  recall {:.3}  F1 {:.3}  ({} right, {} predicted, {} gold)",
                t.label(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.correct,
                c.predicted,
                c.gold
            );
        }
        let _ = writeln!(
            out,
            "found under any type: {:.3} ({}/{})  name accuracy: {:.3} ({}/{})  splits: {}",
            ratio(self.found_any_type, a.gold),
            self.found_any_type,
            a.gold,
            ratio(self.name_exact, a.correct),
            self.name_exact,
            a.correct,
            self.splits
        );
        for problem in &self.problems {
            let _ = writeln!(out, "  {problem}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Span;

    fn entity(kind: EntityKind, name: &str, aliases: &[&str]) -> Entity {
        Entity {
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: 1,
            first: Span::new(0, 0, 1),
        }
    }

    fn gold(line: &str) -> GoldArticle {
        serde_json::from_str(line).unwrap()
    }

    #[test]
    fn scores_types_names_splits_and_optional_entities() {
        let g = gold(
            r#"{"file": "a.txt", "entities": [
                {"name": "Barack Obama", "type": "person", "aliases": ["Obama"]},
                {"name": "Islamic State of Iraq and the Levant", "type": "organization", "aliases": ["ISIS"]},
                {"name": "Bab al-Hawa", "type": "location"},
                {"name": "Washington", "type": "location", "optional": true},
                {"name": "Jen Psaki", "type": "person"}]}"#,
        );
        let mut article = Article::default();
        article.annotations.entities = vec![
            entity(EntityKind::Person, "Obama", &["Obama"]),
            entity(
                EntityKind::Person,
                "Barack Obama",
                &["President Barack Obama"],
            ),
            entity(EntityKind::Organization, "ISIS", &["ISIS"]),
            entity(EntityKind::Misc, "Bab al-Hawa", &[]),
            entity(EntityKind::Organization, "Washington", &[]),
            entity(EntityKind::Organization, "Pentagon", &[]),
            entity(EntityKind::Misc, "Christmas", &[]),
        ];
        let mut tally = Tally::default();
        tally.add(&g, &article);
        // Gold required: Obama, ISIS, Bab al-Hawa, Psaki. Right: Obama (by name), ISIS
        // (alias). Bab al-Hawa found as misc (TYPE), Psaki missed. Predicted (3 types):
        // Obama (split), Barack Obama, ISIS, Pentagon (false positive); Washington matched
        // an optional entity, Christmas and Bab al-Hawa are misc.
        assert_eq!(
            (tally.all.gold, tally.all.predicted, tally.all.correct),
            (4, 4, 2)
        );
        assert_eq!(tally.found_any_type, 3);
        assert_eq!(tally.name_exact, 1, "ISIS is right but under its alias");
        assert_eq!(tally.splits, 1);
        let report = tally.report();
        assert!(
            report.contains("precision 0.500  recall 0.500  F1 0.500"),
            "{report}"
        );
        assert!(report.contains("SPLIT person \"Obama\""), "{report}");
        assert!(
            report.contains("TYPE \"Bab al-Hawa\": gold location, got misc"),
            "{report}"
        );
        assert!(report.contains("MISSED person \"Jen Psaki\""), "{report}");
        assert!(
            report.contains("FALSE POSITIVE organization \"Pentagon\""),
            "{report}"
        );
        assert!(!report.contains("Christmas"), "{report}");
    }

    #[test]
    fn gold_lines_are_strict() {
        assert!(serde_json::from_str::<GoldArticle>(
            r#"{"file": "a", "entities": [{"name": "X", "type": "place"}]}"#
        )
        .is_err());
        assert!(serde_json::from_str::<GoldArticle>(
            r#"{"file": "a", "entities": [{"name": "X", "type": "person", "kind": 1}]}"#
        )
        .is_err());
    }
}
