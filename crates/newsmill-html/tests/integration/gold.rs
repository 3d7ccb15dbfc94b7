//! Quality floor on the public gold sets in ../shared (skipped when absent). The numbers the
//! docs report come from `newsmill eval`; these floors are the bars of the HTML issue.

use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if dir.exists() {
        Some(dir)
    } else {
        println!("skipping: ../shared not found");
        None
    }
}

fn number_after(report: &str, label: &str) -> f64 {
    let line = report
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("{label} in {report}"));
    line[label.len()..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number")
}

#[test]
fn snippet_f1_floor() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/trafilatura_eval_en/expectations.json");
    let report = newsmill_html::eval_body(&gold, None).unwrap();
    let f1 = number_after(&report, "f1:");
    assert!(f1 >= 0.95, "{report}");
}

#[test]
fn publication_date_floor() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/htmldate_mediacloud2020/expectations.csv");
    let report = newsmill_html::eval_pubdates(&gold, None).unwrap();
    let accuracy = number_after(&report, "accuracy (exact day, none=none counts):");
    assert!(accuracy >= 0.95, "{report}");
}
