//! Dates stated in metadata (front matter, JSON fields, HTML meta, WARC-Date) in whatever
//! form the source used, normalised with chrono to a date (`YYYY-MM-DD`) and, when the
//! source gives a time, an ISO 8601 timestamp (with its offset when one is stated).
//!
//! Forms read, in this order: epoch seconds (9 to 10 digits; 12 to 13 digits are
//! milliseconds), RFC 3339 / ISO 8601 timestamps (`2023-08-10T09:30:00Z`), ISO without an
//! offset (`2020-01-06 10:00:00`), RFC 2822 (`Mon, 06 Jan 2020 10:00:00 +0100`), ISO dates,
//! numeric dates (`06/01/2020`, `6.1.2020`: see [`DayOrder`]), and dates with a month name in
//! one of the languages of [`newsmill_core::months`] (`6 janvier 2020`, `January 6, 2020`,
//! `6. Januar 2020`, `6 de enero de 2020`).

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

use newsmill_core::months::MONTHS;

/// Longest value looked at: a stated date is short; anything longer is prose.
const MAX_VALUE_CHARS: usize = 120;

/// A normalised stated date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StatedDate {
    pub date: NaiveDate,
    /// ISO 8601 date and time, with the offset when the source stated one.
    pub timestamp: Option<String>,
}

impl StatedDate {
    pub(crate) fn iso_date(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
    }
}

/// How to read a numeric date whose first two numbers could both be a month
/// (`06/01/2020`). A number over 12 settles it whatever the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayOrder {
    /// `MM/DD/YYYY`: the United States' order. Used when the source's locale is `en-US`,
    /// or its language is English with no country (as the HTML date parser does).
    MonthFirst,
    /// `DD/MM/YYYY`: everywhere else, and when the language is unknown.
    DayFirst,
}

impl DayOrder {
    /// From a locale or language tag as the source stated it (`en-US`, `en_GB`, `fr`).
    pub(crate) fn for_locale(locale: Option<&str>) -> DayOrder {
        let Some(locale) = locale else {
            return DayOrder::DayFirst;
        };
        let mut parts = locale.split(['-', '_']);
        let language = parts.next().unwrap_or("").to_ascii_lowercase();
        let country = parts.next().map(str::to_ascii_uppercase);
        match (language.as_str(), country.as_deref()) {
            (_, Some("US")) => DayOrder::MonthFirst,
            ("en", None) => DayOrder::MonthFirst,
            _ => DayOrder::DayFirst,
        }
    }
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
        .expect("numeric date pattern")
});
static WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{M}]+\.?|\d+").expect("word pattern"));
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\b\.?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?",
    )
        .expect("time pattern")
});

/// Normalises one stated value; `None` when it holds no date this module reads.
pub(crate) fn normalise(value: &str, order: DayOrder) -> Option<StatedDate> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > MAX_VALUE_CHARS {
        return None;
    }
    epoch(value)
        .or_else(|| timestamp(value))
        .or_else(|| iso_date(value))
        .or_else(|| numeric(value, order))
        .or_else(|| with_month_name(value))
}

fn epoch(value: &str) -> Option<StatedDate> {
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: i64 = match value.len() {
        9 | 10 => value.parse().ok()?,
        12 | 13 => value.parse::<i64>().ok()? / 1000,
        _ => return None,
    };
    let at = DateTime::from_timestamp(seconds, 0)?;
    Some(StatedDate {
        date: at.date_naive(),
        timestamp: Some(at.format("%Y-%m-%dT%H:%M:%S+00:00").to_string()),
    })
}

fn timestamp(value: &str) -> Option<StatedDate> {
    if let Ok(at) =
        DateTime::parse_from_rfc3339(value).or_else(|_| DateTime::parse_from_rfc2822(value))
    {
        return Some(StatedDate {
            date: at.date_naive(),
            timestamp: Some(at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()),
        });
    }
    // ISO 8601 forms RFC 3339 refuses: `+0100` offsets, no seconds.
    for format in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%z",
    ] {
        if let Ok(at) = DateTime::parse_from_str(value, format) {
            return Some(StatedDate {
                date: at.date_naive(),
                timestamp: Some(at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()),
            });
        }
    }
    for format in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(value, format) {
            return Some(local(at));
        }
    }
    None
}

/// A date and time with no offset stated: the timestamp has none either.
fn local(at: NaiveDateTime) -> StatedDate {
    StatedDate {
        date: at.date(),
        timestamp: Some(at.format("%Y-%m-%dT%H:%M:%S").to_string()),
    }
}

fn iso_date(value: &str) -> Option<StatedDate> {
    let date = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    // `2020-01-06` alone, or followed by something no timestamp form took (a zone name).
    let rest = &value[10..];
    if !rest.is_empty() && !rest.starts_with([' ', 'T']) {
        return None;
    }
    Some(StatedDate {
        date,
        timestamp: None,
    })
}

fn numeric(value: &str, order: DayOrder) -> Option<StatedDate> {
    let caps = NUMERIC.captures(value)?;
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (a, b, year) = (num(1)?, num(2)?, num(3)? as i32);
    let (day, month) = if a > 12 {
        (a, b)
    } else if b > 12 {
        (b, a)
    } else {
        match order {
            DayOrder::DayFirst => (a, b),
            DayOrder::MonthFirst => (b, a),
        }
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let timestamp = match (num(4), num(5)) {
        (Some(h), Some(m)) => {
            let time = NaiveTime::from_hms_opt(h, m, num(6).unwrap_or(0))?;
            local(date.and_time(time)).timestamp
        }
        _ => None,
    };
    Some(StatedDate { date, timestamp })
}

fn with_month_name(value: &str) -> Option<StatedDate> {
    let lower = value.to_lowercase();
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for word in WORDS.find_iter(&lower) {
        let word = word.as_str();
        if let Ok(n) = word.parse::<u32>() {
            if word.len() == 4 && (1800..=2200).contains(&n) && year.is_none() {
                year = Some(n as i32);
            } else if word.len() <= 2 && (1..=31).contains(&n) && day.is_none() {
                day = Some(n);
            }
        } else if month.is_none() {
            let name = word.trim_end_matches('.');
            month = MONTHS.iter().find(|(m, _)| *m == name).map(|(_, n)| *n);
        }
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    let timestamp = TIME.captures(&lower).and_then(|caps| {
        let n = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let hour = match (n(1)?, caps.get(4).map(|m| m.as_str())) {
            (12, Some("a")) => 0,
            (h, Some("p")) if h < 12 => h + 12,
            (h, _) => h,
        };
        let time = NaiveTime::from_hms_opt(hour, n(2)?, n(3).unwrap_or(0))?;
        let base = date.and_time(time).format("%Y-%m-%dT%H:%M:%S").to_string();
        Some(match caps.get(5).map(|m| m.as_str()) {
            Some("z" | "utc" | "gmt") => format!("{base}+00:00"),
            Some(offset) => {
                let digits: String = offset.chars().filter(|c| c.is_ascii_digit()).collect();
                format!("{base}{}{}:{}", &offset[..1], &digits[..2], &digits[2..])
            }
            None => base,
        })
    });
    Some(StatedDate { date, timestamp })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(value: &str, order: DayOrder) -> Option<(String, Option<String>)> {
        normalise(value, order).map(|d| (d.iso_date(), d.timestamp))
    }

    fn pair(date: &str, time: Option<&str>) -> Option<(String, Option<String>)> {
        Some((date.to_string(), time.map(str::to_string)))
    }

    #[test]
    fn the_issue_forms_all_read() {
        let d = DayOrder::DayFirst;
        assert_eq!(
            norm("2023-08-10T09:30:00Z", d),
            pair("2023-08-10", Some("2023-08-10T09:30:00+00:00"))
        );
        assert_eq!(norm("06/01/2020", d), pair("2020-01-06", None));
        assert_eq!(
            norm("1578304800", d),
            pair("2020-01-06", Some("2020-01-06T10:00:00+00:00"))
        );
        assert_eq!(norm("6 janvier 2020", d), pair("2020-01-06", None));
        assert_eq!(
            norm("2020-01-06 10:00:00", d),
            pair("2020-01-06", Some("2020-01-06T10:00:00"))
        );
        assert_eq!(
            norm("Mon, 06 Jan 2020 10:00:00 +0100", d),
            pair("2020-01-06", Some("2020-01-06T10:00:00+01:00"))
        );
        assert_eq!(
            norm("2020-01-06T10:00:00+0100", d),
            pair("2020-01-06", Some("2020-01-06T10:00:00+01:00"))
        );
    }

    #[test]
    fn day_order_follows_the_locale_unless_a_number_settles_it() {
        let us = DayOrder::for_locale(Some("en-US"));
        let gb = DayOrder::for_locale(Some("en_GB"));
        assert_eq!(us, DayOrder::MonthFirst);
        assert_eq!(gb, DayOrder::DayFirst);
        assert_eq!(DayOrder::for_locale(Some("en")), DayOrder::MonthFirst);
        assert_eq!(DayOrder::for_locale(None), DayOrder::DayFirst);
        assert_eq!(norm("06/01/2020", us), pair("2020-06-01", None));
        assert_eq!(norm("13/01/2020", us), pair("2020-01-13", None));
        assert_eq!(norm("01/13/2020", gb), pair("2020-01-13", None));
        assert_eq!(norm("31/02/2020", gb), None);
    }

    #[test]
    fn month_names_in_several_languages() {
        let d = DayOrder::DayFirst;
        assert_eq!(norm("January 6, 2020", d), pair("2020-01-06", None));
        assert_eq!(norm("6. Januar 2020", d), pair("2020-01-06", None));
        assert_eq!(norm("6 de enero de 2020", d), pair("2020-01-06", None));
        assert_eq!(
            norm("6 janvier 2020 à 10:00 UTC", d),
            pair("2020-01-06", Some("2020-01-06T10:00:00+00:00"))
        );
        assert_eq!(
            norm("Friday, December 27, 2013 at 9:30 pm", d),
            pair("2013-12-27", Some("2013-12-27T21:30:00"))
        );
        assert_eq!(norm("sometime in spring", d), None);
        assert_eq!(norm("12345", d), None);
    }
}
