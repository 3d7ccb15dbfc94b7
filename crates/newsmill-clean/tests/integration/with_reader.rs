//! The cleaning stages on articles read by the real readers (newsmill-read), in the
//! default pipeline order, to check that the blocks they produce clean the same way.

use std::path::Path;

use crate::support::{files, fixtures_dir, run_stage, shared_dir, stage};
use newsmill_core::{Article, RawDocument};

fn read(root: &Path, path: &Path, seq: usize) -> Article {
    let id = path
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let doc = RawDocument {
        id,
        seq,
        path: path.to_path_buf(),
        bytes: std::fs::read(path).unwrap(),
        hints: Default::default(),
    };
    let reader = newsmill_read::readers()
        .into_iter()
        .find(|r| r.accepts(path, &doc.bytes))
        .unwrap();
    reader.read(doc).unwrap()
}

fn clean(articles: &mut Vec<Article>) {
    for name in [
        "clean.markup",
        "clean.boilerplate",
        "clean.paragraphs",
        "detect.language",
        "clean.dedup",
    ] {
        run_stage(stage(name, "").as_ref(), articles);
    }
}

#[test]
fn seed_read_as_markdown_cleans_the_same() {
    let Some(shared) = shared_dir() else { return };
    let root = shared.join("corpora/seed");
    let mut articles = vec![read(&root, &root.join("000_6f674ebd69299959.txt"), 0)];
    clean(&mut articles);
    let body = articles[0].body_text();
    assert!(
        !body.contains("wsws.org") && !body.contains("To contact"),
        "{body}"
    );
    assert!(
        body.contains("Washington’s own making, and the “common enemy”"),
        "{body}"
    );
    assert!(
        body.contains("virtually no support within Syria itself"),
        "{body}"
    );
    for word in ["al-Maliki", "self-reliant", "F-16"] {
        assert!(body.contains(word), "{word} lost");
    }
    assert!(!body.contains("**") && !body.contains("*Times*"), "{body}");
    assert_eq!(articles[0].meta.language.as_deref(), Some("en"));
}

#[test]
fn boilerplate_site_read_as_markdown_loses_its_furniture() {
    let root = fixtures_dir().join("boilerplate-site");
    let mut articles: Vec<Article> = files(&root, "md")
        .iter()
        .enumerate()
        .map(|(seq, p)| read(&root, p, seq))
        .collect();
    clean(&mut articles);
    for a in &articles {
        let body = a.body_text();
        for furniture in [
            "Home | Local",
            "since 1892",
            "newsletter",
            "rights reserved",
        ] {
            assert!(
                !body.contains(furniture),
                "{}: {furniture} left in {body}",
                a.id
            );
        }
        assert!(a.blocks[0].is_heading(), "{}", a.id);
    }
    let shared = articles
        .iter()
        .filter(|a| a.body_text().contains("The council will discuss"))
        .count();
    assert_eq!(shared, 2);
}
