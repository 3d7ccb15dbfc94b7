//! TimeML documents (TempEval-3's TimeBank and AQUAINT) as date gold: the text of `<TEXT>`
//! with its markup removed, the creation time (`<DCT>`) as the publication date, and every
//! TIMEX3 with its byte range in that text. [`TimemlTally`] scores the `extract.dates` output
//! of an article built by [`TimemlDoc::article`]; docs/dates-and-facts.md gives the rule.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use newsmill_core::{Article, Block};
use newsmill_gold::ratio;

/// One TIMEX3 of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte range in [`TimemlDoc::text`].
    pub range: Range<usize>,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Clone, Default)]
pub struct TimemlDoc {
    pub name: String,
    /// The creation time's day (`YYYY-MM-DD`), the publication date the stages resolve against.
    pub dct: Option<String>,
    /// `<TITLE>` when given, else the document id.
    pub title: String,
    /// The content of `<TEXT>`, tags removed and entities decoded.
    pub text: String,
    pub timexes: Vec<Timex>,
}

/// The value of attribute `name` in the inside of a tag (`TIMEX3 tid="t1" value="..."`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before_ok = at == 0 || rest.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &rest[at + name.len()..];
        if before_ok {
            if let Some(quoted) = after.trim_start().strip_prefix('=') {
                let quoted = quoted.trim_start();
                let quote = quoted.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let inner = &quoted[1..];
                    return inner.find(quote).map(|end| &inner[..end]);
                }
            }
        }
        rest = after;
    }
    None
}

fn decode_entity(entity: &str) -> Option<char> {
    Some(match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// Strips the markup of `<TEXT>`'s content, recording TIMEX3 ranges. Malformed markup
/// (an unclosed tag, a stray closing tag) loses at most that element, never panics.
fn strip(content: &str) -> (String, Vec<Timex>) {
    let mut text = String::with_capacity(content.len());
    let mut timexes = Vec::new();
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = content;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let Some(end) = rest.find('>') else {
                    break;
                };
                let tag = &rest[1..end];
                if let Some(inner) = tag.strip_prefix("TIMEX3") {
                    let kind = attribute(inner, "type").unwrap_or_default().to_string();
                    let value = attribute(inner, "value").unwrap_or_default().to_string();
                    if inner.trim_end().ends_with('/') {
                        // An empty TIMEX3 (no text) cannot be found by overlap.
                    } else {
                        open.push((text.len(), kind, value));
                    }
                } else if tag.trim_end() == "/TIMEX3" {
                    if let Some((start, kind, value)) = open.pop() {
                        timexes.push(Timex {
                            range: start..text.len(),
                            kind,
                            value,
                        });
                    }
                }
                rest = &rest[end + 1..];
            }
            '&' => {
                let decoded = rest
                    .find(';')
                    .filter(|&semi| semi <= 8)
                    .and_then(|semi| Some((decode_entity(&rest[1..semi])?, semi)));
                match decoded {
                    Some((ch, semi)) => {
                        text.push(ch);
                        rest = &rest[semi + 1..];
                    }
                    None => {
                        text.push('&');
                        rest = &rest[1..];
                    }
                }
            }
            _ => {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    timexes.sort_by_key(|t| t.range.start);
    (text, timexes)
}

impl TimemlDoc {
    /// Parses a TimeML file's text. A document without `<TEXT>` has empty text.
    pub fn parse(name: &str, xml: &str) -> TimemlDoc {
        let dct = xml.find("<DCT>").and_then(|at| {
            let dct = &xml[at..];
            let tag_end = dct.find('>')?;
            let timex_at = dct[tag_end..].find("<TIMEX3")? + tag_end;
            let close = dct[timex_at..].find('>')? + timex_at;
            let value = attribute(&dct[timex_at + 1..close], "value")?;
            value.get(..10).map(str::to_string)
        });
        let content = xml
            .find("<TEXT>")
            .map(|at| &xml[at + "<TEXT>".len()..])
            .map(|rest| rest.find("</TEXT>").map_or(rest, |end| &rest[..end]))
            .unwrap_or_default();
        let (text, timexes) = strip(content);
        let title = xml
            .find("<TITLE>")
            .map(|at| &xml[at + "<TITLE>".len()..])
            .and_then(|rest| rest.find("</TITLE>").map(|end| strip(&rest[..end]).0))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| name.to_string());
        TimemlDoc {
            name: name.to_string(),
            title,
            dct,
            text,
            timexes,
        }
    }

    /// The document as an article: one paragraph per blank-line-separated block, line breaks
    /// inside a paragraph made spaces (so each paragraph keeps its byte length and offsets map
    /// back to [`TimemlDoc::text`]), published on the creation day. The title is stated so
    /// that no stage takes the first paragraph for the headline.
    pub fn article(&self, path: &Path) -> Article {
        let mut article = Article::new(self.name.clone(), path);
        article.meta.published = self.dct.clone();
        article.meta.title = Some(self.title.clone());
        article.blocks = paragraphs(&self.text)
            .map(|r| Block::paragraph(self.text[r].replace('\n', " ")))
            .collect();
        article
    }
}

/// Byte ranges of the non-blank paragraphs of `text` (separated by blank lines), trimmed.
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let rest = &text[at..];
            let end = rest.find("\n\n").map_or(text.len(), |e| at + e);
            let start = at;
            at = end + 2;
            let chunk = &text[start..end.min(text.len())];
            let lead = chunk.len() - chunk.trim_start().len();
            let trimmed = chunk.trim();
            if !trimmed.is_empty() {
                let s = start + lead;
                return Some(s..s + trimmed.len());
            }
        }
        None
    })
}

/// The `.tml` files under `dir` (recursively), sorted; `dir` may also be one file.
pub fn tml_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "tml") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    if dir.is_file() {
        out.push(dir.to_path_buf());
    } else {
        walk(dir, &mut out);
    }
    out.sort();
    out
}

/// The letters and digits of `text` (its skeleton), and for each byte of the skeleton the
/// byte of `text` it came from (plus one entry for the end).
fn skeleton(text: &str) -> (String, Vec<usize>) {
    let mut flat = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
        flat.push(c);
        origin.extend((0..c.len_utf8()).map(|k| at + k));
    }
    origin.push(text.len());
    (flat, origin)
}

/// Maps block byte offsets of a processed article to byte offsets of the document text.
/// Block texts are found in order by their letters and digits only (cleaning stages may
/// collapse spaces, rewrite `` '' quotes or drop blocks; a block whose letters no longer
/// occur maps to nothing, and its dates count as unfound).
struct BlockMap {
    doc_origin: Vec<usize>,
    /// Per block: where its skeleton starts in the document's, and for each byte of the
    /// block the first skeleton byte at or after it.
    blocks: Vec<Option<(usize, Vec<usize>)>>,
}

impl BlockMap {
    fn new(doc: &TimemlDoc, article: &Article) -> BlockMap {
        let (flat_doc, doc_origin) = skeleton(&doc.text);
        let mut from = 0;
        let blocks = article
            .blocks
            .iter()
            .map(|b| {
                let (flat, origin) = skeleton(&b.text);
                let at = flat_doc.get(from..)?.find(flat.as_str())? + from;
                from = at + flat.len();
                let mut to_flat = vec![usize::MAX; b.text.len() + 1];
                for (k, &o) in origin.iter().enumerate() {
                    to_flat[o] = to_flat[o].min(k);
                }
                for i in (0..b.text.len()).rev() {
                    to_flat[i] = to_flat[i].min(to_flat[i + 1]);
                }
                Some((at, to_flat))
            })
            .collect();
        BlockMap { doc_origin, blocks }
    }

    fn range(&self, span: newsmill_core::Span) -> Option<Range<usize>> {
        let (at, to_flat) = self.blocks.get(span.block)?.as_ref()?;
        let doc = |k: usize| Some(*self.doc_origin.get(at + to_flat.get(k)?)?);
        // The first letter at or after the start, the last one before the end.
        let start = doc(span.start)?;
        let last = to_flat.get(span.end)?.checked_sub(1)?;
        let end = *self.doc_origin.get(at + last)? + 1;
        Some(start..end.max(start + 1))
    }
}

/// A gold value as `extract.dates` could state it: week numbers zero-padded (`2000-W7` is
/// `2000-W07`), unknown trailing parts dropped (`1949-XX` is `1949`, `1998-XX-XX` is `1998`),
/// and a part of the day dropped (`2000-01-05TEV` is `2000-01-05`: dates.csv has no time of
/// day). Anything else is compared as written.
pub fn comparable_value(gold: &str) -> String {
    let mut value = gold.to_string();
    for part in ["TMO", "TAF", "TEV", "TNI", "TDT"] {
        if let Some(day) = value.strip_suffix(part) {
            value = day.to_string();
        }
    }
    while let Some(rest) = value.strip_suffix("-XX") {
        value = rest.to_string();
    }
    // A decade: TimeBank writes `199X` and `199` alike.
    if value.len() == 4 && value.ends_with('X') && value[..3].bytes().all(|b| b.is_ascii_digit()) {
        value.truncate(3);
    }
    if let Some((year, week)) = value.split_once("-W") {
        if week.len() == 1 && week.bytes().all(|b| b.is_ascii_digit()) {
            value = format!("{year}-W0{week}");
        }
    }
    value
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Scores of `extract.dates` against the DATE TIMEX3s of TimeML documents.
#[derive(Debug, Default)]
pub struct TimemlTally {
    documents: usize,
    gold: usize,
    found: usize,
    correct: usize,
    /// Right under [`comparable_value`] but not as written.
    correct_equivalent: usize,
    predicted: usize,
    predicted_matching: usize,
    /// Predictions overlapping only a TIME, DURATION or SET TIMEX3: neither right nor wrong.
    predicted_other_type: usize,
    errors: Vec<String>,
}

impl TimemlTally {
    pub fn add(&mut self, doc: &TimemlDoc, article: &Article) {
        self.documents += 1;
        let map = BlockMap::new(doc, article);
        let predicted: Vec<(Range<usize>, &str, &str)> = article
            .annotations
            .dates
            .iter()
            .filter_map(|d| Some((map.range(d.span)?, d.value.as_str(), d.text.as_str())))
            .collect();
        let name = &doc.name;
        let dates: Vec<&Timex> = doc.timexes.iter().filter(|t| t.kind == "DATE").collect();
        let context = |r: &Range<usize>| {
            let mut from = r.start.saturating_sub(30);
            while !doc.text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (r.end + 30).min(doc.text.len());
            while !doc.text.is_char_boundary(to) {
                to += 1;
            }
            doc.text[from..to].replace('\n', " ")
        };
        for g in &dates {
            self.gold += 1;
            let best = predicted
                .iter()
                .filter(|p| overlap(&p.0, &g.range) > 0)
                .max_by_key(|p| overlap(&p.0, &g.range));
            let text = &doc.text[g.range.clone()];
            match best {
                Some(p) => {
                    self.found += 1;
                    if p.1 == g.value {
                        self.correct += 1;
                    } else if p.1 == comparable_value(&g.value) {
                        self.correct_equivalent += 1;
                    } else {
                        self.errors.push(format!(
                            "{name}: {text:?} -> {:?} {} (gold {}) in {:?}",
                            p.2,
                            p.1,
                            g.value,
                            context(&g.range)
                        ));
                    }
                }
                None => self.errors.push(format!(
                    "{name}: missed {text:?} (gold {}) in {:?}",
                    g.value,
                    context(&g.range)
                )),
            }
        }
        for p in &predicted {
            if dates.iter().any(|g| overlap(&g.range, &p.0) > 0) {
                self.predicted += 1;
                self.predicted_matching += 1;
            } else if doc.timexes.iter().any(|t| overlap(&t.range, &p.0) > 0) {
                self.predicted_other_type += 1;
            } else {
                self.predicted += 1;
                self.errors.push(format!(
                    "{name}: spurious {:?} -> {} in {:?}",
                    p.2,
                    p.1,
                    context(&p.0)
                ));
            }
        }
    }

    /// Share of DATE TIMEX3s whose best-overlapping prediction has the gold value, compared
    /// by [`comparable_value`].
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct + self.correct_equivalent, self.gold)
    }

    /// The same, values compared exactly as written.
    pub fn strict_accuracy(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Share of DATE TIMEX3s overlapped by a prediction.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Share of predictions (those overlapping another TIMEX3 type left out) that overlap a
    /// DATE TIMEX3.
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_matching, self.predicted)
    }

    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "dates (TimeML): {} documents, {} DATE TIMEX3s, {} predictions scored",
            self.documents, self.gold, self.predicted
        );
        let _ = writeln!(
            out,
            "  value accuracy (right value over all gold):  {:.3} ({}/{})",
            self.accuracy(),
            self.correct + self.correct_equivalent,
            self.gold
        );
        let _ = writeln!(
            out,
            "  strict value accuracy (as written, no 2000-W7 = 2000-W07, 1949-XX = 1949, 2000-01-05TEV = 2000-01-05): {:.3} ({}/{})",
            self.strict_accuracy(),
            self.correct,
            self.gold
        );
        let _ = writeln!(
            out,
            "  extraction recall (gold overlapped):         {:.3} ({}/{})",
            self.recall(),
            self.found,
            self.gold
        );
        let _ = writeln!(
            out,
            "  extraction precision (predictions on a DATE): {:.3} ({}/{})",
            self.precision(),
            self.predicted_matching,
            self.predicted
        );
        let _ = writeln!(
            out,
            "  predictions on a TIME/DURATION/SET TIMEX3 (not scored): {}",
            self.predicted_other_type
        );
        for e in &self.errors {
            let _ = writeln!(out, "  - {e}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{DateMention, Granularity, Span};

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T06:18:00" functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>
<TEXT>
NAIROBI, Kenya (AP) _

Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>,
AT&amp;T said, for <TIMEX3 tid="t2" type="DURATION" value="P1W">a week</TIMEX3>.
</TEXT>
</TimeML>"#;

    #[test]
    fn parses_text_dct_and_timexes() {
        let doc = TimemlDoc::parse("d", DOC);
        assert_eq!(doc.dct.as_deref(), Some("1998-08-07"));
        assert_eq!(doc.timexes.len(), 2);
        assert_eq!(&doc.text[doc.timexes[0].range.clone()], "Friday");
        assert_eq!(doc.timexes[1].kind, "DURATION");
        assert!(doc.text.contains("AT&T said"));
        let article = doc.article(Path::new("d.tml"));
        assert_eq!(article.blocks.len(), 2);
        assert!(!article.blocks[1].text.contains('\n'));
    }

    #[test]
    fn scores_by_overlap_and_ignores_other_timex_types() {
        let doc = TimemlDoc::parse("d", DOC);
        let mut article = doc.article(Path::new("d.tml"));
        let block = &article.blocks[1].text;
        let friday = block.find("Friday").unwrap();
        let week = block.find("a week").unwrap();
        let nairobi = 0;
        let mention = |b: usize, s: usize, len: usize, value: &str| DateMention {
            text: String::new(),
            value: value.into(),
            granularity: Granularity::Day,
            span: Span::new(b, s, s + len),
            start: String::new(),
            end: String::new(),
            anchor: String::new(),
            reason: String::new(),
        };
        article.annotations.dates = vec![
            mention(0, nairobi, 7, "1998"),
            mention(1, friday, 6, "1998-07-31"),
            mention(1, week, 6, "1998-W32"),
        ];
        let mut tally = TimemlTally::default();
        tally.add(&doc, &article);
        assert_eq!((tally.gold, tally.found, tally.correct), (1, 1, 0));
        assert_eq!((tally.predicted, tally.predicted_matching), (2, 1));
        assert_eq!(tally.predicted_other_type, 1);
        assert_eq!(tally.errors.len(), 2, "{:?}", tally.errors);
    }

    #[test]
    fn gold_values_compare_at_the_precision_dates_csv_has() {
        assert_eq!(comparable_value("2000-W7"), "2000-W07");
        assert_eq!(comparable_value("1949-XX"), "1949");
        assert_eq!(comparable_value("1998-XX-XX"), "1998");
        assert_eq!(comparable_value("2000-01-05TEV"), "2000-01-05");
        assert_eq!(comparable_value("1998-FA"), "1998-FA");
        assert_eq!(comparable_value("199X"), "199");
        assert_eq!(comparable_value("XXXX-XX-XX"), "XXXX");
    }

    #[test]
    fn malformed_markup_does_not_panic() {
        for xml in [
            "",
            "<TEXT>",
            "<TEXT><TIMEX3 type=\"DATE\"",
            "<TEXT></TIMEX3>&amp</TEXT>",
            "<DCT><TIMEX3 value=\"19\"></DCT><TEXT>é&;</TEXT>",
        ] {
            let doc = TimemlDoc::parse("x", xml);
            let _ = doc.article(Path::new("x"));
        }
    }
}
