//! Scoring the extractor against public gold sets.
//!
//! - Main text, two gold formats (told apart by the JSON shape):
//!   (a) the article-extraction benchmark: `{id: {"articleBody": "..."}}` with pages
//!   `<id>.html` or `<id>.html.gz`; per page precision and recall over 4-word shingles of
//!   lower-cased `\w+` tokens, averaged over pages, F1 from the two averages;
//!   (b) snippet expectations (trafilatura's evaluation file): `{url: {file, with: [..],
//!   without: [..]}}`; a `with` snippet found is a true positive, missed a false negative,
//!   a `without` snippet found a false positive.
//! - Publication dates: a CSV `url,file,date[,..]`; exact-day accuracy over all rows (no
//!   gold date counts right when we return none), plus coverage.
//!
//! Every report ends with a per-page list, worst first: the page's score and the class of
//! its largest error (for snippets, the extraction step that lost the missed text).
//! Setting `NEWSMILL_EVAL_DETAILS=1` appends the per-page misses to the report.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use regex::Regex;
use serde_json::Value;

use crate::{decode, page};
use newsmill_gold::{f1, ratio};

/// `NEWSMILL_EVAL_DETAILS=all` lists every page, right or wrong.
fn all_details_wanted() -> bool {
    std::env::var_os("NEWSMILL_EVAL_DETAILS").is_some_and(|v| v == "all")
}

fn details_wanted() -> bool {
    std::env::var_os("NEWSMILL_EVAL_DETAILS").is_some_and(|v| v != "0")
}

fn default_html_dir(gold: &Path) -> PathBuf {
    gold.parent().unwrap_or(Path::new(".")).join("html")
}

/// Read, decompress and decode a page file.
fn load_page(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let bytes = if decode::is_gzip(&bytes) {
        decode::gunzip(&bytes, crate::reader::DEFAULT_MAX_BYTES)
            .map_err(|e| anyhow::anyhow!("{e}"))?
    } else {
        bytes
    };
    Ok(decode::decode(&bytes).0)
}

/// Extracted body text: blocks joined by newlines.
fn joined_text(page: &page::Page) -> String {
    page.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// One page's line in the per-page list: its score (0..=1), the class of its largest
/// error, and a short note.
struct PageScore {
    score: f64,
    class: String,
    page: String,
    note: String,
}

/// The per-page list, worst first (ties by page name), after the summary lines.
fn write_per_page(out: &mut String, mut pages: Vec<PageScore>) -> std::fmt::Result {
    pages.sort_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| a.page.cmp(&b.page))
    });
    let mut classes: std::collections::BTreeMap<&str, usize> = Default::default();
    for p in &pages {
        *classes.entry(p.class.as_str()).or_default() += 1;
    }
    let summary: Vec<String> = classes.iter().map(|(c, n)| format!("{c} {n}")).collect();
    writeln!(out, "largest error per page: {}", summary.join(", "))?;
    writeln!(
        out,
        "per page, worst first (score, largest error, page, note):"
    )?;
    for p in &pages {
        writeln!(out, "  {:.3}\t{}\t{}\t{}", p.score, p.class, p.page, p.note)?;
    }
    Ok(())
}

/// The class of a page's largest snippet error: `ok`; `no_text` (nothing extracted);
/// `unwanted` (more boilerplate snippets kept than text snippets missed); otherwise
/// `missed:<step>` with the step that lost most of the missed snippets
/// ([`crate::extract::loss_reason`]: `not_in_html`, `pruned`, `not_chosen`,
/// `filtered`; `jsonld_body` when the JSON-LD body replaced the extraction).
fn snippet_error_class(html: &str, page: &page::Page, missed: &[&str], unwanted: usize) -> String {
    if page.blocks.is_empty() {
        return "no_text".into();
    }
    if missed.is_empty() && unwanted == 0 {
        return "ok".into();
    }
    if unwanted > missed.len() {
        return "unwanted".into();
    }
    if page.meta.extraction.as_deref() == Some("jsonld_body") {
        return "missed:jsonld_body".into();
    }
    let reasons = page::loss_reasons(html, missed);
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for r in reasons {
        match counts.iter_mut().find(|(c, _)| *c == r) {
            Some((_, n)) => *n += 1,
            None => counts.push((r, 1)),
        }
    }
    let top = counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or("unknown", |(c, _)| c);
    format!("missed:{top}")
}

/// Score main-text extraction; `html_dir` defaults to `html/` next to the gold file.
pub fn eval_body(gold: &Path, html_dir: Option<&Path>) -> Result<String> {
    let text =
        std::fs::read_to_string(gold).with_context(|| format!("reading {}", gold.display()))?;
    let json: Value = serde_json::from_str(&text).context("gold file is not JSON")?;
    let Value::Object(map) = json else {
        bail!("gold file must be a JSON object")
    };
    let dir = html_dir
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_html_dir(gold));
    let first = map.values().next();
    let is_snippets = first.is_some_and(|v| v.get("with").is_some() || v.get("without").is_some());
    let is_bodies = first.is_some_and(|v| v.get("articleBody").is_some());
    if is_snippets {
        eval_snippets(&map, &dir)
    } else if is_bodies {
        eval_shingles(&map, &dir)
    } else {
        bail!("unknown gold format: expected {{id: {{articleBody}}}} or {{url: {{file, with, without}}}}")
    }
}

/// Whitespace collapsed to single spaces, so text and snippet compare alike.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn eval_snippets(map: &serde_json::Map<String, Value>, dir: &Path) -> Result<String> {
    let (mut tp, mut fn_, mut fp, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut pages = 0usize;
    let mut bytes = 0usize;
    let mut spent = Duration::ZERO;
    let mut misses = String::new();
    let mut per_page: Vec<PageScore> = Vec::new();
    // Sorted keys: a deterministic report.
    let keys: BTreeSet<&String> = map.keys().collect();
    for url in keys {
        let entry = &map[url.as_str()];
        let Some(file) = entry.get("file").and_then(Value::as_str) else {
            continue;
        };
        let path = dir.join(file);
        let Ok(raw) = std::fs::read(&path) else {
            writeln!(misses, "missing page {}", path.display())?;
            continue;
        };
        let start = Instant::now();
        let raw = if decode::is_gzip(&raw) {
            decode::gunzip(&raw, crate::reader::DEFAULT_MAX_BYTES)
                .map_err(|e| anyhow::anyhow!("{e}"))?
        } else {
            raw
        };
        bytes += raw.len();
        let html = decode::decode(&raw).0;
        let page = page::extract_page(&html, Some(url));
        let body = squash(&joined_text(&page));
        spent += start.elapsed();
        pages += 1;
        let mut missed: Vec<&str> = Vec::new();
        let mut unwanted = 0usize;
        let mut wanted = 0usize;
        for snippet in strings(entry.get("with")) {
            wanted += 1;
            if body.contains(&squash(snippet)) {
                tp += 1;
            } else {
                fn_ += 1;
                missed.push(snippet);
                writeln!(misses, "{file}\tmissed\t{snippet}")?;
            }
        }
        for snippet in strings(entry.get("without")) {
            if body.contains(&squash(snippet)) {
                fp += 1;
                unwanted += 1;
                writeln!(misses, "{file}\tunwanted\t{snippet}")?;
            } else {
                tn += 1;
            }
        }
        let found = wanted - missed.len();
        let score = f1(ratio(found, found + unwanted), ratio(found, wanted));
        let class = snippet_error_class(&html, &page, &missed, unwanted);
        per_page.push(PageScore {
            score,
            class,
            page: file.to_string(),
            note: format!(
                "missed {}/{wanted}, unwanted {unwanted}, {}",
                missed.len(),
                page.meta.extraction.as_deref().unwrap_or("no text")
            ),
        });
    }
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let mut out = String::new();
    writeln!(out, "gold format: snippets (with/without)")?;
    writeln!(out, "pages: {pages}")?;
    writeln!(
        out,
        "true positives: {tp}, false negatives: {fn_}, false positives: {fp}, true negatives: {tn}"
    )?;
    writeln!(out, "precision: {precision:.3}")?;
    writeln!(out, "recall: {recall:.3}")?;
    writeln!(out, "f1: {:.3}", f1(precision, recall))?;
    write_speed(&mut out, pages, bytes, spent)?;
    write_per_page(&mut out, per_page)?;
    if details_wanted() {
        out.push_str(&misses);
    }
    Ok(out)
}

fn eval_shingles(map: &serde_json::Map<String, Value>, dir: &Path) -> Result<String> {
    let (mut p_sum, mut r_sum) = (0.0f64, 0.0f64);
    let mut pages = 0usize;
    let mut missing = 0usize;
    let mut bytes = 0usize;
    let mut spent = Duration::ZERO;
    let mut detail = String::new();
    let mut per_page: Vec<PageScore> = Vec::new();
    let keys: BTreeSet<&String> = map.keys().collect();
    for id in keys {
        let gold = map[id.as_str()]
            .get("articleBody")
            .and_then(Value::as_str)
            .unwrap_or("");
        let path = [format!("{id}.html"), format!("{id}.html.gz")]
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.exists());
        let Some(path) = path else {
            missing += 1;
            continue;
        };
        let start = Instant::now();
        let html = load_page(&path)?;
        bytes += html.len();
        let page = page::extract_page(&html, None);
        let body = joined_text(&page);
        spent += start.elapsed();
        let (p, r) = shingle_scores(&body, gold);
        writeln!(detail, "{id}\tP {p:.3}\tR {r:.3}")?;
        let class = if body.is_empty() {
            "no_text"
        } else if p >= 0.99 && r >= 0.99 {
            "ok"
        } else if 1.0 - r >= 1.0 - p {
            "missed_text"
        } else {
            "unwanted_text"
        };
        per_page.push(PageScore {
            score: f1(p, r),
            class: class.to_string(),
            page: id.to_string(),
            note: format!(
                "P {p:.3} R {r:.3}, {}",
                page.meta.extraction.as_deref().unwrap_or("no text")
            ),
        });
        p_sum += p;
        r_sum += r;
        pages += 1;
    }
    let precision = if pages > 0 { p_sum / pages as f64 } else { 0.0 };
    let recall = if pages > 0 { r_sum / pages as f64 } else { 0.0 };
    let mut out = String::new();
    writeln!(out, "gold format: article bodies (4-word shingles)")?;
    writeln!(out, "pages: {pages} (missing html: {missing})")?;
    writeln!(out, "precision: {precision:.3}")?;
    writeln!(out, "recall: {recall:.3}")?;
    writeln!(out, "f1: {:.3}", f1(precision, recall))?;
    write_speed(&mut out, pages, bytes, spent)?;
    write_per_page(&mut out, per_page)?;
    if details_wanted() {
        out.push_str(&detail);
    }
    Ok(out)
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("word pattern"));

fn shingles(text: &str) -> BTreeSet<String> {
    let tokens: Vec<String> = WORD
        .find_iter(text)
        .map(|m| m.as_str().to_lowercase())
        .collect();
    if tokens.len() < 4 {
        return if tokens.is_empty() {
            BTreeSet::new()
        } else {
            [tokens.join(" ")].into()
        };
    }
    tokens.windows(4).map(|w| w.join(" ")).collect()
}

/// Precision and recall of the predicted text's shingles against the gold text's. An empty
/// prediction for an empty gold scores 1/1.
fn shingle_scores(predicted: &str, gold: &str) -> (f64, f64) {
    let pred = shingles(predicted);
    let truth = shingles(gold);
    if pred.is_empty() && truth.is_empty() {
        return (1.0, 1.0);
    }
    let common = pred.intersection(&truth).count();
    let p = if pred.is_empty() {
        0.0
    } else {
        common as f64 / pred.len() as f64
    };
    let r = if truth.is_empty() {
        0.0
    } else {
        common as f64 / truth.len() as f64
    };
    (p, r)
}

/// Score publication dates; `html_dir` defaults to `html/` next to the CSV.
pub fn eval_pubdates(gold_csv: &Path, html_dir: Option<&Path>) -> Result<String> {
    let dir = html_dir
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_html_dir(gold_csv));
    let mut reader = csv::Reader::from_path(gold_csv)
        .with_context(|| format!("reading {}", gold_csv.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(url_col), Some(file_col), Some(date_col)) = (col("url"), col("file"), col("date"))
    else {
        bail!("gold CSV needs the columns url, file, date");
    };
    let (mut rows, mut right, mut returned, mut gold_dated, mut right_dated) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut bytes = 0usize;
    let mut spent = Duration::ZERO;
    let mut misses = String::new();
    let mut per_page: Vec<PageScore> = Vec::new();
    for record in reader.records() {
        let record = record?;
        let url = record.get(url_col).unwrap_or("");
        let file = record.get(file_col).unwrap_or("");
        let gold = record.get(date_col).unwrap_or("").trim();
        rows += 1;
        let mut source = String::new();
        let path = dir.join(file);
        let found = match std::fs::read(&path) {
            Ok(raw) => {
                let start = Instant::now();
                let raw = if decode::is_gzip(&raw) {
                    decode::gunzip(&raw, crate::reader::DEFAULT_MAX_BYTES)
                        .map_err(|e| anyhow::anyhow!("{e}"))?
                } else {
                    raw
                };
                bytes += raw.len();
                let html = decode::decode(&raw).0;
                let page = page::extract_page(&html, (!url.is_empty()).then_some(url));
                spent += start.elapsed();
                source = page
                    .meta
                    .extra
                    .get("published_source")
                    .cloned()
                    .unwrap_or_default();
                if let Some(stamp) = page.meta.extra.get("published_time") {
                    source = format!("{source} {stamp}");
                }
                page.meta.published
            }
            Err(_) => None,
        };
        let found_day = found.as_deref().map(|d| d.get(..10).unwrap_or(d));
        if found_day.is_some() {
            returned += 1;
        }
        if !gold.is_empty() {
            gold_dated += 1;
        }
        let ok = match found_day {
            Some(d) => d == gold,
            None => gold.is_empty(),
        };
        if ok {
            right += 1;
            if !gold.is_empty() {
                right_dated += 1;
            }
        }
        let class = date_error_class(gold, found_day);
        let origin = source.split_whitespace().next().unwrap_or("");
        per_page.push(PageScore {
            score: if ok { 1.0 } else { 0.0 },
            class: if ok || origin.is_empty() {
                class.to_string()
            } else {
                format!("{class}({origin})")
            },
            page: file.to_string(),
            note: format!("gold {gold}, got {}", found_day.unwrap_or("-")),
        });
        if !ok || all_details_wanted() {
            writeln!(
                misses,
                "{}{file}\tgold {gold}\tgot {} ({source})\t{url}",
                if ok { "ok " } else { "MISS " },
                found_day.unwrap_or("-")
            )?;
        }
    }
    let mut out = String::new();
    writeln!(out, "rows: {rows} (with a gold date: {gold_dated})")?;
    writeln!(
        out,
        "accuracy (exact day, none=none counts): {:.3} ({right}/{rows})",
        ratio(right, rows)
    )?;
    writeln!(
        out,
        "accuracy on dated rows: {:.3} ({right_dated}/{gold_dated})",
        ratio(right_dated, gold_dated)
    )?;
    writeln!(
        out,
        "coverage (a date returned): {:.3} ({returned}/{rows})",
        ratio(returned, rows)
    )?;
    write_speed(&mut out, rows, bytes, spent)?;
    write_per_page(&mut out, per_page)?;
    if details_wanted() {
        out.push_str(&misses);
    }
    Ok(out)
}

/// The class of a date miss: `ok`; `no_date` (none found, gold has one);
/// `date_without_gold` (the gold says the page has no reliable date); `one_day_off` (a
/// time-zone or day-boundary disagreement); `earlier_date` / `later_date` (another date
/// on the page won: a related item, a version line, a current-time box).
fn date_error_class(gold: &str, found: Option<&str>) -> &'static str {
    use newsmill_core::civil::CivilDate;
    match (gold.is_empty(), found) {
        (true, None) => "ok",
        (false, None) => "no_date",
        (true, Some(_)) => "date_without_gold",
        (false, Some(f)) if f == gold => "ok",
        (false, Some(f)) => match (CivilDate::parse_iso(gold), CivilDate::parse_iso(f)) {
            (Some(g), Some(f)) => {
                let diff = f.day_number() - g.day_number();
                if diff.abs() == 1 {
                    "one_day_off"
                } else if diff < 0 {
                    "earlier_date"
                } else {
                    "later_date"
                }
            }
            _ => "unreadable_gold",
        },
    }
}

fn write_speed(out: &mut String, pages: usize, bytes: usize, spent: Duration) -> std::fmt::Result {
    let secs = spent.as_secs_f64().max(1e-9);
    writeln!(
        out,
        "speed: {:.1} pages/s, {:.1} MB/s (decode + parse + extract, one thread)",
        pages as f64 / secs,
        bytes as f64 / 1e6 / secs
    )
}

fn strings(v: Option<&Value>) -> impl Iterator<Item = &str> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scoring() {
        let gold = "one two three four five";
        assert_eq!(shingle_scores(gold, gold), (1.0, 1.0));
        let (p, r) = shingle_scores("one two three four", gold);
        assert_eq!((p, r), (1.0, 0.5));
        assert_eq!(shingle_scores("", gold), (0.0, 0.0));
    }

    #[test]
    fn detects_gold_formats() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("html")).unwrap();
        std::fs::write(
            dir.path().join("html/a.html"),
            "<html><body><article><p>The quick brown fox jumps over the lazy dog again and again today.</p></article><footer>Footer text here</footer></body></html>",
        )
        .unwrap();
        let bodies = dir.path().join("bodies.json");
        std::fs::write(&bodies, r#"{"a": {"articleBody": "The quick brown fox jumps over the lazy dog again and again today."}}"#).unwrap();
        let report = eval_body(&bodies, None).unwrap();
        assert!(report.contains("f1: 1.000"), "{report}");
        let snippets = dir.path().join("snippets.json");
        std::fs::write(
            &snippets,
            r#"{"u": {"file": "a.html", "with": ["lazy dog"], "without": ["Footer text"]}}"#,
        )
        .unwrap();
        let report = eval_body(&snippets, None).unwrap();
        assert!(report.contains("f1: 1.000"), "{report}");
        let csv = dir.path().join("dates.csv");
        std::fs::write(
            &csv,
            "url,file,date\nhttps://x.org/2020/06/07/a,a.html,2020-06-07\n",
        )
        .unwrap();
        let report = eval_pubdates(&csv, None).unwrap();
        assert!(report.contains("(1/1)"), "{report}");
    }
}
