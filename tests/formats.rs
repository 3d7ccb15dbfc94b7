//! End-to-end: every output format for the sample folder and (when ../shared exists) the BBC
//! folder, read back with independent readers (calamine for XLSX, SQLite, the parquet
//! crate's record reader) and compared cell by cell, by column kind, with the CSVs; keys
//! join byte for byte to articles.jsonl. (A test of the newsmill-cli package, which owns
//! the binary.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};
use newsmill_export::formats::XLSX_MAX_CELL_CHARS;
use newsmill_export::{guard_formula, Kind, Table};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// A typed cell as read from one format.
#[derive(Debug, Clone, PartialEq)]
enum Got {
    Empty,
    Text(String),
    Number(f64),
    /// Days since 1970-01-01.
    Date(i64),
}

fn run_all_formats(input: &Path, out: &Path, jobs: &str) {
    let result = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .current_dir(root())
        .args(["run", input.to_str().unwrap(), "--quiet", "--jobs", jobs])
        .args(["--format", "csv,jsonl,xlsx,parquet,sqlite,report"])
        .args(["--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        result.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

fn days(text: &str) -> i64 {
    newsmill_core::civil::CivilDate::parse_iso(text)
        .unwrap_or_else(|| panic!("not a date: {text}"))
        .day_number()
}

/// Whether `got` (a typed format's cell) is what the CSV cell says, for a column of `kind`.
fn same(csv: &str, got: &Got, kind: Kind, xlsx: bool) -> bool {
    match (kind, got) {
        (_, Got::Empty) => csv.is_empty(),
        (Kind::Key, Got::Text(t)) => t == csv,
        (Kind::Text, Got::Text(t)) => {
            let guarded = guard_formula(t);
            if xlsx && csv.chars().count() > XLSX_MAX_CELL_CHARS {
                let cut: String = csv.chars().take(XLSX_MAX_CELL_CHARS).collect();
                guard_formula(&cut) == guarded
            } else {
                guarded == csv
            }
        }
        (Kind::Integer | Kind::Float, Got::Number(x)) => {
            csv.parse::<f64>().is_ok_and(|c| (c - x).abs() < 1e-9)
        }
        (Kind::Date, Got::Date(d)) => days(csv) == *d,
        // Excel holds no day before 1900-03-01: the workbook has such a date as text.
        (Kind::Date, Got::Text(t)) => xlsx && t == csv && days(csv) < days("1900-03-01"),
        _ => false,
    }
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn xlsx_rows(
    workbook: &mut Xlsx<std::io::BufReader<std::fs::File>>,
    table: &Table,
) -> Vec<Vec<Got>> {
    let mut rows = Vec::new();
    let names = workbook.sheet_names();
    let sheets = names
        .iter()
        .filter(|n| *n == table.name() || n.starts_with(&format!("{} (", table.name())));
    for sheet in sheets {
        let range = workbook.worksheet_range(sheet).unwrap();
        for row in range.rows().skip(1) {
            rows.push(
                (0..table.columns.len())
                    .map(|c| match row.get(c) {
                        None | Some(Data::Empty) => Got::Empty,
                        Some(Data::String(s)) if s.is_empty() => Got::Empty,
                        Some(Data::String(s)) => Got::Text(s.clone()),
                        Some(Data::Float(x)) => Got::Number(*x),
                        Some(Data::Int(n)) => Got::Number(*n as f64),
                        Some(Data::DateTime(d)) => Got::Date(d.as_f64() as i64 - 25_569),
                        Some(other) => panic!("{}: unexpected cell {other:?}", table.name()),
                    })
                    .collect(),
            );
        }
    }
    rows
}

fn sqlite_rows(db: &rusqlite::Connection, table: &Table) -> Vec<Vec<Got>> {
    use rusqlite::types::ValueRef;
    let mut query = db
        .prepare(&format!(
            "SELECT * FROM \"{}\" ORDER BY rowid",
            table.name()
        ))
        .unwrap();
    query
        .query_map([], |row| {
            Ok((0..table.columns.len())
                .map(|c| match row.get_ref(c).unwrap() {
                    ValueRef::Null => Got::Empty,
                    ValueRef::Text([]) => Got::Empty,
                    ValueRef::Text(t) => {
                        let t = std::str::from_utf8(t).unwrap();
                        match table.columns[c].kind {
                            Kind::Date => Got::Date(days(t)),
                            _ => Got::Text(t.to_string()),
                        }
                    }
                    ValueRef::Integer(n) => Got::Number(n as f64),
                    ValueRef::Real(x) => Got::Number(x),
                    ValueRef::Blob(_) => panic!("blob"),
                })
                .collect())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn parquet_rows(path: &Path) -> Vec<Vec<Got>> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .map(|(_, field)| match field {
                    Field::Null => Got::Empty,
                    Field::Str(s) if s.is_empty() => Got::Empty,
                    Field::Str(s) => Got::Text(s.clone()),
                    Field::Long(n) => Got::Number(*n as f64),
                    Field::Double(x) => Got::Number(*x),
                    Field::Date(d) => Got::Date(i64::from(*d)),
                    other => panic!("unexpected field {other:?}"),
                })
                .collect()
        })
        .collect()
}

fn compare(format: &str, table: &Table, csv: &[Vec<String>], got: &[Vec<Got>]) {
    assert_eq!(
        csv.len(),
        got.len(),
        "{format} {}: row count differs from the CSV",
        table.name()
    );
    for (r, (csv_row, got_row)) in csv.iter().zip(got).enumerate() {
        for ((column, csv_cell), got_cell) in table.columns.iter().zip(csv_row).zip(got_row) {
            assert!(
                same(csv_cell, got_cell, column.kind, format == "xlsx"),
                "{format} {} row {} column {}: CSV {csv_cell:?}, {format} {got_cell:?}",
                table.name(),
                r + 1,
                column.name
            );
        }
    }
}

/// Every typed format holds the CSVs' rows, and every key joins to articles.jsonl.
fn check_every_format(out: &Path) -> usize {
    let mut workbook: Xlsx<_> = open_workbook(out.join("newsmill.xlsx")).unwrap();
    let db = rusqlite::Connection::open(out.join("newsmill.sqlite")).unwrap();
    let ids: BTreeSet<String> = std::fs::read_to_string(out.join("articles.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    let mut tables = 0;
    for table in newsmill_export::tables::ALL {
        let csv_path = out.join(table.file);
        if !csv_path.exists() {
            continue;
        }
        tables += 1;
        let csv = csv_rows(&csv_path);
        compare("xlsx", table, &csv, &xlsx_rows(&mut workbook, table));
        compare("sqlite", table, &csv, &sqlite_rows(&db, table));
        let parquet = out.join(format!("{}.parquet", table.name()));
        compare("parquet", table, &csv, &parquet_rows(&parquet));
        if let Some(key) = table.columns.iter().position(|c| c.name == "article_id") {
            for row in &csv {
                assert!(
                    ids.contains(&row[key]),
                    "{}: article_id {:?} is no id of articles.jsonl",
                    table.file,
                    row[key]
                );
            }
        }
    }
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("<svg class=\"chart\""));
    tables
}

#[test]
fn sample_folder_every_format_holds_the_csv_rows_and_does_not_depend_on_threads() {
    let out1 = tempfile::tempdir().unwrap();
    let out2 = tempfile::tempdir().unwrap();
    let sample = root().join("fixtures/articles");
    run_all_formats(&sample, out1.path(), "1");
    run_all_formats(&sample, out2.path(), "2");
    assert!(check_every_format(out1.path()) >= 7);
    for name in [
        "newsmill.xlsx",
        "newsmill.sqlite",
        "articles.parquet",
        "report.html",
    ] {
        let a = std::fs::read(out1.path().join(name)).unwrap();
        let b = std::fs::read(out2.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between --jobs 1 and --jobs 2");
    }
}

/// A key that starts like a formula (`=draft.md`) is the same in every table and format,
/// so entities join to articles; its text columns are still guarded in the CSV.
#[test]
fn formula_like_ids_join_in_every_format() {
    let input = tempfile::tempdir().unwrap();
    for name in ["=draft.md", "+plus.md", "-minus.md", "@at.md"] {
        std::fs::write(
            input.path().join(name),
            "# =Headline\n\nBarack Obama met Angela Merkel in Berlin on Monday, officials said.\n",
        )
        .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    run_all_formats(input.path(), out.path(), "1");
    check_every_format(out.path());
    let articles = csv_rows(&out.path().join("articles.csv"));
    let ids: BTreeSet<&str> = articles.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        BTreeSet::from(["+plus.md", "-minus.md", "=draft.md", "@at.md"])
    );
    assert!(
        articles.iter().all(|r| r[3] == "'=Headline"),
        "{articles:?}"
    );
    let entities = csv_rows(&out.path().join("entities.csv"));
    assert!(!entities.is_empty());
    assert!(entities.iter().all(|r| ids.contains(r[0].as_str())));
}

#[test]
fn bbc_every_format_holds_the_csv_rows() {
    let shared = root().join("../shared");
    if !shared.is_dir() {
        println!("skipping: ../shared not found");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    run_all_formats(&shared.join("data/bbc"), out.path(), "2");
    assert!(check_every_format(out.path()) >= 7);
    let articles = csv_rows(&out.path().join("articles.csv"));
    assert_eq!(articles.len(), 2225);
}

/// `newsmill.toml` in the current folder is used without `--config`, merged onto the
/// default, and the summary says so.
#[test]
fn newsmill_toml_in_the_current_folder_is_used_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("fixtures/articles");
    std::fs::write(
        dir.path().join("newsmill.toml"),
        format!(
            "[input]\npath = {:?}\n\n[output]\ndir = \"tables\"\nformats = [\"csv\", \"sqlite\"]\n",
            sample.to_str().unwrap()
        ),
    )
    .unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .current_dir(dir.path())
        .arg("run")
        .output()
        .unwrap();
    assert!(run.status.code().is_some_and(|c| c <= 1), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("config: newsmill.toml, merged onto config/pipeline.toml (built in)"),
        "{stderr}"
    );
    let out = dir.path().join("tables");
    assert!(out.join("newsmill.sqlite").exists());
    assert!(out.join("entities.csv").exists(), "default stages ran");
    assert!(
        !out.join("articles.jsonl").exists(),
        "formats replaced whole"
    );
}
