//! Duplicates in the BBC texts (/work/shared/data/bbc), after the cleaning stages that
//! precede `clean.dedup`. The pinned pairs were read by hand:
//! - entertainment/216.txt repeats entertainment/179.txt with an edited second paragraph
//!   ("BBC Two" -> "BBC2", "BBC Two's share" -> "However the channel's share",
//!   "fewer" -> "less"); exact 5-word-shingle Jaccard 0.84.
//! - sport/471.txt is sport/467.txt under another headline ("Capriati to miss Melbourne"
//!   -> "Capriati out of Australian Open").
//! - business/240.txt is a byte-identical copy of business/214.txt.

use crate::support::{load_folder, run_stage, shared_dir, stage};

#[test]
fn bbc_duplicates_are_found_and_point_at_the_first_copy() {
    let Some(shared) = shared_dir() else { return };
    let root = shared.join("data/bbc");
    let mut articles = load_folder(&root, "txt");
    assert_eq!(articles.len(), 2225);
    for name in ["clean.markup", "clean.boilerplate", "clean.paragraphs"] {
        run_stage(stage(name, "").as_ref(), &mut articles);
    }
    let counters = run_stage(stage("clean.dedup", "").as_ref(), &mut articles);
    let duplicate_of = |id: &str| {
        articles
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| a.annotations.duplicate_of.clone())
    };
    assert_eq!(
        duplicate_of("entertainment/216.txt").as_deref(),
        Some("entertainment/179.txt")
    );
    assert_eq!(duplicate_of("entertainment/179.txt"), None);
    assert_eq!(
        duplicate_of("sport/471.txt").as_deref(),
        Some("sport/467.txt")
    );
    assert_eq!(
        duplicate_of("business/240.txt").as_deref(),
        Some("business/214.txt")
    );
    // 98 byte-identical copies, plus 5 that differ only in punctuation, case or
    // paragraph breaks (measured with md5sum and the bbc_dups example).
    assert_eq!(counters.0.get("exact_duplicates"), Some(&103));
    let near = counters.0.get("near_duplicates").copied().unwrap_or(0);
    assert!((45..=65).contains(&near), "near duplicates: {near}");
}
