//! A cell read by its column's kind: what the typed formats (XLSX, SQLite, Parquet) write.
//!
//! The row builders produce text (what the CSV holds); this is the one place that text
//! becomes a number or a date, so every typed format agrees with the CSV cell for cell.

use newsmill_core::civil::CivilDate;

use crate::csv_out::Cell;
use crate::tables::Kind;

/// One typed value. An empty cell of a number or date column is `Null`; an empty text or
/// key cell stays the empty string (a CSV cannot tell the two apart for text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Null,
    Text(&'a str),
    Integer(i64),
    Float(f64),
    /// Days since 1970-01-01 (Parquet's DATE) with the date itself.
    Date(i32, CivilDate),
}

impl<'a> Value<'a> {
    /// The value of `cell` in a column of `kind`. A cell that does not read as its kind
    /// (which the table tests rule out for the builders) becomes `Null` rather than
    /// failing the run; [`Value::is_mistyped`] lets the output set count and log it.
    pub fn of(cell: &'a Cell, kind: Kind) -> Self {
        let text = cell.as_str();
        match kind {
            Kind::Key | Kind::Text => Value::Text(text),
            _ if text.is_empty() => Value::Null,
            Kind::Integer => text.parse().map_or(Value::Null, Value::Integer),
            Kind::Float => text
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map_or(Value::Null, Value::Float),
            Kind::Date => parse_day(text).map_or(Value::Null, |d| {
                Value::Date(i32::try_from(d.day_number()).unwrap_or(0), d)
            }),
        }
    }

    /// Whether a non-empty cell was lost because it does not read as its column's kind.
    pub fn is_mistyped(self, cell: &Cell) -> bool {
        self == Value::Null && !cell.as_str().is_empty()
    }
}

/// Exactly `YYYY-MM-DD`, a real day (a timestamp or a week is not a date column's value).
fn parse_day(text: &str) -> Option<CivilDate> {
    if text.len() != 10 {
        return None;
    }
    CivilDate::parse_iso(text).filter(|d| (1..=9999).contains(&d.year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_by_kind() {
        let c = Cell::text;
        assert_eq!(Value::of(&c("=x"), Kind::Key), Value::Text("=x"));
        assert_eq!(Value::of(&c(""), Kind::Text), Value::Text(""));
        assert_eq!(Value::of(&c(""), Kind::Integer), Value::Null);
        assert_eq!(Value::of(&c("-3"), Kind::Integer), Value::Integer(-3));
        assert_eq!(Value::of(&c("0.25"), Kind::Float), Value::Float(0.25));
        let Value::Date(days, _) = Value::of(&c("1970-01-02"), Kind::Date) else {
            panic!("not a date");
        };
        assert_eq!(days, 1);
        for bad in ["2013-W51", "2013-02-30", "2013-12-22T10:00"] {
            assert_eq!(Value::of(&c(bad), Kind::Date), Value::Null, "{bad}");
            assert!(Value::of(&c(bad), Kind::Date).is_mistyped(&c(bad)));
        }
    }
}
