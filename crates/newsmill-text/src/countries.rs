//! The one country and demonym table of newsmill (`data/countries.txt`: names and aliases,
//! demonyms, capitals, compiled by hand). The entities stage's gazetteer reads [`TABLE`]; the
//! facts stage names the country of a demonym ("Iraqis" -> Iraq) with [`country_of_demonym`].
//! It lives here because every stage crate that reads words depends on this crate, and stage
//! crates never depend on each other.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The table's text. Format, one country a line: `name[/alias...] | demonym[/...] |
/// capital[/...]`; `~` marks a weak entry (also a common word or another place's name);
/// `#` starts a comment line.
pub const TABLE: &str = include_str!("../data/countries.txt");

/// One row of the table, weak marks removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// The first name is the one reported ("United Kingdom").
    pub names: Vec<&'static str>,
    pub demonyms: Vec<&'static str>,
    pub capitals: Vec<&'static str>,
}

impl Country {
    pub fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or_default()
    }
}

/// Every row of [`TABLE`], in order.
pub fn countries() -> &'static [Country] {
    static ROWS: OnceLock<Vec<Country>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let list = |field: Option<&'static str>| -> Vec<&'static str> {
            field
                .unwrap_or("")
                .split('/')
                .map(|n| n.trim().trim_start_matches('~').trim())
                .filter(|n| !n.is_empty())
                .collect()
        };
        TABLE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|line| {
                let mut fields = line.split('|');
                Country {
                    names: list(fields.next()),
                    demonyms: list(fields.next()),
                    capitals: list(fields.next()),
                }
            })
            .collect()
    })
}

/// The country a people or adjective names ("Iraqis", "iraqi" -> "Iraq"), case-insensitive.
pub fn country_of_demonym(word: &str) -> Option<&'static str> {
    static BY_DEMONYM: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let map = BY_DEMONYM.get_or_init(|| {
        let mut map = HashMap::new();
        for country in countries() {
            for demonym in &country.demonyms {
                // The first row that claims a demonym keeps it.
                map.entry(demonym.to_lowercase()).or_insert(country.name());
            }
        }
        map
    });
    let lower = word.to_lowercase();
    map.get(&lower)
        .or_else(|| map.get(lower.strip_suffix('s')?))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_name_their_country() {
        assert_eq!(country_of_demonym("Iraqis"), Some("Iraq"));
        assert_eq!(country_of_demonym("iraqi"), Some("Iraq"));
        assert_eq!(country_of_demonym("Britons"), Some("United Kingdom"));
        assert_eq!(country_of_demonym("American"), Some("United States"));
        assert_eq!(country_of_demonym("Georgians"), Some("Georgia"));
        assert_eq!(country_of_demonym("people"), None);
    }

    #[test]
    fn every_row_has_a_name_and_weak_marks_are_gone() {
        assert!(countries().len() > 150);
        for country in countries() {
            assert!(!country.name().is_empty(), "{country:?}");
            for n in country.names.iter().chain(&country.demonyms) {
                assert!(!n.starts_with('~'), "{country:?}");
            }
        }
    }
}
