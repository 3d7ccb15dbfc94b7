//! JSON-LD (`<script type="application/ld+json">`): the article object a page describes
//! itself with (NewsArticle, BlogPosting, ...; inside arrays and `@graph` too).

use serde_json::Value;

/// What the JSON-LD article object states.
#[derive(Debug, Default, Clone)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub date_created: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub article_body: Option<String>,
    /// The `@type` the values came from.
    pub kind: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "socialmediaposting",
    "liveblogposting",
    "report",
    "posting",
    "blog",
    "medicalwebpage",
];

/// Rank of a `@type`: article types first, then web pages, then anything else with a date.
fn rank(types: &[String]) -> u8 {
    if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
        0
    } else if types.iter().any(|t| t.ends_with("webpage")) {
        1
    } else {
        2
    }
}

/// Parse every JSON-LD script text and keep the best-ranked object with any useful field.
pub fn parse(scripts: &[String]) -> LdArticle {
    let mut best: Option<(u8, LdArticle)> = None;
    for raw in scripts {
        let Some(value) = lenient_json(raw) else {
            continue;
        };
        // Walk iteratively: JSON-LD can nest deeply and comes from the page.
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    let types = types_of(v);
                    if types.is_empty() {
                        continue;
                    }
                    let r = rank(&types);
                    if r == 2 && !map.contains_key("datePublished") {
                        continue;
                    }
                    let found = article_of(v, &types);
                    let better = match &best {
                        None => true,
                        Some((br, b)) => {
                            r < *br
                                || (r == *br
                                    && b.date_published.is_none()
                                    && found.date_published.is_some())
                        }
                    };
                    if better {
                        best = Some((r, found));
                    } else if let Some((br, b)) = best.as_mut() {
                        if *br == r {
                            fill_missing(b, found);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    best.map(|(_, a)| a).unwrap_or_default()
}

fn fill_missing(into: &mut LdArticle, from: LdArticle) {
    macro_rules! fill {
        ($($f:ident),*) => {$( if into.$f.is_none() { into.$f = from.$f; } )*};
    }
    fill!(
        headline,
        date_published,
        date_modified,
        date_created,
        publisher,
        url,
        description,
        language,
        article_body
    );
    if into.authors.is_empty() {
        into.authors = from.authors;
    }
}

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|t| t.as_str())
            .map(|t| t.to_ascii_lowercase())
            .collect(),
        _ => Vec::new(),
    }
}

fn article_of(v: &Value, types: &[String]) -> LdArticle {
    LdArticle {
        headline: text(v.get("headline")).or_else(|| text(v.get("name"))),
        authors: names(v.get("author"))
            .into_iter()
            .chain(names(v.get("creator")))
            .collect::<Vec<_>>(),
        date_published: text(v.get("datePublished")),
        date_modified: text(v.get("dateModified")),
        date_created: text(v.get("dateCreated")),
        publisher: names(v.get("publisher")).into_iter().next(),
        url: text(v.get("url")).or_else(|| {
            text(
                v.get("mainEntityOfPage")
                    .and_then(|m| m.get("@id").or(Some(m))),
            )
        }),
        description: text(v.get("description")),
        language: text(v.get("inLanguage")),
        article_body: text(v.get("articleBody")),
        kind: types.first().cloned(),
    }
}

/// A string value (first of an array).
fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_string(),
        Value::Array(a) => return a.iter().find_map(|x| text(Some(x))),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Names from a person/organisation value: a string, `{name}`, or an array of them.
fn names(v: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(v) = v else { return out };
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    for item in items {
        let name = match item {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Object(m) => m.get("name").and_then(|n| text(Some(n))),
            _ => None,
        };
        if let Some(n) = name {
            if !n.is_empty() && !n.starts_with("http") && !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// Parse JSON as pages write it: CDATA wrappers, HTML comments, trailing semicolons, raw
/// control characters inside strings.
fn lenient_json(raw: &str) -> Option<Value> {
    let t = raw.trim();
    let t = t.strip_prefix("<![CDATA[").unwrap_or(t);
    let t = t.strip_suffix("]]>").unwrap_or(t);
    let t = t.strip_prefix("<!--").unwrap_or(t);
    let t = t.strip_suffix("-->").unwrap_or(t);
    let t = t.trim().trim_end_matches(';').trim();
    if let Ok(v) = serde_json::from_str(t) {
        return Some(v);
    }
    let cleaned: String = t
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&cleaned).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_and_authors() {
        let s = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2019-01-01"},
            {"@type":"NewsArticle","headline":"H","datePublished":"2020-06-07T10:00:00Z",
             "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}],
             "publisher":{"@type":"Organization","name":"Daily"},"articleBody":"Text."}]}"#;
        let a = parse(&[s.to_string()]);
        assert_eq!(a.headline.as_deref(), Some("H"));
        assert_eq!(a.authors, ["Ann Lee", "Bo Chan"]);
        assert_eq!(a.date_published.as_deref(), Some("2020-06-07T10:00:00Z"));
        assert_eq!(a.publisher.as_deref(), Some("Daily"));
    }

    #[test]
    fn broken_json_is_ignored() {
        assert!(parse(&["{not json".to_string()]).headline.is_none());
    }
}
