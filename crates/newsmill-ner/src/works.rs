//! Names of laws, documents and works, and web-page furniture. "First Amendment", "Code of
//! Canon Law", "Balfour Declaration", "Affordable Care Act", "Treaty of Versailles" are
//! neither organisations nor people: they are misc. "Privacy Policy" and "Terms of Use" are
//! the links of a page footer, not names at all.

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::fold::{key, key_words, with_key};
use crate::words::{is_capitalised, joined, Word};

/// Head words of document names: the last word ("Balfour Declaration", "Patriot Act") or the
/// first before "of" ("Code of Canon Law", "Bill of Rights", "Treaty of Rome").
const DOCUMENT_HEADS: &[&str] = &[
    "act",
    "acts",
    "amendment",
    "amendments",
    "declaration",
    "treaty",
    "accord",
    "accords",
    "constitution",
    "charter",
    "doctrine",
    "protocol",
    "manifesto",
    "code",
    "convention",
    "conventions",
    "treaties",
    "declarations",
    "statute",
    "bill",
    "resolution",
    "directive",
    "agreement",
    "agreements",
    "pact",
];

/// Heads that name a document only at the end ("Sharia Law", "Megan's Law"); a law school
/// or firm has another last word ("Harvard Law School").
const FINAL_ONLY_HEADS: &[&str] = &["law", "laws"];

/// Whether a name is a law, treaty, declaration or similar document.
pub fn is_document_name(name: &str) -> bool {
    with_key(name, is_document_key)
}

/// [`is_document_name`] of a name's key.
fn is_document_key(k: &str) -> bool {
    let words: Vec<&str> = key_words(k).collect();
    // "the Constitution": the few heads that name one document on their own.
    if let [only] = words[..] {
        return matches!(only, "constitution" | "treaty" | "manifesto");
    }
    let [first, .., last] = words[..] else {
        return false;
    };
    let head = |w: &str| DOCUMENT_HEADS.contains(&w);
    // "University of Texas School of Law", "Professor of Law": a head after an
    // institution's "of" names its subject, not a document.
    let n = words.len();
    let institution_subject = n >= 3
        && words[n - 2] == "of"
        && matches!(
            words[n - 3],
            "school"
                | "college"
                | "faculty"
                | "professor"
                | "department"
                | "institute"
                | "academy"
                | "society"
                | "journal"
                | "dean"
                | "chair"
                | "centre"
                | "center"
        );
    if institution_subject {
        return false;
    }
    // "State of the Union", "State of the Nation", "State of the City": the yearly
    // address is a document ("State of Texas" is not: no "the").
    if let ["state", "of", "the", _] = words[..] {
        return true;
    }
    head(last) || FINAL_ONLY_HEADS.contains(&last) || (head(first) && words.get(1) == Some(&"of"))
}

/// "Health Service (Miscellaneous Provisions) Bill": the text after a name opens a bracket
/// and, right after it closes, the head word of a document. The name is then the first
/// part of the document's title (misc), not the organisation it starts with.
pub fn opens_bracketed_document(after: &str) -> bool {
    let Some(inside) = after.strip_prefix(" (") else {
        return false;
    };
    let Some(close) = inside.get(..inside.len().min(80)).and_then(|s| s.find(')')) else {
        return false;
    };
    let rest = inside[close + 1..].strip_prefix(' ').unwrap_or("");
    let head = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    head.starts_with(char::is_uppercase) && is_document_head(&head.to_lowercase())
}

/// `"Larry King Now"`, `"Barack Obama Election Day,"`: a name of three or more words that
/// fills a quotation by itself is the title of a show, a play or a campaign, a work (misc),
/// not the person it opens with. Shorter quoted names are nicknames ("Crooked Hillary")
/// and stay.
pub fn is_quoted_title(name: &str, before: &str, after: &str) -> bool {
    let opened = before.ends_with(['"', '“']) || before.ends_with("''");
    let closing = after.trim_start_matches([',', '.', '!', '?']);
    let closed = closing.starts_with(['"', '”']) || closing.starts_with("''");
    opened && closed && name.split(' ').count() >= 3
}

/// "... (Miscellaneous Provisions) Bill": a document head word alone, right after the
/// bracket of a document title, is the end of that title, not a name ("Bill" no person).
pub fn is_bracketed_document_head(name: &str, before: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix(')') else {
        return false;
    };
    let Some((title, inside)) = head.rsplit_once('(') else {
        return false;
    };
    // The bracket is part of a title: capitalised words in it and right before it.
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    is_document_head(&key(name))
        && inside.split_whitespace().all(capitalised)
        && !inside.trim().is_empty()
        && title
            .split_whitespace()
            .next_back()
            .is_some_and(capitalised)
}

fn is_document_head(word: &str) -> bool {
    DOCUMENT_HEADS.contains(&word) || FINAL_ONLY_HEADS.contains(&word)
}

/// Last words of sports events, competitions, festivals, shows and awards, misc in
/// CoNLL-2003 and in the entity table ("World Cup", "Australian Open", "Norwich Union Grand
/// Prix", "Six Nations Championship", "Venice Film Festival", "Millennium Exhibition",
/// "Nobel Peace Prize", "Aldo Beckman Memorial Award"). "Games",
/// "Tour" and "Fair" are left out: they also end company and magazine names.
const EVENT_HEADS: &[&str] = &[
    "festival",
    "award",
    "awards",
    "prize",
    "exhibition",
    "cup",
    "open",
    "championship",
    "championships",
    "grand prix",
    "olympics",
    "olympiad",
    "marathon",
    "rally",
    "trophy",
    // Historical events and periods: "Great Recession", "Iraq War", "Orange Revolution".
    "recession",
    "depression",
    "war",
    "revolution",
    "uprising",
    "massacre",
    // Named conditions: "Stockholm Syndrome", "Motor Neurone Disease".
    "syndrome",
    "disease",
];

/// Whether a name of two or more words ends with an event head word.
pub fn is_event_name(name: &str) -> bool {
    // Most names end in no event word: decided without allocating.
    let Some((_, last)) = name.trim_end().rsplit_once(' ') else {
        return false;
    };
    let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !EVENT_HEADS.iter().any(|h| {
        h.rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(last))
    }) {
        return false;
    }
    let k = key(name);
    let words: Vec<&str> = key_words(&k).collect();
    if words.len() < 2 {
        return false;
    }
    let last = words[words.len() - 1];
    // "Department of War", "Museum of the Revolution": the head names a body's subject.
    if matches!(words[words.len() - 2], "of" | "the") {
        return false;
    }
    let last_two = format!("{} {last}", words[words.len() - 2]);
    EVENT_HEADS.contains(&last) || EVENT_HEADS.contains(&last_two.as_str())
}

/// Adds the laws and documents the tagger missed or cut ("Code of Canon Law" tagged only
/// "Canon"; "First Amendment" untagged): a run of capitalised words, joined by "of", "on",
/// "for" or "of the", that is a document name, becomes one misc mention, replacing
/// tagger spans inside it. Skipped when a tagger span reaches outside the run.
pub fn add_documents(block: usize, text: &str, words: &[Word], cands: &mut Vec<Candidate>) {
    // "the" only after another connector ("Code of the Sea"): "Bill Clinton and the Act"
    // is no document.
    const CONNECTORS: &[&str] = &["of", "on", "the", "for"];
    let mut i = 0;
    while i < words.len() {
        let capitalised = |k: usize| is_capitalised(words[k].text(text));
        if !capitalised(i) {
            i += 1;
            continue;
        }
        // The run: capitalised words, connectors only between capitalised words.
        let mut last = i;
        let mut k = i;
        while k + 1 < words.len() && joined(&words[k], &words[k + 1]) {
            let next = k + 1;
            if capitalised(next) {
                last = next;
                k = next;
            } else if CONNECTORS.contains(&words[next].text(text))
                && (words[next].text(text) != "the" || k != last)
            {
                k = next;
            } else {
                break;
            }
        }
        let mut first = i;
        if words[first].text(text) == "The" && first < last {
            first += 1;
        }
        let (start, end) = (words[first].start, words[last].end);
        let phrase = &text[start..end];
        let beyond = || {
            cands
                .iter()
                .any(|c| c.overlaps(block, start, end) && (c.start < start || c.end > end))
        };
        let head_at = |k: usize| {
            let w = words[k].text(text);
            DOCUMENT_HEADS
                .iter()
                .chain(FINAL_ONLY_HEADS)
                .any(|h| h.eq_ignore_ascii_case(w))
        };
        // "Stuart Law", "Denis Law": a span the steps before kept as a person (a given
        // name or initial and a surname, `retype`) is no law.
        let person = || {
            cands.iter().any(|c| {
                c.block == block && c.start == start && c.end == end && c.kind == EntityKind::Person
            })
        };
        let may_be_document = first < last
            && (head_at(first)
                || head_at(last)
                || words[first].text(text).eq_ignore_ascii_case("state"));
        if may_be_document && is_document_name(phrase) && !beyond() && !person() {
            cands.retain(|c| !c.overlaps(block, start, end));
            cands.push(Candidate::new(block, start, end, EntityKind::Misc));
        }
        i = last + 1;
    }
}

/// Footer links and page furniture that the tagger takes for names.
const FURNITURE: &[&str] = &[
    "privacy policy",
    "cookie policy",
    "cookies policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "terms & conditions",
    "contact us",
    "about us",
    "all rights reserved",
    "privacy notice",
    "site map",
    "sitemap",
    "newsletter",
    "subscribe",
    "advertisement",
    // Captions, buttons and transcript marks of news pages, seen in the AllSides texts
    // typed as organisations ("Hide Caption" about 1,300 times).
    "hide caption",
    "toggle caption",
    "image caption",
    "media caption",
    "click here",
    "read more",
    "sign up",
    "log in",
    "skip advertisement",
    "watched",
    "soundbite",
];

pub fn is_page_furniture(name: &str) -> bool {
    with_key(name, |k| FURNITURE.contains(&k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_by_head_word() {
        for name in [
            "First Amendment",
            "Code of Canon Law",
            "Balfour Declaration",
            "Affordable Care Act",
            "Treaty of Versailles",
            "Bill of Rights",
            "Geneva Conventions",
            "Sharia Law",
            "State of the Union",
        ] {
            assert!(is_document_name(name), "{name}");
        }
        assert!(is_document_name("Paris Accord"));
        for name in [
            "Harvard Law School",
            "Amendment",
            "Bill Clinton",
            "Codes",
            "Act Now",
            "Mueller",
            "Code Pink",
            "University of Texas School of Law",
            "Professor of Law",
            "State of Texas",
        ] {
            assert!(!is_document_name(name), "{name}");
        }
    }

    #[test]
    fn documents_are_found_in_running_text() {
        let found = |text: &str, tagged: &[(&str, EntityKind)]| {
            let w = crate::words::words(text, &|_| false);
            let mut cands = crate::candidate::at_first_occurrences(text, tagged);
            add_documents(0, text, &w, &mut cands);
            cands
                .iter()
                .map(|c| (text[c.start..c.end].to_string(), c.kind))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(
                "The Code of Canon Law was changed.",
                &[("Canon", EntityKind::Location)]
            ),
            [("Code of Canon Law".to_string(), EntityKind::Misc)]
        );
        assert_eq!(
            found("The First Amendment protects speech.", &[]),
            [("First Amendment".to_string(), EntityKind::Misc)]
        );
        assert_eq!(
            found(
                "his last State of the Union address",
                &[
                    ("State", EntityKind::Organization),
                    ("Union", EntityKind::Organization)
                ]
            ),
            [("State of the Union".to_string(), EntityKind::Misc)]
        );
        assert!(found("Bill Clinton and the Act.", &[]).is_empty());
        assert_eq!(
            found(
                "the Harvard Law School Act Now campaign",
                &[("Harvard Law School Act Now", EntityKind::Organization)]
            )
            .len(),
            1
        );
        // A person kept as one is no law; the same words untagged are.
        assert_eq!(
            found(
                "Stuart Law scored 50.",
                &[("Stuart Law", EntityKind::Person)]
            ),
            [("Stuart Law".to_string(), EntityKind::Person)]
        );
        assert_eq!(
            found("It is banned under Sharia Law.", &[]),
            [("Sharia Law".to_string(), EntityKind::Misc)]
        );
    }

    #[test]
    fn furniture() {
        assert!(is_page_furniture("Privacy Policy"));
        assert!(is_page_furniture("Terms of Use"));
        assert!(is_page_furniture("Hide Caption") && is_page_furniture("CLICK HERE"));
        assert!(!is_page_furniture("Policy Exchange"));
    }

    #[test]
    fn a_long_name_filling_a_quotation_is_a_title() {
        assert!(is_quoted_title(
            "Larry King Now",
            "licenses ''Politicking'' and ''",
            "'' -- which"
        ));
        assert!(is_quoted_title(
            "Barack Obama Election Day",
            "in \"",
            ",\" a day"
        ));
        assert!(!is_quoted_title(
            "Crooked Hillary",
            "calls her \"",
            "\" again"
        ));
        assert!(!is_quoted_title(
            "Barack Obama Election Day",
            "in the ",
            " event"
        ));
    }
}
