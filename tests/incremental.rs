//! Incremental runs (`newsmill run DIR --state STATE`, docs/scale.md): a run over a grown or
//! edited folder runs the extraction stages only for new and changed articles, and its
//! outputs are byte-identical to a full run's (run-report.json timings aside).

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::{assert_same_folder, newsmill, root, s, walk};

/// Every file of `a` and `b` but the run report, byte for byte; and the reports' counts.
fn assert_same_outputs(a: &Path, b: &Path) {
    assert_same_folder(a, b);
    assert_eq!(
        report_counts(a),
        report_counts(b),
        "run-report counts differ"
    );
}

fn report(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("run-report.json")).unwrap()).unwrap()
}

/// The run report without what may differ between equal runs: times, memory, where it
/// went (and the size of the first pass's copies, which hold paths), and what the
/// incremental run reused.
fn report_counts(dir: &Path) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for key in [
                    "seconds",
                    "corpus_pass_seconds",
                    "peak_rss_mb",
                    "outputs",
                    "incremental",
                    "input",
                    // The copies hold the documents' paths, which differ between the runs.
                    "first_pass_copy_bytes",
                ] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = report(dir);
    strip(&mut value);
    value
}

/// `newsmill run FOLDER --out OUT --state STATE -q EXTRA...`.
fn run_with_state(folder: &Path, out: &Path, state: &Path, extra: &[&str]) {
    let mut args = vec!["run", s(folder), "--out", s(out), "--state", s(state), "-q"];
    args.extend_from_slice(extra);
    newsmill(&args);
}

/// (articles the extraction stages ran for, articles reused) of an incremental run.
fn incremental(dir: &Path) -> (u64, u64) {
    let r = report(dir);
    let n = |k: &str| r["incremental"][k].as_u64().expect(k);
    (n("processed"), n("reused"))
}

fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(usize, &Path) -> bool) -> usize {
    let mut paths: Vec<PathBuf> = walk(from);
    paths.sort();
    let mut copied = 0;
    for (i, path) in paths.iter().enumerate() {
        if !keep(i, path) {
            continue;
        }
        let target = to.join(path.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(path, &target).unwrap();
        copied += 1;
    }
    copied
}

#[test]
fn bbc_grown_by_a_tenth_reruns_only_the_new_work_and_equals_a_full_run() {
    let bbc = root().join("../shared/data/bbc");
    if !bbc.is_dir() {
        println!("skipping: ../shared/data/bbc not found");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("bbc");
    let state = work.path().join("state");
    // Nine files in ten first, spread over every category and the whole path order, so
    // the new ones shift the positions of the old.
    copy_dir(&bbc, &folder, &|i, _| i % 10 != 9);
    let first = work.path().join("first");
    run_with_state(&folder, &first, &state, &[]);
    let (processed, reused) = incremental(&first);
    assert_eq!(reused, 0, "nothing to reuse on the first run");
    let old_articles = processed;

    let added = copy_dir(&bbc, &folder, &|i, _| i % 10 == 9);
    assert!(added >= 200, "{added} files added");
    let grown = work.path().join("grown");
    run_with_state(&folder, &grown, &state, &[]);
    let full = work.path().join("full");
    newsmill(&["run", s(&folder), "--out", s(&full), "-q"]);
    assert_same_outputs(&grown, &full);

    let documents = report(&full)["documents"].as_u64().unwrap();
    let (processed, reused) = incremental(&grown);
    println!(
        "{added} files added to {old_articles}: extraction stages ran for {processed} of \
         {documents} documents, {reused} reused"
    );
    assert!(
        processed as f64 <= 0.15 * documents as f64,
        "stage work for {processed} of {documents} documents"
    );
    assert!(
        processed >= added as u64 - 2,
        "every new article is processed"
    );
    assert_eq!(
        processed + reused,
        report(&full)["articles"].as_u64().unwrap()
    );

    // Nothing changed: nothing to redo.
    let again = work.path().join("again");
    run_with_state(&folder, &again, &state, &[]);
    assert_eq!(incremental(&again).0, 0);
    assert_same_outputs(&again, &full);
}

#[test]
fn edited_removed_added_and_duplicated_files_give_a_full_runs_outputs() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("articles");
    let state = work.path().join("state");
    copy_dir(&root().join("fixtures/articles"), &folder, &|_, _| true);
    let first = work.path().join("first");
    run_with_state(&folder, &first, &state, &[]);
    let articles = report(&first)["articles"].as_u64().unwrap();
    assert!(articles >= 20, "{articles} articles in the sample folder");

    // One edited, one removed, one added, and a copy of an existing article that sorts
    // before it, so the original becomes a duplicate and must be redone.
    let edited = folder.join("written_by.txt");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str("\nThe mayor said on Tuesday that three people were killed in Springfield.\n");
    std::fs::write(&edited, text).unwrap();
    std::fs::remove_file(folder.join("byline_two_authors.txt")).unwrap();
    std::fs::write(
        folder.join("new_article.txt"),
        "Storm closes ports\n\nOfficials in Rotterdam said on Monday that the port would stay \
         closed until Friday, after winds of 120 km/h.\n",
    )
    .unwrap();
    std::fs::copy(folder.join("front_matter.md"), folder.join("a_copy.md")).unwrap();

    let second = work.path().join("second");
    run_with_state(&folder, &second, &state, &[]);
    let full = work.path().join("full");
    newsmill(&["run", s(&folder), "--out", s(&full), "-q"]);
    assert_same_outputs(&second, &full);
    let (processed, reused) = incremental(&second);
    println!("{articles} articles, then {processed} processed and {reused} reused");
    // The edited, the new, the copy and the original it now duplicates, at least; far
    // fewer than all.
    assert!(processed >= 4, "{processed} processed");
    assert!(reused + 4 >= articles - 1, "{reused} reused of {articles}");

    // Output settings are not part of the key; the config is.
    let csv_only = work.path().join("csv_only");
    run_with_state(&folder, &csv_only, &state, &["--format", "csv"]);
    assert_eq!(
        incremental(&csv_only).0,
        0,
        "another output format redoes nothing"
    );
    let config = work.path().join("quotes.toml");
    std::fs::write(
        &config,
        "[[stage]]\nuse = \"clean.markup\"\n[[stage]]\nuse = \"extract.metadata\"\n\
         [[stage]]\nuse = \"clean.dedup\"\n[[stage]]\nuse = \"extract.entities\"\n\
         [[stage]]\nuse = \"extract.quotes\"\n",
    )
    .unwrap();
    let other = work.path().join("other");
    run_with_state(&folder, &other, &state, &["--config", s(&config)]);
    assert_eq!(incremental(&other).1, 0, "another config reuses nothing");
}

#[test]
fn a_state_folder_inside_the_input_is_not_read_and_shards_are_refused() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("articles");
    copy_dir(&root().join("fixtures/articles"), &folder, &|_, _| true);
    let state = folder.join("state");
    let first = work.path().join("first");
    run_with_state(&folder, &first, &state, &[]);
    let second = work.path().join("second");
    run_with_state(&folder, &second, &state, &[]);
    assert_eq!(report(&first)["documents"], report(&second)["documents"]);
    assert_eq!(incremental(&second).0, 0);

    let refused = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args([
            "run",
            s(&folder),
            "--shard",
            "1/2",
            "--state",
            s(&state),
            "-q",
        ])
        .arg("--out")
        .arg(work.path().join("shard"))
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--state"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    // Standard input is not there next time: refused before it is read.
    let stdin = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args(["run", "-", "--state", s(&state), "-q", "--out"])
        .arg(work.path().join("stdin"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(stdin.status.code(), Some(2), "{stdin:?}");
    assert!(String::from_utf8_lossy(&stdin.stderr).contains("standard input"));
}
