//! newsmill.xlsx: one workbook, a sheet per table, typed cells (rust_xlsxwriter).
//!
//! Sheets are written in constant-memory mode (rows stream to temp files), so memory does
//! not grow with the corpus. Text is always a text cell, so no cell is ever a formula and
//! no guard is needed. Excel's limits: a table past 1,048,575 data rows continues on a
//! sheet `NAME (2)`, `NAME (3)`, ...; a cell past 32,767 characters is cut there (the other
//! formats keep the whole text) and the run log says how many were cut.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, Format, IntoCustomDateTime, Workbook, XlsxError};

use super::TableSink;
use crate::atomic::AtomicFile;
use crate::csv_out::Cell;
use crate::tables::{Kind, Table};
use crate::typed::Value;

/// Excel's rows per sheet, the header included.
pub const XLSX_MAX_ROWS: u32 = 1_048_576;
/// Excel's characters per cell.
pub const XLSX_MAX_CELL_CHARS: usize = 32_767;

/// Days from Excel's epoch (1899-12-30, as Excel counts) to 1970-01-01.
const EXCEL_UNIX_EPOCH: f64 = 25_569.0;
/// Excel dates are valid from 1900-03-01 (serial 61) on; earlier days are written as text.
const FIRST_EXCEL_DAY: i32 = 61 - 25_569;

/// The workbook's creation time, fixed so the same input gives the same bytes.
struct FixedCreationTime;

impl IntoCustomDateTime for FixedCreationTime {
    fn utc_datetime(self) -> String {
        "2000-01-01T00:00:00Z".into()
    }
}

/// Where one table is being written.
struct SheetState {
    /// Index of the current sheet in the workbook.
    sheet: usize,
    /// Sheets this table has (1 until it overflows).
    part: u32,
    /// Next row to write on the current sheet (0 is the header).
    next_row: u32,
}

pub struct XlsxSink {
    target: PathBuf,
    workbook: Workbook,
    tables: Vec<&'static Table>,
    states: Vec<SheetState>,
    /// Per sheet of the workbook: its table and the last row written (for the autofilter).
    sheets: Vec<(usize, u32)>,
    date: Format,
    header: Format,
    cut_cells: usize,
    rows_per_sheet: u32,
}

fn xlsx_error(e: XlsxError) -> io::Error {
    io::Error::other(format!("xlsx: {e}"))
}

impl XlsxSink {
    pub fn create(target: &Path, tables: &[&'static Table]) -> io::Result<Self> {
        Self::with_rows_per_sheet(target, tables, XLSX_MAX_ROWS)
    }

    /// As [`XlsxSink::create`], with a smaller sheet size (tests of the overflow rule).
    pub fn with_rows_per_sheet(
        target: &Path,
        tables: &[&'static Table],
        rows_per_sheet: u32,
    ) -> io::Result<Self> {
        let mut workbook = Workbook::new();
        workbook.set_properties(
            &DocProperties::new()
                .set_creation_datetime(FixedCreationTime)
                .set_title("newsmill output"),
        );
        let mut sink = XlsxSink {
            target: target.to_path_buf(),
            workbook,
            tables: tables.to_vec(),
            states: Vec::new(),
            sheets: Vec::new(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            header: Format::new().set_bold(),
            cut_cells: 0,
            rows_per_sheet: rows_per_sheet.max(2),
        };
        for (i, table) in tables.iter().enumerate() {
            let sheet = sink.add_sheet(i, table.name().to_string())?;
            sink.states.push(SheetState {
                sheet,
                part: 1,
                next_row: 1,
            });
        }
        Ok(sink)
    }

    /// Adds a sheet with the table's header, frozen, and column widths by kind.
    fn add_sheet(&mut self, t: usize, name: String) -> io::Result<usize> {
        let table = self.tables[t];
        let index = self.sheets.len();
        self.sheets.push((t, 0));
        let sheet = self.workbook.add_worksheet_with_constant_memory();
        sheet.set_name(name).map_err(xlsx_error)?;
        for (c, column) in table.columns.iter().enumerate() {
            let c = c as u16;
            sheet
                .set_column_width(c, column_width(column.name, column.kind))
                .map_err(xlsx_error)?;
            sheet
                .write_string_with_format(0, c, column.name, &self.header)
                .map_err(xlsx_error)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        Ok(index)
    }

    fn write_row(&mut self, table: usize, row: &[Cell]) -> io::Result<()> {
        if self.states[table].next_row >= self.rows_per_sheet {
            let part = self.states[table].part + 1;
            let name = format!("{} ({part})", self.tables[table].name());
            let sheet = self.add_sheet(table, name)?;
            self.states[table] = SheetState {
                sheet,
                part,
                next_row: 1,
            };
        }
        let state = &mut self.states[table];
        let r = state.next_row;
        state.next_row += 1;
        self.sheets[state.sheet].1 = r;
        let columns = self.tables[table].columns;
        let sheet = self
            .workbook
            .worksheet_from_index(state.sheet)
            .map_err(xlsx_error)?;
        for (c, (cell, column)) in row.iter().zip(columns).enumerate() {
            let c = c as u16;
            match Value::of(cell, column.kind) {
                Value::Null => {}
                Value::Text("") => {}
                Value::Text(text) => {
                    let text = match text.char_indices().nth(XLSX_MAX_CELL_CHARS) {
                        Some((cut, _)) => {
                            self.cut_cells += 1;
                            &text[..cut]
                        }
                        None => text,
                    };
                    sheet.write_string(r, c, text).map_err(xlsx_error)?;
                }
                Value::Integer(n) => {
                    sheet.write_number(r, c, n as f64).map_err(xlsx_error)?;
                }
                Value::Float(x) => {
                    sheet.write_number(r, c, x).map_err(xlsx_error)?;
                }
                Value::Date(days, _) if days >= FIRST_EXCEL_DAY => {
                    let serial = f64::from(days) + EXCEL_UNIX_EPOCH;
                    sheet
                        .write_number_with_format(r, c, serial, &self.date)
                        .map_err(xlsx_error)?;
                }
                Value::Date(..) => {
                    sheet
                        .write_string(r, c, cell.as_str())
                        .map_err(xlsx_error)?;
                }
            }
        }
        Ok(())
    }
}

/// Readable widths (in characters) without measuring the data, which constant-memory mode
/// cannot revisit: by kind, never narrower than the header.
fn column_width(name: &str, kind: Kind) -> f64 {
    let by_kind = match kind {
        Kind::Key => 28,
        Kind::Text => 30,
        Kind::Integer | Kind::Float => 10,
        Kind::Date => 12,
    };
    by_kind.max(name.chars().count() + 3) as f64
}

impl TableSink for XlsxSink {
    fn write_rows(&mut self, table: usize, rows: &[Vec<Cell>]) -> io::Result<()> {
        for row in rows {
            self.write_row(table, row)?;
        }
        Ok(())
    }

    fn commit(mut self: Box<Self>) -> io::Result<Vec<PathBuf>> {
        // Autofilters over every sheet's rows, now that the last row is known.
        for (s, &(t, last_row)) in self.sheets.iter().enumerate() {
            let last_col = self.tables[t].columns.len().saturating_sub(1) as u16;
            self.workbook
                .worksheet_from_index(s)
                .map_err(xlsx_error)?
                .autofilter(0, 0, last_row, last_col)
                .map_err(xlsx_error)?;
        }
        if self.cut_cells > 0 {
            tracing::warn!(
                "{}: {} cells longer than Excel's {XLSX_MAX_CELL_CHARS} characters were cut (the CSV, Parquet and SQLite files hold them whole)",
                self.target.display(),
                self.cut_cells
            );
        }
        let bytes = self.workbook.save_to_buffer().map_err(xlsx_error)?;
        let mut file = AtomicFile::create(&self.target)?;
        file.write_all(&bytes)?;
        Ok(vec![file.commit()?])
    }
}
