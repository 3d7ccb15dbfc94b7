//! Building the word-class table from unlabelled news: every word form that occurs often
//! enough gets two class numbers (a coarse and a fine one), found by spherical k-means over
//! the word's context vector. The vector is the word's positive pointwise mutual information
//! (PPMI) with the most frequent words at offsets -2, -1, +1 and +2, reduced to a few dozen
//! dimensions by a seeded random projection. Words used alike ("Tuesday"/"Friday",
//! "Reuters"/"Xinhua", "Sen."/"Rep.") land in one class, which gives the tagger evidence
//! about words it never saw labelled.
//!
//! Everything is single-threaded, in a fixed order and seeded, so the same corpus gives the
//! same table byte for byte. Run by the `clusters` example (see docs/ner-model.md).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context;

use crate::hash::{hash_str, SplitMix};
use crate::token_info::normalize;

/// Knobs for [`build_word_classes`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// At most this many word forms get classes (the most frequent ones).
    pub vocabulary: usize,
    /// A word needs at least this many occurrences.
    pub min_count: u32,
    /// Context words: the most frequent this many forms, at each of the four offsets.
    pub contexts: usize,
    /// Dimensions of the projected vectors.
    pub dimensions: usize,
    /// Number of coarse and fine classes.
    pub coarse: usize,
    pub fine: usize,
    /// k-means passes per clustering.
    pub passes: usize,
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            vocabulary: 80_000,
            min_count: 4,
            contexts: 1200,
            dimensions: 160,
            coarse: 64,
            fine: 512,
            passes: 15,
            seed: 42,
        }
    }
}

/// Offsets whose words make up a context vector.
const OFFSETS: [isize; 4] = [-2, -1, 1, 2];

/// Reads the `title` and `text` columns of each TSV corpus (header line first, one article per
/// line) and returns the table: a comment header, then `word<TAB>coarse<TAB>fine` per word in
/// order of frequency. `log` receives progress lines.
pub fn build_word_classes(
    corpora: &[PathBuf],
    opts: &ClusterOptions,
    log: &mut dyn FnMut(&str),
) -> anyhow::Result<String> {
    anyhow::ensure!(
        opts.coarse >= 2 && opts.fine >= 2 && opts.dimensions >= 4,
        "need at least 2 classes and 4 dimensions"
    );
    let mut texts = Vec::new();
    for path in corpora {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading corpus {}", path.display()))?;
        texts.push(text);
    }
    let articles = || texts.iter().flat_map(|t| article_texts(t));

    // Pass 1: word counts.
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut total_tokens = 0u64;
    for article in articles() {
        for_each_token(article, |word| {
            total_tokens += 1;
            if let Some(count) = counts.get_mut(word) {
                *count += 1;
            } else {
                counts.insert(word.to_string(), 1);
            }
        });
    }
    let mut by_frequency: Vec<(String, u32)> = counts.into_iter().collect();
    // Ties broken by the string, so the order never depends on the hash map.
    by_frequency.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    by_frequency.retain(|(_, count)| *count >= opts.min_count);
    by_frequency.truncate(opts.vocabulary);
    let vocabulary = by_frequency.len();
    anyhow::ensure!(
        vocabulary > opts.fine,
        "only {vocabulary} words occur {} times or more",
        opts.min_count
    );
    let contexts = opts.contexts.min(vocabulary);
    log(&format!(
        "{total_tokens} tokens; {vocabulary} words get classes; {contexts} context words"
    ));
    let index: HashMap<&str, u32> = by_frequency
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i as u32))
        .collect();

    // Pass 2: co-occurrence counts with the context words, dense (vocabulary x 4 x contexts).
    let width = OFFSETS.len() * contexts;
    let mut cooc = vec![0u32; vocabulary * width];
    let mut ids: Vec<u32> = Vec::new();
    for article in articles() {
        ids.clear();
        for_each_token(article, |word| {
            ids.push(index.get(word).copied().unwrap_or(u32::MAX));
        });
        for (i, &id) in ids.iter().enumerate() {
            if id == u32::MAX {
                continue;
            }
            let row = id as usize * width;
            for (block, &offset) in OFFSETS.iter().enumerate() {
                let Some(&ctx) = i.checked_add_signed(offset).and_then(|j| ids.get(j)) else {
                    continue;
                };
                if (ctx as usize) < contexts {
                    cooc[row + block * contexts + ctx as usize] += 1;
                }
            }
        }
    }
    log("co-occurrences counted");

    let vectors = project_ppmi(&cooc, vocabulary, width, opts);
    drop(cooc);
    log("vectors projected");
    let weights: Vec<f32> = by_frequency
        .iter()
        .map(|(_, c)| (*c as f32).ln_1p())
        .collect();
    let coarse = spherical_kmeans(&vectors, &weights, opts.dimensions, opts.coarse, opts, log);
    let fine = spherical_kmeans(
        &vectors,
        &weights,
        opts.dimensions,
        opts.fine,
        &ClusterOptions {
            seed: opts.seed ^ 0xF1E,
            ..opts.clone()
        },
        log,
    );

    let mut table = String::new();
    let _ = writeln!(
        table,
        "# newsmill word classes: word<TAB>coarse class (of {})<TAB>fine class (of {})",
        opts.coarse, opts.fine
    );
    let _ = writeln!(
        table,
        "# {vocabulary} words, {total_tokens} corpus tokens; options {opts:?}"
    );
    for (i, (word, _)) in by_frequency.iter().enumerate() {
        let _ = writeln!(table, "{word}\t{}\t{}", coarse[i], fine[i]);
    }
    Ok(table)
}

/// The article texts of a TSV corpus: the `title` and `text` columns of every line after the
/// header (the header names the columns; a file without them yields nothing).
fn article_texts(tsv: &str) -> impl Iterator<Item = &str> {
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let wanted: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, name)| matches!(**name, "title" | "text"))
        .map(|(i, _)| i)
        .collect();
    lines.flat_map(move |line| {
        let fields: Vec<&str> = line.split('\t').collect();
        wanted
            .iter()
            .filter_map(|&i| fields.get(i).copied())
            .collect::<Vec<_>>()
    })
}

/// Calls `f` with each token of `text` as the tagger will see it (tokenised by
/// `newsmill-text`, typographic punctuation normalised).
fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    for token in newsmill_text::tokenize(text) {
        f(&normalize(token.text(text)));
    }
}

/// PPMI of each word with each (offset, context word), with context counts smoothed to the
/// power 0.75 (rare contexts otherwise dominate), projected onto `dimensions` random ±1
/// directions derived from a hash of the context column, and scaled to unit length.
fn project_ppmi(cooc: &[u32], vocabulary: usize, width: usize, opts: &ClusterOptions) -> Vec<f32> {
    let d = opts.dimensions;
    let mut row_sums = vec![0f64; vocabulary];
    let mut column_sums = vec![0f64; width];
    for (w, row) in cooc.chunks_exact(width).enumerate() {
        for (c, &n) in row.iter().enumerate() {
            row_sums[w] += f64::from(n);
            column_sums[c] += f64::from(n);
        }
    }
    let smoothed: Vec<f64> = column_sums.iter().map(|&n| n.powf(0.75)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    // A ±1 sign per (column, dimension): bit `k % 64` of hash k / 64 of the column.
    let signs: Vec<f32> = (0..width)
        .flat_map(|c| {
            (0..d).map(move |k| {
                let bits = hash_str(&format!("{}:{c}:{}", opts.seed, k / 64));
                if bits >> (k % 64) & 1 == 1 {
                    1.0
                } else {
                    -1.0
                }
            })
        })
        .collect();
    let mut vectors = vec![0f32; vocabulary * d];
    for (w, row) in cooc.chunks_exact(width).enumerate() {
        if row_sums[w] == 0.0 {
            continue;
        }
        let out = &mut vectors[w * d..(w + 1) * d];
        for (c, &n) in row.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let pmi = (f64::from(n) * smoothed_total / (row_sums[w] * smoothed[c])).ln();
            if pmi <= 0.0 {
                continue;
            }
            let pmi = pmi as f32;
            for (o, s) in out.iter_mut().zip(&signs[c * d..(c + 1) * d]) {
                *o += pmi * s;
            }
        }
        normalize_vector(out);
    }
    vectors
}

fn normalize_vector(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Dot product with eight running sums, so the compiler can use vector instructions (one
/// sum would force the additions into one order).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a8
        .remainder()
        .iter()
        .zip(b8.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a8.zip(b8) {
        for l in 0..8 {
            lanes[l] += x[l] * y[l];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Spherical k-means (cosine similarity) of unit `vectors` (rows of `d`), each weighted by
/// `weights` when centroids are recomputed. Seeded k-means++ start; returns a class per row.
pub(crate) fn spherical_kmeans(
    vectors: &[f32],
    weights: &[f32],
    d: usize,
    k: usize,
    opts: &ClusterOptions,
    log: &mut dyn FnMut(&str),
) -> Vec<u16> {
    let n = vectors.len() / d;
    let k = k.min(n).max(1);
    let row = |i: usize| &vectors[i * d..(i + 1) * d];
    let mut rng = SplitMix(opts.seed);
    // k-means++: each next centre drawn with probability proportional to its distance
    // (1 - cosine) to the nearest centre so far.
    let mut centroids: Vec<f32> = Vec::with_capacity(k * d);
    centroids.extend_from_slice(row(0));
    let mut nearest = vec![f32::MAX; n];
    for c in 1..k {
        let last = &centroids[(c - 1) * d..c * d];
        let mut sum = 0f64;
        for (i, best) in nearest.iter_mut().enumerate() {
            let distance = (1.0 - dot(row(i), last)).max(0.0);
            *best = best.min(distance);
            sum += f64::from(*best);
        }
        let target = (rng.next_u64() as f64 / u64::MAX as f64) * sum;
        let mut acc = 0f64;
        let mut chosen = n - 1;
        for (i, &best) in nearest.iter().enumerate() {
            acc += f64::from(best);
            if acc >= target && best > 0.0 {
                chosen = i;
                break;
            }
        }
        centroids.extend_from_slice(row(chosen));
    }

    let mut assignment = vec![0u16; n];
    for pass in 0..opts.passes.max(1) {
        let mut moved = 0usize;
        let mut similarity = 0f64;
        for (i, slot) in assignment.iter_mut().enumerate() {
            let v = row(i);
            let (best, score) = centroids
                .chunks_exact(d)
                .enumerate()
                .map(|(c, centre)| (c, dot(v, centre)))
                .fold((0, f32::MIN), |a, b| if b.1 > a.1 { b } else { a });
            if pass == 0 || *slot as usize != best {
                moved += 1;
            }
            *slot = best as u16;
            similarity += f64::from(score);
        }
        let mut sums = vec![0f32; k * d];
        for (i, &c) in assignment.iter().enumerate() {
            let target = &mut sums[c as usize * d..(c as usize + 1) * d];
            for (t, x) in target.iter_mut().zip(row(i)) {
                *t += weights[i] * x;
            }
        }
        for (c, centre) in sums.chunks_exact_mut(d).enumerate() {
            if centre.iter().all(|&x| x == 0.0) {
                // An emptied class keeps its old centre.
                centre.copy_from_slice(&centroids[c * d..(c + 1) * d]);
            }
            normalize_vector(centre);
        }
        centroids = sums;
        log(&format!(
            "k-means k={k} pass {}: {moved} moved, mean cosine {:.4}",
            pass + 1,
            similarity / n as f64
        ));
        if moved == 0 {
            break;
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kmeans_separates_obvious_groups() {
        // Two tight groups of unit vectors in 4 dimensions.
        let mut vectors = Vec::new();
        for i in 0..10 {
            let e = i as f32 * 0.01;
            let mut a = [1.0, e, 0.0, 0.0];
            let mut b = [0.0, 0.0, 1.0, e];
            normalize_vector(&mut a);
            normalize_vector(&mut b);
            vectors.extend_from_slice(&a);
            vectors.extend_from_slice(&b);
        }
        let weights = vec![1.0; 20];
        let opts = ClusterOptions {
            passes: 5,
            ..ClusterOptions::default()
        };
        let classes = spherical_kmeans(&vectors, &weights, 4, 2, &opts, &mut |_| {});
        for pair in classes.chunks(2) {
            assert_ne!(pair[0], pair[1]);
        }
        assert!(classes.iter().step_by(2).all(|&c| c == classes[0]));
    }

    #[test]
    fn article_texts_reads_title_and_text_by_header() {
        let tsv = "id\ttitle\tsource\ttext\n1\tHello\tX\tBody one\n2\tBye\tY\n";
        let got: Vec<&str> = article_texts(tsv).collect();
        assert_eq!(got, ["Hello", "Body one", "Bye"]);
        assert_eq!(article_texts("").count(), 0);
    }

    #[test]
    fn builds_a_table_from_a_tiny_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.tsv");
        let mut text = String::from("id\ttext\n");
        for i in 0..200 {
            let day = ["Monday", "Tuesday", "Friday"][i % 3];
            let city = ["Paris", "London", "Rome"][i % 3];
            text.push_str(&format!(
                "{i}\tHe said on {day} that the talks in {city} went well .\n"
            ));
        }
        std::fs::write(&path, text).unwrap();
        let opts = ClusterOptions {
            min_count: 5,
            contexts: 20,
            dimensions: 32,
            coarse: 2,
            // 16 words with 12 distinct context profiles: the three days share one, the
            // three cities another.
            fine: 12,
            ..ClusterOptions::default()
        };
        let table = build_word_classes(std::slice::from_ref(&path), &opts, &mut |_| {}).unwrap();
        let class_of = |w: &str| {
            table
                .lines()
                .find(|l| l.split('\t').next() == Some(w))
                .map(|l| l.split('\t').nth(2).unwrap().to_string())
        };
        assert_eq!(class_of("Monday"), class_of("Friday"));
        assert_eq!(class_of("Paris"), class_of("Rome"));
        assert_ne!(class_of("Monday"), class_of("Paris"));
        // Deterministic.
        assert_eq!(
            table,
            build_word_classes(&[path], &opts, &mut |_| {}).unwrap()
        );
    }
}
