//! removed.csv: text cleaning stages removed (with `output.audit = true`).

use newsmill_core::Article;

use super::{col, key_col, Column, Rows, Table, When};
use crate::csv_out::Cell;

pub const TABLE: Table = Table {
    file: "removed.csv",
    about: "every piece of text a cleaning stage removed, and why",
    when: When::Audit,
    columns: COLUMNS,
    rows: Rows::PerArticle(rows),
};

const COLUMNS: &[Column] = &[
    key_col("article_id", "the article's `id`"),
    col("stage", "the stage that removed it"),
    col("reason", "`builtin`, `pattern`, `learned`, ..."),
    col("text", "the removed text"),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    article
        .annotations
        .removed
        .iter()
        .map(|r| {
            vec![
                Cell::text(&article.id),
                Cell::text(r.stage),
                Cell::text(&r.reason),
                Cell::text(&r.text),
            ]
        })
        .collect()
}
