//! The CSV tables: their columns and the rows one article gives. docs/columns.md documents
//! every column; keep the two in step.

use newsmill_core::text::OffsetMap;
use newsmill_core::{Article, EntityKind};

use crate::csv_out::Cell;

/// One failed file or stage: a row of errors.csv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRow {
    pub path: String,
    /// `discover`, a reader name (`read.markdown`) or a stage name.
    pub stage: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Table {
    Articles,
    Entities,
    Quotes,
    Dates,
    Facts,
    Errors,
    /// Audit of text removed by cleaning stages (written when `output.audit = true`).
    Removed,
}

/// How many names go into the `top_*` columns of articles.csv.
const TOP_NAMES: usize = 5;

impl Table {
    pub const ALL: [Table; 7] = [
        Table::Articles,
        Table::Entities,
        Table::Quotes,
        Table::Dates,
        Table::Facts,
        Table::Errors,
        Table::Removed,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            Table::Articles => "articles.csv",
            Table::Entities => "entities.csv",
            Table::Quotes => "quotes.csv",
            Table::Dates => "dates.csv",
            Table::Facts => "facts.csv",
            Table::Errors => "errors.csv",
            Table::Removed => "removed.csv",
        }
    }

    pub fn header(self) -> &'static [&'static str] {
        match self {
            Table::Articles => &[
                "id",
                "path",
                "format",
                "title",
                "authors",
                "published",
                "publisher",
                "url",
                "language",
                "language_confidence",
                "words",
                "paragraphs",
                "encoding",
                "duplicate_of",
                "top_people",
                "top_organizations",
                "top_places",
                "extraction",
                "extraction_confidence",
                "published_source",
            ],
            Table::Entities => &[
                "article_id",
                "type",
                "name",
                "mentions",
                "first_offset",
                "aliases",
            ],
            Table::Quotes => &[
                "article_id",
                "speaker",
                "speaker_mention",
                "cue",
                "quote",
                "kind",
                "paragraph",
                "offset",
            ],
            Table::Dates => &["article_id", "text", "value", "granularity", "offset"],
            Table::Facts => &[
                "article_id",
                "kind",
                "count",
                "count_min",
                "count_max",
                "qualifier",
                "subject",
                "place",
                "date",
                "sentence",
                "offset",
            ],
            Table::Errors => &["path", "stage", "code", "message"],
            Table::Removed => &["article_id", "stage", "reason", "text"],
        }
    }

    /// The rows this table gets from one article (none for errors.csv).
    pub fn rows(self, article: &Article) -> Vec<Vec<Cell>> {
        let id = || Cell::text(&article.id);
        match self {
            Table::Articles => vec![article_row(article)],
            Table::Entities => {
                let offsets = OffsetMap::new(&article.blocks);
                article
                    .annotations
                    .entities
                    .iter()
                    .map(|e| {
                        vec![
                            id(),
                            Cell::text(e.kind.as_str()),
                            Cell::text(&e.name),
                            Cell::num(e.mentions),
                            Cell::num(offsets.char_offset(&article.blocks, e.first)),
                            Cell::text(e.aliases.join("|")),
                        ]
                    })
                    .collect()
            }
            Table::Quotes => {
                let offsets = OffsetMap::new(&article.blocks);
                article
                    .annotations
                    .quotes
                    .iter()
                    .map(|q| {
                        vec![
                            id(),
                            Cell::opt(q.speaker.as_deref()),
                            Cell::opt(q.speaker_mention.as_deref()),
                            Cell::opt(q.cue.as_deref()),
                            Cell::text(&q.text),
                            Cell::text(q.kind.as_str()),
                            Cell::num(q.span.block + 1),
                            Cell::num(offsets.char_offset(&article.blocks, q.span)),
                        ]
                    })
                    .collect()
            }
            Table::Dates => {
                let offsets = OffsetMap::new(&article.blocks);
                article
                    .annotations
                    .dates
                    .iter()
                    .map(|d| {
                        vec![
                            id(),
                            Cell::text(&d.text),
                            Cell::text(&d.value),
                            Cell::text(d.granularity.as_str()),
                            Cell::num(offsets.char_offset(&article.blocks, d.span)),
                        ]
                    })
                    .collect()
            }
            Table::Facts => {
                let offsets = OffsetMap::new(&article.blocks);
                article
                    .annotations
                    .facts
                    .iter()
                    .map(|f| {
                        vec![
                            id(),
                            Cell::text(&f.kind),
                            Cell::opt_num(f.count),
                            Cell::opt_num(f.count_min),
                            Cell::opt_num(f.count_max),
                            Cell::opt(f.qualifier.as_deref()),
                            Cell::opt(f.subject.as_deref()),
                            Cell::opt(f.place.as_deref()),
                            Cell::opt(f.date.as_deref()),
                            Cell::text(&f.sentence),
                            Cell::num(offsets.char_offset(&article.blocks, f.span)),
                        ]
                    })
                    .collect()
            }
            Table::Removed => article
                .annotations
                .removed
                .iter()
                .map(|r| {
                    vec![
                        id(),
                        Cell::text(r.stage),
                        Cell::text(&r.reason),
                        Cell::text(&r.text),
                    ]
                })
                .collect(),
            Table::Errors => Vec::new(),
        }
    }

    pub fn error_row(error: &ErrorRow) -> Vec<Cell> {
        vec![
            Cell::text(&error.path),
            Cell::text(&error.stage),
            Cell::text(&error.code),
            Cell::text(&error.message),
        ]
    }
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

fn article_row(article: &Article) -> Vec<Cell> {
    let meta = &article.meta;
    vec![
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
        Cell::opt(meta.extraction.as_deref()),
        Cell::opt_num(meta.extraction_confidence.map(|c| format!("{c:.2}"))),
        Cell::opt(meta.published_source.as_deref()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Block, Entity, Span};

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
    fn every_row_has_as_many_cells_as_the_header() {
        let mut article = Article::new("a.md", "in/a.md");
        article.blocks = vec![
            Block::paragraph("Obama spoke."),
            Block::paragraph("Baghdad."),
        ];
        article.annotations.entities = vec![entity(EntityKind::Person, "Barack Obama", 2, 0)];
        for table in Table::ALL {
            for row in table.rows(&article) {
                assert_eq!(row.len(), table.header().len(), "{table:?}");
            }
        }
        assert_eq!(
            Table::error_row(&ErrorRow::default_for_test()).len(),
            Table::Errors.header().len()
        );
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

    impl ErrorRow {
        fn default_for_test() -> Self {
            ErrorRow {
                path: "p".into(),
                stage: "s".into(),
                code: "c".into(),
                message: "m".into(),
            }
        }
    }
}
