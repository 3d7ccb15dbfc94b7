//! Trains a tiny model on a hand-made fixture and checks that it learns: the training data
//! comes back nearly perfect and a sentence with unseen names is tagged right.

use std::path::{Path, PathBuf};

use newsmill_core::EntityKind;
use newsmill_tagger::{eval_conll, find_entities, tag_conll, train, Tag, Tagger, TrainOptions};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny.conll")
}

/// The overall FB1 from an eval report's second line.
fn overall_f1(report: &str) -> f64 {
    let line = report.lines().nth(1).unwrap_or_default();
    line.rsplit("FB1:")
        .next()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.0)
}

/// The eval report of `tagger`'s predictions on the fixture (written under `dir`).
fn scores_on_fixture(tagger: &Tagger, dir: &Path) -> String {
    let mut tagged = Vec::new();
    tag_conll(tagger, &fixture(), &mut tagged).unwrap();
    let tagged_path = dir.join("tagged.conll");
    std::fs::write(&tagged_path, &tagged).unwrap();
    eval_conll(&tagged_path).unwrap()
}

/// First stage only: six hand-made documents are enough to learn that "Mr" + capitalised
/// words is a person and "X Inc" a company, for names it never saw.
#[test]
fn a_tiny_model_learns_its_fixture_and_generalises_from_context() {
    let dir = tempfile::tempdir().unwrap();
    let no_lists = dir.path().join("lists");
    std::fs::create_dir(&no_lists).unwrap();
    let model = dir.path().join("tiny.bin");
    let opts = TrainOptions {
        iterations: 8,
        hash_bits: 16,
        gazetteers: Some(no_lists),
        stacked: false,
        runs: 1,
        ..TrainOptions::default()
    };
    let report = train(&fixture(), Some(&fixture()), &model, &opts).unwrap();
    assert!(report.contains("pass  1"), "{report}");

    let tagger = Tagger::load(&model).unwrap();
    let scores = scores_on_fixture(&tagger, dir.path());
    assert!(overall_f1(&scores) >= 95.0, "{scores}");

    let tags = tagger.tag(&[
        "Mr", "Carlos", "Mendes", "joined", "Globex", "Inc", "in", "1996", ".",
    ]);
    use EntityKind::*;
    assert_eq!(
        tags,
        [
            Tag::O,
            Tag::B(Person),
            Tag::I(Person),
            Tag::O,
            Tag::B(Organization),
            Tag::I(Organization),
            Tag::O,
            Tag::O,
            Tag::O
        ]
    );
    let text = "Mr Carlos Mendes joined Globex Inc in 1996.";
    let found: Vec<_> = find_entities(&tagger, text)
        .into_iter()
        .map(|(r, k)| (&text[r], k))
        .collect();
    assert_eq!(
        found,
        [("Carlos Mendes", Person), ("Globex Inc", Organization)]
    );
}

/// The default recipe (second, stacked stage on 5 folds) on the same fixture: the two-stage
/// model must load and still reproduce its training data. (Generalising from six documents
/// is the first stage's job; the second stage needs real documents to learn from.)
#[test]
fn a_stacked_tiny_model_learns_its_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let no_lists = dir.path().join("lists");
    std::fs::create_dir(&no_lists).unwrap();
    let model = dir.path().join("stacked.bin");
    let opts = TrainOptions {
        iterations: 8,
        hash_bits: 16,
        gazetteers: Some(no_lists),
        ..TrainOptions::default()
    };
    let report = train(&fixture(), Some(&fixture()), &model, &opts).unwrap();
    assert!(report.contains("stage 2 pass  1"), "{report}");
    let tagger = Tagger::load(&model).unwrap();
    assert!(format!("{tagger:?}").contains("stages: 2"), "{tagger:?}");
    let scores = scores_on_fixture(&tagger, dir.path());
    assert!(overall_f1(&scores) >= 95.0, "{scores}");
}

/// Several runs averaged: the mean of runs on other shuffles is a model of its own (not any
/// one run's), and still reproduces its training data.
#[test]
fn runs_on_other_seeds_are_averaged_into_one_model() {
    let dir = tempfile::tempdir().unwrap();
    let no_lists = dir.path().join("lists");
    std::fs::create_dir(&no_lists).unwrap();
    let opts = |runs| TrainOptions {
        iterations: 8,
        hash_bits: 16,
        gazetteers: Some(no_lists.clone()),
        stacked: false,
        runs,
        ..TrainOptions::default()
    };
    let (one, three) = (dir.path().join("one.bin"), dir.path().join("three.bin"));
    train(&fixture(), Some(&fixture()), &one, &opts(1)).unwrap();
    let report = train(&fixture(), Some(&fixture()), &three, &opts(3)).unwrap();
    for seed in [42, 43, 44] {
        assert!(
            report.contains(&format!("run with seed {seed}:")),
            "{report}"
        );
    }
    assert!(
        report.contains("averaged the weights of 3 runs"),
        "{report}"
    );
    assert_ne!(std::fs::read(&one).unwrap(), std::fs::read(&three).unwrap());
    let tagger = Tagger::load(&three).unwrap();
    let scores = scores_on_fixture(&tagger, dir.path());
    assert!(overall_f1(&scores) >= 95.0, "{scores}");
    let zero = TrainOptions { runs: 0, ..opts(1) };
    assert!(train(&fixture(), None, &dir.path().join("zero.bin"), &zero).is_err());
}

/// Five runs two at a time (the default) give the same bytes every time.
#[test]
fn training_is_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let no_lists = dir.path().join("lists");
    std::fs::create_dir(&no_lists).unwrap();
    let opts = TrainOptions {
        iterations: 3,
        hash_bits: 14,
        gazetteers: Some(no_lists),
        ..TrainOptions::default()
    };
    let (a, b) = (dir.path().join("a.bin"), dir.path().join("b.bin"));
    train(&fixture(), None, &a, &opts).unwrap();
    train(&fixture(), None, &b, &opts).unwrap();
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

#[test]
fn bad_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conll");
    std::fs::write(&bad, "Paris I-NOPE\n").unwrap();
    assert!(train(
        &bad,
        None,
        &dir.path().join("m.bin"),
        &TrainOptions::default()
    )
    .is_err());
    assert!(Tagger::load(&bad).is_err());
    assert!(Tagger::load(&dir.path().join("missing.bin")).is_err());
}

#[test]
fn embedded_model_reaches_the_quality_bar_on_conll_testa() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let testa = shared.join("data/conll2003/eng.testa");
    if !testa.exists() {
        println!("skipping: ../shared not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut tagged = Vec::new();
    tag_conll(Tagger::embedded(), &testa, &mut tagged).unwrap();
    let tagged_path = dir.path().join("testa.tagged");
    std::fs::write(&tagged_path, &tagged).unwrap();
    let scores = eval_conll(&tagged_path).unwrap();
    assert!(overall_f1(&scores) >= 89.0, "{scores}");
}
