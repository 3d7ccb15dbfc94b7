//! The corpus index of `clean.dedup`: one compact entry per article (id, exact hash,
//! MinHash signature), then, in `finish`, the first copy each article duplicates.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, OnceLock};

use newsmill_core::{Article, CorpusIndex};

use super::minhash::{
    band_key, banding_for, estimated_jaccard, exact_hash, word_hashes, MinHasher,
};

/// How an article relates to its first copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DuplicateKind {
    /// Same words in the same order (case, spacing, punctuation and markup ignored).
    Exact,
    /// Estimated Jaccard similarity of word shingles at or above the threshold.
    Near,
}

/// A verified pair, for reports: `copy` (later in path order) duplicates `original`.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicatePair {
    pub original: String,
    pub copy: String,
    pub kind: DuplicateKind,
    /// Estimated Jaccard similarity (1.0 for exact pairs).
    pub similarity: f64,
}

struct Entry {
    seq: usize,
    id: String,
    exact: u64,
    /// `None` for articles too short for near-duplicate detection.
    signature: Option<Box<[u32]>>,
}

#[derive(Default)]
struct Finished {
    /// seq -> (id of the first copy, kind).
    first_copy: BTreeMap<usize, (String, DuplicateKind)>,
    pairs: Vec<DuplicatePair>,
}

pub struct DuplicateIndex {
    hasher: MinHasher,
    threshold: f64,
    min_words: usize,
    max_candidates: usize,
    entries: Mutex<Vec<Entry>>,
    finished: OnceLock<Finished>,
}

/// Union-find whose root is always the smallest index, i.e. the earliest article.
struct EarliestRoot(Vec<usize>);

impl EarliestRoot {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.0[high] = low;
    }
}

impl DuplicateIndex {
    pub fn new(threshold: f64, shingle_words: usize, min_words: usize) -> Self {
        DuplicateIndex {
            hasher: MinHasher::new(shingle_words),
            threshold,
            min_words,
            max_candidates: 256,
            entries: Mutex::new(Vec::new()),
            finished: OnceLock::new(),
        }
    }

    /// The first copy (its id) this article duplicates, after `finish`.
    pub fn first_copy(&self, seq: usize) -> Option<(&str, DuplicateKind)> {
        self.finished
            .get()?
            .first_copy
            .get(&seq)
            .map(|(id, kind)| (id.as_str(), *kind))
    }

    /// Every verified pair, ordered by the copy's position then the original's.
    pub fn pairs(&self) -> &[DuplicatePair] {
        self.finished.get().map_or(&[], |f| f.pairs.as_slice())
    }

    fn compute(&self) -> Finished {
        let mut entries =
            std::mem::take(&mut *self.entries.lock().unwrap_or_else(|e| e.into_inner()));
        entries.sort_by_key(|e| e.seq);
        let mut sets = EarliestRoot((0..entries.len()).collect());
        let mut pairs: Vec<(usize, usize, DuplicateKind, f64)> = Vec::new();

        // Exact copies: every later copy points at the first.
        let mut first_with_hash: HashMap<u64, usize> = HashMap::new();
        let mut is_exact_copy = vec![false; entries.len()];
        for (i, e) in entries.iter().enumerate() {
            match first_with_hash.get(&e.exact) {
                Some(&first) => {
                    sets.union(first, i);
                    is_exact_copy[i] = true;
                    pairs.push((first, i, DuplicateKind::Exact, 1.0));
                }
                None => {
                    first_with_hash.insert(e.exact, i);
                }
            }
        }

        // Near copies among the rest, by LSH banding; candidates verified on the signature.
        let (bands, rows) = banding_for(self.threshold);
        let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let Some(signature) = e.signature.as_deref().filter(|_| !is_exact_copy[i]) else {
                continue;
            };
            let mut candidates: Vec<usize> = Vec::new();
            for band in 0..bands {
                let bucket = buckets.entry(band_key(signature, band, rows)).or_default();
                candidates.extend(bucket.iter().copied());
                bucket.push(i);
            }
            candidates.sort_unstable();
            candidates.dedup();
            // A pathological bucket (thousands of near-identical stubs) must not go quadratic:
            // the earliest candidates are the ones that matter for "first copy".
            candidates.truncate(self.max_candidates);
            for j in candidates {
                let Some(other) = entries[j].signature.as_deref() else {
                    continue;
                };
                let similarity = estimated_jaccard(signature, other);
                if similarity >= self.threshold {
                    sets.union(j, i);
                    pairs.push((j, i, DuplicateKind::Near, similarity));
                }
            }
        }

        let mut finished = Finished::default();
        for i in 0..entries.len() {
            let root = sets.find(i);
            if root != i {
                let kind = if entries[root].exact == entries[i].exact {
                    DuplicateKind::Exact
                } else {
                    DuplicateKind::Near
                };
                finished
                    .first_copy
                    .insert(entries[i].seq, (entries[root].id.clone(), kind));
            }
        }
        pairs.sort_by_key(|p| (p.1, p.0));
        finished.pairs = pairs
            .into_iter()
            .map(|(a, b, kind, similarity)| DuplicatePair {
                original: entries[a].id.clone(),
                copy: entries[b].id.clone(),
                kind,
                similarity,
            })
            .collect();
        finished
    }
}

impl CorpusIndex for DuplicateIndex {
    fn observe(&self, doc: usize, article: &Article) {
        let words = word_hashes(article.blocks.iter().map(|b| b.text.as_str()));
        if words.is_empty() {
            return; // Empty articles are not copies of each other in any useful sense.
        }
        let signature = (words.len() >= self.min_words).then(|| self.hasher.signature(&words));
        let entry = Entry {
            seq: doc,
            id: article.id.clone(),
            exact: exact_hash(&words),
            signature,
        };
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(entry);
    }

    fn finish(&self) {
        let _ = self.finished.set(self.compute());
    }
}
