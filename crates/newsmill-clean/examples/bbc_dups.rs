//! Exact and near-duplicate pairs in the BBC folder (or any folder given as the first
//! argument), after the cleaning stages that precede `clean.dedup` in the default pipeline:
//! `cargo run --release -p newsmill-clean --example bbc_dups -- [FOLDER] [THRESHOLD]`
//! Prints every verified pair with its estimated and its exact Jaccard similarity of
//! 5-word shingles (the exact value is recomputed from the texts, to check the estimate).
//! Then it compares every pair of articles by exact Jaccard (pruned by size ratio) and
//! reports the pairs at or above the threshold that MinHash + LSH missed, and the ones it
//! reported below it: the measured recall and precision of the estimate.

#[path = "../tests/integration/support/mod.rs"]
mod support;

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use newsmill_clean::dedup::{DedupStage, DuplicateKind};
use newsmill_core::Article;

fn shingles(article: &Article) -> HashSet<Vec<String>> {
    let words: Vec<String> = article
        .body_text()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(5.min(words.len()).max(1))
        .map(<[String]>::to_vec)
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/bbc"
        ))
    });
    let threshold: f64 = args.next().and_then(|t| t.parse().ok()).unwrap_or(0.8);
    let mut articles = support::load_folder(&root, "txt");
    for name in ["clean.markup", "clean.boilerplate", "clean.paragraphs"] {
        support::run_stage(support::stage(name, "").as_ref(), &mut articles);
    }
    let dedup = DedupStage::new(threshold, 5, 20, false);
    let counters = support::run_stage(&dedup, &mut articles);
    let by_id = |id: &str| articles.iter().find(|a| a.id == id);
    let pairs = dedup.index().pairs();
    let exact = pairs
        .iter()
        .filter(|p| p.kind == DuplicateKind::Exact)
        .count();
    println!("articles: {}  threshold: {threshold}", articles.len());
    println!(
        "verified pairs: exact {exact}, near {}",
        pairs.len() - exact
    );
    println!("articles marked: {:?}", counters.0);
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    let mut below = 0;
    for p in pairs {
        found.insert((p.original.clone(), p.copy.clone()));
        let exact_jaccard = match (by_id(&p.original), by_id(&p.copy)) {
            (Some(a), Some(b)) => {
                let (sa, sb) = (shingles(a), shingles(b));
                sa.intersection(&sb).count() as f64 / sa.union(&sb).count().max(1) as f64
            }
            _ => f64::NAN,
        };
        below += usize::from(exact_jaccard < threshold);
        println!(
            "{:?}\t{:.3}\t{exact_jaccard:.3}\t{}\t{}",
            p.kind, p.similarity, p.original, p.copy
        );
    }
    brute_force_check(&articles, threshold, &found, below);
}

/// All pairs with exact Jaccard >= threshold, compared with what the stage found. Only
/// pairs whose shingle counts are within the threshold's ratio can reach it.
fn brute_force_check(
    articles: &[Article],
    threshold: f64,
    found: &BTreeSet<(String, String)>,
    below: usize,
) {
    let sets: Vec<(usize, HashSet<Vec<String>>)> = articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.word_count() >= 20)
        .map(|(i, a)| (i, shingles(a)))
        .collect();
    let mut order: Vec<usize> = (0..sets.len()).collect();
    order.sort_by_key(|&i| sets[i].1.len());
    let mut truth = 0;
    let mut missed = Vec::new();
    for (x, &i) in order.iter().enumerate() {
        for &j in &order[x + 1..] {
            let (small, large) = (sets[i].1.len(), sets[j].1.len());
            if (small as f64) < threshold * large as f64 {
                break;
            }
            let inter = sets[i].1.intersection(&sets[j].1).count();
            let jaccard = inter as f64 / (small + large - inter).max(1) as f64;
            if jaccard >= threshold {
                truth += 1;
                let (a, b) = (sets[i].0.min(sets[j].0), sets[i].0.max(sets[j].0));
                let (first, second) = (&articles[a], &articles[b]);
                // Pairs inside one duplicate group are linked through the first copy.
                let root = |x: &Article| {
                    x.annotations
                        .duplicate_of
                        .clone()
                        .unwrap_or_else(|| x.id.clone())
                };
                if !found.contains(&(first.id.clone(), second.id.clone()))
                    && root(first) != root(second)
                {
                    missed.push(format!("{jaccard:.3}\t{}\t{}", first.id, second.id));
                }
            }
        }
    }
    println!(
        "brute force: {truth} pairs with exact Jaccard >= {threshold}; not linked by the stage: {}; \
         reported pairs whose exact Jaccard is below: {below}",
        missed.len()
    );
    for m in missed {
        println!("missed\t{m}");
    }
}
