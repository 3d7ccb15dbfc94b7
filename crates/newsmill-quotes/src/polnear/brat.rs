//! The part of BRAT standoff that PolNeAR uses: `T` spans (type, character ranges, text)
//! and `E` events tying an attribution's Source, Cue and Content spans together.
//! Malformed lines are skipped: an annotation file never fails the evaluation.

use std::collections::BTreeMap;

/// A text-bound annotation (`T12\tSource 416 418\the`).
#[derive(Debug, Clone)]
pub struct TextSpan {
    pub kind: String,
    /// Character ranges (a discontinuous span has several: `a b;c d`).
    pub ranges: Vec<(usize, usize)>,
    pub text: String,
    /// A `Discuss` or `Discard` span: the annotators were unsure.
    pub is_discussion: bool,
}

/// One attribution relation (`E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`).
#[derive(Debug, Clone, Default)]
pub struct Relation {
    pub source: Option<String>,
    pub cue: Option<String>,
    /// `Content`, `Content2`, ...
    pub contents: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Annotation {
    pub spans: BTreeMap<String, TextSpan>,
    pub relations: Vec<Relation>,
}

impl Annotation {
    /// Start offsets and texts of every Source span, in text order.
    pub fn sources_in_order(&self) -> Vec<(usize, &str)> {
        let mut out: Vec<(usize, &str)> = self
            .relations
            .iter()
            .filter_map(|r| r.source.as_ref())
            .filter_map(|id| self.spans.get(id))
            .filter_map(|s| Some((s.ranges.first()?.0, s.text.as_str())))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

pub fn parse_ann(text: &str) -> Annotation {
    let mut ann = Annotation::default();
    for line in text.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        let rest = fields.next().unwrap_or("");
        if id.starts_with('T') {
            if let Some(span) = parse_span(body, rest) {
                ann.spans.insert(id.to_string(), span);
            }
        } else if id.starts_with('E') {
            ann.relations.push(parse_relation(body));
        }
    }
    ann
}

fn parse_span(body: &str, text: &str) -> Option<TextSpan> {
    let (kind, ranges) = body.split_once(' ')?;
    let mut parsed = Vec::new();
    for range in ranges.split(';') {
        let (a, b) = range.trim().split_once(' ')?;
        let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
        if a <= b {
            parsed.push((a, b));
        }
    }
    Some(TextSpan {
        is_discussion: kind == "Discuss" || kind == "Discard",
        kind: kind.to_string(),
        ranges: parsed,
        text: text.to_string(),
    })
}

fn parse_relation(body: &str) -> Relation {
    let mut relation = Relation::default();
    for arg in body.split_whitespace() {
        let Some((role, id)) = arg.split_once(':') else {
            continue;
        };
        match role {
            "Source" => relation.source = Some(id.to_string()),
            "Cue" => relation.cue = Some(id.to_string()),
            r if r.starts_with("Content") => relation.contents.push(id.to_string()),
            _ => {}
        }
    }
    relation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spans_relations_and_skips_junk() {
        let ann = parse_ann(
            "T1\tSource 0 2\tHe\nT2\tContent 10 12;14 20\tab cdefgh\nbroken line\n\
             T3\tCue x y\tz\nE1\tAttribution:T9 Content:T2 Cue:T3 Source:T1 Content2:T4\n",
        );
        assert_eq!(ann.spans.len(), 2);
        assert_eq!(ann.spans["T2"].ranges, vec![(10, 12), (14, 20)]);
        let r = &ann.relations[0];
        assert_eq!(r.source.as_deref(), Some("T1"));
        assert_eq!(r.contents, vec!["T2".to_string(), "T4".to_string()]);
        assert_eq!(ann.sources_in_order(), vec![(0, "He")]);
    }
}
