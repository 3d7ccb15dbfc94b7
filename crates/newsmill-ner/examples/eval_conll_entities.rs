//! Scores the stage's mentions against CoNLL-2003 gold spans, with the post-processing on
//! (default options) and off (the tagger's trimmed spans only), to show what the gazetteer
//! fixes, title stripping and recall steps do to exact-span accuracy:
//! `cargo run --release -p newsmill-ner --example eval_conll_entities -- [FILE]`
//! (default: ../shared/data/conll2003/eng.testa). Each sentence is one block; each
//! -DOCSTART- document is one article, tagged as one document.

use std::collections::BTreeSet;
use std::path::PathBuf;

use newsmill_core::EntityKind;
use newsmill_ner::{annotate, ExtractEntities, Gazetteer, Settings};

/// One gold or predicted mention: (block, start byte, end byte, kind).
type Mention = (usize, usize, usize, EntityKind);

struct Document {
    blocks: Vec<String>,
    gold: Vec<Mention>,
}

fn read_documents(text: &str) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut doc = Document {
        blocks: Vec::new(),
        gold: Vec::new(),
    };
    let mut sentence = String::new();
    // (kind, start) of the gold mention being read
    let mut open: Option<(EntityKind, usize)> = None;
    let close = |doc: &mut Document, open: &mut Option<(EntityKind, usize)>, end: usize| {
        if let Some((kind, start)) = open.take() {
            doc.gold.push((doc.blocks.len(), start, end, kind));
        }
    };
    for line in text.lines().map(str::trim) {
        if line.starts_with("-DOCSTART-") || line.is_empty() {
            close(&mut doc, &mut open, sentence.len());
            if !sentence.is_empty() {
                doc.blocks.push(std::mem::take(&mut sentence));
            }
            if line.starts_with("-DOCSTART-") && !doc.blocks.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    Document {
                        blocks: Vec::new(),
                        gold: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (Some(token), Some(tag)) = (cols.first(), cols.last()) else {
            continue;
        };
        if !sentence.is_empty() {
            sentence.push(' ');
        }
        let start = sentence.len();
        let (prefix, kind) = match tag.split_once('-') {
            Some((p, k)) => (p, EntityKind::from_conll(k)),
            None => ("O", None),
        };
        match (prefix, kind) {
            ("I", Some(k)) if open.is_some_and(|(ok, _)| ok == k) => {}
            (_, Some(k)) => {
                close(&mut doc, &mut open, start.saturating_sub(1));
                open = Some((k, start));
            }
            _ => close(&mut doc, &mut open, start.saturating_sub(1)),
        }
        sentence.push_str(token);
    }
    close(&mut doc, &mut open, sentence.len());
    if !sentence.is_empty() {
        doc.blocks.push(sentence);
    }
    if !doc.blocks.is_empty() {
        docs.push(doc);
    }
    docs
}

#[derive(Default)]
struct Score {
    tp: [usize; 4],
    predicted: [usize; 4],
    gold: [usize; 4],
}

fn slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        EntityKind::Misc => 3,
    }
}

impl Score {
    fn add(&mut self, gold: &[Mention], predicted: &[Mention]) {
        let gold_set: BTreeSet<&Mention> = gold.iter().collect();
        let predicted_set: BTreeSet<&Mention> = predicted.iter().collect();
        for m in &gold_set {
            self.gold[slot(m.3)] += 1;
        }
        for m in &predicted_set {
            self.predicted[slot(m.3)] += 1;
            if gold_set.contains(m) {
                self.tp[slot(m.3)] += 1;
            }
        }
    }

    fn print(&self, label: &str) {
        let prf = |tp: usize, p: usize, g: usize| {
            let precision = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
            let recall = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
            let f1 = if precision + recall == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            };
            format!(
                "P {:.1} R {:.1} F1 {:.1}",
                precision * 100.0,
                recall * 100.0,
                f1 * 100.0
            )
        };
        let sum = |a: &[usize; 4]| a.iter().sum::<usize>();
        println!(
            "{label}: all {}",
            prf(sum(&self.tp), sum(&self.predicted), sum(&self.gold))
        );
        for (i, name) in ["PER", "ORG", "LOC", "MISC"].iter().enumerate() {
            println!(
                "  {name:4} {}",
                prf(self.tp[i], self.predicted[i], self.gold[i])
            );
        }
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/conll2003/eng.testa"
            ))
        });
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{}: {err}", path.display());
            std::process::exit(1);
        }
    };
    let docs = read_documents(&text);
    let stage = ExtractEntities::new(Settings::default());
    let off = Settings {
        strip_titles: false,
        gazetteer_fix: false,
        add_missed: false,
        link_acronyms: false,
        ..Settings::default()
    };
    let steps: [(&str, Settings); 5] = [
        ("tagger only (trimmed)", off.clone()),
        (
            "+ strip_titles",
            Settings {
                strip_titles: true,
                ..off.clone()
            },
        ),
        (
            "+ gazetteer_fix",
            Settings {
                strip_titles: true,
                gazetteer_fix: true,
                ..off.clone()
            },
        ),
        (
            "+ add_missed",
            Settings {
                strip_titles: true,
                gazetteer_fix: true,
                add_missed: true,
                ..off.clone()
            },
        ),
        ("all (default)", Settings::default()),
    ];
    let mut scores: Vec<Score> = steps.iter().map(|_| Score::default()).collect();
    // With ERRORS=1, the mentions the full post-processing gets wrong that the tagger alone
    // got right, and the reverse, as "kind text (gold: kind)".
    let show_errors = std::env::var_os("ERRORS").is_some();
    for doc in &docs {
        let blocks: Vec<&str> = doc.blocks.iter().map(String::as_str).collect();
        let tagged = stage.tag_blocks(&blocks);
        let mut first_and_last = Vec::new();
        for (i, ((_, settings), score)) in steps.iter().zip(&mut scores).enumerate() {
            let (_, mentions) = annotate(&blocks, &tagged, settings, Gazetteer::embedded());
            let predicted: Vec<Mention> = mentions
                .iter()
                .map(|m| (m.span.block, m.span.start, m.span.end, m.kind))
                .collect();
            score.add(&doc.gold, &predicted);
            if i == 0 || i == steps.len() - 1 {
                first_and_last.push(predicted);
            }
        }
        if show_errors {
            let describe = |m: &Mention| {
                let gold = doc
                    .gold
                    .iter()
                    .find(|g| (g.0, g.1, g.2) == (m.0, m.1, m.2))
                    .map_or("none", |g| g.3.conll());
                format!(
                    "{} {} (gold: {gold})",
                    m.3.conll(),
                    &doc.blocks[m.0][m.1..m.2]
                )
            };
            let (before, after) = (&first_and_last[0], &first_and_last[1]);
            for m in after
                .iter()
                .filter(|m| !doc.gold.contains(m) && !before.contains(m))
            {
                println!("WORSE {}", describe(m));
            }
            for m in before
                .iter()
                .filter(|m| doc.gold.contains(m) && !after.contains(m))
            {
                println!("LOST {}", describe(m));
            }
        }
    }
    println!(
        "{}: {} documents, exact-span scores",
        path.display(),
        docs.len()
    );
    for ((label, _), score) in steps.iter().zip(&scores) {
        score.print(label);
    }
}
