//! A run killed at any moment leaves the output folder holding one run's files, and the
//! next run leaves no temp or staging files; SIGTERM cleans up before exiting.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{output_files, staging_leftovers, write_articles};

fn run(input: &Path, out: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args(["run", "--quiet", "--jobs", "1", "--out"])
        .arg(out)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start newsmill")
}

#[test]
fn killed_runs_never_mix_two_runs_and_leave_nothing_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("in-a"), tmp.path().join("in-b"));
    write_articles(&a, "Alpha", 40);
    write_articles(&b, "Beta", 25);
    // Reference outputs, and how long a whole run takes here.
    let mut reference = Vec::new();
    let mut full = Duration::ZERO;
    for input in [&a, &b] {
        let out = tmp.path().join(format!("ref-{}", reference.len()));
        let started = Instant::now();
        assert!(run(input, &out).wait().unwrap().code().is_some());
        full = full.max(started.elapsed());
        reference.push(output_files(&out));
    }
    let out = tmp.path().join("out");
    for k in 0..20u32 {
        let input = if k % 2 == 0 { &a } else { &b };
        let mut child = run(input, &out);
        // 0 to 110% of a whole run, so some kills land in the final swap.
        std::thread::sleep(full * k * 11 / 200);
        let _ = child.kill();
        let _ = child.wait();
        if out.exists() {
            let files = output_files(&out);
            assert!(
                reference.contains(&files),
                "kill {k}: the output folder mixes runs or holds a partial file: {:?}",
                files.keys().collect::<Vec<_>>()
            );
        }
    }
    assert!(run(&a, &out).wait().unwrap().success());
    assert_eq!(output_files(&out), reference[0]);
    assert_eq!(staging_leftovers(tmp.path()), Vec::<String>::new());
    assert_eq!(staging_leftovers(&out), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn sigterm_removes_the_staging_folder_and_keeps_the_old_output() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write_articles(&input, "Gamma", 300);
    let out = tmp.path().join("out");
    assert!(run(&input, &out).wait().unwrap().success());
    let before = output_files(&out);
    let mut child = run(&input, &out);
    // Wait until the run has started writing (its staging folder exists), then stop it.
    let started = Instant::now();
    while staging_leftovers(tmp.path()).is_empty() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let signalled = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(signalled.success());
    let status = child.wait().unwrap();
    if status.success() {
        // The run finished before the signal arrived; nothing to check.
        return;
    }
    assert_eq!(status.code(), Some(130));
    assert_eq!(staging_leftovers(tmp.path()), Vec::<String>::new());
    assert_eq!(output_files(&out), before);
}

#[cfg(unix)]
#[test]
fn outputs_get_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write_articles(&input, "Delta", 2);
    let out = tmp.path().join("out");
    assert!(run(&input, &out).wait().unwrap().success());
    // The child has this process's umask: its files must look like one made here.
    let probe = tmp.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), mode(&probe), "{}", path.display());
    }
}

#[test]
fn output_folders_are_never_read_back_and_foreign_folders_never_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    write_articles(&work, "Eps", 3);
    let out = work.join("out");
    assert!(run(&work, &out).wait().unwrap().success());
    // A second run into another folder must not read out/articles.jsonl as input.
    let results = work.join("results");
    assert!(run(&work, &results).wait().unwrap().success());
    let articles = std::fs::read_to_string(results.join("articles.csv")).unwrap();
    assert_eq!(articles.lines().count(), 1 + 3, "{articles}");
    // `--out` naming the input folder itself is refused, and the articles stay.
    let (refused, _) = super::run_quiet(&work, &work);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("did not write"));
    assert!(work.join("Eps-000.txt").exists());
}
