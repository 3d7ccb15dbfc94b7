//! Prints the entities the stage finds in one text or Markdown file, one per line
//! (`kind<TAB>name<TAB>mentions<TAB>aliases`), with the default options:
//! `cargo run --release -p newsmill-ner --example show_entities -- FILE`.
//! Blocks are the file's blank-line-separated paragraphs with `#` and `*` markup removed.
//! With `RAW=1` it first prints the tagger's own spans (`RAW block kind text`).

use newsmill_core::Block;
use newsmill_ner::{annotate, ExtractEntities, Gazetteer, Settings};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: show_entities FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: {err}");
            std::process::exit(1);
        }
    };
    let blocks: Vec<Block> = text
        .split("\n\n")
        .map(|b| {
            b.trim()
                .trim_start_matches('#')
                .replace('*', "")
                .replace('\n', " ")
                .trim()
                .to_string()
        })
        .filter(|b| !b.is_empty())
        .map(Block::paragraph)
        .collect();
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let stage = ExtractEntities::new(Settings::default());
    let tagged = stage.tag_blocks(&texts);
    if std::env::var_os("RAW").is_some() {
        for (block, spans) in tagged.iter().enumerate() {
            for (range, kind) in spans {
                println!(
                    "RAW {block} {} {}",
                    kind.as_str(),
                    &texts[block][range.clone()]
                );
            }
        }
    }
    let (entities, _) = annotate(&texts, &tagged, &Settings::default(), Gazetteer::embedded());
    for e in &entities {
        println!(
            "{}\t{}\t{}\t{}",
            e.kind.as_str(),
            e.name,
            e.mentions,
            e.aliases.join(" | ")
        );
    }
}
