//! Finds counted facts in one sentence: a count, its qualifier, what is counted, and the
//! event that governs it ("killed at least 38", "five journalists died", "75 Hellfire
//! missiles"). Place and date are attached by the stage, which sees the whole article.

use std::ops::Range;

use crate::lexicon::is_be_form;
use crate::numbers::{count_at, Count};
use crate::tokens::{Tok, TokenKind};

/// Longest `sentence` a fact row carries, in characters. A longer sentence (a run-on
/// sentence, a page without full stops) is cut to this many characters around the count,
/// each cut end marked `…`, so that a sentence with thousands of counts cannot make
/// facts.csv thousands of times the size of the text.
pub const MAX_SENTENCE_CHARS: usize = 400;

/// The sentence `text[sentence]` for a fact row whose count is at byte `at`: whole when at
/// most [`MAX_SENTENCE_CHARS`] long, else that many characters around `at`.
pub fn sentence_excerpt(text: &str, sentence: Range<usize>, at: usize) -> String {
    let Some(whole) = text.get(sentence.clone()) else {
        return String::new();
    };
    // Every step below walks at most MAX_SENTENCE_CHARS characters, never the whole
    // sentence: a run-on sentence of 150,000 characters has thousands of facts.
    if whole.chars().nth(MAX_SENTENCE_CHARS).is_none() {
        return whole.to_string();
    }
    // Char boundaries of the window: a third before the count, the rest after it, moved
    // back when the sentence ends sooner.
    let mut at = at.clamp(sentence.start, sentence.end) - sentence.start;
    while !whole.is_char_boundary(at) {
        at += 1;
    }
    let before = MAX_SENTENCE_CHARS / 3;
    let back = |text: &str, n: usize| text.char_indices().rev().nth(n - 1).map(|(i, _)| i);
    let from_count = back(&whole[..at], before).unwrap_or(0);
    let from_end = back(whole, MAX_SENTENCE_CHARS).unwrap_or(0);
    let from = from_count.min(from_end);
    let to = whole[from..]
        .char_indices()
        .nth(MAX_SENTENCE_CHARS)
        .map_or(whole.len(), |(i, _)| from + i);
    let mut out = String::with_capacity(to - from + 6);
    if from > 0 {
        out.push('…');
    }
    out.push_str(&whole[from..to]);
    if to < whole.len() {
        out.push('…');
    }
    out
}

/// Event kinds a fact can have, besides `quantity`.
pub const EVENT_KINDS: &[&str] = &[
    "killed",
    "wounded",
    "arrested",
    "detained",
    "displaced",
    "missing",
    "kidnapped",
];

/// A fact found in a sentence, before place and date are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceFact {
    pub kind: &'static str,
    pub count: Count,
    pub qualifier: Option<String>,
    /// Token range of what is counted ("Iraqi military personnel").
    pub subject: Option<Range<usize>>,
    /// Token range from the qualifier to the end of the subject.
    pub tokens: Range<usize>,
}

const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["as", "many", "as"], "as many as"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["more", "than"], "more than"),
    (&["fewer", "than"], "fewer than"),
    (&["less", "than"], "less than"),
    (&["up", "to"], "up to"),
    (&["close", "to"], "close to"),
    (&["an", "estimated"], "estimated"),
    (&["estimated"], "estimated"),
    (&["some"], "some"),
    (&["over"], "over"),
    (&["nearly"], "nearly"),
    (&["almost"], "almost"),
    (&["about"], "about"),
    (&["around"], "around"),
    (&["approximately"], "approximately"),
    (&["roughly"], "roughly"),
    (&["between"], "between"),
    (&["under"], "under"),
];

/// Words right after a number that make it money, a measure, a time or a share.
const NOT_COUNTED: &[&str] = &[
    "%",
    "percent",
    "per",
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "pence",
    "cents",
    "rupees",
    "rupiah",
    "baht",
    "yen",
    "yuan",
    "francs",
    "roubles",
    "pesos",
    "dinars",
    "km",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "miles",
    "mph",
    "kg",
    "kilograms",
    "tonnes",
    "tons",
    "barrels",
    "feet",
    "ft",
    "inches",
    "cm",
    "mm",
    "hectares",
    "acres",
    "litres",
    "gallons",
    "degrees",
    "points",
    "goals",
    "runs",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "decades",
    "centuries",
    "times",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "o'clock",
    "local",
    ":",
    "-",
    "–",
    "/",
    "years-old",
    "per-cent",
    "magnitude",
    "st",
    "nd",
    "rd",
    "th",
];
const NOT_COUNTED_PREV: &[&str] = &[
    "$",
    "£",
    "€",
    "¥",
    "aged",
    "number",
    "no",
    "page",
    "flight",
    "route",
    "section",
    "article",
    "chapter",
    "room",
    "rule",
    "resolution",
    "-",
    "/",
    ":",
];
const SUBJECT_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "for",
    "as",
    "near",
    "across",
    "including",
    "who",
    "which",
    "that",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "than",
    "after",
    "before",
    "during",
    "since",
    "when",
    "while",
    "into",
    "onto",
    "over",
    "under",
    "between",
    "among",
    "against",
    "without",
    "within",
    "outside",
    "inside",
    "according",
    "said",
    "says",
    "also",
    "still",
    "all",
    "both",
    "either",
    "each",
    "its",
    "their",
    "his",
    "her",
    "they",
    "it",
    "there",
    "here",
    "so",
    "not",
    "now",
    "then",
    "later",
    "ago",
    "yesterday",
    "today",
    "more",
    "others",
    "other",
    "further",
    "'s",
    "whom",
    "whose",
    "where",
    "this",
    "these",
    "those",
    "last",
    "next",
    "around",
    "about",
    "just",
    "only",
    "having",
    "did",
    "does",
    "do",
    "towards",
    "toward",
    "through",
    "via",
    "per",
    "like",
    "off",
    "out",
    "up",
    "down",
    "away",
    "back",
];
/// Verb-like words that may stand between a count and its event ("are believed to have
/// been killed", "were found dead", "reported missing").
const BRIDGE: &[&str] = &[
    "was",
    "were",
    "had",
    "has",
    "have",
    "having",
    "did",
    "is",
    "are",
    "be",
    "been",
    "being",
    "believed",
    "feared",
    "thought",
    "reported",
    "said",
    "estimated",
    "confirmed",
    "presumed",
    "listed",
    "understood",
    "known",
    "found",
    "either",
    "still",
    "slightly",
    "seriously",
    "critically",
    "badly",
    "fatally",
    "later",
    "subsequently",
];
const OBJECT_START: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "some",
    "several",
    "at",
    "more",
    "about",
    "nearly",
    "over",
    "him",
    "them",
    "us",
    "me",
    "dozens",
    "hundreds",
    "thousands",
];
const CLAUSE_STARTERS: &[&str] = &[
    "and", "but", "while", "as", "after", "when", "before", "although", "though", "whereas",
    "which", "where", "the",
];
/// Words that end the search for a count's event: negation ("did not die"), modality ("will
/// die" is a forecast) and pronouns (a new clause's subject).
const WINDOW_STOPS: &[&str] = &[
    "not", "no", "never", "n't", "will", "would", "could", "may", "might", "can", "should", "must",
    "'ll", "they", "he", "she", "we", "i", "you", "it",
];
const DEFINITE: &[&str] = &[
    "the", "'s", "its", "their", "his", "her", "our", "your", "these", "those",
];
const CONCRETE_THINGS: &[&str] = &[
    "missiles",
    "missile",
    "rockets",
    "bombs",
    "shells",
    "mortars",
    "grenades",
    "mines",
    "weapons",
    "guns",
    "rifles",
    "firearms",
    "tanks",
    "vehicles",
    "cars",
    "trucks",
    "lorries",
    "buses",
    "jeeps",
    "aircraft",
    "planes",
    "warplanes",
    "jets",
    "helicopters",
    "drones",
    "ships",
    "boats",
    "vessels",
    "warships",
    "submarines",
    "troops",
    "soldiers",
    "houses",
    "buildings",
    "gunships",
    "bombers",
];
const TOLL_LINKS: &[&str] = &[
    "has",
    "have",
    "had",
    "rose",
    "risen",
    "climbed",
    "reached",
    "stood",
    "stands",
    "is",
    "was",
    "now",
    "to",
    "at",
    "of",
    "the",
    "jumped",
    "passed",
    "topped",
    "exceeded",
    "official",
    "confirmed",
    "risen",
    "reportedly",
];
const IRREGULAR_PAST: &[&str] = &[
    "said", "told", "went", "came", "took", "gave", "left", "held", "met", "saw", "made", "began",
    "fled", "fell", "rose", "shot", "struck", "sent", "spent", "led", "won", "lost", "broke",
    "ran", "brought", "bought", "paid", "wrote", "spoke", "stood", "sat", "knew", "became",
    "drove", "flew", "threw", "caught", "fought", "sought", "built", "kept", "stole", "chose",
    "hid", "hit",
];

/// Event word at `k`: (kind, tokens used, whether it can take an object when active).
fn event_at(tokens: &[Tok], k: usize, end: usize) -> Option<(&'static str, usize, bool)> {
    let word = |j: usize| tokens.get(j).filter(|_| j < end).map(|t| t.norm);
    let possessive = |j: usize| matches!(word(j), Some("their" | "his" | "her"));
    Some(match word(k)? {
        "lost" if possessive(k + 1) && matches!(word(k + 2), Some("lives" | "life")) => {
            ("killed", 3, false)
        }
        "fled" if possessive(k + 1) && matches!(word(k + 2), Some("homes" | "home")) => {
            ("displaced", 3, false)
        }
        "left" | "made" if word(k + 1) == Some("homeless") => ("displaced", 2, false),
        "homeless" => ("displaced", 1, false),
        "in" if word(k + 1) == Some("custody") => ("detained", 2, false),
        "taken" if word(k + 1) == Some("hostage") => ("kidnapped", 2, false),
        "killed" => ("killed", 1, true),
        "dead" | "died" | "dies" | "die" | "perished" | "slain" => ("killed", 1, false),
        "injured" | "wounded" | "hurt" => ("wounded", 1, true),
        "arrested" => ("arrested", 1, true),
        "detained" => ("detained", 1, true),
        "held" if k > 0 && is_be_form(&tokens[k - 1]) => ("detained", 1, false),
        "displaced" => ("displaced", 1, true),
        "missing" | "unaccounted" => ("missing", 1, false),
        "kidnapped" | "abducted" => ("kidnapped", 1, true),
        _ => return None,
    })
}

/// An event verb right before the count governs it as its object ("killed at least 38").
fn verb_before(word: &str) -> Option<&'static str> {
    Some(match word {
        "killed" | "kill" | "kills" | "killing" => "killed",
        "wounded" | "wounding" | "injured" | "injuring" => "wounded",
        "arrested" | "arresting" => "arrested",
        "detained" | "detaining" => "detained",
        "displaced" | "displacing" => "displaced",
        "kidnapped" | "kidnapping" | "abducted" | "abducting" => "kidnapped",
        _ => return None,
    })
}

fn past_like(tok: &Tok) -> bool {
    tok.kind == TokenKind::Word
        && (tok.is_any(IRREGULAR_PAST)
            || tok.norm.len() >= 4 && tok.norm.ends_with("ed") && tok.norm != "hundred")
}

fn qualifier_before(tokens: &[Tok], start: usize, floor: usize) -> Option<(usize, &'static str)> {
    for (words, name) in QUALIFIERS {
        let n = words.len();
        if start < floor + n {
            continue;
        }
        if tokens[start - n..start]
            .iter()
            .zip(words.iter())
            .all(|(t, w)| t.is(w))
        {
            return Some((start - n, name));
        }
    }
    None
}

/// What is counted: the words after the count, through a partitive "of the" if any.
/// Returns the subject's token range and the index after everything consumed.
fn subject_after(tokens: &[Tok], mut k: usize, end: usize) -> (Option<Range<usize>>, usize) {
    let at = |j: usize| tokens.get(j).filter(|_| j < end);
    if at(k).is_some_and(|t| t.is_any(&["more", "other", "further"])) {
        k += 1;
    }
    if at(k).is_some_and(|t| t.is("of")) {
        let mut j = k + 1;
        if at(j).is_some_and(|t| {
            t.is_any(&["the", "its", "their", "his", "her", "these", "those", "our"])
        }) {
            j += 1;
        }
        if let Some(inner) = count_at(tokens, j, end) {
            j = inner.tokens.end;
        }
        if at(j).is_some_and(acceptable_subject_word) {
            k = j;
        } else {
            return (None, k);
        }
    }
    let first = k;
    while k < end && k - first < 4 {
        let Some(t) = at(k) else { break };
        if !acceptable_subject_word(t) {
            break;
        }
        let verb_form =
            t.norm.ends_with("ed") || t.norm.ends_with("ing") || t.is_any(IRREGULAR_PAST);
        // "armoured vehicles" keeps its participle; "missiles arrived" stops before it.
        if verb_form
            && !at(k + 1).is_some_and(|n| {
                acceptable_subject_word(n) && !past_like(n) && !n.norm.ends_with("ing")
            })
        {
            break;
        }
        k += 1;
    }
    ((k > first).then_some(first..k), k)
}

fn acceptable_subject_word(t: &Tok) -> bool {
    t.kind == TokenKind::Word
        && !t.is_any(SUBJECT_STOP)
        && event_word_alone(t.norm).is_none()
        && crate::lexicon::weekday_name(t).is_none()
        && crate::lexicon::month_name(t).is_none()
}

fn event_word_alone(word: &str) -> Option<()> {
    matches!(
        word,
        "killed"
            | "dead"
            | "died"
            | "injured"
            | "wounded"
            | "hurt"
            | "arrested"
            | "detained"
            | "displaced"
            | "missing"
            | "kidnapped"
            | "abducted"
            | "homeless"
            | "held"
            | "perished"
    )
    .then_some(())
}

/// The event a count is the subject of, looking ahead up to 12 tokens.
fn event_after(tokens: &[Tok], from: usize, end: usize) -> Option<&'static str> {
    let limit = (from + 12).min(end);
    let mut k = from;
    while k < limit {
        let t = &tokens[k];
        if t.kind == TokenKind::Punct {
            match t.norm {
                ";" | ":" | "(" | ")" | "—" | "–" => return None,
                "," if tokens.get(k + 1).is_some_and(|n| n.is_any(CLAUSE_STARTERS)) => return None,
                _ => {}
            }
            k += 1;
            continue;
        }
        if t.kind == TokenKind::Number || count_at(tokens, k, end).is_some() {
            return None;
        }
        if t.is_any(WINDOW_STOPS) {
            return None;
        }
        // "the dead", "names of missing", "a missing crystal" are nouns or modifiers, not
        // what happened to the count; "on the missing list" is the idiom for missing.
        let missing_list = t.is("missing") && tokens.get(k + 1).is_some_and(|n| n.is("list"));
        let nominal = k > 0
            && tokens[k - 1].is_any(&["a", "an", "the", "of", "their", "its", "his", "her"])
            && !missing_list;
        if let Some((kind, used, transitive)) = event_at(tokens, k, end).filter(|_| !nominal) {
            let next = tokens.get(k + used).filter(|_| k + used < end);
            let object_follows = next.is_some_and(|n| {
                n.is_any(OBJECT_START)
                    || n.kind == TokenKind::Number
                    || count_at(tokens, k + used, end).is_some()
            });
            // "Five gunmen killed three people": the first count is the agent.
            return (!(transitive && object_follows)).then_some(kind);
        }
        if past_like(t) && !t.is_any(BRIDGE) {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether the count at `count` is really money, a measure, a time, an age, a year or part
/// of "one in ten".
fn not_a_count(tokens: &[Tok], count: &Count, sentence: &Range<usize>) -> bool {
    let end = sentence.end;
    let first = &tokens[count.tokens.start];
    let is_year = count.tokens.len() == 1
        && first.kind == TokenKind::Number
        && first.norm.len() == 4
        && first
            .norm
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2099).contains(&y));
    let prev = count
        .tokens
        .start
        .checked_sub(1)
        .and_then(|p| tokens.get(p));
    let prev2 = count
        .tokens
        .start
        .checked_sub(2)
        .and_then(|p| tokens.get(p));
    let next = tokens
        .get(count.tokens.end)
        .filter(|_| count.tokens.end < end);
    let after_next = tokens
        .get(count.tokens.end + 1)
        .filter(|_| count.tokens.end + 1 < end);
    let age = prev.is_some_and(|p| p.is("of")) && prev2.is_some_and(|p| p.is("age"))
        || next.is_some_and(|n| n.norm.ends_with("-old"))
        // "Beattie, 27, is ...": a number alone between commas is an age.
        || prev.is_some_and(|p| p.is(",")) && next.is_some_and(|n| n.is(","));
    // "Hall 25", "Fathers 4 Justice", "Section 5": a number after a name word is a label.
    let label = count.tokens.start > sentence.start + 1
        && prev.is_some_and(|p| {
            p.kind == TokenKind::Word
                && p.capital
                && crate::lexicon::weekday_name(p).is_none()
                && crate::lexicon::month_name(p).is_none()
                && !QUALIFIERS
                    .iter()
                    .any(|(words, _)| words.last().is_some_and(|w| p.is(w)))
        });
    let number_word =
        |t: &Tok| t.kind == TokenKind::Number || t.is("one") || crate::numbers::starts_count(t);
    let ratio = next.is_some_and(|n| n.is("in")) && after_next.is_some_and(number_word)
        || prev.is_some_and(|p| p.is("in")) && prev2.is_some_and(number_word);
    // "US$25,000": the currency sign sticks to the number.
    let glued_currency = prev.is_some_and(|p| p.end == first.start && p.kind == TokenKind::Punct);
    is_year
        || age
        || label
        || ratio
        || glued_currency
        || prev.is_some_and(|p| p.is_any(NOT_COUNTED_PREV))
        || next.is_some_and(|n| n.is_any(NOT_COUNTED))
}

/// Facts in the sentence `sentence` (token range). `blocked` marks tokens inside date
/// expressions, which are never counts.
pub fn facts_in_sentence(
    tokens: &[Tok],
    sentence: Range<usize>,
    blocked: &dyn Fn(usize) -> bool,
    quantities: bool,
) -> Vec<SentenceFact> {
    let end = sentence.end.min(tokens.len());
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i < end {
        if blocked(i) {
            i += 1;
            continue;
        }
        let Some(mut count) = count_at(tokens, i, end) else {
            i += 1;
            continue;
        };
        if count.tokens.clone().any(blocked) || not_a_count(tokens, &count, &sentence) {
            i = count.tokens.end;
            continue;
        }
        let (qualifier_start, qualifier) =
            match qualifier_before(tokens, count.tokens.start, sentence.start) {
                Some((s, q)) => (s, Some(q)),
                None => (count.tokens.start, None),
            };
        let mut after = count.tokens.end;
        if qualifier == Some("between") && tokens.get(after).is_some_and(|t| t.is("and")) {
            if let Some(upper) = count_at(tokens, after + 1, end).filter(|u| u.value > count.value)
            {
                count.min = Some(count.value);
                count.max = Some(upper.value);
                after = upper.tokens.end;
            }
        }
        let (subject, after_subject) = subject_after(tokens, after, end);
        let head = subject.as_ref().map(|s| tokens[s.end - 1].norm);
        let before_count = qualifier_start
            .checked_sub(1)
            .filter(|&p| p >= sentence.start);
        // "killing the nine French soldiers": the verb may stand before a "the".
        let verb_at = before_count.and_then(|p| {
            if tokens[p].is("the") {
                p.checked_sub(1).filter(|&q| q >= sentence.start)
            } else {
                Some(p)
            }
        });
        let definite = before_count.is_some_and(|p| tokens[p].is_any(DEFINITE));
        // "known to millions ... has died": a prepositional object is nobody's subject.
        let prepositional =
            before_count.is_some_and(|p| tokens[p].is_any(&["to", "for", "by", "from", "among"]));
        let governing_verb = verb_at
            .and_then(|p| {
                let word = tokens[p].norm;
                if matches!(word, "claimed" | "claiming") && matches!(head, Some("lives")) {
                    return Some("killed");
                }
                verb_before(word)
            })
            .or_else(|| toll_before(tokens, qualifier_start, sentence.start));
        let kind = match head {
            Some("deaths" | "fatalities") => Some("killed"),
            // "save 65 lives" is not a toll; "claimed 65 lives" was handled above.
            Some("lives") => governing_verb,
            _ if prepositional => governing_verb,
            _ => governing_verb.or_else(|| event_after(tokens, after_subject, end)),
        };
        // "the two buildings", "its 787 Dreamliner aircraft": a definite or a model number.
        let kind = kind.or_else(|| {
            (quantities && !definite && head.is_some_and(|h| CONCRETE_THINGS.contains(&h)))
                .then_some("quantity")
        });
        if let Some(kind) = kind {
            let subject =
                subject.filter(|_| !matches!(head, Some("deaths" | "fatalities" | "lives")));
            let stop = subject.as_ref().map_or(after, |s| s.end);
            out.push(SentenceFact {
                kind,
                count,
                qualifier: qualifier.map(str::to_string),
                subject,
                tokens: qualifier_start..stop,
            });
        }
        i = after_subject.max(after).max(i + 1);
    }
    out
}

/// "the death toll rose to 42", "the number of Britons dead or missing has reached 440": a
/// tally noun, linked to the count by a few linking words.
fn toll_before(tokens: &[Tok], start: usize, floor: usize) -> Option<&'static str> {
    let mut p = start;
    let mut linked = 0;
    while linked < 6 {
        p = p.checked_sub(1).filter(|&p| p >= floor)?;
        let t = &tokens[p];
        if t.is("toll") {
            return Some("killed");
        }
        if !t.is_any(TOLL_LINKS) {
            break;
        }
        linked += 1;
    }
    if linked == 0
        || !tokens[p + 1..start].iter().any(|t| {
            t.is_any(&[
                "reached", "risen", "rose", "climbed", "stands", "stood", "is", "was",
            ])
        })
    {
        return None;
    }
    // "the number of <people> <event word> [in the disaster]" ending where the links begin.
    let window_start = p.saturating_sub(10).max(floor);
    let number_at = (window_start..=p)
        .find(|&j| tokens[j].is("number") && tokens.get(j + 1).is_some_and(|n| n.is("of")))?;
    (number_at + 2..=p).find_map(|j| event_at(tokens, j, start).map(|(kind, _, _)| kind))
}

#[cfg(test)]
mod excerpt_tests {
    use super::*;

    #[test]
    fn short_sentences_are_whole_and_long_ones_cut_around_the_count() {
        assert_eq!(
            sentence_excerpt("Hello. Five died.", 7..17, 7),
            "Five died."
        );
        let long = format!("{} 38 killed {}", "é".repeat(1000), "x".repeat(1000));
        let at = long.find("38").unwrap();
        let cut = sentence_excerpt(&long, 0..long.len(), at);
        assert_eq!(cut.chars().count(), MAX_SENTENCE_CHARS + 2);
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert!(cut.contains("38 killed"));
        let start = sentence_excerpt(&long, 0..long.len(), 0);
        assert!(!start.starts_with('…') && start.ends_with('…'));
        assert_eq!(
            sentence_excerpt(&long, 0..long.len(), long.len())
                .chars()
                .last(),
            Some('x')
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn facts(text: &str) -> Vec<(String, u64, Option<String>, Option<String>)> {
        let tokens = tokenize(text);
        facts_in_sentence(&tokens, 0..tokens.len(), &|_| false, true)
            .into_iter()
            .map(|f| {
                let subject = f
                    .subject
                    .map(|s| text[tokens[s.start].start..tokens[s.end - 1].end].to_string());
                (f.kind.to_string(), f.count.value, f.qualifier, subject)
            })
            .collect()
    }

    fn kinds(text: &str) -> Vec<(String, u64)> {
        facts(text).into_iter().map(|(k, c, _, _)| (k, c)).collect()
    }

    fn pair(kind: &str, count: u64) -> (String, u64) {
        (kind.to_string(), count)
    }

    #[test]
    fn governing_words_before_and_after_the_count() {
        assert_eq!(
            facts(
                "the bombings killed at least 38 on Wednesday, including 24 who died from a bomb"
            ),
            [
                ("killed".into(), 38, Some("at least".into()), None),
                ("killed".into(), 24, None, None)
            ]
        );
        assert_eq!(
            facts("In an ambush there, it killed some 18 Iraqi military personnel, including a general."),
            [("killed".into(), 18, Some("some".into()), Some("Iraqi military personnel".into()))]
        );
        assert_eq!(
            kinds("leaving at least 42 people dead and 153 wounded."),
            [pair("killed", 42), pair("wounded", 153)]
        );
        assert_eq!(
            kinds("with over 8,000 Iraqis having lost their lives over the last year"),
            [pair("killed", 8000)]
        );
        assert_eq!(
            kinds("more than 100,000 people are believed to have been killed in Indonesia"),
            [pair("killed", 100_000)]
        );
        assert_eq!(
            kinds("Seven of the men had been held."),
            [pair("detained", 7)]
        );
        assert_eq!(
            kinds("Millions have been left homeless."),
            [pair("displaced", 2_000_000)]
        );
        assert_eq!(
            kinds("which has so far claimed at least 150,000 lives."),
            [pair("killed", 150_000)]
        );
        assert_eq!(
            kinds("The death toll rose to 42 on Friday."),
            [pair("killed", 42)]
        );
        assert_eq!(
            kinds("the number of Britons dead or missing in the disaster have reached 440."),
            [pair("killed", 440)]
        );
        assert!(kinds("the number of shares sold has reached 440.").is_empty());
        assert_eq!(
            kinds("a further three are on the missing list"),
            [pair("missing", 3)]
        );
    }

    #[test]
    fn quantities_need_a_concrete_counted_thing() {
        assert_eq!(
            facts("A shipment of 75 Hellfire missiles arrived in Iraq last week."),
            [(
                "quantity".into(),
                75,
                None,
                Some("Hellfire missiles".into())
            )]
        );
        assert_eq!(
            kinds("counted 25 tanks and 40 armoured vehicles moving"),
            [pair("quantity", 25), pair("quantity", 40)]
        );
        assert!(kinds("the bombing of two television stations and 15 explosions").is_empty());
        let tokens = tokenize("75 Hellfire missiles");
        assert!(facts_in_sentence(&tokens, 0..tokens.len(), &|_| false, false).is_empty());
    }

    #[test]
    fn ranges_vague_counts_and_agents() {
        let found = {
            let tokens = tokenize("Between 10 and 20 people are still missing.");
            facts_in_sentence(&tokens, 0..tokens.len(), &|_| false, true)
        };
        assert_eq!(
            (found[0].count.value, found[0].count.min, found[0].count.max),
            (10, Some(10), Some(20))
        );
        assert_eq!(kinds("hundreds more were killed"), [pair("killed", 200)]);
        assert_eq!(
            kinds("Five gunmen killed three people."),
            [pair("killed", 3)]
        );
        assert_eq!(
            kinds("shut down 700 websites and arrested 224 people"),
            [pair("arrested", 224)]
        );
    }

    #[test]
    fn money_measures_times_ages_years_and_ratios_are_not_facts() {
        for text in [
            "Beattie, 27, is not believed to be seriously hurt.",
            "Mr Doherty, 25, was arrested on Wednesday.",
            "a 12 year-old girl whose parents died",
            "Earlier on Friday protesters from the Fathers 4 Justice group were arrested",
            "The other five Iraqis did not die in custody.",
            "Some 45 million children will die needlessly before 2015.",
            "Actress Patsy Rowlands, known to millions for her roles, has died.",
            "It would save around 65 lives a year.",
            "the two factions compete to recover pieces of a missing Time Crystal",
            "a digital home in Hall 25 of the 27 hangar-like buildings",
            "Porsche's 911 sports cars",
            "He died at the age of 87.",
            "The bank will pay $16m to families of those killed",
            "Two years after the war began, 60% of the region's 4.5 million residents rely on aid",
            "a 12-year-old boy was reported missing",
            "the 2003 winner died",
            "more than one in ten customers were killed",
            "at 2100 local time 3 hours after 20 km of road were injured",
            "US$25,000 were killed",
            "the twelfth man to be arrested",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }
}
