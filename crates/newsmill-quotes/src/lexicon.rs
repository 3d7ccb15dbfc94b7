//! Word lists the attribution rules consult. They are small closed classes of English
//! (speech verbs, titles, role nouns), so plain sorted slices with binary search are enough
//! and keep the stage free of start-up cost.

/// Finite speech verbs: "X said", "said X", "X told AFP".
const FINITE_CUES: &[&str] = &[
    "accused",
    "acknowledged",
    "acknowledges",
    "added",
    "adds",
    "admits",
    "admitted",
    "agreed",
    "announced",
    "announces",
    "argued",
    "argues",
    "asked",
    "asks",
    "blamed",
    "branded",
    "cautioned",
    "claimed",
    "claims",
    "commented",
    "complained",
    "complains",
    "conceded",
    "concluded",
    "condemned",
    "confirmed",
    "confirms",
    "continued",
    "criticised",
    "criticized",
    "declared",
    "declares",
    "demanded",
    "demands",
    "denied",
    "denies",
    "described",
    "describes",
    "dismissed",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explained",
    "explains",
    "hailed",
    "insisted",
    "insists",
    "joked",
    "labeled",
    "labelled",
    "maintained",
    "maintains",
    "noted",
    "observed",
    "pledged",
    "praised",
    "predicted",
    "predicts",
    "promised",
    "quipped",
    "recalled",
    "remarked",
    "replied",
    "replies",
    "reported",
    "responded",
    "revealed",
    "said",
    "say",
    "says",
    "shouted",
    "stated",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "tells",
    "testified",
    "told",
    "tweeted",
    "urged",
    "urges",
    "vowed",
    "warned",
    "warns",
    "writes",
    "wrote",
];

/// Speech verbs whose object follows them ("told the BBC", "accused Ms King"), so the
/// speaker is never the phrase after the verb.
const NON_INVERTING_CUES: &[&str] = &[
    "accused",
    "announced",
    "announces",
    "asked",
    "asks",
    "blamed",
    "branded",
    "condemned",
    "criticised",
    "criticized",
    "demanded",
    "demands",
    "denied",
    "denies",
    "described",
    "describes",
    "dismissed",
    "hailed",
    "labeled",
    "labelled",
    "pledged",
    "praised",
    "promised",
    "revealed",
    "tells",
    "told",
    "urged",
    "urges",
    "vowed",
];

/// Participles that hang a quotation on the sentence's subject: "X signalled ..., declaring
/// that ...".
const PARTICIPLE_CUES: &[&str] = &[
    "accusing",
    "acknowledging",
    "adding",
    "admitting",
    "announcing",
    "arguing",
    "branding",
    "claiming",
    "complaining",
    "conceding",
    "concluding",
    "confirming",
    "declaring",
    "demanding",
    "denying",
    "describing",
    "dismissing",
    "explaining",
    "insisting",
    "labelling",
    "maintaining",
    "noting",
    "pledging",
    "praising",
    "predicting",
    "promising",
    "replying",
    "responding",
    "saying",
    "stressing",
    "suggesting",
    "telling",
    "urging",
    "vowing",
    "warning",
    "writing",
];

/// Words right before a quoted string that make it a name or a term, not speech:
/// "an operation dubbed “...”", "the so-called “rebels”", "known as “Geneva II”".
const NAMING_WORDS: &[&str] = &[
    "album",
    "book",
    "called",
    "campaign",
    "code-named",
    "codenamed",
    "dubbed",
    "entitled",
    "film",
    "headline",
    "label",
    "labelled",
    "motto",
    "named",
    "nickname",
    "nicknamed",
    "operation",
    "phrase",
    "slogan",
    "so-called",
    "song",
    "term",
    "termed",
    "titled",
    "word",
    "words",
];

/// Titles dropped from names: "President Barack Obama" -> "Barack Obama".
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "capt",
    "captain",
    "chancellor",
    "col",
    "colonel",
    "commissioner",
    "dame",
    "dr",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "king",
    "lady",
    "lord",
    "lt",
    "maj",
    "major",
    "mep",
    "minister",
    "miss",
    "mp",
    "mr",
    "mrs",
    "ms",
    "msp",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rep",
    "rev",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "sheikh",
    "sir",
    "st",
];

/// Nouns and modifiers that describe who someone is: "State Department spokeswoman",
/// "BCC director general", "shadow home secretary".
const ROLE_WORDS: &[&str] = &[
    "actor",
    "actress",
    "adviser",
    "advisor",
    "affairs",
    "agency",
    "ambassador",
    "analyst",
    "assistant",
    "attorney",
    "author",
    "backbencher",
    "banker",
    "barrister",
    "boss",
    "broker",
    "campaigner",
    "candidate",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "commander",
    "commissioner",
    "constitutional",
    "consultant",
    "coroner",
    "correspondent",
    "culture",
    "defence",
    "defender",
    "defense",
    "deputy",
    "designer",
    "detective",
    "diplomat",
    "director",
    "doctor",
    "economic",
    "economist",
    "editor",
    "engineer",
    "envoy",
    "executive",
    "expert",
    "forecaster",
    "foreign",
    "former",
    "founder",
    "general",
    "goalkeeper",
    "governor",
    "head",
    "home",
    "host",
    "inspector",
    "interior",
    "investor",
    "junior",
    "lawyer",
    "leader",
    "magistrate",
    "manager",
    "managing",
    "mayor",
    "mep",
    "midfielder",
    "minister",
    "mp",
    "negotiator",
    "novelist",
    "officer",
    "official",
    "opposition",
    "owner",
    "partner",
    "presenter",
    "president",
    "prime",
    "principal",
    "producer",
    "professor",
    "prosecutor",
    "reporter",
    "representative",
    "researcher",
    "scientist",
    "secretary",
    "senior",
    "shadow",
    "singer",
    "skipper",
    "solicitor",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "star",
    "strategist",
    "striker",
    "superintendent",
    "surgeon",
    "teacher",
    "trader",
    "vice",
    "writer",
];

/// Heads of descriptions that stand for an organisation: "the ministry said".
const ORG_HEADS: &[&str] = &[
    "agency",
    "airline",
    "association",
    "authority",
    "bank",
    "board",
    "body",
    "carrier",
    "chamber",
    "club",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "federation",
    "firm",
    "group",
    "institute",
    "maker",
    "manufacturer",
    "ministry",
    "observatory",
    "office",
    "organisation",
    "organization",
    "party",
    "regulator",
    "retailer",
    "union",
    "watchdog",
];

/// Heads that may refer to any recent organisation, not only one whose name contains them.
const GENERIC_ORG_HEADS: &[&str] = &[
    "airline",
    "bank",
    "carrier",
    "company",
    "firm",
    "group",
    "maker",
    "manufacturer",
    "retailer",
];

/// Capitalised words that start sentences or name days and months, never a speaker alone.
const CAPITALISED_FUNCTION_WORDS: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "april",
    "as",
    "asked",
    "at",
    "august",
    "before",
    "both",
    "but",
    "by",
    "december",
    "despite",
    "during",
    "each",
    "earlier",
    "even",
    "every",
    "february",
    "following",
    "for",
    "friday",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "january",
    "july",
    "june",
    "last",
    "later",
    "many",
    "march",
    "may",
    "meanwhile",
    "monday",
    "most",
    "my",
    "next",
    "no",
    "not",
    "november",
    "now",
    "october",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "over",
    "saturday",
    "september",
    "she",
    "since",
    "so",
    "some",
    "speaking",
    "still",
    "such",
    "sunday",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thursday",
    "to",
    "today",
    "tuesday",
    "two",
    "under",
    "until",
    "we",
    "wednesday",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "without",
    "yesterday",
    "yet",
    "you",
];

/// Words inside a capitalised name that make it an organisation.
const ORG_NAME_WORDS: &[&str] = &[
    "agency",
    "airways",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "chamber",
    "commission",
    "committee",
    "conservatives",
    "corp",
    "corporation",
    "council",
    "court",
    "democrat",
    "democrats",
    "department",
    "federation",
    "front",
    "fund",
    "group",
    "inc",
    "institute",
    "labour",
    "league",
    "ltd",
    "ministry",
    "observatory",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "plc",
    "police",
    "school",
    "service",
    "society",
    "tories",
    "treasury",
    "union",
    "university",
];

/// Name particles that stay lowercase inside a name: "Nick Van den Brul", "Nuri al-Maliki".
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "den", "der", "di", "du", "el", "ibn", "la", "le", "van", "von",
];

/// Lowercase words after a short quoted string that show it is the subject or object of
/// the reporter's clause rather than a modifier of a following noun.
const CLAUSE_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "ahead",
    "along",
    "already",
    "am",
    "amid",
    "an",
    "and",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "between",
    "beyond",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "for",
    "from",
    "had",
    "has",
    "have",
    "her",
    "here",
    "his",
    "however",
    "if",
    "in",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "like",
    "may",
    "might",
    "must",
    "my",
    "near",
    "next",
    "not",
    "now",
    "of",
    "off",
    "on",
    "one",
    "only",
    "onto",
    "or",
    "our",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "should",
    "since",
    "so",
    "soon",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "today",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "via",
    "was",
    "were",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
];

/// Words skipped between a subject and its speech verb: "Mr Blair has also said".
const AUXILIARIES: &[&str] = &[
    "again",
    "also",
    "earlier",
    "further",
    "had",
    "has",
    "have",
    "is",
    "later",
    "now",
    "once",
    "previously",
    "privately",
    "publicly",
    "recently",
    "repeatedly",
    "reportedly",
    "then",
    "was",
    "will",
    "would",
];

/// Opening words of an adverbial phrase before the subject: "Last Sunday, ...".
const LEADING_ADVERBIAL: &[&str] = &[
    "after",
    "although",
    "as",
    "asked",
    "at",
    "before",
    "despite",
    "during",
    "earlier",
    "following",
    "in",
    "last",
    "later",
    "meanwhile",
    "on",
    "since",
    "speaking",
    "when",
    "while",
    "with",
    "yesterday",
];

fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Looks `word` up case-insensitively. Words are lowercased into a stack buffer (every list
/// entry is short ASCII), so the per-token lookups of the stage never allocate.
fn contains_folded(list: &[&str], word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > 24 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 24];
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).is_ok_and(|w| contains(list, w))
}

pub fn is_finite_cue(word: &str) -> bool {
    contains_folded(FINITE_CUES, word)
}

pub fn is_non_inverting_cue(word: &str) -> bool {
    contains_folded(NON_INVERTING_CUES, word)
}

pub fn is_participle_cue(word: &str) -> bool {
    contains_folded(PARTICIPLE_CUES, word)
}

pub fn is_naming_word(word: &str) -> bool {
    contains_folded(NAMING_WORDS, word)
}

pub fn is_title(word: &str) -> bool {
    contains_folded(TITLES, word.trim_end_matches('.'))
}

pub fn is_role_word(word: &str) -> bool {
    contains_folded(ROLE_WORDS, word)
}

pub fn is_org_head(word: &str) -> bool {
    contains_folded(ORG_HEADS, word)
}

pub fn is_generic_org_head(word: &str) -> bool {
    contains_folded(GENERIC_ORG_HEADS, word)
}

pub fn is_capitalised_function_word(word: &str) -> bool {
    contains_folded(CAPITALISED_FUNCTION_WORDS, word)
}

pub fn is_org_name_word(word: &str) -> bool {
    // Plurals count too: "British Chambers of Commerce".
    contains_folded(ORG_NAME_WORDS, word)
        || word
            .strip_suffix('s')
            .is_some_and(|stem| stem.len() > 2 && contains_folded(ORG_NAME_WORDS, stem))
}

pub fn is_name_particle(word: &str) -> bool {
    contains(NAME_PARTICLES, word)
}

pub fn is_clause_word(word: &str) -> bool {
    contains_folded(CLAUSE_WORDS, word)
}

pub fn is_auxiliary(word: &str) -> bool {
    contains_folded(AUXILIARIES, word)
}

pub fn is_leading_adverbial(word: &str) -> bool {
    contains_folded(LEADING_ADVERBIAL, word)
}

/// Days and time adverbs that may sit between a subject and its verb ("on Sunday said").
pub fn is_time_word(word: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "earlier",
        "friday",
        "later",
        "monday",
        "saturday",
        "sunday",
        "thursday",
        "today",
        "tonight",
        "tuesday",
        "wednesday",
        "yesterday",
    ];
    contains_folded(TIME_WORDS, word)
}

/// Abbreviations whose period does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "adm", "apr", "aug", "capt", "co", "col", "corp", "dec", "dr", "etc", "feb", "ft", "gen",
        "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mr", "mrs", "ms", "mt", "no",
        "nov", "oct", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vs",
    ];
    let mut chars = word.chars();
    let single_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_initial || word.contains('.') || contains_folded(ABBREVIATIONS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [
            FINITE_CUES,
            PARTICIPLE_CUES,
            NON_INVERTING_CUES,
            NAMING_WORDS,
            TITLES,
            ROLE_WORDS,
            ORG_HEADS,
            GENERIC_ORG_HEADS,
            CAPITALISED_FUNCTION_WORDS,
            ORG_NAME_WORDS,
            NAME_PARTICLES,
            CLAUSE_WORDS,
            AUXILIARIES,
            LEADING_ADVERBIAL,
        ] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "unsorted near {list:?}"
            );
        }
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(is_finite_cue("Said"));
        assert!(is_participle_cue("declaring"));
        assert!(is_title("Mr"));
        assert!(is_title("Gen."));
        assert!(!is_finite_cue("indicated"));
        assert!(is_abbreviation("U.S"));
        assert!(is_abbreviation("W"));
        assert!(!is_abbreviation("Iraq"));
    }
}
