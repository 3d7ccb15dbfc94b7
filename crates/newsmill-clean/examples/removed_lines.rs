//! Lists every line `clean.boilerplate` removes from a folder (default: the BBC texts),
//! to audit false positives:
//! `cargo run --release -p newsmill-clean --example removed_lines -- [FOLDER] [EXT]`

#[path = "../tests/integration/support/mod.rs"]
mod support;

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/bbc"
        ))
    });
    let ext = args.next().unwrap_or_else(|| "txt".into());
    let mut articles = support::load_folder(&root, &ext);
    support::run_stage(support::stage("clean.markup", "").as_ref(), &mut articles);
    let counters = support::run_stage(
        support::stage("clean.boilerplate", "").as_ref(),
        &mut articles,
    );
    println!("{} articles; {:?}", articles.len(), counters.0);
    for a in &articles {
        for r in &a.annotations.removed {
            println!("{}\t{}\t{}", a.id, r.reason, r.text);
        }
    }
}
