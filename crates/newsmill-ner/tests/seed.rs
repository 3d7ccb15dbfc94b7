//! The seed article end to end through the embedded tagger: the people, acronyms and places
//! the stage must get right. Skips when ../shared is not there.

use std::path::Path;

use newsmill_core::{Article, Block, Entity, EntityKind, StageCounters, StageTable};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/seed/000_6f674ebd69299959.txt"
);

/// Blocks as a Markdown reader would give them: split on blank lines, markup stripped.
fn blocks_of(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(|b| {
            b.trim()
                .trim_start_matches('#')
                .replace('*', "")
                .replace("  \n", " ")
                .replace('\n', " ")
                .trim()
                .to_string()
        })
        .filter(|b| !b.is_empty())
        .map(Block::paragraph)
        .collect()
}

fn run(text: &str) -> Vec<Entity> {
    let factory = newsmill_ner::factories()
        .into_iter()
        .find(|f| f.name == "extract.entities")
        .unwrap();
    let stage = (factory.build)(&StageTable::from_options(factory.name, "")).unwrap();
    let mut article = Article::new("seed", "seed.txt");
    article.blocks = blocks_of(text);
    stage
        .process(&mut article, &mut StageCounters::default())
        .unwrap();
    article.annotations.entities
}

#[test]
fn seed_people_acronyms_and_places() {
    if !Path::new(SEED).exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let entities = run(&std::fs::read_to_string(SEED).unwrap());
    for e in &entities {
        eprintln!(
            "{}\t{}\t{}\t{:?}",
            e.kind.as_str(),
            e.name,
            e.mentions,
            e.aliases
        );
    }
    let find = |name: &str| entities.iter().find(|e| e.name == name);
    for person in [
        "Barack Obama",
        "Nuri al-Maliki",
        "Hoshiyar Zebari",
        "Jen Psaki",
        "Mohammad al-Karawi",
        "Mohammed al-Askari",
        "Bashar al-Assad",
        "Salim Idriss",
        "Robert Ford",
    ] {
        assert_eq!(
            find(person).map(|e| e.kind),
            Some(EntityKind::Person),
            "{person}"
        );
    }
    for (long, short) in [
        ("Islamic State of Iraq and the Levant", "ISIS"),
        ("Syrian Observatory for Human Rights", "SOHR"),
        ("Free Syrian Army", "FSA"),
    ] {
        let e = find(long).unwrap_or_else(|| panic!("no entity {long}"));
        assert!(
            e.aliases.iter().any(|a| a == short),
            "{long}: {:?}",
            e.aliases
        );
    }
    assert_eq!(
        find("State Department").map(|e| e.kind),
        Some(EntityKind::Organization)
    );
    let obama = find("Barack Obama").unwrap();
    assert!(
        obama.aliases.iter().any(|a| a == "Obama") && obama.mentions >= 5,
        "{obama:?}"
    );
    let gazetteer = newsmill_ner::Gazetteer::embedded();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        assert!(
            gazetteer.place(&e.name).is_none(),
            "place typed as a person: {}",
            e.name
        );
    }
    for place in [
        "Iraq", "Syria", "Baghdad", "Anbar", "Nineveh", "Ramadi", "Turkey",
    ] {
        assert_eq!(
            find(place).map(|e| e.kind),
            Some(EntityKind::Location),
            "{place}"
        );
    }
}
