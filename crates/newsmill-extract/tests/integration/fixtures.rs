//! Every fixture in fixtures/articles read and run through `extract.metadata`.

use crate::common::{extract, fixture, fixtures, metadata_stage};
use newsmill_core::{Article, SourceFormat};

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn body_starts_with(article: &Article, start: &str) {
    let first = article
        .blocks
        .first()
        .map(|b| b.text.as_str())
        .unwrap_or("");
    assert!(
        first.starts_with(start),
        "{}: body starts with {first:?}",
        article.id
    );
}

#[test]
fn seed_article() {
    let stage = metadata_stage();
    let a = fixture("seed/000_6f674ebd69299959.txt", stage.as_ref()).unwrap();
    assert_eq!(a.format, SourceFormat::Markdown);
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("US prepares strikes against Islamists in Iraq")
    );
    assert_eq!(a.meta.authors, names(&["Bill Van Auken"]));
    assert_eq!(a.meta.published.as_deref(), Some("2013-12-27"));
    assert_eq!(
        a.meta.publisher.as_deref(),
        Some("World Socialist Web Site")
    );
    body_starts_with(&a, "Two years after President Barack Obama");
    for block in &a.blocks {
        assert!(
            !block.text.contains("Bill Van Auken")
                && block.text != "27 December 2013"
                && !block.text.starts_with("US prepares"),
            "header text left in the body: {:?}",
            block.text
        );
    }
    let reasons: Vec<&str> = a
        .annotations
        .removed
        .iter()
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(reasons, ["title", "byline", "dateline"]);
}

#[test]
fn front_matter_wins_and_duplicate_heading_goes() {
    let stage = metadata_stage();
    let a = fixture("front_matter.md", stage.as_ref()).unwrap();
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Flooding closes coastal road for third time this winter")
    );
    assert_eq!(
        a.meta.authors,
        names(&["Hannah Whitfield", "Tomás Ferreira"])
    );
    assert_eq!(a.meta.published.as_deref(), Some("2021-03-04"));
    assert_eq!(a.meta.publisher.as_deref(), Some("The Example Gazette"));
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    assert_eq!(
        a.meta.extra.get("section").map(String::as_str),
        Some("Local news")
    );
    body_starts_with(&a, "The coastal road between Marlow Bay");
}

/// (file, title, authors, published)
const BYLINES: &[(&str, &str, &[&str], &str)] = &[
    (
        "byline_two_authors.txt",
        "Regional airline cancels winter routes after fuel costs rise",
        &["Maria Lopez", "Daniel Okafor"],
        "2021-03-03",
    ),
    (
        "byline_three_authors.md",
        "Port strike enters second week as talks stall",
        &["Aisha Rahman", "Peter Lindqvist", "Chloe Martin"],
        "2022-06-14",
    ),
    (
        "byline_three_no_serial_comma.txt",
        "City council approves budget with cuts to library hours",
        &["Grace Njoroge", "Oliver Brandt", "Sofia Marchetti"],
        "2019-12-09",
    ),
    (
        "written_by.txt",
        "Rare orchid found on railway embankment",
        &["Eleanor Pryce"],
        "2018-05-21",
    ),
    (
        "author_colon.md",
        "Hospital trust opens new cancer treatment centre",
        &["Rajesh Venkataraman"],
        "2021-11-12",
    ),
];

#[test]
fn bylines_give_authors_and_leave_the_body() {
    let stage = metadata_stage();
    for (file, title, authors, published) in BYLINES {
        let a = fixture(file, stage.as_ref()).unwrap();
        assert_eq!(a.meta.title.as_deref(), Some(*title), "{file}");
        assert_eq!(a.meta.authors, names(authors), "{file}");
        assert_eq!(a.meta.published.as_deref(), Some(*published), "{file}");
        assert_eq!(
            a.blocks.len(),
            3,
            "{file}: title, byline and date blocks removed: {:?}",
            a.blocks
        );
    }
}

/// (file, published); `None` for the ambiguous day/month form.
const DATES: &[(&str, Option<&str>)] = &[
    ("dates/d_month_y.txt", Some("2020-02-04")),
    ("dates/month_d_y.txt", Some("2018-01-17")),
    ("dates/abbrev_dot.txt", Some("2022-10-28")),
    ("dates/abbrev_no_comma.txt", Some("2023-08-02")),
    ("dates/iso.txt", Some("2017-09-14")),
    ("dates/weekday_comma.txt", Some("2023-07-29")),
    ("dates/weekday.txt", Some("2017-03-06")),
    ("dates/updated.txt", Some("2024-01-15")),
    ("dates/published.txt", Some("2016-04-19")),
    ("dates/ambiguous.txt", None),
];

#[test]
fn one_article_per_date_form() {
    let stage = metadata_stage();
    for (file, published) in DATES {
        let a = fixture(file, stage.as_ref()).unwrap();
        assert_eq!(a.meta.published.as_deref(), *published, "{file}");
        assert!(a.meta.title.is_some(), "{file}");
        let kept = if published.is_some() { 2 } else { 3 };
        assert_eq!(a.blocks.len(), kept, "{file}: {:?}", a.blocks);
    }
    let a = fixture("dates/updated.txt", stage.as_ref()).unwrap();
    assert_eq!(a.meta.modified.as_deref(), Some("2024-01-15"));
    assert_eq!(
        a.meta.extra.get("published_time").map(String::as_str),
        Some("14:05 GMT")
    );
    let a = fixture("dates/ambiguous.txt", stage.as_ref()).unwrap();
    assert_eq!(
        a.blocks[0].text, "04/05/2019",
        "an unread date line stays in the body"
    );
}

#[test]
fn legacy_and_utf16_encodings() {
    let stage = metadata_stage();
    let a = fixture("windows1252.txt", stage.as_ref()).unwrap();
    assert_eq!(a.encoding, "windows-1252");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Café owners fear “summer without tourists”")
    );
    assert_eq!(a.meta.authors, names(&["Hélène Dubois"]));
    assert!(a
        .body_text()
        .contains("“We took £4,000 less in May than last year,” said Zoë Clarke"));
    let a = fixture("utf16le_bom.txt", stage.as_ref()).unwrap();
    assert_eq!(a.encoding, "UTF-16LE");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Zürich tram drivers vote to strike")
    );
    assert_eq!(a.meta.authors, names(&["Lukas Brunner"]));
    assert_eq!(a.meta.published.as_deref(), Some("2023-03-09"));
}

#[test]
fn empty_and_binary_files_are_clear_errors() {
    let stage = metadata_stage();
    let e = fixture("empty.txt", stage.as_ref()).unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        ("empty", "empty file: 0 bytes")
    );
    let e = fixture("binary.txt", stage.as_ref()).unwrap_err();
    assert_eq!(e.code, "binary");
    assert_eq!(
        e.message,
        "binary content: 160 NUL bytes in the first 256 bytes"
    );
}

#[test]
fn json_lines_articles() {
    let stage = metadata_stage();
    let path = fixtures().join("articles.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let articles: Vec<Article> = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let id = format!("articles.jsonl#{}", i + 1);
            extract(&id, &path, line.as_bytes().to_vec(), stage.as_ref()).unwrap()
        })
        .collect();
    assert_eq!(articles.len(), 3);
    assert!(articles
        .iter()
        .all(|a| a.format == SourceFormat::JsonLines && a.blocks.len() == 2));
    let summary: Vec<(&str, Vec<String>, &str, &str)> = articles
        .iter()
        .map(|a| {
            (
                a.meta.title.as_deref().unwrap_or(""),
                a.meta.authors.clone(),
                a.meta.published.as_deref().unwrap_or(""),
                a.meta.publisher.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Council votes to keep weekly bin collections",
                names(&["Priya Shah"]),
                "2022-11-08",
                "The Example Gazette"
            ),
            (
                "Heatwave warning issued for the south-east",
                names(&["Tom Reilly", "Ines Duarte"]),
                "2022-07-15",
                "BBC"
            ),
            (
                "Bridge repairs to finish a month early",
                names(&["Owen Price"]),
                "2023-08-10",
                "Riverside Chronicle"
            ),
        ]
    );
    assert_eq!(
        articles[1]
            .meta
            .extra
            .get("published_source")
            .map(String::as_str),
        Some("July 15, 2022")
    );
    // A stated timestamp keeps its time in `published_time`.
    assert_eq!(
        articles[2].meta.published_time.as_deref(),
        Some("2023-08-10T09:30:00+00:00")
    );
    assert_eq!(
        articles[0].meta.extra.get("word_count").map(String::as_str),
        Some("74")
    );
}
