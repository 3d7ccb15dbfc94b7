//! Which place a fact happened in: a Location mention of its sentence, else of its
//! paragraph, else the article's dateline or title.

use std::ops::Range;

use newsmill_core::{Article, EntityKind};

/// A Location mention in a block. A `weak` one is a reference point ("west of Kirkuk") or a
/// modifier ("the US military surge", "US-backed", "Iraq's foreign minister"), which loses
/// to any plain place and to a demonym in the subject.
#[derive(Debug, Clone)]
pub struct Place {
    pub range: Range<usize>,
    pub name: String,
    pub weak: bool,
}

impl Place {
    /// `text` is the block text the range points into.
    pub fn new(text: &str, range: Range<usize>, name: String) -> Self {
        let before = text.get(..range.start).unwrap_or_default();
        let after = text.get(range.end..).unwrap_or_default();
        let weak = is_landmark_lead_in(before) || is_modifier(after);
        Place { range, name, weak }
    }
}

const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Nouns that make a place name bigger, not a modifier ("Anbar province").
const GEOGRAPHIC: &[&str] = &[
    "province",
    "city",
    "region",
    "district",
    "county",
    "state",
    "town",
    "village",
    "area",
    "border",
    "capital",
    "valley",
    "island",
    "islands",
    "coast",
    "river",
    "desert",
    "governorate",
    "prefecture",
    "municipality",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "port",
    "peninsula",
    "camp",
    "refugee",
];

/// Lowercase words after a place that do not make it a modifier.
const NOT_NOUNS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "to",
    "and",
    "or",
    "for",
    "with",
    "by",
    "from",
    "as",
    "that",
    "which",
    "who",
    "where",
    "when",
    "while",
    "after",
    "before",
    "last",
    "next",
    "this",
    "earlier",
    "later",
    "is",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "said",
    "says",
    "will",
    "would",
    "could",
    "can",
    "may",
    "but",
    "since",
    "until",
    "during",
    "near",
    "over",
    "under",
    "into",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "early",
    "late",
    "yesterday",
    "today",
    "tomorrow",
    "itself",
    "alone",
    "too",
    "also",
    "so",
    "than",
    "because",
    "if",
    "then",
    "now",
    "again",
    "still",
    "through",
    "across",
    "between",
    "against",
    "about",
];

/// Whether the text before a place ends in "west of", "north-east of", ...
fn is_landmark_lead_in(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let (Some(of), Some(direction)) = (words.next(), words.next()) else {
        return false;
    };
    let direction = direction
        .trim_matches(|c: char| !c.is_alphabetic() && c != '-')
        .to_lowercase();
    of == "of" && DIRECTIONS.contains(&direction.as_str())
}

/// Whether a place is used as a modifier: followed by "-backed", "'s", or a lowercase noun.
fn is_modifier(after: &str) -> bool {
    if after.starts_with('-') || after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    let Some(first) = word.chars().next() else {
        return false;
    };
    let lower = word.to_lowercase();
    first.is_lowercase()
        && !GEOGRAPHIC.contains(&lower.as_str())
        && !NOT_NOUNS.contains(&lower.as_str())
        && !lower.ends_with("ed")
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The place of a fact whose count is at `count`: the nearest plain place in the sentence
/// (same clause first), else in the paragraph, else the country of a demonym in the
/// subject, else the nearest weak place in the sentence, then the paragraph.
pub fn choose(
    places: &[Place],
    sentence: &Range<usize>,
    count: &Range<usize>,
    clause_of: &dyn Fn(usize) -> usize,
    demonym: Option<&str>,
) -> Option<(String, &'static str)> {
    let count_clause = clause_of(count.start);
    let best = |in_sentence: bool, weak: bool| {
        places
            .iter()
            .filter(|p| p.weak == weak)
            .filter(|p| {
                !in_sentence || p.range.start >= sentence.start && p.range.end <= sentence.end
            })
            .min_by_key(|p| {
                let other_clause = in_sentence && clause_of(p.range.start) != count_clause;
                (other_clause, distance(&p.range, count), p.range.start)
            })
            .map(|p| p.name.clone())
    };
    let tag = |source: &'static str| move |name: String| (name, source);
    best(true, false)
        .map(tag("sentence"))
        .or_else(|| best(false, false).map(tag("paragraph")))
        .or_else(|| demonym.map(|d| (d.to_string(), "demonym")))
        .or_else(|| best(true, true).map(tag("sentence")))
        .or_else(|| best(false, true).map(tag("paragraph")))
}

/// The clauses of a sentence: the byte starts of its separators (commas, semicolons,
/// colons, dashes, brackets), in order, so a clause number is a binary search rather than
/// a pass over the sentence (a run-on sentence with 4,000 counts asked it 16 million times).
#[derive(Debug, Clone, Default)]
pub struct Clauses(Vec<usize>);

impl Clauses {
    /// `separators`: the byte starts of the separator tokens, in text order.
    pub fn new(separators: impl IntoIterator<Item = usize>) -> Self {
        Clauses(separators.into_iter().collect())
    }

    /// Clause number of byte `at`: how many separators start before it.
    pub fn of(&self, at: usize) -> usize {
        self.0.partition_point(|&s| s < at)
    }
}

/// The Location mentions of one block, ready for [`BlockPlaces::choose`] once per fact:
/// plain and weak places apart, each sorted by position, so the nearest one is found by
/// binary search rather than by a pass over every place of the block (a 5 MB paragraph has
/// tens of thousands of places and of facts).
#[derive(Debug, Clone)]
pub struct BlockPlaces {
    plain: Vec<Place>,
    weak: Vec<Place>,
    /// Every range non-empty and none overlapping, which the binary search relies on;
    /// otherwise [`choose`] scans, as it always did.
    disjoint: bool,
    all: Vec<Place>,
}

impl BlockPlaces {
    pub fn new(mut places: Vec<Place>) -> Self {
        places.sort_by_key(|p| p.range.start);
        let disjoint = places.iter().all(|p| p.range.start < p.range.end)
            && places
                .windows(2)
                .all(|w| w[0].range.end <= w[1].range.start);
        let (weak, plain) = places.iter().cloned().partition(|p| p.weak);
        BlockPlaces {
            plain,
            weak,
            disjoint,
            all: places,
        }
    }

    /// [`choose`] for this block's places: the same answer, in logarithmic time.
    pub fn choose(
        &self,
        sentence: &Range<usize>,
        count: &Range<usize>,
        clauses: &Clauses,
        demonym: Option<&str>,
    ) -> Option<(String, &'static str)> {
        if !self.disjoint {
            return choose(&self.all, sentence, count, &|at| clauses.of(at), demonym);
        }
        let count_clause = clauses.of(count.start);
        let in_sentence = |places: &[Place]| -> Option<String> {
            let from = places.partition_point(|p| p.range.start < sentence.start);
            let to = places
                .partition_point(|p| p.range.end <= sentence.end)
                .max(from);
            let within = &places[from..to];
            // Clause numbers grow with position: the count's clause is one run of places.
            let first = within.partition_point(|p| clauses.of(p.range.start) < count_clause);
            let last = within.partition_point(|p| clauses.of(p.range.start) <= count_clause);
            nearest(&within[first..last], count)
                .or_else(|| nearest(within, count))
                .map(|p| p.name.clone())
        };
        let name = |p: &Place| p.name.clone();
        let tag = |source: &'static str| move |name: String| (name, source);
        in_sentence(&self.plain)
            .map(tag("sentence"))
            .or_else(|| nearest(&self.plain, count).map(name).map(tag("paragraph")))
            .or_else(|| demonym.map(|d| (d.to_string(), "demonym")))
            .or_else(|| in_sentence(&self.weak).map(tag("sentence")))
            .or_else(|| nearest(&self.weak, count).map(name).map(tag("paragraph")))
    }
}

/// The place of sorted, disjoint, non-empty `places` nearest to `count` (the earlier one
/// on a tie), as `min_by_key((distance, start))` over all of them would pick.
fn nearest<'a>(places: &'a [Place], count: &Range<usize>) -> Option<&'a Place> {
    let k = places.partition_point(|p| p.range.start < count.start);
    // Before the count, distances shrink towards it; those touching it tie at 0, and the
    // earliest of them wins.
    let before = k.checked_sub(1).map(|last| {
        if distance(&places[last].range, count) == 0 {
            places[..k].partition_point(|p| p.range.end < count.start)
        } else {
            last
        }
    });
    let candidates = before.into_iter().chain((k < places.len()).then_some(k));
    candidates
        .map(|i| &places[i])
        .min_by_key(|p| (distance(&p.range, count), p.range.start))
}

/// The article's own place, for facts whose paragraph names none: the location a dateline
/// opens the first paragraph with ("KABUL (Reuters) -", "Kabul -"), else a location entity
/// the title names ("Flash floods kill 14 in Kunar").
pub fn article_place(article: &Article) -> Option<(String, &'static str)> {
    let a = &article.annotations;
    let name_of = |entity: usize| a.entities.get(entity).map(|e| e.name.clone());
    let first_block = article.blocks.iter().position(|b| !b.is_heading());
    if let Some(b) = first_block {
        let text = &article.blocks[b].text;
        let dateline = a
            .mentions
            .iter()
            .filter(|m| m.span.block == b && m.kind == EntityKind::Location)
            .filter(|m| m.span.start == 0)
            .find(|m| {
                let after = text.get(m.span.end..).unwrap_or_default();
                let head: String = after.chars().take(30).collect();
                // "CITY -", "CITY, Country -", "CITY (Agency) -"
                head.trim_start_matches([',', ' '])
                    .split_once(['-', '—', '–'])
                    .is_some_and(|(before, _)| {
                        before.len() < 25
                            && !before.contains(['.', ';'])
                            && before.split_whitespace().count() <= 3
                    })
            });
        if let Some(m) = dateline {
            return name_of(m.entity).map(|n| (n, "dateline"));
        }
    }
    let title = article.meta.title.clone().or_else(|| {
        article
            .blocks
            .iter()
            .find(|b| b.is_heading())
            .map(|b| b.text.clone())
    })?;
    a.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Location)
        .find(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| contains_word(&title, n))
        })
        .map(|e| (e.name.clone(), "title"))
}

/// Whether `text` contains `name` between word boundaries.
fn contains_word(text: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Block, Entity, EntityMention, Span};

    fn located(title: Option<&str>, first: &str, place: &str) -> Article {
        let mut article = Article::new("a", "a.md");
        article.meta.title = title.map(str::to_string);
        article.blocks = vec![Block::paragraph(first)];
        let at = first.find(place).unwrap_or(0);
        article.annotations.entities = vec![Entity {
            kind: EntityKind::Location,
            name: place.into(),
            aliases: vec![place.into()],
            mentions: 1,
            first: Span::new(0, at, at + place.len()),
        }];
        article.annotations.mentions = vec![EntityMention {
            span: Span::new(0, at, at + place.len()),
            surface: place.into(),
            kind: EntityKind::Location,
            entity: 0,
        }];
        article
    }

    #[test]
    fn datelines_then_titles_give_the_article_place() {
        let a = located(None, "Kabul (Reuters) - Floods killed five.", "Kabul");
        assert_eq!(article_place(&a), Some(("Kabul".into(), "dateline")));
        let a = located(
            Some("Flash floods kill 14 in Kunar"),
            "Rescuers in Kunar province found two.",
            "Kunar",
        );
        assert_eq!(article_place(&a), Some(("Kunar".into(), "title")));
        let a = located(
            Some("Floods"),
            "Kabul is calm - for now, officials said.",
            "Kabul",
        );
        assert_eq!(article_place(&a), Some(("Kabul".into(), "dateline")));
        let a = located(
            Some("Floods in Kunarville"),
            "Rescuers in Kunar said.",
            "Kunar",
        );
        assert_eq!(article_place(&a), None);
    }

    fn places(text: &str, names: &[&str]) -> Vec<Place> {
        names
            .iter()
            .filter_map(|n| {
                text.find(n)
                    .map(|at| Place::new(text, at..at + n.len(), n.to_string()))
            })
            .collect()
    }

    #[test]
    fn landmarks_and_modifiers_are_weak() {
        let text = "in Hawija, west of Kirkuk, the US military, Anbar province, Iraq's minister, Syria-based";
        let weak: Vec<bool> = places(text, &["Hawija", "Kirkuk", "US", "Anbar", "Iraq", "Syria"])
            .iter()
            .map(|p| p.weak)
            .collect();
        assert_eq!(weak, [false, true, true, false, true, true]);
    }

    /// The binary-search choice agrees with the scan on many generated layouts: places
    /// plain and weak, several sentences and clauses, counts before, inside and after them.
    #[test]
    fn block_places_choose_as_the_scan_does() {
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..2_000 {
            let mut places = Vec::new();
            let mut at = 0;
            for i in 0..next(12) {
                at += next(6) as usize;
                let len = 1 + next(4) as usize;
                places.push(Place {
                    range: at..at + len,
                    name: format!("p{i}"),
                    weak: next(3) == 0,
                });
                at += len;
            }
            let end = at + 10;
            let separators: Vec<usize> = (0..end).filter(|_| next(8) == 0).collect();
            let clauses = Clauses::new(separators.clone());
            let block = BlockPlaces::new(places.clone());
            for _ in 0..20 {
                let s = next(end as u64) as usize;
                let sentence = s..s + next((end - s) as u64 + 1) as usize;
                let c = next(end as u64) as usize;
                let count = c..c + 1 + next(3) as usize;
                let demonym = (next(2) == 0).then_some("Iraq");
                let scan = choose(&places, &sentence, &count, &|x| clauses.of(x), demonym);
                assert_eq!(
                    block.choose(&sentence, &count, &clauses, demonym),
                    scan,
                    "{places:?} {sentence:?} {count:?} {separators:?}"
                );
            }
        }
    }

    #[test]
    fn same_clause_plain_places_win_then_demonyms() {
        let text = "Europe suffered fewer disasters, but 191 people were killed in Madrid.";
        let found = places(text, &["Europe", "Madrid"]);
        let at = text.find("191").unwrap();
        let clause = |i: usize| text[..i].matches(',').count();
        let sentence = 0..text.len();
        assert_eq!(
            choose(&found, &sentence, &(at..at + 3), &clause, None),
            Some(("Madrid".to_string(), "sentence"))
        );
        let text = "since the US military surge, with over 8,000 Iraqis having lost their lives";
        let found = places(text, &["US"]);
        let at = text.find("8,000").unwrap();
        let chosen = choose(
            &found,
            &(0..text.len()),
            &(at..at + 5),
            &clause,
            Some("Iraq"),
        );
        assert_eq!(chosen, Some(("Iraq".to_string(), "demonym")));
        assert_eq!(
            choose(&found, &(0..text.len()), &(at..at + 5), &clause, None),
            Some(("US".to_string(), "sentence"))
        );
    }
}
