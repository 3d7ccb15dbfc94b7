//! Direct quotations with their speakers, derived from one PolNeAR article (text + BRAT
//! `.ann`). The rule (docs/quotes.md, "PolNeAR"):
//! - an attribution is *direct* when at least half of its Content's letters and digits lie
//!   inside double quotation marks (“ ”, ", or two apostrophes ''); the gold quotation is
//!   those quoted characters, separate quoted runs joined by " … ";
//! - a Content that is not direct (a paraphrase, with or without a quoted fragment), its
//!   quoted text, and quoted text inside a Discuss/Discard span are *optional*: neither
//!   required nor a false positive;
//! - the speaker is the Source span, sorted into named / pronoun / noun phrase, and scored
//!   against the name it refers to ([`referent`](super::referent)).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::brat::{parse_ann, Annotation};
use super::referent::{classify_source, resolve_referent, SourceKind};

/// One direct quotation of the gold.
#[derive(Debug, Clone)]
pub struct PolnearQuote {
    /// The quoted characters of the Content, runs joined by " … ".
    pub text: String,
    /// The Source span as written, `None` for an attribution without a source.
    pub source: Option<String>,
    pub kind: SourceKind,
    /// The name the speaker is scored against; `None` when the article gives none.
    pub referent: Option<String>,
}

/// One article of the gold.
#[derive(Debug, Clone)]
pub struct PolnearArticle {
    /// File name of the text, for the report.
    pub name: String,
    /// The text file the pipeline reads.
    pub path: PathBuf,
    pub quotes: Vec<PolnearQuote>,
    /// Quoted text that is neither required nor a false positive when found.
    pub optional: Vec<String>,
}

/// Reads `DIR/text/*.txt` with `DIR/attributions/<name>_<annotator>.ann`; an article with
/// several annotators uses the first annotation file in name order, and an article with
/// none is skipped.
pub fn load_polnear(dir: &Path) -> anyhow::Result<Vec<PolnearArticle>> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("reading {}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    let mut out = Vec::new();
    for path in texts {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let prefix = format!("{stem}_");
        let Some(ann) = anns.iter().find(|a| {
            a.file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.strip_prefix(&prefix))
                .is_some_and(|annotator| !annotator.contains('_'))
        }) else {
            continue;
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let ann_text =
            std::fs::read_to_string(ann).with_context(|| format!("reading {}", ann.display()))?;
        let annotation = parse_ann(&ann_text);
        let (quotes, optional) = direct_quotations(&text, &annotation);
        out.push(PolnearArticle {
            name: format!("{stem}.txt"),
            path,
            quotes,
            optional,
        });
    }
    Ok(out)
}

/// Which characters of `text` lie inside double quotation marks. Each line is a paragraph;
/// a quotation left open at a line's end runs to that end (a quotation continued in the
/// next paragraph opens again there).
pub fn quoted_chars(text: &[char]) -> Vec<bool> {
    let mut inside = vec![false; text.len()];
    let mut open = false;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        let two_apostrophes = c == '\'' && text.get(i + 1) == Some(&'\'');
        if c == '\n' {
            open = false;
        } else if c == '“' {
            open = true;
        } else if c == '”' {
            open = false;
        } else if c == '"' || two_apostrophes {
            open = !open;
            if two_apostrophes {
                i += 1;
            }
        } else {
            inside[i] = open;
        }
        i += 1;
    }
    inside
}

/// The gold quotations and optional quoted texts of one annotated article.
fn direct_quotations(text: &str, ann: &Annotation) -> (Vec<PolnearQuote>, Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let inside = quoted_chars(&chars);
    let mut quotes = Vec::new();
    let mut optional = Vec::new();
    for relation in &ann.relations {
        let spans: Vec<(usize, usize)> = relation
            .contents
            .iter()
            .filter_map(|id| ann.spans.get(id))
            .flat_map(|s| s.ranges.iter().copied())
            .collect();
        let quoted = quoted_text(&chars, &inside, &spans);
        let letters = |keep: &dyn Fn(usize) -> bool| {
            spans
                .iter()
                .flat_map(|&(a, b)| a..b.min(chars.len()))
                .filter(|&k| chars[k].is_alphanumeric() && keep(k))
                .count()
        };
        let in_quotes = letters(&|k| inside[k]);
        let all = letters(&|_| true);
        if all == 0 {
            continue;
        }
        if 2 * in_quotes < all {
            // Reported speech without marks (a paraphrase, an unquoted transcript turn):
            // finding it is no error, missing it no miss.
            if !quoted.is_empty() {
                optional.push(quoted);
            }
            let whole: String = spans
                .iter()
                .flat_map(|&(a, b)| chars[a.min(chars.len())..b.min(chars.len())].iter())
                .collect();
            optional.push(whole);
            continue;
        }
        let source_span = relation.source.as_ref().and_then(|id| ann.spans.get(id));
        let source = source_span.map(|s| s.text.clone());
        let kind = source.as_deref().map_or(SourceKind::None, classify_source);
        let source_start = source_span.and_then(|s| s.ranges.first()).map(|r| r.0);
        let referent = source
            .as_deref()
            .and_then(|s| resolve_referent(s, kind, source_start.unwrap_or(0), &chars, ann));
        quotes.push(PolnearQuote {
            text: quoted,
            source,
            kind,
            referent,
        });
    }
    for span in ann.spans.values().filter(|s| s.is_discussion) {
        let quoted = quoted_text(&chars, &inside, &span.ranges);
        if !quoted.is_empty() {
            optional.push(quoted);
        }
    }
    (quotes, optional)
}

/// The quoted characters of `spans`, separate runs joined by " … ".
fn quoted_text(chars: &[char], inside: &[bool], spans: &[(usize, usize)]) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut current = String::new();
    for &(a, b) in spans {
        for k in a..b.min(chars.len()) {
            if inside[k] {
                current.push(chars[k]);
            } else if !current.trim().is_empty() && !chars[k].is_whitespace() {
                runs.push(std::mem::take(&mut current));
            }
        }
        if !current.trim().is_empty() {
            runs.push(std::mem::take(&mut current));
        }
        current.clear();
    }
    runs.iter()
        .map(|r| r.trim())
        .filter(|r| r.chars().any(char::is_alphanumeric))
        .collect::<Vec<_>>()
        .join(" … ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        quoted_chars(&chars)
            .iter()
            .zip(&chars)
            .map(|(i, c)| if *i { *c } else { '_' })
            .collect()
    }

    #[test]
    fn marks_curly_straight_and_two_apostrophe_quotations() {
        assert_eq!(inside("a “bc” d"), "___bc___");
        assert_eq!(inside("a \"bc\" d"), "___bc___");
        assert_eq!(inside("a ''bc'' d"), "____bc____");
        // Open at the end of a paragraph: runs to the line end, not into the next line.
        assert_eq!(inside("“ab\ncd"), "_ab___");
    }

    #[test]
    fn direct_and_optional_contents() {
        let text = "Ann Lee said, “We will win the vote.” Bob said the plan was a “disaster” for all of the people here.";
        // BRAT offsets count characters.
        let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let ann = format!(
            "T1\tSource 0 7\tAnn Lee\nT2\tCue 8 12\tsaid\nT3\tContent {} {}\tx\n\
             E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1\n\
             T4\tSource {} {}\tBob\nT5\tContent {} {}\ty\nE2\tAttribution:T8 Content:T5 Source:T4\n",
            at("“We"),
            at(" Bob"),
            at("Bob"),
            at("Bob") + 3,
            at("the plan"),
            at(" here")
        );
        let (quotes, optional) = direct_quotations(text, &parse_ann(&ann));
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].text, "We will win the vote.");
        assert_eq!(quotes[0].kind, SourceKind::Named);
        assert_eq!(quotes[0].referent.as_deref(), Some("Ann Lee"));
        assert_eq!(optional[0], "disaster");
        assert!(optional[1].starts_with("the plan was a “disaster”"));
    }
}
