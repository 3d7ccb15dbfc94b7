//! YAML front matter (`---` ... `---` at the very top of a Markdown or text file).
//!
//! YAML aliases (`*a`) repeat a node, and a few hundred bytes of nested aliases (a "billion
//! laughs" bomb) expand to billions of nodes, which yaml-rust2's loader builds in memory.
//! So the event stream is first walked without building anything, adding up the size every
//! alias expands to, and front matter over [`MAX_YAML_NODES`] is refused before loading.

use std::collections::HashMap;

use newsmill_core::{Metadata, StageError};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;
use yaml_rust2::{Yaml, YamlLoader};

use crate::fields::{apply, field_for, keep_extra, Field, SourceValue};

/// Front matter found at the top of a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FrontMatter {
    pub meta: Metadata,
    /// Byte offset where the body starts, after the closing delimiter line.
    pub body_start: usize,
}

/// Most YAML nodes (scalars, lists, mappings, counting each alias as the nodes it repeats)
/// front matter may hold. Real front matter has tens; 10,000 leaves room for long tag lists.
pub(crate) const MAX_YAML_NODES: usize = 10_000;

/// Parses front matter when the text opens with a `---` line, a later `---` (or `...`) line
/// closes it, and what lies between is a YAML mapping. Anything else (a thematic break, a
/// setext heading, prose that is not YAML) is not front matter and stays in the body.
///
/// Errors (code `front_matter`, with the line of the file): the block starts like YAML
/// (`key: value`) but does not parse, or its aliases expand past [`MAX_YAML_NODES`].
pub(crate) fn parse_front_matter(text: &str) -> Result<Option<FrontMatter>, StageError> {
    let Some((yaml, body_start)) = split(text) else {
        return Ok(None);
    };
    // The YAML starts on the file's second line.
    let located = |line: usize, what: String| {
        StageError::new(
            "front_matter",
            format!("front matter, line {}: {what}", line + 1),
        )
    };
    let mut budget = NodeBudget::default();
    if let Err(e) = Parser::new_from_str(yaml).load(&mut budget, false) {
        if !starts_like_yaml(yaml) {
            return Ok(None);
        }
        return Err(located(
            e.marker().line(),
            format!("invalid YAML: {}", e.info()),
        ));
    }
    if let Some(line) = budget.over_at {
        return Err(located(
            line,
            format!(
                "YAML aliases expand to over {MAX_YAML_NODES} values (an alias bomb?); not read"
            ),
        ));
    }
    let docs = YamlLoader::load_from_str(yaml)
        .map_err(|e| located(e.marker().line(), format!("invalid YAML: {}", e.info())))?;
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return Ok(None);
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
    Ok(Some(FrontMatter { meta, body_start }))
}

/// Whether the first non-blank line is a `key:` line, as front matter starts; prose between
/// two `---` lines that fails to parse is body text, not broken front matter.
fn starts_like_yaml(yaml: &str) -> bool {
    let Some(line) = yaml.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    let key = key.trim_matches(|c| c == '"' || c == '\'' || c == '-' || c == ' ');
    !key.is_empty()
        && key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'))
        && (rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t'))
}

/// Adds up, from parser events alone, how many nodes the YAML holds once every alias is
/// expanded: an anchored node's size is recorded when it closes, and an alias adds it.
#[derive(Default)]
struct NodeBudget {
    /// Expanded size of each anchored node, by anchor id.
    sizes: HashMap<usize, usize>,
    /// Open lists and mappings: anchor id and the count when they opened.
    open: Vec<(usize, usize)>,
    count: usize,
    /// The YAML line where the count first passed the limit.
    over_at: Option<usize>,
}

impl MarkedEventReceiver for NodeBudget {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let before = self.count;
        match event {
            Event::Scalar(_, _, anchor, _) => {
                self.count = self.count.saturating_add(1);
                if anchor > 0 {
                    self.sizes.insert(anchor, 1);
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                self.count = self.count.saturating_add(1);
                self.open.push((anchor, before));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, start)) = self.open.pop() {
                    if anchor > 0 {
                        self.sizes.insert(anchor, self.count - start);
                    }
                }
            }
            Event::Alias(anchor) => {
                let size = self.sizes.get(&anchor).copied().unwrap_or(1);
                self.count = self.count.saturating_add(size);
            }
            _ => {}
        }
        if self.count > MAX_YAML_NODES && self.over_at.is_none() {
            self.over_at = Some(mark.line());
        }
    }
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
        let fm = parse_front_matter(text).unwrap().unwrap();
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
    fn thematic_breaks_and_prose_are_not_front_matter() {
        let none = |t: &str| assert!(parse_front_matter(t).unwrap().is_none(), "{t}");
        none("---\nJust a line\n---\nText");
        none("---\ntitle: x\nno closing line");
        none("Intro\n---\ntitle: x\n---\n");
        // Prose that YAML cannot parse is body text.
        none("---\nHe said \"no\": [it was over\n---\nText");
    }

    #[test]
    fn invalid_yaml_is_a_located_error() {
        let e = parse_front_matter("---\ntitle: [unclosed\nauthor: x\n---\nBody\n").unwrap_err();
        assert_eq!(e.code, "front_matter");
        assert!(
            e.message.starts_with("front matter, line "),
            "{}",
            e.message
        );
        assert!(e.message.contains("invalid YAML"), "{}", e.message);
    }

    #[test]
    fn alias_bombs_are_refused_quickly() {
        // Nine levels of nine aliases: 9^9 (387 million) values if expanded.
        let mut yaml = String::from("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..9 {
            let prev = format!("*a{}", i - 1);
            let items = [prev.as_str(); 9].join(", ");
            yaml.push_str(&format!("a{i}: &a{i} [{items}]\n"));
        }
        yaml.push_str("title: boom\n---\nBody\n");
        let started = std::time::Instant::now();
        let e = parse_front_matter(&yaml).unwrap_err();
        assert!(started.elapsed().as_secs_f64() < 1.0);
        assert_eq!(e.code, "front_matter");
        assert!(e.message.contains("alias"), "{}", e.message);
        assert!(
            e.message.starts_with("front matter, line 6:"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_few_aliases_are_fine() {
        let text = "---\nwho: &w Jane Doe\nauthor: *w\ntitle: T\n---\nBody\n";
        let fm = parse_front_matter(text).unwrap().unwrap();
        assert_eq!(fm.meta.authors, ["Jane Doe"]);
    }

    #[test]
    fn crlf_delimiters_work() {
        let fm = parse_front_matter("---\r\ntitle: A\r\n---\r\nBody")
            .unwrap()
            .unwrap();
        assert_eq!(fm.meta.title.as_deref(), Some("A"));
    }
}
