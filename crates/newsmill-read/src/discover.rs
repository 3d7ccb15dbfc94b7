//! Finding input documents: a sorted, streaming walk of the input folder.
//!
//! The walk is sorted per directory (walkdir's `sort_by_file_name`), so documents come out
//! in a stable order without collecting the whole file list: memory is bounded by the
//! largest single directory, not by the folder. JSON Lines files are split into one
//! document per non-empty line while walking.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use newsmill_core::{RawDocument, StageError};

/// What to walk and which files to take.
#[derive(Debug, Clone)]
pub struct InputSpec {
    pub root: PathBuf,
    /// Globs matched against the path relative to the root (`/` separators, case-sensitive).
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub follow_symlinks: bool,
    /// Larger files become a `too_large` error row instead of being read.
    pub max_file_bytes: u64,
    /// Folders to leave out however the globs read (the output folder when it is inside
    /// the input).
    pub skip_dirs: Vec<PathBuf>,
}

/// One unit of work found by the walk.
#[derive(Debug, Clone)]
pub enum Found {
    /// A file to load on a worker thread.
    File { id: String, path: PathBuf },
    /// One line of a JSON Lines file, already read (lines are read in order by the walk).
    Line {
        id: String,
        path: PathBuf,
        bytes: Vec<u8>,
    },
    /// Something that could not be walked or read; becomes a row in errors.csv.
    Failed { path: PathBuf, error: StageError },
}

impl Found {
    pub fn path(&self) -> &Path {
        match self {
            Found::File { path, .. } | Found::Line { path, .. } | Found::Failed { path, .. } => {
                path
            }
        }
    }
}

/// Compiles the globs; an invalid glob is reported with its text.
pub fn compile_globs(globs: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        let compiled = Glob::new(glob).map_err(|e| format!("invalid glob `{glob}`: {e}"))?;
        builder.add(compiled);
    }
    builder.build().map_err(|e| e.to_string())
}

fn is_json_lines(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// Walks the input in a stable order, yielding files (and JSON Lines records) that match.
pub struct Discovery {
    spec: InputSpec,
    include: GlobSet,
    exclude: GlobSet,
    walk: walkdir::IntoIter,
    /// The JSON Lines file being split, with its relative id and next line number.
    lines: Option<(BufReader<File>, String, PathBuf, usize)>,
}

impl Discovery {
    pub fn new(spec: InputSpec) -> Result<Self, String> {
        let include = compile_globs(&spec.include)?;
        let exclude = compile_globs(&spec.exclude)?;
        let walk = walkdir::WalkDir::new(&spec.root)
            .follow_links(spec.follow_symlinks)
            .sort_by_file_name()
            .into_iter();
        Ok(Discovery {
            spec,
            include,
            exclude,
            walk,
            lines: None,
        })
    }

    fn relative_id(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.spec.root).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    fn next_line(&mut self) -> Option<Found> {
        let (reader, rel, path, line_no) = self.lines.as_mut()?;
        let max = self.spec.max_file_bytes;
        loop {
            let mut buf = Vec::new();
            // Read at most max+1 bytes of the line so one giant line cannot exhaust memory.
            let read = reader.by_ref().take(max + 1).read_until(b'\n', &mut buf);
            *line_no += 1;
            match read {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => {
                    let id = format!("{rel}#{line_no}");
                    if buf.len() as u64 > max && !buf.ends_with(b"\n") {
                        // Skip the rest of the oversized line.
                        let mut rest = Vec::new();
                        let _ = reader.read_until(b'\n', &mut rest);
                        let error = StageError::new(
                            "too_large",
                            format!("JSON Lines record over max_file_bytes ({max} bytes)"),
                        );
                        return Some(Found::Failed {
                            path: PathBuf::from(id),
                            error,
                        });
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Found::Line {
                        id,
                        path: path.clone(),
                        bytes: buf,
                    });
                }
                Err(e) => {
                    let path = path.clone();
                    self.lines = None;
                    return Some(Found::Failed {
                        path,
                        error: StageError::new("io", e.to_string()),
                    });
                }
            }
        }
    }
}

impl Iterator for Discovery {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if self.lines.is_some() {
                if let Some(found) = self.next_line() {
                    return Some(found);
                }
                continue;
            }
            let entry = match self.walk.next()? {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| self.spec.root.clone());
                    let code = if e.loop_ancestor().is_some() {
                        "symlink_loop"
                    } else {
                        "io"
                    };
                    return Some(Found::Failed {
                        path,
                        error: StageError::new(code, e.to_string()),
                    });
                }
            };
            let path = entry.path();
            if entry.file_type().is_dir() {
                if entry.depth() > 0 && self.spec.skip_dirs.iter().any(|d| same_dir(d, path)) {
                    self.walk.skip_current_dir();
                }
                continue;
            }
            let is_file =
                entry.file_type().is_file() || (self.spec.follow_symlinks && path.is_file());
            if !is_file {
                continue;
            }
            let rel = self.relative_id(path);
            if !self.include.is_match(&rel) || self.exclude.is_match(&rel) {
                continue;
            }
            if is_json_lines(path) {
                match File::open(path) {
                    Ok(file) => {
                        self.lines = Some((BufReader::new(file), rel, path.to_path_buf(), 0));
                        continue;
                    }
                    Err(e) => {
                        let error = StageError::new("io", format!("cannot open: {e}"));
                        return Some(Found::Failed {
                            path: path.to_path_buf(),
                            error,
                        });
                    }
                }
            }
            return Some(Found::File {
                id: rel,
                path: path.to_path_buf(),
            });
        }
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Reads one found document into memory, enforcing `max_bytes`.
pub fn load(
    found: Found,
    seq: usize,
    max_bytes: u64,
) -> Result<RawDocument, (PathBuf, StageError)> {
    match found {
        Found::Line { id, path, bytes } => Ok(RawDocument {
            id,
            seq,
            path,
            bytes,
        }),
        Found::Failed { path, error } => Err((path, error)),
        Found::File { id, path } => {
            let result = (|| {
                let file = File::open(&path)
                    .map_err(|e| StageError::new("io", format!("cannot open: {e}")))?;
                let len = file.metadata().map(|m| m.len()).unwrap_or(0);
                if len > max_bytes {
                    return Err(StageError::new(
                        "too_large",
                        format!("file is {len} bytes, over max_file_bytes ({max_bytes})"),
                    ));
                }
                let mut bytes = Vec::with_capacity(len as usize);
                // `take` guards against files that grow while being read.
                file.take(max_bytes + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| StageError::new("io", format!("cannot read: {e}")))?;
                if bytes.len() as u64 > max_bytes {
                    return Err(StageError::new(
                        "too_large",
                        format!("file is over max_file_bytes ({max_bytes})"),
                    ));
                }
                Ok(bytes)
            })();
            match result {
                Ok(bytes) => Ok(RawDocument {
                    id,
                    seq,
                    path,
                    bytes,
                }),
                Err(error) => Err((path, error)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(root: &Path) -> InputSpec {
        InputSpec {
            root: root.to_path_buf(),
            include: vec!["**/*.txt".into(), "**/*.jsonl".into()],
            exclude: vec!["**/skip/**".into()],
            follow_symlinks: false,
            max_file_bytes: 100,
            skip_dirs: Vec::new(),
        }
    }

    fn ids(root: &Path) -> Vec<String> {
        Discovery::new(spec(root))
            .unwrap()
            .map(|f| match f {
                Found::File { id, .. } | Found::Line { id, .. } => id,
                Found::Failed { path, error } => format!("ERR {} {}", path.display(), error.code),
            })
            .collect()
    }

    #[test]
    fn walks_sorted_filtered_and_splits_json_lines() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::create_dir_all(root.join("skip")).unwrap();
        std::fs::write(root.join("b/2.txt"), "x").unwrap();
        std::fs::write(root.join("b/10.txt"), "x").unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join("skip/c.txt"), "x").unwrap();
        std::fs::write(root.join("notes.md"), "x").unwrap();
        std::fs::write(root.join("d.jsonl"), "{\"a\":1}\n\n{\"a\":2}\n").unwrap();
        assert_eq!(
            ids(root),
            ["a.txt", "b/10.txt", "b/2.txt", "d.jsonl#1", "d.jsonl#3"]
        );
    }

    #[test]
    fn oversized_files_and_lines_are_errors_not_reads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("big.txt"), vec![b'a'; 500]).unwrap();
        let long_line = format!("{}\n{{\"ok\":1}}\n", "x".repeat(300));
        std::fs::write(root.join("e.jsonl"), long_line).unwrap();
        let found: Vec<Found> = Discovery::new(spec(root)).unwrap().collect();
        assert_eq!(found.len(), 3);
        let big = load(found[0].clone(), 0, 100).unwrap_err();
        assert_eq!(big.1.code, "too_large");
        assert!(matches!(&found[1], Found::Failed { error, .. } if error.code == "too_large"));
        assert!(matches!(&found[2], Found::Line { id, .. } if id == "e.jsonl#2"));
    }

    #[test]
    fn invalid_globs_are_reported() {
        assert!(compile_globs(&["a[".into()]).unwrap_err().contains("a["));
    }
}
