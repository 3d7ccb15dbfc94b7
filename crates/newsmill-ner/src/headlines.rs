//! Lines whose case says nothing: ALL-CAPS lines ("REPRESENTING FBI INFORMANT") and
//! headline-case lines, where every word, "The" and "That" included, is capitalised
//! ("Guardian Fake News Story Proves That The Media Ca..."). The tagger reads capitals as
//! names and tags whole runs there. In such a line a mention is kept only as far as the
//! article's ordinary lines confirm it: the longest run of its words that is a name found in
//! them (or a well-known place or organisation) stays, with that name's type; the rest goes.
//! Names the article repeats are then found in those lines again by the alias pass.

use rustc_hash::FxHashMap as HashMap;

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::clean::trim_span;
use crate::fold::key;
use crate::gazetteer::Gazetteer;

/// Small words that ordinary prose writes in lowercase; capitalised inside a line they show
/// headline case.
const FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "Of", "And", "To", "In", "On", "For", "With", "That", "Is", "Are", "Was",
    "Were", "At", "By", "From", "As", "Into", "Over", "After", "Its", "His", "Her", "Their", "Be",
    "Has", "Have", "Not", "But", "Or", "Than", "Who", "What", "How", "Why",
];

/// Longest mention (in words) that is searched for a confirmed part.
const MAX_WORDS: usize = 12;

/// Whether a block's capitals carry no information: it has 3+ words and no lowercase
/// letter, or 4+ words nearly all capitalised with a capitalised function word after the
/// first word.
pub fn is_case_uninformative(text: &str) -> bool {
    // One pass over the words, without collecting them: every block of every article is
    // asked, and nearly all are ordinary prose.
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut function_capitalised = false;
    for word in text.split_whitespace() {
        let Some(first_letter) = word.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        let upper = first_letter.is_uppercase();
        // "A." is an initial ("A. Dale 69, H. Morris 69"), not the article.
        if words > 0 && upper && !function_capitalised {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            function_capitalised =
                FUNCTION_WORDS.contains(&bare) && !(bare.len() == 1 && word.ends_with('.'));
        }
        words += 1;
        capitalised += usize::from(upper);
    }
    if words < 3 {
        return false;
    }
    if !text.chars().any(char::is_lowercase) {
        return true;
    }
    words >= 4 && capitalised * 10 >= words * 8 && function_capitalised
}

/// Cuts the mentions in case-uninformative blocks down to their confirmed parts (see the
/// module docs). Does nothing when the article has no ordinary block to confirm from.
pub fn confirm_headline_mentions(blocks: &[&str], cands: &mut Vec<Candidate>, gaz: &Gazetteer) {
    let uninformative: Vec<bool> = blocks.iter().map(|b| is_case_uninformative(b)).collect();
    if uninformative.iter().all(|&u| u) || !uninformative.iter().any(|&u| u) {
        return;
    }
    // Each name's most frequent type in the ordinary lines (the first on a tie): a
    // dateline's "MILAN" typed place does not outvote "Milan" the club twice.
    // A dateline ("WIGAN, England 1996-08-31": capitals opening a line) names where the
    // story was filed, so it counts only where nothing else types the name.
    let mut votes: HashMap<String, Vec<(EntityKind, usize)>> = HashMap::default();
    for c in cands.iter().filter(|c| !uninformative[c.block]) {
        let text = c.text(blocks);
        let dateline = c.start == 0 && !text.chars().any(char::is_lowercase);
        let weight = usize::from(!dateline);
        let kinds = votes.entry(key(text)).or_default();
        match kinds.iter_mut().find(|(k, _)| *k == c.kind) {
            Some((_, n)) => *n += weight,
            None => kinds.push((c.kind, weight)),
        }
    }
    let confirmed: HashMap<String, EntityKind> = votes
        .into_iter()
        .map(|(name, kinds)| {
            let best = kinds
                .iter()
                .fold(kinds[0], |best, &k| if k.1 > best.1 { k } else { best });
            (name, best.0)
        })
        .collect();
    let known = |name: &str| -> Option<EntityKind> {
        if let Some(&kind) = confirmed.get(&key(name)) {
            return Some(kind);
        }
        if gaz.place(name).is_some_and(|p| !p.weak) {
            return Some(EntityKind::Location);
        }
        gaz.is_known_org(name).then_some(EntityKind::Organization)
    };
    // Every word of the people the ordinary lines name ("Roberto", "Duran" of "Roberto
    // Duran" and "Duran"), for a person mention in the line written in full.
    let person_words: rustc_hash::FxHashSet<String> = confirmed
        .iter()
        .filter(|(_, kind)| **kind == EntityKind::Person)
        .flat_map(|(name, _)| name.split(' ').map(str::to_string))
        .collect();
    // The surnames of the people they name in full ("Johnson" of "Tom Johnson").
    let surnames: rustc_hash::FxHashSet<&str> = confirmed
        .iter()
        .filter(|(name, kind)| **kind == EntityKind::Person && name.contains(' '))
        .filter_map(|(name, _)| name.rsplit(' ').next())
        .collect();
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        if !uninformative[c.block] {
            out.push(c);
            continue;
        }
        let text = blocks[c.block];
        let span = c.text(blocks);
        // A person typed so whose every word the article's people have, its surname a
        // person alone ("ROBERTO DURAN" beside "Roberto ... Duran" and "Duran"), or the
        // surname of one named in full, and an
        // event typed so ("U.S. OPEN", "ENGLISH COUNTY CHAMPIONSHIP"): the tagger's span
        // is the name, not only its confirmed part.
        let words: Vec<String> = span.split(' ').map(key).collect();
        let whole_person = c.kind == EntityKind::Person
            && (2..=4).contains(&words.len())
            && words.iter().all(|w| person_words.contains(w))
            && words
                .last()
                .is_some_and(|w| confirmed.get(w) == Some(&EntityKind::Person));
        // A surname alone typed person ("JOHNSON WINS" beside "Tom Johnson").
        let surname = c.kind == EntityKind::Person
            && words.len() == 1
            && surnames.contains(words[0].as_str());
        let whole_person = whole_person || surname;
        let whole_event = c.kind == EntityKind::Misc && crate::works::is_event_name(span);
        if whole_person || whole_event {
            out.push(c);
            continue;
        }
        if let Some(part) = confirmed_part(text, &c, &known, gaz) {
            out.push(part);
        }
    }
    *cands = out;
}

/// The longest run of the mention's words that `known` recognises, as a candidate.
fn confirmed_part(
    text: &str,
    c: &Candidate,
    known: &dyn Fn(&str) -> Option<EntityKind>,
    gaz: &Gazetteer,
) -> Option<Candidate> {
    let span = text.get(c.start..c.end)?;
    let words: Vec<(usize, usize)> = span
        .split_whitespace()
        .map(|w| {
            let start = c.start + (w.as_ptr() as usize - span.as_ptr() as usize);
            (start, start + w.len())
        })
        .take(MAX_WORDS)
        .collect();
    for len in (1..=words.len()).rev() {
        for first in 0..=words.len() - len {
            let (start, end) = (words[first].0, words[first + len - 1].1);
            let Some((start, end)) = trim_span(text, start, end, gaz) else {
                continue;
            };
            if let Some(kind) = known(&text[start..end]) {
                return Some(Candidate::new(c.block, start, end, kind));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headline_and_caps_lines() {
        assert!(is_case_uninformative(
            "Guardian Fake News Story Proves That The Media Can Not Be Trusted"
        ));
        assert!(is_case_uninformative("REPRESENTING FBI INFORMANT"));
        assert!(!is_case_uninformative(
            "Barack Obama met Angela Merkel in Berlin on Tuesday."
        ));
        assert!(!is_case_uninformative(
            "Barack Obama, Angela Merkel, Xi Jinping"
        ));
        assert!(!is_case_uninformative("BBC News"));
        assert!(!is_case_uninformative(
            "Glamorgan 259 and 207 ( A. Dale 69 , H. Morris 69 ; D. Blenkiron 4-43 ) , Durham 114"
        ));
    }

    #[test]
    fn keeps_only_confirmed_parts_in_headline_lines() {
        let blocks = [
            "Guardian Story Proves That The Media Lie About Paris",
            "The Guardian published a story by Katherine Viner.",
        ];
        let span = |b: usize, s: &str| {
            let start = blocks[b].find(s).unwrap();
            (b, start, start + s.len())
        };
        let mk = |(b, s, e): (usize, usize, usize), k| Candidate::new(b, s, e, k);
        let mut cands = vec![
            mk(span(0, "Guardian Story Proves"), EntityKind::Person),
            mk(span(0, "The Media Lie"), EntityKind::Organization),
            mk(span(0, "Paris"), EntityKind::Person),
            mk(span(1, "Guardian"), EntityKind::Organization),
            mk(span(1, "Katherine Viner"), EntityKind::Person),
        ];
        confirm_headline_mentions(&blocks, &mut cands, Gazetteer::embedded());
        let got: Vec<(&str, EntityKind)> =
            cands.iter().map(|c| (c.text(&blocks), c.kind)).collect();
        assert_eq!(
            got,
            [
                ("Guardian", EntityKind::Organization),
                ("Paris", EntityKind::Location),
                ("Guardian", EntityKind::Organization),
                ("Katherine Viner", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn keeps_people_the_article_names_and_events_whole() {
        let blocks = [
            "PANAMA'S ROBERTO DURAN FIGHTS AT THE U.S. OPEN",
            "Boxing legend Roberto \"Hands of Stone\" Duran fights on. Duran is 45.",
        ];
        let span = |b: usize, s: &str| {
            let start = blocks[b].find(s).unwrap();
            Candidate::new(b, start, start + s.len(), EntityKind::Person)
        };
        let mut cands = vec![
            span(0, "ROBERTO DURAN"),
            span(0, "FIGHTS AT"),
            Candidate {
                kind: EntityKind::Misc,
                ..span(0, "U.S. OPEN")
            },
            span(1, "Roberto"),
            span(1, "Duran"),
        ];
        confirm_headline_mentions(&blocks, &mut cands, Gazetteer::embedded());
        let got: Vec<&str> = cands.iter().map(|c| c.text(&blocks)).collect();
        assert_eq!(got, ["ROBERTO DURAN", "U.S. OPEN", "Roberto", "Duran"]);
        let blocks = [
            "JOHNSON WINS POINTS VERDICT",
            "American Tom Johnson defended his title.",
        ];
        let mut cands = vec![
            Candidate::new(0, 0, 7, EntityKind::Person),
            Candidate::new(1, 9, 20, EntityKind::Person),
        ];
        confirm_headline_mentions(&blocks, &mut cands, Gazetteer::embedded());
        let got: Vec<&str> = cands.iter().map(|c| c.text(&blocks)).collect();
        assert_eq!(got, ["JOHNSON", "Tom Johnson"]);
    }

    #[test]
    fn a_headline_name_takes_its_most_frequent_type_in_the_ordinary_lines() {
        let blocks = [
            "SOCCER - MILAN BEAT ROMA",
            "MILAN 1996-08-30",
            "Milan won. Roma scored.",
        ];
        let mut cands = vec![
            Candidate::new(0, 9, 14, EntityKind::Organization),
            Candidate::new(1, 0, 5, EntityKind::Location),
            Candidate::new(2, 0, 5, EntityKind::Organization),
        ];
        confirm_headline_mentions(&blocks, &mut cands, Gazetteer::embedded());
        assert_eq!(cands[0].kind, EntityKind::Organization);
    }

    #[test]
    fn leaves_articles_without_ordinary_lines_alone() {
        let blocks = ["ALL CAPS ARTICLE ABOUT NATO"];
        let mut cands = vec![Candidate::new(0, 0, 3, EntityKind::Organization)];
        confirm_headline_mentions(&blocks, &mut cands, Gazetteer::embedded());
        assert_eq!(cands.len(), 1);
    }
}
