//! The corpus index of `clean.dedup`: one compact entry per article (id and exact hash in
//! memory, about 55 bytes an article; the MinHash signature, folded to a byte a value, in a
//! temporary file: 128 bytes an article on disk), then, in `finish`, the first copy each
//! article duplicates. Memory grows with the folder at that rate and no faster: no
//! per-article allocation, no bucket map, and only the pairs that join two groups are kept
//! (at most one per article).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use newsmill_core::{Article, CorpusIndex};
use serde::Deserialize;

use xxhash_rust::xxh3::xxh3_64;

use super::minhash::{
    banding_for, estimated_jaccard, exact_hash, word_hashes, MinHasher, SIGNATURE_LEN,
};
use super::signatures::Signatures;

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

/// What the index keeps of one article: 32 bytes here and its id in the id arena (about
/// 55 bytes an article in memory, so a million articles take about 55 MB), and its compact
/// signature (128 bytes) in [`Signatures`].
struct Entry {
    seq: usize,
    exact: u64,
    /// Start and length of the id in [`Store::ids`].
    id_start: usize,
    id_len: u32,
    /// Number of the signature in [`Store::signatures`]; `NO_SIGNATURE` for articles too
    /// short for near-duplicate detection.
    signature: u32,
}

const NO_SIGNATURE: u32 = u32::MAX;

/// Everything observed, in arenas rather than one allocation per article.
#[derive(Default)]
struct Store {
    entries: Vec<Entry>,
    ids: String,
    /// `SIGNATURE_LEN` bytes per article with a signature, spilled to a temporary file.
    signatures: Signatures,
}

impl Store {
    fn id(&self, entry: usize) -> &str {
        let e = &self.entries[entry];
        &self.ids[e.id_start..e.id_start + e.id_len as usize]
    }

    /// The entry's signature, when it has one and it can be read.
    fn signature(&mut self, entry: usize) -> Option<[u8; SIGNATURE_LEN]> {
        let at = self.entries[entry].signature;
        let mut out = [0u8; SIGNATURE_LEN];
        (at != NO_SIGNATURE && self.signatures.read(at, &mut out)).then_some(out)
    }
}

/// One MinHash value in a byte: all 32 bits folded, so two different minima agree by chance
/// once in 256 positions. That raises an estimated similarity J by (1 - J) / 256 (0.0008 at
/// 0.8), far below the estimate's own standard error (0.035), for a quarter of the memory.
fn compact(value: u32) -> u8 {
    (value.wrapping_mul(0x9E37_79B1) >> 24) as u8
}

#[derive(Default)]
struct Finished {
    /// (seq, first copy, kind), sorted by seq; first copies index `ids`.
    first_copy: Vec<(usize, usize, DuplicateKind)>,
    /// (original, copy, kind, similarity): the pairs that joined two groups, indexing `ids`.
    pairs: Vec<(usize, usize, DuplicateKind, f32)>,
    /// The ids these name, and no others: what the main pass holds grows with the copies
    /// found, not with the folder.
    ids: Vec<Box<str>>,
}

pub struct DuplicateIndex {
    hasher: MinHasher,
    threshold: f64,
    min_words: usize,
    max_candidates: usize,
    store: Mutex<Store>,
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

    /// Joins the sets of `a` and `b`; false when they were one set already.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.0[high] = low;
        ra != rb
    }
}

impl DuplicateIndex {
    pub fn new(threshold: f64, shingle_words: usize, min_words: usize) -> Self {
        DuplicateIndex {
            hasher: MinHasher::new(shingle_words),
            threshold,
            min_words,
            max_candidates: 256,
            store: Mutex::new(Store {
                signatures: Signatures::spilling(),
                ..Store::default()
            }),
            finished: OnceLock::new(),
        }
    }

    /// The first copy (its id) this article duplicates, after `finish`.
    pub fn first_copy(&self, seq: usize) -> Option<(&str, DuplicateKind)> {
        let finished = self.finished.get()?;
        let at = finished
            .first_copy
            .binary_search_by_key(&seq, |(s, _, _)| *s)
            .ok()?;
        let (_, root, kind) = finished.first_copy[at];
        Some((&finished.ids[root], kind))
    }

    /// The verified pairs that joined two groups of copies (each later copy appears once,
    /// with the earlier article it was first found to match), ordered by the copy's
    /// position then the original's. Built on each call, for reports.
    pub fn pairs(&self) -> Vec<DuplicatePair> {
        let Some(finished) = self.finished.get() else {
            return Vec::new();
        };
        finished
            .pairs
            .iter()
            .map(|&(a, b, kind, similarity)| DuplicatePair {
                original: finished.ids[a].to_string(),
                copy: finished.ids[b].to_string(),
                kind,
                similarity: f64::from(similarity),
            })
            .collect()
    }

    fn compute(&self) -> Finished {
        let mut store = std::mem::take(&mut *self.store.lock().unwrap_or_else(|e| e.into_inner()));
        store.entries.sort_unstable_by_key(|e| e.seq); // seqs are unique: no buffer
        let n = store.entries.len();
        let mut sets = EarliestRoot((0..n).collect());
        let mut pairs: Vec<(usize, usize, DuplicateKind, f32)> = Vec::new();

        // Exact copies: every later copy points at the first.
        let mut first_with_hash: HashMap<u64, usize> = HashMap::new();
        let mut is_exact_copy = vec![false; n];
        for (i, e) in store.entries.iter().enumerate() {
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
        drop(first_with_hash);

        // Near copies among the rest, by LSH banding one band at a time (a sorted list of
        // (band key, article) instead of a hash map of buckets: 16 bytes an article, reused
        // for every band). Within a bucket each article is checked against the earlier ones;
        // at most `max_candidates` checks an article in all, so a pathological bucket
        // (thousands of near-identical stubs) cannot go quadratic, and articles already in
        // one group are not checked again.
        let (bands, rows) = banding_for(self.threshold);
        let mut checks = vec![0u32; n];
        // The entry of each signature: the bands are read in the signatures' own order, one
        // sequential pass over their file per band.
        let mut entry_of = vec![u32::MAX; store.signatures.len() as usize];
        for (i, e) in store.entries.iter().enumerate() {
            if let Some(slot) = entry_of.get_mut(e.signature as usize) {
                *slot = i as u32;
            }
        }
        let mut keys: Vec<(u64, usize)> = Vec::with_capacity(n);
        for band in 0..bands {
            keys.clear();
            store.signatures.for_each(|at, signature| {
                let i = entry_of[at as usize] as usize;
                if i < n && !is_exact_copy[i] {
                    keys.push((
                        band_key(&signature[band * rows..(band + 1) * rows], band),
                        i,
                    ));
                }
            });
            keys.sort_unstable();
            for bucket in keys.chunk_by(|a, b| a.0 == b.0).filter(|b| b.len() > 1) {
                for (m, &(_, i)) in bucket.iter().enumerate().skip(1) {
                    for &(_, j) in &bucket[..m] {
                        if checks[i] as usize >= self.max_candidates {
                            break;
                        }
                        if sets.find(i) == sets.find(j) {
                            continue;
                        }
                        checks[i] += 1;
                        let (Some(a), Some(b)) = (store.signature(j), store.signature(i)) else {
                            continue;
                        };
                        let similarity = estimated_jaccard(&a, &b);
                        if similarity >= self.threshold && sets.union(j, i) {
                            pairs.push((j, i, DuplicateKind::Near, similarity as f32));
                        }
                    }
                }
            }
        }
        drop(keys);
        drop(entry_of);
        store.signatures = Signatures::default();

        let mut first_copy = Vec::new();
        for i in 0..n {
            let root = sets.find(i);
            if root != i {
                let kind = if store.entries[root].exact == store.entries[i].exact {
                    DuplicateKind::Exact
                } else {
                    DuplicateKind::Near
                };
                first_copy.push((store.entries[i].seq, root, kind));
            }
        }
        pairs.sort_by_key(|p| (p.1, p.0));
        // Renumber the entries the results name, in entry order, and keep only their ids.
        let mut named: Vec<usize> = first_copy
            .iter()
            .map(|&(_, root, _)| root)
            .chain(pairs.iter().flat_map(|&(a, b, _, _)| [a, b]))
            .collect();
        named.sort_unstable();
        named.dedup();
        let renumber = |entry: usize| named.binary_search(&entry).unwrap_or(0);
        for f in &mut first_copy {
            f.1 = renumber(f.1);
        }
        for p in &mut pairs {
            (p.0, p.1) = (renumber(p.0), renumber(p.1));
        }
        let ids = named.iter().map(|&e| Box::from(store.id(e))).collect();
        Finished {
            first_copy,
            pairs,
            ids,
        }
    }
}

/// Key of one band (its `rows` compact values) of a signature, salted by the band.
fn band_key(rows: &[u8], band: usize) -> u64 {
    xxh3_64(rows) ^ (band as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl CorpusIndex for DuplicateIndex {
    fn observe(&self, doc: usize, article: &Article) {
        let words = word_hashes(article.blocks.iter().map(|b| b.text.as_str()));
        if words.is_empty() {
            return; // Empty articles are not copies of each other in any useful sense.
        }
        let signature = (words.len() >= self.min_words).then(|| {
            self.hasher
                .signature(&words)
                .iter()
                .map(|&v| compact(v))
                .collect::<Vec<u8>>()
        });
        let exact = exact_hash(&words);
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let id_start = store.ids.len();
        store.ids.push_str(&article.id);
        let signature = match signature {
            Some(values) => store.signatures.push(&values),
            None => NO_SIGNATURE,
        };
        store.entries.push(Entry {
            seq: doc,
            exact,
            id_start,
            id_len: article.id.len() as u32,
            signature,
        });
    }

    fn finish(&self) {
        let _ = self.finished.set(self.compute());
    }

    /// Every entry: global position, exact hash, id, signature (hex; absent for short
    /// articles). `compute` sorts by position, so absorbing shards in any order gives the
    /// single-machine result.
    fn summary(&self) -> Option<serde_json::Value> {
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let entries: Vec<serde_json::Value> = (0..store.entries.len())
            .map(|i| {
                let signature = store.signature(i).map(|s| hex(&s));
                let e = &store.entries[i];
                serde_json::json!([e.seq, e.exact, store.id(i), signature])
            })
            .collect();
        Some(serde_json::json!({ "format": 1, "entries": entries }))
    }

    fn absorb(&self, summary: &serde_json::Value) -> Result<(), String> {
        #[derive(serde::Deserialize)]
        struct Summary {
            format: u32,
            entries: Vec<(usize, u64, String, Option<String>)>,
        }
        let summary = Summary::deserialize(summary)
            .map_err(|e| format!("not a duplicate index summary: {e}"))?;
        if summary.format != 1 {
            return Err(format!("unknown summary format {}", summary.format));
        }
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        for (seq, exact, id, signature) in summary.entries {
            let signature = match signature {
                None => NO_SIGNATURE,
                Some(text) => {
                    let bytes = unhex(&text)
                        .filter(|b| b.len() == SIGNATURE_LEN)
                        .ok_or_else(|| format!("bad signature for {id}"))?;
                    store.signatures.push(&bytes)
                }
            };
            let id_start = store.ids.len();
            store.ids.push_str(&id);
            store.entries.push(Entry {
                seq,
                exact,
                id_start,
                id_len: id.len() as u32,
                signature,
            });
        }
        Ok(())
    }
}

// Two hex digits a byte: the summary is JSON, and no crate is worth these few lines.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    text.len().is_multiple_of(2).then_some(())?;
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}
