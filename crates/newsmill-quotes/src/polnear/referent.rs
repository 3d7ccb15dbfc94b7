//! What a PolNeAR Source span is (a name, a pronoun, a noun phrase) and which name the
//! article gives for it, so a predicted speaker can be scored against a name. PolNeAR has
//! no coreference, so the referent of a pronoun or noun phrase is recovered from the
//! article by the fixed rules below (docs/quotes.md, "PolNeAR"); where they find no name the
//! quotation is left out of speaker accuracy, never guessed.

use super::brat::Annotation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SourceKind {
    /// "Donald Trump", "Clinton spokesman Brian Fallon", "The Post".
    Named,
    /// "he", "she", "they", "I".
    Pronoun,
    /// "the CNN host", "officials", "the campaign".
    NounPhrase,
    /// An attribution without a Source span.
    None,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Named => "named",
            SourceKind::Pronoun => "pronoun",
            SourceKind::NounPhrase => "noun phrase",
            SourceKind::None => "no source",
        }
    }
}

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his", "i", "me"];
const GROUP_PRONOUNS: &[&str] = &["they", "we", "it", "them", "us", "its", "their"];
const OTHER_PRONOUNS: &[&str] = &["you", "one", "who", "which", "that"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "another", "one", "some", "several", "many", "two", "three",
];
/// Last words that make a capitalised name an organisation or a publication.
const ORG_WORDS: &[&str] = &[
    "post",
    "times",
    "news",
    "journal",
    "press",
    "party",
    "committee",
    "campaign",
    "department",
    "administration",
    "council",
    "court",
    "network",
    "institute",
    "foundation",
    "association",
    "center",
    "centre",
    "agency",
    "office",
    "senate",
    "congress",
    "democrats",
    "republicans",
    "group",
    "union",
    "commission",
    "bureau",
    "service",
    "company",
    "corporation",
    "inc",
    "university",
    "fund",
    "project",
    "report",
    "tribune",
    "herald",
    "magazine",
    "cnn",
    "fox",
    "msnbc",
    "abc",
    "nbc",
    "cbs",
    "npr",
    "reuters",
];

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The Source up to its first comma, parenthesis or relative clause: "Trump, who ..." -> "Trump".
fn head_part(source: &str) -> &str {
    let mut end = source.len();
    for stop in [",", "(", " who ", " which ", " — ", " - "] {
        if let Some(at) = source.find(stop) {
            end = end.min(at);
        }
    }
    let mut head = source[..end].trim();
    // "Chancellor Angela Merkel of Germany": after a two-word name, "of" opens the
    // affiliation ("Secretary of State John Kerry" keeps its "of").
    if let Some(at) = head.find(" of ") {
        let before = words(&head[..at]);
        let name_words = before.iter().rev().take_while(|w| starts_upper(w)).count();
        if name_words >= 2 {
            head = head[..at].trim();
        }
    }
    let head = head
        .strip_suffix("'s")
        .or_else(|| head.strip_suffix("’s"))
        .unwrap_or(head);
    head.trim()
}

pub fn classify_source(source: &str) -> SourceKind {
    let ws = words(source);
    if ws.len() == 1 {
        let w = ws[0].to_lowercase();
        if PERSON_PRONOUNS.contains(&w.as_str())
            || GROUP_PRONOUNS.contains(&w.as_str())
            || OTHER_PRONOUNS.contains(&w.as_str())
        {
            return SourceKind::Pronoun;
        }
    }
    let head = words(head_part(source));
    // "the former top aide to President Bush", "a longtime adviser to Trump": a lowercase
    // determiner with a common noun after it is a noun phrase whatever it ends with; "the
    // Washington Post" (only capitalised words after it) is a name.
    let determiner_phrase = head.first().is_some_and(|w| DETERMINERS.contains(w))
        && head[1..]
            .iter()
            .any(|w| !starts_upper(w) && !is_particle(w) && *w != "of");
    if determiner_phrase {
        SourceKind::NounPhrase
    } else if head.last().is_some_and(|w| starts_upper(w)) {
        SourceKind::Named
    } else {
        SourceKind::NounPhrase
    }
}

/// The trailing run of capitalised words of the head: "Clinton spokesman Brian Fallon" ->
/// "Brian Fallon".
pub fn head_name(source: &str) -> Option<String> {
    let ws = words(head_part(source));
    let mut start = ws.len();
    while start > 0 && (starts_upper(ws[start - 1]) || is_particle(ws[start - 1])) {
        start -= 1;
    }
    while start < ws.len() && is_particle(ws[start]) {
        start += 1;
    }
    (start < ws.len()).then(|| ws[start..].join(" "))
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van" | "von" | "der" | "la" | "al" | "bin" | "da" | "du"
    )
}

/// A name that reads as a person's: not "The ...", not an acronym, not ending in an
/// organisation word.
fn person_shaped(name: &str) -> bool {
    let ws = words(name);
    let Some(last) = ws.last() else {
        return false;
    };
    let acronym = last.chars().filter(|c| c.is_alphabetic()).count() > 1
        && last.chars().all(|c| !c.is_lowercase());
    ws[0] != "The" && !acronym && !ORG_WORDS.contains(&last.to_lowercase().as_str())
}

/// The name a Source refers to, or `None` when the article gives none.
pub fn resolve_referent(
    source: &str,
    kind: SourceKind,
    start: usize,
    text: &[char],
    ann: &Annotation,
) -> Option<String> {
    match kind {
        SourceKind::Named => head_name(source),
        SourceKind::Pronoun => {
            let w = words(source).first()?.to_lowercase();
            let person = if PERSON_PRONOUNS.contains(&w.as_str()) {
                true
            } else if GROUP_PRONOUNS.contains(&w.as_str()) {
                false
            } else {
                return None;
            };
            // The nearest earlier named Source of the same shape, and not of the other
            // gender when its courtesy title shows one ("she" is never "Mr Trump").
            let other_gender_titles: &[&str] = match w.as_str() {
                "he" | "him" | "his" => &["mrs", "ms", "miss"],
                "she" | "her" => &["mr"],
                _ => &[],
            };
            ann.sources_in_order()
                .into_iter()
                .rev()
                .filter(|(at, _)| *at < start)
                .filter(|(_, s)| classify_source(s) == SourceKind::Named)
                .filter_map(|(_, s)| head_name(s))
                .filter(|name| {
                    name_tokens(name)
                        .first()
                        .map_or(true, |t| !other_gender_titles.contains(&t.as_str()))
                })
                .find(|name| person_shaped(name) == person)
        }
        SourceKind::NounPhrase => noun_phrase_referent(source, start, text, ann),
        SourceKind::None => None,
    }
}

/// "the CNN host": the nearest earlier "CNN host Jake Tapper" or "Jake Tapper, the CNN
/// host" in the text, else the nearest earlier named Source whose words include the
/// phrase's head noun ("Clinton spokesman Brian Fallon" for "the spokesman").
fn noun_phrase_referent(
    source: &str,
    start: usize,
    text: &[char],
    ann: &Annotation,
) -> Option<String> {
    let ws = words(head_part(source));
    let skip = ws
        .iter()
        .take_while(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
        .count();
    let role: Vec<&str> = ws[skip..].to_vec();
    let head_noun = role.last()?.to_string();
    let before: String = text[..start.min(text.len())].iter().collect();
    let before_words: Vec<&str> = before.split_whitespace().collect();
    let bare: Vec<&str> = before_words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    // Role words match as written (a title-case headline is no role), the first one in
    // either case (it may open a sentence).
    let matches_role = |first: usize| {
        role.iter().enumerate().all(|(i, r)| {
            let w = bare[first + i];
            if i == 0 {
                w.eq_ignore_ascii_case(r)
            } else {
                w == *r
            }
        })
    };
    let n = role.len();
    for at in (n.saturating_sub(1)..bare.len()).rev() {
        let first = at + 1 - n;
        if !matches_role(first) {
            continue;
        }
        // "CNN host Jake Tapper"
        let after: Vec<&str> = before_words[at + 1..]
            .iter()
            .take_while(|w| starts_upper(w))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            .take(5)
            .collect();
        // More than four capitalised words in a row is title case, not a name.
        if (1..=4).contains(&after.len()) && !before_words[at].ends_with([',', '.']) {
            return Some(after.join(" "));
        }
        // "Jake Tapper, the CNN host"
        if first >= 2 && DETERMINERS.contains(&bare[first - 1].to_lowercase().as_str()) {
            let prev = before_words[first - 2];
            if let Some(name) = prev.strip_suffix(',') {
                let mut name_words = vec![name];
                let mut k = first - 2;
                while k > 0 && starts_upper(before_words[k - 1]) && name_words.len() < 4 {
                    k -= 1;
                    name_words.insert(0, before_words[k]);
                }
                if starts_upper(name) {
                    return Some(name_words.join(" "));
                }
            }
        }
    }
    ann.sources_in_order()
        .into_iter()
        .rev()
        .filter(|(at, _)| *at < start)
        .filter(|(_, s)| classify_source(s) == SourceKind::Named)
        .find(|(_, s)| words(s).iter().any(|w| w.eq_ignore_ascii_case(&head_noun)))
        .and_then(|(_, s)| head_name(s))
}

/// Lowercase alphanumeric tokens, with generational suffixes dropped.
fn name_tokens(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .filter(|t| !matches!(t.as_str(), "jr" | "sr" | "ii" | "iii"))
        .collect()
}

/// A predicted speaker names the referent when each one's last word is a word of the other
/// ("Trump" / "Donald Trump", "The Post" / "The Washington Post"), or when the referent,
/// its courtesy title left off, is the predicted name less its last word: the article
/// calls the person by a given name ("Hillary" / "Hillary Clinton") or by a family name
/// written first ("Mr. Lou" / "Lou Jiwei").
pub fn speaker_matches(referent: &str, predicted: &str) -> bool {
    let (r, p) = (name_tokens(referent), name_tokens(predicted));
    let last_words = match (r.last(), p.last()) {
        (Some(rl), Some(pl)) => p.contains(rl) && r.contains(pl),
        _ => false,
    };
    let untitled: Vec<&String> = r
        .iter()
        .skip_while(|t| matches!(t.as_str(), "mr" | "mrs" | "ms" | "miss" | "dr"))
        .collect();
    let first_words = !untitled.is_empty()
        && untitled.len() + 1 == p.len()
        && untitled.iter().zip(&p).all(|(a, b)| *a == b);
    last_words || first_words
}

#[cfg(test)]
mod tests {
    use super::super::brat::parse_ann;
    use super::*;

    #[test]
    fn sorts_sources_into_kinds() {
        assert_eq!(classify_source("he"), SourceKind::Pronoun);
        assert_eq!(classify_source("Donald Trump"), SourceKind::Named);
        assert_eq!(
            classify_source("Trump, who spoke in Ohio,"),
            SourceKind::Named
        );
        assert_eq!(classify_source("the CNN host"), SourceKind::NounPhrase);
        assert_eq!(
            classify_source("a longtime adviser to Trump"),
            SourceKind::NounPhrase
        );
        assert_eq!(classify_source("the Washington Post"), SourceKind::Named);
        assert_eq!(
            classify_source("Clinton’s campaign"),
            SourceKind::NounPhrase
        );
        assert_eq!(
            head_name("Clinton spokesman Brian Fallon").as_deref(),
            Some("Brian Fallon")
        );
        assert_eq!(
            head_name("Chancellor Angela Merkel of Germany").as_deref(),
            Some("Chancellor Angela Merkel")
        );
        assert_eq!(
            head_name("Secretary of State John Kerry").as_deref(),
            Some("State John Kerry")
        );
    }

    #[test]
    fn pronouns_take_the_nearest_named_source_of_their_shape() {
        let text: Vec<char> = "Ann Lee said x. The Post wrote y. he said z. it said w."
            .chars()
            .collect();
        let ann = parse_ann(
            "T1\tSource 0 7\tAnn Lee\nT2\tSource 16 24\tThe Post\nT3\tSource 34 36\the\n\
             E1\tAttribution:T9 Source:T1\nE2\tAttribution:T8 Source:T2\nE3\tAttribution:T7 Source:T3\n",
        );
        let r = |s, at| resolve_referent(s, SourceKind::Pronoun, at, &text, &ann);
        assert_eq!(r("he", 34).as_deref(), Some("Ann Lee"));
        assert_eq!(r("it", 45).as_deref(), Some("The Post"));
        assert_eq!(r("he", 0), None);
        // A pronoun skips a named source of the other gender.
        let text: Vec<char> = "Ms Lee said x. Mr Kim said y. she said z."
            .chars()
            .collect();
        let ann = parse_ann(
            "T1\tSource 0 6\tMs Lee\nT2\tSource 15 21\tMr Kim\nT3\tSource 30 33\tshe\n\
             E1\tAttribution:T9 Source:T1\nE2\tAttribution:T8 Source:T2\nE3\tAttribution:T7 Source:T3\n",
        );
        let r = |s, at| resolve_referent(s, SourceKind::Pronoun, at, &text, &ann);
        assert_eq!(r("she", 30).as_deref(), Some("Ms Lee"));
        assert_eq!(r("he", 30).as_deref(), Some("Mr Kim"));
    }

    #[test]
    fn noun_phrases_take_the_name_the_article_gives_with_the_role() {
        let text: Vec<char> = "CNN host Jake Tapper asked. Later the CNN host said x."
            .chars()
            .collect();
        let ann = parse_ann("");
        let at = 34;
        assert_eq!(
            resolve_referent("the CNN host", SourceKind::NounPhrase, at, &text, &ann).as_deref(),
            Some("Jake Tapper")
        );
        let text: Vec<char> = "Jake Tapper, the CNN host, asked. The host said x."
            .chars()
            .collect();
        assert_eq!(
            resolve_referent("The host", SourceKind::NounPhrase, 34, &text, &ann),
            None
        );
        assert_eq!(
            resolve_referent("the CNN host", SourceKind::NounPhrase, 34, &text, &ann).as_deref(),
            Some("Jake Tapper")
        );
    }

    #[test]
    fn speakers_match_on_last_names() {
        assert!(speaker_matches("Trump", "Donald Trump"));
        assert!(speaker_matches("The Post", "The Washington Post"));
        assert!(!speaker_matches("Brian Fallon", "Hillary Clinton"));
        assert!(!speaker_matches("Trump", "Trump Tower spokesman"));
        assert!(speaker_matches("Hillary", "Hillary Clinton"));
        assert!(speaker_matches("Mr Lou", "Lou Jiwei"));
        assert!(!speaker_matches("Mr Lou", "Jiwei"));
        assert!(!speaker_matches("Hillary", "Chelsea Clinton"));
    }
}
