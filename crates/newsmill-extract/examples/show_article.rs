//! Prints what the readers and `extract.metadata` make of some files: format, encoding,
//! metadata, and the first blocks of the body.
//!
//! `cargo run -p newsmill-extract --example show_article -- FILE...`

use std::path::PathBuf;

use newsmill_core::{RawDocument, StageCounters, StageTable};

fn main() {
    let readers = newsmill_read::readers();
    let factory = newsmill_extract::factories()
        .into_iter()
        .next()
        .expect("one factory");
    let stage =
        (factory.build)(&StageTable::from_options(factory.name, "")).expect("defaults build");
    for path in std::env::args().skip(1).map(PathBuf::from) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                println!("{}: {e}", path.display());
                continue;
            }
        };
        let Some(reader) = readers.iter().find(|r| r.accepts(&path, &bytes)) else {
            println!("{}: no reader accepts it", path.display());
            continue;
        };
        let doc = RawDocument {
            id: path.display().to_string(),
            seq: 0,
            path: path.clone(),
            bytes,
            hints: Default::default(),
        };
        let mut article = match reader.read(doc) {
            Ok(article) => article,
            Err(e) => {
                println!("{}: {} error: {e}", path.display(), reader.name());
                continue;
            }
        };
        let mut counters = StageCounters::default();
        if let Err(e) = stage.process(&mut article, &mut counters) {
            println!("{}: extract.metadata error: {e}", path.display());
            continue;
        }
        println!(
            "== {} ({}, {})",
            article.id,
            article.format.as_str(),
            article.encoding
        );
        println!("{:#?}", article.meta);
        for removal in &article.annotations.removed {
            println!("removed {}: {:?}", removal.reason, removal.text);
        }
        for block in article.blocks.iter().take(4) {
            println!(
                "{:?}: {:?}",
                block.kind,
                block.text.chars().take(120).collect::<String>()
            );
        }
        println!("... {} blocks", article.blocks.len());
    }
}
