//! articles.csv: one row per article that came through the pipeline.

use newsmill_core::{Article, EntityKind};

use super::{col, Column, Rows, Table, When};
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
    col(
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
    col("published", "publication date, ISO 8601 `YYYY-MM-DD`"),
    col("publisher", "site or publisher name"),
    col("url", "canonical URL when known"),
    col(
        "language",
        "ISO 639-1 code (`detect.language`, or as the source states)",
    ),
    col(
        "language_confidence",
        "0 to 1 from the detector; empty when the source stated the language",
    ),
    col("words", "whitespace-separated words in the final body"),
    col("paragraphs", "non-heading blocks in the final body"),
    col("encoding", "encoding the file was decoded from"),
    col(
        "duplicate_of",
        "id of the first copy (in path order) when `clean.dedup` found a duplicate",
    ),
    col("top_people", "up to 5 people, most mentioned first"),
    col(
        "top_organizations",
        "up to 5 organisations, most mentioned first",
    ),
    col("top_places", "up to 5 places, most mentioned first"),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    let meta = &article.meta;
    vec![vec![
        Cell::text(&article.id),
        Cell::text(article.path.to_string_lossy()),
        Cell::text(article.format.as_str()),
        Cell::opt(meta.title.as_deref()),
        Cell::text(meta.authors.join("; ")),
        Cell::opt(meta.published.as_deref()),
        Cell::opt(meta.publisher.as_deref()),
        Cell::opt(meta.url.as_deref()),
        Cell::opt(meta.language.as_deref()),
        Cell::opt_num(meta.language_confidence.map(|c| format!("{c:.2}"))),
        Cell::num(article.word_count()),
        Cell::num(article.paragraph_count()),
        Cell::text(&article.encoding),
        Cell::opt(article.annotations.duplicate_of.as_deref()),
        Cell::text(top_names(article, EntityKind::Person).join("; ")),
        Cell::text(top_names(article, EntityKind::Organization).join("; ")),
        Cell::text(top_names(article, EntityKind::Location).join("; ")),
    ]]
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
}
