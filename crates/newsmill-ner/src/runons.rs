//! Spans in which the tagger ran several names together, split into their names:
//!
//! - people with their places: "Blase Cupich of Chicago and Joseph Tobin of Newark" ->
//!   person, place, person, place; "Joseph Tobin of Newark" typed person -> person + place;
//! - a party member's label with a state: "Republican of Arizona" -> misc + place;
//! - a place or body before a party adjective: "Senate Democratic (leader)", "New
//!   Hampshire Republican (primary)" -> organisation or place + misc;
//! - a list of people typed as one person: "Lindsey Graham and Ted Cruz";
//! - two organisations typed as one: "China Construction Bank and Bank of China";
//! - a possessive place inside a span: "Lockheed Martin and France's Snecma" ->
//!   "Lockheed Martin" + "France" + "Snecma";
//! - a case change: ordinary words then an ALL-CAPS run that is a known place or
//!   organisation ("San Antonio CNN", a category line glued to a dateline, "Marriage
//!   ROME"); other capitals after a name are usually part of it ("Montreal HC");
//! - a known person's full name running on into more names ("Mark Zuckerberg Herb
//!   Jackson", a byline);
//! - a span of another type ending in a known person's full name ("Fox News Sean Hannity",
//!   "Chicago Mayor Rahm Emanuel", "North Korea Donald Trump");
//! - a country before a person ("Iran Bush"): a country name does not open a person's name
//!   unless it is also a first name (those are weak in the gazetteer: "Jordan", "Georgia").
//!
//! Each rule needs the gazetteer or the text's own shape to say where the cut is; spans
//! that hold "and" or "of" as part of one name ("Bank of England", "Brown and Williamson")
//! stay whole because the rules ask for places or people on both sides.

use newsmill_core::EntityKind;
use newsmill_tagger::Tagger;

use crate::candidate::Candidate;
use crate::fold::key;
use crate::gazetteer::{is_designator, Gazetteer};
use crate::words::{is_capitalised, is_initial};

/// The names a candidate runs together, or `None` when it is one name. Each piece is a
/// strictly shorter candidate inside `c`.
pub fn split_run_on(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    // Every rule needs two words, and most spans are one name: a cheap test first (the
    // stage runs over every span of every article).
    if !name.contains(' ') {
        return None;
    }
    let pieces = people_of_places(name, c, gaz)
        .or_else(|| party_member_of_place(name, c, gaz))
        .or_else(|| party_adjective_tail(name, c, gaz))
        .or_else(|| person_of_institution(name, c, gaz))
        .or_else(|| person_list(name, c, gaz))
        .or_else(|| organisation_list(name, c, gaz))
        .or_else(|| possessive_place(name, c, gaz))
        .or_else(|| caps_tail(name, c, gaz))
        .or_else(|| known_person_prefix(name, c, gaz))
        .or_else(|| known_person_suffix(name, c, gaz))
        .or_else(|| titled_person_suffix(name, c, gaz))
        .or_else(|| country_before_person(name, c, gaz))
        .or_else(|| trailing_office(name, c, gaz))?;
    let inside = pieces
        .iter()
        .all(|p| p.start >= c.start && p.end <= c.end && p.start < p.end)
        && pieces.iter().all(|p| p.end - p.start < c.end - c.start);
    inside.then_some(pieces)
}

fn piece(c: Candidate, from: usize, to: usize, kind: EntityKind) -> Candidate {
    Candidate::new(c.block, c.start + from, c.start + to, kind)
}

fn strong_place(gaz: &Gazetteer, s: &str) -> bool {
    gaz.is_known_place(s)
}

/// Two or more capitalised words, none of them a connector: the shape of a person's full
/// name ("Blase Cupich"), not of an institution ("Archdiocese").
fn full_name_shape(s: &str, gaz: &Gazetteer) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    words.len() >= 2
        && words.len() <= 4
        && words.iter().all(|w| is_capitalised(w))
        && !gaz.looks_like_org(s)
        && !gaz.is_known_org(s)
        && !gaz.is_any_place(s)
}

/// Words that read as a person's name without the tagger's say: a listed given name
/// first, a known person, or a middle initial ("Gonzalo P. Curiel", "P. Curiel").
fn names_a_person(who: &str, gaz: &Gazetteer) -> bool {
    let first = who.split(' ').next().unwrap_or("");
    gaz.is_given_name(first) || gaz.is_known_person(who) || who.split(' ').any(is_initial)
}

/// "X of Y" with X a full name and Y a known place: the byte length of X.
fn person_of_place(s: &str, gaz: &Gazetteer) -> Option<usize> {
    let at = s.find(" of ")?;
    let (who, place) = (&s[..at], &s[at + 4..]);
    (full_name_shape(who, gaz) && strong_place(gaz, place)).then_some(at)
}

fn people_of_places(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    use EntityKind::*;
    if !name.contains(" of ") {
        return None;
    }
    let halves: Vec<(usize, &str)> = match name.find(" and ") {
        Some(at) => vec![(0, &name[..at]), (at + 5, &name[at + 5..])],
        // Typed otherwise, the tagger took the whole for an institution: only split when
        // the words before "of" read as a person's name on their own ("Eleni Daniilidou
        // of Greece"; "Blind Boys of Alabama" stays).
        None if c.kind == Person
            || name
                .split_once(" of ")
                .is_some_and(|(who, _)| names_a_person(who, gaz)) =>
        {
            vec![(0, name)]
        }
        None => return None,
    };
    let mut out = Vec::new();
    for (offset, half) in halves {
        let at = person_of_place(half, gaz)?;
        out.push(piece(c, offset, offset + at, Person));
        out.push(piece(c, offset + at + 4, offset + half.len(), Location));
    }
    Some(out)
}

/// "Senator Jeff Flake, Republican of Arizona" (the style of The New York Times): a party
/// member "of" a place is the party label (misc, as "Republican" alone is) and the place
/// the member represents, not one name.
fn party_member_of_place(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    const MEMBERS: &[&str] = &["Republican", "Democrat", "Independent", "Libertarian"];
    let (member, place) = name.split_once(" of ")?;
    (MEMBERS.contains(&member) && strong_place(gaz, place)).then(|| {
        vec![
            piece(c, 0, member.len(), EntityKind::Misc),
            piece(c, member.len() + 4, name.len(), EntityKind::Location),
        ]
    })
}

/// "Senate Democratic leader", "the New Hampshire Republican primary", "a CNN Democratic
/// debate", "an Iowa Democrat": a party adjective (or member) after a known place or organisation is not part of its name
/// but a name of its own (misc); a body's head word alone ("Senate") is that body. Groups
/// named so stay whole ("Senate Democrats", "Log
/// Cabin Republicans" end in a plural noun).
fn party_adjective_tail(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    let (lead, party) = name.rsplit_once(' ')?;
    if !matches!(party, "Democratic" | "Republican" | "Democrat") {
        return None;
    }
    let lead_kind = if strong_place(gaz, lead) {
        EntityKind::Location
    } else if gaz.is_known_org(lead)
        || gaz.is_frequent_org(lead)
        || (!lead.contains(' ') && gaz.is_org_head(lead))
    {
        EntityKind::Organization
    } else {
        return None;
    };
    Some(vec![
        piece(c, 0, lead.len(), lead_kind),
        piece(c, lead.len() + 1, name.len(), EntityKind::Misc),
    ])
}

/// "Lindsey Graham and Ted Cruz" typed one person: a person's name never holds "and".
fn person_list(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    if c.kind != EntityKind::Person || gaz.is_known_org(name) || gaz.looks_like_org(name) {
        return None;
    }
    let at = name.find(" and ")?;
    let (left, right) = (&name[..at], &name[at + 5..]);
    let names = |s: &str| s.split(' ').all(is_capitalised);
    (names(left) && names(right) && left.contains(' ') && right.contains(' ')).then(|| {
        vec![
            piece(c, 0, at, EntityKind::Person),
            piece(c, at + 5, name.len(), EntityKind::Person),
        ]
    })
}

/// "China Construction Bank and Bank of China", "British Bankers Association and Building
/// Societies Association" typed one organisation: two names that each read as a whole
/// organisation (known, or three or more words with an organisation's head) are two. One
/// name holding "and" is left whole: "Securities and Exchange Commission" ("Securities"
/// alone is no organisation), "Guangdong Post and Telecommunications Administration" (two
/// words are too few to tell a name from a noun joined to the next: "Post and
/// Telecommunications"), "Department of Health and Human Services" (after "of", the second
/// half must be an "X of Y" name of its own to count).
fn organisation_list(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    if c.kind != EntityKind::Organization || gaz.is_known_org(name) || gaz.is_frequent_org(name) {
        return None;
    }
    let at = name.find(" and ")?;
    let (left, right) = (&name[..at], &name[at + 5..]);
    if right.contains(" and ") {
        return None;
    }
    let whole = |s: &str| {
        gaz.is_known_org(s)
            || gaz.is_frequent_org(s)
            || (s.split(' ').count() >= 3
                && s.split(' ')
                    .all(|w| is_capitalised(w) || matches!(w, "of" | "for"))
                && (gaz.org_shape(s).is_some() || gaz.has_inner_org_head(s)))
    };
    let right_is_x_of_y =
        gaz.has_inner_org_head(right) || (right.contains(" of ") && gaz.org_shape(right).is_some());
    let complement_of_left = (left.contains(" of ") || left.contains(" for ")) && !right_is_x_of_y;
    (whole(left) && whole(right) && !complement_of_left).then(|| {
        vec![
            piece(c, 0, at, EntityKind::Organization),
            piece(c, at + 5, name.len(), EntityKind::Organization),
        ]
    })
}

/// "Stephen Vladeck of the University of Texas School of Law", "Lester Holt of NBC News":
/// a person's full name (no title or qualifier first: "Lord Mayor") and "of" an
/// institution with an organisation's shape or a known organisation -> person +
/// organisation. Institutions named after a person ("Bill Gates Foundation")
/// have no "of" in between; "Duke of Edinburgh" has no full name before it.
fn person_of_institution(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    let at = name.find(" of ")?;
    let who = &name[..at];
    let rest = &name[at + 4..];
    let article = if rest.starts_with("the ") { 4 } else { 0 };
    let institution = &rest[article..];
    let first = who.split(' ').next()?;
    let person = full_name_shape(who, gaz) && !gaz.is_title(first) && !gaz.is_qualifier(first);
    // "Gold Fields of South Africa Ltd", "Bank of America Corp": "of" a place with a
    // company designator is the company's own name, registered there.
    let mut place_words: Vec<&str> = institution.split(' ').collect();
    while place_words
        .last()
        .is_some_and(|w| crate::gazetteer::is_designator(&crate::fold::key(w)))
    {
        place_words.pop();
    }
    let registered_company = place_words.len() < institution.split(' ').count()
        && strong_place(gaz, &place_words.join(" "));
    // A weak head ("News", "Partners", "Court") or a known outlet ends many names that
    // are not institutions ("Our Lady of Lourdes Hospital"): then the person side must
    // read as a person's name on its own, with a listed given name or an initial.
    let org = institution.contains(' ')
        && !registered_company
        && (gaz.org_shape(institution) == Some(true)
            || ((gaz.org_shape(institution).is_some()
                || gaz.is_known_org(institution)
                || gaz.is_frequent_org(institution))
                && names_a_person(who, gaz)));
    (person && org).then(|| {
        vec![
            piece(c, 0, at, EntityKind::Person),
            piece(c, at + 4 + article, name.len(), EntityKind::Organization),
        ]
    })
}

/// "France's Snecma", "Lockheed Martin and France's Snecma": a known place with a
/// possessive inside a span is a name of its own, and so is what follows it.
fn possessive_place(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    if !name.contains("s ") {
        return None;
    }
    let (at, mark) = ["'s ", "’s "]
        .iter()
        .find_map(|m| name.find(m).map(|at| (at, m.len())))?;
    let before = &name[..at];
    let (lead, place_from) = match before.rfind(" and ") {
        Some(and) => (Some(and), and + 5),
        None => (None, 0),
    };
    let place = &before[place_from..];
    let rest_from = at + mark;
    if !strong_place(gaz, place) || !is_capitalised(&name[rest_from..]) {
        return None;
    }
    let mut out = Vec::new();
    if let Some(and) = lead {
        out.push(piece(c, 0, and, c.kind));
    }
    out.push(piece(c, place_from, at, EntityKind::Location));
    out.push(piece(c, rest_from, name.len(), c.kind));
    Some(out)
}

/// An ALL-CAPS word of two or more letters ("CBS", "ROME", "U.S.").
fn is_caps_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !w.chars().any(char::is_lowercase)
        && w.starts_with(|c: char| c.is_alphabetic())
}

/// Capitals that end a name rather than start one: designators ("AG", "PLC", "FC", "NV")
/// and Roman numerals ("World War II", "Henry VIII").
fn ends_a_name(w: &str) -> bool {
    let k = key(w);
    is_designator(&k)
        || matches!(
            k.as_str(),
            "fc" | "nv" | "bv" | "spa" | "ab" | "asa" | "se" | "lp" | "pc"
        )
        || w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn caps_tail(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    let last = name.rsplit(' ').next().unwrap_or("");
    if !is_caps_word(last) {
        return None;
    }
    let words: Vec<(usize, &str)> = name
        .match_indices(|ch: char| ch != ' ')
        .fold(Vec::new(), |mut acc: Vec<(usize, usize)>, (i, s)| {
            match acc.last_mut() {
                Some(last) if last.1 == i => last.1 = i + s.len(),
                _ => acc.push((i, i + s.len())),
            }
            acc
        })
        .into_iter()
        .map(|(a, z)| (a, &name[a..z]))
        .collect();
    // The last run of capitals after a mixed-case word ("... Network WASHINGTON").
    let first_caps = (1..words.len()).rev().find(|&i| {
        !is_caps_word(words[i - 1].1) && words[i..].iter().all(|(_, w)| is_caps_word(w))
    })?;
    // The word before must be ordinary mixed case: in an ALL-CAPS line nothing is told.
    if !words[first_caps - 1].1.chars().any(char::is_lowercase)
        || words[first_caps..].iter().any(|(_, w)| ends_a_name(w))
    {
        return None;
    }
    // Only capitals that are a name on their own start a new name: a dateline place
    // ("ROME") or a known organisation ("CBS"). Short capitals after a name are usually
    // part of it ("Montreal HC", "Georgetown BID", "Faber-Castell USA").
    let cut = words[first_caps].0;
    let right = &name[cut..];
    // A country code after a name is the branch's ("Faber-Castell USA", "Amazon UK"); a
    // dateline spells its place out.
    let spelt_out = right.chars().filter(|ch| ch.is_alphabetic()).count() >= 4;
    let right_kind = if spelt_out && strong_place(gaz, right) {
        EntityKind::Location
    } else if gaz.is_known_org(right) {
        EntityKind::Organization
    } else {
        return None;
    };
    let left_end = words[first_caps - 1].0 + words[first_caps - 1].1.len();
    Some(vec![
        piece(c, 0, left_end, c.kind),
        piece(c, cut, name.len(), right_kind),
    ])
}

/// "Mark Zuckerberg Herb Jackson": a known person's full name followed by more capitalised
/// words typed one person (a byline glued to a name) is that person and the rest.
fn known_person_prefix(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    if c.kind != EntityKind::Person || gaz.is_known_person(name) {
        return None;
    }
    let spaces: Vec<usize> = name.match_indices(' ').map(|(i, _)| i).collect();
    spaces.iter().skip(1).take(3).find_map(|&at| {
        let rest = &name[at + 1..];
        (gaz.is_known_person(&name[..at]) && rest.contains(' ') && is_capitalised(rest)).then(
            || {
                vec![
                    piece(c, 0, at, EntityKind::Person),
                    piece(c, at + 1, name.len(), c.kind),
                ]
            },
        )
    })
}

/// "Fox News Sean Hannity", "Chicago Mayor Rahm Emanuel", "Supreme Court Justice Antonin
/// Scalia" typed organisation or place: a span of another type than person that ends in a
/// known person's full name holds that person. What comes before keeps a name of its own
/// only when the lists know it (a place, an organisation, a nationality or party), after
/// any title that ends it ("Mayor", "Justice") is cut; fragments ("National Intelligence"
/// of "Director of National Intelligence James Clapper") go. A name ending in an organisation's head ("Hillary Clinton
/// Foundation") ends in no person.
fn known_person_suffix(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    if c.kind == EntityKind::Person {
        return None;
    }
    // The shortest known name at the end: "Justice Antonin Scalia" may be listed too.
    let at = name.rmatch_indices(' ').map(|(i, _)| i).find(|&at| {
        let rest = &name[at + 1..];
        // The list of people is learnt from tagged news and holds a few bodies named
        // after people ("Clinton Foundation").
        rest.contains(' ') && gaz.is_known_person_with_initials(rest) && !gaz.looks_like_org(rest)
    })?;
    Some(lead_and_person(name, at, at, c, gaz))
}

/// Longest person's name [`titled_person_suffix`] takes from the end of a span: a given
/// name, a surname, a generational suffix.
const MAX_TITLED_TAIL_WORDS: usize = 3;

/// "Navy SEAL Chris Kyle", "San Francisco Supervisor Jane Kim", "CNN Anderson Cooper" typed
/// organisation or place: a given name and a surname (and a suffix) at the end of a span of
/// another type, right after a title or an acronym of three or more capitals, is a person
/// the lists need not know. Not when the whole or the tail is a place or a listed
/// organisation, or a word of the tail is a place or an ordinary word ("JP Morgan Chase",
/// "South China Sea").
/// The lead is kept as [`known_person_suffix`] keeps it. Not after other words: "Bank of
/// America Merrill Lynch" is no person.
fn titled_person_suffix(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    if c.kind == EntityKind::Person {
        return None;
    }
    if gaz.is_any_place(name) || gaz.is_known_org(name) || gaz.is_frequent_org(name) {
        return None;
    }
    let words: Vec<&str> = name.split(' ').collect();
    let n = words.len();
    let first = (n.saturating_sub(MAX_TITLED_TAIL_WORDS)..n.saturating_sub(1)).find(|&k| {
        k >= 1 && gaz.is_given_name(words[k]) && {
            let before = words[k - 1];
            // A title of up to three words ("Chief of Staff") or an acronym.
            let titled = (1..=k.min(3)).any(|j| gaz.is_title(&words[k - j..k].join(" ")));
            titled || (before.len() >= 3 && before.chars().all(|ch| ch.is_ascii_uppercase()))
        }
    })?;
    let tail = &words[first..];
    // The surname: capitalised, no organisation's head, no place and no word the news
    // writes in lowercase ("JP Morgan Chase", "South China Sea", "Salt Lake City").
    let person_shaped = tail[1..].iter().all(|w| {
        w.starts_with(char::is_uppercase)
            && !gaz.is_org_head(w)
            && !gaz.is_known_place(w)
            && !Tagger::embedded().knows_lowercase_word(w)
    });
    let tail_name = tail.join(" ");
    if !person_shaped || gaz.looks_like_org(&tail_name) || gaz.is_any_place(&tail_name) {
        return None;
    }
    let at = words[..first].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    Some(lead_and_person(name, at, at, c, gaz))
}

/// The pieces of a span whose person's name starts after byte `at` (a space): the lead
/// (up to `lead_end`), when the lists know it once titles are cut from its end, and the
/// person.
fn lead_and_person(
    name: &str,
    lead_end: usize,
    at: usize,
    c: Candidate,
    gaz: &Gazetteer,
) -> Vec<Candidate> {
    let mut lead = &name[..lead_end];
    // Titles at the end of the lead: "Chicago Mayor", "White House Chief of Staff".
    while let Some(cut) = lead
        .match_indices(' ')
        .map(|(i, _)| i)
        .find(|&i| gaz.is_title(&lead[i + 1..]))
    {
        lead = &lead[..cut];
    }
    if gaz.is_title(lead) {
        lead = "";
    }
    let lead_kind = if lead.is_empty() {
        None
    } else if strong_place(gaz, lead) {
        Some(EntityKind::Location)
    } else if gaz.is_known_org(lead) || gaz.is_frequent_org(lead) {
        Some(EntityKind::Organization)
    } else if gaz.is_misc(lead) || gaz.is_demonym(lead) {
        Some(EntityKind::Misc)
    } else {
        None
    };
    let mut out: Vec<Candidate> = lead_kind
        .map(|kind| piece(c, 0, lead.len(), kind))
        .into_iter()
        .collect();
    out.push(piece(c, at + 1, name.len(), EntityKind::Person));
    out
}

fn country_before_person(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    if c.kind != EntityKind::Person || gaz.place(name).is_some() {
        return None;
    }
    let spaces: Vec<usize> = name.match_indices(' ').map(|(i, _)| i).take(2).collect();
    spaces.iter().find_map(|&at| {
        let (place, rest) = (&name[..at], &name[at + 1..]);
        let country = gaz
            .place(place)
            .is_some_and(|p| !p.weak && p.country.is_some());
        (country && is_capitalised(rest) && gaz.place(rest).is_none()).then(|| {
            vec![
                piece(c, 0, at, EntityKind::Location),
                piece(c, at + 1, name.len(), EntityKind::Person),
            ]
        })
    })
}

/// "Wells Fargo CEO", "Yukos CFO": an office written in capitals after a name is the
/// office of that body (or person), never part of its name.
fn trailing_office(name: &str, c: Candidate, gaz: &Gazetteer) -> Option<Vec<Candidate>> {
    let (rest, last) = name.rsplit_once(' ')?;
    let office = last.len() >= 2 && last.chars().all(|ch| ch.is_ascii_uppercase());
    (office && gaz.is_title(last)).then(|| vec![piece(c, 0, rest.len(), c.kind)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn split(name: &str, kind: EntityKind) -> Vec<(String, EntityKind)> {
        let c = Candidate::new(0, 0, name.len(), kind);
        split_run_on(name, c, Gazetteer::embedded())
            .unwrap_or_else(|| vec![c])
            .iter()
            .map(|p| (name[p.start..p.end].to_string(), p.kind))
            .collect()
    }

    fn s(name: &str, kind: EntityKind) -> (String, EntityKind) {
        (name.to_string(), kind)
    }

    #[test]
    fn people_with_their_places() {
        assert_eq!(
            split(
                "Blase Cupich of Chicago and Joseph Tobin of Newark",
                Organization
            ),
            [
                s("Blase Cupich", Person),
                s("Chicago", Location),
                s("Joseph Tobin", Person),
                s("Newark", Location)
            ]
        );
        assert_eq!(
            split("Joseph Tobin of Newark", Person),
            [s("Joseph Tobin", Person), s("Newark", Location)]
        );
        // Institutions "of" a place stay whole.
        for name in [
            "Bank of England",
            "University of Chicago",
            "Archbishop of Canterbury",
        ] {
            assert_eq!(split(name, Organization).len(), 1, "{name}");
            assert_eq!(split(name, Person).len(), 1, "{name}");
        }
    }

    #[test]
    fn known_people_at_the_end_of_other_names() {
        assert_eq!(
            split("Fox News Sean Hannity", Organization),
            [s("Fox News", Organization), s("Sean Hannity", Person)]
        );
        assert_eq!(
            split("Chicago Mayor Rahm Emanuel", Organization),
            [s("Chicago", Location), s("Rahm Emanuel", Person)]
        );
        assert_eq!(
            split("National Intelligence James Clapper", Organization),
            [s("James Clapper", Person)]
        );
        assert_eq!(
            split("Federal Reserve Chair Janet L. Yellen", Organization),
            [s("Janet L. Yellen", Person)]
        );
        assert_eq!(split("Hillary Clinton Foundation", Organization).len(), 1);
        assert_eq!(split("Chelsea Clinton Foundation", Organization).len(), 1);
        assert_eq!(
            split("Supreme Court Justice Antonin Scalia", Organization),
            [s("Antonin Scalia", Person)]
        );
        assert_eq!(split("Rahm Emanuel", Organization).len(), 1);
    }

    #[test]
    fn a_given_name_and_surname_after_a_title_or_acronym_is_a_person() {
        assert_eq!(
            split("Navy SEAL Chris Kyle", Organization).last(),
            Some(&s("Chris Kyle", Person))
        );
        assert_eq!(
            split("Chicago Mayor Jane Quibbler", Location),
            [s("Chicago", Location), s("Jane Quibbler", Person)]
        );
        for name in [
            "Bank of America Merrill Lynch",
            "Morgan Stanley",
            "JP Morgan Chase",
            "South China Sea",
            "Salt Lake City",
            "Zorbex Jane Quibbler",
        ] {
            assert_eq!(split(name, Organization).len(), 1, "{name}");
        }
    }

    #[test]
    fn party_adjectives_after_places_and_bodies() {
        assert_eq!(
            split("Senate Democratic", Organization),
            [s("Senate", Organization), s("Democratic", Misc)]
        );
        assert_eq!(
            split("New Hampshire Republican", Location),
            [s("New Hampshire", Location), s("Republican", Misc)]
        );
        assert_eq!(
            split("Iowa Democrat", Location),
            [s("Iowa", Location), s("Democrat", Misc)]
        );
        assert_eq!(split("Senate Democrats", Organization).len(), 1);
        assert_eq!(split("Hispanic Republican", Misc).len(), 1);
    }

    #[test]
    fn two_organisations_typed_as_one() {
        assert_eq!(
            split("China Construction Bank and Bank of China", Organization),
            [
                s("China Construction Bank", Organization),
                s("Bank of China", Organization)
            ]
        );
        assert_eq!(
            split(
                "British Bankers Association and Building Societies Association",
                Organization
            ),
            [
                s("British Bankers Association", Organization),
                s("Building Societies Association", Organization)
            ]
        );
        for name in [
            "Securities and Exchange Commission",
            "U.S. Department of Health and Human Services",
            "Fife College of Further and Higher Education",
            "Center for Strategic and International Studies",
            "Investors Bank and Trust",
            "Brown and Williamson",
            "Guangdong Post and Telecommunications Administration",
        ] {
            assert_eq!(split(name, Organization).len(), 1, "{name}");
        }
    }

    #[test]
    fn party_members_with_their_states() {
        assert_eq!(
            split("Republican of Arizona", Misc),
            [s("Republican", Misc), s("Arizona", Location)]
        );
        assert_eq!(
            split("Democrat of New York", Organization),
            [s("Democrat", Misc), s("New York", Location)]
        );
        // A party's own name "of" a place is one organisation.
        assert_eq!(split("Republican Party of Texas", Organization).len(), 1);
        assert_eq!(split("Democrats of Vermont", Organization).len(), 1);
    }

    #[test]
    fn people_of_institutions() {
        assert_eq!(
            split(
                "Stephen Vladeck of the University of Texas School of Law",
                Misc
            ),
            [
                s("Stephen Vladeck", Person),
                s("University of Texas School of Law", Organization)
            ]
        );
        for name in [
            "Bank of England",
            "Duke of Edinburgh",
            "Church of England",
            "Royal Society of Chemistry",
            "Supreme Court of the United States",
            "Gold Fields of South Africa Ltd",
        ] {
            assert_eq!(split(name, Organization).len(), 1, "{name}");
        }
        // A known outlet or a weak head ("News", "Hospital") after "of" needs a person's
        // name before it: a listed given name or an initial.
        assert_eq!(
            split("Lester Holt of NBC News", Organization),
            [s("Lester Holt", Person), s("NBC News", Organization)]
        );
        assert_eq!(
            split("P. Curiel of United States District Court", Organization),
            [
                s("P. Curiel", Person),
                s("United States District Court", Organization)
            ]
        );
        assert_eq!(split("Our Lady of Lourdes Hospital", Organization).len(), 1);
        assert_eq!(split("Sacred Heart of Jesus Church", Organization).len(), 1);
    }

    #[test]
    fn an_office_in_capitals_after_a_name_is_cut_off() {
        assert_eq!(
            split("Wells Fargo CEO", Organization),
            [s("Wells Fargo", Organization)]
        );
        assert_eq!(split("Wells Fargo", Organization).len(), 1);
        // Not an office in capitals: left to the other rules.
        assert_eq!(
            split("Fargo Chief", Organization),
            [s("Fargo Chief", Organization)]
        );
    }

    #[test]
    fn people_of_places_typed_as_institutions() {
        assert_eq!(
            split("Eleni Daniilidou of Greece", Organization),
            [s("Eleni Daniilidou", Person), s("Greece", Location)]
        );
        for name in ["Blind Boys of Alabama", "Royal Bank of Scotland"] {
            assert_eq!(split(name, Organization).len(), 1, "{name}");
        }
    }

    #[test]
    fn lists_of_people_and_possessive_places() {
        assert_eq!(
            split("Lindsey Graham and Ted Cruz", Person),
            [s("Lindsey Graham", Person), s("Ted Cruz", Person)]
        );
        assert_eq!(split("Brown and Williamson", Organization).len(), 1);
        assert_eq!(split("Marks and Spencer", Person).len(), 1);
        assert_eq!(
            split("Lockheed Martin and France's Snecma", Organization),
            [
                s("Lockheed Martin", Organization),
                s("France", Location),
                s("Snecma", Organization)
            ]
        );
        assert_eq!(
            split("Britain’s Labour Party", Organization),
            [s("Britain", Location), s("Labour Party", Organization)]
        );
        assert_eq!(split("McDonald's Corp", Organization).len(), 1);
    }

    #[test]
    fn capitals_after_mixed_case_start_a_name() {
        assert_eq!(
            split("Network WASHINGTON", Person),
            [s("Network", Person), s("WASHINGTON", Location)]
        );
        assert_eq!(
            split("Marriage ROME", Location),
            [s("Marriage", Location), s("ROME", Location)]
        );
        assert_eq!(
            split("San Antonio CNN", Location),
            [s("San Antonio", Location), s("CNN", Organization)]
        );
        for name in [
            "Deutsche Bank AG",
            "World War II",
            "NEW YORK",
            "BBC News",
            "Manchester United FC",
            "Montreal HC",
            "Faber-Castell USA",
        ] {
            assert_eq!(split(name, Organization).len(), 1, "{name}");
        }
    }

    #[test]
    fn a_known_person_does_not_run_on_into_a_byline() {
        assert_eq!(
            split("Donald Trump Herb Jackson", Person),
            [s("Donald Trump", Person), s("Herb Jackson", Person)]
        );
        assert_eq!(split("Donald Trump Jr", Person).len(), 1);
    }

    #[test]
    fn a_country_does_not_open_a_persons_name() {
        assert_eq!(
            split("Iran Bush", Person),
            [s("Iran", Location), s("Bush", Person)]
        );
        assert_eq!(split("Jordan Henderson", Person).len(), 1);
        assert_eq!(split("Iran Air", Organization).len(), 1);
        assert_eq!(split("South Africa", Person).len(), 1);
    }
}
