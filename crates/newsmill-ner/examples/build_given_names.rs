//! Rebuilds `data/given_names.txt`, US given names that news writes as names and seldom as
//! ordinary words:
//!
//! ```sh
//! cargo run --release -p newsmill-ner --example build_given_names -- \
//!     ../shared/data/gazetteers/person_names/given_names_us_ssa.tsv \
//!     ../shared/data/news-text/allsides_news/allsides_news.tsv \
//!     > crates/newsmill-ner/data/given_names.txt
//! ```
//!
//! A name is a candidate when at least `MIN_BIRTHS` US babies (both sexes together) got it
//! since 1950 (SSA counts, public domain). It is kept when, in the unlabelled AllSides news
//! (`text` column), it is written capitalised inside a sentence at least `MIN_NAME_USES`
//! times and at least `NAME_TO_WORD` times as often as in lowercase inside a sentence: "Melania", "Ivanka" and
//! "Jeb" stay; "Will", "Mark", "Rose" and "Hope", ordinary words first, go. The file holds
//! names only, no news text. A name most babies of one sex got (nine in ten) is marked M or
//! F: the linker reads "Mrs. Clinton" as the Clinton with a woman's given name. Single-threaded and order-independent: the same inputs give
//! the same file.

use std::collections::{BTreeSet, HashMap};

const MIN_BIRTHS: u64 = 1000;
const MIN_NAME_USES: u32 = 3;
const NAME_TO_WORD: u32 = 4;
/// The share of one sex among a name's births that makes it a man's or a woman's name.
const ONE_SEX: f64 = 0.9;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [given, news] = &args[..] else {
        eprintln!("usage: build_given_names GIVEN_NAMES.tsv NEWS.tsv > given_names.txt");
        std::process::exit(2);
    };
    let given_text = read(given);
    let mut lines = given_text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap_or(0);
    let (name_col, sex_col, births_col) = (col("name"), col("sex"), col("births_since_1950"));
    let mut births: HashMap<String, u64> = HashMap::new();
    // lowercase name -> births of boys since 1950
    let mut boys: HashMap<String, u64> = HashMap::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(name), Some(count)) = (f.get(name_col), f.get(births_col)) else {
            continue;
        };
        let plain = name.len() >= 2 && name.chars().all(|c| c.is_ascii_alphabetic());
        if let (true, Ok(count)) = (plain, count.parse::<u64>()) {
            *births.entry(name.to_ascii_lowercase()).or_default() += count;
            if f.get(sex_col) == Some(&"M") {
                *boys.entry(name.to_ascii_lowercase()).or_default() += count;
            }
        }
    }
    // lowercase name -> (capitalised inside a sentence, written in lowercase)
    let mut uses: HashMap<String, (u32, u32)> = births
        .iter()
        .filter(|(_, &b)| b >= MIN_BIRTHS)
        .map(|(n, _)| (n.clone(), (0, 0)))
        .collect();

    let news_text = read(news);
    let mut lines = news_text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let text_col = header.iter().position(|h| *h == "text").unwrap_or(0);
    for line in lines {
        let Some(text) = line.split('\t').nth(text_col) else {
            continue;
        };
        let bytes = text.as_bytes();
        let mut prev_end = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let end = i;
            let token = &text[start..end];
            // A word glued to other letters or digits ("O'Mark", "Will2") is not counted.
            let glued = text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '\'')
                || text[end..].starts_with(|c: char| c.is_alphanumeric());
            let gap = &text[prev_end..start];
            prev_end = end;
            if glued {
                continue;
            }
            let Some(entry) = uses.get_mut(&token.to_ascii_lowercase()) else {
                continue;
            };
            let first_upper = bytes[start].is_ascii_uppercase();
            let rest_lower = token.bytes().skip(1).all(|b| b.is_ascii_lowercase());
            // Inside a sentence: the text since the last word ends no sentence.
            let sentence_start = start == 0 || gap.contains(['.', '!', '?', '"', '“', ':']);
            // Both counts inside a sentence: a lowercase byline after a quotation ("...
            // provider.” julie hirschfeld davis") is a name set in lowercase, not a word.
            if first_upper && rest_lower && !sentence_start {
                entry.0 += 1;
            } else if token.bytes().all(|b| b.is_ascii_lowercase()) && !sentence_start {
                entry.1 += 1;
            }
        }
    }
    let kept: BTreeSet<(String, &str)> = uses
        .into_iter()
        .filter(|(_, (name, word))| *name >= MIN_NAME_USES && *name >= NAME_TO_WORD * *word)
        .map(|(n, _)| {
            let total = births.get(&n).copied().unwrap_or(0) as f64;
            let male = boys.get(&n).copied().unwrap_or(0) as f64;
            let sex = if male >= ONE_SEX * total {
                "\tM"
            } else if total - male >= ONE_SEX * total {
                "\tF"
            } else {
                ""
            };
            let mut c = n.chars();
            let name = c
                .next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default();
            (name, sex)
        })
        .collect();
    println!(
        "# US given names (SSA, public domain) that AllSides news writes as names, not words;"
    );
    println!("# rebuilt by examples/build_given_names.rs. One name a line, then a tab and M or F");
    println!("# when nine in ten of the babies given it since 1950 were boys or girls.");
    for (name, sex) in kept {
        println!("{name}{sex}");
    }
}
