//! Repairs of the tagger's span boundaries, guided by the gazetteers: pieces of one name
//! joined ("Bashar" + "al-Assad", "Al" + "Qaeda", "Northern" + "Syria"), and two names
//! run together split ("Supreme Military Council in Babisqa", "Sunni Anbar").

use newsmill_core::EntityKind;
use newsmill_tagger::Tagger;
use rustc_hash::FxHashMap;

use crate::acronyms::initials;
use crate::candidate::{sort_and_dedupe, Candidate};
use crate::fold;
use crate::gazetteer::{is_designator, Gazetteer};
use crate::runons::split_run_on;
use crate::words::{is_capitalised, is_initial, is_particle_name};

/// Splits and joins candidates; leaves them sorted.
pub fn repair(blocks: &[&str], cands: &mut Vec<Candidate>, gaz: &Gazetteer) {
    split_pairs_named_apart(blocks, cands, gaz);
    let mut pieces = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        let text = blocks.get(c.block).copied().unwrap_or("");
        split(text, c, gaz, &mut pieces);
    }
    sort_and_dedupe(&mut pieces);
    for c in pieces {
        if let Some(prev) = cands.last_mut() {
            let text = blocks.get(c.block).copied().unwrap_or("");
            if prev.block == c.block {
                if let Some(kind) = joined_kind(text, prev, &c, gaz) {
                    prev.end = c.end;
                    prev.kind = kind;
                    continue;
                }
            }
        }
        cands.push(c);
    }
    for c in cands.iter_mut() {
        let text = blocks.get(c.block).copied().unwrap_or("");
        if let Some(start) = nationality_before_institution(text, c, gaz) {
            c.start = start;
        }
        if let Some(start) = title_word_before_institution(text, c, gaz) {
            c.start = start;
            c.kind = EntityKind::Organization;
        }
        if let Some(end) = channel_number_after(text, c) {
            c.end = end;
        }
        if let Some(start) = place_word_before(text, c, gaz) {
            c.start = start;
            c.kind = EntityKind::Location;
        } else if let Some(start) = place_opening_word_before(text, c, gaz) {
            c.start = start;
        }
        if let Some(start) = patronymic_before(text, c, gaz) {
            c.start = start;
        }
    }
    sort_and_dedupe(cands);
}

/// Most words a side of "X and Y" may have to be split by [`split_pairs_named_apart`].
const MAX_PAIR_SIDE_WORDS: usize = 4;

/// "meetings with Dundee United and Rangers": a span of two names joined by "and" is split
/// when the article names one side alone elsewhere ("Nacho Novo of Rangers"): a name of
/// its own that the tagger ran into its neighbour. Names that hold "and" are rarely cut so
/// ("Marks and Spencer" is not written "Spencer"); known places and organisations
/// ("Bosnia and Herzegovina") stay whole.
fn split_pairs_named_apart(blocks: &[&str], cands: &mut Vec<Candidate>, gaz: &Gazetteer) {
    // Most articles have no span holding "and": no table to build for them.
    if !cands.iter().any(|c| c.text(blocks).contains(" and ")) {
        return;
    }
    let alone: FxHashMap<&str, EntityKind> = cands
        .iter()
        .map(|c| (c.text(blocks), c.kind))
        .filter(|(name, _)| !name.contains(" and "))
        .collect();
    if alone.is_empty() {
        return;
    }
    let mut split_any = false;
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        let name = c.text(blocks);
        let sides = name.split_once(" and ").filter(|(left, right)| {
            let fits = |s: &str| {
                is_capitalised(s)
                    && !s.contains(" and ")
                    && s.split(' ').count() <= MAX_PAIR_SIDE_WORDS
            };
            // The second name alone, or the first alone and the second a name of its own:
            // one the lists know, or several words that do not end in an organisation's
            // head. A first name alone may leave a tail that is the rest of one name
            // ("Parks and Recreation Department", "Associated Press and Television
            // Networks", "Fox and Friends").
            let last = right.rsplit(' ').next().unwrap_or(right);
            let ends_in_head =
                gaz.is_org_head(last) || last.strip_suffix('s').is_some_and(|w| gaz.is_org_head(w));
            let own_name =
                named_kind(right, gaz).is_some() || (right.contains(' ') && !ends_in_head);
            let right_is_a_name =
                alone.contains_key(right) || (alone.contains_key(left) && own_name);
            fits(left)
                && fits(right)
                && right_is_a_name
                && gaz.place(name).is_none()
                && !gaz.is_known_org(name)
        });
        let Some((left, right)) = sides else {
            out.push(c);
            continue;
        };
        split_any = true;
        let right_start = c.end - right.len();
        // What the lists know of a side first ("Los Angeles and San Francisco" are places
        // even where the article also has "San Francisco" typed otherwise; a nationality or
        // people is misc), then its lone mention's kind, then the span's.
        let kind_of = |side: &str| {
            let people = gaz.is_demonym(side) || gaz.is_misc(side);
            named_kind(side, gaz)
                .or_else(|| people.then_some(EntityKind::Misc))
                .or_else(|| alone.get(side).copied())
                .unwrap_or(c.kind)
        };
        out.push(Candidate::new(
            c.block,
            c.start,
            c.start + left.len(),
            kind_of(left),
        ));
        out.push(Candidate::new(c.block, right_start, c.end, kind_of(right)));
    }
    *cands = out;
    if split_any {
        sort_and_dedupe(cands);
    }
}

/// "New" + "Hampshire", "South" + "Africa": the tagger left out the capitalised word that
/// opens a place's name. The start of the whole place when the word and the span make a
/// strong gazetteer place.
fn place_word_before(text: &str, c: &Candidate, gaz: &Gazetteer) -> Option<usize> {
    let (word_start, word) = word_before(text, c.start)?;
    if !is_capitalised(word) || !gaz.may_start_place(word) {
        return None;
    }
    let whole = text.get(word_start..c.end)?;
    gaz.place(whole)
        .is_some_and(|p| !p.weak)
        .then_some(word_start)
}

/// "Osama bin Laden", "Mohammed bin Salman", "Bin Laden judged": the tagger, trained on
/// text with few Arabic names, leaves out the patronymic particle ("bin", "ibn", "bint")
/// and the given name before it, and types the rest a person. The start of the whole name:
/// the particle, and the capitalised word before it unless that is a title ("Crown Prince
/// Mohammed bin Salman" starts at "Mohammed"; "Prince bin Salman" at "bin").
fn patronymic_before(text: &str, c: &Candidate, gaz: &Gazetteer) -> Option<usize> {
    const PARTICLES: &[&str] = &["bin", "ibn", "bint", "Bin", "Ibn", "Bint"];
    if c.kind != EntityKind::Person {
        return None;
    }
    let (particle_start, particle) = word_before(text, c.start)?;
    if !PARTICLES.contains(&particle) {
        return None;
    }
    let Some((given_start, given)) = word_before(text, particle_start) else {
        return Some(particle_start);
    };
    let name_like = is_capitalised(given)
        && given.chars().all(|ch| ch.is_alphabetic() || ch == '-')
        && !gaz.is_title(given)
        && !matches!(
            given,
            "The" | "A" | "An" | "In" | "On" | "At" | "By" | "For" | "But"
        );
    Some(if name_like {
        given_start
    } else {
        particle_start
    })
}

/// "New" + "Hampshire Union Leader", "South" + "Carolina Democratic Party": the tagger left
/// out the first word of a place that opens a longer name. The start of the whole name when
/// the word and the span's first word make a strong gazetteer place the span's first word
/// alone is not part of ("Hampshire" is no such place; "York" of "New York Times" is, but
/// then the tagger rarely cuts it). The span keeps its type.
fn place_opening_word_before(text: &str, c: &Candidate, gaz: &Gazetteer) -> Option<usize> {
    if c.kind == EntityKind::Person {
        return None;
    }
    let (word_start, word) = word_before(text, c.start)?;
    if !is_capitalised(word) || !gaz.may_start_place(word) {
        return None;
    }
    let name = text.get(c.start..c.end)?;
    let (first, _) = name.split_once(' ')?;
    let opening = text.get(word_start..c.start + first.len())?;
    let opens_with_place = gaz.place(opening).is_some_and(|p| !p.weak);
    (opens_with_place && gaz.place(first).is_none()).then_some(word_start)
}

/// The capitalised word right before `c.start`, as (start, word), when a single space
/// separates them.
fn word_before(text: &str, start: usize) -> Option<(usize, &str)> {
    let before = text.get(..start)?.strip_suffix(' ')?;
    let word_start = before
        .rfind(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '"' | '“' | '\''))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    Some((word_start, &before[word_start..]))
}

/// "Premier League", "General Assembly", "Queen Mary University": an organisation span
/// ending in an organisation head, right after a capitalised word that is also a person's
/// title. The tagger leaves such a word out (its title feature says "a person follows"),
/// and the bare head then reads as a titled person ("Premier" + "League"). Not after a
/// possessive or a second capitalised word ("Prime Minister Blair's ..."), so a title run
/// before the name of a person is never joined.
fn title_word_before_institution(text: &str, c: &Candidate, gaz: &Gazetteer) -> Option<usize> {
    let name = text.get(c.start..c.end)?;
    // The tagger also types the bare head a person ("Premier" + "League"); a one-word
    // person span that is an organisation head is no person's name.
    let lone_head = c.kind == EntityKind::Person && !name.contains(' ');
    if c.kind != EntityKind::Organization && !lone_head {
        return None;
    }
    let head = name.rsplit(' ').next()?;
    if !gaz.is_org_head(head) {
        return None;
    }
    let (word_start, word) = word_before(text, c.start)?;
    let prev = text[..word_start].split_whitespace().next_back();
    // Or, before a lone head, an adjective the news writes in lowercase, after "the": "the
    // General Assembly", "the National Assembly" ("General" is no title, but its
    // capital says it opens the name).
    let adjective_after_the = lone_head
        && prev.is_some_and(|p| p.eq_ignore_ascii_case("the"))
        && Tagger::embedded().knows_lowercase_word(word);
    if !is_capitalised(word)
        || !(gaz.is_title(word) || adjective_after_the)
        || word.ends_with(['.', ',', ':', ';'])
    {
        return None;
    }
    if prev.is_some_and(|p| is_capitalised(p) && !p.ends_with(['.', ',', ':', ';', '!', '?'])) {
        return None;
    }
    Some(word_start)
}

/// "Radio 1", "Channel 4", "BBC Two", "Formula One": a broadcaster or series word ending an
/// organisation span and followed by its number, which the tagger leaves out (a bare
/// number is never a name in its training data). Returns the end of the number.
fn channel_number_after(text: &str, c: &Candidate) -> Option<usize> {
    const SERIES: &[&str] = &["Radio", "Channel", "BBC", "ITV", "Sky", "Formula", "S4C"];
    const NUMBER_WORDS: &[&str] = &["One", "Two", "Three", "Four", "Five"];
    const STATION_WORDS: &[&str] = &["Live", "Music", "News", "Extra", "Xtra", "Sport"];
    if c.kind != EntityKind::Organization {
        return None;
    }
    let name = text.get(c.start..c.end)?;
    if !SERIES.contains(&name.rsplit(' ').next()?) {
        return None;
    }
    let after = text.get(c.end..)?.strip_prefix(' ')?;
    let len = after
        .find(|ch: char| !ch.is_alphanumeric())
        .unwrap_or(after.len());
    let word = &after[..len];
    let number = (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
        || NUMBER_WORDS.contains(&word);
    if !number {
        return None;
    }
    let end = c.end + 1 + len;
    // "BBC Five Live", "BBC 6 Music", "Channel 4 News": the station's own last word.
    let station = after[len..].strip_prefix(' ').and_then(|rest| {
        STATION_WORDS.iter().find(|w| {
            rest.strip_prefix(**w)
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        })
    });
    Some(station.map_or(end, |w| end + 1 + w.len()))
}

/// "Iraqi Defense Ministry", "Indian Air Force", "Danish Dairy Board": an organisation span
/// headed by a body of state or an organisation word, right after a nationality the tagger left out (or typed misc on its own, which
/// the join above handles): the start of the whole name. Only as a word of its own, not
/// after another capitalised word ("Prime Minister Iraqi ..." is no name).
fn nationality_before_institution(text: &str, c: &Candidate, gaz: &Gazetteer) -> Option<usize> {
    if c.kind != EntityKind::Organization {
        return None;
    }
    let name = text.get(c.start..c.end)?;
    let institution = is_state_body(name) || gaz.looks_like_org(name);
    if !institution || name.split_once(' ').is_some_and(|(w, _)| gaz.is_demonym(w)) {
        return None;
    }
    let (word_start, word) = word_before(text, c.start)?;
    if !is_capitalised(word) || !gaz.is_demonym(word) {
        return None;
    }
    let prev = text[..word_start].split_whitespace().next_back();
    if prev.is_some_and(|p| is_capitalised(p) && !p.ends_with(['.', ',', ':', ';'])) {
        return None;
    }
    Some(word_start)
}

/// Whether a name ends in a word for a ministry, armed force or other body of state.
pub fn is_state_body(name: &str) -> bool {
    const BODIES: &[&str] = &[
        "Ministry",
        "Department",
        "Army",
        "Navy",
        "Force",
        "Forces",
        "Police",
        "Guard",
        "Guards",
        "Embassy",
        "Parliament",
        "Government",
        "Cabinet",
        "Senate",
        "Assembly",
        "Executive",
    ];
    name.contains(' ') && name.rsplit(' ').next().is_some_and(|w| BODIES.contains(&w))
}

/// The kind of `a` and `b` as one name, when they are one.
fn joined_kind(text: &str, a: &Candidate, b: &Candidate, gaz: &Gazetteer) -> Option<EntityKind> {
    let gap = text.get(a.end..b.start)?;
    let (first, second, both) = (
        text.get(a.start..a.end)?,
        text.get(b.start..b.end)?,
        text.get(a.start..b.end)?,
    );
    if matches!(gap, " and " | " & ") {
        return joined_by_and(a, b, first, second, both, gaz);
    }
    if gap != " " {
        return None;
    }
    // "Iraqi" + "Defense Ministry", "Danish" + "Dairy Board": a nationality typed misc
    // before a body of state or an organisation-shaped name is that nation's body.
    if a.kind == EntityKind::Misc
        && b.kind == EntityKind::Organization
        && gaz.is_demonym(first)
        && (is_state_body(second) || gaz.looks_like_org(second))
    {
        return Some(EntityKind::Organization);
    }
    if gaz.place(both).is_some_and(|p| !p.weak) {
        return Some(EntityKind::Location);
    }
    if gaz.is_known_org(both) {
        return Some(EntityKind::Organization);
    }
    if gaz.is_direction(first) && b.kind == EntityKind::Location {
        return Some(EntityKind::Location);
    }
    let first_is_other_name =
        gaz.place(first).is_some() || gaz.is_qualifier(first) || gaz.is_known_org(first);
    // "Donald" + "J. Trump", "Harry M." + "Reid": the tagger sometimes starts a second name
    // at a middle initial (US copy writes them: "Vladimir V. Putin"). A person's name with
    // only a space before an initial, or an initial ending it before a surname, is one name.
    // The part holding the initial must be typed person: "Malcolm" + "X. Besides Dee" (a
    // place) is a name that ends a sentence, then the next one.
    let meets_at_initial = (starts_with_initial(second) && b.kind == EntityKind::Person)
        || (ends_with_initial(first) && a.kind == EntityKind::Person);
    // Only a name's words: "Gonzalo P." + "Curiel of United States District Court" is a
    // person and a court run together.
    let name_words = both.split(' ').count() <= 5 && both.split(' ').all(is_capitalised);
    if meets_at_initial && name_words && !first_is_other_name {
        return Some(EntityKind::Person);
    }
    if is_particle_name(second) && is_capitalised(first) && !first_is_other_name {
        let person = a.kind == EntityKind::Person || b.kind == EntityKind::Person;
        return Some(if person { EntityKind::Person } else { a.kind });
    }
    None
}

/// "J." in "J. Trump": one capital letter and a full stop, then more of the name.
fn starts_with_initial(name: &str) -> bool {
    let mut words = name.split(' ');
    words.next().is_some_and(is_initial) && words.next().is_some_and(is_capitalised)
}

/// "Harry M.": a name that ends at a middle initial, after a word of the name.
fn ends_with_initial(name: &str) -> bool {
    name.rsplit_once(' ')
        .is_some_and(|(before, last)| is_initial(last) && is_capitalised(before))
}

/// Two spans with "and" between them that are one name: a known place or organisation
/// ("St Kitts" + "Nevis", "Trinidad" + "Tobago"), or a descriptive fragment typed misc
/// before a named facility or institution ("Scottish Exhibition" + "Conference Centre",
/// where the fragment names nothing on its own).
fn joined_by_and(
    a: &Candidate,
    b: &Candidate,
    first: &str,
    second: &str,
    both: &str,
    gaz: &Gazetteer,
) -> Option<EntityKind> {
    if gaz.place(both).is_some_and(|p| !p.weak) {
        return Some(EntityKind::Location);
    }
    if gaz.is_known_org(both) {
        return Some(EntityKind::Organization);
    }
    // The first half's type says little: it names nothing alone.
    if a.kind != EntityKind::Person
        && b.kind == EntityKind::Organization
        && halves_of_one_body(first, second, gaz)
    {
        return Some(EntityKind::Organization);
    }
    let named_alone = |s: &str| {
        gaz.is_any_place(s) || gaz.is_known_org(s) || gaz.looks_like_org(s) || gaz.is_misc(s)
    };
    let fragment = a.kind == EntityKind::Misc
        && first.contains(' ')
        && first
            .split_once(' ')
            .is_some_and(|(w, _)| gaz.is_demonym(w))
        && !named_alone(first);
    (fragment && second.contains(' ') && gaz.looks_like_org(second)).then_some(b.kind)
}

/// "United States Citizenship" + "Immigration Services", "Texas Parks" + "Wildlife
/// Department": a body named for two things, cut by the tagger at "and". The first half
/// names nothing alone (two or more capitalised words, not ending in an organisation's
/// head, no known name or place) and the second is one topic word (no acronym, place or
/// nationality) and the head of a public body or fund ("Committee", "Services", "Fund");
/// neither is a known name.
fn halves_of_one_body(first: &str, second: &str, gaz: &Gazetteer) -> bool {
    let words: Vec<&str> = first.split(' ').collect();
    let first_is_fragment = words.len() >= 2
        && words.iter().all(|w| is_capitalised(w))
        && !words.last().is_some_and(|w| gaz.is_org_head(w))
        && !gaz.is_any_place(first)
        && !gaz.is_known_org(first)
        && !gaz.is_frequent_org(first)
        && !gaz.is_known_person(first);
    // One topic word and the head: a longer second half ("First Choice Foods", "the
    // London Stock Exchange") or a nationality ("British Petroleum") names a body alone.
    let Some((topic, head)) = second.split_once(' ') else {
        return false;
    };
    // Public bodies and funds are named for two things ("Work and Pensions"); companies
    // so named are pairs of companies as often ("Apple Computer and Cisco Systems").
    const BODY_HEADS: &[&str] = &[
        "Committee",
        "Subcommittee",
        "Commission",
        "Department",
        "Services",
        "Service",
        "Fund",
        "Agency",
        "Council",
        "Board",
        "Authority",
        "Administration",
        "Bureau",
        "Office",
    ];
    let topic_word = topic.chars().skip(1).any(char::is_lowercase);
    let second_ends_in_head = BODY_HEADS.contains(&head)
        && topic_word
        && !gaz.is_demonym(topic)
        && !gaz.is_any_place(topic)
        && !gaz.is_known_org(second)
        && !gaz.is_frequent_org(second);
    first_is_fragment && second_ends_in_head
}

/// "Organisation for Security and Cooperation in Europe (OSCE)": a name the text follows
/// with its acronym in brackets, spelling its initials, is one name, however it reads.
fn defined_by_its_acronym(name: &str, after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix('(') else {
        return false;
    };
    let Some((acronym, _)) = rest.split_once(')') else {
        return false;
    };
    let acronym = acronym.trim();
    acronym.len() >= 2
        && acronym.len() <= 10
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && initials(name, false) == acronym
}

fn split(text: &str, c: Candidate, gaz: &Gazetteer, out: &mut Vec<Candidate>) {
    let Some(name) = text.get(c.start..c.end) else {
        return;
    };
    if defined_by_its_acronym(name, &text[c.end..]) {
        out.push(c);
        return;
    }
    // Several names run together ("Blase Cupich of Chicago and Joseph Tobin of Newark",
    // "San Antonio CBS"): each piece is repaired on its own (pieces are strictly shorter).
    if let Some(parts) = split_run_on(name, c, gaz) {
        for part in parts {
            split(text, part, gaz, out);
        }
        return;
    }
    // "Supreme Military Council in Babisqa", "al-Maliki in Baghdad": a name, then where it
    // is: split when the first part is an organisation or the second a known place.
    if let Some(at) = name.find(" in ") {
        let (left, right) = (&name[..at], &name[at + 4..]);
        let left_org = left
            .split_whitespace()
            .next_back()
            .is_some_and(|w| gaz.is_org_head(w));
        let right_place = gaz.place(right).is_some_and(|p| !p.weak);
        if is_capitalised(right) && (left_org || right_place) {
            let left_kind = if left_org {
                EntityKind::Organization
            } else {
                c.kind
            };
            out.push(Candidate::new(c.block, c.start, c.start + at, left_kind));
            out.push(Candidate::new(
                c.block,
                c.start + at + 4,
                c.end,
                EntityKind::Location,
            ));
            return;
        }
    }
    // "Americas and China", "Liggett Group and Brown and Williamson": two names joined by
    // "and", told by a first part that is a whole name on its own.
    if let Some((left_len, left_kind, right_kind)) = coordinated_split(name, gaz) {
        let right_start = c.start + left_len + " and ".len();
        let right = &name[left_len + " and ".len()..];
        let right_kind = right_kind.unwrap_or_else(|| {
            if gaz.place(right).is_some_and(|p| !p.weak) {
                EntityKind::Location
            } else {
                c.kind
            }
        });
        out.push(Candidate::new(
            c.block,
            c.start,
            c.start + left_len,
            left_kind,
        ));
        out.push(Candidate::new(c.block, right_start, c.end, right_kind));
        return;
    }
    // "Sunni Anbar", "Syrian Aleppo": a qualifier, then a place.
    if let Some((first, rest)) = name.split_once(' ') {
        let whole_is_place = gaz.place(name).is_some();
        if !whole_is_place && gaz.is_qualifier(first) && gaz.place(rest).is_some_and(|p| !p.weak) {
            out.push(Candidate::new(
                c.block,
                c.start,
                c.start + first.len(),
                EntityKind::Misc,
            ));
            out.push(Candidate::new(
                c.block,
                c.start + first.len() + 1,
                c.end,
                EntityKind::Location,
            ));
            return;
        }
    }
    out.push(c);
}

/// Where a span of two names joined by "and" splits: the length of the first name and its
/// kind. Names that contain "and" themselves ("Trinidad and Tobago", "Brown and
/// Williamson") are not split: the first part must be a known place with a known place
/// after it, or end in a company or institution word ("Group", "Ministry").
/// Where a name joined by "and" splits: the first part's length and kind, and the second
/// part's kind when the gazetteers know it (else it keeps the span's kind).
fn coordinated_split(
    name: &str,
    gaz: &Gazetteer,
) -> Option<(usize, EntityKind, Option<EntityKind>)> {
    if gaz.place(name).is_some() || gaz.is_known_org(name) {
        return None;
    }
    let at = name.find(" and ")?;
    let (left, right) = (&name[..at], &name[at + " and ".len()..]);
    if !is_capitalised(right) {
        return None;
    }
    let known_place = |s: &str| gaz.place(s).is_some_and(|p| !p.weak);
    if known_place(left) && known_place(right) {
        return Some((at, EntityKind::Location, Some(EntityKind::Location)));
    }
    // Only a strong head or a designator: weak heads also end names that run on with
    // "and" ("Guangdong Post and Telecommunications Administration").
    let left_org = left.contains(' ')
        && (gaz.org_shape(left) == Some(true)
            || left
                .split_whitespace()
                .next_back()
                .is_some_and(|w| is_designator(&fold::key(w))));
    if left_org {
        return Some((at, EntityKind::Organization, None));
    }
    // "House and Senate", "Morgan Stanley and JPMorgan Chase", "Washington Post and Karen
    // Tumulty": a name known on its own, then another known name or a person's.
    let left_kind = named_kind(left, gaz)?;
    named_kind(right, gaz).map(|right_kind| (at, left_kind, Some(right_kind)))
}

/// The kind of a name the gazetteers know on its own: a place that is no common word, a
/// known or frequent organisation or one word for a body, a known person or a given name
/// and a surname.
fn named_kind(name: &str, gaz: &Gazetteer) -> Option<EntityKind> {
    if gaz.place(name).is_some_and(|p| !p.weak) {
        return Some(EntityKind::Location);
    }
    // "Senate", "Parliament": a word that ends organisations' names and here is one.
    let body_word = !name.contains(' ') && gaz.is_org_head(name);
    if gaz.is_known_org(name) || gaz.is_frequent_org(name) || body_word {
        return Some(EntityKind::Organization);
    }
    let given_and_surname = matches!(
        name.split(' ').collect::<Vec<_>>()[..],
        [given, surname] if gaz.is_given_name(given) && is_capitalised(surname)
    );
    (gaz.is_known_person(name) || given_and_surname).then_some(EntityKind::Person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::named;
    use EntityKind::*;

    fn repaired(text: &str, spans: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let mut cands = crate::candidate::at_first_occurrences(text, spans);
        repair(&[text], &mut cands, Gazetteer::embedded());
        cands
            .iter()
            .map(|c| (text[c.start..c.end].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn the_first_word_of_a_place_opening_a_longer_name_joins_it() {
        assert_eq!(
            repaired(
                "The New Hampshire Union Leader endorsed him",
                &[("Hampshire Union Leader", Organization)]
            ),
            [named("New Hampshire Union Leader", Organization)]
        );
        // The span's first word a place on its own: nothing to add.
        assert_eq!(
            repaired("the Old Texas Senate", &[("Texas Senate", Organization)]),
            [named("Texas Senate", Organization)]
        );
    }

    #[test]
    fn a_patronymic_particle_and_the_given_name_join_the_surname() {
        assert_eq!(
            repaired("Osama bin Laden declared war", &[("Laden", Person)]),
            [named("Osama bin Laden", Person)]
        );
        assert_eq!(
            repaired("Bin Laden judged America", &[("Laden", Person)]),
            [named("Bin Laden", Person)]
        );
        assert_eq!(
            repaired(
                "Crown Prince Mohammed bin Salman said",
                &[("Salman", Person)]
            ),
            [named("Mohammed bin Salman", Person)]
        );
        assert_eq!(
            repaired("to bring down bin Laden", &[("Laden", Person)]),
            [named("bin Laden", Person)]
        );
        // No particle, or not a person.
        assert_eq!(
            repaired("Osama Laden", &[("Laden", Person)]),
            [named("Laden", Person)]
        );
    }

    #[test]
    fn a_pair_is_split_when_the_article_names_a_side_alone() {
        assert_eq!(
            repaired(
                "Novo of Rangers was banned. Novo misses Dundee United and Rangers",
                &[
                    ("Rangers", Organization),
                    ("Dundee United and Rangers", Organization)
                ]
            ),
            [
                named("Rangers", Organization),
                named("Dundee United", Organization),
                named("Rangers", Organization)
            ]
        );
        // Known places on both sides are places, whatever a lone mention was typed.
        assert_eq!(
            repaired(
                "the San Francisco Giants. Los Angeles and San Francisco",
                &[
                    ("San Francisco", Organization),
                    ("Los Angeles and San Francisco", Location)
                ]
            ),
            [
                named("San Francisco", Organization),
                named("Los Angeles", Location),
                named("San Francisco", Location)
            ]
        );
        // A people on one side is misc.
        assert_eq!(
            repaired(
                "Hearts won. The Cameroonians and Hearts",
                &[
                    ("Hearts", Organization),
                    ("Cameroonians and Hearts", Organization)
                ]
            ),
            [
                named("Hearts", Organization),
                named("Cameroonians", Misc),
                named("Hearts", Organization)
            ]
        );
        // Only the first name alone leaves a tail that may be the rest of one name.
        assert_eq!(
            repaired(
                "Parks said. The Parks and Recreation Department",
                &[
                    ("Parks", Person),
                    ("Parks and Recreation Department", Organization)
                ]
            ),
            [
                named("Parks", Person),
                named("Parks and Recreation Department", Organization)
            ]
        );
        assert_eq!(
            repaired(
                "Real Madrid won. Real Madrid and Paris St Germain",
                &[
                    ("Real Madrid", Organization),
                    ("Real Madrid and Paris St Germain", Organization)
                ]
            ),
            [
                named("Real Madrid", Organization),
                named("Real Madrid", Organization),
                named("Paris St Germain", Organization)
            ]
        );
        assert_eq!(
            repaired(
                "on Fox. Fox and Friends",
                &[("Fox", Organization), ("Fox and Friends", Misc)]
            ),
            [named("Fox", Organization), named("Fox and Friends", Misc)]
        );
        // Neither side alone, or a known place: one name.
        assert_eq!(
            repaired(
                "Marks and Spencer said. Marks and Spencer sales",
                &[("Marks and Spencer", Organization)]
            ),
            [named("Marks and Spencer", Organization)]
        );
        assert_eq!(
            repaired(
                "Bosnia. Bosnia and Herzegovina",
                &[("Bosnia", Location), ("Bosnia and Herzegovina", Location)]
            ),
            [
                named("Bosnia", Location),
                named("Bosnia and Herzegovina", Location)
            ]
        );
    }

    #[test]
    fn a_name_defined_by_its_acronym_stays_whole() {
        let osce = "The Organisation for Security and Cooperation in Europe ( OSCE ) met";
        let name = "Organisation for Security and Cooperation in Europe";
        assert_eq!(
            repaired(osce, &[(name, Organization)]),
            [(name.into(), Organization)]
        );
        // Without the acronym, a place after "in" is where the body is.
        assert_eq!(
            repaired(
                "the Supreme Military Council in Babisqa said",
                &[("Supreme Military Council in Babisqa", Organization)]
            ),
            [
                ("Supreme Military Council".into(), Organization),
                ("Babisqa".into(), Location)
            ]
        );
    }

    #[test]
    fn a_place_word_the_tagger_left_out_joins_its_place() {
        assert_eq!(
            repaired(
                "Live From New Hampshire today",
                &[("Hampshire", Organization)]
            ),
            [("New Hampshire".into(), Location)]
        );
        assert_eq!(
            repaired("in South Africa today", &[("Africa", Location)]),
            [("South Africa".into(), Location)]
        );
        // A word that makes no place with the span stays out.
        assert_eq!(
            repaired("in Old York there", &[("York", Location)]),
            [("York".into(), Location)]
        );
        assert_eq!(
            repaired("the Big Hampshire plan", &[("Hampshire", Organization)]),
            [("Hampshire".into(), Organization)]
        );
    }

    #[test]
    fn a_nationality_before_an_organisation_is_its_name() {
        assert_eq!(
            repaired(
                "a spokesman for the Danish Dairy Board said",
                &[("Danish", Misc), ("Dairy Board", Organization)]
            ),
            [("Danish Dairy Board".into(), Organization)]
        );
        assert_eq!(
            repaired(
                "for the Danish Dairy Board said",
                &[("Dairy Board", Organization)]
            ),
            [("Danish Dairy Board".into(), Organization)]
        );
        // A nationality before a name of no organisation shape stays apart.
        assert_eq!(
            repaired(
                "the German Bundesbank said",
                &[("German", Misc), ("Bundesbank", Organization)]
            ),
            [("German".into(), Misc), ("Bundesbank".into(), Organization)]
        );
    }

    #[test]
    fn joins_a_name_split_at_its_middle_initial() {
        assert_eq!(
            repaired(
                "was Donald J. Trump, who",
                &[("Donald", Person), ("J. Trump", Person)]
            ),
            [("Donald J. Trump".into(), Person)]
        );
        assert_eq!(
            repaired(
                "said Harry M. Reid on",
                &[("Harry M.", Person), ("Reid", Person)]
            ),
            [("Harry M. Reid".into(), Person)]
        );
        assert_eq!(
            repaired(
                "Judge Gonzalo P. Curiel of United States District Court",
                &[
                    ("Gonzalo P.", Person),
                    ("Curiel of United States District Court", Organization)
                ]
            ),
            [
                ("Gonzalo P.".into(), Person),
                (
                    "Curiel of United States District Court".into(),
                    Organization
                )
            ]
        );
        assert_eq!(
            repaired(
                "Malcolm X. Besides Dee, he",
                &[("Malcolm", Person), ("X. Besides Dee", Location)]
            ),
            [
                ("Malcolm".into(), Person),
                ("X. Besides Dee".into(), Location)
            ]
        );
        // A place before an initialled name, or a comma between, keeps them apart.
        assert_eq!(
            repaired(
                "in Texas J. Smith said",
                &[("Texas", Location), ("J. Smith", Person)]
            ),
            [("Texas".into(), Location), ("J. Smith".into(), Person)]
        );
        assert_eq!(
            repaired(
                "Donald, J. Trump",
                &[("Donald", Person), ("J. Trump", Person)]
            ),
            [("Donald".into(), Person), ("J. Trump".into(), Person)]
        );
    }

    #[test]
    fn widens_titles_before_institutions_and_station_numbers() {
        assert_eq!(
            repaired(
                "to a Premier League commission",
                &[("League", Organization)]
            ),
            [("Premier League".into(), Organization)]
        );
        assert_eq!(
            repaired("since the Premier League began", &[("League", Person)]),
            [("Premier League".into(), Organization)]
        );
        assert_eq!(
            repaired(
                "that the General Assembly established it",
                &[("Assembly", Person)]
            ),
            [("General Assembly".into(), Organization)]
        );
        // A title run before a person's name is not joined, nor a word that is no title.
        assert_eq!(
            repaired(
                "said Prime Minister Blair Council",
                &[("Council", Organization)]
            ),
            [("Council".into(), Organization)]
        );
        assert_eq!(
            repaired("the Arsenal League side", &[("League", Organization)]),
            [("League".into(), Organization)]
        );
        assert_eq!(
            repaired("told BBC Radio 4's Today", &[("BBC Radio", Organization)]),
            [("BBC Radio 4".into(), Organization)]
        );
        assert_eq!(
            repaired("told BBC Five Live.", &[("BBC", Organization)]),
            [("BBC Five Live".into(), Organization)]
        );
        // Only a station word takes a number after it, and only a short one.
        assert_eq!(
            repaired(
                "Tesco 4 and Channel 2005",
                &[("Tesco", Organization), ("Channel", Organization)]
            ),
            [
                ("Tesco".into(), Organization),
                ("Channel".into(), Organization)
            ]
        );
    }

    #[test]
    fn a_body_named_for_two_things_is_one_organisation() {
        let text = "United States Citizenship and Immigration Services, the agency";
        assert_eq!(
            repaired(
                text,
                &[
                    ("United States Citizenship", Organization),
                    ("Immigration Services", Organization)
                ]
            ),
            [(
                "United States Citizenship and Immigration Services".into(),
                Organization
            )]
        );
        let text = "the Texas Parks and Wildlife Department said";
        assert_eq!(
            repaired(
                text,
                &[
                    ("Texas Parks", Organization),
                    ("Wildlife Department", Organization)
                ]
            ),
            [("Texas Parks and Wildlife Department".into(), Organization)]
        );
        // Two clubs, two companies, a one-word first name: two names.
        for (first, second) in [
            ("Rangers", "Fulham FC"),
            ("Aston Villa", "Fulham FC"),
            ("Wells Fargo", "Goldman Sachs Group"),
            ("Lewis", "Clark College"),
            ("Exxon Mobil", "British Petroleum"),
            ("Seafood Processors", "First Choice Foods"),
            ("Apple Computer", "Cisco Systems"),
            ("AZ Fly", "AZ Services"),
        ] {
            let text = format!("{first} and {second} said");
            let spans = [(first, Organization), (second, Organization)];
            assert_eq!(repaired(&text, &spans).len(), 2, "{text}");
        }
    }

    #[test]
    fn joins_pieces_of_one_name() {
        assert_eq!(
            repaired(
                "President Bashar al-Assad",
                &[("Bashar", Person), ("al-Assad", Location)]
            ),
            [("Bashar al-Assad".into(), Person)]
        );
        assert_eq!(
            repaired("another Al Qaeda force", &[("Al", Person), ("Qaeda", Misc)]),
            [("Al Qaeda".into(), Organization)]
        );
        assert_eq!(
            repaired(
                "in Northern Syria",
                &[("Northern", Location), ("Syria", Location)]
            ),
            [("Northern Syria".into(), Location)]
        );
        assert_eq!(
            repaired("Bab al-Hawa border", &[("Bab", Misc), ("al-Hawa", Misc)]),
            [("Bab al-Hawa".into(), Misc)]
        );
        assert_eq!(
            repaired(
                "said Iraqi Defense Ministry spokesman",
                &[("Iraqi", Misc), ("Defense Ministry", Organization)]
            ),
            [("Iraqi Defense Ministry".into(), Organization)]
        );
        assert_eq!(
            repaired(
                "the Indian Air Force bought",
                &[("Air Force", Organization)]
            ),
            [("Indian Air Force".into(), Organization)]
        );
        // Not after another capitalised word, nor before a company.
        assert_eq!(
            repaired("Prime Minister Iraqi Army", &[("Army", Organization)]),
            [("Army".into(), Organization)]
        );
        assert_eq!(
            repaired(
                "the British Airways jet",
                &[("British", Misc), ("Airways", Organization)]
            )
            .len(),
            2
        );
        // Names with "and" inside, cut by the tagger.
        assert_eq!(
            repaired(
                "St Kitts and Nevis won",
                &[("St Kitts", Organization), ("Nevis", Organization)]
            ),
            [("St Kitts and Nevis".into(), Location)]
        );
        assert_eq!(
            repaired(
                "the Scottish Exhibition and Conference Centre in",
                &[
                    ("Scottish Exhibition", Misc),
                    ("Conference Centre", Location)
                ]
            ),
            [("Scottish Exhibition and Conference Centre".into(), Location)]
        );
        assert_eq!(
            repaired(
                "Britain and European Union",
                &[("Britain", Location), ("European Union", Organization)]
            )
            .len(),
            2
        );
        // Two names that merely touch stay two.
        assert_eq!(
            repaired("Iraq Syria", &[("Iraq", Location), ("Syria", Location)]).len(),
            2
        );
    }

    #[test]
    fn splits_names_run_together() {
        assert_eq!(
            repaired(
                "the Supreme Military Council in Babisqa, just",
                &[("Supreme Military Council in Babisqa", Organization)]
            ),
            [
                ("Supreme Military Council".into(), Organization),
                ("Babisqa".into(), Location)
            ]
        );
        assert_eq!(
            repaired("Sunni Anbar province", &[("Sunni Anbar", Misc)]),
            [("Sunni".into(), Misc), ("Anbar".into(), Location)]
        );
        assert_eq!(
            repaired("Saudi Arabia", &[("Saudi Arabia", Location)]),
            [("Saudi Arabia".into(), Location)]
        );
    }

    #[test]
    fn splits_two_names_joined_by_and() {
        assert_eq!(
            repaired(
                "sales in the Americas and China rose",
                &[("Americas and China", Organization)]
            ),
            [("Americas".into(), Location), ("China".into(), Location)]
        );
        assert_eq!(
            repaired(
                "Liggett Group and Brown and Williamson were",
                &[("Liggett Group and Brown and Williamson", Organization)]
            ),
            [
                ("Liggett Group".into(), Organization),
                ("Brown and Williamson".into(), Organization)
            ]
        );
        assert_eq!(
            repaired(
                "the House and Senate passed",
                &[("House and Senate", Organization)]
            ),
            [
                ("House".into(), Organization),
                ("Senate".into(), Organization)
            ]
        );
        assert_eq!(
            repaired(
                "by the Washington Post and Karen Tumulty of",
                &[("Washington Post and Karen Tumulty", Organization)]
            ),
            [
                ("Washington Post".into(), Organization),
                ("Karen Tumulty".into(), Person)
            ]
        );
        // Companies listed together stay companies, whatever their words look like.
        assert_eq!(
            repaired(
                "Rank Group and Stanley Leisure, who",
                &[("Rank Group and Stanley Leisure", Organization)]
            ),
            [
                ("Rank Group".into(), Organization),
                ("Stanley Leisure".into(), Organization)
            ]
        );
        // Names with "and" inside stay whole.
        for name in [
            "Trinidad and Tobago",
            "Brown and Williamson",
            "Marks and Spencer",
            "Guangdong Post and Telecommunications Administration",
            "Simon and Garfunkel",
            "Parks and Recreation",
            "Bill and Melinda Gates Foundation",
        ] {
            assert_eq!(repaired(name, &[(name, Organization)]).len(), 1, "{name}");
        }
    }
}
