//! A seeded mutation run: thousands of inputs made from the fixtures by flipping, inserting,
//! deleting, repeating and truncating bytes (and splicing in hostile snippets), read in one
//! run. Asserts: the run finishes (exit 0 or 1), in bounded time, with no `panic` row, and
//! the outputs stay within a small multiple of the input.

use std::path::PathBuf;

use crate::common::walk;
use crate::{read_csv, root};

/// xorshift64*: a seeded, dependency-free generator; the mutations only need to be
/// reproducible, not statistically strong.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&[u8]] = &[
    b"---\n",
    b"\n---\ntitle: [x\n---\n",
    b"<div><div><div>",
    b"<a href=\"",
    b"\0",
    b"\x1b[31m",
    b"\r",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3",
    b"999999999999999999999 killed ",
    b"\"",
    b"{\"text\": ",
    b"&#0;&#x1b;&amp",
    b" said ",
];

fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => {
                let snippet = SNIPPETS[rng.below(SNIPPETS.len())];
                bytes.splice(at..at, snippet.iter().copied());
            }
            2 => {
                let end = (at + rng.below(200)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(100)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                for _ in 0..rng.below(20) {
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
            4 => bytes.truncate(at),
            _ => {
                let b = rng.next() as u8;
                bytes.insert(at.min(bytes.len()), b);
            }
        }
    }
    bytes
}

fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["fixtures/articles", "fixtures/inputs"] {
        for entry in walk(&root().join(dir)) {
            let name = entry.to_string_lossy().to_lowercase();
            if [".md", ".txt", ".html", ".jsonl", ".json"]
                .iter()
                .any(|e| name.ends_with(e))
            {
                files.push(entry);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn thousands_of_mutated_fixtures_never_panic_nor_blow_up() {
    const INPUTS: usize = 2000;
    let originals: Vec<(PathBuf, Vec<u8>)> = fixtures()
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    assert!(!originals.is_empty());
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x5EED_1919);
    let mut input_bytes = 0;
    for i in 0..INPUTS {
        let (path, original) = &originals[rng.below(originals.len())];
        let mutated = mutate(&mut rng, original);
        input_bytes += mutated.len();
        let ext = path.extension().unwrap().to_string_lossy().to_lowercase();
        std::fs::write(dir.join(format!("m{i:05}.{ext}")), mutated).unwrap();
    }
    let out = tmp.path().join("out");
    let (run, seconds) = super::run_quiet(&dir, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(matches!(run.status.code(), Some(0 | 1)), "{stderr}");
    assert!(
        seconds < 120.0,
        "{INPUTS} mutated inputs took {seconds:.1} s"
    );
    let panics: Vec<_> = read_csv(&out.join("errors.csv"))
        .into_iter()
        .filter(|r| r["code"] == "panic")
        .collect();
    assert!(panics.is_empty(), "panic rows: {panics:?}");
    let output_bytes: u64 = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    assert!(
        output_bytes < 20 * input_bytes as u64 + (1 << 20),
        "outputs {output_bytes} bytes for {input_bytes} bytes of input"
    );
    println!("{INPUTS} mutated inputs ({input_bytes} bytes) in {seconds:.1} s");
}
