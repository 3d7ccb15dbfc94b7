//! facts.csv: counted facts (`extract.facts`).

use newsmill_core::text::OffsetMap;
use newsmill_core::{Article, Family};

use super::{col, Column, Rows, Table, When};
use crate::csv_out::Cell;

pub const TABLE: Table = Table {
    file: "facts.csv",
    about: "one row per counted fact",
    when: When::Writes(Family::Facts),
    columns: COLUMNS,
    rows: Rows::PerArticle(rows),
};

const COLUMNS: &[Column] = &[
    col("article_id", "the article's `id`"),
    col("kind", "`killed`, `wounded`, `arrested`, ... or `quantity`"),
    col("count", "best single value"),
    col(
        "count_min",
        "lower bound; equal to `count` for exact numbers",
    ),
    col("count_max", "upper bound; empty when open"),
    col("qualifier", "\"at least\", \"over\", \"some\", ..."),
    col("subject", "who or what is counted"),
    col(
        "place",
        "nearest place entity in the sentence, else the paragraph",
    ),
    col(
        "date",
        "the sentence's resolved date, else the publication date",
    ),
    col("date_start", "first day of `date`'s period, `YYYY-MM-DD`"),
    col("date_end", "last day of `date`'s period, `YYYY-MM-DD`"),
    col(
        "sentence",
        "the sentence the fact is in (a sentence over 400 characters: the 400 around the count, cut ends marked …)",
    ),
    col("offset", "character offset of the sentence"),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    let offsets = OffsetMap::new(&article.blocks);
    article
        .annotations
        .facts
        .iter()
        .map(|f| {
            vec![
                Cell::text(&article.id),
                Cell::text(&f.kind),
                Cell::opt_num(f.count),
                Cell::opt_num(f.count_min),
                Cell::opt_num(f.count_max),
                Cell::opt(f.qualifier.as_deref()),
                Cell::opt(f.subject.as_deref()),
                Cell::opt(f.place.as_deref()),
                Cell::opt(f.date.as_deref()),
                Cell::opt(f.date_start.as_deref()),
                Cell::opt(f.date_end.as_deref()),
                Cell::text(&f.sentence),
                Cell::num(offsets.char_offset(&article.blocks, f.span)),
            ]
        })
        .collect()
}
