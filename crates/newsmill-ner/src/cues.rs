//! The lowercase noun right after a name says what kind of thing it is: "the Bab al-Hawa
//! border crossing" is a place, "Uganda's New Vision newspaper" and "the Perkins Coie law
//! firm" are organisations. Such a cue overrules the tagger for that mention, and, one name
//! one type per article, for every other mention of the same name in the article unless
//! another mention has a cue of another kind ("the text says otherwise").

use std::collections::BTreeMap;

use newsmill_core::EntityKind;
use newsmill_tagger::Tagger;

use crate::candidate::Candidate;
use crate::fold::key;
use crate::gazetteer::Gazetteer;
use crate::words::{is_adjective_shaped, prefix};

/// Nouns that follow a place name: kinds of territory and geographic features. "camp",
/// "town" and "state" are left out: they also follow people ("the Obama camp", "a Trump
/// town hall").
const PLACE_WORDS: &[&str] = &[
    "border",
    "crossing",
    "province",
    "governorate",
    "district",
    "county",
    "prefecture",
    "municipality",
    "valley",
    "river",
    "mountains",
    "desert",
    "peninsula",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "village",
    "airport",
    "airbase",
    "strait",
    "region",
];

/// Nouns right after a name (never in an apposition: "Jose Mourinho, the manager" is a
/// person) that only organisations have: a company's shares and a club's staff and
/// players ("Yukos shares", "Chelsea boss Jose Mourinho", "Arsenal striker"). "aide",
/// "adviser" and "spokesman" are left out: people have them ("a Blair aide"), and so is
/// "stock" ("the Tokyo stock exchange", "US stock markets").
const ORGANISATION_OWNED_WORDS: &[&str] = &[
    "shares",
    "shareholders",
    "boss",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "coach",
    "skipper",
    "flanker",
    "fly-half",
    "scrum-half",
    "full-back",
    "hooker",
    "prop",
    "lock",
    // A company's officer: "Hewlett-Packard CEO Carly Fiorina", "Yukos chief executive".
    "CEO",
    "chief executive",
    // An employer's staff and goods: "Carrier workers", "a Carrier executive", "Carrier
    // products". (Famous people's own names are never cued: "Trump products" stays a
    // person's.) Not "plant" or "factory": a site is named after its place too ("the
    // Longbridge plant").
    "executive",
    "executives",
    "worker",
    "workers",
    "employees",
    "products",
    "subsidiary",
    // An outlet's staff and a pollster's product: "a Newsweek correspondent", "a Gallup
    // poll". Not "host" ("the Oscar host") or "story" ("a Cinderella story").
    "correspondent",
    "columnist",
    "reporter",
    "reporters",
    "editor",
    "poll",
];

/// Nouns that follow an organisation's name: kinds of company, outlet and group. Only
/// singular forms: "the Murdoch newspapers" are a person's.
const ORGANISATION_WORDS: &[&str] = &[
    "newspaper",
    "magazine",
    "tabloid",
    "broadcaster",
    "channel",
    "website",
    "airline",
    "carmaker",
    "automaker",
    "conglomerate",
    "firm",
    "consultancy",
    "brokerage",
    "insurer",
    "lender",
    "retailer",
    "supermarket",
    "chipmaker",
    "drugmaker",
    "militia",
    "charity",
    "think-tank",
    "thinktank",
    // Two-word nouns, matched with the word after.
    "law firm",
    "news agency",
    "news network",
    "news outlet",
    "news site",
    "investment bank",
    "hedge fund",
    "think tank",
    "lobbying firm",
];

/// Nouns right before a name that only organisations are called: "security firm Webroot",
/// "banking giant Citigroup", "the website Mashable", "online retailer Amazon". Sorted for
/// binary search. Left out are descriptors that people share: "producer", "developer",
/// "publisher", "manufacturer" and "broadcaster" ("plastics manufacturer Ron Johnson",
/// "broadcaster Cyril Fletcher"), "maker" ("games maker Peter Molyneux"), "rival" and
/// "group" ("rival Hillary Clinton"), and "service" ("the memorial service Friday").
const ORGANISATION_LEADS: &[&str] = &[
    "airline",
    "automaker",
    "band",
    "bank",
    "carmaker",
    "carrier",
    "charity",
    "chipmaker",
    "club",
    "companies",
    "company",
    "conglomerate",
    "daily",
    "drugmaker",
    "firm",
    "firms",
    "giant",
    "insurer",
    "lender",
    "magazine",
    "network",
    "newspaper",
    "operator",
    "retailer",
    "start-up",
    "startup",
    "state-owned",
    "supermarket",
    "tabloid",
    "website",
];

/// The place nouns that name an area, after which even a name typed organisation is a
/// place.
const AREA_WORDS: &[&str] = &[
    "neighbourhood",
    "neighborhood",
    "suburb",
    "village",
    "district",
    "county",
    "province",
    "prefecture",
    "municipality",
    "valley",
];

/// Whether a name is written like an acronym: no lowercase letter.
fn is_acronym_shaped(name: &str) -> bool {
    !name.chars().any(char::is_lowercase)
}

/// Nouns right before a name that make it the title of a work. Not words that are also
/// verbs before a team or a player ("play", "book", "game", "show", "single": "to play
/// Arsenal", "to book Rooney"). Sorted for binary search.
const WORK_LEADS: &[&str] = &[
    "album",
    "ballet",
    "blockbuster",
    "comedy",
    "documentary",
    "film",
    "movie",
    "musical",
    "novel",
    "opera",
    "sitcom",
    "song",
    "thriller",
];

/// Jobs that "at" an employer's name follows ("an analyst at Gartner"). Sorted for binary
/// search.
const ROLES_AT_EMPLOYERS: &[&str] = &[
    "analyst",
    "architect",
    "chairman",
    "director",
    "economist",
    "editor",
    "engineer",
    "executive",
    "fellow",
    "lecturer",
    "officer",
    "partner",
    "professor",
    "researcher",
    "scientist",
    "strategist",
];

/// Two-word place nouns, matched like the two-word organisation nouns.
const PLACE_PAIRS: &[&str] = &["refugee camp", "military base", "air base", "naval base"];

/// The kind the next word gives a mention, if it overrules the tagger's.
fn cue_kind(name: &str, kind: EntityKind, after: &str, gaz: &Gazetteer) -> Option<EntityKind> {
    use EntityKind::*;
    // "an ex-Columbia executive": a prefixed modifier is no name to type.
    if name.starts_with(char::is_lowercase) {
        return None;
    }
    // The noun right after the name, or in an apposition: "Perkins Coie, the law firm".
    let apposition = after
        .strip_prefix(", the ")
        .or_else(|| after.strip_prefix(", a "))
        .or_else(|| after.strip_prefix(", an "));
    let after = apposition.map_or(after, |rest| &after[after.len() - rest.len() - 1..]);
    let mut following = after.strip_prefix(' ')?.split_whitespace();
    let bare = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string()
    };
    let next = bare(following.next()?);
    // "CEO" is the one capitalised cue, with the award words a ceremony's name
    // capitalises ("the Cesar Awards").
    let capitalised_award = matches!(next.as_str(), "Award" | "Awards" | "Prize" | "Prizes");
    if !next.starts_with(|c: char| c.is_lowercase()) && next != "CEO" && !capitalised_award {
        return None;
    }
    let pair = following.next().map(|w| format!("{next} {}", bare(w)));
    let pair = pair.as_deref().unwrap_or("");
    let next = next.as_str();
    let place = PLACE_WORDS.contains(&next) || PLACE_PAIRS.contains(&pair);
    let owned = apposition.is_none()
        && (ORGANISATION_OWNED_WORDS.contains(&next) || ORGANISATION_OWNED_WORDS.contains(&pair));
    let organisation =
        owned || ORGANISATION_WORDS.contains(&next) || ORGANISATION_WORDS.contains(&pair);
    let award = apposition.is_none() && (AWARD_WORDS.contains(&next) || capitalised_award);
    let squad = apposition.is_none() && SQUAD_WORDS.contains(&next);
    if !place && !organisation && !award && !squad {
        return None;
    }
    // An award or its ceremony: "Oscar nominations", "the Nobel prize", "the Tony
    // awards". A one-word name typed person because it is a given name or a surname; also
    // a known surname ("the Turner prize"). A full name before "award" is the person's
    // ("a Tony Blair award" is one he gives or gets).
    if award && kind == Person && !name.contains(' ') && gaz.known_surname_count(name) == 0 {
        return Some(Misc);
    }
    // A club's staff: "Bolton keeper Jussi Jaaskelainen", "the Leeds boss". Also for a
    // town's name and a known person's surname (John Bolton): only a club has a keeper.
    // Not a country's or region's side ("England manager"), which keeps the place type.
    // Not a misc name either: a region or an adjective ("Southern Hemisphere coach",
    // "European boss", "ex-England coach"), or a ground for its club ("the Old Trafford
    // boss").
    let national = gaz.place(name).is_some_and(|p| p.broad) || gaz.is_formal_country_name(name);
    if squad
        && kind != Misc
        && !national
        && !gaz.is_known_person(name)
        && !gaz.is_demonym(name)
        && !gaz.is_misc(name)
    {
        return Some(Organization);
    }
    // Never for names whose kind the gazetteers already know or that modify the noun as
    // an adjective ("the Kurdish region", "a London firm", "the Trump border wall").
    let known = gaz.is_known_person(name)
        || gaz.known_surname_count(name) > 0
        || gaz.is_demonym(name)
        || gaz.is_misc(name)
        || gaz.is_known_org(name);
    // A one-word misc before a noun is an adjective the lists do not know ("the Zairean
    // border", "the Yugoslav news agency"); a longer one is a name ("Bab al-Hawa"). Before
    // what only an organisation has, a one-word misc is a name unless it is shaped like an
    // adjective ("Hewlett-Packard CEO", "Blues boss"; "Pan-European shares" stays).
    // An outlet named with an ordinary word is a name though ("the Guardian newspaper",
    // "the Independent newspaper"): no nationality is also a lowercase word.
    let outlet_named_by_a_word = matches!(
        next,
        "newspaper" | "magazine" | "tabloid" | "website" | "channel"
    ) && Tagger::embedded().knows_lowercase_word(name);
    let adjective = kind == Misc
        && !name.contains(' ')
        && !outlet_named_by_a_word
        && (!owned || is_adjective_shaped(name));
    if known || adjective {
        return None;
    }
    // A cue that agrees with the tagger is returned too: it is evidence for the name's
    // other mentions ("beer firm Ambev ... Ambev sales", the later ones typed person).
    if place && matches!(kind, Person | Misc | Location) && !gaz.looks_like_org(name) {
        return Some(Location);
    }
    // "a densely packed Chelsea neighborhood": a name typed organisation before a word for
    // an area is the area. Not an acronym or a frequent organisation ("the FARC region" is
    // the region the group holds), nor before a border or an airport, which organisations
    // have.
    if kind == Organization
        && AREA_WORDS.contains(&next)
        && !is_acronym_shaped(name)
        && !gaz.looks_like_org(name)
        && !gaz.is_frequent_org(name)
    {
        return Some(Location);
    }
    if organisation && !gaz.is_any_place(name) {
        return Some(Organization);
    }
    None
}

/// Nouns after a name that make it an award (misc, as CoNLL-2003 types awards).
const AWARD_WORDS: &[&str] = &[
    "award",
    "awards",
    "ceremony",
    "nomination",
    "nominations",
    "nominee",
    "nominees",
    "prize",
    "prizes",
    "trophy",
];

/// The owned nouns that only a sports club has: staff and players. Before them a town's
/// name is its club.
const SQUAD_WORDS: &[&str] = &[
    "boss",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "coach",
    "skipper",
    "flanker",
    "fly-half",
    "scrum-half",
    "full-back",
    "hooker",
    "prop",
    "lock",
    "captain",
    "squad",
];

/// Head nouns of an apposition that make the name before it an organisation: "Allianz, a
/// leading German insurer, said", "Xstrata, the Swiss mining group,". Wider than the
/// nouns right after a name: in an apposition the noun is the name's own description
/// ("group", "company", "band", "side"), where right after a name it may be a modifier's
/// ("a Clinton company"). Descriptors people share stay out: "producer", "developer",
/// "maker", "broadcaster", "operator", "carrier", "miner", "brewer" ("Smith, a former
/// miner,"). Sorted for binary search.
const APPOSITION_HEADS: &[&str] = &[
    "agency",
    "airline",
    "band",
    "bank",
    "carmaker",
    "chain",
    "charity",
    "club",
    "company",
    "conglomerate",
    "consultancy",
    "firm",
    "group",
    "insurer",
    "lender",
    "magazine",
    "newspaper",
    "organisation",
    "organization",
    "regulator",
    "retailer",
    "side",
    "startup",
    "supermarket",
    "tabloid",
    "team",
    "website",
];

/// Bytes after ", a" read for an apposition: more than [`MAX_APPOSITION_WORDS`] words.
const MAX_APPOSITION_BYTES: usize = 120;

/// Most words an apposition's noun phrase may have before its head.
const MAX_APPOSITION_WORDS: usize = 5;

/// The organisation kind an apposition gives a name: ", a/an/the", then at most
/// [`MAX_APPOSITION_WORDS`] words ending in an [`APPOSITION_HEADS`] noun, then the end of
/// the phrase (punctuation, or "that"/"which"/"whose"). A preposition or conjunction inside
/// means the head word belongs to another phrase ("Smith, a partner at the firm,"), and a
/// possessive is a modifier ("Terry, the club's captain").
fn apposition_kind(name: &str, after: &str, gaz: &Gazetteer) -> Option<EntityKind> {
    let rest = after
        .strip_prefix(", the ")
        .or_else(|| after.strip_prefix(", a "))
        .or_else(|| after.strip_prefix(", an "))?;
    // Only the next few words are read (an apposition is short), so a long block costs
    // no more per name.
    let rest = prefix(rest, MAX_APPOSITION_BYTES);
    let end = rest
        .find([',', '.', ';', ':', ')', '(', '\n', '"', '“', '”'])
        .unwrap_or(rest.len());
    let mut words: Vec<&str> = rest[..end].split_whitespace().collect();
    if let Some(at) = words
        .iter()
        .position(|w| matches!(*w, "that" | "which" | "whose" | "who"))
    {
        words.truncate(at);
    }
    let head = *words.last()?;
    let joins_phrases = |w: &str| {
        matches!(
            w,
            "of" | "for" | "at" | "in" | "on" | "with" | "by" | "from" | "to" | "and" | "or"
        ) || w.ends_with("'s")
            || w.ends_with("’s")
    };
    // "Oromos, a minority group", "an ethnic group": a people, not an organisation.
    let a_people = words
        .iter()
        .any(|w| matches!(*w, "ethnic" | "tribal" | "religious" | "minority"));
    if words.len() > MAX_APPOSITION_WORDS
        || words.iter().any(|w| joins_phrases(w))
        || gaz.is_known_place(name)
        || gaz.is_demonym(name)
        || gaz.is_misc(name)
    {
        return None;
    }
    // "Dan Gillmor, a well-known Silicon Valley journalist": a person's description makes
    // a name typed otherwise a person, unless the lists know it as an organisation.
    if PERSON_APPOSITION_HEADS.binary_search(&head).is_ok() {
        let organisation = gaz.is_known_org(name)
            || gaz.is_frequent_org(name)
            || gaz.looks_like_org(name)
            || is_acronym_shaped(name);
        return (!organisation).then_some(EntityKind::Person);
    }
    if a_people || APPOSITION_HEADS.binary_search(&head).is_err() || gaz.is_known_person(name) {
        return None;
    }
    Some(EntityKind::Organization)
}

/// Head nouns of an apposition that only a person has ("X, a former minister,", "X, the
/// band's singer," is a possessive and no apposition of this kind). Sorted for binary
/// search.
const PERSON_APPOSITION_HEADS: &[&str] = &[
    "activist",
    "actor",
    "actress",
    "author",
    "businessman",
    "businesswoman",
    "columnist",
    "congressman",
    "congresswoman",
    "economist",
    "footballer",
    "journalist",
    "lawmaker",
    "lawyer",
    "man",
    "novelist",
    "politician",
    "professor",
    "rapper",
    "singer",
    "spokesman",
    "spokeswoman",
    "woman",
    "writer",
];

/// The kind a descriptor right before the name gives it ("security firm Webroot"), if it
/// overrules the tagger's: only organisation, and never for a name that reads as a person
/// (a known person, a known surname, a given name first: "the firm Jones works for", "the
/// company Trump founded") or is a known place, demonym or misc ("the airline Qatar").
fn lead_kind(name: &str, before: &str, gaz: &Gazetteer) -> Option<EntityKind> {
    let before = before.strip_suffix(' ')?;
    let lead = before.rsplit([' ', '\n']).next()?;
    // A descriptor opening a sentence is capitalised: "State-owned Rosneft bought".
    let opens_sentence = {
        let earlier = before[..before.len() - lead.len()].trim_end_matches(' ');
        earlier.is_empty() || earlier.ends_with(['.', '!', '?', '\n', '"', '“', '”'])
    };
    let lowered;
    let lead = if opens_sentence && lead.starts_with(|c: char| c.is_ascii_uppercase()) {
        lowered = lead.to_ascii_lowercase();
        lowered.as_str()
    } else {
        lead
    };
    // "the film Ray", "the musical Billy Elliot", "her album Confessions": a work's title
    // (misc), whatever the tagger made of the words of the title.
    // "chief security architect at Cisco", "a professor at Stanford": a job at a name is a
    // job at an organisation, unless the name is a place or reads as a person.
    if lead == "at" {
        let role = before[..before.len() - lead.len()]
            .trim_end()
            .rsplit([' ', '\n'])
            .next()
            .unwrap_or("");
        return (ROLES_AT_EMPLOYERS.binary_search(&role).is_ok()
            && may_be_organisation(name, gaz, Gazetteer::is_any_place))
        .then_some(EntityKind::Organization);
    }
    // Not an acronym or a frequent organisation: "than a downloaded movie NEC is showing"
    // runs on into the next clause, and titles are rarely written in capitals.
    if WORK_LEADS.binary_search(&lead).is_ok() {
        let known = gaz.is_known_person(name)
            || gaz.is_known_org(name)
            || gaz.is_frequent_org(name)
            || gaz.is_known_place(name)
            || is_acronym_shaped(name);
        return (!known).then_some(EntityKind::Misc);
    }
    if ORGANISATION_LEADS.binary_search(&lead).is_err() {
        return None;
    }
    // Returned for a name the tagger typed organisation too: the cue then types the
    // name's other mentions.
    may_be_organisation(name, gaz, Gazetteer::is_known_place).then_some(EntityKind::Organization)
}

/// Whether a name may be an organisation whatever the tagger said: not a person by the
/// gazetteers (a known person or surname, a given name first) nor a place (by `is_place`),
/// nationality or misc name they know.
fn may_be_organisation(
    name: &str,
    gaz: &Gazetteer,
    is_place: fn(&Gazetteer, &str) -> bool,
) -> bool {
    let first = name.split(' ').next().unwrap_or(name);
    let person_like =
        gaz.is_known_person(name) || gaz.known_surname_count(name) > 0 || gaz.is_given_name(first);
    !person_like && !is_place(gaz, name) && !gaz.is_demonym(name) && !gaz.is_misc(name)
}

/// For each candidate (in `cands` order), whether it is coordinated with an organisation
/// ("Microsoft and Nintendo", "Sony or Sega") and is no gazetteer place: the
/// members of a list are things of one kind.
fn coordinated_with_organisation(
    blocks: &[&str],
    cands: &[Candidate],
    gaz: &Gazetteer,
) -> Vec<bool> {
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| (cands[i].block, cands[i].start));
    let mut coordinated = vec![false; cands.len()];
    for pair in order.windows(2) {
        let (a, b) = (cands[pair[0]], cands[pair[1]]);
        if a.block != b.block || a.end > b.start {
            continue;
        }
        let text = blocks.get(a.block).copied().unwrap_or("");
        // Not ", ": that is also an apposition ("Orin Kramer, Lazard"). And not when the
        // pair is inside a longer name the tagger cut at "and" ("the Pew Internet and
        // American Life Project", "Eton and Slough"): a capitalised word right before or
        // after it.
        if !matches!(text.get(a.end..b.start), Some(" and " | " or ")) {
            continue;
        }
        let capitalised = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
        let word_before = text[..a.start]
            .strip_suffix(' ')
            .map(|t| t.rsplit(' ').next().unwrap_or(t));
        let word_after = text[b.end..]
            .strip_prefix(' ')
            .and_then(|t| t.split(' ').next());
        // "in Stratford-upon-Avon and Newcastle-under-Lyme": what a preposition of place
        // governs are places, whatever the tagger typed the other.
        if capitalised(word_before)
            || capitalised(word_after)
            || crate::retype::after_place_preposition(&text[..a.start], gaz)
        {
            continue;
        }
        for (this, other, index) in [(a, b, pair[0]), (b, a, pair[1])] {
            let name = this.text(blocks);
            // Only a place type: people are named beside organisations ("Clinton and the
            // DNC"), and a misc beside one is often a product or an adjective ("Merck's
            // Vioxx", "NATO and Middle Eastern allies"). A compass word makes it a region
            // ("North West and Yorkshire").
            if other.kind == EntityKind::Organization
                && this.kind == EntityKind::Location
                && !name.split(' ').any(|w| gaz.is_direction(w))
                && may_be_organisation(name, gaz, Gazetteer::is_any_place)
            {
                coordinated[index] = true;
            }
        }
    }
    coordinated
}

/// Retypes mentions by their cue words, then every mention of a cued name alike. Names
/// cued as two kinds in one article keep their own types.
pub fn apply_cues(blocks: &[&str], cands: &mut [Candidate], gaz: &Gazetteer) {
    // key -> kind, or None once two cues disagree
    let mut cued: BTreeMap<String, Option<EntityKind>> = BTreeMap::new();
    let coordinated = coordinated_with_organisation(blocks, cands, gaz);
    for (c, coordinated) in cands.iter_mut().zip(coordinated) {
        let text = blocks.get(c.block).copied().unwrap_or("");
        let (Some(before), Some(name), Some(after)) = (
            text.get(..c.start),
            text.get(c.start..c.end),
            text.get(c.end..),
        ) else {
            continue;
        };
        let kind = cue_kind(name, c.kind, after, gaz)
            .or_else(|| apposition_kind(name, after, gaz))
            .or_else(|| lead_kind(name, before, gaz))
            .or(coordinated.then_some(EntityKind::Organization));
        if let Some(kind) = kind {
            c.kind = kind;
            let entry = cued.entry(key(name)).or_insert(Some(kind));
            if *entry != Some(kind) {
                *entry = None;
            }
        }
    }
    if cued.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        let text = blocks.get(c.block).copied().unwrap_or("");
        if let Some(Some(kind)) = text.get(c.start..c.end).and_then(|n| cued.get(&key(n))) {
            c.kind = *kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn kinds(text: &str, spans: &[(&str, EntityKind)]) -> Vec<EntityKind> {
        let mut cands = crate::candidate::at_successive_occurrences(text, spans);
        apply_cues(&[text], &mut cands, Gazetteer::embedded());
        cands.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn place_and_organisation_nouns_retype_every_mention() {
        assert_eq!(
            kinds(
                "Bab al-Hawa fell. The Bab al-Hawa border crossing with Turkey",
                &[("Bab al-Hawa", Misc), ("Bab al-Hawa", Misc)]
            ),
            [Location, Location]
        );
        assert_eq!(
            kinds(
                "Uganda's New Vision newspaper reports. New Vision said",
                &[("New Vision", Location), ("New Vision", Location)]
            ),
            [Organization, Organization]
        );
        assert_eq!(
            kinds("the Perkins Coie law firm", &[("Perkins Coie", Person)]),
            [Organization]
        );
        assert_eq!(
            kinds(
                "vice-president of the Arthur D. Little consultancy",
                &[("Arthur D. Little", Person)]
            ),
            [Organization]
        );
        assert_eq!(
            kinds(
                "Perkins Coie, the law firm, was paid",
                &[("Perkins Coie", Person)]
            ),
            [Organization]
        );
        assert_eq!(
            kinds("Perkins Coie, the firm of", &[("Perkins Coie", Person)]),
            [Organization]
        );
        assert_eq!(kinds("Cicero, the village", &[("Cicero", Misc)]), [Misc]);
        assert_eq!(
            kinds("the Al Arabiya news channel", &[("Al Arabiya", Person)]),
            [Person]
        );
        assert_eq!(
            kinds("Writing in the Guardian newspaper", &[("Guardian", Misc)]),
            [Organization]
        );
        assert_eq!(
            kinds("the Al Arabiya channel", &[("Al Arabiya", Person)]),
            [Organization]
        );
        assert_eq!(
            kinds("the Perkins Coie firm", &[("Perkins Coie", Person)]),
            [Organization]
        );
    }

    #[test]
    fn a_name_typed_organisation_before_an_area_word_is_the_area() {
        assert_eq!(
            kinds(
                "a densely packed Chelsea neighborhood. A device found in Chelsea",
                &[("Chelsea", Organization), ("Chelsea", Organization)]
            ),
            [Location, Location]
        );
        assert_eq!(
            kinds("the FARC district", &[("FARC", Organization)]),
            [Organization]
        );
    }

    #[test]
    fn a_work_noun_before_a_name_makes_it_a_title() {
        assert_eq!(
            kinds(
                "the film Ray won. Ray was a hit",
                &[("Ray", Person), ("Ray", Person)]
            ),
            [Misc, Misc]
        );
        assert_eq!(
            kinds("the musical Billy Elliot", &[("Billy Elliot", Person)]),
            [Misc]
        );
        assert_eq!(
            kinds("will play Arsenal", &[("Arsenal", Organization)]),
            [Organization]
        );
        assert_eq!(
            kinds(
                "than a downloaded movie NEC is showing",
                &[("NEC", Organization)]
            ),
            [Organization]
        );
    }

    #[test]
    fn a_person_before_an_award_noun_is_the_award() {
        assert_eq!(
            kinds(
                "five Oscar nominations. Oscar voters",
                &[("Oscar", Person), ("Oscar", Person)]
            ),
            [Misc, Misc]
        );
        assert_eq!(kinds("won the Nobel prize", &[("Nobel", Person)]), [Misc]);
        assert_eq!(kinds("at the Cesar Awards", &[("Cesar", Person)]), [Misc]);
        assert_eq!(
            kinds("a Tony Blair award", &[("Tony Blair", Person)]),
            [Person]
        );
        assert_eq!(kinds("a Trump nomination", &[("Trump", Person)]), [Person]);
    }

    #[test]
    fn a_town_before_a_club_word_is_its_club() {
        assert_eq!(
            kinds(
                "Bolton keeper Jussi Jaaskelainen. Bolton won",
                &[("Bolton", Location), ("Bolton", Location)]
            ),
            [Organization, Organization]
        );
        assert_eq!(
            kinds(
                "Wasps scrum-half Matt Dawson. Wasps won",
                &[
                    ("Wasps", Person),
                    ("Matt Dawson", Person),
                    ("Wasps", Person)
                ]
            ),
            [Organization, Person, Organization]
        );
        assert_eq!(
            kinds("the England manager", &[("England", Location)]),
            [Location]
        );
        assert_eq!(
            kinds("the England captain", &[("England", Location)]),
            [Location]
        );
        assert_eq!(
            kinds("London shares fell", &[("London", Location)]),
            [Location]
        );
    }

    #[test]
    fn shares_and_club_staff_make_organisations() {
        assert_eq!(
            kinds(
                "Chelsea boss Jose Mourinho said Chelsea would win",
                &[("Chelsea", Person), ("Chelsea", Person)]
            ),
            [Organization, Organization]
        );
        assert_eq!(
            kinds("Ahold shares fell", &[("Ahold", Location)]),
            [Organization]
        );
        assert_eq!(
            kinds(
                "a Carrier executive here. Carrier said",
                &[("Carrier", Person), ("Carrier", Person)]
            ),
            [Organization, Organization]
        );
        assert_eq!(kinds("Trump products", &[("Trump", Person)]), [Person]);
        assert_eq!(
            kinds("the Detroit plant", &[("Detroit", Location)]),
            [Location]
        );
        assert_eq!(
            kinds(
                "former Hewlett-Packard CEO Carly Fiorina",
                &[("Hewlett-Packard", Misc)]
            ),
            [Organization]
        );
        assert_eq!(
            kinds("Yukos chief executive Steven Theede", &[("Yukos", Person)]),
            [Organization]
        );
        assert_eq!(
            kinds("Pan-European shares rose", &[("Pan-European", Misc)]),
            [Misc]
        );
        assert_eq!(
            kinds("a Gallup poll found", &[("Gallup", Misc)]),
            [Organization]
        );
        assert_eq!(
            kinds("a Jewish reporter asked", &[("Jewish", Misc)]),
            [Misc]
        );
        // A person's staff are not a club's, and a role in an apposition is the person's.
        assert_eq!(kinds("a Blair aide said", &[("Blair", Person)]), [Person]);
        assert_eq!(
            kinds(
                "Jose Mourinho, the manager, said",
                &[("Jose Mourinho", Person)]
            ),
            [Person]
        );
    }

    #[test]
    fn an_organisation_descriptor_before_a_name_makes_it_an_organisation() {
        assert_eq!(
            kinds(
                "the security firm Netcraft said. Netcraft found",
                &[("Netcraft", Location), ("Netcraft", Location)]
            ),
            [Organization, Organization]
        );
        assert_eq!(
            kinds("US banking giant Citigroup", &[("Citigroup", Person)]),
            [Organization]
        );
        assert_eq!(
            kinds("the website Mashable", &[("Mashable", Location)]),
            [Organization]
        );
        assert_eq!(
            kinds(
                "said Paul King, chief security architect at Cisco.",
                &[("Paul King", Person), ("Cisco", Location)]
            ),
            [Person, Organization]
        );
        assert_eq!(
            kinds("an analyst at London", &[("London", Location)]),
            [Location]
        );
        // People, known places and descriptors people share keep the tagger's type.
        assert_eq!(
            kinds(
                "the company Donald Trump founded",
                &[("Donald Trump", Person)]
            ),
            [Person]
        );
        assert_eq!(
            kinds("the airline Qatar", &[("Qatar", Location)]),
            [Location]
        );
        assert_eq!(
            kinds("games maker Peter Molyneux", &[("Peter Molyneux", Person)]),
            [Person]
        );
        assert_eq!(
            kinds("broadcaster Cyril Fletcher", &[("Cyril Fletcher", Person)]),
            [Person]
        );
    }

    #[test]
    fn a_place_coordinated_with_an_organisation_is_one() {
        assert_eq!(
            kinds(
                "made by Sony and Nintendo. Nintendo said",
                &[
                    ("Sony", Organization),
                    ("Nintendo", Location),
                    ("Nintendo", Location)
                ]
            ),
            [Organization, Organization, Organization]
        );
        assert_eq!(
            kinds(
                "Webroot or Earthlink",
                &[("Webroot", Location), ("Earthlink", Organization)]
            ),
            [Organization, Organization]
        );
        // Known places, people, misc names, appositions and pairs inside a longer name stay.
        assert_eq!(
            kinds(
                "Google and California",
                &[("Google", Organization), ("California", Location)]
            ),
            [Organization, Location]
        );
        assert_eq!(
            kinds(
                "Clinton and the DNC",
                &[("Clinton", Person), ("DNC", Organization)]
            ),
            [Person, Organization]
        );
        assert_eq!(
            kinds(
                "Merck and Vioxx",
                &[("Merck", Organization), ("Vioxx", Misc)]
            ),
            [Organization, Misc]
        );
        assert_eq!(
            kinds(
                "Orin Kramer, Lazard",
                &[("Orin Kramer", Person), ("Lazard", Organization)]
            ),
            [Person, Organization]
        );
        assert_eq!(
            kinds(
                "born in Stratford-upon-Avon and Newcastle-under-Lyme",
                &[
                    ("Stratford-upon-Avon", Location),
                    ("Newcastle-under-Lyme", Organization)
                ]
            ),
            [Location, Organization]
        );
        assert_eq!(
            kinds(
                "the Pew Internet and American Life Project",
                &[
                    ("Internet", Location),
                    ("American Life Project", Organization)
                ]
            ),
            [Location, Organization]
        );
    }

    #[test]
    fn descriptor_list_is_sorted_for_binary_search() {
        assert!(ORGANISATION_LEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(APPOSITION_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(WORK_LEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(ROLES_AT_EMPLOYERS.windows(2).all(|w| w[0] < w[1]));
        assert!(PERSON_APPOSITION_HEADS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_cue_that_agrees_with_the_tagger_types_the_other_mentions() {
        assert_eq!(
            kinds(
                "its acquisition of beer firm Ambev. Ambev sales grew",
                &[("Ambev", Organization), ("Ambev", Person)]
            ),
            [Organization, Organization]
        );
        assert_eq!(
            kinds(
                "State-owned Rosneft bought it. Rosneft said",
                &[("Rosneft", Person), ("Rosneft", Person)]
            ),
            [Organization, Organization]
        );
        // Not a capitalised word inside a sentence: "the Firm" is a name of its own.
        assert_eq!(kinds("said Firm Smith", &[("Smith", Person)]), [Person]);
    }

    #[test]
    fn an_apposition_headed_by_an_organisation_noun_makes_one() {
        assert_eq!(
            kinds(
                "Allianz, a leading German insurer, said. Allianz added",
                &[("Allianz", Person), ("Allianz", Person)]
            ),
            [Organization, Organization]
        );
        assert_eq!(
            kinds("Xstrata, the Swiss mining group.", &[("Xstrata", Location)]),
            [Organization]
        );
        assert_eq!(
            kinds("Coldplay, the band that", &[("Coldplay", Person)]),
            [Organization]
        );
        assert_eq!(
            kinds(
                "and Dan Gillmor, a well-known Silicon Valley journalist.",
                &[("Dan Gillmor", Organization)]
            ),
            [Person]
        );
        assert_eq!(
            kinds("Reuters, a singer", &[("Reuters", Organization)]),
            [Organization]
        );
        // Another phrase's head, a possessive, a descriptor people share, a person the
        // lists know.
        assert_eq!(
            kinds("Smith, a partner at the firm, said", &[("Smith", Person)]),
            [Person]
        );
        assert_eq!(
            kinds("Terry, the club's captain, said", &[("Terry", Person)]),
            [Person]
        );
        assert_eq!(
            kinds("Jones, a former miner, said", &[("Jones", Person)]),
            [Person]
        );
        assert_eq!(
            kinds(
                "Thousands of Oromos, a minority group that",
                &[("Oromos", Misc)]
            ),
            [Misc]
        );
        assert_eq!(
            kinds(
                "Tony Blair, the Labour leader, and his party",
                &[("Tony Blair", Person)]
            ),
            [Person]
        );
    }

    #[test]
    fn adjectives_and_known_names_stay() {
        assert_eq!(kinds("the Kurdish region", &[("Kurdish", Misc)]), [Misc]);
        assert_eq!(kinds("the Zairean border", &[("Zairean", Misc)]), [Misc]);
        assert_eq!(
            kinds("the Yugoslav news agency", &[("Yugoslav", Misc)]),
            [Misc]
        );
        assert_eq!(kinds("a London firm", &[("London", Location)]), [Location]);
        assert_eq!(
            kinds("the Trump border wall", &[("Trump", Person)]),
            [Person]
        );
        assert_eq!(
            kinds("Acme Corp district", &[("Acme Corp", Organization)]),
            [Organization]
        );
        assert_eq!(kinds("the Bekaa Valley", &[("Bekaa", Person)]), [Person]);
        // Two cues that disagree: each mention keeps its own.
        assert_eq!(
            kinds(
                "Jarrow village and the Jarrow firm",
                &[("Jarrow", Person), ("Jarrow", Person)]
            ),
            [Location, Organization]
        );
    }
}
