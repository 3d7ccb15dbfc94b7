//! Annotation families: the named kinds of data stages put on an article.
//!
//! Each stage factory declares the families it reads and writes. Config loading uses the
//! declarations to reject a pipeline in which a stage reads a family that no earlier stage
//! (and no reader) writes, naming the stage that would provide it; the runner uses them to
//! choose output tables, so it never names a stage.

use std::fmt;

/// A kind of data on an [`crate::Article`] that one or more stages write and others read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Title, authors, publication date, publisher, url (`Article::meta`). Readers fill what
    /// the source states; `extract.metadata` adds what the text of plain articles says.
    Metadata,
    /// The body's language and confidence (`meta.language`).
    Language,
    /// Entities and their mentions (`Annotations::entities`, `mentions`).
    Entities,
    /// Quotations and speakers (`Annotations::quotes`).
    Quotes,
    /// Resolved date expressions (`Annotations::dates`).
    Dates,
    /// Counted facts (`Annotations::facts`).
    Facts,
    /// Duplicate marks (`Annotations::duplicate_of`).
    Duplicates,
    /// Geocoded location entities (`Annotations::geocodes`).
    Places,
}

impl Family {
    pub const ALL: [Family; 8] = [
        Family::Metadata,
        Family::Language,
        Family::Entities,
        Family::Quotes,
        Family::Dates,
        Family::Facts,
        Family::Duplicates,
        Family::Places,
    ];

    /// The name used in messages and in `newsmill stages`.
    pub fn name(self) -> &'static str {
        match self {
            Family::Metadata => "metadata",
            Family::Language => "language",
            Family::Entities => "entities",
            Family::Quotes => "quotes",
            Family::Dates => "dates",
            Family::Facts => "facts",
            Family::Duplicates => "duplicates",
            Family::Places => "places",
        }
    }

    /// Families every reader provides (possibly empty, as a source may state no date), so a
    /// stage may read them without any earlier stage.
    pub fn provided_by_readers(self) -> bool {
        matches!(self, Family::Metadata | Family::Language)
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = Family::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Family::ALL.len());
    }
}
