//! Which gazetteer entry each location entity of an article is.
//!
//! The article is the evidence: the countries it names (as places or demonyms, "Iraqi"), the
//! divisions it names ("Ramadi, Anbar's largest city"), the word after a name ("Anbar
//! province", "Washington state"); then prominence (population, being a capital). A place is
//! left without an id when the evidence does not single out one entry; it still gets a
//! country when every candidate, or its sentence, agrees on one.

use std::collections::{BTreeMap, HashSet};

use newsmill_core::{Article, EntityKind, Geocode};

use crate::gazetteer::{Entry, Feature, Gazetteer, ALTERNATE};

/// Words after a name that say it is a division, or a city.
const DIVISION_WORDS: &[&str] = &[
    "province",
    "governorate",
    "state",
    "region",
    "county",
    "district",
    "prefecture",
    "oblast",
    "territory",
];

/// Words of a name that make it a region, not a place a gazetteer can pin ("Middle East",
/// "Western Europe"): such a name gets no country from its sentence.
const REGION_WORDS: &[&str] = &[
    "east",
    "west",
    "north",
    "south",
    "middle",
    "europe",
    "asia",
    "africa",
    "america",
    "americas",
    "gulf",
    "sea",
    "ocean",
    "pacific",
    "atlantic",
    "arctic",
    "mediterranean",
    "caribbean",
    "balkans",
    "world",
    "region",
    "ii",
];

/// Direction words before a place that name a part of it ("Northern Syria").
const PARTS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// What the text says right after a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    None,
    Division,
    City,
}

/// Country evidence of the article: how often each country is named or its people are.
#[derive(Debug, Default)]
struct Context {
    countries: BTreeMap<[u8; 2], usize>,
    admin1: HashSet<(u32, [u8; 2])>,
}

impl Context {
    fn count(&self, cc: [u8; 2]) -> usize {
        self.countries.get(&cc).copied().unwrap_or(0)
    }
}

/// The geocodes of an article's location entities, in entity order.
pub fn geocode(article: &Article, gaz: &Gazetteer) -> Vec<Geocode> {
    let annotations = &article.annotations;
    let locations: Vec<usize> = annotations
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Location)
        .map(|(i, _)| i)
        .collect();
    let mut context = Context::default();
    // Countries named as places.
    let mut candidates: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for &i in &locations {
        let e = &annotations.entities[i];
        let found = lookup_entity(gaz, &e.name, &e.aliases);
        if let Some(&c) = found
            .iter()
            .find(|&&c| gaz.entry(c).feature == Feature::Country)
        {
            *context.countries.entry(gaz.entry(c).country).or_default() += e.mentions;
        }
        candidates.insert(i, found);
    }
    // Demonyms anywhere in the text ("Iraqi forces", "Syrians").
    for block in &article.blocks {
        for word in block.text.split(|c: char| !c.is_alphabetic()) {
            if word.chars().next().is_some_and(char::is_uppercase) && word.len() > 3 {
                if let Some(cc) = gaz.demonym(word) {
                    *context.countries.entry(cc).or_default() += 1;
                }
            }
        }
    }
    // The publisher's country (the country-code domain of the article's address): weak,
    // one mention's worth, so anything the text names outweighs it.
    if let Some(cc) = publisher_country(article, gaz) {
        *context.countries.entry(cc).or_default() += 1;
    }
    // Divisions named unambiguously help the cities in them.
    for found in candidates.values() {
        let admins: Vec<&Entry> = found
            .iter()
            .map(|&c| gaz.entry(c))
            .filter(|e| e.feature == Feature::Admin1)
            .collect();
        if let [only] = admins.as_slice() {
            context.admin1.insert((only.admin1, only.country));
        }
    }

    // The dateline ("KIRKUK (Reuters) -") says where the article was filed: once its place
    // is located, that country counts as named twice in the text.
    if let Some(i) = dateline_entity(article) {
        if let Some(found) = candidates.get(&i).filter(|f| !f.is_empty()) {
            if let Some((at, _)) = choose(gaz, found, hint_after(article, i), &context, &[]) {
                *context.countries.entry(gaz.entry(at).country).or_default() += 2;
            }
        }
    }
    // Places the gazetteer knows first; then the others, which may take the country of a
    // located place in their sentence.
    let mut located: BTreeMap<usize, Geocode> = BTreeMap::new();
    let mut unknown = Vec::new();
    let mut undecided = Vec::new();
    for &i in &locations {
        let e = &annotations.entities[i];
        let found = &candidates[&i];
        let is_country = found
            .iter()
            .any(|&c| gaz.entry(c).feature == Feature::Country);
        if is_region_name(&e.name) && !is_country {
            continue;
        }
        if found.is_empty() {
            unknown.push(i);
            continue;
        }
        let hint = hint_after(article, i);
        match choose(gaz, found, hint, &context, &[]) {
            Some((at, method)) => {
                located.insert(i, full(gaz, i, gaz.entry(at), method));
            }
            None => undecided.push((i, hint)),
        }
    }
    // A second look at the undecided ones, with the countries of the places located in
    // their sentences ("Oxford and Portsmouth" listed after Birmingham and London).
    for (i, hint) in undecided {
        let near = sentence_countries(article, i, &located);
        let found = &candidates[&i];
        let geocode = choose(gaz, found, hint, &context, &near)
            .map(|(at, method)| full(gaz, i, gaz.entry(at), method))
            .or_else(|| agreed_country(gaz, found, i));
        if let Some(g) = geocode {
            located.insert(i, g);
        }
    }
    for i in unknown {
        let name = &annotations.entities[i].name;
        let geocode =
            part_of(gaz, name, i).or_else(|| sentence_country(article, gaz, i, name, &located));
        if let Some(g) = geocode {
            located.insert(i, g);
        }
    }
    located.into_values().collect()
}

/// Country-code domains used as generic ones (".tv", ".io", ".fm"): no country.
const GENERIC_CC_DOMAINS: &[&str] = &[
    "ai", "am", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "nu", "tk", "to", "tv", "ws",
];

/// The country of the article's address or publisher domain ("bbc.co.uk" -> GB).
fn publisher_country(article: &Article, gaz: &Gazetteer) -> Option<[u8; 2]> {
    let meta = &article.meta;
    let host = meta
        .url
        .as_deref()
        .map(|u| u.split("://").nth(1).unwrap_or(u))
        .or(meta
            .publisher
            .as_deref()
            .filter(|p| p.contains('.') && !p.contains(' ')))?;
    let host = host.split(['/', ':', '?', '#']).next()?;
    let tld = host.rsplit('.').next()?.to_ascii_lowercase();
    if tld.len() != 2 || GENERIC_CC_DOMAINS.contains(&tld.as_str()) {
        return None;
    }
    let cc = crate::gazetteer::code(if tld == "uk" { "gb" } else { &tld });
    gaz.country(cc).map(|_| cc)
}

/// The location entity a dateline opens the first paragraph with: "KABUL (Reuters) -",
/// "Kirkuk, Iraq -", "BAGHDAD -".
fn dateline_entity(article: &Article) -> Option<usize> {
    let b = article.blocks.iter().position(|b| !b.is_heading())?;
    let text = &article.blocks[b].text;
    let a = &article.annotations;
    a.mentions
        .iter()
        .filter(|m| m.span.block == b && m.span.start == 0 && m.kind == EntityKind::Location)
        .find(|m| {
            let head: String = text
                .get(m.span.end..)
                .unwrap_or_default()
                .chars()
                .take(30)
                .collect();
            head.trim_start_matches([',', ' '])
                .split_once(['-', '—', '–'])
                .is_some_and(|(before, _)| {
                    before.len() < 25
                        && !before.contains(['.', ';'])
                        && before.split_whitespace().count() <= 3
                })
        })
        .map(|m| m.entity)
}

/// Whether a name is written as an acronym ("US", "UAE"): it then names a country, never a
/// town that happens to be spelt the same ("Us" in France).
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=4).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

fn lookup_entity(gaz: &Gazetteer, name: &str, aliases: &[String]) -> Vec<u32> {
    let mut found = lookup_names(gaz, name, aliases);
    if is_acronym(name) {
        found.retain(|&c| gaz.entry(c).feature == Feature::Country);
    }
    found
}

fn lookup_names(gaz: &Gazetteer, name: &str, aliases: &[String]) -> Vec<u32> {
    let found = gaz.lookup_tagged(name);
    if !found.is_empty() {
        return found;
    }
    // "Anbar Province": the name without a trailing division word.
    if let Some((head, last)) = name.rsplit_once(' ') {
        if DIVISION_WORDS.contains(&last.to_lowercase().as_str())
            || last.eq_ignore_ascii_case("city")
        {
            let found = gaz.lookup_tagged(head);
            if !found.is_empty() {
                return found;
            }
        }
    }
    aliases
        .iter()
        .map(|a| gaz.lookup_tagged(a))
        .find(|f| !f.is_empty())
        .unwrap_or_default()
}

fn full(gaz: &Gazetteer, entity: usize, entry: &Entry, method: &'static str) -> Geocode {
    Geocode {
        entity,
        geonames_id: Some(entry.id),
        country: Some(entry.country_code().to_string()),
        admin1: gaz.admin1_name(entry).map(str::to_string),
        lat: Some(round(entry.lat)),
        lon: Some(round(entry.lon)),
        feature: entry.feature.as_str(),
        method,
    }
}

/// Coordinates to four decimals (about 10 m): the f32 store has no more.
fn round(v: f32) -> f64 {
    (f64::from(v) * 10_000.0).round() / 10_000.0
}

fn country_only(entity: usize, cc: [u8; 2], method: &'static str) -> Geocode {
    Geocode {
        entity,
        geonames_id: None,
        country: Some(String::from_utf8_lossy(&cc).into_owned()),
        admin1: None,
        lat: None,
        lon: None,
        feature: "",
        method,
    }
}

/// The word after the entity's mentions: a division word or "city".
fn hint_after(article: &Article, entity: usize) -> Hint {
    let mut hint = Hint::None;
    for m in article
        .annotations
        .mentions
        .iter()
        .filter(|m| m.entity == entity)
    {
        let Some(after) = article
            .blocks
            .get(m.span.block)
            .and_then(|b| b.text.get(m.span.end..))
        else {
            continue;
        };
        let word: String = after
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if DIVISION_WORDS.contains(&word.as_str()) {
            return Hint::Division;
        }
        if word == "city" {
            hint = Hint::City;
        }
    }
    hint
}

/// Picks one candidate and says how, or none when the evidence does not decide.
fn choose(
    gaz: &Gazetteer,
    found: &[u32],
    hint: Hint,
    context: &Context,
    near: &[[u8; 2]],
) -> Option<(u32, &'static str)> {
    // A country name is the country unless the text says it is a division ("Georgia
    // state") and a division of that name exists.
    let country = found
        .iter()
        .copied()
        .find(|&c| gaz.entry(c).feature == Feature::Country);
    if let Some(c) = country {
        let division = found.iter().copied().find(|&d| {
            let e = gaz.entry(d);
            e.feature == Feature::Admin1 && context.count(e.country) > 0
        });
        return match (hint, division) {
            (Hint::Division, Some(d)) => Some((d, "context")),
            _ => Some((c, "country")),
        };
    }
    let divisions: Vec<(u32, [u8; 2])> = found
        .iter()
        .map(|&c| gaz.entry(c))
        .filter(|e| e.feature == Feature::Admin1)
        .map(|e| (e.admin1, e.country))
        .collect();
    let mut scored: Vec<(f64, bool, u32)> = found
        .iter()
        .map(|&c| {
            let e = gaz.entry(c);
            // The entity's own mentions do not count as context for itself only when it
            // is a country; other places never add to the country counts.
            let in_context = context.count(e.country);
            // Prominence: one point per tenfold population.
            let mut score = (e.population as f64 + 1.0).log10();
            if in_context > 0 {
                score += 1.0 + (in_context as f64).ln().min(1.0) / 2.0;
            }
            if near.contains(&e.country) {
                score += 2.0;
            }
            if e.feature == Feature::City && context.admin1.contains(&(e.admin1, e.country)) {
                score += 1.0;
            }
            // A city named like the division it is in ("New York", "Kirkuk"): the bare
            // name is the city, even when GeoNames spells it "New York City".
            if hint == Hint::None
                && e.feature == Feature::City
                && e.admin1 != u32::MAX
                && divisions.contains(&(e.admin1, e.country))
            {
                score += 1.0;
            }
            if e.capital {
                score += 1.0;
            }
            // Found by its own name, not only by an alternate one.
            if c & ALTERNATE == 0 {
                score += 1.0;
            }
            score += match (hint, e.feature) {
                (Hint::Division, Feature::Admin1 | Feature::Admin2) => 3.0,
                (Hint::City, Feature::City) => 3.0,
                // A bare name that is both a city and a division is the city ("Kirkuk",
                // "Baghdad"); the division is written "Kirkuk province".
                (Hint::None, Feature::Admin1) => -0.5,
                (_, Feature::Admin2) => -1.0,
                _ => 0.0,
            };
            (score, in_context > 0, c)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
    let (best, best_in_context, at) = scored[0];
    let margin = scored.get(1).map_or(f64::INFINITY, |s| best - s.0);
    let entry = gaz.entry(at);
    let _ = best_in_context;
    if scored.len() == 1 {
        // The only place of that name in the world gazetteer.
        return Some((at, if best_in_context { "context" } else { "unique" }));
    }
    let best_near = near.contains(&entry.country);
    if (best_in_context || best_near) && margin >= 0.5 {
        return Some((at, if entry.capital { "capital" } else { "context" }));
    }
    // No context: a clearly dominant, large place (ten times the next, 100,000 people).
    if margin >= 0.5 && entry.population >= 100_000 {
        return Some((
            at,
            if entry.capital {
                "capital"
            } else {
                "prominence"
            },
        ));
    }
    None
}

/// A name made only of region words ("Middle East", "Far East", "the West") names a
/// region; a gazetteer entry of that name (a town "Middle East" in Maryland) is not it.
fn is_region_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "the")
        .collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| REGION_WORDS.contains(w) || PARTS.contains(w) || *w == "far")
}

/// "Northern Syria": a part of a named place gets that place's country, no id.
fn part_of(gaz: &Gazetteer, name: &str, entity: usize) -> Option<Geocode> {
    let (first, rest) = name.split_once(' ')?;
    if !PARTS.contains(&first.to_lowercase().as_str()) {
        return None;
    }
    let found = gaz.lookup(rest);
    let &c = found
        .iter()
        .find(|&&c| gaz.entry(c).feature == Feature::Country)?;
    Some(country_only(entity, gaz.entry(c).country, "part_of"))
}

/// All candidates in one country: that country, no id ("Springfield" with only US ones
/// would be; the entry is not chosen).
fn agreed_country(gaz: &Gazetteer, found: &[u32], entity: usize) -> Option<Geocode> {
    let first = gaz.entry(*found.first()?).country;
    found
        .iter()
        .all(|&c| gaz.entry(c).country == first)
        .then(|| country_only(entity, first, "candidates_agree"))
}

/// A place the gazetteer lacks ("Babisqa") takes the one country its sentence names, as a
/// demonym or through a located place ("at Ibrox", next to "Glasgow"), leaving out a country named as the other side of a border ("the
/// border crossing with Turkey").
fn sentence_country(
    article: &Article,
    gaz: &Gazetteer,
    entity: usize,
    name: &str,
    located: &BTreeMap<usize, Geocode>,
) -> Option<Geocode> {
    let lower = name.to_lowercase();
    if lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| REGION_WORDS.contains(&w))
    {
        return None;
    }
    if !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let first = article.annotations.entities[entity].first;
    let text = &article.blocks.get(first.block)?.text;
    let (start, end) = sentence_bounds(text, first.start.min(text.len()));
    let sentence = text.get(start..end)?;
    let mut countries: Vec<[u8; 2]> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for (at, word) in word_positions(sentence) {
        let lead = &sentence[..at];
        let reference = is_border_reference(lead);
        if let Some(cc) = gaz.demonym(word) {
            if word.chars().next().is_some_and(char::is_uppercase) && !reference {
                countries.push(cc);
            }
        }
        words.push(word);
    }
    for m in article
        .annotations
        .mentions
        .iter()
        .filter(|m| m.span.block == first.block && m.kind == EntityKind::Location)
        .filter(|m| m.span.start >= start && m.span.end <= end)
    {
        let lead = &text[start..m.span.start];
        if is_border_reference(lead) {
            continue;
        }
        if let Some(cc) = located.get(&m.entity).and_then(|g| g.country.as_deref()) {
            countries.push(super::gazetteer::code(cc));
        }
    }
    countries.sort_unstable();
    countries.dedup();
    match countries.as_slice() {
        [only] => Some(country_only(entity, *only, "sentence_country")),
        _ => None,
    }
}

/// The countries of located places in the sentences where `entity` is mentioned.
fn sentence_countries(
    article: &Article,
    entity: usize,
    located: &BTreeMap<usize, Geocode>,
) -> Vec<[u8; 2]> {
    let mentions = &article.annotations.mentions;
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| m.entity == entity) {
        let Some(text) = article.blocks.get(m.span.block).map(|b| &b.text) else {
            continue;
        };
        let (start, end) = sentence_bounds(text, m.span.start.min(text.len()));
        for other in mentions.iter().filter(|o| {
            o.span.block == m.span.block
                && o.entity != entity
                && o.span.start >= start
                && o.span.end <= end
        }) {
            if let Some(g) = located.get(&other.entity) {
                if g.feature != "country" {
                    if let Some(cc) = g.country.as_deref() {
                        out.push(crate::gazetteer::code(cc));
                    }
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the text before a mention ends with "border with", "border crossing with",
/// "crossing into", "across the border into": the country there is the other side.
fn is_border_reference(lead: &str) -> bool {
    let words: Vec<String> = lead
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.to_lowercase())
        .collect();
    matches!(words.first().map(String::as_str), Some("with" | "into"))
        && words[1..]
            .iter()
            .any(|w| w.starts_with("border") || w.starts_with("crossing") || w == "frontier")
}

/// The alphabetic words of `text` with their byte offsets.
fn word_positions(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The sentence around byte `at`: from after the last sentence end before it to the next
/// one. A sentence ends with `.`, `!` or `?`, closing quotes or brackets, then a space.
fn sentence_bounds(text: &str, at: usize) -> (usize, usize) {
    // Byte offsets just past each sentence end (after its closing marks).
    let ends = || {
        text.char_indices()
            .filter(|&(_, c)| matches!(c, '.' | '!' | '?'))
            .filter_map(|(i, c)| {
                let rest = &text[i + c.len_utf8()..];
                let closing: usize = rest
                    .chars()
                    .take_while(|c| matches!(c, '"' | '”' | '’' | '\'' | ')'))
                    .map(char::len_utf8)
                    .sum();
                let after = &rest[closing..];
                (after.is_empty() || after.starts_with(' ')).then_some(i + c.len_utf8() + closing)
            })
    };
    let start = ends().take_while(|&e| e <= at).last().unwrap_or(0);
    let end = ends().find(|&e| e > at).unwrap_or(text.len());
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn border_references_are_the_other_side() {
        assert!(is_border_reference(
            "just south of the strategic Bab al-Hawa border crossing with "
        ));
        assert!(is_border_reference("fled across the border into "));
        assert!(!is_border_reference("talks with "));
        assert!(!is_border_reference("in "));
    }

    #[test]
    fn words_keep_byte_offsets_across_multibyte_marks() {
        let text = "the “moderate” forces";
        let words = word_positions(text);
        assert_eq!(words[2], (text.find("forces").unwrap(), "forces"));
    }

    #[test]
    fn sentences_are_cut_at_full_stops() {
        let text = "One in Iraq. Two in Babisqa, near Turkey. Three.";
        let at = text.find("Babisqa").unwrap();
        let (s, e) = sentence_bounds(text, at);
        assert_eq!(&text[s..e], " Two in Babisqa, near Turkey.");
        let text = "the so-called “rebels.” Earlier, in Babisqa.";
        let (s, _) = sentence_bounds(text, text.find("Babisqa").unwrap());
        assert_eq!(&text[s..], " Earlier, in Babisqa.");
    }
}
