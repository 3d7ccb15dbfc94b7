//! `clean.dedup`: marks (or drops) articles that repeat an earlier one, exactly or nearly.
//! See [`index`] for the corpus pass, [`minhash`] for the similarity estimate and
//! `signatures` for where the signatures wait for the end of the corpus pass.

pub mod index;
mod minhash;
mod signatures;

use newsmill_core::{
    parse_options, Article, ConfigIssue, CorpusIndex, Family, Outcome, Stage, StageCounters,
    StageError, StageFactory, StageTable,
};
use serde::{Deserialize, Serialize};

pub use index::{DuplicateIndex, DuplicateKind, DuplicatePair};

pub const NAME: &str = "clean.dedup";

#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct DedupOptions {
    /// Estimated Jaccard similarity of word shingles at or above which two articles are
    /// near-duplicates (0.3..1).
    threshold: f64,
    /// Words per shingle (1..20).
    shingle_words: usize,
    /// Shorter articles are only checked for exact copies.
    min_words: usize,
    /// Drop copies (counted as dropped_duplicate) instead of keeping them with duplicate_of
    /// set.
    drop: bool,
}

impl Default for DedupOptions {
    fn default() -> Self {
        DedupOptions {
            threshold: 0.8,
            shingle_words: 5,
            min_words: 20,
            drop: false,
        }
    }
}

pub fn factory() -> StageFactory {
    StageFactory {
        name: NAME,
        summary: "Find exact and near-duplicate articles (MinHash + LSH); mark duplicate_of with the first copy's id, or drop copies.",
        options: newsmill_core::option_docs::<DedupOptions>,
        example: "threshold = 0.8\nshingle_words = 5\nmin_words = 20\ndrop = false",
        reads: &[],
        writes: &[Family::Duplicates],
        build,
    }
}

fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    let o: DedupOptions = parse_options(table)?;
    let mut issues = Vec::new();
    if !(0.3..=1.0).contains(&o.threshold) {
        issues.push(
            table
                .issue(None, "threshold must be between 0.3 and 1")
                .with_key("threshold"),
        );
    }
    if !(1..=20).contains(&o.shingle_words) {
        issues.push(
            table
                .issue(None, "shingle_words must be between 1 and 20")
                .with_key("shingle_words"),
        );
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(Box::new(DedupStage::new(
        o.threshold,
        o.shingle_words,
        o.min_words,
        o.drop,
    )))
}

pub struct DedupStage {
    index: DuplicateIndex,
    drop: bool,
}

impl DedupStage {
    pub fn new(threshold: f64, shingle_words: usize, min_words: usize, drop: bool) -> Self {
        DedupStage {
            index: DuplicateIndex::new(threshold, shingle_words, min_words),
            drop,
        }
    }

    /// The index, for reports of the verified pairs after `finish`.
    pub fn index(&self) -> &DuplicateIndex {
        &self.index
    }
}

impl Stage for DedupStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let Some((first, kind)) = self.index.first_copy(article.seq) else {
            return Ok(Outcome::Keep);
        };
        counters.add(
            if kind == DuplicateKind::Exact {
                "exact_duplicates"
            } else {
                "near_duplicates"
            },
            1,
        );
        article.annotations.duplicate_of = Some(first.to_string());
        Ok(if self.drop {
            Outcome::Drop("duplicate")
        } else {
            Outcome::Keep
        })
    }

    fn corpus_index(&self) -> Option<&dyn CorpusIndex> {
        Some(&self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    fn article(seq: usize, text: &str) -> Article {
        Article {
            id: format!("a{seq}.txt"),
            seq,
            blocks: vec![Block::paragraph(text)],
            ..Default::default()
        }
    }

    fn story(variant: &str) -> String {
        let words: Vec<String> = (0..120).map(|i| format!("word{}", i * 37 % 1000)).collect();
        format!("{} {variant}", words.join(" "))
    }

    #[test]
    fn marks_exact_and_near_copies_with_the_first_copy_in_path_order() {
        let stage = build(&StageTable::from_options(NAME, "threshold = 0.8")).unwrap();
        let index = stage.corpus_index().unwrap();
        let docs = vec![
            article(0, &story("the end")),
            article(1, "Something else entirely, with its own words and nothing in common at all with the rest of them here."),
            article(2, &story("The End!").to_uppercase()),
            article(3, &story("and a small epilogue of several new words")),
            article(4, ""),
        ];
        // Observed out of order, as threads would.
        for i in [3, 1, 4, 0, 2] {
            index.observe(i, &docs[i]);
        }
        index.finish();
        let mut counters = StageCounters::default();
        let marks: Vec<Option<String>> = docs
            .into_iter()
            .map(|mut d| {
                stage.process(&mut d, &mut counters).unwrap();
                d.annotations.duplicate_of
            })
            .collect();
        assert_eq!(
            marks,
            [
                None,
                None,
                Some("a0.txt".into()),
                Some("a0.txt".into()),
                None
            ]
        );
        assert_eq!(counters.0.get("exact_duplicates"), Some(&1));
        assert_eq!(counters.0.get("near_duplicates"), Some(&1));
    }

    #[test]
    fn drop_option_drops_copies() {
        let stage = build(&StageTable::from_options(NAME, "drop = true")).unwrap();
        let index = stage.corpus_index().unwrap();
        let a = article(0, &story("x"));
        let mut b = article(1, &story("x"));
        index.observe(0, &a);
        index.observe(1, &b);
        index.finish();
        assert_eq!(
            stage
                .process(&mut b, &mut StageCounters::default())
                .unwrap(),
            Outcome::Drop("duplicate")
        );
    }

    #[test]
    fn absorbed_shard_summaries_give_the_single_index_marks() {
        let docs: Vec<Article> = (0..12)
            .map(|i| article(i, &story(&format!("v{}", i % 4))))
            .chain([article(12, "short words only here"), article(13, "")])
            .collect();
        let marks = |stage: &dyn Stage| -> Vec<Option<String>> {
            docs.iter()
                .cloned()
                .map(|mut d| {
                    stage
                        .process(&mut d, &mut StageCounters::default())
                        .unwrap();
                    d.annotations.duplicate_of
                })
                .collect()
        };
        let table = StageTable::from_options(NAME, "threshold = 0.9");
        let single = build(&table).unwrap();
        docs.iter()
            .for_each(|d| single.corpus_index().unwrap().observe(d.seq, d));
        single.corpus_index().unwrap().finish();
        let shards: Vec<Box<dyn Stage>> = (0..3).map(|_| build(&table).unwrap()).collect();
        for d in &docs {
            shards[d.seq * 3 / docs.len()]
                .corpus_index()
                .unwrap()
                .observe(d.seq, d);
        }
        let merged = build(&table).unwrap();
        for shard in shards.iter().rev() {
            let summary = shard.corpus_index().unwrap().summary().unwrap();
            merged.corpus_index().unwrap().absorb(&summary).unwrap();
        }
        merged.corpus_index().unwrap().finish();
        assert!(marks(single.as_ref()).iter().flatten().count() > 0);
        assert_eq!(marks(merged.as_ref()), marks(single.as_ref()));
        let bad = serde_json::json!({"format": 1, "entries": [[0, 1, "a", "zz"]]});
        assert!(build(&table)
            .unwrap()
            .corpus_index()
            .unwrap()
            .absorb(&bad)
            .is_err());
    }

    #[test]
    fn rejects_bad_threshold() {
        assert!(build(&StageTable::from_options(NAME, "threshold = 1.5")).is_err());
    }
}
