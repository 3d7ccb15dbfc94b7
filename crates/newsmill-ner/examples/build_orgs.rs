//! Rebuilds `data/frequent_orgs.tsv`, organisations named often in modern US and world
//! news:
//!
//! ```sh
//! cargo run --release -p newsmill-ner --example build_orgs -- \
//!     ../shared/data/news-text/allsides_news/allsides_news.tsv \
//!     > crates/newsmill-ner/data/frequent_orgs.tsv
//! ```
//!
//! The embedded tagger reads every article (`text` column) of the unlabelled AllSides news
//! (2012-2020, 70+ outlets); every span it tags (one to five words, each capitalised or a
//! connector: "of", "for", "and", "the", "&") is counted under each type it gets. A name is
//! kept when it was typed organisation at least `MIN_COUNT` times and in at least
//! `MIN_SHARE` of its mentions, and is no place, nationality, misc name or known person of
//! the stage's other lists: frequency is the prominence, the share says the tagger itself
//! mostly knows it as an organisation, so a mention typed otherwise is the tagger's local
//! slip ("Breitbart" or "Facebook" typed place in one sentence). Laws and documents
//! ("Patriot Act"), offices ("Senate Majority Leader") and names the news writes in
//! lowercase five times as often as the tagger types them an organisation ("Climate
//! Change", "Labor") are left out. Rows: name, count, most
//! frequent first. Single-threaded and order-independent: the same input gives the same
//! file.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use newsmill_core::EntityKind;
use newsmill_ner::{ExtractEntities, Gazetteer, Settings};

const MIN_COUNT: u32 = 40;
const MIN_SHARE: f64 = 0.75;
/// A name written in lowercase this many times as often as it is typed organisation is an
/// ordinary word ("Labor" 54 times, "labor" 1,445; "Climate Change" 44, "climate change"
/// 1,714). Names the news also writes in lowercase but still mostly as a name stay ("Tea
/// Party" 495 against 579, "Judiciary" 60 against 218). Acronyms are exempt: "WHO" is not
/// "who".
const LOWERCASE_RATIO: u32 = 5;

/// Spans that are no name on their own: a bare head word ("Department", "Court"), a cut
/// phrase ("Department of"), a party-state label ("R-AZ"), a one-word transcript mark in
/// capitals ("SOUNDBITE", "WATCHED": news acronyms are shorter).
fn is_fragment(name: &str, gaz: &Gazetteer) -> bool {
    let one_word = !name.contains(' ');
    (one_word && gaz.is_org_head(name))
        || name.ends_with(" of")
        || name.ends_with(" for")
        || name.ends_with(" and")
        || name.ends_with(" the")
        || (one_word && name.len() >= 6 && name.chars().all(|c| c.is_ascii_uppercase()))
        || name
            .split_once('-')
            .is_some_and(|(party, _)| matches!(party, "R" | "D" | "I"))
}

/// Last words of a law or other document's name: "Affordable Care Act", "Patriot Act",
/// "First Amendment" are misc for the stage (its own rule, `works`), never organisations.
const DOCUMENT_HEADS: &[&str] = &[
    "Act",
    "Amendment",
    "Bill",
    "Treaty",
    "Accord",
    "Accords",
    "Agreement",
    "Declaration",
    "Constitution",
];

/// A name that is no organisation's for other reasons than its type counts: a document
/// ("Patriot Act"), or ending in a title ("Senate Majority Leader": the office, before a
/// holder's name).
fn is_document_or_office(name: &str, gaz: &Gazetteer) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.last().copied().unwrap_or("");
    DOCUMENT_HEADS.contains(&last)
        || (words.len() >= 2 && (1..words.len()).any(|k| gaz.is_title(&words[k..].join(" "))))
}

/// How often each name is written in lowercase as whole words ("climate change",
/// "labor", "strategic"): a name the news writes far more often as ordinary words than
/// the tagger types it an organisation is a word that opens sentences and headlines.
fn lowercase_counts(news: &str, names: &[&String]) -> HashMap<String, u32> {
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&lower)
        .expect("names build an automaton");
    let mut counts: HashMap<String, u32> = HashMap::new();
    for found in matcher.find_iter(news) {
        let (s, e) = (found.start(), found.end());
        let bounded = !news[..s].ends_with(char::is_alphanumeric)
            && !news[e..].starts_with(char::is_alphanumeric);
        if bounded {
            *counts
                .entry(names[found.pattern().as_usize()].to_string())
                .or_default() += 1;
        }
    }
    counts
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [news] = &args[..] else {
        eprintln!("usage: build_orgs NEWS.tsv > frequent_orgs.tsv");
        std::process::exit(2);
    };
    let news_text = std::fs::read_to_string(news).unwrap_or_else(|e| {
        eprintln!("{news}: {e}");
        std::process::exit(1)
    });
    let mut lines = news_text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let text_col = header.iter().position(|h| *h == "text").unwrap_or(0);
    let stage = ExtractEntities::new(Settings::default());
    let gaz = Gazetteer::embedded();
    // name -> (typed organisation, typed otherwise)
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
            let shaped = (1..=5).contains(&words.len())
                && words
                    .first()
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
                && words.iter().all(|w| {
                    w.starts_with(char::is_uppercase)
                        || matches!(*w, "of" | "for" | "and" | "the" | "&")
                });
            if !shaped || span.chars().count() < 2 {
                continue;
            }
            let entry = counts.entry(span.to_string()).or_insert((0, 0));
            if kind == EntityKind::Organization {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    let mut kept: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|(name, (org, other))| {
            *org >= MIN_COUNT
                && f64::from(*org) >= MIN_SHARE * f64::from(org + other)
                && !gaz.is_any_place(name)
                && !gaz.is_demonym(name)
                && !gaz.is_misc(name)
                && !gaz.is_known_person(name)
                && !gaz.is_title(name)
                && !is_fragment(name, gaz)
        })
        .map(|(name, (org, _))| (name, org))
        .filter(|(name, _)| !is_document_or_office(name, gaz))
        .collect();
    let names: Vec<&String> = kept.iter().map(|(name, _)| name).collect();
    let lowercase = lowercase_counts(&news_text, &names);
    kept.retain(|(name, org)| {
        let acronym = name.chars().all(|c| !c.is_lowercase());
        acronym || lowercase.get(name).copied().unwrap_or(0) < LOWERCASE_RATIO * org
    });
    kept.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("# Organisations the embedded tagger names most in AllSides news (research use); rebuilt by examples/build_orgs.rs");
    for (name, count) in kept {
        println!("{name}\t{count}");
    }
}
