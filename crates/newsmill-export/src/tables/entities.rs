//! entities.csv: each entity once per article (`extract.entities`).

use newsmill_core::text::OffsetMap;
use newsmill_core::{Article, Family};

use super::{col, float_col, int_col, key_col, Column, Rows, Table, When};
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
    int_col("geonames_id", "GeoNames id of a location (`link.places`); empty when not settled"),
    col("country", "ISO 3166-1 alpha-2 country of a location"),
    col("admin1", "first-level division (state, province) of a location"),
    float_col("lat", "latitude of a location, WGS84 degrees"),
    float_col("lon", "longitude of a location, WGS84 degrees"),
    col(
        "geo_method",
        "how the location was decided: `country`, `context`, `capital`, `prominence`, `unique`, `part_of`, `candidates_agree`, `sentence_country`",
    ),
    key_col(
        "entity_id",
        "the entity's row in corpus_entities.csv (empty for `misc`)",
    ),
];

fn rows(article: &Article) -> Vec<Vec<Cell>> {
    let offsets = OffsetMap::new(&article.blocks);
    article
        .annotations
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut row = vec![
                Cell::text(&article.id),
                Cell::text(e.kind.as_str()),
                Cell::text(&e.name),
                Cell::num(e.mentions),
                Cell::num(offsets.char_offset(&article.blocks, e.first)),
                Cell::text(e.aliases.join("|")),
            ];
            row.extend(super::geo_cells(
                article.annotations.geocodes.iter().find(|g| g.entity == i),
            ));
            // Filled in when the run ends and the corpus is known (OutputSet::commit).
            row.push(Cell::text(""));
            row
        })
        .collect()
}
