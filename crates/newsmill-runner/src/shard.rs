//! Which documents of the walk a run processes: a shard `I/N` of the global, sorted
//! document sequence, or the documents of a file list (for engines that shard themselves).
//!
//! The walk is always the whole folder, so every document keeps its global position
//! (`seq`), id and path whatever the selection: a shard's rows are exactly the rows a
//! single run writes for those documents, and merging shards is concatenation in order.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use newsmill_export::shard::ShardMarker;
use newsmill_export::OutputOptions;
use newsmill_read::discover::Found;
use xxhash_rust::xxh3::xxh3_64;

use crate::config::Config;

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// `I/N` with 1 <= I <= N.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a shard: write I/N with 1 <= I <= N (e.g. 3/8)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = i.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// The global positions of this shard among `total` documents: contiguous, so shards
    /// merge by concatenation, and sizes differ by at most one.
    pub fn range(&self, total: usize) -> Range<usize> {
        let at = |i: usize| i * total / self.count;
        at(self.index - 1)..at(self.index)
    }
}

/// The documents a run keeps from the walk (all by default).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Global positions kept.
    pub range: Option<Range<usize>>,
    /// Paths kept, relative to the input root (normalised: no `.`, `/` separators).
    pub paths: Option<Arc<HashSet<PathBuf>>>,
    /// The input root, to make walk paths relative.
    pub root: PathBuf,
}

impl Selection {
    pub fn all() -> Self {
        Selection::default()
    }

    /// Whether the document at global position `seq` is processed.
    pub fn keeps(&self, seq: usize, found: &Found) -> bool {
        if self.range.as_ref().is_some_and(|r| !r.contains(&seq)) {
            return false;
        }
        match &self.paths {
            None => true,
            Some(paths) => {
                let path = found.path();
                let relative = path.strip_prefix(&self.root).unwrap_or(path);
                paths.contains(&normalise(relative))
            }
        }
    }

    /// Whether every document is kept.
    pub fn is_all(&self) -> bool {
        self.range.is_none() && self.paths.is_none()
    }
}

/// Reads a file list (one path a line, relative to the input root; blank lines and lines
/// starting with `#` ignored).
pub fn parse_file_list(text: &str) -> HashSet<PathBuf> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| normalise(Path::new(l)))
        .collect()
}

/// `./a//b.txt` -> `a/b.txt`, so a list written by `find . -type f` matches the walk.
fn normalise(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// What part of the folder a run covers and what it leaves behind for `newsmill merge`.
#[derive(Debug, Clone, Default)]
pub struct RunPlan {
    /// `--shard I/N`.
    pub shard: Option<Shard>,
    /// `--files-from`: paths relative to the input root.
    pub files: Option<Arc<HashSet<PathBuf>>>,
    /// `--corpus-index`: the merged corpus index used instead of a first pass.
    pub corpus_index: Option<crate::corpus_index::SharedIndex>,
    /// `--state`: the state folder of an incremental run ([`crate::state`]); whole-folder
    /// runs only.
    pub state: Option<PathBuf>,
}

impl RunPlan {
    /// Whether the run covers part of the folder (and so writes a shard folder).
    pub fn is_partial(&self) -> bool {
        self.shard.is_some() || self.files.is_some()
    }
}

/// A hash of everything that decides a run's outputs: the config as it runs (merged onto
/// the default) with the output settings in effect, leaving out what does not change a
/// byte of the tables (the input path, the output folder, worker count, chunk size).
pub fn config_hash(config: &Config, output: &OutputOptions) -> String {
    let mut config = config.clone();
    config.input.path = None;
    config.run.jobs = 0;
    config.run.chunk_size = 0;
    config.output = OutputOptions {
        dir: PathBuf::new(),
        ..output.clone()
    };
    let text: String = config
        .to_toml()
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| [l, "\n"])
        .collect();
    format!("{:016x}", xxh3_64(text.as_bytes()))
}

/// The marker of `dir` when it holds this shard of this config, completed by this version
/// (so a re-run can skip it).
pub fn completed_shard(
    dir: &Path,
    config: &Config,
    output: &OutputOptions,
    plan: &RunPlan,
    corpus_index: Option<&str>,
) -> Option<ShardMarker> {
    let marker = ShardMarker::read(dir).ok()??;
    (marker.version == env!("CARGO_PKG_VERSION")
        && marker.config_hash == config_hash(config, output)
        && plan.shard.is_some()
        && marker.shard == plan.shard.map(|s| s.to_string())
        && marker.corpus_index.as_deref() == corpus_index)
        .then_some(marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_tile_the_sequence_in_order() {
        for total in [0, 1, 5, 2225] {
            for count in [1, 3, 7] {
                let mut next = 0;
                for index in 1..=count {
                    let r = Shard { index, count }.range(total);
                    assert_eq!(r.start, next);
                    assert!(r.len() <= total / count + 1);
                    next = r.end;
                }
                assert_eq!(next, total);
            }
        }
    }

    #[test]
    fn parses_and_rejects_shard_specs() {
        assert_eq!("3/7".parse(), Ok(Shard { index: 3, count: 7 }));
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn file_lists_match_walk_paths() {
        let list = parse_file_list("./a/b.txt\n\n# comment\nc.md\n");
        let selection = Selection {
            paths: Some(Arc::new(list)),
            root: PathBuf::from("/in"),
            ..Selection::default()
        };
        let file = |p: &str| Found::File {
            id: p.into(),
            path: PathBuf::from("/in").join(p),
        };
        assert!(selection.keeps(0, &file("a/b.txt")));
        assert!(selection.keeps(9, &file("c.md")));
        assert!(!selection.keeps(1, &file("d.md")));
    }
}
