//! Shards, merge and the shared corpus index (docs/scale.md): the merged output of
//! `run --shard I/N --corpus-index` over every shard is byte-identical to one run over the
//! folder, run-report.json (timings) aside.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::{assert_same_folder, newsmill, root, s};

/// Indexes each of `n` shards, merges the indexes, runs each shard with the merged index,
/// merges the shard folders; returns the merged folder.
fn sharded_run(input: &Path, n: usize, work: &Path, with_index: bool) -> PathBuf {
    let mut index_files = Vec::new();
    if with_index {
        for i in 1..=n {
            let file = work.join(format!("index-{i}.json"));
            let shard = format!("{i}/{n}");
            newsmill(&[
                "index",
                s(input),
                "--shard",
                &shard,
                "--out",
                s(&file),
                "--jobs",
                "2",
            ]);
            index_files.push(file);
        }
        let mut merge = vec!["index", "--merge"];
        merge.extend(index_files.iter().map(|f| s(f)));
        let merged = work.join("index.json");
        merge.extend(["--out", s(&merged)]);
        newsmill(&merge);
        index_files = vec![merged];
    }
    let mut shards = Vec::new();
    for i in 1..=n {
        let out = work.join(format!("shard-{i}"));
        let shard = format!("{i}/{n}");
        let mut args = vec!["run", s(input), "--shard", &shard, "--out", s(&out), "-q"];
        args.extend(["--jobs", "2", "--format", "csv,jsonl"]);
        if let Some(index) = index_files.first() {
            args.extend(["--corpus-index", s(index)]);
        }
        newsmill(&args);
        shards.push(out);
    }
    let merged = work.join("merged");
    let mut args = vec!["merge"];
    // Any order: merge sorts the shards.
    args.extend(shards.iter().rev().map(|p| s(p)));
    args.extend(["--out", s(&merged), "-q"]);
    newsmill(&args);
    merged
}

fn plain_run(input: &Path, out: &Path) {
    newsmill(&[
        "run",
        s(input),
        "--out",
        s(out),
        "-q",
        "--jobs",
        "2",
        "--format",
        "csv,jsonl",
    ]);
}

fn counter(report: &Path, stage: &str, counter: &str) -> u64 {
    let r: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report.join("run-report.json")).unwrap()).unwrap();
    r["stages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == stage)
        .and_then(|s| s["counters"][counter].as_u64())
        .unwrap_or(0)
}

fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    csv::Reader::from_path(path)
        .unwrap()
        .deserialize()
        .map(Result::unwrap)
        .collect()
}

/// Issue 16: each of the three party leaders is one row of corpus_entities.csv whose
/// `articles` counts every article linked to it, duplicates (`duplicate_of` set) left out,
/// and no article naming him by full name is linked elsewhere.
fn party_leaders_have_one_corpus_row_without_duplicates(out: &Path) {
    use std::collections::BTreeSet;
    let duplicates: BTreeSet<String> = rows(&out.join("articles.csv"))
        .into_iter()
        .filter(|a| !a["duplicate_of"].is_empty())
        .map(|a| a["id"].clone())
        .collect();
    assert!(!duplicates.is_empty());
    let entities = rows(&out.join("entities.csv"));
    let corpus = rows(&out.join("corpus_entities.csv"));
    for name in ["Tony Blair", "Gordon Brown", "Michael Howard"] {
        let found: Vec<_> = corpus
            .iter()
            .filter(|r| r["type"] == "person" && r["name"] == name)
            .collect();
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        let id = &found[0]["entity_id"];
        let linked: BTreeSet<&String> = entities
            .iter()
            .filter(|e| &e["entity_id"] == id && !duplicates.contains(&e["article_id"]))
            .map(|e| &e["article_id"])
            .collect();
        assert!(linked.len() > 50, "{name}: {}", linked.len());
        assert_eq!(found[0]["articles"], linked.len().to_string(), "{name}");
        let unlinked: Vec<&String> = entities
            .iter()
            .filter(|e| e["type"] == "person" && e["name"] == name && &e["entity_id"] != id)
            .map(|e| &e["article_id"])
            .collect();
        assert!(unlinked.is_empty(), "{name} not linked in {unlinked:?}");
    }
}

#[test]
fn bbc_in_1_3_and_7_shards_merges_to_the_single_run() {
    let bbc = root().join("../shared/data/bbc");
    if !bbc.is_dir() {
        println!("skipping: ../shared/data/bbc not found");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let plain = work.path().join("plain");
    plain_run(&bbc, &plain);
    assert!(counter(&plain, "clean.dedup", "exact_duplicates") > 0);
    party_leaders_have_one_corpus_row_without_duplicates(&plain);
    for n in [1, 3, 7] {
        let dir = work.path().join(format!("n{n}"));
        std::fs::create_dir_all(&dir).unwrap();
        let merged = sharded_run(&bbc, n, &dir, true);
        assert_same_folder(&plain, &merged);
        assert_eq!(
            counter(&merged, "clean.dedup", "exact_duplicates"),
            counter(&plain, "clean.dedup", "exact_duplicates")
        );
    }
}

#[test]
fn learned_boilerplate_needs_the_shared_index_across_shards() {
    let site = root().join("fixtures/boilerplate-site");
    let work = tempfile::tempdir().unwrap();
    let plain = work.path().join("plain");
    plain_run(&site, &plain);
    let learned = counter(&plain, "clean.boilerplate", "removed_learned");
    assert!(learned > 0);
    // Two articles a shard: no shard alone has min_docs of the site.
    let alone = work.path().join("alone");
    std::fs::create_dir_all(&alone).unwrap();
    let merged = sharded_run(&site, 3, &alone, false);
    assert!(counter(&merged, "clean.boilerplate", "removed_learned") < learned);
    let shared = work.path().join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    let merged = sharded_run(&site, 3, &shared, true);
    assert_same_folder(&plain, &merged);
    assert_eq!(
        counter(&merged, "clean.boilerplate", "removed_learned"),
        learned
    );
}

#[test]
fn merge_refuses_missing_shards_and_other_configs_and_reruns_skip() {
    let site = root().join("fixtures/boilerplate-site");
    let work = tempfile::tempdir().unwrap();
    let one = work.path().join("one");
    let two = work.path().join("two");
    let run = |shard: &str, out: &Path, extra: &[&str]| {
        let mut args = vec!["run", s(&site), "--shard", shard, "--out", s(out), "-q"];
        args.extend(extra);
        Command::new(env!("CARGO_BIN_EXE_newsmill"))
            .current_dir(root())
            .args(&args)
            .output()
            .unwrap()
    };
    assert!(run("1/2", &one, &[]).status.success());
    let merge = |dirs: &[&Path]| {
        let mut args = vec!["merge"];
        args.extend(dirs.iter().map(|d| s(d)));
        let out = work.path().join("merged");
        args.extend(["--out", s(&out)]);
        Command::new(env!("CARGO_BIN_EXE_newsmill"))
            .current_dir(root())
            .args(&args)
            .output()
            .unwrap()
    };
    let missing = merge(&[&one]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("shards missing: 2/2"));
    let config = work.path().join("other.toml");
    std::fs::write(&config, "[[stage]]\nuse = \"clean.markup\"\n").unwrap();
    assert!(run("2/2", &two, &["--config", s(&config)]).status.success());
    let other = merge(&[&one, &two]);
    assert_eq!(other.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&other.stderr).contains("different config"));
    // A completed shard is not redone.
    let again = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .current_dir(root())
        .args(["run", s(&site), "--shard", "1/2", "--out", s(&one)])
        .output()
        .unwrap();
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already complete"));
}

/// A Python with dask.distributed: `NEWSMILL_DASK_PYTHON` (`.ci/run` prepares one), else a
/// fresh venv in `dir` with `pip install dask[distributed]`; `Err` says why not.
fn dask_python(dir: &Path) -> Result<PathBuf, String> {
    if let Ok(python) = std::env::var("NEWSMILL_DASK_PYTHON") {
        return Ok(PathBuf::from(python));
    }
    let venv = dir.join("venv");
    let made = Command::new("python3")
        .args(["-m", "venv", s(&venv)])
        .output()
        .map_err(|e| format!("no python3 ({e})"))?;
    if !made.status.success() {
        return Err(format!(
            "python3 -m venv failed: {}",
            String::from_utf8_lossy(&made.stderr)
        ));
    }
    let pip = Command::new(venv.join("bin/pip"))
        .args(["install", "-q", "dask[distributed]"])
        .output()
        .map_err(|e| format!("no pip in the venv ({e})"))?;
    if !pip.status.success() {
        return Err(format!(
            "pip install dask[distributed] failed (offline?): {}",
            String::from_utf8_lossy(&pip.stderr)
        ));
    }
    Ok(venv.join("bin/python"))
}

#[test]
fn dask_local_cluster_4_shards_equal_a_plain_run() {
    let bbc = root().join("../shared/data/bbc");
    if !bbc.is_dir() {
        println!("skipping: ../shared/data/bbc not found");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let python = match dask_python(work.path()) {
        Ok(p) => p,
        Err(why) => {
            println!("skipping the Dask test: {why}");
            return;
        }
    };
    // Every worker sees the same absolute input path (docs/scale.md).
    let bbc = bbc.canonicalize().unwrap();
    let plain = work.path().join("plain");
    plain_run(&bbc, &plain);
    let merged = work.path().join("dask");
    let out = Command::new(python)
        .current_dir(root())
        .arg(root().join("scripts/newsmill_dask.py"))
        .args([
            s(&bbc),
            "--out",
            s(&merged),
            "--shards",
            "4",
            "--workers",
            "2",
        ])
        .args([
            "--format",
            "csv,jsonl",
            "--binary",
            env!("CARGO_BIN_EXE_newsmill"),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_same_folder(&plain, &merged);
}

#[test]
fn slurm_and_ray_examples_print_the_protocol_commands() {
    let slurm = root().join("scripts/newsmill_slurm.sh");
    for (step, expect) in [
        ("index", "index DIR --shard 3/8 --out W/index-3.json"),
        ("merge-index", "index --merge W/index-1.json"),
        (
            "run",
            "run DIR --shard 3/8 --corpus-index W/index.json --out W/shard-3",
        ),
        ("merge", "merge W/shard-1 W/shard-2"),
    ] {
        let out = Command::new("bash")
            .arg(&slurm)
            .args([step, "DIR", "W", "8"])
            .env("DRY_RUN", "1")
            .env("SLURM_ARRAY_TASK_ID", "3")
            .env("NEWSMILL", "newsmill")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(expect), "{step}: {text}");
    }
    if Command::new("python3").arg("--version").output().is_err() {
        println!("skipping the Ray dry run: no python3");
        return;
    }
    let out = Command::new("python3")
        .current_dir(root())
        .arg(root().join("scripts/newsmill_ray.py"))
        .args(["DIR", "--out", "/tmp/o", "--shards", "2", "--dry-run"])
        .args(["--binary", env!("CARGO_BIN_EXE_newsmill")])
        .args(["--address", "ray://head:10001"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // Two index tasks, one index merge, two shard runs, one merge.
    assert_eq!(text.lines().count(), 2 + 1 + 2 + 1, "{text}");
    let shard_run = |l: &&str| l.contains(" run ") && l.contains("--shard 2/2");
    let run = text.lines().find(shard_run).unwrap_or_default();
    assert!(run.contains("--corpus-index"), "{text}");
    assert!(text.lines().last().unwrap().contains(" merge "), "{text}");
}
