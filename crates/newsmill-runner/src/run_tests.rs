//! Runner behaviour with small fake readers and stages: order, determinism across thread
//! counts, caught panics, corpus passes, drops.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use newsmill_core::{
    Article, Block, ConfigIssue, CorpusIndex, Outcome, RawDocument, Reader, Stage, StageCounters,
    StageError, StageFactory, StageTable,
};
use newsmill_export::OutputOptions;

use crate::{load_config, run_folder, Registry, Silent};

struct LinesReader;
impl Reader for LinesReader {
    fn name(&self) -> &'static str {
        "read.test"
    }
    fn accepts(&self, path: &Path, _head: &[u8]) -> bool {
        path.extension().is_some_and(|e| e == "txt")
    }
    fn read(&self, doc: RawDocument) -> Result<Article, StageError> {
        let text =
            String::from_utf8(doc.bytes).map_err(|_| StageError::new("decode", "not UTF-8"))?;
        if text.is_empty() {
            return Err(StageError::new("empty", "file is empty"));
        }
        let mut article = Article::new(doc.id, doc.path);
        article.seq = doc.seq;
        article.meta.title = text.lines().next().map(str::to_string);
        article.blocks = text.split("\n\n").map(Block::paragraph).collect();
        Ok(article)
    }
}

/// Panics on articles that contain "boom"; drops ones that contain "drop"; takes 1.1 s on
/// ones that contain "slow".
struct Fragile;
impl Stage for Fragile {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let text = article.body_text();
        if text.contains("boom") {
            panic!("exploded on purpose");
        }
        if text.contains("slow") {
            std::thread::sleep(std::time::Duration::from_millis(1100));
        }
        counters.add("words", text.split_whitespace().count() as u64);
        Ok(if text.contains("drop") {
            Outcome::Drop("unwanted")
        } else {
            Outcome::Keep
        })
    }
}

/// Counts, in a first pass, how many articles share each title; marks repeats.
#[derive(Default)]
struct Repeats {
    seen: Mutex<Vec<(usize, String)>>,
    first_of: Mutex<std::collections::BTreeMap<usize, usize>>,
    finished: AtomicUsize,
}
impl CorpusIndex for Repeats {
    fn observe(&self, doc: usize, article: &Article) {
        self.seen
            .lock()
            .unwrap()
            .push((doc, article.meta.title.clone().unwrap_or_default()));
    }
    fn finish(&self) {
        let mut seen = self.seen.lock().unwrap().clone();
        seen.sort();
        let mut first = std::collections::BTreeMap::<String, usize>::new();
        let mut first_of = self.first_of.lock().unwrap();
        for (doc, title) in seen {
            let f = *first.entry(title).or_insert(doc);
            if f != doc {
                first_of.insert(doc, f);
            }
        }
        self.finished.fetch_add(1, Ordering::SeqCst);
    }
}
impl Stage for Repeats {
    fn process(&self, article: &mut Article, _: &mut StageCounters) -> Result<Outcome, StageError> {
        assert_eq!(
            self.finished.load(Ordering::SeqCst),
            1,
            "process before finish"
        );
        if let Some(first) = self.first_of.lock().unwrap().get(&article.seq) {
            article.annotations.duplicate_of = Some(format!("doc {first}"));
        }
        Ok(Outcome::Keep)
    }
    fn corpus_index(&self) -> Option<&dyn CorpusIndex> {
        Some(self)
    }
}

fn build_fragile(_: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    Ok(Box::new(Fragile))
}
fn build_repeats(_: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    Ok(Box::new(Repeats::default()))
}

fn factories() -> Vec<StageFactory> {
    vec![
        StageFactory {
            name: "test.fragile",
            summary: "",
            options: Vec::new,
            example: "",
            reads: &[],
            writes: &[],
            build: build_fragile,
        },
        StageFactory {
            name: "test.repeats",
            summary: "",
            options: Vec::new,
            example: "",
            reads: &[],
            writes: &[],
            build: build_repeats,
        },
    ]
}

const CONFIG: &str =
    "[run]\nchunk_size = 3\n[[stage]]\nuse = \"test.repeats\"\n[[stage]]\nuse = \"test.fragile\"\n";

fn write_corpus(root: &Path) {
    for i in 0..40 {
        let body = match i {
            7 => "Title seven\n\nthis one goes boom".to_string(),
            11 => "Title eleven\n\nplease drop me".to_string(),
            13 => String::new(),
            _ => format!(
                "Title {}\n\nbody of {i}, with a \"quote\", and =1+1",
                i % 10
            ),
        };
        std::fs::write(root.join(format!("{i:03}.txt")), body).unwrap();
    }
    std::fs::write(root.join("ignored.bin"), [0u8, 1, 2]).unwrap();
}

fn run_with_jobs(input: &Path, out: &Path, jobs: usize) -> crate::RunStats {
    let registry = Registry {
        stages: factories(),
        readers: |_| vec![Box::new(LinesReader)],
    };
    let (mut config, pipeline) = load_config("test.toml", CONFIG, &registry).unwrap();
    config.input.include.push("**/*.bin".into());
    let output = OutputOptions {
        dir: out.to_path_buf(),
        ..OutputOptions::default()
    };
    run_folder(&config, &pipeline, input, &output, jobs, &Silent).unwrap()
}

#[test]
fn errors_become_rows_and_outputs_are_identical_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write_corpus(&input);
    let one = run_with_jobs(&input, &dir.path().join("out1"), 1);
    let four = run_with_jobs(&input, &dir.path().join("out4"), 4);
    assert_eq!(one.documents, 41);
    assert_eq!(one.articles, 37);
    assert_eq!(one.error_rows, 3, "{:?}", one.errors);
    assert_eq!(one.dropped.get("unwanted"), Some(&1));
    for name in [
        "articles.csv",
        "errors.csv",
        "dropped.csv",
        "articles.jsonl",
    ] {
        let a = std::fs::read(dir.path().join("out1").join(name)).unwrap();
        let b = std::fs::read(dir.path().join("out4").join(name)).unwrap();
        assert_eq!(a, b, "{name} differs between 1 and 4 threads");
    }
    let errors = std::fs::read_to_string(dir.path().join("out1/errors.csv")).unwrap();
    let rows: Vec<&str> = errors.lines().skip(1).collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[0].contains("007.txt,test.fragile,panic,stage panicked: exploded on purpose"),
        "{errors}"
    );
    assert!(
        rows[1].contains("013.txt,read.test,empty,file is empty"),
        "{errors}"
    );
    assert!(
        rows[2].contains("ignored.bin,read,unsupported,"),
        "{errors}"
    );
    let dropped = std::fs::read_to_string(dir.path().join("out1/dropped.csv")).unwrap();
    assert_eq!(dropped.lines().count(), 2, "{dropped}");
    assert!(
        dropped
            .lines()
            .nth(1)
            .unwrap()
            .ends_with("011.txt,test.fragile,unwanted"),
        "{dropped}"
    );
    let first_pass = one
        .first_pass
        .as_ref()
        .expect("a corpus stage makes a first pass");
    assert_eq!(
        first_pass.iter().map(|s| s.seen).sum::<u64>(),
        0,
        "the first pass stops at the last corpus index: no stage after it runs"
    );
    let articles = std::fs::read_to_string(dir.path().join("out1/articles.csv")).unwrap();
    let ids: Vec<&str> = articles
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "rows are in path order");
    // The corpus pass saw every readable article: 010.txt repeats 000.txt's title.
    let row_010 = articles.lines().find(|l| l.starts_with("010.txt")).unwrap();
    assert!(row_010.contains("doc 0"), "{row_010}");
    assert_eq!(
        one.stages[1].counters.get("words"),
        four.stages[1].counters.get("words")
    );
    assert!(dir.path().join("out1/run-report.json").exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out1"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left behind");
}

/// Counts the documents it reads (for one test only: the count is global).
struct CountingReader;
static COUNTED_READS: AtomicUsize = AtomicUsize::new(0);
impl Reader for CountingReader {
    fn name(&self) -> &'static str {
        "read.test"
    }
    fn accepts(&self, path: &Path, head: &[u8]) -> bool {
        LinesReader.accepts(path, head)
    }
    fn read(&self, doc: RawDocument) -> Result<Article, StageError> {
        COUNTED_READS.fetch_add(1, Ordering::SeqCst);
        LinesReader.read(doc)
    }
}

#[test]
fn the_main_pass_starts_from_the_first_pass_copy_with_the_same_results() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write_corpus(&input);
    let registry = Registry {
        stages: factories(),
        readers: |_| vec![Box::new(CountingReader)],
    };
    // The fragile stage runs before the corpus stage: its panics, drops and counters come
    // from the first pass's work when the copy is reused.
    let run = |reuse: bool, out: &str| {
        let text = format!(
            "[run]\nchunk_size = 3\nreuse_first_pass = {reuse}\n[[stage]]\nuse = \"test.fragile\"\n\
             [[stage]]\nuse = \"test.repeats\"\n[[stage]]\nuse = \"test.fragile\"\n"
        );
        let (mut config, pipeline) = load_config("test.toml", &text, &registry).unwrap();
        config.input.include.push("**/*.bin".into());
        let output = OutputOptions {
            dir: dir.path().join(out),
            ..OutputOptions::default()
        };
        let before = COUNTED_READS.load(Ordering::SeqCst);
        let stats = run_folder(&config, &pipeline, &input, &output, 2, &Silent).unwrap();
        (stats, COUNTED_READS.load(Ordering::SeqCst) - before)
    };
    let (reused, reads_reused) = run(true, "reused");
    let (again, reads_again) = run(false, "again");
    assert_eq!(reads_reused, 40, "each readable-looking file read once");
    assert_eq!(
        reads_again, 80,
        "without the copy the main pass reads again"
    );
    for name in [
        "articles.csv",
        "errors.csv",
        "dropped.csv",
        "articles.jsonl",
    ] {
        let a = std::fs::read(dir.path().join("reused").join(name)).unwrap();
        let b = std::fs::read(dir.path().join("again").join(name)).unwrap();
        assert_eq!(
            a, b,
            "{name} differs with and without the first pass's copy"
        );
    }
    assert_eq!((reused.documents, reused.articles), (41, 37));
    assert_eq!(reused.errors, again.errors);
    assert_eq!(reused.dropped, again.dropped);
    let counts = |s: &crate::stats::StageStats| {
        (
            s.seen,
            s.kept,
            s.dropped.clone(),
            s.errors.clone(),
            s.counters.clone(),
            s.bytes_in,
        )
    };
    assert_eq!(counts(&reused.read), counts(&again.read));
    for (a, b) in reused.stages.iter().zip(&again.stages) {
        assert_eq!(counts(a), counts(b), "stage {}", a.name);
    }
    assert_eq!(reused.stages[0].errors.get("panic"), Some(&1));
    let first = reused.first_pass.as_ref().unwrap();
    assert_eq!(
        first[0].seen, 0,
        "with the copy, the prefix's work is counted once, in the main pass"
    );
    let row_010 = std::fs::read_to_string(dir.path().join("reused/articles.csv"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("010.txt"))
        .map(str::to_string)
        .unwrap();
    assert!(row_010.contains("doc 0"), "{row_010}");
}

#[test]
fn a_document_over_its_budget_becomes_a_too_slow_row() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Slow\n\na slow one").unwrap();
    std::fs::write(input.join("b.txt"), "Quick\n\na quick one").unwrap();
    let registry = Registry {
        stages: factories(),
        readers: |_| vec![Box::new(LinesReader)],
    };
    let config = "[run]\nmax_doc_seconds = 1\n[[stage]]\nuse = \"test.fragile\"\n\
                  [[stage]]\nuse = \"test.fragile\"\n";
    let (config, pipeline) = load_config("test.toml", config, &registry).unwrap();
    let output = OutputOptions {
        dir: dir.path().join("out"),
        ..OutputOptions::default()
    };
    let stats = run_folder(&config, &pipeline, &input, &output, 2, &Silent).unwrap();
    assert_eq!((stats.articles, stats.error_rows), (1, 1));
    let errors = std::fs::read_to_string(output.dir.join("errors.csv")).unwrap();
    assert!(errors.contains("a.txt,test.fragile,too_slow,"), "{errors}");
}

#[test]
fn jobs_are_capped_per_core() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert_eq!(crate::worker_count(0), cores);
    assert_eq!(crate::worker_count(1), 1);
    assert_eq!(
        crate::worker_count(99_999),
        cores * crate::MAX_JOBS_PER_CORE
    );
}

#[test]
fn writing_overlaps_processing_in_order_and_stops_on_either_failure() {
    use crate::run::overlapped;
    // In order, all of it.
    let mut got = Vec::new();
    overlapped(
        |send| {
            for i in 0..100 {
                assert!(send(i));
            }
            Ok(())
        },
        |i| {
            got.push(i);
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(got, (0..100).collect::<Vec<_>>());
    // A writer failure stops the producer (its sends fail) and is the error reported.
    let sent = AtomicUsize::new(0);
    let error = overlapped(
        |send| {
            for i in 0..1_000_000 {
                if !send(i) {
                    break;
                }
                sent.fetch_add(1, Ordering::SeqCst);
            }
            Ok(())
        },
        |i| {
            if i == 3 {
                anyhow::bail!("disk full")
            }
            Ok(())
        },
    )
    .unwrap_err();
    assert_eq!(error.to_string(), "disk full");
    assert!(
        sent.load(Ordering::SeqCst) < 10,
        "the producer stopped early"
    );
    // A producer failure after what it sent was written is reported too.
    let error = overlapped(
        |send| {
            send(1);
            anyhow::bail!("cannot read back")
        },
        |_: i32| Ok(()),
    )
    .unwrap_err();
    assert_eq!(error.to_string(), "cannot read back");
}
