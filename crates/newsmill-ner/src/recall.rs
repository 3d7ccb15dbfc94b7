//! Mentions the tagger missed, added conservatively, never over a mention it found:
//! - gazetteer places and nationalities that stand alone (not inside a longer capitalised
//!   name: "New York" in "New York Times" is left to the tagger);
//! - a name right after a person title or role ("Maj. Gen. Mohammad al-Karawi",
//!   "envoy Robert Ford");
//! - later occurrences of names the article already has (a person's surname, an acronym,
//!   any tagged name written the same way), so one missed token does not lose a mention;
//! - a known given name before the surname of a person the article names in full: the
//!   relative the tagger missed or cut to the surname ("Melania Trump" beside "Donald Trump").

use std::collections::BTreeMap;

use newsmill_core::EntityKind;

use crate::candidate::{Candidate, Overlaps};
use crate::fold::key;
use crate::gazetteer::{title_key, Gazetteer};
use crate::name_search::NameSearch;
use crate::retype::is_domain_name;
use crate::words::{is_capitalised, is_particle_name, joined, Word};

const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "de", "du", "des", "la", "le", "del", "on",
];

/// Capitalised words that start sentences without being part of a name ("The British-based").
pub(crate) const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "From", "For", "With", "By", "After", "Before", "Last",
    "This", "That", "These", "Those", "But", "And", "Of", "To", "As", "Since", "When", "While",
    "If", "Its", "His", "Her", "Their", "Our", "Both", "Many", "Some", "All", "Most", "Every",
    "Two", "Three", "Several", "Other",
];

fn capitalised_at(text: &str, words: &[Word], i: usize) -> bool {
    words.get(i).is_some_and(|w| is_capitalised(w.text(text)))
}

/// Whether word `i` continues a capitalised name that starts before it.
fn inside_longer_name(text: &str, words: &[Word], i: usize) -> bool {
    if i == 0 || !joined(&words[i - 1], &words[i]) {
        return false;
    }
    let prev = words[i - 1].text(text);
    if is_capitalised(prev) && !prev.ends_with('.') && !SENTENCE_STARTERS.contains(&prev) {
        return true;
    }
    CONNECTORS.contains(&prev)
        && i >= 2
        && joined(&words[i - 2], &words[i - 1])
        && capitalised_at(text, words, i - 2)
}

fn followed_by_name(text: &str, words: &[Word], last: usize) -> bool {
    words
        .get(last + 1)
        .is_some_and(|next| joined(&words[last], next) && is_capitalised(next.text(text)))
}

/// Adds standalone gazetteer places (locations) and nationalities (misc).
pub fn add_places(
    block: usize,
    text: &str,
    words: &[Word],
    gaz: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    let mut added = Vec::new();
    let taken = Overlaps::new(cands);
    let mut i = 0;
    while i < words.len() {
        let start_word = words[i].text(text);
        if !is_capitalised(start_word)
            || !gaz.may_start_place(start_word)
            || inside_longer_name(text, words, i)
        {
            i += 1;
            continue;
        }
        let mut matched = 0;
        let longest = gaz.max_place_words.min(words.len() - i);
        for n in (1..=longest).rev() {
            if (i..i + n - 1).any(|k| !joined(&words[k], &words[k + 1])) {
                continue;
            }
            let name = &text[words[i].start..words[i + n - 1].end];
            let kind = match gaz.place(name) {
                Some(place) if !place.weak => EntityKind::Location,
                Some(_) => continue,
                None if n == 1 && gaz.is_demonym(name) => EntityKind::Misc,
                None => continue,
            };
            if !followed_by_name(text, words, i + n - 1) {
                let (s, e) = (words[i].start, words[i + n - 1].end);
                if !taken.any(block, s, e) {
                    added.push(Candidate::new(block, s, e, kind));
                }
            }
            matched = n;
            break;
        }
        i += matched.max(1);
    }
    cands.extend(added);
}

/// Adds standalone frequent organisations (`frequent_orgs.tsv`) the tagger missed
/// ("Breitbart reported"): the name exactly as the list writes it, not inside or before a
/// longer capitalised name, and, for one word, not opening a sentence ("House prices
/// rose"), where a capital says nothing.
pub fn add_frequent_orgs(
    block: usize,
    text: &str,
    words: &[Word],
    gaz: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    let mut added = Vec::new();
    let taken = Overlaps::new(cands);
    let mut i = 0;
    while i < words.len() {
        let first = words[i].text(text);
        if !is_capitalised(first)
            || !gaz.may_start_frequent_org(first)
            || inside_longer_name(text, words, i)
        {
            i += 1;
            continue;
        }
        let mut matched = 0;
        let longest = gaz.max_frequent_org_words.min(words.len() - i);
        for n in (1..=longest).rev() {
            if (i..i + n - 1).any(|k| !joined(&words[k], &words[k + 1])) {
                continue;
            }
            let (s, e) = (words[i].start, words[i + n - 1].end);
            if !gaz.is_frequent_org_form(&text[s..e]) {
                continue;
            }
            let opens_sentence =
                i == 0 || text[words[i - 1].end..s].contains(['.', '?', '!', ':', '"', '“']);
            // Inner capitals ("YouTube", "CNN") are no sentence capital.
            let plain = text[s..e].chars().skip(1).all(|c| !c.is_uppercase());
            let sentence_initial_word = n == 1 && opens_sentence && plain;
            if !sentence_initial_word
                && !followed_by_name(text, words, i + n - 1)
                && !taken.any(block, s, e)
            {
                added.push(Candidate::new(block, s, e, EntityKind::Organization));
            }
            matched = n;
            break;
        }
        i += matched.max(1);
    }
    cands.extend(added);
}

/// Adds a capitalised site name ("Change.org", "Amazon.com") as an organisation: the tagger
/// rarely tags such tokens, or tags only the part before the dot. Tagger spans inside the
/// word give way; a span reaching beyond it keeps the word.
pub fn add_sites(block: usize, text: &str, words: &[Word], cands: &mut Vec<Candidate>) {
    for w in words {
        let word = w.text(text);
        if !is_capitalised(word) || !is_domain_name(word) {
            continue;
        }
        let beyond = cands
            .iter()
            .any(|c| c.overlaps(block, w.start, w.end) && (c.start < w.start || c.end > w.end));
        if !beyond {
            cands.retain(|c| !c.overlaps(block, w.start, w.end));
            cands.push(Candidate::new(
                block,
                w.start,
                w.end,
                EntityKind::Organization,
            ));
        }
    }
}

/// Number of words of the title starting at word `i` (0 when none).
fn title_len(text: &str, words: &[Word], i: usize, gaz: &Gazetteer) -> usize {
    if !gaz.may_start_title(words[i].text(text)) {
        return 0;
    }
    let longest = gaz.max_title_words.min(words.len() - i);
    (1..=longest)
        .rev()
        .find(|&n| {
            (i..i + n - 1).all(|k| joined(&words[k], &words[k + 1]))
                && gaz.is_title_key(&title_key(&text[words[i].start..words[i + n - 1].end]))
        })
        .unwrap_or(0)
}

/// Adds a person for a name that follows a title or role and that the tagger missed or cut.
pub fn add_titled_people(
    block: usize,
    text: &str,
    words: &[Word],
    gaz: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    let mut i = 0;
    while i < words.len() {
        let mut end_of_titles = i;
        loop {
            let n = title_len(text, words, end_of_titles, gaz);
            if n == 0
                || end_of_titles + n >= words.len()
                || !joined(&words[end_of_titles + n - 1], &words[end_of_titles + n])
            {
                end_of_titles += n;
                break;
            }
            end_of_titles += n;
        }
        if end_of_titles == i {
            i += 1;
            continue;
        }
        let first = end_of_titles;
        if first > i && first < words.len() && joined(&words[first - 1], &words[first]) {
            if let Some(last) = name_end(text, words, first, gaz) {
                let (s, e) = (words[first].start, words[last].end);
                add_person(block, s, e, cands);
                // "Del." typed organisation before "Stacey Plaskett": a mention made of
                // the title words alone is the title, now that the name after it is found.
                let titles = (words[i].start, words[first - 1].end);
                let named = cands
                    .iter()
                    .any(|c| c.block == block && c.start == s && c.kind == EntityKind::Person);
                if named {
                    cands.retain(|c| {
                        !(c.block == block && c.start == titles.0 && c.end <= titles.1)
                    });
                }
            }
        }
        i = end_of_titles.max(i + 1);
    }
}

/// The last word of a personal name starting at `first`, if it is one.
fn name_end(text: &str, words: &[Word], first: usize, gaz: &Gazetteer) -> Option<usize> {
    let is_name_word = |w: &str| (is_capitalised(w) && !gaz.is_org_head(w)) || is_particle_name(w);
    if !is_name_word(words[first].text(text)) {
        return None;
    }
    let mut last = first;
    while last + 1 < words.len() && last + 1 - first < 4 && joined(&words[last], &words[last + 1]) {
        let next = words[last + 1].text(text);
        let particle_then_name = crate::fold::is_particle(next)
            && words
                .get(last + 2)
                .is_some_and(|w| joined(&words[last + 1], w) && is_capitalised(w.text(text)));
        if is_name_word(next) {
            last += 1;
        } else if particle_then_name {
            last += 2;
        } else {
            break;
        }
    }
    if followed_by_name(text, words, last)
        || words
            .get(last + 1)
            .is_some_and(|w| gaz.is_org_head(w.text(text)))
    {
        // The capitalised run goes on into something that is not a name ("General Motors").
        return None;
    }
    let name = &text[words[first].start..words[last].end];
    let first_word = words[first].text(text);
    let not_a_person = gaz.place(name).is_some()
        || gaz.place(first_word).is_some_and(|p| !p.weak)
        || gaz.is_demonym(first_word)
        || gaz.is_known_org(name)
        || gaz.looks_like_org(name)
        || gaz.is_title(first_word);
    (!not_a_person).then_some(last)
}

/// Adds a person over `s..e`, replacing candidates that lie inside it; skipped when an
/// overlapping candidate reaches outside (the tagger saw a different name there).
fn add_person(block: usize, s: usize, e: usize, cands: &mut Vec<Candidate>) {
    let overlapping = |c: &Candidate| c.overlaps(block, s, e);
    if cands
        .iter()
        .filter(|c| overlapping(c))
        .any(|c| c.start < s || c.end > e)
    {
        return;
    }
    if cands
        .iter()
        .any(|c| c.block == block && c.start == s && c.end == e && c.kind == EntityKind::Person)
    {
        return;
    }
    cands.retain(|c| !overlapping(c));
    cands.push(Candidate::new(block, s, e, EntityKind::Person));
}

/// Words that are never propagated on their own, whatever the tagger said: function words,
/// and months and weekdays (a surname "May" must not claim every "in May").
const NOT_ALIASES: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "mr",
    "mrs",
    "ms",
    "dr",
    "his",
    "her",
    "its",
    "if",
    "as",
    "for",
    "of",
    "to",
    "by",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a name may be searched for elsewhere in the article: capitalised (or a particle
/// name), not a function word or title, and, when it is one short word, an acronym.
fn usable_alias(name: &str, gaz: &Gazetteer) -> bool {
    let capitalised = name.starts_with(char::is_uppercase) || is_particle_name(name);
    let short_word = name.chars().count() < 3 && !name.contains(' ');
    capitalised
        && (!short_word || crate::acronyms::is_acronym(name))
        && !NOT_ALIASES.contains(&key(name).as_str())
        && !gaz.is_title(name)
}

/// Adds every further occurrence of a name the article already has: the names themselves
/// and, for people, the surname with and without its particle ("al-Assad", "Assad").
pub fn propagate_aliases(blocks: &[&str], gaz: &Gazetteer, cands: &mut Vec<Candidate>) {
    let mut aliases: BTreeMap<String, EntityKind> = BTreeMap::new();
    for c in cands.iter() {
        let name = c.text(blocks);
        if usable_alias(name, gaz) {
            aliases.entry(name.to_string()).or_insert(c.kind);
        }
        if c.kind != EntityKind::Person {
            continue;
        }
        let Some(last) = name
            .split_whitespace()
            .nth(1)
            .and(name.split_whitespace().next_back())
        else {
            continue;
        };
        for surname in [
            Some(last),
            last.split_once('-')
                .map(|(_, rest)| rest)
                .filter(|_| is_particle_name(last)),
        ]
        .into_iter()
        .flatten()
        {
            if surname.len() >= 3 && usable_alias(surname, gaz) && gaz.place(surname).is_none() {
                aliases
                    .entry(surname.to_string())
                    .or_insert(EntityKind::Person);
            }
        }
    }
    if aliases.is_empty() {
        return;
    }
    let patterns: Vec<&str> = aliases.keys().map(String::as_str).collect();
    let search = NameSearch::new(&patterns);
    let mut added = Vec::new();
    let taken = Overlaps::new(cands);
    for (block, text) in blocks.iter().enumerate() {
        for (s, e, pattern) in search.find_iter(text) {
            let before_ok = text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[e..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok && !taken.any(block, s, e) {
                added.push(Candidate::new(block, s, e, aliases[patterns[pattern]]));
            }
        }
    }
    cands.extend(added);
}

/// Adds "Given Surname" where the surname is that of a person the article names in full
/// and the word before it is a known given name: a spouse or child ("Melania Trump",
/// "Chelsea Clinton") that the tagger missed or typed as the surname alone, which then
/// merged into the other person. Not over a longer capitalised name, a place or a title
/// ("Georgia Trump" is not a person), and never over a span the tagger saw reaching further.
/// `block_words[b]` are the words of `blocks[b]` (`words::words` with the gazetteer's titles).
pub fn add_relatives(
    blocks: &[&str],
    block_words: &[Vec<Word>],
    gaz: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    // surname -> the given names of the people named in full with it. Only names shaped
    // like a person's (a known given name first, or a known person) count: a tagger's
    // "Hylands Park" must not make every "Park" a surname.
    let mut surnames: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for c in cands.iter().filter(|c| c.kind == EntityKind::Person) {
        let name = c.text(blocks);
        let mut words = name.split_whitespace();
        let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
            continue;
        };
        let person_shaped = gaz.is_given_name(first) || gaz.is_known_person(name);
        if person_shaped && last.len() >= 2 && is_capitalised(last) && !gaz.is_org_head(last) {
            surnames.entry(last).or_default().push(first);
        }
    }
    if surnames.is_empty() {
        return;
    }
    // A surname the article also writes in lowercase is a common noun there ("Scott County"
    // and "the county"): no relatives are read off it. Checked only for the surnames of
    // pairs found, which few articles have, as it reads the whole article.
    let written_lowercase = |surname: &str| {
        let lower = surname.to_lowercase();
        blocks.iter().any(|b| {
            b.match_indices(lower.as_str()).any(|(at, m)| {
                !b[..at].ends_with(char::is_alphanumeric)
                    && !b[at + m.len()..].starts_with(char::is_alphanumeric)
            })
        })
    };
    let mut common_noun: BTreeMap<&str, bool> = BTreeMap::new();
    let mut found = Vec::new();
    for (block, text) in blocks.iter().enumerate() {
        if !surnames.keys().any(|s| text.contains(s)) {
            continue;
        }
        let Some(ws) = block_words.get(block) else {
            continue;
        };
        for i in 0..ws.len().saturating_sub(1) {
            let (given, surname) = (&ws[i], &ws[i + 1]);
            let (g, s) = (given.text(text), surname.text(text));
            let Some(holders) = surnames.get(s) else {
                continue;
            };
            let adjacent =
                !given.trail && surname.lead.is_none() && &text[given.end..surname.start] == " ";
            // "Donald Trump", "Gov. Jeb Bush": the word before is part of the name.
            let inside_name = i > 0 && !ws[i - 1].trail && capitalised_at(text, ws, i - 1);
            // A relative has a given name of their own: "Donald Trump" beside "Donald J.
            // Trump" is the same man.
            let other_person = !holders.contains(&g);
            let plausible_given = gaz.is_given_name(g)
                && !gaz.is_any_place(g)
                && !gaz.is_title(g)
                && !NOT_ALIASES.contains(&key(g).as_str());
            let place = gaz.is_any_place(&text[given.start..surname.end]);
            if adjacent
                && !inside_name
                && other_person
                && plausible_given
                && !place
                && !*common_noun.entry(s).or_insert_with(|| written_lowercase(s))
            {
                found.push((block, given.start, surname.end));
            }
        }
    }
    for (block, start, end) in found {
        add_person(block, start, end, cands);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    fn run(
        text: &str,
        step: fn(usize, &str, &[Word], &Gazetteer, &mut Vec<Candidate>),
        cands: &mut Vec<Candidate>,
    ) -> Vec<(String, EntityKind)> {
        let gaz = Gazetteer::embedded();
        let w = words(text, &|t| gaz.is_title(t));
        step(0, text, &w, gaz, cands);
        cands.sort_by_key(|c| c.start);
        cands
            .iter()
            .map(|c| (text[c.start..c.end].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn adds_standalone_places_only() {
        use EntityKind::*;
        let text = "Fighting in Anbar province and the New York Times office near Nineveh. Syrian forces left Saudi Arabia.";
        let got = run(text, add_places, &mut Vec::new());
        assert_eq!(
            got,
            [
                ("Anbar".into(), Location),
                ("Nineveh".into(), Location),
                ("Syrian".into(), Misc),
                ("Saudi Arabia".into(), Location)
            ]
        );
    }

    #[test]
    fn adds_relatives_named_with_a_given_name_and_the_article_surname() {
        use EntityKind::*;
        let gaz = Gazetteer::embedded();
        let text = "Donald Trump spoke. Melania Trump waved and Donald Trump left. \
                    Voters across Georgia Trump won. Scott County voted; the county was calm.";
        let at = |w: &str| text.find(w).unwrap();
        let mut cands = vec![
            Candidate::new(0, 0, 12, Person),
            Candidate::new(0, at("Trump waved"), at("Trump waved") + 5, Person),
            Candidate::new(0, at("Scott"), at("Scott") + 12, Person),
        ];
        let block_words = [words(text, &|t| gaz.is_title(t))];
        add_relatives(&[text], &block_words, gaz, &mut cands);
        cands.sort_by_key(|c| c.start);
        let got: Vec<&str> = cands.iter().map(|c| &text[c.start..c.end]).collect();
        // Melania replaces the lone surname; the second "Donald Trump" is the same man;
        // "Georgia" is a place (whatever the grammar); "County" is a common noun here.
        assert_eq!(got, ["Donald Trump", "Melania Trump", "Scott County"]);
    }

    #[test]
    fn adds_names_after_titles() {
        use EntityKind::*;
        let text = "after Maj. Gen. Mohammad al-Karawi, the envoy Robert Ford met Prime Minister al-Maliki and General Motors.";
        let mut cands = vec![Candidate::new(
            0,
            text.find("Mohammad").unwrap(),
            text.find("Mohammad").unwrap() + 8,
            Person,
        )];
        let got = run(text, add_titled_people, &mut cands);
        assert_eq!(
            got,
            [
                ("Mohammad al-Karawi".into(), Person),
                ("Robert Ford".into(), Person),
                ("al-Maliki".into(), Person)
            ]
        );
    }

    #[test]
    fn a_stopped_abbreviation_is_a_title_and_its_bare_form_a_name() {
        use EntityKind::*;
        let text = "said Del. Stacey Plaskett of the Virgin Islands, as Benicio Del Toro watched.";
        let at = |w: &str| text.find(w).unwrap();
        let mut cands = vec![
            Candidate::new(0, at("Del."), at("Del.") + 4, Organization),
            Candidate::new(0, at("Benicio"), at("Benicio") + 16, Person),
        ];
        let got = run(text, add_titled_people, &mut cands);
        assert_eq!(
            got,
            [
                ("Stacey Plaskett".into(), Person),
                ("Benicio Del Toro".into(), Person)
            ]
        );
    }

    #[test]
    fn propagates_names_and_surnames() {
        let blocks = [
            "President Bashar al-Assad spoke.",
            "Assad and the FSA; al-Assad’s FSA-led ASSAD",
        ];
        let mut cands = vec![
            Candidate::new(0, 10, 25, EntityKind::Person),
            Candidate::new(1, 14, 17, EntityKind::Organization),
        ];
        propagate_aliases(&blocks, Gazetteer::embedded(), &mut cands);
        let got: Vec<&str> = cands.iter().map(|c| c.text(&blocks)).collect();
        assert_eq!(got, ["Bashar al-Assad", "FSA", "Assad", "al-Assad", "FSA"]);
    }
}

#[cfg(test)]
mod alias_tests {
    use super::*;
    use crate::words::words;

    #[test]
    fn months_and_short_words_are_not_propagated() {
        let blocks = [
            "Theresa May and Al Smith spoke.",
            "In May, Al Qaeda and Smith and the US",
        ];
        let mut cands = vec![
            Candidate::new(0, 0, 11, EntityKind::Person),
            Candidate::new(0, 16, 24, EntityKind::Person),
            Candidate::new(1, 35, 37, EntityKind::Location),
        ];
        propagate_aliases(&blocks, Gazetteer::embedded(), &mut cands);
        let got: Vec<&str> = cands.iter().map(|c| c.text(&blocks)).collect();
        assert_eq!(got, ["Theresa May", "Al Smith", "US", "Smith"]);
        assert!(
            !usable_alias("Al", Gazetteer::embedded()) && usable_alias("US", Gazetteer::embedded())
        );
    }

    #[test]
    fn frequent_organisations_the_tagger_missed() {
        let gaz = Gazetteer::embedded();
        let added = |text: &str| {
            let w = words(text, &|t| gaz.is_title(t));
            let mut cands = Vec::new();
            add_frequent_orgs(0, text, &w, gaz, &mut cands);
            cands
                .iter()
                .map(|c| text[c.start..c.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            added("It was reported by Breitbart on Monday."),
            ["Breitbart"]
        );
        assert_eq!(
            added("Breitbart News said. CNN agreed."),
            ["Breitbart News", "CNN"]
        );
        assert!(added("Breitbart said so.").is_empty());
        assert!(added("the Breitbart Tower fell").is_empty());
        assert!(added("BREITBART reported").is_empty());
    }
}
