//! Word lists shared by the date and fact scanners: calendar names and tense cues.

use crate::tokens::Tok;

const MONTHS: [&str; 12] = [
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
];

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month number (1-12) of a capitalised full month name.
pub fn month_name(tok: &Tok) -> Option<u32> {
    if !tok.capital {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == tok.norm)
        .map(|i| i as u32 + 1)
}

/// Month number of a capitalised abbreviation ("Dec", "Sept"); the caller checks context,
/// since "Mar" or "Jan" alone are usually not dates.
pub fn month_abbreviation(tok: &Tok) -> Option<u32> {
    if !tok.capital {
        return None;
    }
    if tok.norm == "sept" {
        return Some(9);
    }
    MONTH_ABBREVIATIONS
        .iter()
        .position(|m| *m == tok.norm)
        .map(|i| i as u32 + 1)
}

/// 0 = Monday ... 6 = Sunday, for a capitalised weekday name.
pub fn weekday_name(tok: &Tok) -> Option<u32> {
    if !tok.capital {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|w| *w == tok.norm)
        .map(|i| i as u32)
}

/// Which way a sentence points in time, as far as a date expression in it is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

const BE_FORMS: &[&str] = &[
    "is", "are", "am", "was", "were", "be", "been", "being", "'s",
];
const PERFECT_OR_PASSIVE: &[&str] = &[
    "has", "have", "having", "is", "are", "am", "be", "been", "being", "to", "will", "would", "'s",
    "can", "may",
];
const FUTURE_WORDS: &[&str] = &["will", "'ll", "shall", "won't"];
const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "due",
    "supposed",
    "expected",
    "scheduled",
    "set",
    "plans",
    "planning",
    "intends",
    "poised",
    "slated",
    "likely",
    "hopes",
    "aims",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "our",
];
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "went", "came", "took", "gave", "left", "held",
    "met", "saw", "made", "found", "began", "fled", "fell", "rose", "shot", "struck", "sent",
    "spent", "led", "won", "lost", "broke", "ran", "brought", "bought", "paid", "wrote", "spoke",
    "stood", "sat", "thought", "felt", "knew", "became", "drove", "flew", "threw", "caught",
    "fought", "sought", "taught", "built", "kept", "slept", "swept", "stole", "chose", "froze",
    "hid", "bit", "lit", "rang", "sang", "sank", "swam", "tore", "wore", "heard", "seen", "given",
    "taken", "shown", "known", "chosen", "done",
];
/// Words ending in "-ed" that are not past-tense verbs.
const NOT_PAST_ED: &[&str] = &[
    "hundred",
    "indeed",
    "need",
    "speed",
    "seed",
    "bed",
    "red",
    "feed",
    "united",
    "limited",
    "armed",
    "based",
    "related",
    "advanced",
    "detailed",
    "concerned",
    "interested",
    "supposed",
    "expected",
    "scheduled",
    "proposed",
    "planned",
    "alleged",
    "so-called",
    "shed",
    "breed",
    "creed",
    "weed",
    "deed",
    "greed",
    "sled",
];

/// Whether `tokens[i]` marks a future reading ("will", "would", "is to", "due to" + verb).
fn future_at(tokens: &[Tok], i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    let next = tokens.get(i + 1);
    let after_next = tokens.get(i + 2);
    if t.is_any(FUTURE_WORDS) {
        return true;
    }
    // Arranging something is about its future date: "scheduled a news conference Thursday",
    // "postponed until Tuesday".
    if t.is_any(&[
        "scheduled",
        "rescheduled",
        "postponed",
        "adjourned",
        "deadline",
    ]) {
        return true;
    }
    if t.is("would") {
        return !next.is_some_and(|n| n.is("have"));
    }
    let to_verb = next.is_some_and(|n| n.is("to"))
        && after_next.is_some_and(|v| {
            v.kind == crate::tokens::TokenKind::Word && !v.is_any(DETERMINERS) && !v.capital
        });
    if to_verb && (t.is_any(FUTURE_BEFORE_TO) || t.is_any(&["is", "are", "am"])) {
        return true;
    }
    // A present passive with a date is a schedule: "the album is released on Thursday".
    let participle = next.is_some_and(|n| {
        n.kind == crate::tokens::TokenKind::Word
            && !n.capital
            && (n.norm.len() >= 4 && n.norm.ends_with("ed") && !n.is_any(NOT_PAST_ED)
                || n.is_any(IRREGULAR_PAST))
    });
    // "is thought to have been hammered out on Thursday" reports a past event.
    let reporting = next.is_some_and(|n| n.is_any(REPORTING_PARTICIPLES));
    t.is_any(&["is", "are"]) && participle && !reporting
}

const REPORTING_PARTICIPLES: &[&str] = &[
    "thought",
    "believed",
    "said",
    "reported",
    "understood",
    "known",
    "feared",
    "alleged",
    "estimated",
    "considered",
    "claimed",
    "rumoured",
    "rumored",
    "accused",
    "suspected",
    "told",
    "found",
];

fn past_at(tokens: &[Tok], i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    if t.kind != crate::tokens::TokenKind::Word {
        return false;
    }
    // A capitalised "-ed" word is usually a name ("United"); sentence-initial verbs are rare.
    if t.capital && !t.is_any(IRREGULAR_PAST) {
        return false;
    }
    if t.is_any(&["was", "were", "had", "did"]) {
        return true;
    }
    let ed = t.norm.len() >= 4
        && t.norm.ends_with("ed")
        && !t.is_any(NOT_PAST_ED)
        && !t.norm.contains('-');
    if !ed && !t.is_any(IRREGULAR_PAST) {
        return false;
    }
    let before = |k: usize| i.checked_sub(k).and_then(|j| tokens.get(j));
    let helped = [1, 2]
        .iter()
        .any(|&k| before(k).is_some_and(|b| b.is_any(PERFECT_OR_PASSIVE)));
    !helped
}

/// Nouns that follow "to" as a destination, not a verb ("went to work on Monday").
const NOT_INFINITIVES: &[&str] = &[
    "work", "power", "court", "school", "death", "office", "prison", "jail", "trial", "date",
    "home", "bed", "church", "war", "town", "hospital", "safety", "shore", "sea", "light", "rest",
    "justice", "market", "press", "order", "help",
];

/// An infinitive ("to testify", "to leave") between the date and the verbs before it points
/// forward: "subpoenaed him Friday to testify ... on Feb. 10", "planned to leave on Thursday".
fn infinitive_at(tokens: &[Tok], j: usize) -> bool {
    let Some(next) = tokens.get(j + 1) else {
        return false;
    };
    tokens[j].is("to")
        && next.kind == crate::tokens::TokenKind::Word
        && !next.capital
        && !next.is_any(DETERMINERS)
        && !next.is_any(NOT_INFINITIVES)
        && !next.is_any(&[
            "him", "her", "them", "me", "us", "it", "be", "have", "about", "date",
        ])
        && !next.norm.ends_with("ed")
        && !next.norm.ends_with("ing")
        && !next.norm.ends_with('s')
}

/// Words right before a date that point forward whatever the verb's tense: "until March 6",
/// "payable Jan. 2", "effective Dec. 7", "as soon as Tuesday", "by Dec. 15".
pub fn forward_lead(tokens: &[Tok], at: usize) -> bool {
    let Some(prev) = at.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    let as_soon_as =
        prev.is("as") && at >= 3 && tokens[at - 2].is("soon") && tokens[at - 3].is("as");
    as_soon_as
        || prev.is_any(&[
            "until",
            "till",
            "through",
            "payable",
            "effective",
            "by",
            "starting",
            "beginning",
        ])
}

/// The tense a date at token `at` is read in: the nearest tense cue before it in the
/// sentence, else the nearest after it.
pub fn tense_near(tokens: &[Tok], sentence: std::ops::Range<usize>, at: usize) -> Tense {
    let classify = |j: usize| {
        if future_at(tokens, j) {
            Some(Tense::Future)
        } else if past_at(tokens, j) {
            Some(Tense::Past)
        } else {
            None
        }
    };
    let start = sentence.start.min(at);
    for j in (start..at).rev() {
        // An infinitive counts after a verb ("planned to leave on Thursday"), not as the
        // subject's modifier ("the countries to accede to NATO on Friday were ...").
        let verb_before = |k: usize| {
            let t = &tokens[k];
            classify(k).is_some() || !t.capital && t.norm.ends_with("ed") || is_be_form(t)
        };
        if infinitive_at(tokens, j) && (start..j).any(verb_before) {
            return Tense::Future;
        }
        if let Some(t) = classify(j) {
            return t;
        }
    }
    for j in at..sentence.end.min(tokens.len()) {
        if let Some(t) = classify(j) {
            return t;
        }
    }
    Tense::Unknown
}

/// Whether the first tense cue after token `at` in the sentence is a future one ("the 19
/// February meets would show").
pub fn future_after(tokens: &[Tok], sentence: std::ops::Range<usize>, at: usize) -> bool {
    for j in at..sentence.end.min(tokens.len()) {
        if future_at(tokens, j) {
            return true;
        }
        if past_at(tokens, j) {
            return false;
        }
    }
    false
}

/// Whether `tokens[i]` is a form of "to be" (for passive "were held").
pub fn is_be_form(tok: &Tok) -> bool {
    tok.is_any(BE_FORMS)
}

/// Whether a sentence reports something finished (a past-tense cue anywhere in it).
pub fn has_past_cue(tokens: &[Tok], sentence: std::ops::Range<usize>) -> bool {
    sentence.clone().any(|j| past_at(tokens, j))
        && !sentence.into_iter().any(|j| future_at(tokens, j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn tense_of(text: &str, word: &str) -> Tense {
        let tokens = tokenize(text);
        let at = tokens.iter().position(|t| t.norm == word).unwrap();
        tense_near(&tokens, 0..tokens.len(), at)
    }

    #[test]
    fn reads_tense_from_the_nearest_cue() {
        assert_eq!(
            tense_of(
                "Negotiators will meet on Monday, the UN said yesterday.",
                "monday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("The NYT reported Thursday that talks stalled.", "thursday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("The talks are supposed to end on Thursday.", "thursday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Elections are to be held on 14 September.", "september"),
            Tense::Future
        );
        assert_eq!(
            tense_of("He has now been bailed to return in December.", "december"),
            Tense::Future,
            "an infinitive points forward"
        );
        assert_eq!(
            tense_of("Police subpoenaed him Friday to testify on Feb. 10.", "feb"),
            Tense::Future
        );
        assert_eq!(
            tense_of("He went to work on Monday.", "monday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("He said he would give figures on Monday.", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The delay was due to the storm on Monday.", "monday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("The album is released on Thursday.", "thursday"),
            Tense::Future
        );
        assert_ne!(
            tense_of(
                "The deal is thought to have been agreed on Thursday.",
                "thursday"
            ),
            Tense::Future
        );
    }
}
