//! dates.csv: date expressions resolved against the publication date (`extract.dates`).

use newsmill_core::text::OffsetMap;
use newsmill_core::{Article, Family};

use super::{col, Column, Rows, Table, When};
use crate::csv_out::Cell;

pub const TABLE: Table = Table {
    file: "dates.csv",
    about: "one row per date expression",
    when: When::Writes(Family::Dates),
    columns: COLUMNS,
    rows: Rows::PerArticle(rows),
};

const COLUMNS: &[Column] = &[
    col("article_id", "the article's `id`"),
    col("text", "the expression as written"),
    col(
        "value",
        "ISO value at its granularity: day, week, month or year",
    ),
    col("granularity", "`day`, `week`, `month` or `year`"),
    col("offset", "character offset"),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    let offsets = OffsetMap::new(&article.blocks);
    article
        .annotations
        .dates
        .iter()
        .map(|d| {
            vec![
                Cell::text(&article.id),
                Cell::text(&d.text),
                Cell::text(&d.value),
                Cell::text(d.granularity.as_str()),
                Cell::num(offsets.char_offset(&article.blocks, d.span)),
            ]
        })
        .collect()
}
