//! YAML front matter (`---` ... `---` at the very top of a Markdown or text file).

use newsmill_core::Metadata;
use yaml_rust2::{Yaml, YamlLoader};

use crate::fields::{apply, field_for, keep_extra, Field, SourceValue};

/// Front matter found at the top of a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FrontMatter {
    pub meta: Metadata,
    /// Byte offset where the body starts, after the closing delimiter line.
    pub body_start: usize,
}

/// Parses front matter when the text opens with a `---` line, a later `---` (or `...`) line
/// closes it, and what lies between is a YAML mapping. Anything else (a thematic break, a
/// setext heading, YAML that does not parse) is not front matter and stays in the body.
pub(crate) fn parse_front_matter(text: &str) -> Option<FrontMatter> {
    let (yaml, body_start) = split(text)?;
    let docs = YamlLoader::load_from_str(yaml).ok()?;
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return None;
    };
    let mut meta = Metadata::default();
    for (key, value) in map {
        let Some(key) = scalar_text(&key) else {
            continue;
        };
        let Some(value) = source_value(&value) else {
            continue;
        };
        match field_for(&key) {
            Some(Field::Body) | None => match value {
                SourceValue::Scalar(s) => keep_extra(&mut meta, &key, s),
                SourceValue::List(items) => keep_extra(&mut meta, &key, items.join(", ")),
            },
            Some(field) => apply(&mut meta, field, &key, value),
        }
    }
    Some(FrontMatter { meta, body_start })
}

/// The YAML text between the delimiters and the offset just past the closing line.
fn split(text: &str) -> Option<(&str, usize)> {
    let mut lines = line_spans(text);
    let (start, end) = lines.next()?;
    if text[start..end].trim_end() != "---" {
        return None;
    }
    let yaml_start = end;
    for (start, end) in lines {
        let line = text[start..end].trim_end();
        if line == "---" || line == "..." {
            return Some((&text[yaml_start..start], end));
        }
    }
    None
}

/// `(start, end)` of each line, `end` past its newline.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let start = at;
        at = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        Some((start, at))
    })
}

fn scalar_text(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        // `author: {name: Jane Doe}`, as schema.org-minded tools write it.
        Yaml::Hash(map) => map.get(&Yaml::String("name".into())).and_then(scalar_text),
        _ => None,
    }
}

fn source_value(value: &Yaml) -> Option<SourceValue> {
    match value {
        Yaml::Array(items) => {
            let items: Vec<String> = items.iter().filter_map(scalar_text).collect();
            (!items.is_empty()).then_some(SourceValue::List(items))
        }
        other => scalar_text(other).map(SourceValue::Scalar),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys_and_keeps_the_rest() {
        let text = "---\ntitle: \"Floods close roads\"\nauthors:\n  - Jane Doe\n  - name: John Roe\ndate: 2021-03-04\n\
                    url: https://example.org/a\npublisher: Example Post\nlang: en\ntags: [weather, roads]\nwords: 412\n---\nBody.\n";
        let fm = parse_front_matter(text).unwrap();
        assert_eq!(&text[fm.body_start..], "Body.\n");
        let m = fm.meta;
        assert_eq!(m.title.as_deref(), Some("Floods close roads"));
        assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(m.published.as_deref(), Some("2021-03-04"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(m.publisher.as_deref(), Some("Example Post"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(
            m.extra.get("tags").map(String::as_str),
            Some("weather, roads")
        );
        assert_eq!(m.extra.get("words").map(String::as_str), Some("412"));
    }

    #[test]
    fn thematic_breaks_and_bad_yaml_are_not_front_matter() {
        assert!(parse_front_matter("---\nJust a line\n---\nText").is_none());
        assert!(parse_front_matter("---\ntitle: [unclosed\n---\n").is_none());
        assert!(parse_front_matter("---\ntitle: x\nno closing line").is_none());
        assert!(parse_front_matter("Intro\n---\ntitle: x\n---\n").is_none());
    }

    #[test]
    fn crlf_delimiters_work() {
        let fm = parse_front_matter("---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(fm.meta.title.as_deref(), Some("A"));
    }
}
