//! Day numbers for the date parser: Unix times and the Solar Hijri (Persian) calendar, in
//! which Iranian and Afghan news sites date their pages, to Gregorian days.
//!
//! Hand-written on top of `newsmill_core::civil`: the only need is one extra calendar over
//! the years [`Day`] accepts; the calendar crates that cover Solar Hijri bring chrono and
//! whole formatting layers along for these twenty lines.

use newsmill_core::civil::CivilDate;

use crate::dates::Day;

/// The Gregorian day `days` after 1970-01-01; `None` outside the years [`Day`] accepts.
pub fn day_from_number(days: i64) -> Option<Day> {
    let d = CivilDate::from_day_number(days);
    Day::new(d.year, d.month, d.day)
}

/// Solar Hijri years whose Gregorian days [`Day`] accepts (1995 to 2035).
const SOLAR_HIJRI_YEARS: std::ops::RangeInclusive<i64> = 1373..=1414;

/// A Solar Hijri leap year. The 33-year rule matches the astronomical calendar Iran
/// uses for every year from 1343 to 1472, which covers [`SOLAR_HIJRI_YEARS`].
fn solar_hijri_leap(year: i64) -> bool {
    matches!(year.rem_euclid(33), 1 | 5 | 9 | 13 | 17 | 22 | 26 | 30)
}

/// The Gregorian day of Solar Hijri `year`/`month`/`day` (1 Farvardin 1399 is
/// 2020-03-20). `None` for an impossible date or a year outside the range.
pub fn from_solar_hijri(year: i64, month: i64, day: i64) -> Option<Day> {
    if !SOLAR_HIJRI_YEARS.contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let month_len = match month {
        1..=6 => 31,
        7..=11 => 30,
        _ if solar_hijri_leap(year) => 30,
        _ => 29,
    };
    if !(1..=month_len).contains(&day) {
        return None;
    }
    let year_len = |y: i64| if solar_hijri_leap(y) { 366 } else { 365 };
    let nowruz_1399 = CivilDate::new(2020, 3, 20)?.day_number();
    let years: i64 = if year >= 1399 {
        (1399..year).map(year_len).sum()
    } else {
        -(year..1399).map(year_len).sum::<i64>()
    };
    let months: i64 = (1..month).map(|m| if m <= 6 { 31 } else { 30 }).sum();
    day_from_number(nowruz_1399 + years + months + day - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(d: Option<Day>) -> Option<String> {
        d.map(|d| d.iso())
    }

    #[test]
    fn day_numbers_within_the_plausible_years() {
        assert_eq!(iso(day_from_number(11_016)).as_deref(), Some("2000-02-29"));
        assert_eq!(
            day_from_number(0),
            None,
            "1970 is outside the plausible range"
        );
    }

    #[test]
    fn solar_hijri_dates() {
        // Nowruz (1 Farvardin) by year, and days later in the year.
        let cases = [
            ((1399, 1, 1), "2020-03-20"),
            ((1400, 1, 1), "2021-03-21"),
            ((1403, 1, 1), "2024-03-20"),
            ((1404, 1, 1), "2025-03-21"),
            ((1375, 1, 1), "1996-03-20"),
            ((1399, 4, 2), "2020-06-22"),
            ((1399, 10, 11), "2020-12-31"),
            ((1399, 12, 30), "2021-03-20"),
            ((1398, 12, 29), "2020-03-19"),
        ];
        for ((y, m, d), want) in cases {
            assert_eq!(
                iso(from_solar_hijri(y, m, d)).as_deref(),
                Some(want),
                "{y}/{m}/{d}"
            );
        }
        assert_eq!(
            from_solar_hijri(1398, 12, 30),
            None,
            "1398 is not a leap year"
        );
        assert_eq!(from_solar_hijri(1399, 7, 31), None);
        assert_eq!(from_solar_hijri(1300, 1, 1), None);
    }
}
