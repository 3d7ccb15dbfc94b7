//! fixtures/languages: one short news paragraph in each of six languages.

use crate::support::{fixtures_dir, load_folder, run_stage, stage};

#[test]
fn detects_each_fixture_language() {
    let mut articles = load_folder(&fixtures_dir().join("languages"), "txt");
    assert_eq!(articles.len(), 6);
    let counters = run_stage(stage("detect.language", "").as_ref(), &mut articles);
    for a in &articles {
        let expected = a.id.trim_end_matches(".txt");
        assert_eq!(a.meta.language.as_deref(), Some(expected), "{}", a.id);
        assert!(
            a.meta.language_confidence.is_some_and(|c| c > 0.5),
            "{}: {:?}",
            a.id,
            a.meta.language_confidence
        );
    }
    assert_eq!(counters.0.get("detected"), Some(&6));
}

#[test]
fn keep_drops_other_languages() {
    let mut articles = load_folder(&fixtures_dir().join("languages"), "txt");
    let counters = run_stage(
        stage("detect.language", "keep = [\"en\", \"fr\"]").as_ref(),
        &mut articles,
    );
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["en.txt", "fr.txt"]);
    assert_eq!(counters.0.get("detected"), Some(&6));
}
