//! Gazetteers compiled into the binary from the text files in `data/`: places (countries,
//! capitals, cities, provinces, regions), demonyms, person titles and organisation cues.
//! Lookups use [`crate::fold::key`], so case, hyphens and full stops do not matter; callers
//! check capitalisation in the text themselves.

// Fx: the keys are short names looked up for every candidate mention; SipHash showed in profiles.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::fold::{key, key_words, with_key};

const COUNTRIES: &str = newsmill_text::countries::TABLE;
const PLACES: &str = include_str!("../data/places.txt");
const REGIONS: &str = include_str!("../data/regions.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const ORGANISATIONS: &str = include_str!("../data/organisations.txt");
const MISC: &str = include_str!("../data/misc.txt");
/// GeoNames places of 20,000+ people that are not common US given names or surnames,
/// built by `examples/build_places.rs` (the rebuild command is there).
const PROMINENT_PLACES: &str = include_str!("../data/prominent_places.tsv");
/// People the tagger names most often in unlabelled modern news, built by
/// `examples/build_people.rs` (the rebuild command is there).
const KNOWN_PEOPLE: &str = include_str!("../data/known_people.tsv");
/// Organisations the tagger names most often in unlabelled modern news, built by
/// `examples/build_orgs.rs` (the rebuild command is there).
const FREQUENT_ORGS: &str = include_str!("../data/frequent_orgs.tsv");
/// US given names that news writes as names rather than words, built by
/// `examples/build_given_names.rs` (the rebuild command is there).
const GIVEN_NAMES: &str = include_str!("../data/given_names.txt");

/// What the gazetteer knows about a place name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Row of the country this is a name of (all names of one country share it), so that
    /// "US" and "United States" fold into one entity.
    pub country: Option<usize>,
    /// Also a common first name or word ("Jordan", "Chad", "Victoria"): never used to
    /// correct a type or to add a mention.
    pub weak: bool,
    /// A country or a world region: rarely the name of a team or an organisation, so it
    /// overrides the tagger's organisation type (a city does not: "Leeds", "Chicago").
    pub broad: bool,
}

/// The compiled gazetteers. Build once with [`Gazetteer::embedded`].
#[derive(Debug)]
pub struct Gazetteer {
    places: HashMap<String, Place>,
    demonyms: HashSet<String>,
    /// Religions, groups, holidays: typed misc like demonyms, but not nationalities.
    misc: HashSet<String>,
    titles: HashSet<String>,
    /// Organisation head words, and whether each is strong.
    org_heads: HashMap<String, bool>,
    org_leads: HashSet<String>,
    known_orgs: HashSet<String>,
    /// Populated places by prominence (key -> population), used only as evidence that a
    /// name typed person is a place: never to add a mention or overrule another type.
    prominent: HashMap<String, u32>,
    /// Known people (key of the full name -> times named) and their surnames (key of the
    /// last word -> times the most named person with it was named).
    known_people: HashMap<String, u32>,
    known_surnames: HashMap<String, u32>,
    /// Given names as written ("Melania"), seldom ordinary words.
    given_names: HashSet<String>,
    /// Those of them nine in ten of whose US bearers are men (`true`) or women (`false`),
    /// by their lowercase form (a name key's word).
    given_name_sex: HashMap<String, bool>,
    /// Organisations named often in modern news (key -> times typed organisation).
    frequent_orgs: HashMap<String, u32>,
    /// The same names exactly as written ("Breitbart", "CNN"), to find them in text.
    frequent_org_forms: HashSet<String>,
    /// Their first words, exactly as written, to skip most words cheaply.
    frequent_org_first: HashSet<String>,
    /// Longest of them, in words.
    pub max_frequent_org_words: usize,
    /// First words of place names and demonyms (key form), to skip most words cheaply.
    place_first: HashSet<String>,
    /// First words of titles (title-key form).
    title_first: HashSet<String>,
    /// Longest place name, in words.
    pub max_place_words: usize,
    /// Longest title, in words.
    pub max_title_words: usize,
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// "~Jordan" -> ("Jordan", weak).
fn weak_flag(name: &str) -> (&str, bool) {
    match name.trim().strip_prefix('~') {
        Some(rest) => (rest.trim(), true),
        None => (name.trim(), false),
    }
}

fn word_count(key: &str) -> usize {
    key.split(' ').filter(|w| !w.is_empty()).count()
}

/// Title keys keep hyphens ("vice-president") and drop full stops ("maj. gen." -> "maj gen").
pub fn title_key(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            stopped_abbreviation(w)
                .map_or_else(|| w.trim_end_matches('.').to_lowercase(), String::from)
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Titles abbreviated with a full stop whose bare form is a name word: "Del. Stacey
/// Plaskett" is a delegate, "Del Toro" and "Lana Del Rey" are names. Only the stopped
/// form reads as the title, keyed as the full word the title list holds.
fn stopped_abbreviation(word: &str) -> Option<&'static str> {
    match word {
        "Del." | "del." => Some("delegate"),
        _ => None,
    }
}

/// Runs `f` on the lowercase form of an ASCII word, on the stack when it is short.
fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 40];
    match buf.get_mut(..word.len()) {
        Some(slot) => {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            f(std::str::from_utf8(slot).unwrap_or(""))
        }
        None => f(&word.to_ascii_lowercase()),
    }
}

impl Gazetteer {
    /// The gazetteer compiled from the crate's data files, parsed on first use.
    pub fn embedded() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::parse)
    }

    fn parse() -> Gazetteer {
        let mut gaz = Gazetteer {
            places: HashMap::default(),
            demonyms: HashSet::default(),
            misc: HashSet::default(),
            titles: HashSet::default(),
            org_heads: HashMap::default(),
            org_leads: HashSet::default(),
            known_orgs: HashSet::default(),
            prominent: HashMap::default(),
            known_people: HashMap::default(),
            known_surnames: HashMap::default(),
            given_names: HashSet::default(),
            given_name_sex: HashMap::default(),
            frequent_orgs: HashMap::default(),
            frequent_org_forms: HashSet::default(),
            frequent_org_first: HashSet::default(),
            max_frequent_org_words: 1,
            place_first: HashSet::default(),
            title_first: HashSet::default(),
            max_place_words: 1,
            max_title_words: 1,
        };
        for (row, line) in data_lines(COUNTRIES).enumerate() {
            let mut fields = line.split('|');
            let names = fields.next().unwrap_or("");
            let demonyms = fields.next().unwrap_or("");
            let capitals = fields.next().unwrap_or("");
            for name in names.split('/').filter(|n| !n.trim().is_empty()) {
                let (name, weak) = weak_flag(name);
                gaz.add_place(
                    name,
                    Place {
                        country: Some(row),
                        weak,
                        broad: true,
                    },
                );
            }
            for capital in capitals.split('/').filter(|n| !n.trim().is_empty()) {
                let (name, weak) = weak_flag(capital);
                gaz.add_place(
                    name,
                    Place {
                        country: None,
                        weak,
                        broad: false,
                    },
                );
            }
            for demonym in demonyms.split('/').filter(|n| !n.trim().is_empty()) {
                let k = key(weak_flag(demonym).0);
                gaz.place_first
                    .insert(k.split(' ').next().unwrap_or("").to_string());
                gaz.demonyms.insert(k);
            }
        }
        for (text, broad) in [(PLACES, false), (REGIONS, true)] {
            for line in data_lines(text) {
                let (name, weak) = weak_flag(line);
                gaz.add_place(
                    name,
                    Place {
                        country: None,
                        weak,
                        broad,
                    },
                );
            }
        }
        for line in data_lines(MISC) {
            gaz.misc.insert(key(line));
        }
        for line in data_lines(TITLES) {
            let title = title_key(line);
            gaz.title_first
                .insert(title.split(' ').next().unwrap_or("").to_string());
            gaz.max_title_words = gaz.max_title_words.max(title.split(' ').count());
            gaz.titles.insert(title);
        }
        for line in data_lines(PROMINENT_PLACES) {
            if let Some((name, population)) = line.split_once('\t') {
                let population = population.trim().parse().unwrap_or(0);
                let k = key(name);
                if let Some(other) = saint_variant(&k) {
                    gaz.prominent.entry(other).or_insert(population);
                }
                gaz.prominent.insert(k, population);
            }
        }
        for line in data_lines(KNOWN_PEOPLE) {
            if let Some((name, count)) = line.split_once('\t') {
                let count: u32 = count.trim().parse().unwrap_or(0);
                let k = key(name);
                if let Some(last) = k.rsplit(' ').next() {
                    let best = gaz.known_surnames.entry(last.to_string()).or_insert(0);
                    *best = (*best).max(count);
                }
                gaz.known_people.insert(k, count);
            }
        }
        for line in data_lines(GIVEN_NAMES) {
            let (name, sex) = line.split_once('\t').unwrap_or((line, ""));
            match sex.trim() {
                "M" => gaz.given_name_sex.insert(name.to_lowercase(), true),
                "F" => gaz.given_name_sex.insert(name.to_lowercase(), false),
                _ => None,
            };
            gaz.given_names.insert(name.to_string());
        }
        for line in data_lines(FREQUENT_ORGS) {
            if let Some((name, count)) = line.split_once('\t') {
                let count = count.trim().parse().unwrap_or(0);
                gaz.frequent_orgs.insert(key(name), count);
                gaz.max_frequent_org_words =
                    gaz.max_frequent_org_words.max(name.split(' ').count());
                gaz.frequent_org_forms.insert(name.to_string());
                gaz.frequent_org_first
                    .insert(name.split(' ').next().unwrap_or("").to_string());
            }
        }
        let mut section = "";
        for line in data_lines(ORGANISATIONS) {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            match section {
                "[strong heads]" => {
                    gaz.org_heads.insert(line.to_string(), true);
                }
                "[heads]" => {
                    gaz.org_heads.entry(line.to_string()).or_insert(false);
                }
                "[leads]" => {
                    gaz.org_leads.insert(line.to_string());
                }
                _ => {
                    gaz.known_orgs.insert(key(line));
                }
            }
        }
        gaz
    }

    fn add_place(&mut self, name: &str, place: Place) {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        // "Saint Kitts and Nevis" is written "St Kitts and Nevis" (and "St." folds to
        // "st"): every saint name is known under both spellings.
        if let Some(other) = saint_variant(&k) {
            self.insert_place(other, place);
        }
        self.insert_place(k, place);
    }

    fn insert_place(&mut self, k: String, place: Place) {
        self.max_place_words = self.max_place_words.max(word_count(&k));
        self.place_first
            .insert(k.split(' ').next().unwrap_or("").to_string());
        // A country name wins over a city of the same name (Djibouti, Singapore).
        match self.places.get(&k) {
            Some(old) if old.country.is_some() && place.country.is_none() => {}
            _ => {
                self.places.insert(k, place);
            }
        }
    }

    /// Whether a name is only known as a country's formal name ("Republic of Iraq"); the
    /// short name is preferred as an entity's name.
    pub fn is_formal_country_name(&self, name: &str) -> bool {
        let k = key(name);
        !self.places.contains_key(&k) && self.formal_country(&k).is_some()
    }

    /// Whether a place name or demonym may start with this word (false for most words,
    /// checked without allocating).
    pub fn may_start_place(&self, word: &str) -> bool {
        if word.contains('.') || !word.is_ascii() {
            return true;
        }
        let first = word.split('-').next().unwrap_or(word);
        with_ascii_lowercase(first, |w| self.place_first.contains(w))
    }

    /// Whether a title may start with this word (false for most words, checked without
    /// allocating).
    pub fn may_start_title(&self, word: &str) -> bool {
        if let Some(full) = stopped_abbreviation(word) {
            return self.title_first.contains(full);
        }
        let word = word.trim_end_matches('.');
        if !word.is_ascii() {
            return true;
        }
        with_ascii_lowercase(word, |w| self.title_first.contains(w))
    }

    /// The place a name is, if any (`name` as written, or a key).
    pub fn place(&self, name: &str) -> Option<Place> {
        with_key(name, |k| {
            self.places
                .get(k)
                .copied()
                .or_else(|| self.formal_country(k))
        })
    }

    /// "Republic of Iraq", "Islamic Republic of Iran": a country's formal name (a key).
    fn formal_country(&self, k: &str) -> Option<Place> {
        let rest = [
            "republic of ",
            "kingdom of ",
            "state of ",
            "islamic republic of ",
            "people's republic of ",
            "federal republic of ",
            "arab republic of ",
        ]
        .iter()
        .find_map(|prefix| k.strip_prefix(prefix))?;
        self.places
            .get(rest)
            .copied()
            .filter(|p| p.country.is_some())
    }

    /// Whether a name is a place that is not also a common name or word: a strong entry of
    /// the hand lists, or a town of 20,000+ people in GeoNames that is no common given name
    /// or surname ("Cicero", "Hoffman Estates"; not "Jackson"). A weak hand-list entry
    /// stays weak whatever its population ("Victoria").
    pub fn is_known_place(&self, name: &str) -> bool {
        let k = key(name);
        match self.place(&k) {
            Some(place) => !place.weak,
            None => self.prominent.contains_key(&k),
        }
    }

    /// Whether a name is in any place list, weak entries and GeoNames towns included.
    pub fn is_any_place(&self, name: &str) -> bool {
        let k = key(name);
        self.place(&k).is_some() || self.prominent.contains_key(&k)
    }

    /// A person named often in modern news ("Rod Rosenstein", "Vladimir Putin").
    pub fn is_known_person(&self, name: &str) -> bool {
        with_key(name, |k| self.known_people.contains_key(k))
    }

    /// [`Gazetteer::is_known_person`], also for the name written with middle initials
    /// ("Loretta E. Lynch" for the listed "Loretta Lynch").
    pub fn is_known_person_with_initials(&self, name: &str) -> bool {
        self.is_known_person(name)
            || crate::words::without_middle_initials(name).is_some_and(|n| self.is_known_person(&n))
    }

    /// An organisation named often in modern news, mostly typed organisation by the
    /// tagger itself ("Facebook", "Breitbart"): evidence against a place or person type.
    pub fn is_frequent_org(&self, name: &str) -> bool {
        with_key(name, |k| self.frequent_orgs.contains_key(k))
    }

    /// Whether a frequent organisation starts with this exact word.
    pub fn may_start_frequent_org(&self, word: &str) -> bool {
        self.frequent_org_first.contains(word)
    }

    /// Whether this exact text (case as written) is a frequent organisation.
    pub fn is_frequent_org_form(&self, text: &str) -> bool {
        self.frequent_org_forms.contains(text)
    }

    /// A US given name that news writes as a name, not a word ("Melania", not "Will").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// `Some(true)` for a listed given name nine in ten of whose US bearers are men
    /// ("Donald"), `Some(false)` for women ("Hillary"), `None` for names given to both
    /// ("Terry") and unlisted ones. `key_word` in lowercase, as a name key holds it.
    pub fn given_name_is_male(&self, key_word: &str) -> Option<bool> {
        self.given_name_sex.get(key_word).copied()
    }

    /// How often the most named known person with this surname was named (0 if none).
    pub fn known_surname_count(&self, word: &str) -> u32 {
        with_key(word, |k| self.known_surnames.get(k).copied().unwrap_or(0))
    }

    pub fn is_demonym(&self, name: &str) -> bool {
        with_key(name, |k| self.demonyms.contains(k))
    }

    /// A religion, group, holiday or other misc name ("Sunni", "Christmas Day").
    pub fn is_misc(&self, name: &str) -> bool {
        with_key(name, |k| self.misc.contains(k))
    }

    /// Whether a word qualifies a place without being part of its name ("Sunni Anbar",
    /// "Syrian Aleppo"): a nationality or a religious or ethnic group.
    pub fn is_qualifier(&self, word: &str) -> bool {
        self.is_demonym(word) || self.is_misc(word)
    }

    /// "Northern Syria": a direction that can open a place name.
    pub fn is_direction(&self, word: &str) -> bool {
        matches!(
            word,
            "North"
                | "South"
                | "East"
                | "West"
                | "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
                | "Central"
                | "Upper"
                | "Lower"
                | "Greater"
                | "Northeast"
                | "Northwest"
                | "Southeast"
                | "Southwest"
                | "Northeastern"
                | "Northwestern"
                | "Southeastern"
                | "Southwestern"
        )
    }

    /// Whether the words (already in title-key form: lowercase, full stops dropped) are one title.
    pub fn is_title_key(&self, title: &str) -> bool {
        self.titles.contains(title)
    }

    pub fn is_title(&self, text: &str) -> bool {
        // One ASCII word (what the word splitter asks about, tens of thousands of times a
        // run): its key is made on the stack, as `title_key` would make it.
        let word = text.trim();
        if !word.contains(char::is_whitespace) && stopped_abbreviation(word).is_none() {
            let bare = word.trim_end_matches('.');
            if !bare.is_empty() && bare.is_ascii() {
                return with_ascii_lowercase(bare, |k| self.titles.contains(k));
            }
        }
        self.titles.contains(&title_key(text))
    }

    /// A name known to be an organisation ("Al Qaeda", "Pentagon", "NATO").
    pub fn is_known_org(&self, name: &str) -> bool {
        with_key(name, |k| self.known_orgs.contains(k))
    }

    /// A word that ends organisation names, as written ("Department", "Army", "Front").
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains_key(word.trim_end_matches('.'))
    }

    /// A head word that makes any capitalised name ending in it an organisation
    /// ("Committee", "Institute"), not only likely one ("Center", "Club").
    pub fn is_strong_org_head(&self, word: &str) -> bool {
        self.org_heads.get(word.trim_end_matches('.')) == Some(&true)
    }

    /// Whether a name has the shape of an organisation ("X Department", "Ministry of X"):
    /// `Some(strong)`, where a strong shape overrides any tagger type and a weak one only a
    /// person type.
    pub fn org_shape(&self, name: &str) -> Option<bool> {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 {
            return None;
        }
        let head = words
            .last()
            .and_then(|w| self.org_heads.get(w.trim_end_matches('.')).copied());
        let lead = (self.org_leads.contains(words[0]) && matches!(words[1], "of" | "for"))
            .then(|| self.org_heads.get(words[0]).copied().unwrap_or(false));
        match (head, lead) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(false) || b.unwrap_or(false)),
        }
    }

    /// "Massachusetts Institute of Technology", "City University of New York": a strong
    /// organisation head inside the name, followed by of/for (the first word is
    /// [`Gazetteer::org_shape`]'s lead). Not an org shape for splitting "X and Y": "Fife
    /// College of Further and Higher Education" is one name.
    pub fn has_inner_org_head(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        words
            .windows(2)
            .skip(1)
            .any(|w| matches!(w[1], "of" | "for") && self.org_heads.get(w[0]) == Some(&true))
    }

    pub fn looks_like_org(&self, name: &str) -> bool {
        self.org_shape(name).is_some()
    }
}

/// A place key with "saint"/"sainte" words written "st"/"ste", or the other way round
/// ("saint kitts and nevis" <-> "st kitts and nevis"); `None` when the key has neither.
fn saint_variant(k: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<&str> = key_words(k)
        .map(|w| {
            let other = match w {
                "saint" => "st",
                "st" => "saint",
                "sainte" => "ste",
                "ste" => "sainte",
                _ => return w,
            };
            changed = true;
            other
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Words that end a company's or party's full name and that short mentions leave off
/// ("Altria Group" -> "Altria", "Labour Party" -> "Labour").
const DESIGNATORS: &[&str] = &[
    "group",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "limited",
    "plc",
    "llc",
    "llp",
    "ag",
    "gmbh",
    "sa",
    "holdings",
    "party",
];

/// Whether a word (as a comparison key: lowercase, no full stop) is a designator.
pub fn is_designator(word_key: &str) -> bool {
    DESIGNATORS.contains(&word_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-word shortcut of `is_title` answers as the title key does.
    #[test]
    fn one_word_titles_match_the_title_key() {
        let gaz = Gazetteer::embedded();
        for word in [
            "Sen.",
            "SEN.",
            "sen",
            "Gen.",
            "Mr",
            "Mr.",
            "Del.",
            "Del",
            "del.",
            "Dr..",
            " Rep. ",
            ".",
            "",
            "President",
            "spokeswoman",
            "Smith",
            "Señor",
            "MONSIGNOR",
            "Cardinal",
            "Judge.",
        ] {
            assert_eq!(
                gaz.is_title(word),
                gaz.titles.contains(&title_key(word)),
                "{word:?}"
            );
        }
        assert!(gaz.is_title("Sen.") && gaz.is_title("Del.") && !gaz.is_title("Del"));
    }

    #[test]
    fn knows_places_demonyms_titles_and_org_cues() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.place("Anbar").is_some_and(|p| !p.weak));
        assert!(gaz.place("Nineveh").is_some());
        assert!(gaz.place("Long Island").is_some_and(|p| !p.weak));
        assert!(gaz.place("New England").is_none());
        assert!(gaz.place("Jordan").is_some_and(|p| p.weak));
        let us = gaz.place("U.S.").and_then(|p| p.country);
        assert!(us.is_some());
        assert_eq!(us, gaz.place("United States").and_then(|p| p.country));
        assert!(gaz.is_demonym("Syrian") && gaz.is_demonym("Iraqi"));
        assert!(
            gaz.is_title("Maj. Gen.")
                && gaz.is_title("spokeswoman")
                && gaz.is_title("Prime Minister")
        );
        assert!(
            gaz.looks_like_org("State Department") && gaz.looks_like_org("Ministry of Defence")
        );
        assert!(!gaz.looks_like_org("Barack Obama"));
        assert_eq!(gaz.org_shape("State Department"), Some(true));
        assert_eq!(gaz.org_shape("National Tennis Centre"), Some(false));
        assert!(
            gaz.place("Iraq").is_some_and(|p| p.broad)
                && gaz.place("Western Europe").is_some_and(|p| p.broad)
        );
        assert!(gaz.place("Leeds").is_some_and(|p| !p.broad));
        assert!(gaz.is_known_org("Al Qaeda’s"));
        assert!(gaz.place("Barack").is_none());
        assert!(
            gaz.may_start_place("Saudi")
                && gaz.may_start_place("Syrian")
                && !gaz.may_start_place("Barack")
        );
        assert!(
            gaz.may_start_title("Maj.")
                && gaz.may_start_title("spokeswoman")
                && !gaz.may_start_title("Barack")
        );
        assert_eq!(
            gaz.place("Republic of Iraq").and_then(|p| p.country),
            gaz.place("Iraq").and_then(|p| p.country)
        );
        assert!(gaz.place("Republic of Anbar").is_none());
        assert!(gaz.is_known_place("Round Lake Beach") && gaz.is_known_place("Cicero"));
        assert!(!gaz.is_known_place("Jackson") && !gaz.is_known_place("Jordan"));
        assert!(gaz.is_any_place("Jordan") && !gaz.is_known_place("Barack Obama"));
        // Saints under either spelling.
        assert!(gaz
            .place("St Kitts and Nevis")
            .is_some_and(|p| p.country.is_some()));
        assert!(gaz.place("St. Lucia").is_some_and(|p| p.country.is_some()));
        assert_eq!(saint_variant("st louis").as_deref(), Some("saint louis"));
        assert_eq!(saint_variant("leeds"), None);
    }
}
