//! Command-line rough edges: broken pipes, `init -`, `run` without a folder, plain logs.

use std::process::{Command, Stdio};

use super::write_articles;

fn newsmill() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsmill"))
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [&["stages"][..], &["init", "-"]] {
        let mut child = newsmill()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the child writes: its first write meets a closed pipe.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(output.status.success(), "{args:?}: {stderr}");
    }
}

#[test]
fn init_dash_prints_the_config_and_writes_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let output = newsmill()
        .current_dir(tmp.path())
        .args(["init", "-"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("[[stage]]"));
    assert!(!tmp.path().join("-").exists());
}

#[test]
fn run_without_a_folder_says_what_to_type() {
    let tmp = tempfile::tempdir().unwrap();
    let output = newsmill()
        .current_dir(tmp.path())
        .arg("run")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("newsmill run DIR"), "{stderr}");
}

#[test]
fn logs_into_a_pipe_are_plain_and_html5ever_stays_quiet() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write_articles(&input, "Zeta", 2);
    std::fs::write(
        input.join("broken.html"),
        "<html><body><p>Unclosed <b><i>tags <table><td>in a cell</p></div>",
    )
    .unwrap();
    let output = newsmill()
        .args(["run", "-vv", "--quiet", "--out"])
        .arg(tmp.path().join("out"))
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains('\u{1b}'),
        "colour codes in a pipe: {stderr}"
    );
    assert!(!stderr.contains("html5ever"), "{stderr}");
}

#[test]
fn too_many_jobs_are_capped_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write_articles(&input, "Eta", 1);
    let output = newsmill()
        .args(["run", "--quiet", "--jobs", "99999", "--out"])
        .arg(tmp.path().join("out"))
        .arg(&input)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--jobs 99999"), "{stderr}");
    let report = std::fs::read_to_string(tmp.path().join("out/run-report.json")).unwrap();
    assert!(!report.contains("\"jobs\": 99999"), "{report}");
}
