//! The HTML page around the charts.

use std::collections::BTreeMap;

use newsmill_core::civil::{month_from_index, CivilDate};

use crate::{esc, svg, top, Report, TOP};

const STYLE: &str = "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;max-width:1400px;color:#222;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:0 0 8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:16px}
section{border:1px solid #ddd;border-radius:6px;padding:12px 14px;background:#fff}
.counts{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0 18px}
.count{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}
.count b{display:block;font-size:20px}
svg.chart{width:100%;height:auto}
.bar{fill:#3a78b5}.bar:hover{fill:#1d4f80}
.label{font-size:11px;fill:#333}.value{font-size:10px;fill:#666}.axis{stroke:#999}
.sea{fill:#eef4f8}.grid{stroke:#d5dde5;stroke-width:.5}.place{fill:#c0392b;fill-opacity:.6}.place:hover{fill-opacity:.9}
table{border-collapse:collapse}td,th{padding:2px 10px 2px 0;text-align:left}td.n{text-align:right}
.none,.note{color:#777}";

/// Marks on `<body>` how many charts the browser laid out with a non-empty box (the
/// headless-browser test reads it; a person never sees it).
const SCRIPT: &str = "addEventListener('load',function(){var c=document.querySelectorAll('svg.chart'),n=0;c.forEach(function(s){var b=s.getBBox();if(b.width>0&&b.height>0&&s.querySelectorAll('rect').length>0)n++;});document.body.dataset.charts=c.length;document.body.dataset.chartsDrawn=n;});";

/// Places drawn on the map at most (the most named).
const MAP_POINTS: usize = 300;

pub fn render(r: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
    out.push_str("<title>newsmill report</title><style>");
    out.push_str(STYLE);
    out.push_str("</style><script>");
    out.push_str(SCRIPT);
    out.push_str("</script></head><body>\n<h1>newsmill report</h1>\n");
    out.push_str("<div class=\"counts\">");
    let dropped: u64 = r.dropped_by_reason.values().sum();
    for (label, value) in [
        ("articles", r.articles),
        ("words", r.words),
        ("dropped", dropped),
        ("error rows", r.error_rows),
        ("quotes", r.quotes),
        ("undated articles", r.undated),
    ] {
        out.push_str(&format!(
            "<div class=\"count\"><b>{value}</b>{}</div>",
            esc(label)
        ));
    }
    out.push_str("</div>\n<div class=\"grid\">\n");
    let (period, over_time) = articles_over_time(&r.by_day);
    section(
        &mut out,
        &format!("Articles by {period} of publication"),
        &svg::columns("articles-over-time", &over_time),
    );
    section(
        &mut out,
        "Languages",
        &svg::bars("languages", &top(&r.languages, TOP)),
    );
    section(
        &mut out,
        "Sources (publisher, else web site, else folder)",
        &svg::bars("sources", &top(&r.sources, TOP)),
    );
    for (title, id, tally) in [
        ("People (articles naming them)", "people", &r.people),
        (
            "Organisations (articles naming them)",
            "organizations",
            &r.organizations,
        ),
        ("Places (articles naming them)", "places", &r.places),
    ] {
        section(&mut out, title, &svg::bars(id, &top(tally, TOP)));
    }
    let mut speakers = svg::bars("speakers", &top(&r.speakers, TOP));
    speakers.push_str(&format!(
        "<p class=\"note\">{} of {} quotes have no known speaker.</p>",
        r.unattributed_quotes, r.quotes
    ));
    section(&mut out, "Quotes by speaker", &speakers);
    for kind in crate::CASUALTY_KINDS {
        let series = r
            .casualties
            .get(kind)
            .map(continuous_months)
            .unwrap_or_default();
        section(
            &mut out,
            &format!("People {kind}, by month of the fact's date"),
            &svg::columns(&format!("casualties-{kind}"), &series),
        );
    }
    section(
        &mut out,
        "Errors by code",
        &count_table(&r.errors_by_code, "no errors"),
    );
    section(
        &mut out,
        "Dropped documents by reason",
        &count_table(&r.dropped_by_reason, "nothing dropped"),
    );
    let map = if r.located.is_empty() {
        "<p class=\"none\">no map: this run's places are not geocoded (stage `link.places`)</p>"
            .to_string()
    } else {
        let mut points: Vec<(String, f64, f64, u64)> = r
            .located
            .iter()
            .map(|(name, (lat, lon, n))| (name.clone(), *lat, *lon, *n))
            .collect();
        // Most named first (ties by name), so the biggest circles are labelled.
        points.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
        points.truncate(MAP_POINTS);
        svg::map("map", &points)
    };
    section(
        &mut out,
        "Map of places (articles naming each geocoded place)",
        &map,
    );
    out.push_str("</div>\n</body></html>\n");
    out
}

fn section(out: &mut String, title: &str, body: &str) {
    out.push_str(&format!(
        "<section><h2>{}</h2>{body}</section>\n",
        esc(title)
    ));
}

fn count_table(tally: &BTreeMap<String, u64>, none: &str) -> String {
    if tally.is_empty() {
        return format!("<p class=\"none\">{}</p>", esc(none));
    }
    let mut table = String::from("<table>");
    for (name, n) in top(tally, usize::MAX) {
        table.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{n}</td></tr>",
            esc(&name)
        ));
    }
    table.push_str("</table>");
    table
}

/// Articles per period with empty periods filled: by day over up to 62 days, by month over
/// up to 20 years, by year beyond.
fn articles_over_time(by_day: &BTreeMap<String, u64>) -> (&'static str, Vec<(String, u64)>) {
    let days: Vec<(CivilDate, u64)> = by_day
        .iter()
        .filter_map(|(d, n)| CivilDate::parse_iso(d).map(|d| (d, *n)))
        .collect();
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return ("month", Vec::new());
    };
    let span = last.0.day_number() - first.0.day_number();
    if span <= 62 {
        let mut series = Vec::new();
        let mut counts = days.iter().peekable();
        for n in first.0.day_number()..=last.0.day_number() {
            let d = CivilDate::from_day_number(n);
            let count = match counts.peek() {
                Some((day, c)) if *day == d => {
                    counts.next();
                    *c
                }
                _ => 0,
            };
            series.push((format!("{:04}-{:02}-{:02}", d.year, d.month, d.day), count));
        }
        return ("day", series);
    }
    let mut months = BTreeMap::new();
    for (d, n) in &days {
        *months
            .entry(format!("{:04}-{:02}", d.year, d.month))
            .or_insert(0) += n;
    }
    if span <= 20 * 366 {
        return ("month", continuous_months(&months));
    }
    let mut years: BTreeMap<i32, u64> = BTreeMap::new();
    for (d, n) in &days {
        *years.entry(d.year).or_insert(0) += n;
    }
    let (first, last) = (first.0.year, last.0.year);
    let series = (first..=last)
        .map(|y| (y.to_string(), years.get(&y).copied().unwrap_or(0)))
        .collect();
    ("year", series)
}

/// `YYYY-MM` tallies with the months between them filled with zero.
fn continuous_months(months: &BTreeMap<String, u64>) -> Vec<(String, u64)> {
    let index = |m: &str| CivilDate::parse_iso(&format!("{m}-01")).map(|d| d.month_index());
    let (Some(first), Some(last)) = (
        months.keys().next().and_then(|m| index(m)),
        months.keys().next_back().and_then(|m| index(m)),
    ) else {
        return Vec::new();
    };
    (first..=last)
        .map(|i| {
            let (y, m) = month_from_index(i);
            let key = format!("{y:04}-{m:02}");
            let n = months.get(&key).copied().unwrap_or(0);
            (key, n)
        })
        .collect()
}
