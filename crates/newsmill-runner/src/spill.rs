//! The first pass's copy of each document for the main pass, so a run reads and parses each
//! document once.
//!
//! When the pipeline has corpus-level stages, the first pass reads every document and runs
//! the stages before the first corpus stage ([`crate::Pipeline::prefix_len`]) before the
//! corpus indexes observe it. Those stages depend on the document alone, so what they made of
//! it is what the main pass would make again. The first pass writes it here, in document
//! order: the article (or the document's error or drop row) and the statistics of that work.
//! The main pass reads the records back in the same order and starts at the first corpus
//! stage; the HTML parse, the reader's scoring and `extract.metadata` run once.
//!
//! The records wait in an anonymous temporary file (in `$TMPDIR`; the system removes it
//! however the run ends), each a length and an LZ4 block of the record's JSON: JSON because
//! the article model holds free JSON values (the source fields of JSON inputs) that only a
//! self-describing format reads back, and serde_json reads f64 back exactly (the
//! `float_roundtrip` feature); LZ4 because HTML sources shrink several times at little cost,
//! and the file can hold a whole folder's sources. Memory stays one chunk of records.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsmill_core::Article;
use newsmill_export::ErrorRow;
use serde::{Deserialize, Serialize};

use crate::pipeline::{DocResult, InFlight};
use crate::stats::StageStats;

/// A record's size cap when read back: a larger length means a damaged file (the readers
/// cap a document at `input.max_file_bytes`, far below).
const MAX_RECORD_BYTES: u32 = 1 << 31;

/// A drop reason: one of the stages' fixed values, read back interned. Spelled through an
/// alias so that serde does not take it for a string borrowed from the input.
type FixedStr = &'static str;

/// One document as the first pass left it.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct SpillRecord {
    pub seq: usize,
    /// The reader's and the prefix stages' statistics for this document: the main pass counts
    /// them as its own (it would have done that work).
    pub read: StageStats,
    pub prefix: Vec<StageStats>,
    pub outcome: SpilledOutcome,
}

/// Where the document stood after the prefix stages.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum SpilledOutcome {
    /// Read and through the prefix: the main pass goes on from here.
    Reached {
        /// With its `path` left empty: the path travels as `source_path`.
        article: Box<Article>,
        /// The article's path as bytes: a file name need not be UTF-8, which JSON strings
        /// must be.
        source_path: Vec<u8>,
        path: String,
        /// Seconds the document had taken (the work budget counts them).
        elapsed: f64,
    },
    /// The file could not be read, or a prefix stage failed on it.
    Failed {
        path: String,
        stage: String,
        code: String,
        message: String,
    },
    /// A prefix stage dropped it.
    Dropped {
        path: String,
        stage: String,
        #[serde(deserialize_with = "newsmill_core::intern::deserialize")]
        reason: FixedStr,
    },
}

impl SpillRecord {
    /// The record of a document after the prefix stages, with their statistics (`read`, and
    /// `prefix` for the stages before the first corpus stage).
    pub fn new(
        seq: usize,
        reached: &Result<InFlight, DocResult>,
        read: &StageStats,
        prefix: &[StageStats],
    ) -> Self {
        let outcome = match reached {
            Ok(doc) => SpilledOutcome::Reached {
                // The article is written out before the corpus stages change it; the clone
                // is what serde needs to own here, and costs a copy of the source text.
                article: without_path(&doc.article),
                source_path: path_bytes(&doc.article.path),
                path: doc.path.clone(),
                elapsed: doc.started.elapsed().as_secs_f64(),
            },
            Err(DocResult::Failed(row)) => SpilledOutcome::Failed {
                path: row.path.clone(),
                stage: row.stage.clone(),
                code: row.code.clone(),
                message: row.message.clone(),
            },
            Err(DocResult::Dropped {
                path,
                stage,
                reason,
            }) => SpilledOutcome::Dropped {
                path: path.clone(),
                stage: stage.clone(),
                reason,
            },
            // Not a result the prefix stages give (a document they keep is `Ok`); kept as
            // the finished article it is.
            Err(DocResult::Kept(article)) => SpilledOutcome::Reached {
                article: without_path(article),
                source_path: path_bytes(&article.path),
                path: article.path.display().to_string(),
                elapsed: 0.0,
            },
        };
        SpillRecord {
            seq,
            read: read.clone(),
            prefix: prefix.to_vec(),
            outcome,
        }
    }

    /// The document part-way for the main pass, or its final result.
    pub fn into_document(self) -> Result<InFlight, DocResult> {
        match self.outcome {
            SpilledOutcome::Reached {
                mut article,
                source_path,
                path,
                elapsed,
            } => {
                article.path = path_from_bytes(source_path);
                let now = Instant::now();
                let started = Duration::try_from_secs_f64(elapsed)
                    .ok()
                    .and_then(|spent| now.checked_sub(spent))
                    .unwrap_or(now);
                Ok(InFlight {
                    article,
                    path,
                    started,
                })
            }
            SpilledOutcome::Failed {
                path,
                stage,
                code,
                message,
            } => Err(DocResult::Failed(ErrorRow {
                path,
                stage,
                code,
                message,
            })),
            SpilledOutcome::Dropped {
                path,
                stage,
                reason,
            } => Err(DocResult::Dropped {
                path,
                stage,
                reason,
            }),
        }
    }

    /// The record as stored: its JSON, LZ4-compressed.
    pub fn encode(&self) -> io::Result<Vec<u8>> {
        let json = serde_json::to_vec(self)?;
        Ok(lz4_flex::block::compress_prepend_size(&json))
    }

    pub fn decode(bytes: &[u8]) -> io::Result<Self> {
        let json = lz4_flex::block::decompress_size_prepended(bytes)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        serde_json::from_slice(&json).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

/// A copy of the article with an empty path (see [`SpilledOutcome::Reached`]).
fn without_path(article: &Article) -> Box<Article> {
    let mut copy = Box::new(article.clone());
    copy.path = PathBuf::new();
    copy
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

// Elsewhere a path read from the walk is kept as UTF-8, with any unpaired surrogate of a
// Windows name replaced (only this copy is affected, never the id).
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The temporary file the first pass appends records to.
pub(crate) struct SpillWriter {
    file: BufWriter<File>,
    records: u64,
    bytes: u64,
}

impl SpillWriter {
    /// A new anonymous temporary file, or why none could be made.
    pub fn create() -> io::Result<Self> {
        Ok(SpillWriter {
            file: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            records: 0,
            bytes: 0,
        })
    }

    /// Appends one encoded record (records go in document order).
    pub fn append(&mut self, encoded: &[u8]) -> io::Result<()> {
        let len = u32::try_from(encoded.len())
            .ok()
            .filter(|&len| len <= MAX_RECORD_BYTES)
            .ok_or_else(|| io::Error::other("a spilled document over 2 GB"))?;
        self.file.write_all(&len.to_le_bytes())?;
        self.file.write_all(encoded)?;
        self.records += 1;
        self.bytes += 4 + encoded.len() as u64;
        Ok(())
    }

    /// Done writing: the records, for reading back from the first.
    pub fn into_reader(self) -> io::Result<SpillReader> {
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        Ok(SpillReader {
            file: BufReader::with_capacity(1 << 20, file),
            remaining: self.records,
            bytes: self.bytes,
        })
    }
}

/// Reads the records back in the order they were written.
pub(crate) struct SpillReader {
    file: BufReader<File>,
    remaining: u64,
    bytes: u64,
}

impl SpillReader {
    /// The file's size.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Up to `n` more encoded records (empty at the end).
    pub fn next_chunk(&mut self, n: usize) -> io::Result<Vec<Vec<u8>>> {
        let take = self.remaining.min(n.max(1) as u64);
        let mut chunk = Vec::with_capacity(take as usize);
        for _ in 0..take {
            let mut len = [0u8; 4];
            self.file.read_exact(&mut len)?;
            let len = u32::from_le_bytes(len);
            if len > MAX_RECORD_BYTES {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "damaged record length",
                ));
            }
            let mut bytes = vec![0; len as usize];
            self.file.read_exact(&mut bytes)?;
            chunk.push(bytes);
        }
        self.remaining -= take;
        Ok(chunk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    fn reached(seq: usize, text: &str) -> Result<InFlight, DocResult> {
        let mut article = Article::new(format!("doc{seq}.txt"), format!("/in/doc{seq}.txt"));
        article.seq = seq;
        article.raw = format!("<p>{text}</p>");
        article.blocks.push(Block::paragraph(text));
        article.meta.extraction_confidence = Some(0.1 + 0.2);
        article
            .meta
            .source_fields
            .insert("tags".into(), serde_json::json!(["a", {"b": 1.5}]));
        Ok(InFlight {
            article: Box::new(article),
            path: format!("/in/doc{seq}.txt"),
            started: Instant::now(),
        })
    }

    #[test]
    fn records_come_back_in_order_and_whole() {
        let (read, prefix) = (StageStats::new("read"), [StageStats::new("clean.markup")]);
        let mut writer = SpillWriter::create().expect("a temporary file");
        let docs = [
            reached(0, "Alpha."),
            Err(DocResult::Dropped {
                path: "/in/doc1.txt".into(),
                stage: "clean.markup".into(),
                reason: "empty",
            }),
            Err(DocResult::Failed(ErrorRow {
                path: "/in/doc2.txt".into(),
                stage: "read".into(),
                code: "not_utf8".into(),
                message: "bad bytes".into(),
            })),
            reached(3, &"Long text. ".repeat(10_000)),
        ];
        for (seq, doc) in docs.iter().enumerate() {
            writer
                .append(&SpillRecord::new(seq, doc, &read, &prefix).encode().unwrap())
                .expect("written");
        }
        let mut reader = writer.into_reader().expect("reader");
        let mut back = Vec::new();
        loop {
            let chunk = reader.next_chunk(3).expect("read back");
            if chunk.is_empty() {
                break;
            }
            back.extend(chunk);
        }
        assert_eq!(back.len(), 4);
        let records: Vec<SpillRecord> = back
            .iter()
            .map(|b| SpillRecord::decode(b).expect("decoded"))
            .collect();
        assert_eq!(
            records.iter().map(|r| r.seq).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
        assert_eq!(records[0].prefix[0].name, "clean.markup");
        let mut records = records.into_iter();
        let first = records.next().unwrap().into_document().expect("reached");
        let original = reached(0, "Alpha.").ok().unwrap();
        assert_eq!(first.article.raw, original.article.raw);
        assert_eq!(first.article.path, original.article.path);
        assert_eq!(first.article.blocks, original.article.blocks);
        assert_eq!(
            first.article.meta, original.article.meta,
            "f64 and JSON values exact"
        );
        assert!(matches!(
            records.next().unwrap().into_document(),
            Err(DocResult::Dropped {
                reason: "empty",
                ..
            })
        ));
        assert!(matches!(
            records.next().unwrap().into_document(),
            Err(DocResult::Failed(row)) if row.code == "not_utf8" && row.stage == "read"
        ));
        let long = records.next().unwrap().into_document().expect("reached");
        assert_eq!(long.article.blocks[0].text.len(), 110_000);
        assert!(
            back[3].len() < 10_000,
            "repetitive text is compressed ({} bytes)",
            back[3].len()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_comes_back_as_it_was() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"/in/caf\xe9.txt");
        let mut doc = reached(0, "Alpha.").ok().unwrap();
        doc.article.path = PathBuf::from(name);
        let read = StageStats::new("read");
        let encoded = SpillRecord::new(0, &Ok(doc), &read, &[])
            .encode()
            .expect("encoded");
        let back = SpillRecord::decode(&encoded)
            .unwrap()
            .into_document()
            .ok()
            .unwrap();
        assert_eq!(back.article.path.as_os_str(), name);
    }

    #[test]
    fn a_damaged_record_is_an_error_not_a_wrong_document() {
        let read = StageStats::new("read");
        let mut encoded = SpillRecord::new(0, &reached(0, "Alpha."), &read, &[])
            .encode()
            .unwrap();
        let last = encoded.len() - 1;
        encoded[last] ^= 0xff;
        encoded.truncate(encoded.len() - 3);
        assert!(SpillRecord::decode(&encoded).is_err());
    }
}
