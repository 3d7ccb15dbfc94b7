//! Field mappings for JSON records written by other tools, recognised by their keys, and the
//! user's overrides from `[input.fields]`.
//!
//! A generic record (no tool recognised) uses the shared key table of [`crate::fields`]. A
//! record from trafilatura, news-please or newspaper4k uses that tool's own mapping instead,
//! because the shared table misreads them: trafilatura's `source` is the page URL, not the
//! publisher; news-please's date is `date_publish`.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::fields::Field;

/// Which tool wrote a JSON record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Trafilatura,
    NewsPlease,
    Newspaper4k,
    /// No tool recognised: the shared key table.
    Generic,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Trafilatura => "trafilatura",
            Profile::NewsPlease => "news-please",
            Profile::Newspaper4k => "newspaper4k",
            Profile::Generic => "generic",
        }
    }

    /// Whether the tool separates paragraphs of its text field by single newlines.
    pub(crate) fn paragraph_per_line(self) -> bool {
        matches!(self, Profile::Trafilatura | Profile::NewsPlease)
    }

    /// Recognises the tool from keys only it writes.
    pub fn detect(object: &Map<String, Value>) -> Profile {
        let has = |k: &str| object.contains_key(k);
        if has("source-hostname") || (has("fingerprint") && (has("raw_text") || has("raw-text"))) {
            Profile::Trafilatura
        } else if has("date_publish") || has("source_domain") || has("date_download") {
            Profile::NewsPlease
        } else if has("publish_date")
            && [
                "top_image",
                "canonical_link",
                "meta_site_name",
                "meta_lang",
                "movies",
            ]
            .iter()
            .any(|k| has(k))
        {
            Profile::Newspaper4k
        } else {
            Profile::Generic
        }
    }

    /// The source keys for `field`, in order of preference; `None` for the generic profile.
    pub(crate) fn keys(self, field: Field) -> Option<&'static [&'static str]> {
        use Field::*;
        let keys: &[&str] = match (self, field) {
            (Profile::Generic, _) => return None,
            (Profile::Trafilatura, Title) => &["title"],
            (Profile::Trafilatura, Body) => &["text", "raw_text", "raw-text"],
            (Profile::Trafilatura, Authors) => &["author"],
            (Profile::Trafilatura, Published) => &["date"],
            (Profile::Trafilatura, Modified) => &[],
            (Profile::Trafilatura, Url) => &["url", "source"],
            (Profile::Trafilatura, Publisher) => &["sitename", "source-hostname", "hostname"],
            (Profile::Trafilatura, Language) => &["language"],
            (Profile::Trafilatura, Description) => &["description", "excerpt"],
            (Profile::NewsPlease, Title) => &["title", "title_page", "title_rss"],
            (Profile::NewsPlease, Body) => &["maintext", "text"],
            (Profile::NewsPlease, Authors) => &["authors"],
            (Profile::NewsPlease, Published) => &["date_publish"],
            (Profile::NewsPlease, Modified) => &["date_modify"],
            (Profile::NewsPlease, Url) => &["url"],
            (Profile::NewsPlease, Publisher) => &["source_domain"],
            (Profile::NewsPlease, Language) => &["language"],
            (Profile::NewsPlease, Description) => &["description"],
            (Profile::Newspaper4k, Title) => &["title"],
            (Profile::Newspaper4k, Body) => &["text"],
            (Profile::Newspaper4k, Authors) => &["authors"],
            (Profile::Newspaper4k, Published) => &["publish_date"],
            (Profile::Newspaper4k, Modified) => &[],
            (Profile::Newspaper4k, Url) => &["url", "canonical_link"],
            (Profile::Newspaper4k, Publisher) => &["meta_site_name"],
            (Profile::Newspaper4k, Language) => &["language", "meta_lang"],
            (Profile::Newspaper4k, Description) => &["meta_description", "summary"],
        };
        Some(keys)
    }
}

/// `[input.fields]`: for a metadata field, the source keys to take it from (in order),
/// replacing the detected mapping for that field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldOverrides {
    fields: Vec<(Field, Vec<String>)>,
}

/// The names `[input.fields]` accepts.
pub const FIELD_NAMES: &[&str] = &[
    "title",
    "body",
    "authors",
    "published",
    "modified",
    "url",
    "publisher",
    "language",
    "description",
];

impl FieldOverrides {
    /// From `[input.fields]` (`publisher = ["site", "outlet"]`); an unknown field name is an
    /// error that names the valid ones.
    pub fn new(table: &BTreeMap<String, Vec<String>>) -> Result<Self, String> {
        let mut fields = Vec::new();
        for (name, keys) in table {
            let field = match name.as_str() {
                "title" => Field::Title,
                "body" => Field::Body,
                "authors" => Field::Authors,
                "published" => Field::Published,
                "modified" => Field::Modified,
                "url" => Field::Url,
                "publisher" => Field::Publisher,
                "language" => Field::Language,
                "description" => Field::Description,
                other => {
                    return Err(format!(
                        "unknown field `{other}` (fields: {})",
                        FIELD_NAMES.join(", ")
                    ))
                }
            };
            fields.push((field, keys.clone()));
        }
        Ok(FieldOverrides { fields })
    }

    pub(crate) fn keys(&self, field: Field) -> Option<&[String]> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, keys)| keys.as_slice())
    }

    pub(crate) fn overrides(&self, field: Field) -> bool {
        self.keys(field).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn tools_are_recognised_by_their_keys() {
        assert_eq!(
            Profile::detect(&object(
                r#"{"source":"https://x","source-hostname":"X","text":"t"}"#
            )),
            Profile::Trafilatura
        );
        assert_eq!(
            Profile::detect(&object(
                r#"{"date_publish":"2020-01-06 10:00:00","maintext":"t"}"#
            )),
            Profile::NewsPlease
        );
        assert_eq!(
            Profile::detect(&object(
                r#"{"publish_date":"2020","top_image":"","text":"t"}"#
            )),
            Profile::Newspaper4k
        );
        assert_eq!(
            Profile::detect(&object(r#"{"source":"X","text":"t"}"#)),
            Profile::Generic
        );
    }

    #[test]
    fn overrides_name_valid_fields() {
        let mut table = BTreeMap::new();
        table.insert("publisher".to_string(), vec!["outlet".to_string()]);
        let o = FieldOverrides::new(&table).unwrap();
        assert_eq!(o.keys(Field::Publisher), Some(&["outlet".to_string()][..]));
        table.insert("headline".to_string(), vec![]);
        assert!(FieldOverrides::new(&table)
            .unwrap_err()
            .contains("unknown field `headline`"));
    }
}
