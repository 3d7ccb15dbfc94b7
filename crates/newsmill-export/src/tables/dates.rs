//! dates.csv: date expressions resolved against the publication date (`extract.dates`).

use newsmill_core::text::OffsetMap;
use newsmill_core::{Article, Family};

use super::{col, date_col, int_col, key_col, Column, Rows, Table, When};
use crate::csv_out::Cell;

pub const TABLE: Table = Table {
    file: "dates.csv",
    about: "one row per date expression",
    when: When::Writes(Family::Dates),
    columns: COLUMNS,
    rows: Rows::PerArticle(rows),
};

const COLUMNS: &[Column] = &[
    key_col("article_id", "the article's `id`"),
    col("text", "the expression as written"),
    col(
        "value",
        "ISO value at its granularity: day, week, month or year",
    ),
    col("granularity", "`day`, `week`, `month`, `quarter`, `season`, `year`, `decade`, `present`, `past` or `future`"),
    date_col("start", "first day of the period, `YYYY-MM-DD`; empty when unresolved"),
    date_col("end", "last day of the period, `YYYY-MM-DD`; empty when unresolved"),
    col("anchor", "what a relative expression was resolved against: `published` or `previous:` + the earlier expression"),
    col("reason", "why `value` is empty (`no_publication_date`, `no_anchor`); empty when resolved"),
    int_col("offset", "character offset"),
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
                Cell::text(&d.start),
                Cell::text(&d.end),
                Cell::text(&d.anchor),
                Cell::text(&d.reason),
                Cell::num(offsets.char_offset(&article.blocks, d.span)),
            ]
        })
        .collect()
}
