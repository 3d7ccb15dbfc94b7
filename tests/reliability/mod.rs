//! Reliability end to end (issue 19): the output folder under kills and signals, a generated
//! torture folder with each case's outcome asserted, and a seeded mutation run over the
//! fixtures. Every input is generated in a temp folder; nothing here is slow (seconds).

mod cli;
mod kill;
mod mutate;
mod torture;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Instant;

/// `newsmill run --quiet --out OUT INPUT`, with its wall-clock seconds (the torture and
/// mutation tests bound them generously, to catch a hang, not to measure speed).
fn run_quiet(input: &Path, out: &Path) -> (Output, f64) {
    let started = Instant::now();
    let run = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args(["run", "--quiet", "--out"])
        .arg(out)
        .arg(input)
        .output()
        .expect("run newsmill");
    (run, started.elapsed().as_secs_f64())
}

/// Every file of an output folder but the run report and the manifest (which hold times and
/// sizes that differ from run to run), by name.
fn output_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| {
            let name = e.file_name();
            name != "run-report.json" && name != ".newsmill-output"
        })
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Names in `dir` that belong to a run's staging (hidden `.NAME.newsmill-...` folders).
fn staging_leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.contains(".newsmill-staging-") || n.contains(".newsmill-old-") || n.ends_with(".tmp")
        })
        .collect()
}

/// Writes `n` small text articles named `prefix-i.txt` into `dir`.
fn write_articles(dir: &Path, prefix: &str, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = format!(
            "{prefix} report {i}\n\nThe council of {prefix}ville met on Monday, officials said. \
             At least {i} people were hurt when the bridge collapsed, police said.\n\n\
             \"We will rebuild,\" said Mayor Jane {prefix}son.\n"
        );
        std::fs::write(dir.join(format!("{prefix}-{i:03}.txt")), text).unwrap();
    }
}
