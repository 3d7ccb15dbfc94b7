//! newsmill-report: report.html, the folder at a glance before anyone opens a table.
//!
//! One self-contained file: styles and the one small script inline, charts drawn as inline
//! SVG ([`svg`]), no font, image or script fetched, so it opens with the network off. It
//! shows the run's counts, errors by code and dropped documents by reason, articles over
//! time, languages and sources, the most named people, organisations and places, quotes by
//! speaker and casualty facts over time.
//!
//! [`Report`] is fed every article, error and dropped document as the run writes them
//! (tallies only, no text is kept, so memory grows with distinct names and days, not with
//! the corpus) and [`Report::render`] writes the page. Every tally is a `BTreeMap` and every
//! ranking breaks ties by name, so the same input gives the same bytes.

mod page;
pub mod svg;

use std::collections::BTreeMap;

use newsmill_core::{Article, EntityKind};

/// How many names a ranking shows.
const TOP: usize = 15;

/// Facts counted as casualties in the report's chart.
const CASUALTY_KINDS: [&str; 2] = ["killed", "wounded"];

/// Tallies of one run, fed as its outputs are written.
#[derive(Debug, Default, Clone)]
pub struct Report {
    articles: u64,
    words: u64,
    error_rows: u64,
    errors_by_code: BTreeMap<String, u64>,
    dropped_by_reason: BTreeMap<String, u64>,
    undated: u64,
    /// Articles by publication day (`YYYY-MM-DD`).
    by_day: BTreeMap<String, u64>,
    languages: BTreeMap<String, u64>,
    sources: BTreeMap<String, u64>,
    /// Articles naming each entity, by kind.
    people: BTreeMap<String, u64>,
    organizations: BTreeMap<String, u64>,
    places: BTreeMap<String, u64>,
    /// Geocoded places: name -> (lat, lon, articles naming it), for the map.
    located: BTreeMap<String, (f64, f64, u64)>,
    speakers: BTreeMap<String, u64>,
    quotes: u64,
    unattributed_quotes: u64,
    /// Casualty counts by kind and month (`YYYY-MM`) of the fact's date.
    casualties: BTreeMap<&'static str, BTreeMap<String, u64>>,
}

impl Report {
    pub fn new() -> Self {
        Report::default()
    }

    pub fn add_article(&mut self, article: &Article) {
        let meta = &article.meta;
        self.articles += 1;
        self.words += article.word_count() as u64;
        match meta.published.as_deref().and_then(day) {
            Some(d) => *self.by_day.entry(d.to_string()).or_default() += 1,
            None => self.undated += 1,
        }
        let language = meta.language.as_deref().unwrap_or("(unknown)");
        *self.languages.entry(language.to_string()).or_default() += 1;
        *self.sources.entry(source(article)).or_default() += 1;
        let mut seen = std::collections::BTreeSet::new();
        for entity in &article.annotations.entities {
            if !seen.insert((entity.kind.as_str(), entity.name.as_str())) {
                continue;
            }
            let tally = match entity.kind {
                EntityKind::Person => &mut self.people,
                EntityKind::Organization => &mut self.organizations,
                EntityKind::Location => &mut self.places,
                EntityKind::Misc => continue,
            };
            *tally.entry(entity.name.clone()).or_default() += 1;
        }
        let mut mapped = std::collections::BTreeSet::new();
        for geo in &article.annotations.geocodes {
            let (Some(lat), Some(lon)) = (geo.lat, geo.lon) else {
                continue;
            };
            let Some(entity) = article.annotations.entities.get(geo.entity) else {
                continue;
            };
            if mapped.insert(entity.name.as_str()) {
                let point = self
                    .located
                    .entry(entity.name.clone())
                    .or_insert((lat, lon, 0));
                point.2 += 1;
            }
        }
        for quote in &article.annotations.quotes {
            self.quotes += 1;
            match quote.speaker.as_deref().filter(|s| !s.is_empty()) {
                Some(speaker) => *self.speakers.entry(speaker.to_string()).or_default() += 1,
                None => self.unattributed_quotes += 1,
            }
        }
        for fact in &article.annotations.facts {
            let Some(kind) = CASUALTY_KINDS.iter().find(|k| **k == fact.kind) else {
                continue;
            };
            let date = fact
                .date_start
                .as_deref()
                .or(meta.published.as_deref())
                .and_then(day);
            if let (Some(date), Some(count)) = (date, fact.count) {
                *self
                    .casualties
                    .entry(kind)
                    .or_default()
                    .entry(date[..7].to_string())
                    .or_default() += count;
            }
        }
    }

    /// A row of errors.csv (its stable code).
    pub fn add_error(&mut self, code: &str) {
        self.error_rows += 1;
        *self.errors_by_code.entry(code.to_string()).or_default() += 1;
    }

    /// A row of dropped.csv (its reason).
    pub fn add_dropped(&mut self, reason: &str) {
        *self
            .dropped_by_reason
            .entry(reason.to_string())
            .or_default() += 1;
    }

    /// The page.
    pub fn render(&self) -> String {
        page::render(self)
    }
}

/// Where an article comes from, for the sources chart: its publisher, else its URL's host,
/// else the first folder of its id (a folder per source is how many corpora are kept).
fn source(article: &Article) -> String {
    let meta = &article.meta;
    if let Some(publisher) = meta.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        return publisher.trim().to_string();
    }
    if let Some(host) = meta.url.as_deref().and_then(host) {
        return host.to_string();
    }
    match article.id.split_once('/') {
        Some((folder, _)) => format!("{folder}/"),
        None => "(top folder)".into(),
    }
}

/// The host of an `http(s)` URL, without `www.`.
fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The `YYYY-MM-DD` day at the start of a date or timestamp.
fn day(text: &str) -> Option<&str> {
    let d = text.get(..10)?;
    newsmill_core::civil::CivilDate::parse_iso(d).map(|_| d)
}

/// The largest tallies first, ties by name, at most `n`.
fn top(tally: &BTreeMap<String, u64>, n: usize) -> Vec<(String, u64)> {
    let mut items: Vec<(String, u64)> = tally.iter().map(|(k, v)| (k.clone(), *v)).collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    items.truncate(n);
    items
}

/// HTML-escaped text (also safe inside attribute values).
pub(crate) fn esc(text: &str) -> String {
    htmlize::escape_all_quotes(text).into_owned()
}

#[cfg(test)]
mod tests;
