//! Incremental runs (`newsmill run DIR --state STATE`): the work of the extraction stages
//! is kept between runs, so a run over a grown folder redoes it only for what changed.
//!
//! **What is reused, and why that is exact.** A pipeline is a *head* (reading and every
//! stage up to the last one with a corpus index: markup, metadata, boilerplate, paragraphs,
//! language, dedup in the default config) and a *tail* (entities, places, quotes, dates,
//! facts). What an article is after the head depends on the whole folder (learned boilerplate
//! lines, which earlier article it duplicates); what the tail makes of it depends on that
//! article alone. So every run does the first pass and the head for every document, as a full
//! run does, and then looks the article up by a 128-bit hash of everything it holds after the
//! head (id, path, source text, blocks, metadata, annotations; not its position, which shifts
//! when files are added) together with the newsmill version and the config. A hit is the
//! finished article the tail made last time, with the tail's per-document counts (so the run
//! report counts the same as a full run's); a miss runs the tail. A new or changed file, an
//! article whose learned boilerplate or duplicate mark changed, a new version or any config
//! change each make a miss, never a stale row. Documents that failed are not kept (they are
//! tried again), and neither are those a tail stage dropped.
//!
//! **What it does not see:** files outside the config that a stage reads (the GeoNames
//! folder of `link.places`). After changing those, delete the state folder.
//!
//! **On disk** (one run per state folder at a time; a second one is refused):
//! - `newsmill-state.json`: format, version, generation, document count, written last by
//!   rename, so the state is the old one or the new one, never a mix;
//! - `records-G.bin`: the finished articles of generation `G`, one JSON record after another,
//!   each with a length prefix; `index-G.bin`: 28 bytes a record (key, offset, length);
//! - `lock`: held (`flock`) while a run uses the folder.
//!
//! Each run writes a new generation holding just the articles of this run (reused records are
//! copied), so the state never grows past the folder; the old generation and files of killed
//! runs are removed. The state is committed after the output folder, so a run killed in
//! between leaves the previous state, which only costs work.
//!
//! **Memory:** the index of the previous generation is held as a hash map, about 50 bytes an
//! article (50 MB for a million); records are read from disk when hit. Written by hand: the
//! store is a few hundred lines, and embedded key-value stores (sled, redb, rusqlite) would
//! add random writes and their own files for what is a write-once, read-once table.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use anyhow::Context;
use newsmill_core::Article;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::stats::StageStats;

/// The state's manifest, written last.
pub const STATE_FILE: &str = newsmill_export::staging::STATE_MARKER;
const LOCK_FILE: &str = "lock";
const FORMAT: u32 = 1;
/// Bytes of one index entry: key (16), offset (8), length (4).
const ENTRY_BYTES: usize = 28;
/// A record longer than this is not read back (a damaged index).
const MAX_RECORD_BYTES: u32 = 1 << 30;

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    version: String,
    generation: u64,
    documents: u64,
}

/// What one record holds: the tail's counts for the article, then the finished article.
#[derive(Serialize, Deserialize)]
struct Record {
    tail_stats: Vec<StageStats>,
    article: Article,
}

/// A finished article found in the state, with the tail's counts it had.
pub struct Reused {
    pub article: Box<Article>,
    pub tail_stats: Vec<StageStats>,
    /// The record as stored, copied into the new generation.
    pub bytes: Vec<u8>,
}

/// A record for the new generation, made by a worker and appended in document order.
pub struct NewRecord {
    pub key: u128,
    pub bytes: Vec<u8>,
}

/// What an incremental run did, for the run report.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct IncrementalReport {
    pub state: String,
    /// Articles whose tail stages were skipped: their finished article came from the state.
    pub reused: u64,
    /// Articles the tail stages ran for.
    pub processed: u64,
    /// Articles in the state before the run (0 on the first run or after a version change).
    pub previous_articles: u64,
}

struct Previous {
    records: File,
    records_len: u64,
    entries: HashMap<u128, (u64, u32)>,
}

struct Writing {
    generation: u64,
    records: BufWriter<File>,
    index: BufWriter<File>,
    offset: u64,
    documents: u64,
}

/// An opened state folder: the previous generation to read, the next one being written.
pub struct StateStore {
    dir: PathBuf,
    _lock: File,
    /// Mixed into every key: the version and the config hash.
    salt: String,
    previous: Option<Previous>,
    writing: Mutex<Writing>,
    reused: AtomicU64,
    processed: AtomicU64,
}

impl std::fmt::Debug for StateStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StateStore")
            .field("dir", &self.dir)
            .finish()
    }
}

fn records_name(generation: u64) -> String {
    format!("records-{generation}.bin")
}

fn index_name(generation: u64) -> String {
    format!("index-{generation}.bin")
}

/// The generation a `records-G.bin` or `index-G.bin` name belongs to.
fn generation_of(name: &str) -> Option<u64> {
    let stem = name
        .strip_prefix("records-")
        .or_else(|| name.strip_prefix("index-"))?;
    stem.strip_suffix(".bin")?.parse().ok()
}

impl StateStore {
    /// Opens (or creates) the state folder `dir` for a run of this version and `config_hash`:
    /// takes its lock, loads the previous generation's index (a state of another version or
    /// format, or a damaged one, is left unused with a warning, and replaced at commit), and
    /// removes files that killed runs left.
    pub fn open(dir: &Path, config_hash: &str) -> anyhow::Result<StateStore> {
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the state folder {}", dir.display()))?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .with_context(|| format!("cannot open {}", dir.join(LOCK_FILE).display()))?;
        rustix::fs::flock(&lock, rustix::fs::FlockOperation::NonBlockingLockExclusive).map_err(
            |_| {
                anyhow::anyhow!(
                    "another newsmill run is using the state folder {}",
                    dir.display()
                )
            },
        )?;
        let version = env!("CARGO_PKG_VERSION");
        let manifest = read_manifest(dir);
        let previous_generation = manifest.as_ref().map(|m| m.generation);
        let previous = match &manifest {
            Some(m) if m.format == FORMAT && m.version == version => {
                match load_previous(dir, m.generation) {
                    Ok(previous) => Some(previous),
                    Err(error) => {
                        tracing::warn!(
                            "state {}: {error:#}; this run does all the work",
                            dir.display()
                        );
                        None
                    }
                }
            }
            Some(m) => {
                tracing::info!(
                    "state {} was made by newsmill {} (format {}); this run does all the work",
                    dir.display(),
                    m.version,
                    m.format
                );
                None
            }
            None => None,
        };
        remove_generations(dir, |g| Some(g) != previous_generation)?;
        let generation = previous_generation.map_or(1, |g| g + 1);
        let create = |name: String| -> anyhow::Result<BufWriter<File>> {
            let path = dir.join(name);
            let file =
                File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
            Ok(BufWriter::with_capacity(1 << 16, file))
        };
        let writing = Writing {
            generation,
            records: create(records_name(generation))?,
            index: create(index_name(generation))?,
            offset: 0,
            documents: 0,
        };
        Ok(StateStore {
            dir: dir.to_path_buf(),
            _lock: lock,
            salt: format!("newsmill {version}\nconfig {config_hash}\n"),
            previous,
            writing: Mutex::new(writing),
            reused: AtomicU64::new(0),
            processed: AtomicU64::new(0),
        })
    }

    /// The key of an article after the head stages: everything it holds but its position.
    pub fn key(&self, article: &mut Article) -> u128 {
        let seq = std::mem::take(&mut article.seq);
        let mut hasher = Xxh3::new();
        hasher.update(self.salt.as_bytes());
        // Serialising to a hasher cannot fail: every field is plain data.
        let _ = serde_json::to_writer(HashWriter(&mut hasher), &*article);
        article.seq = seq;
        hasher.digest128()
    }

    /// The finished article stored under `key`, if any and readable.
    pub fn lookup(&self, key: u128, seq: usize) -> Option<Reused> {
        let previous = self.previous.as_ref()?;
        let &(offset, len) = previous.entries.get(&key)?;
        if len > MAX_RECORD_BYTES || offset.saturating_add(len as u64) > previous.records_len {
            return None;
        }
        let mut bytes = vec![0; len as usize];
        previous.records.read_exact_at(&mut bytes, offset).ok()?;
        let record: Record = serde_json::from_slice(&bytes).ok()?;
        let mut article = Box::new(record.article);
        article.seq = seq;
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(Reused {
            article,
            tail_stats: record.tail_stats,
            bytes,
        })
    }

    /// The record to keep for an article the tail finished (its source text is left out:
    /// no output is written from it).
    pub fn record(
        &self,
        key: u128,
        article: &mut Article,
        tail_stats: Vec<StageStats>,
    ) -> NewRecord {
        self.processed.fetch_add(1, Ordering::Relaxed);
        let raw = std::mem::take(&mut article.raw);
        let record = Record {
            tail_stats,
            article: std::mem::take(article),
        };
        let bytes = serde_json::to_vec(&record).unwrap_or_default();
        *article = record.article;
        article.raw = raw;
        NewRecord { key, bytes }
    }

    /// Counts an article the tail ran for that is not kept (dropped by a tail stage).
    pub fn count_processed(&self) {
        self.processed.fetch_add(1, Ordering::Relaxed);
    }

    /// Appends a record to the new generation (called in document order).
    pub fn append(&self, record: &NewRecord) -> io::Result<()> {
        if record.bytes.is_empty() {
            return Ok(());
        }
        let mut w = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let len =
            u32::try_from(record.bytes.len()).map_err(|_| io::Error::other("record over 4 GB"))?;
        w.records.write_all(&record.bytes)?;
        let mut entry = [0u8; ENTRY_BYTES];
        entry[..16].copy_from_slice(&record.key.to_le_bytes());
        entry[16..24].copy_from_slice(&w.offset.to_le_bytes());
        entry[24..].copy_from_slice(&len.to_le_bytes());
        w.index.write_all(&entry)?;
        w.offset += len as u64;
        w.documents += 1;
        Ok(())
    }

    /// What the run did, for the report.
    pub fn report(&self) -> IncrementalReport {
        IncrementalReport {
            state: self.dir.display().to_string(),
            reused: self.reused.load(Ordering::Relaxed),
            processed: self.processed.load(Ordering::Relaxed),
            previous_articles: self.previous.as_ref().map_or(0, |p| p.entries.len() as u64),
        }
    }

    /// Makes the new generation the state: its files synced, then the manifest replaced by
    /// rename, then the old generation removed.
    pub fn commit(self) -> anyhow::Result<()> {
        let writing = self.writing.into_inner().unwrap_or_else(|e| e.into_inner());
        let generation = writing.generation;
        for writer in [writing.records, writing.index] {
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        let manifest = Manifest {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            generation,
            documents: writing.documents,
        };
        let path = self.dir.join(STATE_FILE);
        newsmill_export::write_atomic(&path, &serde_json::to_vec_pretty(&manifest)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        remove_generations(&self.dir, |g| g != generation)?;
        Ok(())
    }
}

/// Feeds serde_json's output straight into the hash, without building the JSON text.
struct HashWriter<'a>(&'a mut Xxh3);

impl Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn read_manifest(dir: &Path) -> Option<Manifest> {
    let text = fs::read(dir.join(STATE_FILE)).ok()?;
    match serde_json::from_slice(&text) {
        Ok(manifest) => Some(manifest),
        Err(error) => {
            tracing::warn!(
                "state {}: unreadable {STATE_FILE} ({error}); this run does all the work",
                dir.display()
            );
            None
        }
    }
}

fn load_previous(dir: &Path, generation: u64) -> anyhow::Result<Previous> {
    let index_path = dir.join(index_name(generation));
    let index =
        fs::read(&index_path).with_context(|| format!("cannot read {}", index_path.display()))?;
    if index.len() % ENTRY_BYTES != 0 {
        anyhow::bail!("{} is cut short", index_path.display());
    }
    let records_path = dir.join(records_name(generation));
    let records = File::open(&records_path)
        .with_context(|| format!("cannot open {}", records_path.display()))?;
    let records_len = records.metadata()?.len();
    let mut entries = HashMap::with_capacity(index.len() / ENTRY_BYTES);
    for entry in index.chunks_exact(ENTRY_BYTES) {
        let key = u128::from_le_bytes(entry[..16].try_into().expect("16 bytes"));
        let offset = u64::from_le_bytes(entry[16..24].try_into().expect("8 bytes"));
        let len = u32::from_le_bytes(entry[24..].try_into().expect("4 bytes"));
        entries.insert(key, (offset, len));
    }
    Ok(Previous {
        records,
        records_len,
        entries,
    })
}

/// Removes the generation files of `dir` whose generation `doomed` picks (and manifest
/// temp files, `.newsmill-state.json.*.tmp`, left by a killed commit). Touches no other file.
fn remove_generations(dir: &Path, doomed: impl Fn(u64) -> bool) -> anyhow::Result<()> {
    let entries = fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let stale_temp = name.starts_with(&format!(".{STATE_FILE}.")) && name.ends_with(".tmp");
        if stale_temp || generation_of(name).is_some_and(&doomed) {
            let _ = fs::remove_file(entry.path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    fn article(id: &str, text: &str) -> Article {
        let mut a = Article::new(id, id);
        a.blocks.push(Block::paragraph(text));
        a.raw = text.to_string();
        a
    }

    #[test]
    fn a_committed_record_is_found_by_the_next_run_whatever_its_position() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::open(dir.path(), "c1").unwrap();
        let mut a = article("a.txt", "Alpha.");
        a.seq = 3;
        let key = store.key(&mut a);
        a.meta.title = Some("made by the tail".into());
        let record = store.record(key, &mut a, vec![StageStats::new("extract.x")]);
        assert_eq!(a.raw, "Alpha.", "the caller's article is left whole");
        store.append(&record).unwrap();
        store.commit().unwrap();

        let store = StateStore::open(dir.path(), "c1").unwrap();
        let mut same = article("a.txt", "Alpha.");
        same.seq = 9;
        let key = store.key(&mut same);
        let found = store.lookup(key, 9).expect("reused");
        assert_eq!(found.article.seq, 9);
        assert_eq!(
            found.article.meta.title.as_deref(),
            Some("made by the tail")
        );
        assert_eq!(found.tail_stats[0].name, "extract.x");
        assert!(store
            .lookup(store.key(&mut article("a.txt", "Beta.")), 0)
            .is_none());
        assert_eq!(store.report().previous_articles, 1);
    }

    #[test]
    fn another_config_misses_and_old_generations_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::open(dir.path(), "c1").unwrap();
        let mut a = article("a.txt", "Alpha.");
        let key = store.key(&mut a);
        store.append(&store.record(key, &mut a, vec![])).unwrap();
        store.commit().unwrap();
        // A killed run's files.
        fs::write(dir.path().join("records-7.bin"), b"junk").unwrap();
        fs::write(dir.path().join("keep-me.txt"), b"not ours").unwrap();

        let store = StateStore::open(dir.path(), "c2").unwrap();
        let key = store.key(&mut article("a.txt", "Alpha."));
        assert!(
            store.lookup(key, 0).is_none(),
            "the config is part of the key"
        );
        store.commit().unwrap();
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "index-2.bin",
                "keep-me.txt",
                "lock",
                STATE_FILE,
                "records-2.bin"
            ]
        );
    }

    #[test]
    fn a_second_run_on_the_same_state_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _first = StateStore::open(dir.path(), "c").unwrap();
        let second = StateStore::open(dir.path(), "c").unwrap_err();
        assert!(
            second.to_string().contains("another newsmill run"),
            "{second}"
        );
    }

    #[test]
    fn a_damaged_index_is_left_unused() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::open(dir.path(), "c").unwrap();
        let mut a = article("a.txt", "Alpha.");
        let key = store.key(&mut a);
        store.append(&store.record(key, &mut a, vec![])).unwrap();
        store.commit().unwrap();
        let index = dir.path().join("index-1.bin");
        let bytes = fs::read(&index).unwrap();
        fs::write(&index, &bytes[..bytes.len() - 1]).unwrap();
        let store = StateStore::open(dir.path(), "c").unwrap();
        assert!(store
            .lookup(store.key(&mut article("a.txt", "Alpha.")), 0)
            .is_none());
    }
}
