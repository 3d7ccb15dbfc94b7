//! Source-stated fields (YAML front matter keys, JSON Lines fields) mapped onto [`Metadata`].
//! Both sources use the same names, so one table serves both.

use newsmill_core::Metadata;

use crate::entities::decode_references;

/// What a source key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    /// The article text (JSON Lines only; in front matter such a key is kept as extra).
    Body,
    Authors,
    Published,
    Modified,
    Url,
    Publisher,
    Language,
    Description,
}

impl Field {
    /// Every field, in the order mappings are applied.
    pub(crate) const ALL: [Field; 9] = [
        Field::Title,
        Field::Body,
        Field::Authors,
        Field::Published,
        Field::Modified,
        Field::Url,
        Field::Publisher,
        Field::Language,
        Field::Description,
    ];
}

/// The field a key names. Case, `_` and `-` are ignored, so `datePublished`,
/// `date_published` and `date-published` are one key.
pub(crate) fn field_for(key: &str) -> Option<Field> {
    let key: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    Some(match key.as_str() {
        "title" | "headline" => Field::Title,
        "text" | "body" | "content" | "article" | "maintext" => Field::Body,
        "author" | "authors" | "byline" | "creator" => Field::Authors,
        "date" | "published" | "publicationdate" | "datepublished" | "pubdate" | "publishedat" => {
            Field::Published
        }
        "modified" | "updated" | "datemodified" | "lastmodified" | "updatedat" => Field::Modified,
        "url" | "link" | "canonicalurl" | "permalink" => Field::Url,
        "source" | "publisher" | "site" | "sitename" => Field::Publisher,
        "language" | "lang" | "inlanguage" => Field::Language,
        "description" | "summary" => Field::Description,
        _ => return None,
    })
}

/// A source value reduced to what metadata can hold.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SourceValue {
    Scalar(String),
    List(Vec<String>),
}

/// Stores a value for `field`. The first value of a scalar field wins (a source that states
/// both `date` and `published` keeps the first); author lists accumulate.
pub(crate) fn apply(meta: &mut Metadata, field: Field, key: &str, value: SourceValue) {
    let scalar = match &value {
        SourceValue::Scalar(s) => Some(clean(s)),
        SourceValue::List(items) => items.iter().map(|s| clean(s)).find(|s| !s.is_empty()),
    };
    let set = |slot: &mut Option<String>| {
        if slot.is_none() {
            *slot = scalar.clone().filter(|s| !s.is_empty());
        }
    };
    match field {
        Field::Title => set(&mut meta.title),
        Field::Published => set(&mut meta.published),
        Field::Modified => set(&mut meta.modified),
        Field::Url => set(&mut meta.url),
        Field::Publisher => set(&mut meta.publisher),
        Field::Description => set(&mut meta.description),
        Field::Authors => {
            let names = match value {
                SourceValue::Scalar(s) => split_author_string(&s),
                SourceValue::List(items) => items.iter().map(|s| clean(s)).collect(),
            };
            for name in names {
                if !name.is_empty() && !meta.authors.contains(&name) {
                    meta.authors.push(name);
                }
            }
        }
        Field::Language => {
            let Some(lang) = scalar.filter(|s| !s.is_empty()) else {
                return;
            };
            match iso_639_1(&lang) {
                Some(code) if meta.language.is_none() => {
                    // The country (en-US) decides how numeric dates read.
                    if lang.contains(['-', '_']) {
                        meta.extra.entry("locale".into()).or_insert(lang.clone());
                    }
                    meta.language = Some(code);
                }
                Some(_) => {}
                None => {
                    meta.extra.entry(key.to_string()).or_insert(lang);
                }
            }
        }
        Field::Body => {
            if let Some(text) = scalar.filter(|s| !s.is_empty()) {
                meta.extra.entry(key.to_string()).or_insert(text);
            }
        }
    }
}

/// Keeps a source value with no column of its own.
pub(crate) fn keep_extra(meta: &mut Metadata, key: &str, value: String) {
    let value = clean(&value);
    if !value.is_empty() {
        meta.extra.entry(key.to_string()).or_insert(value);
    }
}

/// Decodes character references, trims and folds runs of whitespace into one space.
fn clean(s: &str) -> String {
    decode_references(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Jane Doe and John Roe", "Jane Doe; John Roe", "Jane Doe, John Roe" -> two names. A
/// comma splits only when every part has two or more words, so "Doe, Jane" stays whole.
fn split_author_string(s: &str) -> Vec<String> {
    let s = clean(s);
    // A byline copied whole: "By Jane Doe".
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .unwrap_or(&s);
    let mut parts: Vec<String> = Vec::new();
    for piece in s.split([';', '|']) {
        for piece in piece.split(" and ").flat_map(|p| p.split(" & ")) {
            let commas: Vec<&str> = piece
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if commas.len() > 1 && commas.iter().all(|p| p.split_whitespace().count() >= 2) {
                parts.extend(commas.iter().map(|p| p.to_string()));
            } else {
                parts.push(piece.trim().trim_matches(',').trim().to_string());
            }
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// `en`, `EN`, `en-GB`, `en_US` -> `en`; anything else is not a code.
fn iso_639_1(lang: &str) -> Option<String> {
    let primary = lang.split(['-', '_']).next()?.trim();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_spellings_fold_together() {
        assert_eq!(field_for("datePublished"), Some(Field::Published));
        assert_eq!(field_for("publication_date"), Some(Field::Published));
        assert_eq!(field_for("site_name"), Some(Field::Publisher));
        assert_eq!(field_for("maintext"), Some(Field::Body));
        assert_eq!(field_for("category"), None);
    }

    #[test]
    fn authors_split_and_accumulate() {
        let mut meta = Metadata::default();
        apply(
            &mut meta,
            Field::Authors,
            "author",
            SourceValue::Scalar("Jane Doe and John Roe".into()),
        );
        apply(
            &mut meta,
            Field::Authors,
            "authors",
            SourceValue::List(vec!["Ann Lee".into(), "Jane Doe".into()]),
        );
        apply(
            &mut meta,
            Field::Authors,
            "byline",
            SourceValue::Scalar("Doe, Jane".into()),
        );
        apply(
            &mut meta,
            Field::Authors,
            "byline",
            SourceValue::Scalar("By Owen Price".into()),
        );
        assert_eq!(
            meta.authors,
            ["Jane Doe", "John Roe", "Ann Lee", "Doe, Jane", "Owen Price"]
        );
    }

    #[test]
    fn first_scalar_wins_and_languages_become_codes() {
        let mut meta = Metadata::default();
        apply(
            &mut meta,
            Field::Published,
            "date",
            SourceValue::Scalar(" 2013-12-27 ".into()),
        );
        apply(
            &mut meta,
            Field::Published,
            "published",
            SourceValue::Scalar("2014-01-01".into()),
        );
        apply(
            &mut meta,
            Field::Language,
            "lang",
            SourceValue::Scalar("en-GB".into()),
        );
        apply(
            &mut meta,
            Field::Language,
            "language",
            SourceValue::Scalar("Klingon".into()),
        );
        assert_eq!(meta.published.as_deref(), Some("2013-12-27"));
        assert_eq!(meta.language.as_deref(), Some("en"));
        assert_eq!(
            meta.extra.get("language").map(String::as_str),
            Some("Klingon")
        );
    }
}
