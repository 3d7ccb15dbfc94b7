//! fixtures/boilerplate-site: six articles of one site sharing a navigation line, a tagline,
//! a newsletter prompt and a copyright footer (years differ), and one sentence that two
//! articles legitimately share. The learned pass alone (built-in list off) must remove the
//! shared furniture and keep the sentence.

use crate::support::{fixtures_dir, load_folder, stage};
use newsmill_core::{Outcome, StageCounters};

#[test]
fn learned_pass_removes_site_furniture_and_keeps_a_twice_shared_sentence() {
    let mut articles = load_folder(&fixtures_dir().join("boilerplate-site"), "md");
    assert_eq!(articles.len(), 6);
    let boilerplate = stage(
        "clean.boilerplate",
        "builtin = false\nmin_docs = 3\nmin_share = 0.3",
    );
    let index = boilerplate
        .corpus_index()
        .expect("learned boilerplate has a corpus index");
    // Observed in reverse, as a thread pool might: the result must not depend on order.
    for a in articles.iter().rev() {
        index.observe(a.seq, a);
    }
    index.finish();
    let mut counters = StageCounters::default();
    for a in &mut articles {
        assert_eq!(
            boilerplate.process(a, &mut counters).unwrap(),
            Outcome::Keep
        );
    }

    let shared_sentence =
        "The council will discuss the timetable at its next meeting on Thursday evening.";
    let mut with_sentence = 0;
    for a in &articles {
        let body = a.body_text();
        for furniture in [
            "Home | Local",
            "local news since 1892",
            "Subscribe to our newsletter",
            "All rights reserved",
        ] {
            assert!(!body.contains(furniture), "{}: {furniture} left", a.id);
        }
        assert!(
            a.blocks[0].text.starts_with("# "),
            "{}: title must stay first: {body}",
            a.id
        );
        assert_eq!(
            a.blocks.len(),
            if body.contains(shared_sentence) { 4 } else { 3 },
            "{}: {body}",
            a.id
        );
        with_sentence += usize::from(body.contains(shared_sentence));
        assert_eq!(a.annotations.removed.len(), 4);
        assert!(a
            .annotations
            .removed
            .iter()
            .all(|r| r.reason == "learned" && r.stage == "clean.boilerplate"));
    }
    assert_eq!(with_sentence, 2);
    assert_eq!(counters.0.get("removed_learned"), Some(&24));
    assert!(counters
        .0
        .get("chars_removed")
        .is_some_and(|&n| n > 24 * 20));
}

#[test]
fn a_stricter_share_keeps_lines_missing_from_too_many_articles() {
    let articles = load_folder(&fixtures_dir().join("boilerplate-site"), "md");
    // The shared sentence is in 2 of 6 articles (0.33); with min_docs 2 it is learned at
    // min_share 0.3 but not at 0.5.
    for (min_share, expect_sentence) in [(0.3, false), (0.5, true)] {
        let boilerplate = stage(
            "clean.boilerplate",
            &format!("builtin = false\nmin_docs = 2\nmin_share = {min_share}"),
        );
        let mut copy = articles.clone();
        crate::support::run_stage(boilerplate.as_ref(), &mut copy);
        let kept = copy
            .iter()
            .filter(|a| a.body_text().contains("The council will discuss"))
            .count();
        assert_eq!(kept == 2, expect_sentence, "min_share {min_share}");
    }
}
