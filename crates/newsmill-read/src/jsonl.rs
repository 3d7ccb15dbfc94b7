//! The JSON Lines reader: one JSON object per line, one article per object.

use std::path::Path;

use newsmill_core::{Article, Metadata, RawDocument, Reader, SourceFormat, StageError};
use serde_json::Value;

use crate::decode::decode_owned;
use crate::document::{extension, parse_body};
use crate::fields::{apply, field_for, keep_extra, Field, SourceValue};

/// Reads `.jsonl` / `.ndjson` files. Discovery hands it one line at a time (the document id
/// is `path#<line>`). The article text comes from `text`, `body`, `content`, `article` or
/// `maintext` (first present wins) and becomes [`Article::raw`], so block sources point into
/// it; it is split like a `.txt` file (Markdown when it looks like Markdown).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonLinesReader;

const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

impl Reader for JsonLinesReader {
    fn name(&self) -> &'static str {
        "read.jsonl"
    }

    fn accepts(&self, path: &Path, _head: &[u8]) -> bool {
        extension(path).is_some_and(|e| JSONL_EXTENSIONS.contains(&e.as_str()))
    }

    fn read(&self, doc: RawDocument) -> Result<Article, StageError> {
        let decoded = decode_owned(doc.bytes)?;
        let object = match serde_json::from_str::<Value>(decoded.text.trim()) {
            Ok(Value::Object(object)) => object,
            Ok(other) => {
                return Err(StageError::new(
                    "parse",
                    format!("line is not a JSON object (found {})", type_name(&other)),
                ))
            }
            Err(err) => return Err(StageError::new("parse", format!("invalid JSON: {err}"))),
        };
        let mut meta = Metadata::default();
        let mut body: Option<String> = None;
        for (key, value) in &object {
            let Some(value) = source_value(value) else {
                continue;
            };
            match field_for(key) {
                Some(Field::Body) => {
                    if body.is_none() {
                        body = body_text(value);
                    }
                }
                Some(field) => apply(&mut meta, field, key, value),
                None => {
                    if let SourceValue::Scalar(s) = value {
                        keep_extra(&mut meta, key, s);
                    }
                }
            }
        }
        let Some(text) = body else {
            return Err(StageError::new(
                "empty",
                "no article text: none of text, body, content, article, maintext holds a non-empty string",
            ));
        };
        let (_, blocks, _) = parse_body(&text, SourceFormat::Text);
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
        }
    }

    #[test]
    fn reads_fields_and_body() {
        let a = JsonLinesReader
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
    fn non_objects_and_bad_json_are_parse_errors() {
        let e = JsonLinesReader.read(line("[1,2]")).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            ("parse", "line is not a JSON object (found an array)")
        );
        assert_eq!(
            JsonLinesReader.read(line("{\"title\": ")).unwrap_err().code,
            "parse"
        );
        assert_eq!(
            JsonLinesReader
                .read(line("{\"title\":\"x\"}"))
                .unwrap_err()
                .code,
            "empty"
        );
    }
}
