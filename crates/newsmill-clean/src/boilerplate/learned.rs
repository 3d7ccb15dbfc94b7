//! Learned boilerplate: lines that recur across many articles of the same source.
//!
//! `observe` hashes every distinct line of an article (folded: case, spacing and digits, see
//! [`crate::fold`]) seeded with the article's source, and counts in how many articles of
//! that source each hash occurs. `process` then asks [`LearnedLines::is_boilerplate`].
//!
//! Memory bound: the table holds at most `max_tracked` hashes (12 bytes of payload each,
//! about 20 bytes with the hash table's overhead), split over [`SHARDS`] shards by hash.
//! When a shard overflows, it keeps only hashes whose top bits are zero at the next
//! "sampling level" (first 1/2, then 1/4, ...) and admits only those from then on. A shard
//! ends at the lowest level whose surviving hashes fit, which depends only on the set of
//! lines seen, not on the order, and a surviving hash's count is exact (it was never
//! evicted, because eviction is by hash value, not by count). Past the bound, lines outside
//! the sample are never learned (they are kept), so the cost of a huge folder is recall,
//! never wrong removals. The level reached is reported by [`LearnedLines::sample_level`].

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use newsmill_core::{Article, CorpusIndex};
use xxhash_rust::xxh3::xxh3_64;

#[cfg(test)]
use crate::fold::line_hash;
use crate::fold::{has_alphanumerics, line_hash_with};

pub const SHARDS: usize = 16;

/// Where an article comes from, for grouping: the publisher when known, else the host of
/// its URL (`www.` dropped), else its folder.
pub fn source_key(article: &Article) -> u64 {
    let publisher = article
        .meta
        .publisher
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let key = match (publisher, article.meta.url.as_deref().and_then(url_host)) {
        (Some(publisher), _) => format!("publisher:{}", publisher.to_lowercase()),
        (None, Some(host)) => format!("host:{host}"),
        (None, None) => {
            format!(
                "dir:{}",
                article
                    .path
                    .parent()
                    .unwrap_or(Path::new(""))
                    .to_string_lossy()
            )
        }
    };
    xxh3_64(key.as_bytes())
}

/// `https://www.wsws.org:443/en/x` -> `wsws.org`. No URL crate: only the host is needed.
fn url_host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.contains(char::is_whitespace)).then_some(host)
}

/// Whether a trimmed line can be learned. It needs a few letters or digits, because a
/// separator ("* * *") shared by every article is harmless and often structural; and at
/// most `max_bytes`, because site furniture is short while prose paragraphs are long: the
/// limit keeps most of the text out of both passes and a repeated paragraph of reporting
/// (a copied story) out of the table.
pub fn is_learnable(line: &str, max_bytes: usize) -> bool {
    line.len() <= max_bytes && has_alphanumerics(line, 3)
}

/// Hashes of the learnable lines of an article.
fn learnable_hashes(article: &Article, source: u64, max_bytes: usize) -> Vec<u64> {
    let mut buffer = String::new();
    article
        .blocks
        .iter()
        .flat_map(|b| b.text.lines())
        .map(str::trim)
        .filter(|l| is_learnable(l, max_bytes))
        .map(|l| line_hash_with(l, source, &mut buffer))
        .collect()
}

/// The low bits pick the shard, the high bits the sampling level: independent.
fn shard_of(hash: u64) -> usize {
    (hash % SHARDS as u64) as usize
}

/// The keys are already xxh3 hashes; hashing them again with SipHash would only cost time.
/// (std has no identity hasher, hence these few lines.)
#[derive(Default)]
struct PrehashedKey(u64);

impl Hasher for PrehashedKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type CountMap = HashMap<u64, u32, BuildHasherDefault<PrehashedKey>>;

struct Shard {
    level: u32,
    counts: CountMap,
}

impl Shard {
    fn admits(level: u32, hash: u64) -> bool {
        level == 0 || hash.leading_zeros() >= level
    }
}

pub struct LearnedLines {
    max_per_shard: usize,
    max_line_bytes: usize,
    shards: Vec<Mutex<Shard>>,
    /// Articles seen per source.
    sources: Mutex<BTreeMap<u64, u32>>,
    /// Set by `finish`: before it, counts are partial and nothing is learned (so what the
    /// first pass removes does not depend on which articles other threads counted first).
    finished: AtomicBool,
}

impl LearnedLines {
    pub fn new(max_tracked: usize, max_line_bytes: usize) -> Self {
        LearnedLines {
            max_per_shard: (max_tracked / SHARDS).max(1),
            max_line_bytes,
            shards: (0..SHARDS)
                .map(|_| {
                    Mutex::new(Shard {
                        level: 0,
                        counts: CountMap::default(),
                    })
                })
                .collect(),
            sources: Mutex::new(BTreeMap::new()),
            finished: AtomicBool::new(false),
        }
    }

    /// Whether counting is complete (after `finish`): only then are lines learned.
    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Acquire)
    }

    /// Raises a shard's sampling level until its hashes fit (see the module docs).
    fn fit(&self, shard: &mut Shard) {
        while shard.counts.len() > self.max_per_shard && shard.level < 64 {
            shard.level += 1;
            let level = shard.level;
            shard.counts.retain(|h, _| Shard::admits(level, *h));
        }
    }

    /// Counts `hashes` (sorted by shard, so each shard is locked once per article).
    fn add_all(&self, hashes: &[u64]) {
        for group in hashes.chunk_by(|a, b| shard_of(*a) == shard_of(*b)) {
            let Some(shard) = group.first().and_then(|h| self.shards.get(shard_of(*h))) else {
                continue;
            };
            let mut shard = shard.lock().unwrap_or_else(|e| e.into_inner());
            for &hash in group {
                if !Shard::admits(shard.level, hash) {
                    continue;
                }
                *shard.counts.entry(hash).or_insert(0) += 1;
                self.fit(&mut shard);
            }
        }
    }

    pub fn max_line_bytes(&self) -> usize {
        self.max_line_bytes
    }

    /// Articles of `source` observed.
    pub fn source_docs(&self, source: u64) -> u32 {
        self.sources
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&source)
            .copied()
            .unwrap_or(0)
    }

    /// In how many articles of its source the line with this hash occurred; `None` when the
    /// hash fell outside the sample (see the module docs).
    pub fn doc_count(&self, hash: u64) -> Option<u32> {
        let shard = self.shards.get(shard_of(hash))?;
        let shard = shard.lock().unwrap_or_else(|e| e.into_inner());
        if !Shard::admits(shard.level, hash) {
            return None;
        }
        Some(shard.counts.get(&hash).copied().unwrap_or(0))
    }

    /// Highest sampling level any shard reached (0 = every line tracked).
    pub fn sample_level(&self) -> u32 {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|e| e.into_inner()).level)
            .max()
            .unwrap_or(0)
    }

    /// Hashes currently tracked, over all shards.
    pub fn tracked(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|e| e.into_inner()).counts.len())
            .sum()
    }
}

impl CorpusIndex for LearnedLines {
    fn observe(&self, _doc: usize, article: &Article) {
        let source = source_key(article);
        let mut hashes = learnable_hashes(article, source, self.max_line_bytes);
        // Once per article: a line repeated inside one article is not evidence of a template.
        hashes.sort_unstable_by_key(|h| (shard_of(*h), *h));
        hashes.dedup();
        self.add_all(&hashes);
        *self
            .sources
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(source)
            .or_insert(0) += 1;
    }

    fn finish(&self) {
        // Counting is complete after the last observe; nothing to compute.
        self.finished.store(true, Ordering::Release);
    }

    /// Articles per source, and per shard its sampling level and (hash, articles) counts.
    fn summary(&self) -> Option<serde_json::Value> {
        let sources: Vec<(u64, u32)> = self
            .sources
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(k, v)| (*k, *v))
            .collect();
        let shards: Vec<(u32, Vec<(u64, u32)>)> = self
            .shards
            .iter()
            .map(|s| {
                let s = s.lock().unwrap_or_else(|e| e.into_inner());
                let mut counts: Vec<(u64, u32)> = s.counts.iter().map(|(h, n)| (*h, *n)).collect();
                counts.sort_unstable();
                (s.level, counts)
            })
            .collect();
        Some(serde_json::json!({ "format": 1, "sources": sources, "shards": shards }))
    }

    /// Exact: a shard's level is the lowest at which the hashes it saw fit, so the level
    /// over all documents is at least every part's; at the highest part level every
    /// surviving hash was counted in full by every part, counts add, and the level is
    /// raised again while they do not fit, which is where one machine ends.
    fn absorb(&self, summary: &serde_json::Value) -> Result<(), String> {
        #[derive(serde::Deserialize)]
        struct Summary {
            format: u32,
            sources: Vec<(u64, u32)>,
            shards: Vec<(u32, Vec<(u64, u32)>)>,
        }
        let summary: Summary = serde::Deserialize::deserialize(summary)
            .map_err(|e| format!("not a learned boilerplate summary: {e}"))?;
        if summary.format != 1 || summary.shards.len() != SHARDS {
            return Err("learned boilerplate summary of another format".into());
        }
        {
            let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
            for (source, n) in summary.sources {
                *sources.entry(source).or_insert(0) += n;
            }
        }
        for (mine, (level, counts)) in self.shards.iter().zip(summary.shards) {
            let mut shard = mine.lock().unwrap_or_else(|e| e.into_inner());
            if level > shard.level {
                shard.level = level;
                shard.counts.retain(|h, _| Shard::admits(level, *h));
            }
            let level = shard.level;
            for (hash, n) in counts {
                if Shard::admits(level, hash) {
                    *shard.counts.entry(hash).or_insert(0) += n;
                }
            }
            self.fit(&mut shard);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    fn article(dir: &str, lines: &[&str]) -> Article {
        Article {
            path: format!("{dir}/a.md").into(),
            blocks: lines.iter().map(|l| Block::paragraph(*l)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn counts_each_line_once_per_article_and_per_source() {
        let index = LearnedLines::new(1000, 400);
        index.observe(
            0,
            &article("site", &["Footer line", "Footer line", "Body one"]),
        );
        index.observe(1, &article("site", &["Footer line", "Body two"]));
        index.observe(2, &article("other", &["Footer line"]));
        let site = source_key(&article("site", &[]));
        let other = source_key(&article("other", &[]));
        assert_eq!(index.source_docs(site), 2);
        assert_eq!(index.source_docs(other), 1);
        assert_eq!(index.doc_count(line_hash("footer  LINE", site)), Some(2));
        assert_eq!(index.doc_count(line_hash("Footer line", other)), Some(1));
        assert_eq!(index.doc_count(line_hash("Body one", site)), Some(1));
    }

    #[test]
    fn source_is_publisher_then_url_host_then_folder() {
        let mut a = article("x", &[]);
        let by_folder = source_key(&a);
        a.meta.url = Some("https://www.wsws.org/en/articles/2013/12/27/iraq.html".into());
        let by_host = source_key(&a);
        let mut b = article("y", &[]);
        b.meta.url = Some("http://wsws.org:80/other".into());
        assert_eq!(source_key(&b), by_host);
        assert_ne!(by_host, by_folder);
        a.meta.publisher = Some("WSWS ".into());
        b.meta.publisher = Some("wsws".into());
        assert_eq!(source_key(&a), source_key(&b));
        assert_ne!(source_key(&a), by_host);
        assert_eq!(url_host("not a url"), None);
        assert_eq!(
            url_host("user@mail.example.com/x").as_deref(),
            Some("mail.example.com")
        );
    }

    #[test]
    fn overflow_samples_by_hash_and_is_order_independent() {
        // Digits fold to 0, so lines differ by letters.
        let lines: Vec<String> = (0..400u32)
            .map(|i| {
                format!(
                    "line {}{}",
                    char::from(b'a' + (i % 26) as u8),
                    char::from(b'a' + (i / 26) as u8)
                )
            })
            .collect();
        let docs: Vec<Article> = lines
            .chunks(10)
            .map(|c| {
                let refs: Vec<&str> = c
                    .iter()
                    .map(String::as_str)
                    .chain(["shared footer"])
                    .collect();
                article("site", &refs)
            })
            .collect();
        let forward = LearnedLines::new(64, 400);
        let backward = LearnedLines::new(64, 400);
        for (i, d) in docs.iter().enumerate() {
            forward.observe(i, d);
        }
        for (i, d) in docs.iter().enumerate().rev() {
            backward.observe(i, d);
        }
        assert!(forward.sample_level() > 0);
        assert!(forward.tracked() <= 64 + SHARDS);
        let site = source_key(&docs[0]);
        for line in lines.iter().map(String::as_str).chain(["shared footer"]) {
            let h = line_hash(line, site);
            assert_eq!(forward.doc_count(h), backward.doc_count(h), "{line}");
        }
    }

    #[test]
    fn absorbed_shard_summaries_count_like_one_index_even_when_sampled() {
        let docs: Vec<Article> = (0..60u32)
            .map(|i| {
                let own = format!("own line {}{}", char::from(b'a' + (i % 26) as u8), i / 26);
                let shared = format!("shared {}", char::from(b'a' + (i % 7) as u8));
                article("site", &[own.as_str(), shared.as_str(), "footer text"])
            })
            .collect();
        for max in [1000, 40] {
            let single = LearnedLines::new(max, 400);
            docs.iter()
                .enumerate()
                .for_each(|(i, d)| single.observe(i, d));
            let parts: Vec<LearnedLines> = (0..3).map(|_| LearnedLines::new(max, 400)).collect();
            for (i, d) in docs.iter().enumerate() {
                parts[i * 3 / docs.len()].observe(i, d);
            }
            let merged = LearnedLines::new(max, 400);
            for part in &parts {
                merged.absorb(&part.summary().unwrap()).unwrap();
            }
            assert_eq!(merged.sample_level(), single.sample_level(), "max {max}");
            assert_eq!(merged.summary(), single.summary(), "max {max}");
        }
        assert!(!LearnedLines::new(10, 10).is_finished());
    }
}
