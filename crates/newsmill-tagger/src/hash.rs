//! Hashing for the feature-hashing model: strings are hashed once per token with xxh3, and a
//! feature is a cheap mix of a template number with one or more of those token hashes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use xxhash_rust::xxh3::xxh3_64;

#[inline]
pub(crate) fn hash_str(text: &str) -> u64 {
    xxh3_64(text.as_bytes())
}

/// Hash of the lowercased text, without allocating for short ASCII tokens.
pub(crate) fn hash_lower(text: &str) -> u64 {
    if text.is_ascii() && text.len() <= 64 {
        let mut buf = [0u8; 64];
        let bytes = &mut buf[..text.len()];
        bytes.copy_from_slice(text.as_bytes());
        bytes.make_ascii_lowercase();
        xxh3_64(bytes)
    } else {
        xxh3_64(text.to_lowercase().as_bytes())
    }
}

/// Combines two hashes; order matters (mix(a, b) != mix(b, a)).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(25))
        .wrapping_add(0x9E37_79B9_7F4A_7C15)
        .wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let x = (x ^ (x >> 31)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 29)
}

/// Keys that are already good hashes need no second hashing.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
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

pub(crate) type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// splitmix64: a tiny seeded generator, so training shuffles the same way on every machine.
pub(crate) struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher-Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_ignores_case_and_mix_is_ordered() {
        assert_eq!(hash_lower("Paris"), hash_lower("PARIS"));
        assert_eq!(hash_lower("Émile"), hash_lower("émile"));
        assert_ne!(mix(1, 2), mix(2, 1));
        let mut a = SplitMix(7);
        let mut b = SplitMix(7);
        assert_eq!(a.next_u64(), b.next_u64());
    }
}
