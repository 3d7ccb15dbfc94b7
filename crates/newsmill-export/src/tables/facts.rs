//! facts.csv: counted facts (`extract.facts`).

use newsmill_core::text::OffsetMap;
use newsmill_core::{Article, Family};

use super::{col, date_col, float_col, int_col, key_col, Column, Rows, Table, When};
use crate::csv_out::Cell;

pub const TABLE: Table = Table {
    file: "facts.csv",
    about: "one row per counted fact",
    when: When::Writes(Family::Facts),
    columns: COLUMNS,
    rows: Rows::PerArticle(rows),
};

const COLUMNS: &[Column] = &[
    key_col("article_id", "the article's `id`"),
    col("kind", "`killed`, `wounded`, `arrested`, ... or `quantity`"),
    int_col("count", "best single value"),
    int_col(
        "count_min",
        "lower bound; equal to `count` for exact numbers",
    ),
    int_col("count_max", "upper bound; empty when open"),
    col("qualifier", "\"at least\", \"over\", \"some\", ..."),
    col("subject", "who or what is counted"),
    col(
        "place",
        "place of the event: a location in its sentence, else its paragraph, else the dateline or title",
    ),
    col(
        "place_source",
        "where the place was found: `sentence`, `paragraph`, `demonym`, `dateline`, `title`",
    ),
    int_col("place_geonames_id", "GeoNames id of the place (from `link.places`)"),
    col("place_country", "ISO 3166-1 alpha-2 country of the place"),
    float_col("place_lat", "latitude of the place, WGS84 degrees"),
    float_col("place_lon", "longitude of the place, WGS84 degrees"),
    col(
        "date",
        "the sentence's resolved date, else the publication date",
    ),
    date_col("date_start", "first day of `date`'s period, `YYYY-MM-DD`"),
    date_col("date_end", "last day of `date`'s period, `YYYY-MM-DD`"),
    col(
        "sentence",
        "the sentence the fact is in (a sentence over 400 characters: the 400 around the count, cut ends marked …)",
    ),
    int_col("offset", "character offset of the sentence"),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    let offsets = OffsetMap::new(&article.blocks);
    article
        .annotations
        .facts
        .iter()
        .map(|f| {
            let geo = f
                .place
                .as_deref()
                .and_then(|p| super::geocode_of_place(article, p));
            let geo = super::geo_cells(geo);
            vec![
                Cell::text(&article.id),
                Cell::text(&f.kind),
                Cell::opt_num(f.count),
                Cell::opt_num(f.count_min),
                Cell::opt_num(f.count_max),
                Cell::opt(f.qualifier.as_deref()),
                Cell::opt(f.subject.as_deref()),
                Cell::opt(f.place.as_deref()),
                Cell::opt(f.place_source.as_deref()),
                geo[0].clone(),
                geo[1].clone(),
                geo[3].clone(),
                geo[4].clone(),
                Cell::opt(f.date.as_deref()),
                Cell::opt(f.date_start.as_deref()),
                Cell::opt(f.date_end.as_deref()),
                Cell::text(&f.sentence),
                Cell::num(offsets.char_offset(&article.blocks, f.span)),
            ]
        })
        .collect()
}
