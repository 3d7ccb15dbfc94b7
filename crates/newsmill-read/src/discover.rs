//! Finding input documents: a sorted, streaming walk of the input folder (or one named file).
//!
//! The walk is sorted per directory (walkdir's `sort_by_file_name`), so documents come out
//! in a stable order without collecting the whole file list: memory is bounded by the
//! largest single directory, not by the folder. Containers are split while walking: JSON
//! Lines files into one document per non-empty line, `.json` files holding an array into
//! one per item, WARC files into one per HTML response record (see [`crate::warc`]).
//! Whatever is found but not read is counted in a [`SkipReport`].

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use newsmill_core::{DocumentHints, RawDocument, StageError};

use crate::json_split::split_json_array;
use crate::skips::{SharedSkipReport, Skip, SkipReport};
use crate::utf16_lines::{utf16_decoder, Utf8FromUtf16};
use crate::warc::{self, WarcSplitter};

/// What to walk and which files to take.
#[derive(Debug, Clone)]
pub struct InputSpec {
    /// The input folder, or one file (read whatever the globs say).
    pub root: PathBuf,
    /// Globs matched against the path relative to the root (`/` separators).
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Whether globs tell `a.TXT` from `a.txt` (default false: they match either).
    pub case_sensitive: bool,
    pub follow_symlinks: bool,
    /// Larger files (and container records) become a `too_large` error row instead of being
    /// read. JSON Lines and WARC files themselves may be larger: the cap is per record.
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
    /// One part of a container (a JSON Lines line, a JSON array item, a WARC record),
    /// already read (containers are read in order by the walk).
    Line {
        id: String,
        path: PathBuf,
        bytes: Vec<u8>,
        hints: DocumentHints,
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

/// Compiles case-sensitive globs; an invalid glob is reported with its text.
pub fn compile_globs(globs: &[String]) -> Result<GlobSet, String> {
    compile_globs_with_case(globs, true)
}

/// Compiles globs, matching letters in either case unless `case_sensitive`.
pub fn compile_globs_with_case(globs: &[String], case_sensitive: bool) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        let compiled = GlobBuilder::new(glob)
            .case_insensitive(!case_sensitive)
            .build()
            .map_err(|e| format!("invalid glob `{glob}`: {e}"))?;
        builder.add(compiled);
    }
    builder.build().map_err(|e| e.to_string())
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn is_json_lines(path: &Path) -> bool {
    has_extension(path, &["jsonl", "ndjson"])
}

/// A JSON Lines file as UTF-8: a UTF-16 one (with or without a BOM) is transcoded while it
/// is read, since its records cannot be split on the `\n` byte.
fn open_lines(path: &Path) -> std::io::Result<Box<dyn Read + Send>> {
    let mut file = File::open(path)?;
    let mut head = Vec::with_capacity(8192);
    file.by_ref().take(8192).read_to_end(&mut head)?;
    let decoder = utf16_decoder(&head);
    let file = std::io::Cursor::new(head).chain(file);
    Ok(match decoder {
        Some(decoder) => Box::new(Utf8FromUtf16::new(decoder, file)),
        None => Box::new(file),
    })
}

/// A container being split.
enum Container {
    /// A JSON Lines file, with its relative id and the last line number read.
    Lines(BufReader<Box<dyn Read + Send>>, String, PathBuf, usize),
    Warc(Box<WarcSplitter>),
}

/// Walks the input in a stable order, yielding files (and container parts) that match.
pub struct Discovery {
    spec: InputSpec,
    include: GlobSet,
    exclude: GlobSet,
    walk: walkdir::IntoIter,
    /// Whether the root is one file (taken whatever the globs say).
    single_file: bool,
    container: Option<Container>,
    /// Parts already split off (JSON array items).
    pending: VecDeque<Found>,
    skips: SkipReport,
    /// Where the skip report goes when the walk ends.
    report_to: Option<SharedSkipReport>,
    /// Folders below the root that are never walked (newsmill output folders).
    skip_folder: Option<fn(&Path) -> bool>,
}

impl Discovery {
    pub fn new(spec: InputSpec) -> Result<Self, String> {
        let include = compile_globs_with_case(&spec.include, spec.case_sensitive)?;
        let exclude = compile_globs_with_case(&spec.exclude, spec.case_sensitive)?;
        let single_file = spec.root.is_file();
        let walk = walkdir::WalkDir::new(&spec.root)
            .follow_links(spec.follow_symlinks)
            .sort_by_file_name()
            .into_iter();
        Ok(Discovery {
            spec,
            include,
            exclude,
            walk,
            single_file,
            container: None,
            pending: VecDeque::new(),
            skips: SkipReport::default(),
            report_to: None,
            skip_folder: None,
        })
    }

    /// Never walks a folder below the root for which `skip` is true (the runner passes the
    /// test for newsmill output folders, so an earlier run's articles.jsonl is never read
    /// back as input whatever `--out` says).
    pub fn skip_folders_where(mut self, skip: fn(&Path) -> bool) -> Self {
        self.skip_folder = Some(skip);
        self
    }

    /// Leaves the skip report in `report` when the walk ends (replacing what was there, so
    /// a run that walks the input several times reports one walk).
    pub fn report_skips_to(mut self, report: SharedSkipReport) -> Self {
        self.report_to = Some(report);
        self
    }

    /// What the walk has skipped so far.
    pub fn skips(&self) -> &SkipReport {
        &self.skips
    }

    fn relative_id(&self, path: &Path) -> String {
        if self.single_file {
            return path
                .file_name()
                .map(lossless_name)
                .unwrap_or_else(|| lossless_name(path.as_os_str()));
        }
        let rel = path.strip_prefix(&self.spec.root).unwrap_or(path);
        rel.components()
            .map(|c| lossless_name(c.as_os_str()))
            .collect::<Vec<_>>()
            .join("/")
    }

    fn next_from_container(&mut self) -> Option<Found> {
        let found = match self.container.as_mut()? {
            Container::Lines(..) => self.next_line(),
            Container::Warc(splitter) => splitter.next_page(&mut self.skips),
        };
        if found.is_none() {
            self.container = None;
        }
        found
    }

    fn next_line(&mut self) -> Option<Found> {
        let Some(Container::Lines(reader, rel, path, line_no)) = self.container.as_mut() else {
            return None;
        };
        let max = self.spec.max_file_bytes;
        loop {
            let mut buf = Vec::new();
            // Read at most max+1 bytes of the line so one giant line cannot exhaust memory.
            let read = reader.by_ref().take(max + 1).read_until(b'\n', &mut buf);
            *line_no += 1;
            match read {
                Ok(0) => return None,
                Ok(_) => {
                    let part = line_no.to_string();
                    let id = format!("{rel}#{part}");
                    if buf.len() as u64 > max && !buf.ends_with(b"\n") {
                        // Skip the rest of the oversized line without holding it: a 400 MB
                        // line must cost a buffer, not 400 MB.
                        skip_line(reader);
                        let error = StageError::new(
                            "too_large",
                            format!("JSON Lines record over max_file_bytes ({max} bytes)"),
                        );
                        return Some(Found::Failed {
                            path: PathBuf::from(format!("{}#{part}", path.display())),
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
                        hints: DocumentHints {
                            part: Some(part),
                            ..DocumentHints::default()
                        },
                    });
                }
                Err(e) => {
                    let path = path.clone();
                    self.container = None;
                    return Some(Found::Failed {
                        path,
                        error: StageError::new("io", e.to_string()),
                    });
                }
            }
        }
    }

    /// What a matching file becomes: a document, or the start of a container.
    fn take_file(&mut self, path: &Path, rel: String, len: u64) -> Option<Found> {
        let open_error = |e: std::io::Error| Found::Failed {
            path: path.to_path_buf(),
            error: StageError::new("io", format!("cannot open: {e}")),
        };
        if is_json_lines(path) {
            return match open_lines(path) {
                Ok(file) => {
                    self.container = Some(Container::Lines(
                        BufReader::new(file),
                        rel,
                        path.to_path_buf(),
                        0,
                    ));
                    None
                }
                Err(e) => Some(open_error(e)),
            };
        }
        if warc::is_warc(path) {
            return match warc::open(path) {
                Ok(reader) => {
                    self.container = Some(Container::Warc(Box::new(WarcSplitter::new(
                        reader,
                        rel,
                        path.to_path_buf(),
                        self.spec.max_file_bytes,
                    ))));
                    None
                }
                Err(e) => Some(open_error(e)),
            };
        }
        let max = self.spec.max_file_bytes;
        if len > max {
            self.skips.add(Skip::TooLarge, &rel);
            return Some(Found::Failed {
                path: path.to_path_buf(),
                error: StageError::new(
                    "too_large",
                    format!("file is {len} bytes, over max_file_bytes ({max})"),
                ),
            });
        }
        if has_extension(path, &["json"]) {
            match split_json_array(path, &rel, max) {
                Ok(Some(items)) => {
                    self.pending.extend(items);
                    return self.pending.pop_front();
                }
                Ok(None) => {}
                Err(error) => {
                    return Some(Found::Failed {
                        path: path.to_path_buf(),
                        error,
                    })
                }
            }
        }
        Some(Found::File {
            id: rel,
            path: path.to_path_buf(),
        })
    }

    fn finish(&mut self) {
        if let Some(report) = self.report_to.take() {
            if let Ok(mut slot) = report.lock() {
                *slot = self.skips.clone();
            }
        }
    }
}

impl Iterator for Discovery {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if let Some(found) = self.pending.pop_front() {
                return Some(found);
            }
            if self.container.is_some() {
                if let Some(found) = self.next_from_container() {
                    return Some(found);
                }
                continue;
            }
            let entry = match self.walk.next() {
                None => {
                    self.finish();
                    return None;
                }
                Some(Ok(entry)) => entry,
                Some(Err(e)) => {
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
            let path = entry.path().to_path_buf();
            if entry.file_type().is_dir() {
                if entry.depth() > 0
                    && (self.spec.skip_dirs.iter().any(|d| same_dir(d, &path))
                        || self.skip_folder.is_some_and(|skip| skip(&path)))
                {
                    tracing::debug!("not reading {}: an output folder", path.display());
                    self.walk.skip_current_dir();
                }
                continue;
            }
            let rel = self.relative_id(&path);
            let wanted = |d: &Self| d.include.is_match(&rel) && !d.exclude.is_match(&rel);
            if entry.file_type().is_symlink() && !path.exists() {
                // A dangling link (the walk does not follow it, or could not).
                if wanted(self) {
                    return Some(Found::Failed {
                        path,
                        error: StageError::new(
                            "dangling_symlink",
                            "symbolic link to a file that does not exist",
                        ),
                    });
                }
                continue;
            }
            if entry.file_type().is_symlink() && !self.spec.follow_symlinks {
                if path.is_file() && wanted(self) {
                    self.skips.add(Skip::Symlink, &rel);
                }
                continue;
            }
            let is_file =
                entry.file_type().is_file() || (self.spec.follow_symlinks && path.is_file());
            if !is_file {
                if !path.is_dir() && wanted(self) {
                    // A FIFO, socket or device named like an article: reading it could block
                    // the run forever, so it is reported instead.
                    return Some(Found::Failed {
                        path,
                        error: StageError::new(
                            "not_a_file",
                            "a FIFO, socket or device, not a regular file: not read",
                        ),
                    });
                }
                continue;
            }
            if !self.single_file {
                if self.exclude.is_match(&rel) {
                    self.skips.add(Skip::Excluded, &rel);
                    continue;
                }
                if !self.include.is_match(&rel) {
                    self.skips.add(Skip::ByExtension, &rel);
                    continue;
                }
            }
            let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
            if let Some(found) = self.take_file(&path, rel, len) {
                return Some(found);
            }
        }
    }
}

/// Consumes input up to and including the next newline, a buffer at a time.
fn skip_line(reader: &mut impl BufRead) {
    loop {
        let (found, used) = match reader.fill_buf() {
            Ok([]) | Err(_) => return,
            Ok(buf) => match memchr_newline(buf) {
                Some(i) => (true, i + 1),
                None => (false, buf.len()),
            },
        };
        reader.consume(used);
        if found {
            return;
        }
    }
}

fn memchr_newline(buf: &[u8]) -> Option<usize> {
    buf.iter().position(|&b| b == b'\n')
}

/// A file name as id text. A name that is not UTF-8 (possible on Unix) gets each invalid
/// byte as `%XX` and each `%` as `%25`, so two names that differ only in such bytes keep
/// different ids (a lossy conversion would make both `a\u{FFFD}.txt`).
fn lossless_name(name: &std::ffi::OsStr) -> String {
    if let Some(text) = name.to_str() {
        return text.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(&chunk.valid().replace('%', "%25"));
            for b in chunk.invalid() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
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
        Found::Line {
            id,
            path,
            bytes,
            hints,
        } => Ok(RawDocument {
            id,
            seq,
            path,
            bytes,
            hints,
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
                    hints: DocumentHints::default(),
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
            case_sensitive: false,
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
    fn utf16_json_lines_are_decoded_before_they_are_split() {
        let dir = tempfile::tempdir().unwrap();
        let text = "{\"title\": \"Zürich\", \"text\": \"Body one.\"}\n{\"text\": \"Body two.\"}\n";
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(dir.path().join("a.jsonl"), with_bom).unwrap();
        let without: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        std::fs::write(dir.path().join("b.jsonl"), without).unwrap();
        let lines: Vec<(String, Vec<u8>)> = Discovery::new(spec(dir.path()))
            .unwrap()
            .filter_map(|f| match f {
                Found::Line { id, bytes, .. } => Some((id, bytes)),
                _ => None,
            })
            .collect();
        let ids: Vec<&str> = lines.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["a.jsonl#1", "a.jsonl#2", "b.jsonl#1", "b.jsonl#2"]);
        assert_eq!(
            lines[0].1,
            "{\"title\": \"Zürich\", \"text\": \"Body one.\"}\n".as_bytes()
        );
        assert_eq!(lines[3].1, "{\"text\": \"Body two.\"}\n".as_bytes());
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
        assert!(matches!(&found[0], Found::Failed { error, .. } if error.code == "too_large"));
        assert!(matches!(&found[1], Found::Failed { error, .. } if error.code == "too_large"));
        assert!(matches!(&found[2], Found::Line { id, .. } if id == "e.jsonl#2"));
    }

    #[test]
    fn skips_are_counted_and_extensions_match_in_any_case() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("skip")).unwrap();
        std::fs::write(root.join("A.TXT"), "x").unwrap();
        std::fs::write(root.join("b.pdf"), "x").unwrap();
        std::fs::write(root.join("skip/c.txt"), "x").unwrap();
        std::fs::write(root.join("big.txt"), vec![b'a'; 500]).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("A.TXT"), root.join("link.txt")).unwrap();
        let report = SharedSkipReport::default();
        let found: Vec<Found> = Discovery::new(spec(root))
            .unwrap()
            .report_skips_to(report.clone())
            .collect();
        assert!(matches!(&found[0], Found::File { id, .. } if id == "A.TXT"));
        let report = report.lock().unwrap().clone();
        assert_eq!(report.by_extension.examples, ["b.pdf"]);
        assert_eq!(report.excluded.examples, ["skip/c.txt"]);
        assert_eq!(report.too_large.examples, ["big.txt"]);
        #[cfg(unix)]
        assert_eq!(report.symlink.examples, ["link.txt"]);
    }

    #[test]
    fn a_file_as_root_is_read_whatever_the_globs() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.ndjson");
        std::fs::write(&file, "{\"a\":1}\n{\"a\":2}\n").unwrap();
        let ids: Vec<String> = Discovery::new(spec(&file))
            .unwrap()
            .map(|f| match f {
                Found::Line { id, hints, .. } => format!("{id} {}", hints.part.unwrap()),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(ids, ["notes.ndjson#1 1", "notes.ndjson#2 2"]);
    }

    #[test]
    fn folders_the_caller_marks_are_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("old-out")).unwrap();
        std::fs::write(root.join("old-out/MARK"), "").unwrap();
        std::fs::write(root.join("old-out/articles.jsonl"), "{\"a\":1}\n").unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        let ids: Vec<String> = Discovery::new(spec(root))
            .unwrap()
            .skip_folders_where(|p| p.join("MARK").exists())
            .map(|f| f.path().display().to_string())
            .collect();
        assert_eq!(ids, [root.join("a.txt").display().to_string()]);
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_keep_distinct_ids() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let name = |b: &[u8]| std::ffi::OsStr::from_bytes(b).to_os_string();
        std::fs::write(dir.path().join(name(b"a\xff.txt")), "x").unwrap();
        std::fs::write(dir.path().join(name(b"a\xfe.txt")), "x").unwrap();
        std::fs::write(dir.path().join("b%.txt"), "x").unwrap();
        assert_eq!(ids(dir.path()), ["a%FE.txt", "a%FF.txt", "b%.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn dangling_links_and_fifos_become_rows_and_vanished_files_io_errors() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("link.txt")).unwrap();
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.txt"))
            .status();
        let ids = ids(root);
        let row = |name: &str, code: &str| format!("ERR {} {code}", root.join(name).display());
        assert!(
            ids.contains(&row("link.txt", "dangling_symlink")),
            "{ids:?}"
        );
        if fifo.is_ok_and(|s| s.success()) {
            assert!(ids.contains(&row("pipe.txt", "not_a_file")), "{ids:?}");
        }
        let vanished = Found::File {
            id: "v.txt".into(),
            path: root.join("v.txt"),
        };
        let (_, error) = load(vanished, 0, 100).unwrap_err();
        assert_eq!(error.code, "io");
    }

    #[test]
    fn invalid_globs_are_reported() {
        assert!(compile_globs(&["a[".into()]).unwrap_err().contains("a["));
    }
}
