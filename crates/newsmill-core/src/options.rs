//! Stage option documentation taken from the options type itself.
//!
//! Each stage's options struct derives `schemars::JsonSchema` (and `Serialize`, so defaults
//! can be shown) next to `Deserialize`; its doc comments are the user documentation.
//! `newsmill stages`, docs and the factory check all read [`option_docs`], so the
//! documentation cannot drift from what the config loader accepts.

use schemars::JsonSchema;
use serde_json::Value;

/// One documented option of a stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDoc {
    pub key: String,
    /// `bool`, `integer`, `float`, `string`, `list of strings`, ...
    pub kind: String,
    /// The default, as TOML would write it (empty when the option has none).
    pub default: String,
    /// The doc comment of the field, on one line.
    pub doc: String,
}

impl OptionDoc {
    /// `key (kind, default X): doc`, the line `newsmill stages` prints.
    pub fn line(&self) -> String {
        if self.default.is_empty() {
            format!("{} ({}): {}", self.key, self.kind, self.doc)
        } else {
            format!(
                "{} ({}, default {}): {}",
                self.key, self.kind, self.default, self.doc
            )
        }
    }
}

/// Every field of the options type `T`, by name (serde_json's map is sorted, and keeping
/// insertion order workspace-wide would change articles.jsonl), with its type, default and
/// doc comment.
pub fn option_docs<T: JsonSchema>() -> Vec<OptionDoc> {
    let schema = schemars::schema_for!(T);
    let root = schema.as_value();
    let Some(properties) = root.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(key, property)| OptionDoc {
            key: key.clone(),
            kind: kind_of(property, root),
            default: property.get("default").map(toml_text).unwrap_or_default(),
            doc: property
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect()
}

/// A short type name for a property schema (following one `$ref`).
fn kind_of(property: &Value, root: &Value) -> String {
    if let Some(reference) = property.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        if let Some(target) = root.get("$defs").and_then(|d| d.get(name)) {
            return kind_of(target, root);
        }
    }
    if let Some(values) = property.get("enum").and_then(Value::as_array) {
        let names: Vec<String> = values.iter().map(toml_text).collect();
        return format!("one of {}", names.join(", "));
    }
    let types: Vec<&str> = match property.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect(),
        _ => Vec::new(),
    };
    match types.first().copied() {
        Some("boolean") => "bool".into(),
        Some("integer") => "integer".into(),
        Some("number") => "float".into(),
        Some("string") => "string".into(),
        Some("array") => {
            let item = property
                .get("items")
                .map(|i| kind_of(i, root))
                .unwrap_or_else(|| "value".into());
            format!("list of {item}s")
        }
        Some("object") => "table".into(),
        _ => "value".into(),
    }
}

/// A JSON default written as TOML would (`true`, `0.8`, `"x"`, `["a", "b"]`).
fn toml_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(toml_text).collect();
            format!("[{}]", inner.join(", "))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Deserialize, Serialize, JsonSchema)]
    #[serde(deny_unknown_fields, default)]
    struct Example {
        /// Drop articles in other languages;
        /// empty keeps all.
        keep: Vec<String>,
        /// Threshold between 0 and 1.
        threshold: f64,
        /// Whether to drop.
        drop: bool,
        /// How many.
        min_words: usize,
    }

    impl Default for Example {
        fn default() -> Self {
            Example {
                keep: vec!["en".into()],
                threshold: 0.8,
                drop: false,
                min_words: 20,
            }
        }
    }

    #[test]
    fn docs_come_from_the_type() {
        let lines: Vec<String> = option_docs::<Example>()
            .iter()
            .map(OptionDoc::line)
            .collect();
        assert_eq!(
            lines,
            [
                "drop (bool, default false): Whether to drop.",
                "keep (list of strings, default [\"en\"]): Drop articles in other languages; empty keeps all.",
                "min_words (integer, default 20): How many.",
                "threshold (float, default 0.8): Threshold between 0 and 1.",
            ]
        );
    }
}
