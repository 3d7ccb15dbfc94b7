//! Lists the paragraphs `clean.paragraphs` joins in a folder (default: the BBC texts), to
//! audit wrong joins: `cargo run --release -p newsmill-clean --example joined_paragraphs -- [FOLDER]`

#[path = "../tests/integration/support/mod.rs"]
mod support;

use std::path::PathBuf;

fn main() {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/bbc"
            ))
        });
    let mut articles = support::load_folder(&root, "txt");
    support::run_stage(support::stage("clean.markup", "").as_ref(), &mut articles);
    let mut separate = articles.clone();
    support::run_stage(
        support::stage("clean.paragraphs", "join_paragraphs = false").as_ref(),
        &mut separate,
    );
    support::run_stage(
        support::stage("clean.paragraphs", "").as_ref(),
        &mut articles,
    );
    for (joined, apart) in articles.iter().zip(&separate) {
        for block in &joined.blocks {
            if !apart.blocks.iter().any(|b| b.text == block.text) {
                let parts: Vec<&str> = apart
                    .blocks
                    .iter()
                    .filter(|b| block.text.contains(b.text.as_str()))
                    .map(|b| b.text.as_str())
                    .collect();
                println!("{}:", joined.id);
                for part in parts {
                    let tail: String = part
                        .chars()
                        .rev()
                        .take(70)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let head: String = part.chars().take(70).collect();
                    println!("   | {head} ... {tail}");
                }
            }
        }
    }
}
