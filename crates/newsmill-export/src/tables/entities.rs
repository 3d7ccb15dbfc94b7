//! entities.csv: each entity once per article (`extract.entities`).

use newsmill_core::text::OffsetMap;
use newsmill_core::{Article, Family};

use super::{col, int_col, key_col, Column, Rows, Table, When};
use crate::csv_out::Cell;

pub const TABLE: Table = Table {
    file: "entities.csv",
    about: "each entity once per article",
    when: When::Writes(Family::Entities),
    columns: COLUMNS,
    rows: Rows::PerArticle(rows),
};

const COLUMNS: &[Column] = &[
    key_col("article_id", "the article's `id`"),
    col("type", "`person`, `organization`, `location` or `misc`"),
    col("name", "normalised, fullest name"),
    int_col("mentions", "number of mentions in the article"),
    int_col("first_offset", "character offset of the first mention"),
    col(
        "aliases",
        "`|`-joined distinct surface forms, in order of appearance",
    ),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    let offsets = OffsetMap::new(&article.blocks);
    article
        .annotations
        .entities
        .iter()
        .map(|e| {
            vec![
                Cell::text(&article.id),
                Cell::text(e.kind.as_str()),
                Cell::text(&e.name),
                Cell::num(e.mentions),
                Cell::num(offsets.char_offset(&article.blocks, e.first)),
                Cell::text(e.aliases.join("|")),
            ]
        })
        .collect()
}
