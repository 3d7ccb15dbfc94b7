//! The seed article through markup, boilerplate, paragraphs and language detection.

use crate::support::{article_from_file, run_stage, shared_dir, stage};

#[test]
fn seed_article_is_cleaned() {
    let Some(shared) = shared_dir() else { return };
    let root = shared.join("corpora/seed");
    let mut articles = vec![article_from_file(
        &root,
        &root.join("000_6f674ebd69299959.txt"),
        0,
    )];
    for (name, options) in [
        ("clean.markup", ""),
        ("clean.boilerplate", ""),
        ("clean.paragraphs", ""),
        ("detect.language", ""),
    ] {
        run_stage(stage(name, options).as_ref(), &mut articles);
    }
    let article = &articles[0];
    let body = article.body_text();

    assert!(!body.contains("To contact the WSWS"), "{body}");
    assert!(!body.contains("wsws.org"), "{body}");
    let reasons: Vec<&str> = article
        .annotations
        .removed
        .iter()
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(reasons, ["contact_footer", "contact_footer"]);

    assert!(
        body.contains("is one of Washington’s own making, and the “common enemy” in Iraq"),
        "{body}"
    );
    assert!(
        body.contains("having virtually no support within Syria itself"),
        "{body}"
    );
    for word in [
        "al-Maliki",
        "self-reliant",
        "F-16",
        "Al Qaeda-affiliated",
        "US-backed",
    ] {
        assert!(body.contains(word), "{word} lost");
    }
    for markup in ["**", "](", "*Times*", "# US"] {
        assert!(!body.contains(markup), "{markup} left");
    }
    assert!(article.blocks[0].is_heading());
    assert_eq!(
        article.blocks[0].text,
        "US prepares strikes against Islamists in Iraq"
    );
    assert_eq!(article.blocks[1].text, "Bill Van Auken\n27 December 2013");
    assert!(article
        .blocks
        .iter()
        .all(|b| !b.text.ends_with("own") && !b.text.ends_with("virtually no")));
    assert_eq!(article.meta.language.as_deref(), Some("en"));
    assert!(
        body.ends_with("hundreds more were killed."),
        "{}",
        &body[body.len() - 80..]
    );
}
