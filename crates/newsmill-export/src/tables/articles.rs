//! articles.csv: one row per article that came through the pipeline.

use newsmill_core::{Article, EntityKind};

use super::{col, date_col, float_col, int_col, key_col, Column, Rows, Table, When};
use crate::csv_out::Cell;

/// How many names go into the `top_*` columns.
const TOP_NAMES: usize = 5;

pub const TABLE: Table = Table {
    file: "articles.csv",
    about: "one row per article that came through the pipeline",
    when: When::Always,
    columns: COLUMNS,
    rows: Rows::PerArticle(rows),
};

const COLUMNS: &[Column] = &[
    key_col(
        "id",
        "path relative to the input folder; `file.jsonl#N` for line N of a JSON Lines file",
    ),
    col("path", "the file as read (input folder joined with the id)"),
    col("format", "`markdown`, `text`, `html` or `jsonl`"),
    col(
        "title",
        "from front matter / HTML metadata, else the first heading, else the first line",
    ),
    col("authors", "`; `-joined names"),
    date_col(
        "published",
        "publication date, ISO 8601 `YYYY-MM-DD`, or empty",
    ),
    col(
        "published_time",
        "publication time, ISO 8601 with the offset when the source gives one",
    ),
    col("publisher", "site or publisher name"),
    col("url", "canonical URL when known"),
    col(
        "language",
        "ISO 639-1 code (`detect.language`, or as the source states)",
    ),
    float_col(
        "language_confidence",
        "0 to 1 from the detector; empty when the source stated the language",
    ),
    int_col("words", "whitespace-separated words in the final body"),
    int_col("paragraphs", "non-heading blocks in the final body"),
    col("encoding", "encoding the file was decoded from"),
    int_col(
        "encoding_errors",
        "bytes not valid in that encoding (replaced, or read as windows-1252); 0 when clean",
    ),
    key_col(
        "duplicate_of",
        "id of the first copy (in path order) when `clean.dedup` found a duplicate",
    ),
    col("top_people", "up to 5 people, most mentioned first"),
    col(
        "top_organizations",
        "up to 5 organisations, most mentioned first",
    ),
    col("top_places", "up to 5 places, most mentioned first"),
    col("extraction", "how the HTML reader found the body: `jsonld_body`, `article_container`, `scored_blocks`, `whole_page`"),
    float_col("extraction_confidence", "0 to 1: how sure the reader is that the body is the main text"),
    col("published_source", "which signal gave `published` (`jsonld`, `meta`, `time`, `url`, `text`, ...)"),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    let meta = &article.meta;
    vec![vec![
        Cell::text(&article.id),
        Cell::text(article.path.to_string_lossy()),
        Cell::text(article.format.as_str()),
        Cell::opt(meta.title.as_deref()),
        Cell::text(meta.authors.join("; ")),
        Cell::opt(published_date(meta.published.as_deref())),
        Cell::opt(meta.published_time.as_deref()),
        Cell::opt(meta.publisher.as_deref()),
        Cell::opt(meta.url.as_deref()),
        Cell::opt(meta.language.as_deref()),
        Cell::opt_num(meta.language_confidence.map(|c| format!("{c:.2}"))),
        Cell::num(article.word_count()),
        Cell::num(article.paragraph_count()),
        Cell::text(&article.encoding),
        Cell::num(meta.encoding_errors),
        Cell::opt(article.annotations.duplicate_of.as_deref()),
        Cell::text(top_names(article, EntityKind::Person).join("; ")),
        Cell::text(top_names(article, EntityKind::Organization).join("; ")),
        Cell::text(top_names(article, EntityKind::Location).join("; ")),
        Cell::opt(meta.extraction.as_deref()),
        Cell::opt_num(meta.extraction_confidence.map(|c| format!("{c:.2}"))),
        Cell::opt(meta.published_source.as_deref()),
    ]]
}

/// The `published` column holds a `YYYY-MM-DD` date or nothing: a timestamp keeps its
/// date (its time is `published_time`), anything else is left out (a pipeline without
/// `extract.metadata` may carry a stated value in another form).
pub(crate) fn published_date(published: Option<&str>) -> Option<&str> {
    let date = published?.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(date)
}

/// The most mentioned entities of a kind, most mentions first, ties in order of appearance.
pub(crate) fn top_names(article: &Article, kind: EntityKind) -> Vec<&str> {
    let mut of_kind: Vec<_> = article
        .annotations
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .collect();
    of_kind.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.first.cmp(&b.first)));
    of_kind
        .into_iter()
        .take(TOP_NAMES)
        .map(|e| e.name.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Entity, Span};

    fn entity(kind: EntityKind, name: &str, mentions: usize, block: usize) -> Entity {
        Entity {
            kind,
            name: name.into(),
            aliases: vec![name.into()],
            mentions,
            first: Span::new(block, 0, 1),
        }
    }

    #[test]
    fn top_names_rank_by_mentions_then_first_appearance() {
        let mut article = Article::new("a", "a");
        article.annotations.entities = vec![
            entity(EntityKind::Location, "Iraq", 3, 1),
            entity(EntityKind::Location, "Syria", 3, 0),
            entity(EntityKind::Location, "Turkey", 5, 2),
            entity(EntityKind::Person, "Obama", 9, 0),
        ];
        assert_eq!(
            top_names(&article, EntityKind::Location),
            ["Turkey", "Syria", "Iraq"]
        );
    }

    #[test]
    fn published_is_a_date_or_nothing() {
        assert_eq!(published_date(Some("2020-01-06")), Some("2020-01-06"));
        assert_eq!(
            published_date(Some("2020-01-06T10:00:00Z")),
            Some("2020-01-06")
        );
        assert_eq!(published_date(Some("6 janvier 2020")), None);
        assert_eq!(published_date(Some("06/01/2020")), None);
        assert_eq!(published_date(None), None);
    }
}
