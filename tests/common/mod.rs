//! Helpers shared by the end-to-end tests that run the `newsmill` binary over folders and
//! compare output folders (`scale.rs`, `incremental.rs`, the reliability tests).

#![allow(dead_code)] // each test file uses its own part

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Runs `newsmill ARGS` from the repository root; fails the test unless it exits 0 or 1.
pub fn newsmill(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("run newsmill");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "newsmill {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The file names of an output folder but the run report (it holds timings).
pub fn files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "run-report.json")
        .collect()
}

/// Every file of `a` and `b` but the run report, byte for byte.
pub fn assert_same_folder(a: &Path, b: &Path) {
    assert_eq!(files(a), files(b), "{} vs {}", a.display(), b.display());
    for name in files(a) {
        let (x, y) = (
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap(),
        );
        assert!(x == y, "{name} differs: {} vs {}", a.display(), b.display());
    }
}

/// Every file below `dir`, recursively (in no particular order).
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
