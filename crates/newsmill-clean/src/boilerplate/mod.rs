//! `clean.boilerplate`: removes lines that are not the article's own text, by three
//! means applied in order: configured patterns, the built-in junk list ([`builtin`]) and
//! lines learned across the folder ([`learned`]).

mod builtin;
pub mod learned;

use std::collections::BTreeMap;

use newsmill_core::{
    parse_options, Article, Block, ConfigIssue, CorpusIndex, Outcome, Removal, Stage,
    StageCounters, StageError, StageFactory, StageTable,
};
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use builtin::BuiltinRules;
use learned::{is_learnable, source_key, LearnedLines};

use crate::fold::line_hash_with;

pub const NAME: &str = "clean.boilerplate";

#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct BoilerplateOptions {
    /// Remove a line that contains any of these, ignoring case.
    patterns: Vec<String>,
    /// Remove a line a regex matches (search; anchor with ^ $ yourself; case-sensitive unless
    /// (?i)).
    regexes: Vec<String>,
    /// Regexes applied only when meta.publisher or the article's folder name equals the key
    /// (case-insensitive) (of lists).
    per_publisher: BTreeMap<String, Vec<String>>,
    /// Remove built-in junk lines (share/subscribe/follow, Advertisement, Read more:, image
    /// credits, cookie notices, contact footers, Click here, copyright, navigation).
    builtin: bool,
    /// Longer lines are never tested against the built-in list.
    max_builtin_line_chars: usize,
    /// Learn lines that recur across articles of the same source (publisher, else URL host,
    /// else folder) in a first pass and remove them.
    learned: bool,
    /// A learned line must occur in at least this many articles of its source.
    min_docs: u32,
    /// ... and in at least this share of the source's articles (0..1).
    min_share: f64,
    /// If learned lines would remove more than this share of an article's characters, remove
    /// none of them (the article is more likely a copy of another, which clean.dedup handles)
    /// (0..1).
    max_learned_share: f64,
    /// Most distinct line hashes kept for learning (about 20 bytes each); past it a
    /// hash-sampled subset is learned.
    max_tracked: usize,
    /// Longer lines (in bytes) are never learned: furniture is short, and a repeated long
    /// paragraph is more likely a copied story.
    max_learned_line_chars: usize,
}

impl Default for BoilerplateOptions {
    fn default() -> Self {
        BoilerplateOptions {
            patterns: Vec::new(),
            regexes: Vec::new(),
            per_publisher: BTreeMap::new(),
            builtin: true,
            max_builtin_line_chars: 200,
            learned: true,
            min_docs: 3,
            min_share: 0.3,
            max_learned_share: 0.8,
            max_tracked: 4_000_000,
            max_learned_line_chars: 400,
        }
    }
}

pub fn factory() -> StageFactory {
    StageFactory {
        name: NAME,
        summary: "Remove boilerplate lines: configured patterns, built-in junk (share, subscribe, ads, credits, footers) and lines learned across a source.",
        options: newsmill_core::option_docs::<BoilerplateOptions>,
        example: "patterns = [\"Subscribe to our newsletter\"]\nregexes = [\"^Photo: .*$\"]\nper_publisher = { \"WSWS\" = [\"^To contact the WSWS\"] }\nbuiltin = true\nlearned = true\nmin_docs = 3\nmin_share = 0.3",
        reads: &[],
        writes: &[],
        build,
    }
}

fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    let options: BoilerplateOptions = parse_options(table)?;
    let mut issues = Vec::new();
    let mut compile =
        |source: &str, what: &str| match RegexBuilder::new(source).size_limit(1 << 22).build() {
            Ok(re) => Some(re),
            Err(e) => {
                issues.push(
                    table
                        .issue(None, format!("{what}: invalid regex `{source}`: {e}"))
                        .with_key(what.to_string()),
                );
                None
            }
        };
    let regexes: Vec<Regex> = options
        .regexes
        .iter()
        .filter_map(|r| compile(r, "regexes"))
        .collect();
    let per_publisher: Vec<(String, Vec<Regex>)> = options
        .per_publisher
        .iter()
        .map(|(k, v)| {
            (
                k.to_lowercase(),
                v.iter()
                    .filter_map(|r| compile(r, "per_publisher"))
                    .collect(),
            )
        })
        .collect();
    if !(0.0..=1.0).contains(&options.min_share) {
        issues.push(
            table
                .issue(None, "min_share must be between 0 and 1")
                .with_key("min_share"),
        );
    }
    if !(0.0..=1.0).contains(&options.max_learned_share) {
        issues.push(
            table
                .issue(None, "max_learned_share must be between 0 and 1")
                .with_key("max_learned_share"),
        );
    }
    if options.min_docs < 2 {
        issues.push(
            table
                .issue(
                    None,
                    "min_docs must be at least 2 (a line in one article is not recurring)",
                )
                .with_key("min_docs"),
        );
    }
    if options.max_tracked < learned::SHARDS {
        issues.push(
            table
                .issue(
                    None,
                    format!("max_tracked must be at least {}", learned::SHARDS),
                )
                .with_key("max_tracked"),
        );
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(Box::new(BoilerplateStage::new(
        options,
        regexes,
        per_publisher,
    )))
}

/// The boilerplate stage. Public so tests and benches can drive its corpus index directly.
pub struct BoilerplateStage {
    literals: Vec<String>,
    regexes: Vec<Regex>,
    per_publisher: Vec<(String, Vec<Regex>)>,
    builtin: Option<BuiltinRules>,
    max_builtin_line_chars: usize,
    learned: Option<LearnedLines>,
    min_docs: u32,
    min_share: f64,
    max_learned_share: f64,
}

/// Why a line goes: (counter, reason for `Removal`).
type Verdict = (&'static str, String);

impl BoilerplateStage {
    fn new(
        options: BoilerplateOptions,
        regexes: Vec<Regex>,
        per_publisher: Vec<(String, Vec<Regex>)>,
    ) -> Self {
        BoilerplateStage {
            literals: options
                .patterns
                .iter()
                .map(|p| p.to_lowercase())
                .filter(|p| !p.is_empty())
                .collect(),
            regexes,
            per_publisher,
            builtin: options.builtin.then(BuiltinRules::new),
            max_builtin_line_chars: options.max_builtin_line_chars,
            learned: options
                .learned
                .then(|| LearnedLines::new(options.max_tracked, options.max_learned_line_chars)),
            min_docs: options.min_docs,
            min_share: options.min_share,
            max_learned_share: options.max_learned_share,
        }
    }

    fn publisher_regexes(&self, article: &Article) -> Vec<&Regex> {
        let publisher = article
            .meta
            .publisher
            .as_deref()
            .map(|p| p.trim().to_lowercase());
        let folder = article
            .path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_lowercase());
        self.per_publisher
            .iter()
            .filter(|(key, _)| Some(key) == publisher.as_ref() || Some(key) == folder.as_ref())
            .flat_map(|(_, list)| list.iter())
            .collect()
    }

    fn configured_or_builtin(&self, line: &str, publisher_regexes: &[&Regex]) -> Option<Verdict> {
        if !self.literals.is_empty() {
            let lower = line.to_lowercase();
            if self.literals.iter().any(|p| lower.contains(p.as_str())) {
                return Some(("removed_pattern", "pattern".into()));
            }
        }
        if self
            .regexes
            .iter()
            .chain(publisher_regexes.iter().copied())
            .any(|r| r.is_match(line))
        {
            return Some(("removed_pattern", "pattern".into()));
        }
        let rules = self.builtin.as_ref()?;
        if line.chars().count() > self.max_builtin_line_chars {
            return None;
        }
        rules
            .classify(line)
            .map(|reason| ("removed_builtin", reason.to_string()))
    }

    /// Lines whose hash recurs in enough articles of the source, by (block, line) position.
    fn learned_lines(&self, article: &Article) -> Vec<(usize, usize)> {
        let Some(index) = self.learned.as_ref().filter(|l| l.is_finished()) else {
            // Not learned yet (the first pass): configured and built-in lines only.
            return Vec::new();
        };
        let source = source_key(article);
        let docs = index.source_docs(source);
        let needed = self
            .min_docs
            .max((self.min_share * f64::from(docs)).ceil() as u32);
        if docs < needed {
            return Vec::new();
        }
        let mut hits = Vec::new();
        let mut buffer = String::new();
        for (b, block) in article.blocks.iter().enumerate() {
            for (l, line) in block.text.lines().enumerate() {
                let line = line.trim();
                if !is_learnable(line, index.max_line_bytes()) {
                    continue;
                }
                if index
                    .doc_count(line_hash_with(line, source, &mut buffer))
                    .is_some_and(|n| n >= needed)
                {
                    hits.push((b, l));
                }
            }
        }
        hits
    }
}

impl Stage for BoilerplateStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let publisher_regexes = self.publisher_regexes(article);
        let learned_hits = self.learned_lines(article);
        let total_chars: usize = article.blocks.iter().map(|b| b.text.len()).sum();
        let learned_chars: usize = learned_hits
            .iter()
            .filter_map(|&(b, l)| {
                article
                    .blocks
                    .get(b)
                    .and_then(|blk| blk.text.lines().nth(l))
            })
            .map(str::len)
            .sum();
        let use_learned = !learned_hits.is_empty()
            && (learned_chars as f64) <= self.max_learned_share * total_chars.max(1) as f64;
        if !learned_hits.is_empty() && !use_learned {
            counters.add("learned_skipped_mostly_shared", 1);
        }

        let blocks = std::mem::take(&mut article.blocks);
        let mut kept_blocks = Vec::with_capacity(blocks.len());
        for (b, block) in blocks.into_iter().enumerate() {
            let mut kept_lines: Vec<&str> = Vec::new();
            let mut changed = false;
            for (l, line) in block.text.lines().enumerate() {
                let trimmed = line.trim();
                let verdict = if trimmed.is_empty() {
                    None
                } else {
                    self.configured_or_builtin(trimmed, &publisher_regexes)
                        .or_else(|| {
                            (use_learned && learned_hits.binary_search(&(b, l)).is_ok())
                                .then(|| ("removed_learned", "learned".to_string()))
                        })
                };
                match verdict {
                    Some((counter, reason)) => {
                        counters.add(counter, 1);
                        counters.add("chars_removed", trimmed.chars().count() as u64);
                        article.annotations.removed.push(Removal {
                            stage: NAME,
                            reason,
                            text: trimmed.to_string(),
                        });
                        changed = true;
                    }
                    None => kept_lines.push(line),
                }
            }
            if !changed {
                kept_blocks.push(block);
            } else if kept_lines.iter().any(|l| !l.trim().is_empty()) {
                let text = kept_lines.join("\n").trim_matches('\n').to_string();
                kept_blocks.push(Block { text, ..block });
            }
        }
        article.blocks = kept_blocks;
        Ok(Outcome::Keep)
    }

    fn corpus_index(&self) -> Option<&dyn CorpusIndex> {
        self.learned.as_ref().map(|l| l as &dyn CorpusIndex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Metadata;

    fn build_stage(body: &str) -> Box<dyn Stage> {
        build(&StageTable::from_options(NAME, body)).unwrap()
    }

    fn article(path: &str, paragraphs: &[&str]) -> Article {
        Article {
            id: path.into(),
            path: path.into(),
            blocks: paragraphs.iter().map(|p| Block::paragraph(*p)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn configured_patterns_and_builtin_lines_are_removed_and_recorded() {
        let stage = build_stage(
            "patterns = [\"brought to you by\"]\nregexes = [\"^Editor's note:\"]\nlearned = false\nper_publisher = { \"wsws\" = [\"^Posted in\"] }",
        );
        let mut a = article(
            "x/a.md",
            &[
                "Real text.\nThis story brought to you by Acme",
                "Editor's note: updated",
                "Advertisement",
                "Posted in Iraq",
                "More real text.",
            ],
        );
        a.meta = Metadata {
            publisher: Some("WSWS".into()),
            ..Default::default()
        };
        let mut counters = StageCounters::default();
        stage.process(&mut a, &mut counters).unwrap();
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Real text.", "More real text."]);
        assert_eq!(counters.0.get("removed_pattern"), Some(&3));
        assert_eq!(counters.0.get("removed_builtin"), Some(&1));
        let reasons: Vec<&str> = a
            .annotations
            .removed
            .iter()
            .map(|r| r.reason.as_str())
            .collect();
        assert_eq!(reasons, ["pattern", "pattern", "advertisement", "pattern"]);
    }

    #[test]
    fn invalid_options_are_reported() {
        let issues = build(&StageTable::from_options(
            NAME,
            "regexes = [\"(unclosed\"]\nmin_share = 2.0\nmin_docs = 1",
        ))
        .err()
        .unwrap();
        assert_eq!(issues.len(), 3, "{issues:?}");
    }

    #[test]
    fn learned_lines_need_min_docs_and_min_share_and_spare_mostly_shared_articles() {
        let stage = build_stage("min_docs = 3\nmin_share = 0.5");
        let index = stage.corpus_index().unwrap();
        let footer = "Northside Gazette, your local voice";
        let mut docs: Vec<Article> = (0..6)
            .map(|i| {
                article(
                    &format!("site/{i}.md"),
                    &[
                        &format!(
                            "Story number {} about {}",
                            i,
                            ["cats", "dogs", "rain", "roads", "bins", "bees"][i]
                        ),
                        footer,
                    ],
                )
            })
            .collect();
        docs.push(article("site/copy.md", &[footer]));
        for (i, d) in docs.iter().enumerate() {
            index.observe(i, d);
        }
        index.finish();
        let mut counters = StageCounters::default();
        for d in docs.iter_mut() {
            stage.process(d, &mut counters).unwrap();
        }
        assert_eq!(docs[0].blocks.len(), 1);
        assert_eq!(docs[0].annotations.removed[0].reason, "learned");
        assert_eq!(
            docs[6].blocks.len(),
            1,
            "an article made only of shared lines is left alone"
        );
        assert_eq!(counters.0.get("removed_learned"), Some(&6));
        assert_eq!(counters.0.get("learned_skipped_mostly_shared"), Some(&1));
    }
}
