//! quotes.csv: direct quotations with their speakers (`extract.quotes`).

use newsmill_core::text::OffsetMap;
use newsmill_core::{Article, Family};

use super::{col, int_col, key_col, Column, Rows, Table, When};
use crate::csv_out::Cell;

pub const TABLE: Table = Table {
    file: "quotes.csv",
    about: "one row per direct quotation",
    when: When::Writes(Family::Quotes),
    columns: COLUMNS,
    rows: Rows::PerArticle(rows),
};

const COLUMNS: &[Column] = &[
    key_col("article_id", "the article's `id`"),
    col(
        "speaker",
        "normalised speaker name (matches entities.csv); empty when unknown",
    ),
    col(
        "speaker_mention",
        "the words that named the speaker at the attribution",
    ),
    col("cue", "the attribution verb or phrase"),
    col(
        "quote",
        "the quotation; interrupted parts joined with ` … `",
    ),
    col("kind", "`full`, `partial` or `term`"),
    int_col(
        "paragraph",
        "1-based number of the body block where the quotation starts",
    ),
    int_col("offset", "character offset where it starts"),
    col("speaker_type", "`person`, `organisation` or `unknown`"),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    let offsets = OffsetMap::new(&article.blocks);
    article
        .annotations
        .quotes
        .iter()
        .map(|q| {
            vec![
                Cell::text(&article.id),
                Cell::opt(q.speaker.as_deref()),
                Cell::opt(q.speaker_mention.as_deref()),
                Cell::opt(q.cue.as_deref()),
                Cell::text(&q.text),
                Cell::text(q.kind.as_str()),
                Cell::num(q.span.block + 1),
                Cell::num(offsets.char_offset(&article.blocks, q.span)),
                Cell::text(q.speaker_type.as_str()),
            ]
        })
        .collect()
}
