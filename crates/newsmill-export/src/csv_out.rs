//! RFC 4180 CSV writing for spreadsheets.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::atomic::AtomicFile;
use crate::tables::{Column, Kind};

/// The `[output.csv]` config table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct CsvOptions {
    /// Start each CSV with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    pub bom: bool,
    /// Field delimiter: one ASCII character (`,`, `;`, `\t`, `|`).
    pub delimiter: char,
    /// Make text cells that start with `=`, `+`, `-`, `@`, tab or carriage return inert by
    /// prefixing a single quote, so a spreadsheet never runs them as formulas.
    pub formula_guard: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            bom: false,
            delimiter: ',',
            formula_guard: true,
        }
    }
}

/// Prefixes `'` to a cell that a spreadsheet would read as a formula (OWASP's advice for CSV
/// injection). Returns the cell unchanged otherwise.
pub fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A CSV table being written: header first, then rows, committed atomically.
pub struct CsvTableWriter {
    writer: csv::Writer<AtomicFile>,
    /// Per column: whether the formula guard applies (text columns only: a key must stay
    /// byte-identical to articles.jsonl so joins work, and a number or a date never starts
    /// with a formula character but a minus sign).
    guarded: Vec<bool>,
}

impl std::fmt::Debug for CsvTableWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvTableWriter").finish()
    }
}

impl CsvTableWriter {
    pub fn create(
        path: &std::path::Path,
        columns: &[Column],
        options: &CsvOptions,
    ) -> io::Result<Self> {
        let mut file = AtomicFile::create(path)?;
        if options.bom {
            file.write_all("\u{feff}".as_bytes())?;
        }
        let writer = csv::WriterBuilder::new()
            .delimiter(options.delimiter as u8)
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(file);
        let mut table = CsvTableWriter {
            writer,
            guarded: columns
                .iter()
                .map(|c| options.formula_guard && c.kind == Kind::Text)
                .collect(),
        };
        table
            .writer
            .write_record(columns.iter().map(|c| c.name))
            .map_err(io::Error::other)?;
        Ok(table)
    }

    /// Writes one row. Cells of text columns are guarded; keys, numbers and dates are not
    /// (a key must join, a negative number must stay a number).
    pub fn write_row(&mut self, row: &[Cell]) -> io::Result<()> {
        for (i, cell) in row.iter().enumerate() {
            let guard = self.guarded.get(i).copied().unwrap_or(false);
            let field = match cell {
                Cell::Text(s) if guard => guard_formula(s),
                Cell::Text(s) | Cell::Number(s) => std::borrow::Cow::Borrowed(s.as_str()),
            };
            self.writer
                .write_field(field.as_bytes())
                .map_err(io::Error::other)?;
        }
        self.writer
            .write_record(None::<&[u8]>)
            .map_err(io::Error::other)
    }

    pub fn commit(self) -> io::Result<std::path::PathBuf> {
        let file = self
            .writer
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        file.commit()
    }
}

/// One CSV cell: text (guarded against formulas) or a number written as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number(String),
}

impl Cell {
    /// The cell's text as written to a CSV before any guard.
    pub fn as_str(&self) -> &str {
        match self {
            Cell::Text(s) | Cell::Number(s) => s,
        }
    }

    pub fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    pub fn opt(s: Option<&str>) -> Self {
        Cell::Text(s.unwrap_or_default().to_string())
    }

    pub fn num(n: impl ToString) -> Self {
        Cell::Number(n.to_string())
    }

    pub fn opt_num<T: ToString>(n: Option<T>) -> Self {
        Cell::Number(n.map(|n| n.to_string()).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{col, int_col, key_col};

    #[test]
    fn formula_cells_are_made_inert() {
        assert_eq!(guard_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard_formula("+1"), "'+1");
        assert_eq!(guard_formula("-2+3"), "'-2+3");
        assert_eq!(guard_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard_formula("Obama said"), "Obama said");
        assert_eq!(guard_formula(""), "");
    }

    #[test]
    fn writes_rfc4180_with_bom_and_guard() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let options = CsvOptions {
            bom: true,
            ..CsvOptions::default()
        };
        let columns = [col("a", "a"), int_col("b", "b")];
        let mut table = CsvTableWriter::create(&path, &columns, &options).unwrap();
        table
            .write_row(&[Cell::text("say \"hi\", then\nleave"), Cell::num(-3)])
            .unwrap();
        table
            .write_row(&[Cell::text("=1+1"), Cell::text("ok")])
            .unwrap();
        table.commit().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "\u{feff}a,b\r\n\"say \"\"hi\"\", then\nleave\",-3\r\n'=1+1,ok\r\n"
        );
    }

    /// A key that starts like a formula is written as is, so it joins to articles.jsonl;
    /// the text column beside it is still guarded.
    #[test]
    fn keys_are_never_guarded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let columns = [key_col("article_id", "k"), col("name", "n")];
        let mut table = CsvTableWriter::create(&path, &columns, &CsvOptions::default()).unwrap();
        for id in ["=a.md", "+b.md", "-c.md", "@d.md"] {
            table.write_row(&[Cell::text(id), Cell::text(id)]).unwrap();
        }
        table.commit().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "article_id,name\r\n=a.md,'=a.md\r\n+b.md,'+b.md\r\n-c.md,'-c.md\r\n@d.md,'@d.md\r\n"
        );
    }
}
