//! Gazetteer corrections of the tagger's types: places are locations, nationalities are
//! misc, "X Department"/"Ministry of X" and known names are organisations, and a name right
//! after a person title is a person; laws and documents are misc. A mention that is only a
//! title or a page-footer link ("Privacy Policy") is dropped.

use newsmill_core::EntityKind;
use newsmill_tagger::Tagger;

use crate::acronyms::is_acronym;
use crate::gazetteer::{title_key, Gazetteer};
use crate::words::is_initial;
use crate::works::{
    is_bracketed_document_head, is_document_name, is_event_name, is_page_furniture,
    opens_bracketed_document,
};

/// The corrected kind of a cleaned mention, or `None` to drop it. `before` is the block
/// text before the mention (to see a title such as "Gen." right before it), `after` the
/// text after it (to see the bracket and head of a law: "Health Service (Miscellaneous
/// Provisions) Bill").
///
/// The tagger is overruled where it is reliably wrong, not where news and the gazetteer
/// disagree by convention: a city typed organisation is usually a team ("Leeds beat
/// Chelsea") and a place typed misc an event ("Wimbledon"), so those stay. A place typed
/// person is left to the linker, which knows whether the article names a person with that
/// surname ("Washington" after "MaliVai Washington") and otherwise makes it a location.
pub fn corrected_kind(
    name: &str,
    kind: EntityKind,
    before: &str,
    after: &str,
    gaz: &Gazetteer,
) -> Option<EntityKind> {
    use EntityKind::*;
    if gaz.is_title(name)
        || is_plural_title(name, gaz)
        || is_page_furniture(name)
        || is_bracketed_document_head(name, before)
        || is_function_words(name)
        || is_party_affiliation(name)
        // "C.", "Y.": an initial cut from its name ("C. V. Starr", "Ph.D.", "N.Y.") names
        // nobody on its own.
        || is_initial(name)
        || is_name_fragment_word(name)
        || ends_party_label(before)
        || is_section_label(name, before, after, gaz)
        || has_glued_words(name)
    {
        return None;
    }
    if lacks_a_capital(name) && !looks_like_web_address(name) {
        return None;
    }
    if kind == Organization && is_adjective_fragment(name) {
        return None;
    }
    // "G8", "G-20": a group of nations' name is an organisation (the tagger, which never
    // saw one, types it misc like a model number).
    if is_group_of_nations(name) {
        return Some(Organization);
    }
    // "Amazon.com", "Change.org": a web address used as a name is the company or group
    // behind the site, whatever the tagger said.
    if is_domain_name(name) {
        return Some(Organization);
    }
    // "Geneva II", "Vatican II": a place with a numeral names talks or a council, an event.
    if let Some((place, numeral)) = name.rsplit_once(' ') {
        if is_roman_numeral(numeral) && gaz.place(place).is_some() {
            return Some(Misc);
        }
    }
    // Laws, treaties and declarations are misc whatever the tagger said ("First
    // Amendment", "Code of Canon Law"), unless the whole name is a place.
    if (is_document_name(name) || opens_bracketed_document(after))
        && gaz.place(name).is_none()
        && !(kind == Person && is_given_name_and_surname(name, gaz))
    {
        return Some(Misc);
    }
    // "a Brooklyn-based team", "US-led forces", "a GOP-controlled Senate": the tagger types
    // the whole compound misc, but the name before the hyphen is the place or body itself,
    // used as a modifier. Nationalities ("Spanish-language") and awards ("Oscar-winning")
    // are in no place or organisation list and stay misc.
    if kind == Misc && opens_lowercase_compound(after) && !gaz.is_demonym(name) {
        if gaz.is_known_place(name) {
            return Some(Location);
        }
        // Only listed bodies and frequent acronyms: "State-owned lenders" opens a sentence
        // with a word that is also a frequent short name ("State" for the department).
        if gaz.is_known_org(name) || (is_acronym(name) && gaz.is_frequent_org(name)) {
            return Some(Organization);
        }
    }
    if kind == Person
        && crate::works::is_quoted_title(name, before, after)
        && !gaz.is_known_person(name)
    {
        return Some(Misc);
    }
    // "iPod", "iTunes", "eBay": a brand written with a lowercase first letter is nobody's
    // name. A listed organisation ("eBay") was typed above; the rest are products.
    if kind == Person && is_lowercase_brand(name) {
        return Some(Misc);
    }
    if kind == Person && is_facility_name(name, gaz) {
        return Some(Location);
    }
    // "Florida House of Representatives", "Texas Senate" typed place: a place, then a body
    // the lists know, is that place's body.
    if kind == Location && is_place_and_body(name, gaz) {
        return Some(Organization);
    }
    // "Bank of America Stadium", "Trump Tower" typed organisation: the building, not its
    // owner or namesake. A palace is also a club ("Crystal Palace").
    if kind == Organization
        && is_facility_name(name, gaz)
        && !name.ends_with(" Palace")
        && !gaz.is_known_org(name)
    {
        return Some(Location);
    }
    if kind == Organization && is_natural_feature_name(name, gaz) {
        return Some(Location);
    }
    if kind == Location && is_place_named_given_name_and_surname(name, gaz) {
        return Some(Person);
    }
    if kind == Person && is_natural_feature_typed_person(name, gaz) {
        return Some(Location);
    }
    // "Marshall Plan", "Clean Power Plan" typed person: nobody's name ends in "Plan" or
    // "Program"; a scheme is misc, and so is a programme named after its host ("Rachel
    // Maddow Show"). "Clinton Global Initiative", "Jupiter Research", "Warner Bros": an
    // initiative, a research firm and brothers' firm are bodies.
    if kind == Person {
        if let Some((_, last)) = name.rsplit_once(' ') {
            match last {
                "Plan" | "Program" | "Programme" | "Show" => return Some(Misc),
                "Initiative" | "Research" | "Bros" | "Bros." => return Some(Organization),
                _ => {}
            }
        }
    }
    // "United States Senate", "Scottish Parliament", "Massachusetts Institute of
    // Technology" typed place: a body of state or an institution is an organisation,
    // whatever place its name opens with.
    if kind == Location
        && (crate::repair::is_state_body(name)
            || gaz.has_inner_org_head(name)
            || ends_in_body_word(name)
            || is_place_and_plural(name, gaz))
    {
        return Some(Organization);
    }
    // "Toronto Star", "Las Vegas Sun", "Orlando Sentinel" typed place or person: a known
    // place and a newspaper's word is the newspaper.
    if kind != Organization && is_place_newspaper(name, gaz) {
        return Some(Organization);
    }
    if kind != Person && is_famous_person(name, kind, gaz) {
        return Some(Person);
    }
    // A name the tagger types organisation in most of its mentions across modern news,
    // typed place or person here: a local slip ("Breitbart reported", "on Facebook").
    if matches!(kind, Location | Person) && gaz.is_frequent_org(name) {
        return Some(Organization);
    }
    // "GOP candidates", "an MSNBC host": a frequent organisation's acronym typed misc is
    // the organisation used as a modifier. (Other frequent names typed misc are often
    // events or laws: "Super Bowl", "Obamacare".)
    if kind == Misc && is_acronym(name) && gaz.is_frequent_org(name) {
        return Some(Organization);
    }
    if is_authored_document(name, gaz) {
        return Some(Misc);
    }
    if is_event_name(name) && !gaz.is_known_org(name) && gaz.place(name).is_none() {
        return Some(Misc);
    }
    // "DES MOINES — ...", "Cleveland (AFP) – ...": a known place opening a paragraph before
    // a dash or a news agency is the dateline, the place the story was filed from.
    if opens_dateline(before, after) && gaz.is_any_place(name) {
        return Some(Location);
    }
    if let Some(place) = gaz.place(name) {
        if place.weak || kind == Person {
            return Some(kind);
        }
        if kind == Organization && place.broad {
            return Some(Location);
        }
        // "the convention in Cleveland", "a rally near Orlando": after "in" or "near" a
        // city is where something happens, not a team ("lost to Leeds" stays).
        if kind == Organization && after_place_preposition(before, gaz) {
            return Some(Location);
        }
        return Some(kind);
    }
    // Religions, peoples and holidays are never organisations or places ("Christmas" is
    // no company); a demonym typed organisation may be a team ("the Welsh"), so only a
    // person typing is overruled for those, and a place typing of a plural.
    // A people typed place is never the place ("Kazakhs", "South Koreans"; the place name
    // itself was looked up above). A singular nationality typed place stays: it is the
    // country in sports results ("Czech" for the Czech Republic).
    if gaz.is_misc(name)
        || (kind == Person && gaz.is_demonym(name))
        || (kind == Location && is_plural_demonym(name, gaz))
    {
        return Some(Misc);
    }
    if gaz.is_known_org(name) && matches!(kind, Person | Misc) {
        return Some(Organization);
    }
    match gaz.org_shape(name) {
        Some(true) => return Some(Organization),
        Some(false) if kind == Person => return Some(Organization),
        // "Scottish Executive", "Welsh Assembly": a nationality before a word for a body of
        // state is that nation's institution, not a nationality (misc). Leagues and unions
        // stay: "American League" is a competition (misc in CoNLL-2003).
        Some(false) if kind == Misc && is_national_institution(name, gaz) => {
            return Some(Organization)
        }
        _ => {}
    }
    if kind != Person
        && follows_person_title(before, gaz)
        && !gaz.looks_like_org(name)
        && !gaz.is_known_org(name)
    {
        return Some(Person);
    }
    Some(kind)
}

/// Whether the text after a name continues it as the first half of a compound adjective:
/// a hyphen right after the name and a lowercase word ("-based", "-led", "-born").
fn opens_lowercase_compound(after: &str) -> bool {
    after
        .strip_prefix('-')
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_lowercase)
}

/// A known place followed by a word that names newspapers ("Star", "Sentinel",
/// "Examiner"). Words that also name other things after a place are left out: "Standard",
/// "Press", "Record", "Express", "Independent".
fn is_place_newspaper(name: &str, gaz: &Gazetteer) -> bool {
    const PAPER_WORDS: &[&str] = &[
        "Bee",
        "Chronicle",
        "Courant",
        "Courier",
        "Dispatch",
        "Enquirer",
        "Examiner",
        "Gazette",
        "Globe",
        "Herald",
        "Inquirer",
        "Journal",
        "Mirror",
        "News",
        "Observer",
        "Post",
        "Register",
        "Sentinel",
        "Star",
        "Statesman",
        "Sun",
        "Telegraph",
        "Times",
        "Tribune",
    ];
    name.rsplit_once(' ').is_some_and(|(place, word)| {
        PAPER_WORDS.binary_search(&word).is_ok() && gaz.is_known_place(place)
    })
}

/// A people in the plural ("Kazakhs", "South Koreans"): a demonym with an "s".
fn is_plural_demonym(name: &str, gaz: &Gazetteer) -> bool {
    name.strip_suffix('s')
        .is_some_and(|singular| gaz.is_demonym(singular))
}

/// "High Court", "US Senate", "Tennessee Valley Authority", "Brooklyn Law School" typed
/// place: words that end the names of bodies that sit somewhere but are not places. Words
/// for what is also a place or a venue stay out: "Union" and "Federation" (the Soviet
/// Union, the Russian Federation), "Centre", "Church", "Hospital", "Office" (the Oval
/// Office), "Club" and "Caucus" (the Iowa caucus, an event).
fn ends_in_body_word(name: &str) -> bool {
    const BODY_WORDS: &[&str] = &[
        "Academy",
        "Administration",
        "Association",
        "Authority",
        "Congress",
        "Court",
        "League",
        "School",
        "Senate",
    ];
    name.rsplit_once(' ')
        .is_some_and(|(_, last)| BODY_WORDS.contains(&last))
}

/// Plural words that end names of places ("Cayman Islands", "Golan Heights", "Palm
/// Springs", "Jamaica Estates") or of events ("Athens Games", "Dubai Championships").
const PLACE_OR_EVENT_PLURALS: &[&str] = &[
    "Acres",
    "Alps",
    "Awards",
    "Banks",
    "Canyons",
    "Championships",
    "Cliffs",
    "Counties",
    "Downs",
    "Dunes",
    "Emirates",
    "Estates",
    "Falls",
    "Fields",
    "Finals",
    "Flats",
    "Forks",
    "Games",
    "Gardens",
    "Glades",
    "Globes",
    "Groves",
    "Marathons",
    "Races",
    "Trials",
    "Heights",
    "Highlands",
    "Hills",
    "Isles",
    "Islands",
    "Keys",
    "Lakes",
    "Lowlands",
    "Marshes",
    "Meadows",
    "Midlands",
    "Mountains",
    "Narrows",
    "Oaks",
    "Olympics",
    "Peaks",
    "Pines",
    "Plains",
    "Provinces",
    "Rapids",
    "Regions",
    "Rocks",
    "Sands",
    "Shores",
    "Springs",
    "States",
    "Straits",
    "Territories",
    "Valleys",
    "Wales",
    "Wells",
    "Woods",
];

/// "Minnesota Vikings", "Cardiff Blues", "Texas Instruments", "South Carolina Republicans"
/// typed place: a known place, then a capitalised plural that is no word of places or
/// events, and the whole no place, is a team, a firm or a party's members. A surname last
/// ("Tennessee Williams") or a given name first before a plural that is no word ("Virginia
/// Roberts") is a person's name.
pub(crate) fn is_place_and_plural(name: &str, gaz: &Gazetteer) -> bool {
    let Some((head, last)) = name.rsplit_once(' ') else {
        return false;
    };
    let plural = last.len() >= 4
        && last.starts_with(|c: char| c.is_ascii_uppercase())
        && last[1..].bytes().all(|b| b.is_ascii_lowercase())
        && last.ends_with('s')
        && !(last.ends_with("ss") || last.ends_with("us") || last.ends_with("is"));
    let first = head.split(' ').next().unwrap_or(head);
    plural
        && head.split(' ').all(|w| w.starts_with(char::is_uppercase))
        && !PLACE_OR_EVENT_PLURALS.contains(&last)
        && gaz.is_known_place(head)
        && !gaz.is_any_place(name)
        // A given name first is a person's unless the plural is a word the news writes in
        // lowercase ("Dallas Cowboys", "Houston Rockets"; "Virginia Giuffres" is no word).
        && (!gaz.is_given_name(first) || Tagger::embedded().knows_lowercase_word(last))
        && gaz.known_surname_count(last) == 0
}

/// Last words of the names of buildings and structures ("Trump Tower", "Heathrow Airport",
/// "Tahrir Square"). Words that are also common surnames ("Hall", "Church", "Park") are
/// left out.
const FACILITY_HEADS: &[&str] = &[
    "tower",
    "towers",
    "building",
    "plaza",
    "palace",
    "stadium",
    "arena",
    "airport",
    "bridge",
    "square",
    "cathedral",
    "mosque",
    "monument",
    "memorial",
    "tunnel",
    "mall",
    "avenue",
    "boulevard",
];

/// "Trump Tower", "Twin Towers": a name ending in a word for a building or structure, typed
/// person, names the place. A given name first ("John Tower", a senator) keeps the person.
fn is_facility_name(name: &str, gaz: &Gazetteer) -> bool {
    let Some((first, rest)) = name.split_once(' ') else {
        return false;
    };
    let last = rest.rsplit(' ').next().unwrap_or(rest);
    FACILITY_HEADS.contains(&last.to_lowercase().as_str()) && !gaz.is_given_name(first)
}

/// Last words of the names of natural features: land, water, relief.
const NATURAL_FEATURE_HEADS: &[&str] = &[
    "Atoll",
    "Island",
    "Islands",
    "Isle",
    "Lake",
    "River",
    "Mountain",
    "Mountains",
    "Valley",
    "Canyon",
    "Peninsula",
    "Desert",
    "Strait",
    "Straits",
    "Sea",
    "Ocean",
    "Creek",
    "Falls",
    "Glacier",
    "Volcano",
    "Reef",
    "Delta",
    "Plateau",
    "Archipelago",
];

/// "Midway Atoll", "Natural Bridge" typed organisation: a name ending in a
/// natural feature's word is the place. Known places stay as tagged: a city or region
/// typed organisation is usually a team ("Tampa Bay", "Golden State"), and "Bay" and
/// "Gulf" are left out for the same reason; a known organisation ("Lake Placid Organizing
/// Committee" does not end so) stays.
fn is_natural_feature_name(name: &str, gaz: &Gazetteer) -> bool {
    let Some((_, last)) = name.rsplit_once(' ') else {
        return false;
    };
    NATURAL_FEATURE_HEADS.contains(&last)
        && name.split(' ').all(|w| w.starts_with(char::is_uppercase))
        && !gaz.is_any_place(name)
        && !gaz.is_known_org(name)
        && !gaz.is_frequent_org(name)
}

/// "Rikers Island", "Kaneohe Bay" typed person: nobody's name ends so unless it opens
/// with a given name ("Michael Bay"). Teams are no concern here, so "Bay" counts.
fn is_natural_feature_typed_person(name: &str, gaz: &Gazetteer) -> bool {
    let Some((first, _)) = name.split_once(' ') else {
        return false;
    };
    (is_natural_feature_name(name, gaz) || name.ends_with(" Bay"))
        && !gaz.is_given_name(first)
        && !gaz.is_known_person(name)
}

/// Words that end the names of places, parts of towns and their streets: after a given
/// name that is also a place ("Virginia Beach", "Austin Street") they make a place.
const PLACE_NAME_ENDINGS: &[&str] = &[
    "Beach", "Heights", "Hills", "Springs", "City", "County", "Town", "Township", "Street", "Road",
    "Station", "Square", "Park", "Gardens", "Village", "Harbor", "Harbour", "Port", "Bay", "Gulf",
    "North", "South", "East", "West", "Centre", "Center",
];

/// Given names that open the names of places: "San Andreas", "Lake Winola", "Sierra Madre".
const PLACE_NAME_OPENINGS: &[&str] = &[
    "San", "Santa", "Saint", "St", "Lake", "Mount", "Sierra", "Port", "Fort",
];

/// "Virginia Madsen", "Carolina Kluft" typed place: a listed given name (no direction and
/// no opening of place names), then a surname-shaped word the lists know as nothing else
/// and the news never writes in lowercase, is a person when the whole is no place. ("Carolina Kluft" is also caught when the article names Kluft
/// again; this needs no second mention.)
fn is_place_named_given_name_and_surname(name: &str, gaz: &Gazetteer) -> bool {
    let Some((first, last)) = name.split_once(' ') else {
        return false;
    };
    // A city the lists know in full ("London", "Berlin", "Boston": no weak name) opens
    // the names of its airports, orchestras and firms; a team's name ends in a plural
    // ("Carolina Panthers").
    let strong_place = gaz.place(first).is_some_and(|p| !p.weak);
    let plural = last.ends_with('s') && !last.ends_with("ss");
    gaz.is_given_name(first)
        && !strong_place
        && !plural
        && !gaz.is_direction(first)
        && !PLACE_NAME_OPENINGS.contains(&first)
        && crate::given_names::is_surname_shape(last)
        && crate::given_names::is_free_word(last, gaz)
        // A word the news writes in lowercase ("Marathon", "Wall", "Research") makes a
        // place, an event or a firm of the place; a surname mostly is no such word.
        && !Tagger::embedded().knows_lowercase_word(last)
        && !PLACE_NAME_ENDINGS.contains(&last)
        && !NATURAL_FEATURE_HEADS.contains(&last)
        && !FACILITY_HEADS.contains(&last.to_lowercase().as_str())
        && !gaz.is_any_place(name)
        && !gaz.is_known_org(name)
        && !gaz.is_frequent_org(name)
}

/// "Mueller Report", "Steele Dossier": a report named after a known person who wrote or
/// ordered it is a document (misc), not that person or a place. A known organisation of
/// that shape ("Drudge Report", a website) stays an organisation.
fn is_authored_document(name: &str, gaz: &Gazetteer) -> bool {
    const HEADS: &[&str] = &["Report", "Dossier", "Memo", "Memorandum", "Inquiry"];
    let Some((author, head)) = name.rsplit_once(' ') else {
        return false;
    };
    HEADS.contains(&head)
        && !gaz.is_known_org(name)
        && (gaz.is_known_person(author) || gaz.known_surname_count(author) > 0)
}

/// "LETTERS.", "ANALYSIS", "ADVERTISEMENT": one word of six or more capitals alone in its
/// block is a page's section label, not a name, when news writes the word in lowercase (the
/// word classes' vocabulary; a newspaper's masthead "KOMPAS" is not in it) and the lists do
/// not know it as a place or an organisation (a dateline "WASHINGTON", a byline "REUTERS").
/// The vocabulary is the embedded model's, also when the stage runs a model of its own:
/// it describes English news, not a model.
fn is_section_label(name: &str, before: &str, after: &str, gaz: &Gazetteer) -> bool {
    let alone = before.trim().is_empty()
        && after
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':'))
            .is_empty();
    alone
        && name.chars().count() >= 6
        && name.chars().all(|c| c.is_ascii_uppercase())
        && !gaz.is_any_place(name)
        && !gaz.is_known_org(name)
        && !gaz.is_frequent_org(name)
        && Tagger::embedded().knows_lowercase_word(name)
}

/// "Julia CravenFlagShareLikeReplyAni Vrabel": a word with three or more lowercase-to-capital
/// joins is page text that lost its spaces (a comment box's buttons between two bylines),
/// not a name; names have at most two ("McDonald", "DeSantis", "RealClearPolitics"). Web
/// addresses ("OptInRealBig.com") and social-media handles ("@MrRobertMcGrath") are names
/// of their own.
/// A strong place, then a known or frequent organisation or a strongly shaped one, and the
/// whole no place ("Florida House of Representatives"; "New York City Hall" is a place).
fn is_place_and_body(name: &str, gaz: &Gazetteer) -> bool {
    if gaz.is_any_place(name) {
        return false;
    }
    name.match_indices(' ').any(|(at, _)| {
        let (place, body) = (&name[..at], &name[at + 1..]);
        gaz.place(place).is_some_and(|p| !p.weak)
            && body.contains(' ')
            && (gaz.is_known_org(body) || gaz.is_frequent_org(body))
    })
}

/// "G7", "G8", "G-20", "G77": "G", an optional hyphen and a number of one or two digits.
fn is_group_of_nations(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('G') else {
        return false;
    };
    let digits = rest.strip_prefix('-').unwrap_or(rest);
    (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A one-word name written lowercase first and capitalised inside ("iPod", "eBay",
/// "iTunes"), as brands are and names of people never are (particles such as "van" or
/// "al-" open names of several words).
fn is_lowercase_brand(name: &str) -> bool {
    let mut chars = name.chars();
    !name.contains([' ', '-', '\'', '’'])
        && chars.next().is_some_and(|c| c.is_lowercase())
        && chars.any(|c| c.is_uppercase())
}

fn has_glued_words(name: &str) -> bool {
    name.split(' ').any(|word| {
        let joins = word
            .as_bytes()
            .windows(2)
            .filter(|pair| pair[0].is_ascii_lowercase() && pair[1].is_ascii_uppercase())
            .count();
        joins >= 3 && !word.contains('.') && !word.starts_with('@')
    })
}

/// Times a surname's bearer must have been named for the surname alone to be a person.
const FAMOUS_SURNAME: u32 = 200;

/// A famous person the tagger typed otherwise: the full name of a known person ("Katherine
/// Viner" typed organisation), or, typed place, the surname of a much-named one ("Trump",
/// "Putin", "Rosenstein" typed location). Names that are also places, organisations or
/// nationalities stay with the tagger, and a surname typed organisation stays (a company
/// is often named after its founder: "Ford", "Dell").
fn is_famous_person(name: &str, kind: EntityKind, gaz: &Gazetteer) -> bool {
    // The list lookups first: they rule out almost every name, cheaply.
    let known = if name.contains(' ') {
        gaz.is_known_person_with_initials(name)
    } else {
        // Typed misc, a famous surname is a person used as a modifier ("Trump supporters",
        // "the Putin era"): CoNLL-2003 types those person too.
        matches!(kind, EntityKind::Location | EntityKind::Misc)
            && gaz.known_surname_count(name) >= FAMOUS_SURNAME
    };
    known
        && !gaz.is_any_place(name)
        && !gaz.is_known_org(name)
        && !gaz.looks_like_org(name)
        && !gaz.is_demonym(name)
        && !gaz.is_misc(name)
}

fn is_national_institution(name: &str, gaz: &Gazetteer) -> bool {
    const BODIES: &[&str] = &[
        "Executive",
        "Assembly",
        "Parliament",
        "Senate",
        "Congress",
        "Cabinet",
        "Government",
        "Navy",
        "Police",
        "Court",
        "Tribunal",
        "Guard",
        "Guards",
        "Force",
        "Forces",
        "Corps",
        "Embassy",
        "Office",
        "Authority",
        "Administration",
    ];
    let head = name.rsplit(' ').next().unwrap_or("");
    BODIES.contains(&head)
        && name
            .split_once(' ')
            .is_some_and(|(first, _)| gaz.is_demonym(first))
}

/// "£7.5bn", "2003", "radio", "n't": a span with no capital letter, where every letter it
/// has is of a script with capitals, is the tagger running over a number or a common word,
/// not a name. Scripts without case (Arabic, Chinese, ...) are never caught by this.
fn lacks_a_capital(name: &str) -> bool {
    !name.chars().any(char::is_uppercase)
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_lowercase)
}

/// "bbc.co.uk", "news.bbc.co.uk/sport", "www.gov.uk": a host name, perhaps with a path,
/// whose last label is letters only (unlike "7.5bn").
fn looks_like_web_address(name: &str) -> bool {
    let host = name.trim_end_matches('.').split('/').next().unwrap_or("");
    host.rsplit_once('.').is_some_and(|(rest, tld)| {
        !rest.is_empty()
            && (2..=6).contains(&tld.len())
            && tld.bytes().all(|b| b.is_ascii_alphabetic())
    })
}

/// "Amazon.com", "Change.org", "Yahoo.co.uk": a site name with a top-level domain, not a
/// full address (no slash, no "@", no "www.").
pub fn is_domain_name(name: &str) -> bool {
    const TLDS: &[&str] = &[".com", ".org", ".net", ".co.uk", ".org.uk", ".io", ".tv"];
    let lower = name.to_ascii_lowercase();
    let bare = TLDS.iter().find_map(|t| lower.strip_suffix(t));
    bare.is_some_and(|b| {
        b.starts_with(|c: char| c.is_alphanumeric())
            && !b.contains(['/', '@', ' '])
            && !b.starts_with("www.")
    })
}

/// "MSPs", "MPs", "CEOs": the plural of an abbreviated title names a group of people in
/// that role, not an organisation.
fn is_plural_title(name: &str, gaz: &Gazetteer) -> bool {
    name.strip_suffix('s').is_some_and(|one| {
        one.len() >= 2 && one.chars().all(|c| c.is_ascii_uppercase()) && gaz.is_title(one)
    })
}

/// "R-Texas", "D-Calif.", "I-Vt.": a legislator's party and state after the name, a label
/// rather than a place or an organisation.
fn is_party_affiliation(name: &str) -> bool {
    let mut parts = name.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts.next().is_some_and(|state| {
            state.starts_with(|c: char| c.is_ascii_uppercase()) && !state.contains(' ')
        })
}

/// Whether a name with `before` and `after` around it is a paragraph's dateline: nothing
/// before it, and after it a dash ("DES MOINES — She") or a bracketed agency and a dash
/// ("Cleveland (AFP) – The").
/// Longest date or country between a dateline's place and its agency or dash
/// ("Sept. 28", "South Korea", "Oct. 3, 2016").
const MAX_DATELINE_SUFFIX: usize = 24;

fn opens_dateline(before: &str, after: &str) -> bool {
    const DASHES: &[&str] = &[" — ", " – ", " - ", " -- ", "—", "–"];
    if !before.trim().is_empty() {
        return false;
    }
    // "LOS ANGELES, Sept. 28 (UPI) —", "SEOUL, South Korea (AP) —": a date or a country
    // between the place and the agency or dash, written without lowercase words.
    let after = match after.strip_prefix(", ") {
        Some(rest) => {
            let Some(end) = std::iter::once(rest.find(" ("))
                .chain(DASHES.iter().map(|d| rest.find(d)))
                .flatten()
                .min()
            else {
                return false;
            };
            let between = &rest[..end];
            let dated_or_placed = end > 0
                && between.len() <= MAX_DATELINE_SUFFIX
                && between
                    .split([' ', ','])
                    .all(|w| !w.starts_with(|c: char| c.is_lowercase()));
            if !dated_or_placed {
                return false;
            }
            &rest[end..]
        }
        None => after,
    };
    let after_agency = match after.strip_prefix(" (") {
        Some(rest) => match rest.split_once(')') {
            Some((agency, tail)) if agency.len() <= 20 && !agency.contains(' ') => tail,
            _ => return false,
        },
        None => after,
    };
    DASHES.iter().any(|dash| after_agency.starts_with(dash))
}

/// "Stuart Law", "S. Law", "Jude Law": a given name or an initial and one more word, which
/// the tagger typed person, is a person whose surname is a document word.
fn is_given_name_and_surname(name: &str, gaz: &Gazetteer) -> bool {
    let mut words = name.split(' ');
    match (words.next(), words.next(), words.next()) {
        (Some(first), Some(_), None) => gaz.is_given_name(first) || is_initial(first),
        _ => false,
    }
}

/// Whether the text before a name ends with a preposition of place that teams are not
/// found after ("in", "near", "outside", "around", "across"), also through a list of
/// places the preposition governs: "in Philadelphia and Cleveland", "in Philadelphia, in
/// Pittsburgh, Cleveland, Miami and Tampa".
pub(crate) fn after_place_preposition(before: &str, gaz: &Gazetteer) -> bool {
    let mut before = before;
    // A list item each round; bounded so a long run of names costs little.
    for _ in 0..8 {
        let Some(rest) = before.strip_suffix(' ') else {
            return false;
        };
        let word = rest.rsplit(' ').next().unwrap_or(rest);
        if matches!(word, "in" | "near" | "outside" | "around" | "across") {
            return true;
        }
        let Some(rest) = [", and ", ", or ", " and ", " or ", ", "]
            .iter()
            .find_map(|sep| before.strip_suffix(sep))
        else {
            return false;
        };
        match place_at_end(rest, gaz) {
            Some(start) => before = &rest[..start],
            None => return false,
        }
    }
    false
}

/// Where the place that `text` ends with starts: the longest run of up to four
/// capitalised words at its end that is in a place list.
fn place_at_end(text: &str, gaz: &Gazetteer) -> Option<usize> {
    let mut starts = Vec::new();
    let mut at = text.len();
    while starts.len() < 4 {
        let start = text[..at].rfind(' ').map_or(0, |i| i + 1);
        if !text[start..at].starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        starts.push(start);
        if start == 0 {
            break;
        }
        at = start - 1;
    }
    starts
        .into_iter()
        .rev()
        .find(|&start| gaz.is_any_place(&text[start..]))
}

/// "(D-Calif.)", "(R-N.Y.)": the text before the name ends a party letter and hyphen, so
/// the name is the state of a legislator's party label, dropped with the label.
fn ends_party_label(before: &str) -> bool {
    let Some(head) = ["R-", "D-", "I-"]
        .iter()
        .find_map(|party| before.strip_suffix(party))
    else {
        return false;
    };
    head.is_empty() || head.ends_with(['(', ' ', ','])
}

/// "Institute", "University", "League", "New": one word that only ends or starts a name
/// ("Economic Policy Institute", "Champions League", "New Hampshire") is a piece of a name the tagger cut, or a short
/// reference back ("the University"), and as a row of its own names nothing. Single words
/// that do name one body ("Congress", "Senate", "Army", "Treasury") are not among them.
fn is_name_fragment_word(name: &str) -> bool {
    const FRAGMENTS: &[&str] = &[
        "institute",
        "institution",
        "university",
        "college",
        "school",
        "center",
        "centre",
        "club",
        "department",
        "ministry",
        "foundation",
        "association",
        "society",
        "corporation",
        "company",
        "committee",
        "commission",
        "council",
        "agency",
        "office",
        "bureau",
        "group",
        "organization",
        "organisation",
        "federation",
        "board",
        "authority",
        "league",
        "award",
        "awards",
        "prize",
        "new",
        "san",
        "santa",
        "los",
        "las",
        "fort",
        "port",
        "saint",
        "st",
        "mount",
    ];
    let bare = name.trim_end_matches('.');
    !bare.contains(' ') && FRAGMENTS.contains(&bare.to_lowercase().as_str())
}

/// "Federal", "National", "Strategic" typed organisation: an adjective that opens names
/// ("Federal mine No. 2", "Center for Strategic and ...") names no body alone. Typed misc
/// it may be a people's ("Western diplomats"), so only the organisation is dropped. In
/// CoNLL-2003 training data one such word alone is an organisation once in 203,000 tokens.
fn is_adjective_fragment(name: &str) -> bool {
    const ADJECTIVES: &[&str] = &[
        "Federal",
        "National",
        "International",
        "Interim",
        "Eastern",
        "Western",
        "Northern",
        "Southern",
        "Central",
        "Strategic",
    ];
    ADJECTIVES.contains(&name)
}

fn is_roman_numeral(word: &str) -> bool {
    word.len() <= 4 && word.len() >= 2 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// A "name" made only of function words and pronouns ("THE", "And", "Of The", "He"): a
/// fragment of a headline or of a longer name, or a sentence opener, never an entity.
pub(crate) fn is_function_words(name: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
        "as", "is", "it", "its", "this", "that", "these", "those", "but", "not", "no", "so", "he",
        "she", "they", "we", "you", "i", "his", "her", "their", "our", "my", "some", "many",
        "most", "any", "each", "every", "all", "both",
    ];
    let mut words = name.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            let w = w.to_ascii_lowercase().replace('’', "'");
            FUNCTION.contains(&w.as_str()) || is_pronoun_contraction(&w)
        })
}

/// "I'm", "We've", "It's" (lowercase, straight apostrophe): a pronoun with a verb, which
/// the tagger takes for a name at the start of a quotation.
fn is_pronoun_contraction(word: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "i", "we", "you", "he", "she", "it", "they", "that", "there", "let", "who", "what",
    ];
    word.split_once('\'').is_some_and(|(pronoun, verb)| {
        PRONOUNS.contains(&pronoun) && matches!(verb, "m" | "ve" | "ll" | "re" | "d" | "s")
    })
}

/// Whether `before` ends with a capitalised or abbreviated person title ("Gen. ",
/// "President "), the kind of title that is followed by a name.
fn follows_person_title(before: &str, gaz: &Gazetteer) -> bool {
    let tail: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(gaz.max_title_words)
        .collect();
    if !before.ends_with(' ') {
        return false;
    }
    (1..=tail.len()).any(|n| {
        let words: Vec<&str> = tail[..n].iter().rev().copied().collect();
        let first = words[0];
        first.starts_with(char::is_uppercase) && gaz.is_title_key(&title_key(&words.join(" ")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::without_middle_initials;
    use EntityKind::*;

    fn fix(name: &str, kind: EntityKind, before: &str) -> Option<EntityKind> {
        corrected_kind(name, kind, before, "", Gazetteer::embedded())
    }

    #[test]
    fn famous_people_are_known_with_their_middle_initials() {
        assert_eq!(fix("Loretta E. Lynch", Organization, ""), Some(Person));
        assert_eq!(fix("Loretta Lynch", Organization, ""), Some(Person));
        assert_eq!(
            without_middle_initials("Warren E. Buffett").as_deref(),
            Some("Warren Buffett")
        );
        assert_eq!(without_middle_initials("Warren Buffett"), None);
        assert_eq!(without_middle_initials("J. Edgar Hoover"), None);
    }

    #[test]
    fn a_place_and_a_known_body_typed_place_is_the_body() {
        assert_eq!(
            fix("Florida House of Representatives", Location, ""),
            Some(Organization)
        );
        assert_eq!(fix("New York City", Location, ""), Some(Location));
    }

    #[test]
    fn groups_of_nations_are_organisations() {
        for name in ["G8", "G7", "G-20", "G77"] {
            assert_eq!(fix(name, Misc, ""), Some(Organization), "{name}");
        }
        assert_ne!(fix("G4S", Misc, ""), Some(Organization));
        assert_ne!(fix("G", Misc, ""), Some(Organization));
    }

    #[test]
    fn a_brand_written_lowercase_first_is_no_person() {
        assert_eq!(fix("iPod", Person, ""), Some(Misc));
        assert_eq!(fix("iTunes", Person, ""), Some(Misc));
        assert_eq!(fix("al-Assad", Person, ""), Some(Person));
        assert_eq!(fix("Neil deGrasse Tyson", Person, ""), Some(Person));
    }

    #[test]
    fn a_place_and_a_plural_is_a_team_or_firm_but_places_and_people_stay() {
        for name in [
            "Minnesota Vikings",
            "Cardiff Blues",
            "Texas Instruments",
            "South Carolina Republicans",
            "Washington Redskins",
            "Dallas Cowboys",
        ] {
            assert_eq!(fix(name, Location, ""), Some(Organization), "{name}");
        }
        for name in [
            "Cayman Islands",
            "Colorado Springs",
            "Golan Heights",
            "South Wales",
            "Athens Games",
            "Tennessee Williams",
            "Virginia Giuffres",
            "Des Moines",
            "Buenos Aires",
        ] {
            assert_ne!(fix(name, Location, ""), Some(Organization), "{name}");
        }
        assert_eq!(fix("Texas Instruments", Person, ""), Some(Person));
    }

    #[test]
    fn a_place_or_body_opening_a_compound_adjective_is_itself() {
        let gaz = Gazetteer::embedded();
        let fix_around = |name, kind, before, after| corrected_kind(name, kind, before, after, gaz);
        assert_eq!(
            fix_around("Brooklyn", Misc, "the ", "-based campaign"),
            Some(Location)
        );
        assert_eq!(fix_around("US", Misc, "", "-led forces"), Some(Location));
        assert_eq!(
            fix_around("GOP", Misc, "a ", "-led Senate"),
            Some(Organization)
        );
        // Nationalities, awards, a sentence's first word and names joined by a capital stay.
        assert_eq!(fix_around("Spanish", Misc, "", "-language TV"), Some(Misc));
        assert_eq!(fix_around("Oscar", Misc, "", "-winning actor"), Some(Misc));
        assert_eq!(fix_around("State", Misc, "", "-owned lenders"), Some(Misc));
        assert_eq!(
            fix_around("Brooklyn", Misc, "the ", "-Queens line"),
            Some(Misc)
        );
    }

    #[test]
    fn words_that_lost_their_spaces_are_no_name() {
        assert_eq!(
            fix("Julia CravenFlagShareLikeReplyAni Vrabel", Person, ""),
            None
        );
        assert_eq!(fix("FlagShareLikeReplyAni", Misc, ""), None);
        assert_eq!(fix("@MrRobertMcGrath", Person, ""), Some(Person));
        assert_eq!(
            fix("RealClearPolitics", Organization, ""),
            Some(Organization)
        );
        assert_eq!(
            fix("OptInRealBig.com", Organization, ""),
            Some(Organization)
        );
    }

    #[test]
    fn a_capitalised_word_alone_in_its_block_is_a_section_label() {
        let gaz = Gazetteer::embedded();
        let fix_around = |name, kind, before, after| corrected_kind(name, kind, before, after, gaz);
        assert_eq!(fix_around("LETTERS", Organization, "", "."), None);
        assert_eq!(fix_around("ANALYSIS", Person, "", ""), None);
        // Not alone, not a lowercase word, a known place or name, or too short to tell.
        assert_eq!(
            fix_around("LETTERS", Organization, "Write to ", " today"),
            Some(Organization)
        );
        assert_eq!(
            fix_around("KOMPAS", Organization, "", ""),
            Some(Organization)
        );
        assert_eq!(fix_around("WASHINGTON", Location, "", ""), Some(Location));
        assert_eq!(
            fix_around("REUTERS", Organization, "", ""),
            Some(Organization)
        );
    }

    #[test]
    fn events_plural_titles_and_bracketed_laws() {
        let gaz = Gazetteer::embedded();
        let fix_around = |name, kind, before, after| corrected_kind(name, kind, before, after, gaz);
        assert_eq!(fix("Norwich Union Grand Prix", Location, ""), Some(Misc));
        assert_eq!(fix("Venice Film Festival", Organization, ""), Some(Misc));
        assert_eq!(fix("Millennium Exhibition", Organization, ""), Some(Misc));
        assert_eq!(fix("World Cup", Organization, ""), Some(Misc));
        assert_eq!(fix("Australian Open", Location, ""), Some(Misc));
        assert_eq!(fix("Open University", Organization, ""), Some(Organization));
        assert_eq!(fix("Stuart Law", Person, ""), Some(Person));
        assert_eq!(fix("S. Law", Person, ""), Some(Person));
        assert_eq!(fix("Sharia Law", Person, ""), Some(Misc));
        assert_eq!(fix("Great Recession", Location, ""), Some(Misc));
        assert_eq!(fix("Iraq War", Location, ""), Some(Misc));
        assert_eq!(fix("Stockholm Syndrome", Location, ""), Some(Misc));
        assert_eq!(fix("Marshall Plan", Person, ""), Some(Misc));
        assert_eq!(fix("Rachel Maddow Show", Person, ""), Some(Misc));
        assert_eq!(fix("Toronto Star", Location, ""), Some(Organization));
        assert_eq!(fix("Kazakhs", Location, ""), Some(Misc));
        assert_eq!(fix("High Court", Location, ""), Some(Organization));
        assert_eq!(fix("Brooklyn Law School", Location, ""), Some(Organization));
        assert_eq!(fix("Soviet Union", Location, ""), Some(Location));
        assert_eq!(fix("Oval Office", Location, ""), Some(Location));
        assert_eq!(fix("Kazakhstan", Location, ""), Some(Location));
        assert_eq!(fix("Las Vegas Sun", Person, ""), Some(Organization));
        assert_eq!(fix("Golden Globe", Misc, ""), Some(Misc));
        assert_eq!(fix("Jupiter Research", Person, ""), Some(Organization));
        assert_eq!(fix("Warner Bros", Person, ""), Some(Organization));
        assert_eq!(
            fix("Clinton Global Initiative", Person, ""),
            Some(Organization)
        );
        assert_eq!(
            fix("North American Free Trade Agreement", Location, ""),
            Some(Misc)
        );
        assert_eq!(
            fix("Department of War", Organization, ""),
            Some(Organization)
        );
        assert_eq!(fix("MPs", Organization, ""), None);
        assert_eq!(fix("CEOs", Organization, ""), None);
        assert_eq!(fix("BPs", Organization, ""), Some(Organization));
        assert_eq!(
            fix_around(
                "Health Service",
                Organization,
                "part of the ",
                " (Miscellaneous Provisions) Bill, which"
            ),
            Some(Misc)
        );
        assert_eq!(
            fix_around(
                "Bill",
                Person,
                "Health Service (Miscellaneous Provisions) ",
                ", which"
            ),
            None
        );
        assert_eq!(
            fix_around("Bill", Person, "(with him) ", " said"),
            Some(Person)
        );
        assert_eq!(
            fix_around("Health Service", Organization, "the ", " (NHS) said"),
            Some(Organization)
        );
    }

    #[test]
    fn trusts_the_tagger_on_places_except_broad_ones_typed_organisation() {
        // Person: left to the linker.
        assert_eq!(fix("Anbar", Person, ""), Some(Person));
        assert_eq!(fix("Iraq", Organization, ""), Some(Location));
        assert_eq!(fix("Western Europe", Organization, ""), Some(Location));
        // A city typed organisation is a team; a place typed misc an event.
        assert_eq!(fix("Leeds", Organization, ""), Some(Organization));
        assert_eq!(fix("Wimbledon", Misc, ""), Some(Misc));
        assert_eq!(fix("Jordan", Organization, ""), Some(Organization));
    }

    #[test]
    fn fixes_organisations_nationalities_and_titled_people() {
        assert_eq!(fix("State Department", Location, ""), Some(Organization));
        assert_eq!(fix("Free Syrian Army", Misc, ""), Some(Organization));
        assert_eq!(fix("Al Qaeda", Misc, ""), Some(Organization));
        assert_eq!(fix("Syrian", Person, ""), Some(Misc));
        assert_eq!(fix("Czech", Location, ""), Some(Location));
        assert_eq!(fix("National Tennis Centre", Location, ""), Some(Location));
        assert_eq!(
            fix("National Tennis Centre", Person, ""),
            Some(Organization)
        );
        assert_eq!(fix("Christmas", Person, ""), Some(Misc));
        assert_eq!(fix("Christmas", Organization, ""), Some(Misc));
        assert_eq!(fix("Sunni", Location, ""), Some(Misc));
        assert_eq!(
            fix("Salim Idriss", Organization, "commander Gen. "),
            Some(Person)
        );
        assert_eq!(
            fix("Salim Idriss", Organization, "the general "),
            Some(Organization)
        );
        assert_eq!(fix("President", Person, ""), None);
        assert_eq!(fix("First Amendment", Organization, ""), Some(Misc));
        assert_eq!(fix("Code of Canon Law", Person, ""), Some(Misc));
        assert_eq!(fix("Privacy Policy", Organization, ""), None);
        assert_eq!(fix("Barack Obama", Person, "President "), Some(Person));
        assert_eq!(fix("Constitution", Organization, ""), Some(Misc));
        assert_eq!(fix("Constitution", Location, ""), Some(Misc));
    }

    #[test]
    fn initials_and_party_label_states_are_dropped() {
        assert_eq!(fix("Y.", Person, "Rep. Gregory Meeks (D-N."), None);
        assert_eq!(fix("C.", Person, "The insurance executive "), None);
        assert_eq!(fix("Calif", Location, "Duncan Hunter (R-"), None);
        assert_eq!(fix("Calif", Location, "Rep. Duncan Hunter, R-"), None);
        // A state after other hyphenated words is a name.
        assert_eq!(fix("California", Location, "the Trans-"), Some(Location));
        assert_eq!(fix("Texas", Location, "a mid-"), Some(Location));
        assert_eq!(fix("Chloe", Person, "his daughter, "), Some(Person));
    }

    #[test]
    fn name_pieces_on_their_own_are_dropped() {
        assert_eq!(
            fix("Institute", Organization, "Josh Bivens, Economic Policy "),
            None
        );
        assert_eq!(fix("University", Organization, "a student at the "), None);
        assert_eq!(fix("New", Organization, "a veteran "), None);
        assert_eq!(fix("League", Person, "the Champions "), None);
        assert_eq!(fix("CENTER", Location, ""), None);
        // Whole names with those words, and single words that name one body, stay.
        assert_eq!(
            fix("Economic Policy Institute", Organization, ""),
            Some(Organization)
        );
        assert_eq!(fix("Congress", Organization, ""), Some(Organization));
        assert_eq!(fix("Army", Organization, ""), Some(Organization));
    }

    #[test]
    fn datelines_are_places() {
        let gaz = Gazetteer::embedded();
        let fix_around = |name, kind, before, after| corrected_kind(name, kind, before, after, gaz);
        assert_eq!(
            fix_around("DES MOINES", Organization, "", " — She is the"),
            Some(Location)
        );
        assert_eq!(
            fix_around("Cleveland", Organization, "", " (AFP) – The convention"),
            Some(Location)
        );
        assert_eq!(
            fix_around(
                "LOS ANGELES",
                Organization,
                "",
                ", Sept. 28 (UPI) — In a preview"
            ),
            Some(Location)
        );
        assert_eq!(
            fix_around(
                "SEOUL",
                Organization,
                "",
                ", South Korea (AP) — North Korea"
            ),
            Some(Location)
        );
        // A comma then words of a sentence is no dateline.
        assert_eq!(
            fix_around("Cleveland", Organization, "", ", the team said — after"),
            Some(Organization)
        );
        // Elsewhere in a paragraph a city typed organisation is a team, and a place must be
        // known to be a dateline.
        assert_eq!(
            fix_around("Cleveland", Organization, "", " beat Boston"),
            Some(Organization)
        );
        assert_eq!(
            fix_around("Cleveland", Organization, "They said ", " — the team"),
            Some(Organization)
        );
        assert_eq!(
            fix_around("LETTERS", Organization, "", " — I write"),
            Some(Organization)
        );
    }

    #[test]
    fn frequent_organisation_acronyms_typed_misc_are_organisations() {
        assert_eq!(fix("GOP", Misc, "the "), Some(Organization));
        assert_eq!(fix("MSNBC", Misc, "an "), Some(Organization));
        // Frequent names that are events or laws, and unknown acronyms, stay misc.
        assert_eq!(fix("Obamacare", Misc, ""), Some(Misc));
        assert_eq!(fix("Super Bowl", Misc, "the "), Some(Misc));
        assert_eq!(fix("ZZQX", Misc, ""), Some(Misc));
    }

    #[test]
    fn cities_after_in_and_states_are_places() {
        assert_eq!(
            fix("Cleveland", Organization, "the convention in "),
            Some(Location)
        );
        assert_eq!(fix("Leeds", Organization, "a rally near "), Some(Location));
        assert_eq!(
            fix("Cleveland", Organization, "voters in Philadelphia and "),
            Some(Location)
        );
        assert_eq!(
            fix(
                "Cleveland",
                Organization,
                "in Philadelphia, in New York, Miami and "
            ),
            Some(Location)
        );
        assert_eq!(
            fix("Leeds", Organization, "in the match between Chelsea and "),
            Some(Organization)
        );
        // After other words a city typed organisation stays a team.
        assert_eq!(
            fix("Leeds", Organization, "they lost to "),
            Some(Organization)
        );
        assert_eq!(
            fix("Leeds", Organization, "Chelsea beat "),
            Some(Organization)
        );
        // States that name no team are places; those that do are left to the tagger.
        assert_eq!(fix("New Hampshire", Organization, "the "), Some(Location));
        assert_eq!(fix("Texas", Organization, ""), Some(Organization));
    }

    #[test]
    fn bodies_of_state_and_inner_heads_make_organisations() {
        assert_eq!(
            fix("United States Senate", Location, "the "),
            Some(Organization)
        );
        assert_eq!(
            fix("Massachusetts Institute of Technology", Location, "the "),
            Some(Organization)
        );
        assert_eq!(
            fix("City University of New York", Location, "the "),
            Some(Organization)
        );
        assert_eq!(
            fix("Aldo Beckman Memorial Award", Person, "the "),
            Some(Misc)
        );
        // A place whose name only holds an organisation word stays a place.
        assert_eq!(fix("Bank of England", Location, ""), Some(Location));
        assert_eq!(fix("Isle of Man", Location, ""), Some(Location));
    }

    #[test]
    fn buildings_typed_person_are_places() {
        assert_eq!(fix("Trump Tower", Person, ""), Some(Location));
        assert_eq!(fix("Twin Towers", Person, ""), Some(Location));
        assert_eq!(fix("Heathrow Airport", Person, ""), Some(Location));
        // A given name first is a person with that surname.
        assert_eq!(fix("John Tower", Person, ""), Some(Person));
        // Typed organisation, the building too; a palace may be a club.
        assert_eq!(fix("Trump Tower", Organization, ""), Some(Location));
        assert_eq!(
            fix("Bank of America Stadium", Organization, ""),
            Some(Location)
        );
        assert_eq!(fix("Crystal Palace", Organization, ""), Some(Organization));
        assert_eq!(fix("Donald Trump", Person, ""), Some(Person));
    }

    #[test]
    fn spans_without_a_capital_are_no_names() {
        for name in ["He", "Some", "Those", "All"] {
            assert_eq!(fix(name, Person, ""), None, "{name}");
        }
        for name in ["7.5bn", "2003", "radio", "n't", "think-tank"] {
            assert_eq!(fix(name, Organization, ""), None, "{name}");
        }
        assert_eq!(fix("bbc.co.uk", Person, ""), Some(Organization));
        assert_eq!(fix("news.bbc.co.uk/sport", Location, ""), Some(Location));
        // Scripts without case keep their names.
        assert_eq!(fix("القاهرة", Location, ""), Some(Location));
    }

    #[test]
    fn sites_events_institutions_and_fragments() {
        assert_eq!(fix("Amazon.com", Location, ""), Some(Organization));
        assert_eq!(fix("Change.org", Person, ""), Some(Organization));
        assert_eq!(fix("www.bbc.co.uk", Location, ""), Some(Location));
        assert_eq!(fix("news.bbc.co.uk/sport", Location, ""), Some(Location));
        assert_eq!(fix("Geneva II", Location, ""), Some(Misc));
        assert_eq!(fix("Henry VIII", Person, ""), Some(Person));
        assert_eq!(fix("Scottish Executive", Misc, ""), Some(Organization));
        assert_eq!(fix("Scottish", Misc, ""), Some(Misc));
        assert_eq!(fix("American League", Misc, ""), Some(Misc));
        assert_eq!(fix("THE", Organization, ""), None);
        assert_eq!(fix("R-Texas", Organization, ""), None);
        // A natural feature typed organisation is the place, unless the place is known
        // (a team named for its city).
        assert_eq!(fix("Midway Atoll", Organization, ""), Some(Location));
        assert_eq!(fix("Tampa Bay", Organization, ""), Some(Organization));
        assert_eq!(fix("Rikers Island", Person, ""), Some(Location));
        assert_eq!(fix("Kaneohe Bay", Person, ""), Some(Location));
        assert_eq!(fix("Michael Bay", Person, ""), Some(Person));
        // A given name that is a place, and a surname: a person; a place's ending keeps
        // the place.
        assert_eq!(fix("Delta Goodrem", Location, ""), Some(Person));
        assert_eq!(fix("Virginia Beach", Location, ""), Some(Location));
        assert_eq!(fix("Austin Texas", Location, ""), Some(Location));
        assert_eq!(fix("West Sussex", Location, ""), Some(Location));
        assert_ne!(fix("London Marathon", Location, ""), Some(Person));
        assert_eq!(fix("Carolina Panthers", Location, ""), Some(Location));
        // An adjective alone names no organisation; a people's adjective stays misc.
        assert_eq!(fix("Federal", Organization, ""), None);
        assert_eq!(fix("Western", Misc, ""), Some(Misc));
        assert_eq!(fix("I'm", Person, ""), None);
        assert_eq!(fix("We’ve", Person, ""), None);
        assert_eq!(fix("US", Location, ""), Some(Location));
        assert_eq!(fix("O'Neill", Person, ""), Some(Person));
        assert_eq!(fix("D-Calif.", Location, ""), None);
        // Famous people typed otherwise; a surname typed organisation stays.
        assert_eq!(fix("Vladimir Putin", Location, ""), Some(Person));
        assert_eq!(fix("Putin", Location, ""), Some(Person));
        assert_eq!(fix("Putin", Organization, ""), Some(Organization));
        assert_eq!(fix("Trump", Misc, ""), Some(Person));
        // Organisations the tagger mostly knows as such, typed place or person here.
        assert_eq!(fix("Breitbart", Location, ""), Some(Organization));
        assert_eq!(fix("Facebook", Person, ""), Some(Organization));
        assert_eq!(fix("Fox News", Location, ""), Some(Organization));
        assert_eq!(fix("Chicago", Location, ""), Some(Location));
        assert_eq!(fix("Mueller Report", Location, ""), Some(Misc));
        assert_eq!(fix("Mueller Report", Person, ""), Some(Misc));
        assert_eq!(fix("Drudge Report", Person, ""), Some(Organization));
        assert_eq!(fix("Drudge Report", Organization, ""), Some(Organization));
        assert_eq!(fix("Annual Report", Organization, ""), Some(Organization));
        assert_eq!(
            fix("Clinton Foundation", Organization, ""),
            Some(Organization)
        );
        assert_eq!(fix("Jordan", Location, ""), Some(Location));
        assert_eq!(fix("Of The", Person, ""), None);
    }
}
