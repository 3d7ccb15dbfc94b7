//! `newsmill merge`: the output folders of the shards of one run made into the folder a
//! single run writes.
//!
//! Shards hold contiguous ranges of the global document sequence, so each per-article table,
//! errors.csv, dropped.csv, removed.csv and articles.jsonl is the concatenation of the
//! shards' files in sequence order (one header). What depends on the whole corpus is
//! rebuilt: corpus_entities.csv from the shards' entity counts (absorbed in order, see
//! [`CorpusEntities::absorb`]) and the `entity_id` column of entities.csv from it. The run
//! reports are summed. Nothing is read into memory but one shard's summary at a time; the
//! tables are streamed.

use std::collections::BTreeSet;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::atomic::AtomicFile;
use crate::csv_out::CsvTableWriter;
use crate::shard::{ShardMarker, CORPUS_SUMMARY, SHARD_MARKER};
use crate::staging::{Staging, MARKER};
use crate::tables::corpus_entities::{self, CorpusEntities};

/// What a merge wrote.
#[derive(Debug)]
pub struct Merged {
    pub shards: usize,
    pub documents: usize,
    pub files: Vec<PathBuf>,
    /// Formats the run asked for that merge does not rebuild (written by single runs only).
    pub not_rebuilt: Vec<String>,
}

const REPORT: &str = "run-report.json";

fn fail(message: String) -> io::Error {
    io::Error::other(message)
}

/// Checks that `dirs` are every shard of one run and returns their markers in sequence
/// order.
pub fn check_shards(dirs: &[PathBuf]) -> io::Result<Vec<(PathBuf, ShardMarker)>> {
    if dirs.is_empty() {
        return Err(fail("no shard folder given".into()));
    }
    let mut shards = Vec::new();
    for dir in dirs {
        let marker = ShardMarker::read(dir)?.ok_or_else(|| {
            fail(format!(
                "{} is not a completed shard folder (no {SHARD_MARKER}): its run did not \
                 finish, or it was not run with --shard or --files-from",
                dir.display()
            ))
        })?;
        shards.push((dir.clone(), marker));
    }
    let first = shards[0].1.clone();
    for (dir, m) in &shards[1..] {
        if !m.same_run(&first) {
            let what = if m.version != first.version {
                format!("newsmill {} vs {}", m.version, first.version)
            } else if m.config_hash != first.config_hash {
                "a different config".to_string()
            } else if m.total_documents != first.total_documents {
                format!(
                    "a folder of {} documents vs {}",
                    m.total_documents, first.total_documents
                )
            } else {
                "a different corpus index".to_string()
            };
            return Err(fail(format!(
                "{} and {} are not shards of one run: {what}",
                dir.display(),
                shards[0].0.display()
            )));
        }
    }
    if first.shard.is_some() {
        let parse = |s: &Option<String>| -> Option<(usize, usize)> {
            let (i, n) = s.as_deref()?.split_once('/')?;
            Some((i.parse().ok()?, n.parse().ok()?))
        };
        let specs: Vec<(usize, usize)> = shards
            .iter()
            .map(|(d, m)| {
                parse(&m.shard).ok_or_else(|| {
                    fail(format!(
                        "{}: mixes --shard and --files-from shards",
                        d.display()
                    ))
                })
            })
            .collect::<io::Result<_>>()?;
        let count = specs[0].1;
        if specs.iter().any(|s| s.1 != count) {
            return Err(fail(
                "shards of different shard counts (I/N with other N)".into(),
            ));
        }
        let have: BTreeSet<usize> = specs.iter().map(|s| s.0).collect();
        if have.len() != specs.len() {
            return Err(fail("the same shard is given twice".into()));
        }
        let missing: Vec<String> = (1..=count)
            .filter(|i| !have.contains(i))
            .map(|i| format!("{i}/{count}"))
            .collect();
        if !missing.is_empty() {
            return Err(fail(format!("shards missing: {}", missing.join(", "))));
        }
    }
    shards.sort_by_key(|(_, m)| (m.first_seq, m.end_seq));
    let mut end = 0;
    for (dir, m) in &shards {
        if m.documents > 0 {
            if m.first_seq < end {
                return Err(fail(format!(
                    "{} overlaps another shard (documents from #{})",
                    dir.display(),
                    m.first_seq
                )));
            }
            end = m.end_seq;
        }
    }
    let documents: usize = shards.iter().map(|(_, m)| m.documents).sum();
    if documents != first.total_documents {
        return Err(fail(format!(
            "the shards hold {documents} of the folder's {} documents: some are missing",
            first.total_documents
        )));
    }
    Ok(shards)
}

/// Files merge handles itself or leaves out (rebuilt or not meaningful per shard).
fn is_table_file(name: &str) -> bool {
    let rebuilt = [
        MARKER,
        SHARD_MARKER,
        CORPUS_SUMMARY,
        REPORT,
        corpus_entities::TABLE.file,
    ];
    !rebuilt.contains(&name) && (name.ends_with(".csv") || name.ends_with(".jsonl"))
}

fn table_files(dir: &Path) -> io::Result<BTreeSet<String>> {
    Ok(std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_table_file(n))
        .collect())
}

/// Merges the shard folders `dirs` into `out` (committed as one folder, like a run's).
pub fn merge_shards(dirs: &[PathBuf], out: &Path) -> io::Result<Merged> {
    let shards = check_shards(dirs)?;
    let marker = shards[0].1.clone();
    let names = table_files(&shards[0].0)?;
    for (dir, _) in &shards[1..] {
        if table_files(dir)? != names {
            return Err(fail(format!(
                "{} holds other tables than {}",
                dir.display(),
                shards[0].0.display()
            )));
        }
    }
    let staging = Staging::begin(out)?;
    let staged = staging.path().to_path_buf();
    let mut written: Vec<String> = Vec::new();
    for name in &names {
        let mut file = AtomicFile::create(&staged.join(name))?;
        let mut header: Option<Vec<u8>> = None;
        for (dir, _) in &shards {
            append_table(
                &dir.join(name),
                name.ends_with(".csv"),
                &mut header,
                &mut file,
            )?;
        }
        file.commit()?;
        written.push(name.clone());
    }
    let with_corpus = shards
        .iter()
        .map(|(d, _)| d.join(CORPUS_SUMMARY).is_file())
        .collect::<BTreeSet<bool>>();
    if with_corpus.len() > 1 {
        return Err(fail(
            "some shards have corpus entity counts and some not".into(),
        ));
    }
    if with_corpus.contains(&true) {
        let mut corpus = CorpusEntities::default();
        for (dir, _) in &shards {
            let path = dir.join(CORPUS_SUMMARY);
            let summary: Value = serde_json::from_slice(&std::fs::read(&path)?)
                .map_err(|e| fail(format!("{}: {e}", path.display())))?;
            corpus
                .absorb(&summary)
                .map_err(|e| fail(format!("{}: {e}", path.display())))?;
        }
        corpus.finish();
        if marker.output.wants("csv") || names.iter().any(|n| n.ends_with(".csv")) {
            let table = &corpus_entities::TABLE;
            let mut writer = CsvTableWriter::create(
                &staged.join(table.file),
                table.columns,
                &marker.output.csv,
            )?;
            for row in corpus.rows() {
                writer.write_row(&row)?;
            }
            writer.commit()?;
            written.push(table.file.to_string());
            let entities = staged.join("entities.csv");
            if entities.is_file() {
                crate::corpus_ids::fill_entity_ids(&entities, &corpus, &marker.output.csv)?;
            }
        }
    }
    written.sort();
    let files: Vec<PathBuf> = written
        .iter()
        .chain([&REPORT.to_string()])
        .map(|n| out.join(n))
        .collect();
    let report = summed_reports(&shards, &files)?;
    let mut file = AtomicFile::create(&staged.join(REPORT))?;
    file.write_all(&serde_json::to_vec_pretty(&report)?)?;
    file.commit()?;
    staging.commit()?;
    let not_rebuilt = marker
        .output
        .formats
        .iter()
        .filter(|f| !["csv", "jsonl"].contains(&f.as_str()))
        .cloned()
        .collect();
    Ok(Merged {
        shards: shards.len(),
        documents: marker.total_documents,
        files,
        not_rebuilt,
    })
}

/// Appends one shard's file: the first shard's whole, later ones without their header line
/// (and byte-order mark), which must equal the first's.
fn append_table(
    path: &Path,
    csv: bool,
    header: &mut Option<Vec<u8>>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut input = io::BufReader::new(std::fs::File::open(path)?);
    if csv {
        let mut line = Vec::new();
        input.read_until(b'\n', &mut line)?;
        match header {
            None => {
                out.write_all(&line)?;
                *header = Some(line);
            }
            Some(first) => {
                let strip = |l: &[u8]| l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l).to_vec();
                if strip(first) != strip(&line) {
                    return Err(fail(format!(
                        "{}: its header differs from the first shard's",
                        path.display()
                    )));
                }
            }
        }
    }
    let mut buffer = Vec::with_capacity(1 << 16);
    loop {
        buffer.clear();
        let n = input.by_ref().take(1 << 16).read_to_end(&mut buffer)?;
        if n == 0 {
            return Ok(());
        }
        out.write_all(&buffer)?;
    }
}

/// The shards' run reports added up: counts and thread times summed, the peak memory and
/// worker count the largest, what the walk reports (`skipped`, every shard walks the whole
/// folder) and names taken from the first shard; `outputs` the merged folder's files.
fn summed_reports(shards: &[(PathBuf, ShardMarker)], files: &[PathBuf]) -> io::Result<Value> {
    let mut total: Option<Value> = None;
    for (dir, _) in shards {
        let path = dir.join(REPORT);
        let report: Value = serde_json::from_slice(&std::fs::read(&path)?)
            .map_err(|e| fail(format!("{}: {e}", path.display())))?;
        total = Some(match total {
            None => report,
            Some(t) => add_values("", t, report),
        });
    }
    let mut total = total.unwrap_or(Value::Null);
    if let Value::Object(map) = &mut total {
        map.insert(
            "outputs".into(),
            files.iter().map(|p| p.display().to_string()).collect(),
        );
        map.insert("shards".into(), Value::from(shards.len()));
    }
    Ok(total)
}

fn add_values(key: &str, a: Value, b: Value) -> Value {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let larger = ["peak_rss_mb", "jobs"].contains(&key);
            match (x.as_u64(), y.as_u64()) {
                (Some(x), Some(y)) => Value::from(if larger { x.max(y) } else { x + y }),
                _ => {
                    let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
                    Value::from(if larger { x.max(y) } else { x + y })
                }
            }
        }
        (Value::Object(mut x), Value::Object(y)) if key != "skipped" => {
            for (k, v) in y {
                let merged = match x.remove(&k) {
                    Some(mine) => add_values(&k, mine, v),
                    None => v,
                };
                x.insert(k, merged);
            }
            Value::Object(x)
        }
        // Per-stage lists: the same stages in the same order in every shard.
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() && key != "outputs" => x
            .into_iter()
            .zip(y)
            .map(|(a, b)| add_values(key, a, b))
            .collect(),
        (Value::Null, b) => b,
        (a, _) => a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_add_counts_and_keep_names() {
        let a = serde_json::json!({"version": "1", "documents": 2, "seconds": 0.5, "jobs": 2,
            "peak_rss_mb": 10.0, "skipped": {"files": 3},
            "stages": [{"name": "x", "seen": 2, "errors": {"e": 1}}]});
        let b = serde_json::json!({"version": "1", "documents": 3, "seconds": 0.25, "jobs": 1,
            "peak_rss_mb": 12.0, "skipped": {"files": 3},
            "stages": [{"name": "x", "seen": 3, "errors": {"f": 2}}]});
        let sum = add_values("", a, b);
        assert_eq!(sum["documents"], 5);
        assert_eq!(sum["seconds"], 0.75);
        assert_eq!(sum["jobs"], 2);
        assert_eq!(sum["peak_rss_mb"], 12.0);
        assert_eq!(sum["skipped"]["files"], 3);
        assert_eq!(sum["stages"][0]["name"], "x");
        assert_eq!(sum["stages"][0]["seen"], 5);
        assert_eq!(sum["stages"][0]["errors"]["f"], 2);
    }

    #[test]
    fn later_headers_are_skipped_and_must_match() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a.csv"),
            dir.path().join("b.csv"),
            dir.path().join("c.csv"),
        );
        std::fs::write(&a, "\u{feff}x,y\r\n1,\"two\r\nlines\"\r\n").unwrap();
        std::fs::write(&b, "\u{feff}x,y\r\n3,4\r\n").unwrap();
        std::fs::write(&c, "x,z\r\n").unwrap();
        let mut out = Vec::new();
        let mut header = None;
        append_table(&a, true, &mut header, &mut out).unwrap();
        append_table(&b, true, &mut header, &mut out).unwrap();
        assert_eq!(
            out,
            "\u{feff}x,y\r\n1,\"two\r\nlines\"\r\n3,4\r\n".as_bytes()
        );
        assert!(append_table(&c, true, &mut header, &mut out).is_err());
    }
}
