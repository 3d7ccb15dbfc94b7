//! The JSON reader: one article per JSON object (a JSON Lines line, a `.json` file, an item
//! of a `.json` array).

use std::path::Path;

use std::collections::HashSet;
use std::sync::Arc;

use newsmill_core::{Article, Metadata, RawDocument, Reader, SourceFormat, StageError};
use serde_json::{Map, Value};

use crate::controls::{clean_controls, clean_metadata};
use crate::decode::decode_owned;
use crate::document::{extension, parse_body};
use crate::fields::{apply, field_for, keep_extra, Field, SourceValue};
use crate::profiles::{FieldOverrides, Profile};

/// Reads JSON records: the lines of `.jsonl` / `.ndjson` files (discovery hands it one line
/// at a time, id `path#<line>`), `.json` files holding one object, and the items of `.json`
/// arrays (id `path#<item>`). Which keys mean what depends on the tool that wrote the record
/// ([`Profile`], recognised by its keys) and on `[input.fields]` ([`FieldOverrides`]). The
/// article text (for generic records the first of `text`, `body`, `content`, `article`,
/// `maintext`) becomes [`Article::raw`], so block sources point into it; it is split like a
/// `.txt` file (Markdown when it looks like Markdown). Fields no mapping uses are kept in
/// `meta.source_fields` (and, when scalar, in `meta.extra`).
#[derive(Debug, Clone, Default)]
pub struct JsonLinesReader {
    overrides: Arc<FieldOverrides>,
}

impl JsonLinesReader {
    /// A reader whose mapping `overrides` adjusts.
    pub fn with_fields(overrides: FieldOverrides) -> Self {
        JsonLinesReader {
            overrides: Arc::new(overrides),
        }
    }
}

const JSON_EXTENSIONS: &[&str] = &["jsonl", "ndjson", "json"];

impl Reader for JsonLinesReader {
    fn name(&self) -> &'static str {
        "read.jsonl"
    }

    fn accepts(&self, path: &Path, _head: &[u8]) -> bool {
        extension(path).is_some_and(|e| JSON_EXTENSIONS.contains(&e.as_str()))
    }

    fn read(&self, doc: RawDocument) -> Result<Article, StageError> {
        let decoded = decode_owned(doc.bytes)?;
        let object = match serde_json::from_str::<Value>(decoded.text.trim()) {
            Ok(Value::Object(object)) => object,
            Ok(other) => {
                return Err(StageError::new(
                    "parse",
                    format!("record is not a JSON object (found {})", type_name(&other)),
                ))
            }
            Err(err) => return Err(StageError::new("parse", format!("invalid JSON: {err}"))),
        };
        let (mut meta, body) = map_record(&object, &self.overrides);
        // JSON escapes (`\u0000`, `\u001b`) put control characters into strings after
        // decoding; they are removed here as decoding removes them from files.
        clean_metadata(&mut meta);
        meta.encoding_errors = decoded.errors;
        let body = body.map(|b| clean_controls(&b).into_owned());
        let Some(text) = body else {
            return Err(StageError::new(
                "empty",
                "no article text: no body field (text, body, content, article, maintext, or the tool's own) holds a non-empty string",
            ));
        };
        let (_, blocks, _) = parse_body(&text, SourceFormat::Text)?;
        Ok(Article {
            id: doc.id,
            seq: doc.seq,
            path: doc.path,
            format: SourceFormat::JsonLines,
            encoding: decoded.encoding.to_string(),
            raw: text,
            blocks,
            meta,
            annotations: Default::default(),
        })
    }
}

/// The metadata and body of one record: overridden fields from their configured keys, the
/// rest from the detected tool's mapping (or the shared key table), in order of preference.
fn map_record(
    object: &Map<String, Value>,
    overrides: &FieldOverrides,
) -> (Metadata, Option<String>) {
    let profile = Profile::detect(object);
    let mut meta = Metadata::default();
    let mut body: Option<String> = None;
    let mut used: HashSet<&str> = HashSet::new();
    // Whether the key's value went into the article (a later key of a filled field did not:
    // it stays in `source_fields`).
    let take = |meta: &mut Metadata, body: &mut Option<String>, field: Field, key: &str| {
        let Some(value) = object.get(key).and_then(source_value) else {
            return false;
        };
        match field {
            Field::Body => {
                if body.is_some() {
                    return false;
                }
                *body = body_text(value);
                body.is_some()
            }
            field => {
                let before = meta.clone();
                apply(meta, field, key, value);
                *meta != before
            }
        }
    };
    for field in Field::ALL {
        let keys: Vec<&str> = match (overrides.keys(field), profile.keys(field)) {
            (Some(keys), _) => keys.iter().map(String::as_str).collect(),
            (None, Some(keys)) => keys.to_vec(),
            (None, None) => continue,
        };
        for key in keys {
            if let Some((key, _)) = object.get_key_value(key) {
                if take(&mut meta, &mut body, field, key) {
                    used.insert(key.as_str());
                }
            }
        }
    }
    if profile == Profile::Generic {
        for key in object.keys() {
            if used.contains(key.as_str()) {
                continue;
            }
            let Some(field) = field_for(key).filter(|f| !overrides.overrides(*f)) else {
                continue;
            };
            if take(&mut meta, &mut body, field, key) {
                used.insert(key.as_str());
            }
        }
    }
    for (key, value) in object {
        if used.contains(key.as_str()) || value.is_null() {
            continue;
        }
        if let Some(SourceValue::Scalar(s)) = scalar_text(value).map(SourceValue::Scalar) {
            keep_extra(&mut meta, key, s);
        }
        meta.source_fields.insert(key.clone(), value.clone());
    }
    if profile != Profile::Generic {
        meta.extra
            .insert("source_tool".into(), profile.name().into());
    }
    // trafilatura and news-please write one paragraph per line.
    let body = match body {
        Some(text) if profile.paragraph_per_line() && !text.contains("\n\n") => {
            Some(text.replace('\n', "\n\n"))
        }
        other => other,
    };
    (meta, body)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Strings, numbers and booleans are scalars; `{"name": ...}` objects (schema.org style
/// authors and publishers) are their name; arrays keep their scalar items.
fn source_value(value: &Value) -> Option<SourceValue> {
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().filter_map(scalar_text).collect();
            (!items.is_empty()).then_some(SourceValue::List(items))
        }
        other => scalar_text(other).map(SourceValue::Scalar),
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(map) => map.get("name").and_then(scalar_text),
        _ => None,
    }
}

/// The article text; an array of paragraphs is joined with blank lines.
fn body_text(value: SourceValue) -> Option<String> {
    let text = match value {
        SourceValue::Scalar(s) => s,
        SourceValue::List(items) => items.join("\n\n"),
    };
    (!text.trim().is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(json: &str) -> RawDocument {
        RawDocument {
            id: "a.jsonl#2".into(),
            seq: 1,
            path: "a.jsonl".into(),
            bytes: json.as_bytes().to_vec(),
            hints: Default::default(),
        }
    }

    #[test]
    fn reads_fields_and_body() {
        let a = JsonLinesReader::default()
            .read(line(
                r#"{"title":"Rates held","maintext":"Para one.\n\nPara two.","authors":["Ann Lee",{"name":"Bo Chen"}],"datePublished":"2020-05-01","link":"https://ex.org/r","site_name":"Ex Daily","lang":"en","section":"Business","score":3,"tags":["a"]}"#,
            ))
            .unwrap();
        assert_eq!(
            (a.id.as_str(), a.format),
            ("a.jsonl#2", SourceFormat::JsonLines)
        );
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(&a.raw[a.blocks[1].source.clone().unwrap()], "Para two.");
        let m = &a.meta;
        assert_eq!(m.title.as_deref(), Some("Rates held"));
        assert_eq!(m.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(m.published.as_deref(), Some("2020-05-01"));
        assert_eq!(m.url.as_deref(), Some("https://ex.org/r"));
        assert_eq!(m.publisher.as_deref(), Some("Ex Daily"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.extra.get("section").map(String::as_str), Some("Business"));
        assert_eq!(m.extra.get("score").map(String::as_str), Some("3"));
        assert!(!m.extra.contains_key("tags"));
    }

    #[test]
    fn trafilatura_source_is_the_url_and_unused_fields_are_kept() {
        let a = JsonLinesReader::default()
            .read(line(
                r#"{"title":"T","author":"Ann Lee; Bo Chen","hostname":"ex.org","date":"2023-08-10","fingerprint":"ab","raw_text":"x","text":"One.\nTwo.","source":"https://ex.org/a","source-hostname":"Ex Daily","tags":"a;b","id":null}"#,
            ))
            .unwrap();
        let m = &a.meta;
        assert_eq!(m.url.as_deref(), Some("https://ex.org/a"));
        assert_eq!(m.publisher.as_deref(), Some("Ex Daily"));
        assert_eq!(m.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(a.blocks.len(), 2, "one paragraph per line");
        let kept: Vec<&str> = m.source_fields.keys().map(String::as_str).collect();
        assert_eq!(kept, ["fingerprint", "hostname", "raw_text", "tags"]);
        assert_eq!(
            m.extra.get("source_tool").map(String::as_str),
            Some("trafilatura")
        );
    }

    #[test]
    fn news_please_dates_and_overrides() {
        let record = r#"{"title":"T","maintext":"Body.","date_publish":"2020-01-06 10:00:00","source_domain":"ex.org","outlet":"Ex Daily"}"#;
        let a = JsonLinesReader::default().read(line(record)).unwrap();
        assert_eq!(a.meta.published.as_deref(), Some("2020-01-06 10:00:00"));
        assert_eq!(a.meta.publisher.as_deref(), Some("ex.org"));
        let mut table = std::collections::BTreeMap::new();
        table.insert("publisher".to_string(), vec!["outlet".to_string()]);
        let reader = JsonLinesReader::with_fields(FieldOverrides::new(&table).unwrap());
        let a = reader.read(line(record)).unwrap();
        assert_eq!(a.meta.publisher.as_deref(), Some("Ex Daily"));
        assert!(a.meta.source_fields.contains_key("source_domain"));
    }

    #[test]
    fn non_objects_and_bad_json_are_parse_errors() {
        let e = JsonLinesReader::default().read(line("[1,2]")).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            ("parse", "record is not a JSON object (found an array)")
        );
        assert_eq!(
            JsonLinesReader::default()
                .read(line("{\"title\": "))
                .unwrap_err()
                .code,
            "parse"
        );
        assert_eq!(
            JsonLinesReader::default()
                .read(line("{\"title\":\"x\"}"))
                .unwrap_err()
                .code,
            "empty"
        );
    }
}
