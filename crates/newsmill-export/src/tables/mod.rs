//! The tables newsmill writes. Each table is declared once, in its own file: its file name,
//! the family whose stage fills it, its columns with their one-line documentation, and the
//! function that builds its rows, side by side. docs/columns.md documents every column (a
//! test checks it lists all of them).

mod articles;
pub mod corpus_entities;
mod dates;
mod entities;
mod errors;
mod facts;
mod quotes;
mod removed;

use newsmill_core::{Article, EntityKind, Family, Geocode};

use crate::csv_out::Cell;

pub(crate) use articles::{published_date, top_names};
pub use errors::{DroppedRow, ErrorRow};

/// One column: its header, its kind and what it holds (one line, shown by `newsmill stages`
/// and mirrored in docs/columns.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub doc: &'static str,
}

/// What a column holds. Every format writes a column by its kind, whatever the corpus, so a
/// schema never depends on the data (an all-empty integer column is still an integer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An article id (or a document's path in errors/dropped): text written byte for byte
    /// as in articles.jsonl in every format, never formula-guarded, so joins always work.
    Key,
    /// Free text; formula-guarded in CSV only.
    Text,
    /// A whole number; empty when unknown.
    Integer,
    /// A decimal number; empty when unknown.
    Float,
    /// A full day, `YYYY-MM-DD`; empty when unknown.
    Date,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Key => "key",
            Kind::Text => "text",
            Kind::Integer => "integer",
            Kind::Float => "float",
            Kind::Date => "date",
        }
    }
}

/// A text column, for the table declarations.
pub const fn col(name: &'static str, doc: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Text,
        doc,
    }
}

/// A key column (an article id): never guarded, identical in every format.
pub const fn key_col(name: &'static str, doc: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Key,
        doc,
    }
}

/// A whole-number column.
pub const fn int_col(name: &'static str, doc: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Integer,
        doc,
    }
}

/// A decimal-number column.
pub const fn float_col(name: &'static str, doc: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Float,
        doc,
    }
}

/// A `YYYY-MM-DD` column.
pub const fn date_col(name: &'static str, doc: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Date,
        doc,
    }
}

/// When a table is part of a run's outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Every run (articles, errors, dropped).
    Always,
    /// When some stage of the pipeline writes this family.
    Writes(Family),
    /// With `output.audit = true`.
    Audit,
}

/// Where a table's rows come from.
#[derive(Debug, Clone, Copy)]
pub enum Rows {
    /// Rows built from each kept article.
    PerArticle(fn(&Article) -> Vec<Vec<Cell>>),
    /// One row per failed document ([`ErrorRow`]).
    Errors,
    /// One row per dropped document ([`DroppedRow`]).
    Dropped,
    /// Rows aggregated over the whole folder, written at the end
    /// ([`corpus_entities::CorpusEntities`]).
    Corpus,
}

/// One output table.
#[derive(Debug)]
pub struct Table {
    /// File name in the output folder (`entities.csv`).
    pub file: &'static str,
    /// What one row is, for docs and `newsmill stages`.
    pub about: &'static str,
    pub when: When,
    pub columns: &'static [Column],
    pub rows: Rows,
}

impl Table {
    /// The table's name in a workbook, a database or a Parquet file: the file name
    /// without `.csv` (`entities`).
    pub fn name(&self) -> &'static str {
        self.file.strip_suffix(".csv").unwrap_or(self.file)
    }

    /// The header row.
    pub fn header(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }

    /// Rows this table gets from one article (none for the error and dropped tables).
    pub fn article_rows(&self, article: &Article) -> Vec<Vec<Cell>> {
        match self.rows {
            Rows::PerArticle(build) => build(article),
            Rows::Errors | Rows::Dropped | Rows::Corpus => Vec::new(),
        }
    }

    /// Whether a run whose pipeline writes `families` writes this table.
    pub fn wanted(&self, families: &[Family], audit: bool) -> bool {
        match self.when {
            When::Always => true,
            When::Writes(family) => families.contains(&family),
            When::Audit => audit,
        }
    }
}

/// The geocode cells shared by entities.csv and facts.csv: id, country, admin1, lat, lon,
/// method; all empty without a geocode.
pub(crate) fn geo_cells(geo: Option<&Geocode>) -> [Cell; 6] {
    let Some(g) = geo else {
        return std::array::from_fn(|_| Cell::opt(None));
    };
    [
        Cell::opt_num(g.geonames_id.map(u64::from)),
        Cell::opt(g.country.as_deref()),
        Cell::opt(g.admin1.as_deref()),
        Cell::opt_num(g.lat),
        Cell::opt_num(g.lon),
        Cell::text(g.method),
    ]
}

/// The geocode of the location entity named `place` (a fact's place), if it was located.
pub(crate) fn geocode_of_place<'a>(article: &'a Article, place: &str) -> Option<&'a Geocode> {
    let a = &article.annotations;
    let entity = a
        .entities
        .iter()
        .position(|e| e.kind == EntityKind::Location && e.name == place)?;
    a.geocodes.iter().find(|g| g.entity == entity)
}

/// Every table, in the order files are listed.
pub const ALL: [&Table; 9] = [
    &articles::TABLE,
    &entities::TABLE,
    &corpus_entities::TABLE,
    &quotes::TABLE,
    &dates::TABLE,
    &facts::TABLE,
    &errors::ERRORS,
    &errors::DROPPED,
    &removed::TABLE,
];

/// The tables a run writes, given the families its pipeline writes.
pub fn tables_for(families: &[Family], audit: bool) -> Vec<&'static Table> {
    ALL.iter()
        .copied()
        .filter(|t| t.wanted(families, audit))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Block, DateMention, Entity, EntityKind, Fact, Granularity, Quote};
    use newsmill_core::{QuoteKind, Removal, Span, SpeakerType};

    fn full_article() -> Article {
        let mut article = Article::new("a.md", "in/a.md");
        article.blocks = vec![
            Block::paragraph("Obama spoke in Baghdad."),
            Block::paragraph("Five were killed on Sunday."),
        ];
        let a = &mut article.annotations;
        a.entities = vec![Entity {
            kind: EntityKind::Person,
            name: "Barack Obama".into(),
            aliases: vec!["Obama".into()],
            mentions: 1,
            first: Span::new(0, 0, 5),
        }];
        a.quotes = vec![Quote {
            speaker: None,
            speaker_mention: None,
            cue: None,
            text: "q".into(),
            kind: QuoteKind::Full,
            span: Span::new(0, 0, 1),
            speaker_type: SpeakerType::Unknown,
        }];
        a.dates = vec![DateMention {
            text: "Sunday".into(),
            value: "2013-12-22".into(),
            granularity: Granularity::Day,
            span: Span::new(1, 19, 25),
            start: "2013-12-22".into(),
            end: "2013-12-22".into(),
            anchor: "published".into(),
            reason: String::new(),
        }];
        a.facts = vec![Fact {
            kind: "killed".into(),
            count: Some(5),
            count_min: Some(5),
            count_max: Some(5),
            qualifier: None,
            subject: None,
            place: None,
            place_source: None,
            date: None,
            date_start: None,
            date_end: None,
            sentence: "Five were killed on Sunday.".into(),
            span: Span::new(1, 0, 4),
        }];
        a.removed = vec![Removal {
            stage: "clean.boilerplate",
            reason: "builtin".into(),
            text: "x".into(),
        }];
        article
    }

    #[test]
    fn every_row_has_as_many_cells_as_the_header() {
        let article = full_article();
        for table in ALL {
            for row in table.article_rows(&article) {
                assert_eq!(row.len(), table.columns.len(), "{}", table.file);
            }
        }
        assert_eq!(
            ErrorRow::for_test().cells().len(),
            errors::ERRORS.columns.len()
        );
        assert_eq!(
            DroppedRow::for_test().cells().len(),
            errors::DROPPED.columns.len()
        );
    }

    /// What the builders put in a number or date column reads as that kind, so the typed
    /// formats lose nothing.
    #[test]
    fn every_cell_reads_as_its_column_kind() {
        let article = full_article();
        for table in ALL {
            for row in table.article_rows(&article) {
                for (cell, column) in row.iter().zip(table.columns) {
                    let value = crate::typed::Value::of(cell, column.kind);
                    assert!(
                        !value.is_mistyped(cell),
                        "{}.{}: {cell:?} is not {}",
                        table.file,
                        column.name,
                        column.kind.as_str()
                    );
                }
            }
        }
    }

    #[test]
    fn file_and_column_names_are_unique_and_documented() {
        let mut files: Vec<&str> = ALL.iter().map(|t| t.file).collect();
        files.sort_unstable();
        files.dedup();
        assert_eq!(files.len(), ALL.len());
        for table in ALL {
            let mut names = table.header();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), table.columns.len(), "{}", table.file);
            for column in table.columns {
                assert!(
                    !column.doc.trim().is_empty(),
                    "{}: {}",
                    table.file,
                    column.name
                );
            }
        }
    }

    #[test]
    fn tables_follow_the_families_a_pipeline_writes() {
        let files = |families: &[Family], audit| {
            tables_for(families, audit)
                .iter()
                .map(|t| t.file)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            files(&[], false),
            ["articles.csv", "errors.csv", "dropped.csv"]
        );
        assert_eq!(
            files(&[Family::Entities, Family::Facts], true),
            [
                "articles.csv",
                "entities.csv",
                "corpus_entities.csv",
                "facts.csv",
                "errors.csv",
                "dropped.csv",
                "removed.csv"
            ]
        );
    }

    /// docs/columns.md has a section per table (a heading that starts with `## FILE`) that
    /// names every column in backquotes, and the kind of every non-text column.
    #[test]
    fn docs_list_every_column_of_every_table() {
        let docs = include_str!("../../../../docs/columns.md");
        for table in ALL {
            let heading = format!("## {}", table.file);
            let start = docs
                .find(&heading)
                .unwrap_or_else(|| panic!("docs/columns.md has no section `{heading}`"));
            let rest = &docs[start + heading.len()..];
            let section = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
            for column in table.columns.iter().filter(|c| c.kind != Kind::Text) {
                let kind = format!("`{}` ({})", column.name, column.kind.as_str());
                assert!(
                    section.contains(&kind),
                    "docs/columns.md, section {}: the Kinds line does not say {kind}",
                    table.file
                );
            }
            for column in table.columns {
                assert!(
                    section.contains(&format!("`{}`", column.name)),
                    "docs/columns.md, section {}: column `{}` is not documented",
                    table.file,
                    column.name
                );
            }
        }
    }
}
