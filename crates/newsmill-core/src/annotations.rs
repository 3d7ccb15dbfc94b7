//! What extraction stages add to an article. Each family has one owner stage; later stages
//! read earlier ones (quotes read entity mentions to name speakers, facts read places and
//! dates), which is how stage crates cooperate without depending on each other.

use crate::article::Span;

/// A field naming one of a few fixed values. Spelled through an alias so that serde does
/// not take it for a string borrowed from the input (it is read back interned, see
/// `crate::intern`).
type FixedStr = &'static str;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Misc,
}

impl EntityKind {
    /// The value written in the `type` column of entities.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Misc => "misc",
        }
    }

    /// CoNLL tag suffix (PER, ORG, LOC, MISC).
    pub fn conll(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    pub fn from_conll(tag: &str) -> Option<Self> {
        match tag {
            "PER" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Organization),
            "LOC" => Some(EntityKind::Location),
            "MISC" => Some(EntityKind::Misc),
            _ => None,
        }
    }
}

/// One normalised entity of an article: every mention that refers to it is folded in.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// Fullest name, titles and possessives removed ("Barack Obama").
    pub name: String,
    /// Distinct surface forms in order of first appearance ("President Barack Obama", "Obama").
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub first: Span,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EntityMention {
    pub span: Span,
    pub surface: String,
    pub kind: EntityKind,
    /// Index into [`Annotations::entities`].
    pub entity: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum QuoteKind {
    /// A whole sentence or more of direct speech.
    Full,
    /// A quoted fragment embedded in the reporter's sentence.
    Partial,
    /// A scare quote or quoted term; exported only when asked for.
    Term,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Term => "term",
        }
    }
}

/// What kind of speaker a quotation is attributed to (the `speaker_type` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SpeakerType {
    Person,
    Organisation,
    /// No speaker, or one whose kind cannot be told.
    #[default]
    Unknown,
}

impl SpeakerType {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organisation => "organisation",
            SpeakerType::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// Normalised speaker name (matches entities.csv), `None` when unknown.
    pub speaker: Option<String>,
    /// The words that named the speaker where the quote is attributed ("he", "Psaki").
    pub speaker_mention: Option<String>,
    /// The verb or phrase of attribution ("said", "according to").
    pub cue: Option<String>,
    /// The quotation; parts interrupted by the attribution are joined with " … ".
    pub text: String,
    pub kind: QuoteKind,
    /// Where the quotation's first part starts.
    pub span: Span,
    /// Whether the speaker is a person or an organisation.
    pub speaker_type: SpeakerType,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Granularity {
    Day,
    Week,
    Month,
    /// A calendar quarter (`1989-Q3`).
    Quarter,
    /// A season (`2012-FA`); docs/dates-and-facts.md gives the months of each.
    Season,
    Year,
    /// A decade (`199`: the 1990s).
    Decade,
    /// The time of writing ("now", value `PRESENT_REF`).
    Present,
    /// Some time before the writing ("recently", value `PAST_REF`).
    Past,
    /// Some time after the writing ("the future", value `FUTURE_REF`).
    Future,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Season => "season",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Present => "present",
            Granularity::Past => "past",
            Granularity::Future => "future",
        }
    }
}

/// A date expression resolved against the publication date.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DateMention {
    pub text: String,
    /// TIMEX3-style value at the given granularity: `2013-12-22`, `2013-W51`, `2013-12`,
    /// `2013-Q3`, `2012-FA`, `2013`, `199`, `PRESENT_REF`; empty when unresolved (see `reason`).
    pub value: String,
    pub granularity: Granularity,
    pub span: Span,
    /// First and last day (`YYYY-MM-DD`) of the period the value names; empty when unresolved.
    pub start: String,
    pub end: String,
    /// What a relative expression was resolved against: `published` (the publication date),
    /// `previous` (an earlier expression in the text), empty for absolute dates.
    pub anchor: String,
    /// Why the expression has no value (`no_publication_date`, `no_anchor`); empty when resolved.
    pub reason: String,
}

/// A counted fact: casualties ("killed at least 38") or a quantity ("75 Hellfire missiles").
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Fact {
    /// killed, wounded, arrested, detained, displaced, missing, quantity, ...
    pub kind: String,
    /// Best single value (the stated number, or the lower bound of a vague one).
    pub count: Option<u64>,
    pub count_min: Option<u64>,
    pub count_max: Option<u64>,
    /// "at least", "over", "some", ...
    pub qualifier: Option<String>,
    /// Who or what is counted ("journalists", "Hellfire missiles").
    pub subject: Option<String>,
    pub place: Option<String>,
    /// Where the place was found: `sentence`, `paragraph`, `demonym`, `dateline`, `title`.
    pub place_source: Option<String>,
    /// ISO date (any granularity) the fact is about.
    pub date: Option<String>,
    /// First and last day (`YYYY-MM-DD`) of `date`'s period.
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    pub sentence: String,
    pub span: Span,
}

/// Where a location entity is on the map (`link.places`). Fields the evidence does not
/// settle stay empty: a place known only by its country has no id and no coordinates.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Geocode {
    /// Index into [`Annotations::entities`].
    pub entity: usize,
    /// GeoNames id (geonames.org), when one gazetteer entry was chosen.
    pub geonames_id: Option<u32>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// First-level division (state, province, governorate) name.
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// What the place is: `country`, `admin1`, `admin2`, `city`.
    #[serde(deserialize_with = "crate::intern::deserialize")]
    pub feature: FixedStr,
    /// How it was decided: `country`, `context`, `prominence`, `unique`, `capital`,
    /// `sentence_country`.
    #[serde(deserialize_with = "crate::intern::deserialize")]
    pub method: FixedStr,
}

/// Text a cleaning stage removed, kept so users can audit it (`removed.csv`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Removal {
    #[serde(deserialize_with = "crate::intern::deserialize")]
    pub stage: FixedStr,
    /// Why: `footer`, `learned`, `pattern`, `share_line`, ...
    pub reason: String,
    pub text: String,
}

/// Everything stages attach to an article besides metadata.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Annotations {
    pub entities: Vec<Entity>,
    pub mentions: Vec<EntityMention>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub facts: Vec<Fact>,
    /// Geocoded location entities, in entity order (only those that were located).
    pub geocodes: Vec<Geocode>,
    /// Id of the first copy (in path order) when this article duplicates an earlier one.
    pub duplicate_of: Option<String>,
    /// What cleaning stages removed, in order.
    pub removed: Vec<Removal>,
    /// The article's tokens and sentences, made once by `newsmill_text::article_tokens` for
    /// every stage that reads words.
    #[serde(skip)]
    pub tokens: crate::tokens::TokenCache,
}
