//! Page metadata: title, authors, dates, publisher, canonical URL, description, language.
//!
//! Sources, in order of trust: JSON-LD article objects, `<meta>` tags (OpenGraph,
//! `article:*`, Twitter, Dublin Core, common CMS names), microdata (`itemprop`), `<time
//! datetime>`, byline markup, the URL path, publication-date keys inside scripts and
//! comments, and visible date text near bylines.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use scraper::{ElementRef, Html, Node};

use crate::dates::{self, Day};
use crate::dom::attr_value;
use crate::jsonld::{self, LdArticle};
use newsmill_core::Metadata;

/// Meta names that carry the publication date, most specific first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "datepublished",
    "article.published",
    "article_date_original",
    "publication_date",
    "publish_date",
    "publish-date",
    "publishdate",
    "pubdate",
    "pub_date",
    "cxenseparse:recs:publishtime",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "originalpublicationdate",
    "bt:pubdate",
    "date_published",
    "rnews:datepublished",
    "article.created",
    "created",
    "dc.date",
    "dcterms.date",
    "date",
    "og:pubdate",
    "citation_publication_date",
    "citation_date",
    "displaydate",
    "datecreated",
    "content_create_date",
    "creation_date",
    "last-modified-not",
];

const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "article.updated",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "revised",
    "modified_time",
];

const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "twitter:creator",
    "citation_author",
];

/// Date keys that page scripts (JSON blobs, data layers, RDF comments) write the
/// publication date under, most specific first; matched case-insensitively.
const SCRIPT_DATE_KEYS: &[&str] = &[
    "datepublished",
    "date_published",
    "publishdate",
    "publisheddate",
    "publish_date",
    "published_at",
    "pubdate",
    "publicationdate",
    "publication_date",
    "firstpublisheddate",
    "dc:date",
    "datecreated",
];

/// Finds the keys of [`SCRIPT_DATE_KEYS`] in any case. Scripts are not JSON-LD often
/// enough (data layers, app state, broken JSON, RDF in comments) that a key match is the
/// only general way in; a literal automaton keeps the scan over every script cheap.
static SCRIPT_DATE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(SCRIPT_DATE_KEYS)
        .expect("script date keys")
});

/// Keyed dates (`"key": "value"`, `key="value"`, also JSON-escaped quotes) found in
/// scripts and comments, as `(rank in SCRIPT_DATE_KEYS, value)`.
fn script_dates(text: &str, out: &mut Vec<(usize, String)>) {
    let bytes = text.as_bytes();
    for m in SCRIPT_DATE_FINDER.find_iter(text) {
        if out.len() >= 40 {
            return;
        }
        let glued = m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric();
        if glued {
            continue;
        }
        if let Some(value) = quoted_value_after_key(&text[m.end()..]) {
            out.push((m.pattern().as_usize(), value.to_string()));
        }
    }
}

/// The quoted value after a key: `": "v"`, `='v'`, `\":\"v\"`; 6 to 40 bytes long.
fn quoted_value_after_key(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix('\\').unwrap_or(rest);
    let rest = rest.strip_prefix(['"', '\'']).unwrap_or(rest);
    let rest = rest.trim_start().strip_prefix([':', '='])?.trim_start();
    let rest = rest.strip_prefix('\\').unwrap_or(rest);
    let rest = rest.strip_prefix(['"', '\''])?;
    let end = rest.find(['"', '\'', '\\'])?;
    let value = rest.get(..end)?;
    (6..=40).contains(&value.len()).then_some(value)
}

/// Everything one pass over the page collects.
#[derive(Debug, Default)]
struct Raw {
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    ld_scripts: Vec<String>,
    html_lang: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    /// `(datetime or content attribute, visible text, marked as publication date)`.
    times: Vec<(Option<String>, String, bool)>,
    bylines: Vec<String>,
    /// Short texts of elements whose class/id talk about dates.
    date_texts: Vec<String>,
    /// Short visible text nodes from the first `<h1>` on (from `<body>` without one).
    texts_after_h1: Vec<String>,
    texts_from_body: Vec<String>,
    /// Publication dates under known keys inside scripts and comments.
    script_dates: Vec<(usize, String)>,
}

/// The page metadata plus the JSON-LD body, which the extractor may fall back to.
#[derive(Debug, Default)]
pub struct PageMeta {
    pub meta: Metadata,
    pub ld_body: Option<String>,
}

pub fn extract(html: &Html, url_hint: Option<&str>) -> PageMeta {
    let raw = collect(html);
    let ld = jsonld::parse(&raw.ld_scripts);
    let mut meta = Metadata {
        url: raw
            .canonical
            .clone()
            .filter(|u| u.starts_with("http"))
            .or_else(|| meta_value(&raw, &["og:url", "twitter:url"]))
            .or_else(|| ld.url.clone().filter(|u| u.starts_with("http"))),
        ..Metadata::default()
    };
    let lang_raw = raw
        .html_lang
        .clone()
        .or_else(|| {
            meta_value(
                &raw,
                &["content-language", "language", "dc.language", "og:locale"],
            )
        })
        .or_else(|| ld.language.clone());
    meta.language = lang_raw.as_deref().and_then(iso639_1);

    meta.title = meta_value(&raw, &["og:title"])
        .or_else(|| ld.headline.clone())
        .or_else(|| meta_value(&raw, &["twitter:title", "dc.title", "headline"]))
        .or_else(|| raw.h1.clone())
        .or_else(|| raw.title.clone())
        .map(|t| clean_title(&t, meta_value(&raw, &["og:site_name"]).as_deref()));
    meta.description = meta_value(
        &raw,
        &[
            "description",
            "og:description",
            "twitter:description",
            "dc.description",
        ],
    )
    .or_else(|| ld.description.clone());
    meta.authors = authors(&raw, &ld);
    meta.publisher = meta_value(
        &raw,
        &[
            "og:site_name",
            "application-name",
            "publisher",
            "dc.publisher",
        ],
    )
    .or_else(|| ld.publisher.clone())
    .or_else(|| meta.url.as_deref().or(url_hint).and_then(domain_of));

    decode_leftover_references(&mut meta);

    let month_first = lang_raw.as_deref().is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        l == "en-us" || l == "en_us" || l == "en"
    });
    // The page's own address first (its host gives the time zone), then the canonical
    // one: a syndicated copy often keeps the dated address of the original.
    let urls: Vec<&str> = url_hint.into_iter().chain(meta.url.as_deref()).collect();
    let english = lang_raw
        .as_deref()
        .is_some_and(|l| l.to_ascii_lowercase().starts_with("en"));
    if let Some(found) = published(&raw, &ld, &urls, month_first, english) {
        meta.published = Some(found.day.iso());
        meta.published_source = Some(found.source.into());
        meta.extra
            .insert("published_source".into(), found.source.into());
        if let Some(full) = found.raw.filter(|r| r.len() > 10) {
            meta.extra.insert("published_time".into(), full);
        }
    }
    meta.modified = ld
        .date_modified
        .as_deref()
        .and_then(dates::parse_iso)
        .or_else(|| {
            meta_value(&raw, MODIFIED_KEYS)
                .as_deref()
                .and_then(dates::parse_iso)
        })
        .map(|d| d.iso());
    if let Some(kind) = &ld.kind {
        meta.extra.insert("jsonld_type".into(), kind.clone());
    }
    for (key, extra) in [
        ("og:type", "og_type"),
        ("keywords", "keywords"),
        ("article:section", "section"),
    ] {
        if let Some(v) = meta_value(&raw, &[key]) {
            meta.extra.insert(extra.into(), v);
        }
    }
    PageMeta {
        meta,
        ld_body: ld.article_body.clone(),
    }
}

fn collect(html: &Html) -> Raw {
    let mut raw = Raw::default();
    let mut seen_h1 = false;
    let mut class = String::new();
    let mut seen_body = false;
    // The last short text was a label of some other date ("Effective Date", "Expires").
    let mut after_other_label = false;
    let mut furniture = Furniture::default();
    for node in html.tree.nodes() {
        if let Node::Comment(c) = node.value() {
            script_dates(c, &mut raw.script_dates);
            continue;
        }
        if let Node::Text(t) = node.value() {
            let wanted = (seen_h1 && raw.texts_after_h1.len() < 300)
                || (seen_body && raw.texts_from_body.len() < 300);
            if !wanted {
                continue;
            }
            let text = t.trim();
            if text.is_empty() {
                continue;
            }
            if !has_digit(text) {
                after_other_label = text.len() <= 40 && names_other_date(text);
                continue;
            }
            if std::mem::take(&mut after_other_label) || label_before_date(text) {
                continue;
            }
            // A long text is a paragraph; only a date that opens it ("27.1.2022 - Die
            // Stadt ...") is the page's dateline.
            let text = if text.len() > 200 {
                match opening_dateline(text) {
                    Some(head) => head,
                    None => continue,
                }
            } else {
                text
            };
            let in_code = node
                .parent()
                .and_then(|p| p.value().as_element())
                .is_some_and(|e| {
                    matches!(
                        e.name.local.as_ref(),
                        "script" | "style" | "noscript" | "template" | "title"
                    )
                });
            if in_code
                || in_todays_date_box(node)
                || furniture.around(node)
                || (!has_full_year(text) && in_footer(node))
            {
                continue;
            }
            raw.push_visible_text(text, seen_h1, seen_body);
            continue;
        }
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name.local.as_ref() {
            "h1" => seen_h1 = true,
            "body" => seen_body = true,
            _ => {}
        }
        let name = el.name.local.as_ref();
        let Some(eref) = ElementRef::wrap(node) else {
            continue;
        };
        match name {
            "html" => {
                raw.html_lang = attr_value(el, "lang")
                    .or_else(|| attr_value(el, "xml:lang"))
                    .map(str::to_string)
            }
            "meta" => {
                let key = attr_value(el, "property")
                    .or_else(|| attr_value(el, "name"))
                    .or_else(|| attr_value(el, "itemprop"))
                    .or_else(|| attr_value(el, "http-equiv"));
                if let (Some(k), Some(c)) = (key, attr_value(el, "content")) {
                    let c = c.trim();
                    if !c.is_empty() {
                        raw.metas
                            .push((k.trim().to_ascii_lowercase(), c.to_string()));
                    }
                }
            }
            "link" => {
                let rel = attr_value(el, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && raw.canonical.is_none() {
                    raw.canonical = attr_value(el, "href").map(|h| h.trim().to_string());
                }
            }
            "script" => {
                let ty = attr_value(el, "type").unwrap_or("").to_ascii_lowercase();
                for chunk in eref.text() {
                    script_dates(chunk, &mut raw.script_dates);
                    if seen_body && attr_value(el, "src").is_none() {
                        if let Some(stamp) = rendered_date_literal(chunk) {
                            raw.push_visible_text(stamp, seen_h1, seen_body);
                        }
                    }
                }
                if ty.contains("ld+json") {
                    raw.ld_scripts.push(eref.text().collect());
                }
            }
            "title" if raw.title.is_none() => raw.title = nonempty(short_text(eref, 400)),
            "h1" if raw.h1.is_none() => raw.h1 = nonempty(short_text(eref, 400)),
            _ => {}
        }
        let itemprop = attr_value(el, "itemprop")
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        class.clear();
        for attr in ["class", "id"] {
            if let Some(v) = attr_value(el, attr) {
                class.push_str(v);
                class.push(' ');
            }
        }
        class.make_ascii_lowercase();
        let unix_stamp = (name != "time"
            && !itemprop.contains("modified")
            && attr_value(el, "datetime").is_none()
            && attr_value(el, "content").is_none())
        .then(|| unix_time_attr(el))
        .flatten();
        if let Some(stamp) = unix_stamp.filter(|_| !furniture.around(node)) {
            let marked = itemprop.contains("datepublished") || class.contains("publish");
            if raw.times.len() < 50 {
                raw.times.push((Some(stamp), short_text(eref, 200), marked));
            }
        } else if (name == "time"
            || itemprop.contains("datepublished")
            || (name != "meta" && matches!(itemprop.as_str(), "dateupdate" | "datecreated")))
            && !furniture.around(node)
        {
            let attr = attr_value(el, "datetime")
                .or_else(|| attr_value(el, "content"))
                .map(str::to_string);
            let marked = itemprop.contains("datepublished")
                || attr_value(el, "pubdate").is_some()
                || class.contains("publish")
                || class.contains("posted")
                || class.contains("pubdate");
            if raw.times.len() < 50 {
                raw.times.push((attr, short_text(eref, 200), marked));
            }
        }
        if name != "meta" && name != "link" && name != "html" && name != "body" {
            let rel = attr_value(el, "rel").unwrap_or("");
            let is_byline = itemprop == "author"
                || rel == "author"
                || class.contains("byline")
                || class.contains("author-name");
            if is_byline && raw.bylines.len() < 10 {
                let t = short_text(eref, 200);
                if !t.is_empty() {
                    raw.bylines.push(t);
                }
            }
            if raw.date_texts.len() < 40
                && !is_todays_date_box(&class)
                && !furniture.around(node)
                && [
                    "date", "time", "publish", "posted", "byline", "meta", "fecha", "data", "datum",
                ]
                .iter()
                .any(|w| class.contains(w))
            {
                let t = short_text(eref, 300);
                if !t.is_empty() && t.chars().count() < 300 && !names_other_date(&t) {
                    raw.date_texts.push(t);
                }
            }
        }
    }
    raw
}

/// Labels of dates that are not the page's (records, notices and listings label them:
/// `<dt>Effective Date</dt><dd>July 25, 2020</dd>`; a forum's "It is currently ...", a
/// licence's "Version 3, 29 June 2007", a menu's "(bis 31.12.2018)"). Mostly English,
/// with the current-time and validity words of German, Spanish and French.
const OTHER_DATE_LABELS: &[&str] = &[
    "effective",
    "expires",
    "expiry",
    "expiration",
    "deadline",
    "date of birth",
    "born",
    "due date",
    "closing date",
    "valid until",
    "valid from",
    "start date",
    "end date",
    "event date",
    "incorporated",
    // current-time lines of forums and portals
    "current time",
    "currently",
    "time now",
    "aktuelle zeit",
    "hora actual",
    "heure actuelle",
    "server time",
    "serverzeit",
    "uhrzeit",
    "local time",
    "ortszeit",
    "hora local",
    "heure locale",
    "czas serwera",
    "aktualny czas",
    // validity ranges in navigation ("(bis 31.12.2018)") and version lines
    "until",
    "bis",
    "hasta",
    "jusqu'au",
    "version",
];

/// Finds any of `words` in any ASCII case.
fn word_finder(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("literal words build an automaton")
}

static OTHER_DATE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| word_finder(OTHER_DATE_LABELS));

/// Whether a text names a date that is not the page's publication date: a label as whole
/// words ("Born" yes, "By George Osborne" no).
fn names_other_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let word_byte = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    OTHER_DATE_FINDER.find_iter(text).any(|m| {
        let glued_before = m.start() > 0 && word_byte(m.start() - 1);
        !glued_before && !word_byte(m.end())
    })
}

/// Whether a text names another kind of date before its first digit ("Version 3, 29 June
/// 2007", "It is currently Tue Dec 01, 2020", "(bis 31.12.2018)").
fn label_before_date(text: &str) -> bool {
    let first_digit = text
        .char_indices()
        .find(|(_, c)| c.is_numeric())
        .map_or(text.len(), |(i, _)| i);
    first_digit <= 60 && names_other_date(&text[..first_digit])
}

/// The date that opens a long paragraph, up to the dash or colon that follows it
/// ("27.1.2022 - Die Stadt ...", "BERLIN, 27. Januar 2022 – ..."): the dateline news
/// agencies and small sites write instead of a date element.
fn opening_dateline(text: &str) -> Option<&str> {
    let head_end = text.char_indices().nth(60).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let cut = [" - ", " – ", " — ", ": ", " | "]
        .iter()
        .filter_map(|sep| head.find(sep))
        .min()?;
    let dateline = head[..cut].trim();
    (has_digit(dateline) && dates::parse(dateline, false).is_some()).then_some(dateline)
}

/// Class/id words of boxes that list other items of the site (sidebars, recent and
/// related posts, comment threads): their dates belong to those items.
const FURNITURE_HINTS: &[&str] = &[
    "sidebar", "related", "recent", "popular", "trending", "comment", "comments",
];

/// How many ancestors of a date are looked at: a widget's date sits a few levels inside
/// it, while layout wrappers further up (`<div class="content right-sidebar">` around
/// the whole page) name the page's layout, not the date's box.
const FURNITURE_DEPTH: usize = 6;

/// Whether a class token names a furniture box: the word alone or as its first or last
/// `-`/`_` part (`widget_recent_entries` no, `recent-posts` yes, `sidebar` yes), never a
/// state flag (`has-sidebar`, `with-comments`).
/// Any case (it runs on every class token around every dated text, so it allocates nothing).
fn is_furniture_token(token: &str) -> bool {
    if ["has-", "with-", "no-", "is-"].iter().any(|p| {
        token
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    }) {
        return false;
    }
    let (first, last) = first_and_last_part(token);
    [first, last]
        .iter()
        .any(|part| FURNITURE_HINTS.iter().any(|h| h.eq_ignore_ascii_case(part)))
}

/// The first and last non-empty `-`/`_` parts of a class token (the same part when it has
/// one; empty when it has none).
fn first_and_last_part(token: &str) -> (&str, &str) {
    let mut parts = token.split(['-', '_']).filter(|p| !p.is_empty());
    let first = parts.next().unwrap_or("");
    (first, parts.next_back().unwrap_or(first))
}

/// Whether nodes sit in navigation, an `<aside>`, or a box of other items
/// ([`FURNITURE_HINTS`]) within [`FURNITURE_DEPTH`] levels. Each element's own answer is
/// kept: the question is asked for every dated text of the page, and their ancestors are
/// mostly the same few boxes.
#[derive(Default)]
struct Furniture {
    own: rustc_hash::FxHashMap<ego_tree::NodeId, bool>,
}

impl Furniture {
    fn around(&mut self, node: ego_tree::NodeRef<'_, Node>) -> bool {
        node.ancestors()
            .filter(|n| n.value().is_element())
            .take(FURNITURE_DEPTH)
            .any(|n| {
                *self
                    .own
                    .entry(n.id())
                    .or_insert_with(|| n.value().as_element().is_some_and(is_furniture_element))
            })
    }
}

fn is_furniture_element(el: &scraper::node::Element) -> bool {
    matches!(el.name.local.as_ref(), "nav" | "aside")
        || ["class", "id"]
            .iter()
            .filter_map(|a| attr_value(el, a))
            .any(|v| v.split_whitespace().any(is_furniture_token))
}

/// Whether a text writes a four-digit year (1995 to 2035): a date without one has a
/// two-digit year (`02.11.26 10:15`).
fn has_full_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && !(i > 0 && b[i - 1].is_ascii_digit())
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
            && (1995..=2035).contains(&w.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    })
}

/// Whether a text node sits in the page footer (`<footer>`, or a class/id token that is
/// or begins or ends with `footer`) within [`FURNITURE_DEPTH`] levels. Footers show
/// clocks and copyright lines; a date there with a two-digit year is a clock's
/// (`Mo, 02.11.26 10:15`), never the article's (a footer's "Updated: 3 June 2019" keeps
/// its full year and is still read).
fn in_footer(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.ancestors()
        .filter_map(|n| n.value().as_element())
        .take(FURNITURE_DEPTH)
        .any(|el| {
            el.name.local.as_ref() == "footer"
                || ["class", "id"]
                    .iter()
                    .filter_map(|a| attr_value(el, a))
                    .any(|v| {
                        v.split_whitespace().any(|t| {
                            let (first, last) = first_and_last_part(t);
                            first.eq_ignore_ascii_case("footer")
                                || last.eq_ignore_ascii_case("footer")
                        })
                    })
        })
}

/// Class/id words of the masthead boxes that show the reader's current date ("Wednesday,
/// August 19, 2020" above the logo): the day the page was fetched, never the article's.
const TODAYS_DATE_HINTS: &[&str] = &[
    "today",
    "current-date",
    "currentdate",
    "current_date",
    "header-date",
    "headerdate",
    "header_date",
    "date-now",
];

static TODAYS_DATE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| word_finder(TODAYS_DATE_HINTS));

fn is_todays_date_box(class_or_id: &str) -> bool {
    TODAYS_DATE_FINDER.is_match(class_or_id)
}

/// Whether a text node sits in a today's-date box (its element or the two above it).
fn in_todays_date_box(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.ancestors()
        .filter_map(|n| n.value().as_element())
        .take(3)
        .any(|el| {
            ["class", "id"]
                .iter()
                .filter_map(|a| attr_value(el, a))
                .any(is_todays_date_box)
        })
}

/// Any digit, also of other scripts (`২০২০`, `۱۳۹۹`); the ASCII test first, it is the
/// common case and the cheap one.
fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(char::is_numeric))
}

impl Raw {
    /// Keeps a short visible text that may hold a date, in page order.
    fn push_visible_text(&mut self, text: &str, seen_h1: bool, seen_body: bool) {
        if seen_h1 && self.texts_after_h1.len() < 300 {
            self.texts_after_h1.push(text.to_string());
        }
        if seen_body && self.texts_from_body.len() < 300 {
            self.texts_from_body.push(text.to_string());
        }
    }
}

/// Attributes that hold a Unix time for the element's date (tweets, forums, comment
/// systems); the visible text next to them is often rendered in the reader's time zone,
/// the attribute is absolute.
const UNIX_TIME_ATTRS: &[&str] = &[
    "data-time",
    "data-timestamp",
    "data-utime",
    "data-time-ms",
    "data-timestamp-ms",
];

/// The element's Unix-time attribute as a UTC stamp, when it has one.
fn unix_time_attr(el: &scraper::node::Element) -> Option<String> {
    // One pass over the attributes: this runs for every element of the page.
    el.attrs()
        .filter(|(name, _)| name.starts_with("data-") && UNIX_TIME_ATTRS.contains(name))
        .find_map(|(_, v)| dates::unix_to_utc_stamp(v.trim()))
}

/// A date-time literal that a tiny inline script in the body writes where it stands
/// (`<script>showDate("2020/04/17 01:43:09")</script>`, `document.write(...)`): older
/// CMSs render the visible date this way, so the literal counts as visible text. Only
/// scripts of a call or two, and only literals that start with a full date and a time,
/// so that configuration blobs and countdowns are not read as the page's date.
fn rendered_date_literal(script: &str) -> Option<&str> {
    static LITERAL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"["']((?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}[ T]\d{1,2}:\d\d[^"'\n]{0,40})["']"#,
        )
        .expect("date literal")
    });
    let script = script.trim();
    if script.len() > 160 {
        return None;
    }
    LITERAL
        .captures(script)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// Character references that survive the parser because the page escaped them twice
/// (`content="Australian &amp;#039;megablaze&amp;#039;"` reads as `&#039;`), decoded in
/// the text fields people read. html5ever's own decoder, through a fragment parse, knows
/// every HTML5 name; it runs only on the rare value that holds `&...;`.
/// Authors are decoded before they are split on `;`, in [`authors`].
fn decode_leftover_references(meta: &mut Metadata) {
    for field in [&mut meta.title, &mut meta.description, &mut meta.publisher]
        .into_iter()
        .flatten()
    {
        decode_references(field);
        if field.contains(crate::blocks::SOFT_HYPHEN) {
            *field = field.replace(crate::blocks::SOFT_HYPHEN, "");
        }
    }
}

fn decode_references(value: &mut String) {
    let Some(amp) = value.find('&') else { return };
    if !value[amp..].contains(';') {
        return;
    }
    let fragment = Html::parse_fragment(value);
    let decoded: String = fragment.root_element().text().collect();
    let decoded = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    if !decoded.is_empty() {
        *value = decoded;
    }
}

/// Text of an element, whitespace collapsed, cut after `max` characters.
fn short_text(el: ElementRef<'_>, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for t in el.text() {
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
            n += w.chars().count() + 1;
        }
        if n > max {
            break;
        }
    }
    out
}

fn nonempty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn meta_value(raw: &Raw, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        raw.metas
            .iter()
            .find(|(mk, _)| mk == k)
            .map(|(_, v)| v.clone())
    })
}

/// A publication date and where it came from.
struct Found {
    day: Day,
    /// The full timestamp as the page wrote it, when it had one.
    raw: Option<String>,
    source: &'static str,
}

/// Typical UTC offset (minutes) of the country a host's top-level domain names; a UTC
/// timestamp is turned into the publisher's local day with it.
fn tld_offset_minutes(url: Option<&str>, english: bool) -> Option<i32> {
    let host = domain_of(url?)?;
    let tld = host.rsplit('.').next()?;
    let hours: f32 = match tld {
        "ca" | "us" => -5.0,
        // `.com` names no country; most English `.com` news sites publish from the US,
        // while Spanish, Portuguese, Filipino, German ... `.com` sites publish from
        // everywhere else.
        "com" if english => -5.0,
        "mx" => -6.0,
        "br" | "ar" | "cl" | "uy" => -3.0,
        "co" | "pe" | "ec" => -5.0,
        "uk" | "ie" | "pt" => 0.0,
        "fr" | "de" | "it" | "es" | "nl" | "be" | "ch" | "at" | "pl" | "se" | "no" | "dk"
        | "cz" | "sk" | "hu" | "hr" | "si" | "rs" | "ba" | "ng" => 1.0,
        "gr" | "ro" | "bg" | "fi" | "ua" | "za" | "eg" | "il" | "lt" | "lv" | "ee" => 2.0,
        "ru" | "tr" | "by" | "ke" | "sa" | "qa" => 3.0,
        "ae" => 4.0,
        "pk" => 5.0,
        "in" => 5.5,
        "bd" => 6.0,
        "th" | "vn" | "id" => 7.0,
        "cn" | "hk" | "tw" | "sg" | "my" | "ph" => 8.0,
        "jp" | "kr" => 9.0,
        "au" => 10.0,
        "nz" => 12.0,
        _ => return None,
    };
    Some((hours * 60.0) as i32)
}

/// A MediaWiki revision view (`?diff=` or `?oldid=`): the page shows one revision, and
/// its date is that revision's, not the article's creation that JSON-LD calls
/// `datePublished`.
fn is_wiki_revision(raw: &Raw, urls: &[&str]) -> bool {
    let mediawiki = raw
        .metas
        .iter()
        .any(|(k, v)| k == "generator" && v.to_ascii_lowercase().starts_with("mediawiki"));
    mediawiki
        && urls.iter().any(|u| {
            u.split_once('?').is_some_and(|(_, query)| {
                query
                    .split('&')
                    .any(|kv| kv.starts_with("diff=") || kv.starts_with("oldid="))
            })
        })
}

/// The publication date, from the most trusted source that has one. `urls`: the page's
/// address first, then its canonical address.
fn published(
    raw: &Raw,
    ld: &LdArticle,
    urls: &[&str],
    month_first: bool,
    english: bool,
) -> Option<Found> {
    let zone = tld_offset_minutes(urls.first().copied(), english);
    // A date in the URL path is the publisher's own filing day, in its own zone: when a
    // UTC stamp falls on that day in some zone where news is published (UTC−8 to
    // UTC+10), it is that moment seen from Greenwich, and the URL's day wins over both
    // the stamp's day and the zone guessed from the domain.
    let url_day = urls.iter().find_map(|u| dates::parse_url(u));
    let parse = |s: &str| {
        let as_written = dates::parse_iso(s);
        if let Some(u) = url_day {
            let west = dates::parse_utc_in_zone(s, -8 * 60);
            let east = dates::parse_utc_in_zone(s, 10 * 60);
            if west == Some(u) || east == Some(u) {
                return Some(u);
            }
        }
        zone.and_then(|z| dates::parse_utc_in_zone(s, z))
            .or(as_written)
            .or_else(|| dates::parse(s, month_first))
    };
    let found = |day, raw: Option<&str>, source| {
        Some(Found {
            day,
            raw: raw.map(str::to_string),
            source,
        })
    };
    if is_wiki_revision(raw, urls) {
        let revised = ld
            .date_modified
            .clone()
            .or_else(|| meta_value(raw, MODIFIED_KEYS));
        if let Some(d) = revised.as_deref().and_then(parse) {
            return found(d, revised.as_deref(), "wiki_revision");
        }
    }
    // A date in the address is fixed when the page is filed; a markup date days after it
    // is a republication or an update written into the publication field.
    let after_url_day = |d: Day| url_day.is_some_and(|u| days_between(u, d) > 1);
    if let Some(s) = ld.date_published.as_deref() {
        if let Some(d) = parse(s) {
            if after_url_day(d) {
                return found(url_day?, None, "url");
            }
            return found(d, Some(s), "jsonld");
        }
    }
    for key in PUBLISHED_KEYS {
        for (_, v) in raw.metas.iter().filter(|(k, _)| k == key) {
            if let Some(d) = parse(v) {
                if after_url_day(d) {
                    return found(url_day?, None, "url");
                }
                return found(d, Some(v), "meta");
            }
        }
    }
    // Site-specific names for the same thing (`article_publication_date`,
    // `DC.Date.Created`, `release-date`).
    for (_, v) in raw.metas.iter().filter(|(k, _)| is_custom_published_key(k)) {
        if let Some(d) = parse(v) {
            return found(d, Some(v), "meta");
        }
    }
    for (attr, text, marked) in &raw.times {
        if !marked {
            continue;
        }
        if let Some(d) = attr.as_deref().and_then(parse) {
            return found(d, attr.as_deref(), "time");
        }
        if let Some(d) = dates::parse(text, month_first) {
            return found(d, None, "time");
        }
    }
    if let Some(d) = ld.date_created.as_deref().and_then(parse) {
        return found(d, ld.date_created.as_deref(), "jsonld");
    }
    if let Some(d) = url_day {
        return found(d, None, "url");
    }
    // Script blobs also date other items: cited references, related and recent posts.
    // The page's own date is the one its blobs repeat (data layer, app state, broken
    // JSON-LD); without a repeat, the most specific key, then the first written.
    let keyed: Vec<(usize, usize, Day, &str)> = raw
        .script_dates
        .iter()
        .enumerate()
        .filter_map(|(pos, (rank, v))| parse(v).map(|d| (*rank, pos, d, v.as_str())))
        .collect();
    let best_keyed = keyed.iter().min_by_key(|(rank, pos, d, _)| {
        let repeats = keyed.iter().filter(|k| k.2 == *d).count();
        (std::cmp::Reverse(repeats), *rank, *pos)
    });
    if let Some(&(_, _, d, v)) = best_keyed {
        return found(d, Some(v), "script");
    }
    for (attr, text, _) in &raw.times {
        if let Some(d) = attr.as_deref().and_then(parse) {
            return found(d, attr.as_deref(), "time");
        }
        if let Some(d) = dates::parse(text, month_first) {
            return found(d, None, "time");
        }
    }
    for t in &raw.texts_after_h1 {
        if let Some(d) = dates::parse(t, month_first) {
            return found(d, None, "text");
        }
    }
    // An update date the page states in markup (`itemprop="dateUpdate"`,
    // `article:modified_time`) when nothing names the publication.
    let updated = ld.date_modified.clone().or_else(|| {
        raw.metas
            .iter()
            .find(|(k, _)| MODIFIED_KEYS.contains(&k.as_str()) || is_update_key(k))
            .map(|(_, v)| v.clone())
    });
    if let Some(d) = updated.as_deref().and_then(parse) {
        return found(d, updated.as_deref(), "meta_modified");
    }
    for t in &raw.date_texts {
        if let Some(d) = dates::parse(t, month_first) {
            return found(d, None, "date_markup");
        }
    }
    for t in &raw.texts_from_body {
        if let Some(d) = dates::parse(t, month_first) {
            return found(d, None, "text");
        }
    }
    None
}

/// Days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Day, b: Day) -> i64 {
    let n = |d: Day| {
        newsmill_core::civil::CivilDate::new(d.year, d.month, d.day).map_or(0, |c| c.day_number())
    };
    n(b) - n(a)
}

/// A meta name that is no known key but names a publication or creation date.
fn is_custom_published_key(key: &str) -> bool {
    let names_publication = [
        "publish", "publicat", "pubdate", "pub_date", "pub-date", "release", "created", "issued",
    ]
    .iter()
    .any(|w| key.contains(w));
    let names_other = ["modif", "updat", "expir", "revis", "time_zone", "timezone"]
        .iter()
        .any(|w| key.contains(w));
    names_publication && !names_other && !PUBLISHED_KEYS.contains(&key)
}

/// A meta name of an update date that [`MODIFIED_KEYS`] does not list (`dateupdate`,
/// `last_updated`, `article:updated_time`).
fn is_update_key(key: &str) -> bool {
    key.contains("updat") && !key.contains("expir")
}

fn authors(raw: &Raw, ld: &LdArticle) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    fn push(out: &mut Vec<String>, name: &str) {
        let n = clean_author(name);
        if !n.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
    if !ld.authors.is_empty() {
        for name in &ld.authors {
            let mut name = name.clone();
            decode_references(&mut name);
            push(&mut out, &name);
        }
        return out;
    }
    for key in AUTHOR_KEYS {
        for (_, v) in raw.metas.iter().filter(|(k, _)| k == key) {
            if !v.starts_with("http") && !v.starts_with('@') {
                let mut v = v.clone();
                decode_references(&mut v);
                for part in v.split([',', ';', '|']) {
                    push(&mut out, part);
                }
            }
        }
        if !out.is_empty() {
            return out;
        }
    }
    if let Some(b) = raw.bylines.first() {
        for part in b.split([',', '|']).flat_map(|p| p.split(" and ")) {
            push(&mut out, part);
        }
    }
    out
}

/// `By Jane Doe` -> `Jane Doe`; drops long strings that are not names.
fn clean_author(s: &str) -> String {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = t.to_lowercase();
    let t = ["by ", "por ", "par ", "von ", "автор: ", "written by "]
        .iter()
        .find_map(|p| {
            lower
                .starts_with(p)
                .then(|| t.get(p.len()..).unwrap_or("").to_string())
        })
        .unwrap_or(t);
    let t = t
        .trim()
        .trim_matches(|c: char| c == ',' || c == '|' || c == '-')
        .trim()
        .to_string();
    if t.chars().count() > 80 || t.split_whitespace().count() > 6 {
        String::new()
    } else {
        t
    }
}

/// Drop a trailing ` | Site` / ` - Site` from a title.
fn clean_title(title: &str, site: Option<&str>) -> String {
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || (tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 4);
            if tail_is_site {
                return head.trim().to_string();
            }
        }
    }
    t
}

/// `en-US` -> `en`; only two- and three-letter primary tags pass.
pub fn iso639_1(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_cleanup_and_language() {
        assert_eq!(
            clean_title("Big news today in town | Daily", Some("Daily")),
            "Big news today in town"
        );
        assert_eq!(iso639_1("en-US").as_deref(), Some("en"));
        assert_eq!(iso639_1("x"), None);
        assert_eq!(
            domain_of("https://www.example.com/a").as_deref(),
            Some("example.com")
        );
        assert_eq!(clean_author("By  Jane Doe"), "Jane Doe");
    }

    #[test]
    fn publication_date_from_script_keys_when_markup_has_none() {
        let html = Html::parse_document(
            r#"<html><head><script>window.state = {"page":{"pubDate":"2020-10-26T18:10:00+01:00","dateModified":"2020-10-28"}};</script>
            <!-- <rdf:Description dc:date="2020-09-01T22:00:00+09:00" /> --></head>
            <body><p>No visible date here.</p></body></html>"#,
        );
        let meta = extract(&html, None).meta;
        assert_eq!(meta.published.as_deref(), Some("2020-10-26"));
        let mut found = Vec::new();
        script_dates(
            r#"<x dc:date="2020-09-01T22:00:00+09:00"/> "datePublished": "x""#,
            &mut found,
        );
        assert_eq!(found, vec![(10, "2020-09-01T22:00:00+09:00".to_string())]);
    }

    fn published_of(html: &str, url: Option<&str>) -> (Option<String>, Option<String>) {
        let meta = extract(&Html::parse_document(html), url).meta;
        let source = meta.extra.get("published_source").cloned();
        (meta.published, source)
    }

    #[test]
    fn references_escaped_twice_are_decoded_in_text_fields() {
        let html = r#"<html><head>
            <meta property="og:title" content="Australian &amp;#039;megablaze&amp;#039; brought under control">
            <meta property="og:site_name" content="Smith &amp;amp; Sons">
            <meta name="author" content="Ren&amp;eacute;e Dupont">
            <meta name="description" content="AT&amp;T and Marks & Spencer &amp;mdash; a deal"></head>
            <body><h1>x</h1><p>Text.</p></body></html>"#;
        let meta = extract(&Html::parse_document(html), None).meta;
        assert_eq!(
            meta.title.as_deref(),
            Some("Australian 'megablaze' brought under control")
        );
        assert_eq!(meta.publisher.as_deref(), Some("Smith & Sons"));
        assert_eq!(meta.authors, ["Renée Dupont"]);
        assert_eq!(
            meta.description.as_deref(),
            Some("AT&T and Marks & Spencer — a deal")
        );
    }

    #[test]
    fn unix_time_attributes_beat_text_rendered_in_the_readers_zone() {
        // 1594448702 is 2020-07-11T06:25:02Z; the text was rendered in US Pacific time.
        let html = r#"<html><body><h1>Status</h1>
            <p>Something happened.</p>
            <a class="tweet-timestamp" title="11:25 PM - 10 Jul 2020"><span data-time="1594448702">10 Jul 2020</span></a>
            <span data-time="1594448799">11:26 PM - 10 Jul 2020</span></body></html>"#;
        let (day, source) = published_of(html, Some("https://example.net/status/1"));
        assert_eq!(day.as_deref(), Some("2020-07-11"));
        assert_eq!(source.as_deref(), Some("time"));
        // Durations and counters in the same attributes are not times.
        let html = r#"<html><body><h1>Clip</h1><div data-time="93">1:33</div>
            <p>Posted 3 May 2020</p></body></html>"#;
        assert_eq!(published_of(html, None).0.as_deref(), Some("2020-05-03"));
    }

    #[test]
    fn a_tiny_script_that_writes_the_date_counts_as_visible_text() {
        let html = r#"<html><body><h1>Forum post</h1><table><tr>
            <td class="main-text"><script>showDate("2020/04/17 01:43:09")</script> views <b>7</b></td>
            </tr></table><p>Body text.</p></body></html>"#;
        assert_eq!(published_of(html, None).0.as_deref(), Some("2020-04-17"));
        // Long scripts (configuration, countdowns) and date-only literals are not read.
        let long = format!(
            r#"<html><body><h1>T</h1><script>var cfg = {{"a": "{}", "end": "2021-01-01 00:00"}};</script></body></html>"#,
            "x".repeat(200)
        );
        assert_eq!(published_of(&long, None).0, None);
        let date_only =
            r#"<html><body><h1>T</h1><script>countdown("2021-01-01")</script></body></html>"#;
        assert_eq!(published_of(date_only, None).0, None);
    }

    #[test]
    fn the_mastheads_date_of_today_is_not_the_articles() {
        let html = r#"<html><body><div class="today">Wednesday, August 19, 2020</div>
            <h1>Council approves budget</h1><p class="byline">By Ann Lee</p>
            <div class="post-date">Monday, August 17, 2020</div><p>Text.</p></body></html>"#;
        assert_eq!(published_of(html, None).0.as_deref(), Some("2020-08-17"));
        let only_today = r#"<html><body><div id="header-date"><span>Wednesday, August 19, 2020</span></div>
            <h1>Headline</h1><p>Text without a date.</p></body></html>"#;
        assert_eq!(published_of(only_today, None).0, None);
    }

    #[test]
    fn dates_labelled_as_something_else_are_not_the_pages() {
        let html = r#"<html><body><h1>Daily Legal News</h1><div class="half-data"><dl>
            <dt>Company Name</dt><dd>MURRAYS MOWING LLC</dd>
            <dt>Effective Date</dt>
            <dd>Saturday, July 25, 2020</dd></dl></div></body></html>"#;
        assert_eq!(published_of(html, None).0, None);
        let html = r#"<html><body><h1>Offer</h1><p>Expires:</p><p>31 December 2020</p>
            <p>Posted</p><p>3 May 2020</p></body></html>"#;
        assert_eq!(published_of(html, None).0.as_deref(), Some("2020-05-03"));
        // Label words inside other words are no label.
        let html = r#"<html><body><h1>Budget</h1><p>By George Osborne</p>
            <p>3 May 2020</p></body></html>"#;
        assert_eq!(published_of(html, None).0.as_deref(), Some("2020-05-03"));
    }

    #[test]
    fn a_dated_canonical_address_dates_a_syndicated_copy() {
        let html = r#"<html><head><link rel="canonical" href="https://www.news24.com/World/News/megablaze-under-control-20200113"></head>
            <body><h1>Megablaze brought under control</h1><p>Text.</p></body></html>"#;
        let (day, source) = published_of(
            html,
            Some("https://www.asiapacificstar.com/news/263700449/megablaze"),
        );
        assert_eq!(day.as_deref(), Some("2020-01-13"));
        assert_eq!(source.as_deref(), Some("url"));
    }

    #[test]
    fn a_wiki_revision_is_dated_by_the_revision() {
        let html = r#"<html><head><meta name="generator" content="MediaWiki 1.31.0"/>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Park Ye Jin",
            "datePublished":"2005-07-26T16:22:26-07:00","dateModified":"2020-04-07T12:33:32-07:00"}</script></head>
            <body><h1>Park Ye Jin</h1><p>Text.</p></body></html>"#;
        let diff = "https://wiki.example.org/index.php?title=Park_Ye_Jin&diff=591343&oldid=588001";
        let (day, source) = published_of(html, Some(diff));
        assert_eq!(day.as_deref(), Some("2020-04-07"));
        assert_eq!(source.as_deref(), Some("wiki_revision"));
        // The article view itself keeps the article's publication date.
        let article = "https://wiki.example.org/Park_Ye_Jin";
        assert_eq!(
            published_of(html, Some(article)).0.as_deref(),
            Some("2005-07-26")
        );
    }
}
