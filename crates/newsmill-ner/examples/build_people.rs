//! Rebuilds `data/known_people.tsv`, people named often in modern US and world news:
//!
//! ```sh
//! cargo run --release -p newsmill-ner --example build_people -- \
//!     ../shared/data/news-text/allsides_news/allsides_news.tsv \
//!     ../shared/data/gazetteers/person_names/given_names_us_ssa.tsv \
//!     > crates/newsmill-ner/data/known_people.tsv
//! ```
//!
//! The embedded tagger reads every article (`text` column) of the unlabelled AllSides news
//! (2012-2020, 70+ outlets); every full name it types person (two to four capitalised
//! words, the first a US given name of the SSA list) is counted, and so is every other type
//! it gives the same words. A name is kept when it was typed person at least `MIN_COUNT`
//! times and in at least `MIN_SHARE` of its mentions: frequency is the prominence, and the
//! share keeps the tagger's own confusions out. Rows: name, count, most frequent first.
//! Single-threaded and order-independent: the same inputs give the same file.

use std::collections::HashMap;

use newsmill_core::EntityKind;
use newsmill_ner::{ExtractEntities, Settings};

const MIN_COUNT: u32 = 25;
const MIN_SHARE: f64 = 0.9;
const MIN_GIVEN_BIRTHS: u64 = 50;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [news, given] = &args[..] else {
        eprintln!("usage: build_people NEWS.tsv GIVEN_NAMES.tsv > known_people.tsv");
        std::process::exit(2);
    };
    let read = |p: &str| {
        std::fs::read_to_string(p).unwrap_or_else(|e| {
            eprintln!("{p}: {e}");
            std::process::exit(1)
        })
    };
    let given_text = read(given);
    let mut lines = given_text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap_or(0);
    let (name_col, births_col) = (col("name"), col("births_since_1950"));
    let given_names: std::collections::HashSet<String> = lines
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let births: u64 = f.get(births_col)?.parse().ok()?;
            (births >= MIN_GIVEN_BIRTHS).then(|| f.get(name_col).map(|n| n.to_string()))?
        })
        .collect();

    let news_text = read(news);
    let mut lines = news_text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let text_col = header.iter().position(|h| *h == "text").unwrap_or(0);
    let stage = ExtractEntities::new(Settings::default());
    // name -> (typed person, typed otherwise)
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for line in lines {
        let Some(text) = line.split('\t').nth(text_col) else {
            continue;
        };
        let tagged = stage.tag_blocks(&[text]);
        for (range, kind) in tagged.into_iter().flatten() {
            let Some(span) = text.get(range) else {
                continue;
            };
            let span = span
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(|c: char| !c.is_alphanumeric());
            let words: Vec<&str> = span.split(' ').collect();
            let shaped = (2..=4).contains(&words.len())
                && words.iter().all(|w| {
                    w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)
                })
                && given_names.contains(words[0]);
            if !shaped {
                continue;
            }
            let entry = counts.entry(span.to_string()).or_insert((0, 0));
            if kind == EntityKind::Person {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    let mut kept: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|(_, (person, other))| {
            *person >= MIN_COUNT && f64::from(*person) >= MIN_SHARE * f64::from(person + other)
        })
        .map(|(name, (person, _))| (name, person))
        .collect();
    kept.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("# People the embedded tagger names most in AllSides news (research use); rebuilt by examples/build_people.rs");
    for (name, count) in kept {
        println!("{name}\t{count}");
    }
}
