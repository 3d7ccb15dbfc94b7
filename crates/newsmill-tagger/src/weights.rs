//! Weight storage. Training uses a dense table of `2^bits` rows (one weight per label per
//! row) with lazy averaging; the shipped model keeps only the non-zero rows, quantised to
//! `i16`, behind an open-addressing index, so it is small on disk and in memory.

use crate::labels::N_LABELS;

/// Anything the decoder can read scores from.
pub(crate) trait Weights {
    /// Adds the row of feature hash `feature` to `scores`.
    fn add_row(&self, feature: u64, scores: &mut [f32; N_LABELS]);

    /// The rows of all `features` summed, in order.
    fn score(&self, features: &[u64]) -> [f32; N_LABELS] {
        let mut scores = [0.0f32; N_LABELS];
        for &f in features {
            self.add_row(f, &mut scores);
        }
        scores
    }
}

#[inline]
pub(crate) fn row_of(feature: u64, bits: u8) -> usize {
    (feature >> (64 - u32::from(bits))) as usize
}

/// Perceptron weights during training, with the running sums needed for averaging.
pub(crate) struct TrainingWeights {
    pub bits: u8,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    /// Number of updates steps taken (one per token seen).
    pub clock: u32,
}

impl TrainingWeights {
    pub fn new(bits: u8) -> Self {
        let rows = 1usize << bits;
        TrainingWeights {
            bits,
            weights: vec![0.0; rows * N_LABELS],
            totals: vec![0.0; rows * N_LABELS],
            stamps: vec![0; rows],
            clock: 0,
        }
    }

    /// Rewards `gold` and penalises `predicted` for every feature.
    /// `step` is the size of the update: 1 for the main training data, less for data the
    /// model should learn from without taking on its conventions wholesale.
    pub fn update(&mut self, features: &[u64], gold: usize, predicted: usize, step: f32) {
        for &feature in features {
            let row = row_of(feature, self.bits);
            let elapsed = f64::from(self.clock - self.stamps[row]);
            if elapsed > 0.0 {
                for label in 0..N_LABELS {
                    let k = row * N_LABELS + label;
                    self.totals[k] += elapsed * f64::from(self.weights[k]);
                }
                self.stamps[row] = self.clock;
            }
            self.weights[row * N_LABELS + gold] += step;
            self.weights[row * N_LABELS + predicted] -= step;
        }
    }

    /// The averaged weights as of now.
    pub fn averaged(&self) -> AveragedWeights {
        let clock = f64::from(self.clock.max(1));
        let mut weights = vec![0.0f32; self.weights.len()];
        for (row, &stamp) in self.stamps.iter().enumerate() {
            let elapsed = f64::from(self.clock - stamp);
            for label in 0..N_LABELS {
                let k = row * N_LABELS + label;
                weights[k] =
                    ((self.totals[k] + elapsed * f64::from(self.weights[k])) / clock) as f32;
            }
        }
        AveragedWeights {
            bits: self.bits,
            weights,
        }
    }
}

impl Weights for TrainingWeights {
    #[inline]
    fn add_row(&self, feature: u64, scores: &mut [f32; N_LABELS]) {
        let row = row_of(feature, self.bits) * N_LABELS;
        for (s, w) in scores.iter_mut().zip(&self.weights[row..row + N_LABELS]) {
            *s += *w;
        }
    }
}

/// Averaged weights, dense; what training evaluates and then compacts.
#[derive(Clone)]
pub(crate) struct AveragedWeights {
    pub bits: u8,
    pub weights: Vec<f32>,
}

impl Weights for AveragedWeights {
    #[inline]
    fn add_row(&self, feature: u64, scores: &mut [f32; N_LABELS]) {
        let row = row_of(feature, self.bits) * N_LABELS;
        for (s, w) in scores.iter_mut().zip(&self.weights[row..row + N_LABELS]) {
            *s += *w;
        }
    }
}

impl AveragedWeights {
    /// Quantises to `i16` (one scale for the whole model) and drops rows that become zero.
    pub fn compact(&self) -> CompactWeights {
        let max = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut keys = Vec::new();
        let mut rows = Vec::new();
        for (row, chunk) in self.weights.chunks_exact(N_LABELS).enumerate() {
            let mut quantised = [0i16; N_LABELS];
            for (q, w) in quantised.iter_mut().zip(chunk) {
                *q = (w / scale).round() as i16;
            }
            if quantised.iter().any(|&q| q != 0) {
                keys.push(row as u32);
                rows.push(quantised);
            }
        }
        CompactWeights::new(self.bits, scale, keys, rows)
    }
}

/// The shipped form: the non-zero rows, quantised, stored densely in row-number order
/// behind a rank index: one bit per possible row says whether it is held, and each 64-bit
/// word of bits carries the count of held rows before it, so a row's place is that count
/// plus a popcount. For the shipped model (2^22 possible rows, about 87k held per stage)
/// the index is 1 MB and the rows 1.6 MB, where an open-addressing table at load 2/3 took
/// 6.3 MB: lookups, nearly all cache misses, were half the tagger's time (profiled). A
/// feature whose row is not held is answered by the index alone.
/// Hand-written: the rank-bitmap crates on crates.io are general succinct-structure
/// libraries, far more than these forty lines, and none stores a payload beside the bits.
pub(crate) struct CompactWeights {
    pub bits: u8,
    pub scale: f32,
    /// Number of rows held.
    pub len: usize,
    index: Vec<IndexWord>,
    rows: Vec<[i16; N_LABELS]>,
}

/// 64 possible rows: which are held, and how many held rows come before them. Bits and
/// count in one 16-byte cell, so a lookup reads one cache line of the index.
#[derive(Clone, Copy, Default)]
#[repr(align(16))]
struct IndexWord {
    held: u64,
    before: u32,
}

impl CompactWeights {
    /// `keys[i]` is the row number of `rows[i]`, each below `2^bits`; order does not
    /// matter, and of repeated row numbers the first is kept.
    pub fn new(bits: u8, scale: f32, keys: Vec<u32>, rows: Vec<[i16; N_LABELS]>) -> Self {
        let mut pairs: Vec<(u32, [i16; N_LABELS])> = keys.into_iter().zip(rows).collect();
        pairs.sort_by_key(|p| p.0);
        pairs.dedup_by_key(|p| p.0);
        let words = (1usize << bits).div_ceil(64);
        let mut index = vec![IndexWord::default(); words];
        for &(key, _) in &pairs {
            index[key as usize / 64].held |= 1 << (key % 64);
        }
        let mut before = 0u32;
        for word in &mut index {
            word.before = before;
            before += word.held.count_ones();
        }
        CompactWeights {
            bits,
            scale,
            len: pairs.len(),
            index,
            rows: pairs.into_iter().map(|p| p.1).collect(),
        }
    }

    /// Where row `key` sits in `rows`, if it is held.
    #[inline]
    fn place(&self, key: u32) -> Option<usize> {
        let word = self.index.get(key as usize / 64)?;
        let bit = 1u64 << (key % 64);
        (word.held & bit != 0)
            .then(|| word.before as usize + (word.held & (bit - 1)).count_ones() as usize)
    }

    #[inline]
    fn find(&self, key: u32) -> Option<&[i16; N_LABELS]> {
        self.rows.get(self.place(key)?)
    }

    /// The same weights without the rows whose largest weight is below `fraction` of the
    /// model's largest: those rows barely move a score, and every row held costs memory and
    /// cache misses at tagging time.
    pub fn pruned(&self, fraction: f32) -> CompactWeights {
        let threshold = (fraction * f32::from(i16::MAX)).round() as i32;
        let (keys, rows): (Vec<u32>, Vec<[i16; N_LABELS]>) = self
            .sorted_rows()
            .into_iter()
            .filter(|(_, row)| row.iter().any(|&w| i32::from(w).abs() >= threshold))
            .unzip();
        CompactWeights::new(self.bits, self.scale, keys, rows)
    }

    pub fn heap_bytes(&self) -> usize {
        self.index.len() * std::mem::size_of::<IndexWord>()
            + self.rows.len() * std::mem::size_of::<[i16; N_LABELS]>()
    }

    /// The rows in ascending row-number order (what the model file stores).
    pub fn sorted_rows(&self) -> Vec<(u32, [i16; N_LABELS])> {
        let mut out = Vec::with_capacity(self.rows.len());
        for (w, word) in self.index.iter().enumerate() {
            let mut held = word.held;
            while held != 0 {
                let bit = held.trailing_zeros();
                held &= held - 1;
                out.push((w as u32 * 64 + bit, self.rows[out.len()]));
            }
        }
        out
    }
}

/// The mean of stages trained alike on other shuffles of the data (same hash bits), row by
/// row, quantised afresh: a row one stage lacks counts as zero there. The sum is kept, not
/// divided by the count: a perceptron's answer depends only on the ratios of its weights,
/// and quantising rescales anyway, so the sum is the mean's model exactly.
pub(crate) fn average(stages: &[&CompactWeights]) -> CompactWeights {
    let bits = stages.first().map_or(0, |s| s.bits);
    let mut sums: std::collections::BTreeMap<u32, [f32; N_LABELS]> = Default::default();
    for stage in stages {
        for (key, row) in stage.sorted_rows() {
            let sum = sums.entry(key).or_insert([0.0; N_LABELS]);
            for (s, &q) in sum.iter_mut().zip(&row) {
                *s += f32::from(q) * stage.scale;
            }
        }
    }
    let max = sums.values().flatten().fold(0.0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    };
    let (keys, rows): (Vec<u32>, Vec<[i16; N_LABELS]>) = sums
        .into_iter()
        .map(|(key, sum)| (key, sum.map(|w| (w / scale).round() as i16)))
        .filter(|(_, row)| row.iter().any(|&q| q != 0))
        .unzip();
    CompactWeights::new(bits, scale, keys, rows)
}

/// Above this many features an `i32` sum of `i16` weights could pass 2^24, the largest
/// integer below which every `f32` sum is exact (2^24 / 2^15 = 512).
const MAX_EXACT_FEATURES: usize = 512;

impl Weights for CompactWeights {
    #[inline]
    fn add_row(&self, feature: u64, scores: &mut [f32; N_LABELS]) {
        if let Some(row) = self.find(row_of(feature, self.bits) as u32) {
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += f32::from(w);
            }
        }
    }

    /// The index and rows (2.6 MB a stage) do not stay in cache, and the lookups of one
    /// token are independent: a first loop reads each feature's index word and a second
    /// each held row, so their cache misses overlap instead of waiting one after another
    /// behind the branches of the summing loop.
    /// Sums are kept in `i32`: with at most [`MAX_EXACT_FEATURES`] features every partial
    /// sum is an integer below 2^24, which `f32` holds exactly, so the result is bit for
    /// bit the `f32` sum of the default method (tested below).
    fn score(&self, features: &[u64]) -> [f32; N_LABELS] {
        if features.len() > MAX_EXACT_FEATURES {
            let mut scores = [0.0f32; N_LABELS];
            for &f in features {
                self.add_row(f, &mut scores);
            }
            return scores;
        }
        let key = |f: u64| row_of(f, self.bits) as u32;
        let mut touched = 0u64;
        for &f in features {
            touched ^= self.index.get(key(f) as usize / 64).map_or(0, |w| w.held);
        }
        let mut places = [0u32; MAX_EXACT_FEATURES];
        let mut held = 0;
        for &f in features {
            if let Some(place) = self.place(key(f)) {
                places[held] = place as u32;
                held += 1;
                touched ^= self
                    .rows
                    .get(place)
                    .map_or(0, |r| u64::from(r[0].unsigned_abs()));
            }
        }
        std::hint::black_box(touched);
        let mut sums = [0i32; N_LABELS];
        for &place in &places[..held] {
            if let Some(row) = self.rows.get(place as usize) {
                for (s, &w) in sums.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
        sums.map(|s| s as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaging_and_compaction_keep_the_ranking() {
        let mut w = TrainingWeights::new(8);
        let f = [1u64 << 60, 3u64 << 58];
        w.clock = 1;
        w.update(&f, 2, 0, 1.0);
        w.clock = 3;
        w.update(&f[..1], 2, 1, 1.0);
        w.clock = 4;
        let avg = w.averaged();
        let mut dense = [0.0; N_LABELS];
        avg.add_row(f[0], &mut dense);
        // Row 0 weights: label 2 was +1 for steps 1..3 and +2 for step 3..4 → (2*1 + 1*2)/4 = 1.
        assert!((dense[2] - 1.0).abs() < 1e-6, "{dense:?}");
        let compact = avg.compact();
        assert_eq!(compact.len, 2);
        assert_eq!(compact.sorted_rows().len(), 2);
        let mut quantised = [0.0; N_LABELS];
        compact.add_row(f[0], &mut quantised);
        let best = |s: &[f32; N_LABELS]| {
            (0..N_LABELS)
                .max_by(|&a, &b| s[a].total_cmp(&s[b]))
                .unwrap()
        };
        assert_eq!(best(&dense), best(&quantised));
        let mut none = [0.0; N_LABELS];
        compact.add_row(7u64 << 56, &mut none);
        assert_eq!(none, [0.0; N_LABELS]);
    }

    /// The two-loop integer sum equals, bit for bit, the f32 sum row by row, also with
    /// weights at the i16 extremes and with more features than the exact-sum bound.
    #[test]
    fn averaging_sums_row_by_row_and_counts_missing_rows_as_zero() {
        let a = CompactWeights::new(12, 0.5, vec![3, 9], vec![[4; N_LABELS], [-2; N_LABELS]]);
        let b = CompactWeights::new(12, 1.0, vec![3, 700], vec![[2; N_LABELS], [6; N_LABELS]]);
        let mean = average(&[&a, &b]);
        let value = |key: u32| {
            mean.sorted_rows()
                .into_iter()
                .find(|r| r.0 == key)
                .map(|r| f32::from(r.1[0]) * mean.scale)
        };
        // Row 3: (4 * 0.5 + 2 * 1.0) = 4; row 9: -2 * 0.5 = -1; row 700: 6 * 1.0 = 6 (sums).
        let close = |x: Option<f32>, want: f32| x.is_some_and(|x| (x - want).abs() < 1e-3);
        assert!(close(value(3), 4.0), "{:?}", value(3));
        assert!(close(value(9), -1.0), "{:?}", value(9));
        assert!(close(value(700), 6.0), "{:?}", value(700));
        assert_eq!(mean.len, 3);
        assert_eq!(mean.bits, 12);
    }

    #[test]
    fn compact_score_equals_the_row_by_row_sum() {
        let rows: Vec<[i16; N_LABELS]> = (0..200i32)
            .map(|r| {
                let mut row = [0i16; N_LABELS];
                for (l, w) in row.iter_mut().enumerate() {
                    *w = match (r + l as i32) % 5 {
                        0 => i16::MAX,
                        1 => i16::MIN + 1,
                        2 => 0,
                        _ => ((r * 7919 + l as i32 * 104_729) % 20_001 - 10_000) as i16,
                    };
                }
                row
            })
            .collect();
        let keys: Vec<u32> = (0..200u32).map(|r| r * 3).collect();
        let reference: std::collections::HashMap<u32, [i16; N_LABELS]> =
            keys.iter().copied().zip(rows.iter().copied()).collect();
        // Given in a shuffled order: the table sorts them.
        let mut shuffled: Vec<(u32, [i16; N_LABELS])> = reference.clone().into_iter().collect();
        shuffled.sort_by_key(|(k, _)| k.wrapping_mul(2_654_435_761));
        let (keys, rows): (Vec<u32>, Vec<[i16; N_LABELS]>) = shuffled.into_iter().unzip();
        let compact = CompactWeights::new(10, 1.0, keys, rows);
        assert_eq!(compact.len, 200);
        let sorted = compact.sorted_rows();
        assert!(sorted.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(sorted.iter().all(|(k, row)| reference[k] == *row));
        for n in [0usize, 1, 60, 512, 600] {
            // Rows 0..600 hit held rows (multiples of 3) and missing ones.
            let feats: Vec<u64> = (0..n as u64).map(|i| (i % 600) << 54).collect();
            // The plain f32 sum, row by row, from the reference map.
            let mut expected = [0.0f32; N_LABELS];
            for &f in &feats {
                if let Some(row) = reference.get(&((f >> 54) as u32)) {
                    for (e, &w) in expected.iter_mut().zip(row) {
                        *e += f32::from(w);
                    }
                }
            }
            let got = compact.score(&feats);
            assert_eq!(got.map(f32::to_bits), expected.map(f32::to_bits), "n={n}");
        }
    }
}
