//! Where `clean.dedup` keeps the compact MinHash signatures (128 bytes an article) until the
//! end of the corpus pass: in an anonymous temporary file, so that a million articles cost
//! 128 MB of disk (the page cache, which the kernel gives back under pressure) instead of
//! 128 MB of the run's memory; the index keeps only its 32-byte entries and the ids.
//!
//! Signatures are appended in arrival order through a 64 KiB buffer and read back by
//! number: one pass per LSH band in file order, and single reads for the pairs a band puts
//! in one bucket. Positions are explicit (seek, then read or write), so reads and appends
//! can alternate. When no temporary file can be made, or writing it fails (a full disk),
//! the signatures stay in memory, as before, and a warning says so; results are the same.
//! Written by hand: a spill buffer of fixed-size records is a few lines over `std::fs`.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};

use super::minhash::SIGNATURE_LEN;

const BUFFER: usize = 64 * 1024;

#[derive(Default)]
pub(super) struct Signatures {
    count: u32,
    backing: Backing,
    /// Move to a temporary file once a buffer's worth is held.
    spill: bool,
}

enum Backing {
    /// `flushed` signatures in the file, the rest in `pending`.
    File {
        file: File,
        flushed: u32,
        pending: Vec<u8>,
    },
    Memory(Vec<u8>),
}

impl Default for Backing {
    fn default() -> Self {
        Backing::Memory(Vec::new())
    }
}

impl Signatures {
    /// Signatures that move to a temporary file once there are more than a buffer's worth
    /// (a small folder never makes the file).
    pub(super) fn spilling() -> Self {
        Signatures {
            spill: true,
            ..Signatures::default()
        }
    }

    fn start_file(&mut self) {
        self.spill = false;
        let Backing::Memory(bytes) = &mut self.backing else {
            return;
        };
        match tempfile::tempfile() {
            Ok(file) => {
                let pending = std::mem::take(bytes);
                self.backing = Backing::File {
                    file,
                    flushed: 0,
                    pending,
                };
                self.flush();
            }
            Err(error) => tracing::warn!(
                "clean.dedup: no temporary file for signatures ({error}); they stay in memory (128 bytes an article)"
            ),
        }
    }

    pub(super) fn len(&self) -> u32 {
        self.count
    }

    /// Appends one signature; its number.
    pub(super) fn push(&mut self, signature: &[u8]) -> u32 {
        debug_assert_eq!(signature.len(), SIGNATURE_LEN);
        let at = self.count;
        self.count += 1;
        let full = match &mut self.backing {
            Backing::Memory(bytes) => {
                bytes.extend_from_slice(signature);
                self.spill && bytes.len() >= BUFFER
            }
            Backing::File { pending, .. } => {
                pending.extend_from_slice(signature);
                pending.len() >= BUFFER
            }
        };
        if full {
            match self.backing {
                Backing::Memory(_) => self.start_file(),
                Backing::File { .. } => self.flush(),
            }
        }
        at
    }

    /// Writes the buffered signatures to the file; on failure moves everything to memory.
    fn flush(&mut self) {
        let Backing::File {
            file,
            flushed,
            pending,
        } = &mut self.backing
        else {
            return;
        };
        if pending.is_empty() {
            return;
        }
        let offset = u64::from(*flushed) * SIGNATURE_LEN as u64;
        let written = file
            .seek(SeekFrom::Start(offset))
            .and_then(|_| file.write_all(pending));
        match written {
            Ok(()) => {
                *flushed += (pending.len() / SIGNATURE_LEN) as u32;
                pending.clear();
            }
            Err(error) => self.move_to_memory(&error),
        }
    }

    /// Reads the flushed part back and keeps everything in memory from now on.
    fn move_to_memory(&mut self, error: &io::Error) {
        let Backing::File {
            file,
            flushed,
            pending,
        } = &mut self.backing
        else {
            return;
        };
        tracing::warn!(
            "clean.dedup: cannot write the signatures' temporary file ({error}); keeping them in memory"
        );
        let mut bytes = vec![0u8; *flushed as usize * SIGNATURE_LEN];
        let read = file
            .seek(SeekFrom::Start(0))
            .and_then(|_| file.read_exact(&mut bytes));
        if let Err(error) = read {
            // The file's part is lost: those articles get empty signatures, which match
            // nothing (exact copies are still found from their hashes).
            tracing::warn!("clean.dedup: cannot read the signatures back ({error}); near-duplicate detection misses the first {flushed} articles");
            bytes.fill(0);
        }
        bytes.append(pending);
        self.backing = Backing::Memory(bytes);
    }

    /// Signature number `at` into `out`; `false` when it cannot be read (then `out` is
    /// left as it was).
    pub(super) fn read(&mut self, at: u32, out: &mut [u8; SIGNATURE_LEN]) -> bool {
        if at >= self.count {
            return false;
        }
        if let Backing::File { flushed, .. } = &self.backing {
            if at >= *flushed {
                self.flush();
            }
        }
        let start = at as usize * SIGNATURE_LEN;
        match &mut self.backing {
            Backing::Memory(bytes) => {
                out.copy_from_slice(&bytes[start..start + SIGNATURE_LEN]);
                true
            }
            Backing::File { file, .. } => file
                .seek(SeekFrom::Start(start as u64))
                .and_then(|_| file.read_exact(out))
                .is_ok(),
        }
    }

    /// Calls `each(number, signature)` for every signature in order: one sequential pass.
    pub(super) fn for_each(&mut self, mut each: impl FnMut(u32, &[u8])) {
        self.flush();
        match &mut self.backing {
            Backing::Memory(bytes) => {
                for (at, signature) in bytes.chunks_exact(SIGNATURE_LEN).enumerate() {
                    each(at as u32, signature);
                }
            }
            Backing::File { file, flushed, .. } => {
                let total = *flushed;
                if file.seek(SeekFrom::Start(0)).is_err() {
                    return;
                }
                let mut reader = BufReader::with_capacity(BUFFER * 4, &mut *file);
                let mut signature = [0u8; SIGNATURE_LEN];
                for at in 0..total {
                    if reader.read_exact(&mut signature).is_err() {
                        tracing::warn!("clean.dedup: the signatures' temporary file ended early");
                        return;
                    }
                    each(at, &signature);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(seed: u8) -> Vec<u8> {
        (0..SIGNATURE_LEN as u8)
            .map(|i| i.wrapping_mul(seed))
            .collect()
    }

    fn check(mut store: Signatures, spilled: bool) {
        // More than one buffer's worth, so reads cross flushed and pending signatures.
        let n = (BUFFER / SIGNATURE_LEN * 2 + 7) as u32;
        for k in 0..n {
            assert_eq!(store.push(&signature(k as u8)), k);
        }
        assert_eq!(matches!(store.backing, Backing::File { .. }), spilled);
        let mut out = [0u8; SIGNATURE_LEN];
        assert!(store.read(n - 1, &mut out));
        assert_eq!(out.to_vec(), signature((n - 1) as u8));
        // Appends after a read land at the end, not where the read left the file.
        store.push(&signature(200));
        assert!(store.read(3, &mut out));
        assert_eq!(out.to_vec(), signature(3));
        assert!(store.read(n, &mut out));
        assert_eq!(out.to_vec(), signature(200));
        assert!(!store.read(n + 1, &mut out));
        let mut seen = 0;
        store.for_each(|at, s| {
            let expected = if at == n {
                signature(200)
            } else {
                signature(at as u8)
            };
            assert_eq!(s, &expected[..]);
            seen += 1;
        });
        assert_eq!(seen, n + 1);
        assert_eq!(store.len(), n + 1);
    }

    #[test]
    fn signatures_read_back_as_written_from_the_file_and_from_memory() {
        let mut small = Signatures::spilling();
        small.push(&signature(1));
        assert!(matches!(small.backing, Backing::Memory(_)));
        check(Signatures::spilling(), true);
        check(Signatures::default(), false);
    }
}
