//! Word tokens, an exact-text hash and MinHash signatures over word shingles.

use xxhash_rust::xxh3::xxh3_64;

/// Length of a MinHash signature. 128 values (the index keeps one byte of each: 128 bytes
/// an article); the estimate of a Jaccard similarity near 0.8 then has a standard error of
/// about 0.035.
pub const SIGNATURE_LEN: usize = 128;

/// Hashes of the lower-cased alphanumeric words of `texts`, in order.
pub fn word_hashes<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut hashes = Vec::new();
    let mut word = String::new();
    for text in texts {
        for c in text.chars().chain(std::iter::once(' ')) {
            if c.is_alphanumeric() {
                if c.is_uppercase() {
                    word.extend(c.to_lowercase());
                } else {
                    word.push(c);
                }
            } else if !word.is_empty() {
                hashes.push(xxh3_64(word.as_bytes()));
                word.clear();
            }
        }
    }
    hashes
}

/// Hash of the whole word sequence: equal for texts that differ only in case, spacing,
/// punctuation or markup.
pub fn exact_hash(words: &[u64]) -> u64 {
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    xxh3_64(&bytes)
}

/// splitmix64's finaliser: a cheap bijective mix so shingle hashes are well spread.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The (odd multiplier, offset) pairs of the 128 hash functions `h -> (a*h + b) >> 32`
/// (multiply-shift hashing), derived deterministically so signatures are stable across runs.
fn hash_functions() -> [(u64, u64); SIGNATURE_LEN] {
    let mut out = [(0, 0); SIGNATURE_LEN];
    for (i, f) in out.iter_mut().enumerate() {
        let a = mix(0x9e37_79b9_7f4a_7c15 ^ (i as u64).wrapping_mul(2)) | 1;
        let b = mix(0x2545_f491_4f6c_dd1d ^ (i as u64).wrapping_mul(2).wrapping_add(1));
        *f = (a, b);
    }
    out
}

/// Builds signatures; holds the hash functions so they are derived once.
pub struct MinHasher {
    functions: [(u64, u64); SIGNATURE_LEN],
    shingle_words: usize,
}

impl MinHasher {
    pub fn new(shingle_words: usize) -> Self {
        MinHasher {
            functions: hash_functions(),
            shingle_words: shingle_words.max(1),
        }
    }

    /// MinHash signature of the word shingles; a text shorter than one shingle is one shingle.
    pub fn signature(&self, words: &[u64]) -> Box<[u32]> {
        let mut signature = vec![u32::MAX; SIGNATURE_LEN].into_boxed_slice();
        let k = self.shingle_words.min(words.len()).max(1);
        for window in words.windows(k) {
            let shingle = window
                .iter()
                .fold(0x51_7cc1_b727_220a, |acc: u64, w| mix(acc ^ w));
            for (slot, (a, b)) in signature.iter_mut().zip(self.functions.iter()) {
                let v = (a.wrapping_mul(shingle).wrapping_add(*b) >> 32) as u32;
                if v < *slot {
                    *slot = v;
                }
            }
        }
        signature
    }
}

/// Share of equal positions: the estimate of the Jaccard similarity of the shingle sets.
pub fn estimated_jaccard<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len().max(1) as f64
}

/// Banding for locality-sensitive hashing: `bands * rows = SIGNATURE_LEN`. Two articles
/// become candidates when all rows of one band agree, which happens with probability
/// `1 - (1 - J^rows)^bands`; the curve's midpoint `(1/bands)^(1/rows)` is put below the
/// threshold so that pairs at the threshold are found with high probability (candidates
/// are then verified on the full signature).
pub fn banding_for(threshold: f64) -> (usize, usize) {
    for rows in [16usize, 8, 4, 2] {
        let bands = SIGNATURE_LEN / rows;
        let midpoint = (1.0 / bands as f64).powf(1.0 / rows as f64);
        if midpoint <= threshold - 0.08 {
            return (bands, rows);
        }
    }
    (SIGNATURE_LEN, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<u64> {
        word_hashes([text].into_iter())
    }

    #[test]
    fn exact_hash_ignores_case_and_punctuation() {
        assert_eq!(
            exact_hash(&words("Hello, World!")),
            exact_hash(&words("hello world"))
        );
        assert_ne!(
            exact_hash(&words("hello world")),
            exact_hash(&words("world hello"))
        );
    }

    #[test]
    fn similar_texts_have_similar_signatures() {
        let base: Vec<String> = (0..200).map(|i| format!("w{}", i * 7919 % 1000)).collect();
        let mut edited = base.clone();
        for i in (0..200).step_by(40) {
            edited[i] = "changed".into();
        }
        let other: Vec<String> = (0..200).map(|i| format!("x{i}")).collect();
        let hasher = MinHasher::new(5);
        let a = hasher.signature(&words(&base.join(" ")));
        let b = hasher.signature(&words(&edited.join(" ")));
        let c = hasher.signature(&words(&other.join(" ")));
        // True Jaccard of a and b: 5 edits touch up to 25 of 196 shingles, so about 0.78.
        let ab = estimated_jaccard(&a, &b);
        assert!((0.6..0.95).contains(&ab), "{ab}");
        assert!(estimated_jaccard(&a, &c) < 0.1);
        assert_eq!(estimated_jaccard(&a, &a), 1.0);
    }

    #[test]
    fn banding_puts_the_midpoint_below_the_threshold() {
        assert_eq!(banding_for(0.8), (16, 8));
        assert_eq!(banding_for(0.97), (8, 16));
        assert_eq!(banding_for(0.6), (32, 4));
        let (bands, rows) = banding_for(0.8);
        let recall_at_threshold = 1.0 - (1.0 - 0.8f64.powi(rows as i32)).powi(bands as i32);
        assert!(recall_at_threshold > 0.9);
    }
}
