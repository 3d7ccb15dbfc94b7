//! Name lists (countries, cities, first names, organisation suffixes, ...) matched against
//! token sequences. A match gives the tokens it covers a feature per list ("inside a city
//! name, first token"), which the model weighs like any other feature. The lists travel
//! inside the model file, so a model always tags with the lists it was trained with.
//!
//! Matching is on lowercased tokens and starts only at a token whose first char is not
//! lowercase, so "turkey" in running text is not a country but "TURKEY" in a headline is.

use std::path::Path;

use anyhow::Context;

use crate::hash::{hash_lower, mix, HashKeyed};
use crate::token_info::normalize;

/// At most this many lists: each uses two bits (first token, later token) of a `u32`.
pub(crate) const MAX_LISTS: usize = 16;
/// Longer entries are ignored; they would only cost lookups.
const MAX_ENTRY_TOKENS: usize = 6;

/// One named list with its entries, one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameList {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    pub lists: Vec<NameList>,
    /// Hash of a lowercased token sequence -> bit mask of the lists that contain it.
    entries: HashKeyed<u16>,
    /// Hash of a lowercased first token -> the longest entry starting with it.
    first_tokens: HashKeyed<u8>,
}

/// The lists that ship with the crate (see data/gazetteers/ for their provenance).
pub(crate) fn builtin_lists() -> Vec<NameList> {
    macro_rules! list {
        ($name:literal, $file:literal) => {
            NameList {
                name: $name.to_string(),
                text: include_str!(concat!("../data/gazetteers/", $file)).to_string(),
            }
        };
    }
    vec![
        list!("location.country", "location.country.txt"),
        list!("location.city", "location.city.txt"),
        list!("location.region", "location.region.txt"),
        list!("location.extra", "location.extra.hand.txt"),
        list!("misc.demonym", "misc.demonym.hand.txt"),
        list!("person.first", "person.first.txt"),
        list!("person.last", "person.last.txt"),
        list!("person.title", "person.title.hand.txt"),
        list!("org.suffix", "org.suffix.hand.txt"),
        list!("org.keyword", "org.keyword.hand.txt"),
        list!("org.known", "org.known.hand.txt"),
    ]
}

/// Lists from a folder: every `*.txt` file, named after the file without `.hand.txt`/`.txt`,
/// in file-name order.
/// Whether a word is in the built-in first-name or surname list (US census and given-name
/// data; case-insensitive). Rules after the tagger use it to keep a word that may be a
/// person's name from being retyped on weaker evidence.
pub fn is_listed_person_name(word: &str) -> bool {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        [
            include_str!("../data/gazetteers/person.first.txt"),
            include_str!("../data/gazetteers/person.last.txt"),
        ]
        .iter()
        .flat_map(|list| list.lines())
        .map(|line| line.trim().to_lowercase())
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
    });
    names.contains(&word.to_lowercase())
}

pub(crate) fn lists_from_dir(dir: &Path) -> anyhow::Result<Vec<NameList>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading gazetteer folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut lists = Vec::new();
    for path in paths {
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let name = file
            .trim_end_matches(".txt")
            .trim_end_matches(".hand")
            .to_string();
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        lists.push(NameList { name, text });
    }
    anyhow::ensure!(
        lists.len() <= MAX_LISTS,
        "at most {MAX_LISTS} gazetteer lists, found {}",
        lists.len()
    );
    Ok(lists)
}

/// Hash of a sequence of lowercased-token hashes.
fn sequence_hash(token_hashes: &[u64]) -> u64 {
    token_hashes.iter().fold(0x5EED, |acc, &h| mix(acc, h))
}

impl Gazetteer {
    pub fn new(lists: Vec<NameList>) -> Self {
        let mut gazetteer = Gazetteer {
            lists: Vec::new(),
            entries: HashKeyed::default(),
            first_tokens: HashKeyed::default(),
        };
        for (index, list) in lists.iter().enumerate().take(MAX_LISTS) {
            for line in list.text.lines() {
                let entry = line.trim();
                if entry.is_empty() || entry.starts_with('#') {
                    continue;
                }
                let hashes: Vec<u64> = newsmill_text::tokenize(entry)
                    .iter()
                    .map(|t| hash_lower(&normalize(t.text(entry))))
                    .collect();
                if hashes.is_empty() || hashes.len() > MAX_ENTRY_TOKENS {
                    continue;
                }
                *gazetteer.entries.entry(sequence_hash(&hashes)).or_default() |= 1 << index;
                let longest = gazetteer.first_tokens.entry(hashes[0]).or_default();
                *longest = (*longest).max(hashes.len() as u8);
            }
        }
        gazetteer.lists = lists.into_iter().take(MAX_LISTS).collect();
        gazetteer
    }

    /// For each token, a bit mask: bit `2*list` = first token of a match of that list, bit
    /// `2*list+1` = a later token of one. `lower` holds the tokens' lowercase hashes and
    /// `can_start` whether a match may begin at each token.
    pub fn mark(&self, lower: &[u64], can_start: &[bool], out: &mut [u32]) {
        for start in 0..lower.len() {
            if !can_start.get(start).copied().unwrap_or(false) {
                continue;
            }
            let Some(&longest) = self.first_tokens.get(&lower[start]) else {
                continue;
            };
            let mut acc = 0x5EED;
            for len in 1..=usize::from(longest).min(lower.len() - start) {
                acc = mix(acc, lower[start + len - 1]);
                let Some(&mask) = self.entries.get(&acc) else {
                    continue;
                };
                for list in 0..MAX_LISTS {
                    if mask & (1 << list) == 0 {
                        continue;
                    }
                    out[start] |= 1 << (2 * list);
                    for slot in &mut out[start + 1..start + len] {
                        *slot |= 1 << (2 * list + 1);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_multi_token_matches_case_insensitively() {
        let gaz = Gazetteer::new(vec![
            NameList {
                name: "city".into(),
                text: "New York\nYork\n# comment\n".into(),
            },
            NameList {
                name: "country".into(),
                text: "Turkey\n".into(),
            },
        ]);
        let words = ["in", "NEW", "YORK", "and", "Turkey", "turkey"];
        let lower: Vec<u64> = words.iter().map(|w| hash_lower(w)).collect();
        let can_start: Vec<bool> = words
            .iter()
            .map(|w| !w.starts_with(char::is_lowercase))
            .collect();
        let mut out = vec![0u32; words.len()];
        gaz.mark(&lower, &can_start, &mut out);
        assert_eq!(out, [0, 0b01, 0b11, 0, 0b100, 0]);
    }

    #[test]
    fn builtin_lists_load() {
        let lists = builtin_lists();
        assert!(lists.len() <= MAX_LISTS);
        let gaz = Gazetteer::new(lists);
        let words = ["Germany"];
        let mut out = [0u32];
        gaz.mark(&[hash_lower(words[0])], &[true], &mut out);
        assert_ne!(out[0], 0);
    }
}
