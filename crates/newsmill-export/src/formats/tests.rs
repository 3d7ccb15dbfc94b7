//! Each typed format read back with an independent reader (calamine for XLSX, SQLite itself,
//! the parquet crate's record reader) holds exactly the CSV's rows, typed by column kind.

use std::path::Path;

use calamine::{open_workbook, Data, Reader, Xlsx};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

use super::*;
use crate::tables::{col, date_col, float_col, int_col, key_col, Column, Kind};

/// A cell as the test compares it: what the CSV would hold, plus its type.
#[derive(Debug, Clone, PartialEq)]
enum Seen {
    Empty,
    Text(String),
    Number(f64),
    /// Days since 1970-01-01.
    Date(i64),
}

const COLUMNS: &[Column] = &[
    key_col("article_id", "k"),
    col("name", "n"),
    int_col("count", "c"),
    float_col("share", "s"),
    date_col("day", "d"),
];

const TABLE: Table = Table {
    file: "things.csv",
    about: "test rows",
    when: crate::When::Always,
    columns: COLUMNS,
    rows: Rows::PerArticle(|_| Vec::new()),
};

fn rows() -> Vec<Vec<Cell>> {
    let long = "x".repeat(XLSX_MAX_CELL_CHARS + 5);
    vec![
        vec![
            Cell::text("=a.md"),
            Cell::text("=SUM(A1)"),
            Cell::num(-3),
            Cell::num("0.25"),
            Cell::text("2013-12-22"),
        ],
        vec![
            Cell::text("b.md"),
            Cell::text(""),
            Cell::opt_num(None::<u64>),
            Cell::opt_num(None::<f64>),
            Cell::text(""),
        ],
        vec![
            Cell::text("c.md"),
            Cell::text(long),
            Cell::num(7),
            Cell::num("1"),
            Cell::text("1970-01-01"),
        ],
    ]
}

/// What every format must give back for `rows()`, by column kind (the XLSX cuts the long
/// cell at Excel's limit).
fn expected(xlsx: bool) -> Vec<Vec<Seen>> {
    rows()
        .iter()
        .map(|row| {
            row.iter()
                .zip(COLUMNS)
                .map(
                    |(cell, column)| match crate::typed::Value::of(cell, column.kind) {
                        crate::typed::Value::Null => Seen::Empty,
                        crate::typed::Value::Text("") => Seen::Empty,
                        crate::typed::Value::Text(t) if xlsx => {
                            Seen::Text(t.chars().take(XLSX_MAX_CELL_CHARS).collect())
                        }
                        crate::typed::Value::Text(t) => Seen::Text(t.to_string()),
                        crate::typed::Value::Integer(n) => Seen::Number(n as f64),
                        crate::typed::Value::Float(x) => Seen::Number(x),
                        crate::typed::Value::Date(d, _) => Seen::Date(i64::from(d)),
                    },
                )
                .collect()
        })
        .collect()
}

fn write_all(sink: &mut dyn TableSink) {
    let rows = rows();
    sink.write_rows(0, &rows[..1]).unwrap();
    sink.write_rows(0, &rows[1..]).unwrap();
}

fn read_xlsx(path: &Path, sheet: &str) -> Vec<Vec<Seen>> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    range
        .rows()
        .skip(1)
        .map(|row| {
            (0..COLUMNS.len())
                .map(|c| match row.get(c) {
                    None | Some(Data::Empty) => Seen::Empty,
                    Some(Data::String(s)) => Seen::Text(s.clone()),
                    Some(Data::Float(x)) => Seen::Number(*x),
                    Some(Data::Int(n)) => Seen::Number(*n as f64),
                    Some(Data::DateTime(d)) => Seen::Date(d.as_f64() as i64 - 25_569),
                    Some(other) => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn xlsx_holds_the_rows_typed_with_header_and_cut_long_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    let mut sink = Box::new(XlsxSink::create(&path, &[&TABLE]).unwrap());
    write_all(sink.as_mut());
    sink.commit().unwrap();
    assert_eq!(read_xlsx(&path, "things"), expected(true));
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    let header = workbook.worksheet_range("things").unwrap();
    let header: Vec<String> = header
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, ["article_id", "name", "count", "share", "day"]);
}

#[test]
fn xlsx_continues_a_full_table_on_a_second_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    // Three rows on sheets of two (header + one row).
    let mut sink = Box::new(XlsxSink::with_rows_per_sheet(&path, &[&TABLE], 2).unwrap());
    write_all(sink.as_mut());
    sink.commit().unwrap();
    let mut all = Vec::new();
    for sheet in ["things", "things (2)", "things (3)"] {
        all.extend(read_xlsx(&path, sheet));
    }
    assert_eq!(all, expected(true));
}

#[test]
fn xlsx_bytes_do_not_depend_on_when_it_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str| {
        let path = dir.path().join(name);
        let mut sink = Box::new(XlsxSink::create(&path, &[&TABLE]).unwrap());
        write_all(sink.as_mut());
        sink.commit().unwrap();
        std::fs::read(path).unwrap()
    };
    let first = write("a.xlsx");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(first == write("b.xlsx"));
}

#[test]
fn sqlite_holds_the_rows_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    let mut sink = Box::new(SqliteSink::create(&path, &[&TABLE]).unwrap());
    write_all(sink.as_mut());
    sink.commit().unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let mut query = db.prepare("SELECT * FROM things ORDER BY rowid").unwrap();
    let got: Vec<Vec<Seen>> = query
        .query_map([], |row| {
            Ok((0..COLUMNS.len())
                .map(|c| match row.get_ref(c).unwrap() {
                    rusqlite::types::ValueRef::Null => Seen::Empty,
                    rusqlite::types::ValueRef::Text([]) => Seen::Empty,
                    rusqlite::types::ValueRef::Text(t) if COLUMNS[c].kind == Kind::Date => {
                        let day = newsmill_core::civil::CivilDate::parse_iso(
                            std::str::from_utf8(t).unwrap(),
                        )
                        .unwrap();
                        Seen::Date(day.day_number())
                    }
                    rusqlite::types::ValueRef::Text(t) => {
                        Seen::Text(String::from_utf8(t.to_vec()).unwrap())
                    }
                    rusqlite::types::ValueRef::Integer(n) => {
                        assert_eq!(COLUMNS[c].kind, Kind::Integer);
                        Seen::Number(n as f64)
                    }
                    rusqlite::types::ValueRef::Real(x) => Seen::Number(x),
                    rusqlite::types::ValueRef::Blob(_) => panic!("blob"),
                })
                .collect())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(got, expected(false));
}

#[test]
fn sqlite_has_keys_indexes_and_views() {
    let tables = crate::tables_for(&[newsmill_core::Family::Entities], false);
    let (create, after) = sqlite_schema(&tables);
    assert!(
        create.contains("\"id\" TEXT NOT NULL PRIMARY KEY"),
        "{create}"
    );
    assert!(create.contains("\"article_id\" TEXT NOT NULL REFERENCES \"articles\"(\"id\")"));
    assert!(after.contains("CREATE INDEX \"entities_article_id\""));
    assert!(after.contains("CREATE VIEW \"entities_with_article\""));
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(&format!("{create}{after}")).unwrap();
    db.execute_batch("SELECT article_title, article_published FROM entities_with_article")
        .unwrap();
}

fn read_parquet(path: &Path) -> Vec<Vec<Seen>> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .map(|(_, field)| match field {
                    Field::Null => Seen::Empty,
                    Field::Str(s) if s.is_empty() => Seen::Empty,
                    Field::Str(s) => Seen::Text(s.clone()),
                    Field::Long(n) => Seen::Number(*n as f64),
                    Field::Double(x) => Seen::Number(*x),
                    Field::Date(d) => Seen::Date(i64::from(*d)),
                    other => panic!("unexpected field {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn parquet_holds_the_rows_typed_and_keeps_types_when_empty() {
    let dir = tempfile::tempdir().unwrap();
    let mut sink = Box::new(ParquetSink::create(dir.path(), &[&TABLE]).unwrap());
    write_all(sink.as_mut());
    sink.commit().unwrap();
    assert_eq!(
        read_parquet(&dir.path().join("things.parquet")),
        expected(false)
    );

    // No rows at all: the schema is the same.
    let empty = tempfile::tempdir().unwrap();
    Box::new(ParquetSink::create(empty.path(), &[&TABLE]).unwrap())
        .commit()
        .unwrap();
    let reader = SerializedFileReader::new(
        std::fs::File::open(empty.path().join("things.parquet")).unwrap(),
    )
    .unwrap();
    let schema = reader.metadata().file_metadata().schema_descr();
    let types: Vec<String> = schema
        .columns()
        .iter()
        .map(|c| format!("{} {:?}", c.name(), c.physical_type()))
        .collect();
    assert_eq!(
        types,
        [
            "article_id BYTE_ARRAY",
            "name BYTE_ARRAY",
            "count INT64",
            "share DOUBLE",
            "day INT32"
        ]
    );
    assert_eq!(reader.metadata().file_metadata().num_rows(), 0);
}

/// docs/columns.md shows the Parquet schema of entities as the code makes it.
#[test]
fn docs_show_the_parquet_schema_the_code_writes() {
    let docs = include_str!("../../../../docs/columns.md");
    let entities = crate::tables::ALL
        .iter()
        .find(|t| t.file == "entities.csv")
        .unwrap();
    assert!(
        docs.contains(&parquet_schema(entities)),
        "docs/columns.md does not show:\n{}",
        parquet_schema(entities)
    );
}
