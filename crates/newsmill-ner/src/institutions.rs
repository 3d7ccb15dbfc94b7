//! Long institutional names the tagger cuts into pieces: "the Center for Strategic and
//! International Studies" tagged "Strategic" and "International Studies", "the Carnegie
//! Endowment for International Peace" tagged a place and an organisation, "the Joint
//! Committee on Taxation" tagged "Taxation". The shape says where such a name runs: a
//! capitalised run ending in an organisation's head word ("Center", "Endowment",
//! "Committee", "School"), then "for", "on", "to" or "of", then a capitalised complement
//! (with "and", "of", "the", "for" inside). The whole run is one organisation, and the
//! pieces inside it go.
//!
//! Where the complement may be no part of the name the rule stops: a day or month
//! ("Committee on Tuesday"), a title ("Department of Defense Chief of Staff"), a person,
//! a place after "on" or "to" ("the Intelligence Committee on Capitol Hill") or "of the"
//! ("General Motors of the US"), a place next to "and" ("University of Pennsylvania and
//! Carnegie Mellon" are two), a name of its own ("Swiss Super League for FC Basel"), a
//! role ("Chief Executive of AOL UK") and a seat ("Parliament for Sheffield Brightside").
//! Lines in headline case or capitals tell nothing by their capitals and are left alone.

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::fold::key;
use crate::gazetteer::{is_designator, Gazetteer};
use crate::given_names::is_calendar_word;
use crate::headlines::is_case_uninformative;
use crate::recall::SENTENCE_STARTERS;
use crate::retype::is_place_and_plural;
use crate::words::{is_capitalised, joined, Word};

/// Words inside a complement that join its capitalised words.
const INNER_CONNECTORS: &[&str] = &["and", "of", "for", "the", "on", "&"];

/// Words that open the formal names of states as well as of bodies.
const STATE_HEADS: &[&str] = &["Union", "Republic", "Federation", "Commonwealth", "Kingdom"];

/// Head words of legislatures, whose members sit "for" a constituency.
const LEGISLATURES: &[&str] = &["Parliament", "Assembly", "Senate", "Congress"];

/// Most words before the head: "U.S. House Permanent Select Committee" has four; the walk
/// back stays bounded in a block of capitals.
const MAX_LEAD_WORDS: usize = 6;

/// Most words a complement may run to: "Office of the Inspector General for the
/// Intelligence Community" has nine after "of"; a longer run is headline text.
const MAX_COMPLEMENT_WORDS: usize = 10;

/// Joins the pieces of long institutional names in one block into one organisation
/// candidate each. Linear in the block's words: each head word looks ahead over its
/// complement once, and a complement is never scanned again; each name found then looks
/// at the block's own candidates (the stage hands this step one block's list).
pub fn join_institution_names(
    block: usize,
    text: &str,
    words: &[Word],
    gaz: &Gazetteer,
    cands: &mut Vec<Candidate>,
) {
    if words.len() < 3 {
        return;
    }
    // (start of the name, start of its complement, end)
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i + 2 < words.len() {
        let Some((start, end, next)) = institution_at(text, words, i, gaz) else {
            i += 1;
            continue;
        };
        found.push((start, words[i + 2].start, end));
        i = next;
    }
    // Asked only when a name was found: most blocks have none, and the test reads the
    // whole block.
    if found.is_empty() || is_case_uninformative(text) {
        return;
    }
    for (start, complement, end) in found {
        // A candidate that reaches out of the name means the tagger read the text another
        // way: leave it be. So does a person in the complement ("Department of Defense
        // Chief of Staff Jeremy Bash": the name ended before the role).
        // A name of its own in the complement is another body the first one is "for"
        // ("Swiss Super League for FC Basel", "National Hockey League for the St. Louis
        // Eagles").
        let crosses = cands.iter().any(|c| {
            c.overlaps(block, start, end)
                && (c.start < start
                    || c.end > end
                    || (c.start >= complement
                        && (c.kind == EntityKind::Person
                            || is_name_of_its_own(&text[c.start..c.end], gaz))))
        });
        if crosses {
            continue;
        }
        // The whole name tagged as a place or a person ("New York University School of
        // Law" typed place): an institution's shape says organisation, unless its head
        // also names states ("Union of Soviet Socialist Republics", "Federation of
        // Malaya": the tagger's place stands).
        if let Some(c) = cands
            .iter_mut()
            .find(|c| c.block == block && c.start == start && c.end == end)
        {
            let state = text[start..end]
                .split(' ')
                .next()
                .is_some_and(|w| STATE_HEADS.contains(&w));
            if !state && matches!(c.kind, EntityKind::Location | EntityKind::Person) {
                c.kind = EntityKind::Organization;
            }
            continue;
        }
        // Only where the tagger saw a name: an untagged run is left to it ("Center for
        // Excellence" may be a sign's words).
        if !cands.iter().any(|c| c.overlaps(block, start, end)) {
            continue;
        }
        cands.retain(|c| !c.overlaps(block, start, end));
        cands.push(Candidate::new(block, start, end, EntityKind::Organization));
    }
}

/// A name that is a whole organisation by itself: a known one, one with an organisation's
/// head word or designator anywhere ("FC Basel"), a team's shape ("Boston Bruins"), a
/// known person. Not the frequent organisations: the tagger's own cut pieces of these very
/// names are among them ("International Studies").
fn is_name_of_its_own(name: &str, gaz: &Gazetteer) -> bool {
    gaz.is_known_org(name)
        || name.split(' ').any(|w| gaz.is_org_head(w))
        || gaz.is_known_person(name)
        || is_place_and_plural(name, gaz)
}

/// The institution whose head word is word `head`: (start byte, end byte, index of the
/// first word after it).
fn institution_at(
    text: &str,
    words: &[Word],
    head: usize,
    gaz: &Gazetteer,
) -> Option<(usize, usize, usize)> {
    let head_word = words[head].text(text);
    // A company's designator ends its name: "Daniels Pharmaceuticals Inc of St.
    // Petersburg" is the company and where it is.
    if !is_capitalised(head_word) || !gaz.is_org_head(head_word) || is_designator(&key(head_word)) {
        return None;
    }
    let connector = words[head + 1].text(text);
    // "on" and "to" follow the bodies that have a remit ("Committee on Taxation",
    // "Committee to Protect Journalists"); after a club or a centre they say where
    // ("Metropolitan Club on H Street").
    let remit = matches!(connector, "on" | "to");
    if !matches!(connector, "for" | "on" | "to" | "of")
        || (remit && !gaz.is_strong_org_head(head_word))
        || !joined(&words[head], &words[head + 1])
        || !joined(&words[head + 1], &words[head + 2])
    {
        return None;
    }
    // "Chief Executive of AOL UK": a role, not a body.
    let role = gaz.is_title(head_word)
        || (head > 0 && gaz.is_title(&text[words[head - 1].start..words[head].end]));
    // "entered Parliament for Sheffield Brightside": a legislature "for" a place is a seat.
    let seat = connector == "for" && LEGISLATURES.contains(&head_word);
    if role || seat {
        return None;
    }
    let last = complement_end(text, words, head + 2, connector, gaz)?;
    let first = name_start(text, words, head, gaz);
    let (start, end) = (words[first].start, words[last].end);
    // "Union of Soviet Socialist Republics" is a country's name.
    if gaz.is_any_place(&text[start..end]) {
        return None;
    }
    Some((start, end, last + 1))
}

/// The first word of the capitalised run that ends at the head word: back over
/// capitalised words joined to it, not over a word that opens sentences ("The", "At"), a
/// title, a day or month ("August National Association of ...") or a
/// possessive (a word whose trail was cut stops the run before it).
fn name_start(text: &str, words: &[Word], head: usize, gaz: &Gazetteer) -> usize {
    let mut first = head;
    while first > 0 && head - first < MAX_LEAD_WORDS && joined(&words[first - 1], &words[first]) {
        let prev = words[first - 1].text(text);
        if !is_capitalised(prev)
            || SENTENCE_STARTERS.contains(&prev)
            || gaz.is_title(prev)
            || is_calendar_word(prev)
        {
            break;
        }
        first -= 1;
    }
    first
}

/// The last word of a complement that starts at word `from` after `connector`: capitalised
/// words, with connectors inside only between capitalised words. `None` when the
/// complement is no part of a name.
fn complement_end(
    text: &str,
    words: &[Word],
    from: usize,
    connector: &str,
    gaz: &Gazetteer,
) -> Option<usize> {
    let mut k = from;
    // "Office of the Inspector General": an article may open the complement.
    if words[k].text(text) == "the" && k + 1 < words.len() && joined(&words[k], &words[k + 1]) {
        k += 1;
    }
    let mut last = None;
    let mut segment_start = k;
    while k < words.len() && k - from < MAX_COMPLEMENT_WORDS {
        let word = words[k].text(text);
        if is_capitalised(word) {
            if is_calendar_word(word) || gaz.is_title(word) {
                break;
            }
            last = Some(k);
            if words[k].trail || k + 1 >= words.len() || !joined(&words[k], &words[k + 1]) {
                break;
            }
            k += 1;
            continue;
        }
        // A connector joins two capitalised words; anything else ends the complement.
        // "for the" and "of the" too: "Court of Appeals for the District of Columbia".
        let capitalised_at = |at: usize| {
            words
                .get(at)
                .is_some_and(|w| is_capitalised(w.text(text)) && joined(&words[at - 1], w))
        };
        if matches!(word, "for" | "of")
            && last == Some(k - 1)
            && words.get(k + 1).is_some_and(|w| w.text(text) == "the")
            && joined(&words[k], &words[k + 1])
            && capitalised_at(k + 2)
        {
            k += 2;
            segment_start = k;
            continue;
        }
        let next_capitalised = capitalised_at(k + 1);
        if !INNER_CONNECTORS.contains(&word) || last != Some(k - 1) || !next_capitalised {
            break;
        }
        if word == "and" {
            // "University of Pennsylvania and Carnegie Mellon", "... Eagles and Boston
            // Bruins": a place before or after "and" ends a name; "Strategic and
            // International Studies" goes on.
            let segment = &text[words[segment_start].start..words[k - 1].end];
            let next = words[k + 1].text(text);
            if gaz.is_any_place(segment) || gaz.is_known_place(next) {
                break;
            }
        }
        k += 1;
        segment_start = k;
    }
    let last = last?;
    let complement = &text[words[from].start..words[last].end];
    // "Committee on Capitol Hill" says where; "General Motors of the US" is a company and
    // its country ("Bank of England" is one name: no "the").
    let place_where = (matches!(connector, "on" | "to")
        || (connector == "of" && words[from].text(text) == "the"))
        && gaz.is_any_place(complement.trim_start_matches("the "));
    let person = gaz.is_known_person(complement);
    (!place_where && !person).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::{at_successive_occurrences, named as s, texts_and_kinds};
    use crate::words::words;
    use EntityKind::*;

    fn joined_names(text: &str, spans: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let gaz = Gazetteer::embedded();
        let mut cands = at_successive_occurrences(text, spans);
        let w = words(text, &|t| gaz.is_title(t));
        join_institution_names(0, text, &w, gaz, &mut cands);
        texts_and_kinds(text, &mut cands)
    }

    #[test]
    fn pieces_of_a_long_institution_name_become_one_organisation() {
        let text =
            "Victor Cha, a scholar at the Center for Strategic and International Studies, said so.";
        assert_eq!(
            joined_names(
                text,
                &[
                    ("Victor Cha", Person),
                    ("Strategic", Organization),
                    ("International Studies", Organization)
                ]
            ),
            [
                s("Victor Cha", Person),
                s(
                    "Center for Strategic and International Studies",
                    Organization
                )
            ]
        );
        let text = "He works at the Carnegie Endowment for International Peace.";
        assert_eq!(
            joined_names(
                text,
                &[
                    ("Carnegie Endowment", Location),
                    ("International Peace", Organization)
                ]
            ),
            [s(
                "Carnegie Endowment for International Peace",
                Organization
            )]
        );
        let text = "The Joint Committee on Taxation scored it.";
        assert_eq!(
            joined_names(text, &[("Taxation", Organization)]),
            [s("Joint Committee on Taxation", Organization)]
        );
        let text = "the U.S. Court of Appeals for the District of Columbia ruled";
        assert_eq!(
            joined_names(
                text,
                &[
                    ("U.S. Court of Appeals", Organization),
                    ("Columbia", Location)
                ]
            ),
            [s(
                "U.S. Court of Appeals for the District of Columbia",
                Organization
            )]
        );
        let text = "Wayne State University School of Medicine hired him.";
        assert_eq!(
            joined_names(text, &[("Wayne", Person), ("Medicine", Location)]),
            [s("Wayne State University School of Medicine", Organization)]
        );
    }

    #[test]
    fn what_follows_a_name_is_not_always_part_of_it() {
        // A day, a place after "on", a place before "and", a title.
        let text = "The House Judiciary Committee on Tuesday voted.";
        let spans = [("House Judiciary Committee", Organization)];
        assert_eq!(
            joined_names(text, &spans),
            [s("House Judiciary Committee", Organization)]
        );
        let text = "The Senate Intelligence Committee on Capitol Hill met.";
        let spans = [
            ("Senate Intelligence Committee", Organization),
            ("Capitol Hill", Location),
        ];
        assert_eq!(joined_names(text, &spans).len(), 2);
        let text = "He taught at the University of Pennsylvania and Carnegie Mellon.";
        let spans = [
            ("University of Pennsylvania", Organization),
            ("Carnegie Mellon", Organization),
        ];
        assert_eq!(joined_names(text, &spans).len(), 2);
        let text = "the Department of Defense Chief of Staff Jeremy Bash";
        let spans = [
            ("Department of Defense", Organization),
            ("Jeremy Bash", Person),
        ];
        assert_eq!(joined_names(text, &spans).len(), 2);
        // The whole name typed otherwise.
        let text = "at New York University School of Law today";
        assert_eq!(
            joined_names(text, &[("New York University School of Law", Location)]),
            [s("New York University School of Law", Organization)]
        );
        // A company's designator, a club "on" a street, a day before a name, another
        // body in the complement.
        let text = "Daniels Pharmaceuticals Inc of St. Petersburg said";
        let spans = [
            ("Daniels Pharmaceuticals Inc", Organization),
            ("St. Petersburg", Location),
        ];
        assert_eq!(joined_names(text, &spans).len(), 2);
        let text = "dinner at the Metropolitan Club on H Street";
        let spans = [("Metropolitan Club", Organization), ("H Street", Location)];
        assert_eq!(joined_names(text, &spans).len(), 2);
        let text = "In August National Association of Purchasing Management figures";
        assert_eq!(
            joined_names(text, &[("National Association", Organization)]),
            [s(
                "National Association of Purchasing Management",
                Organization
            )]
        );
        let text = "the Swiss Super League for FC Basel";
        let spans = [
            ("Swiss Super League", Organization),
            ("FC Basel", Organization),
        ];
        assert_eq!(joined_names(text, &spans).len(), 2);
        // A role, a seat, a company of a country, a country's name.
        let text = "said Karen Thomson, Chief Executive of AOL UK, today";
        let spans = [("Karen Thomson", Person), ("AOL UK", Organization)];
        assert_eq!(joined_names(text, &spans).len(), 2);
        let text = "He entered Parliament for Sheffield Brightside in 1987";
        let spans = [
            ("Parliament", Organization),
            ("Sheffield Brightside", Location),
        ];
        assert_eq!(joined_names(text, &spans).len(), 2);
        let text = "sales at General Motors of the US fell";
        let spans = [("General Motors", Organization), ("US", Location)];
        assert_eq!(joined_names(text, &spans).len(), 2);
        let text = "the Union of Soviet Socialist Republics collapsed";
        let spans = [("Union of Soviet Socialist Republics", Location)];
        assert_eq!(joined_names(text, &spans), [s(spans[0].0, Location)]);
        // A run the tagger found nothing in, and a headline.
        let text = "a sign read Center for Excellence here";
        assert!(joined_names(text, &[]).is_empty());
        let text = "Trump Foundation For Strategic Giving Fails Audit";
        assert_eq!(
            joined_names(text, &[("Trump Foundation", Organization)]).len(),
            1
        );
    }
}
