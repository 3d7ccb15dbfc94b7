//! Weight storage. Training uses a dense table of `2^bits` rows (one weight per label per
//! row) with lazy averaging; the shipped model keeps only the non-zero rows, quantised to
//! `i16`, behind an open-addressing index, so it is small on disk and in memory.

use crate::labels::N_LABELS;

/// Anything the decoder can read scores from.
pub(crate) trait Weights {
    /// Adds the row of feature hash `feature` to `scores`.
    fn add_row(&self, feature: u64, scores: &mut [f32; N_LABELS]);
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

/// The shipped form: the non-zero rows, quantised, in an open-addressing table whose slots
/// hold the row number and its weights together, so a lookup touches one cache line.
pub(crate) struct CompactWeights {
    pub bits: u8,
    pub scale: f32,
    /// Number of rows held.
    pub len: usize,
    slots: Vec<Slot>,
    slot_bits: u32,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    /// Row number + 1; 0 = empty.
    key: u32,
    weights: [i16; N_LABELS],
}

impl CompactWeights {
    pub fn new(bits: u8, scale: f32, keys: Vec<u32>, rows: Vec<[i16; N_LABELS]>) -> Self {
        // Load factor at most 2/3 keeps linear probes short (4/5 measured slower).
        let slot_bits = (keys.len() * 3 / 2 + 1)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut slots = vec![Slot::default(); 1 << slot_bits];
        let mask = slots.len() - 1;
        for (&key, row) in keys.iter().zip(&rows) {
            let mut slot = Self::slot_of(key, slot_bits);
            while slots[slot].key != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = Slot {
                key: key + 1,
                weights: *row,
            };
        }
        CompactWeights {
            bits,
            scale,
            len: keys.len(),
            slots,
            slot_bits,
        }
    }

    #[inline]
    fn slot_of(key: u32, slot_bits: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> (32 - slot_bits)) as usize
    }

    #[inline]
    fn find(&self, key: u32) -> Option<&[i16; N_LABELS]> {
        let mask = self.slots.len() - 1;
        let mut slot = Self::slot_of(key, self.slot_bits);
        loop {
            let entry = &self.slots[slot];
            if entry.key == key + 1 {
                return Some(&entry.weights);
            }
            if entry.key == 0 {
                return None;
            }
            slot = (slot + 1) & mask;
        }
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
        self.slots.len() * std::mem::size_of::<Slot>()
    }

    /// The rows in ascending row-number order (what the model file stores).
    pub fn sorted_rows(&self) -> Vec<(u32, [i16; N_LABELS])> {
        let mut rows: Vec<(u32, [i16; N_LABELS])> = self
            .slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s.key - 1, s.weights))
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }
}

impl Weights for CompactWeights {
    #[inline]
    fn add_row(&self, feature: u64, scores: &mut [f32; N_LABELS]) {
        if let Some(row) = self.find(row_of(feature, self.bits) as u32) {
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += f32::from(w);
            }
        }
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
}
