//! Prints what the cleaning stages make of some files (each file's folder is its source):
//! `cargo run -p newsmill-clean --example clean_files -- FILE...`
//! Blocks are built the way the plain-text reader does (split on blank lines).

#[path = "../tests/integration/support/mod.rs"]
mod support;

use std::path::Path;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut articles: Vec<_> = paths
        .iter()
        .enumerate()
        .map(|(seq, p)| support::article_from_file(Path::new(""), Path::new(p), seq))
        .collect();
    for name in [
        "clean.markup",
        "clean.boilerplate",
        "clean.paragraphs",
        "detect.language",
        "clean.dedup",
    ] {
        let counters = support::run_stage(support::stage(name, "").as_ref(), &mut articles);
        eprintln!("{name}: {:?}", counters.0);
    }
    for a in &articles {
        println!(
            "=== {} (language {:?} {:?}, duplicate_of {:?})",
            a.id, a.meta.language, a.meta.language_confidence, a.annotations.duplicate_of
        );
        for b in &a.blocks {
            println!("[{:?}] {}", b.kind, b.text);
        }
        for r in &a.annotations.removed {
            println!("  removed ({}): {}", r.reason, r.text);
        }
    }
}
