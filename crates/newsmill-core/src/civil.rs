//! Proleptic Gregorian calendar arithmetic: day numbers, weekdays, ISO weeks, month steps.
//!
//! Hand-written rather than pulling in chrono: the stages need only these few operations on
//! plain dates (no times, zones or formatting), and the day-number conversion is the
//! well-known closed form from Howard Hinnant's "chrono-compatible low-level date algorithms".

use std::fmt;

/// A calendar date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDate {
    /// A valid date, or `None` (30 February, month 13, ...).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(CivilDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, also the date part of a longer timestamp (`2013-12-27T10:00Z`).
    pub fn parse_iso(text: &str) -> Option<Self> {
        let head = text.trim().get(..10)?;
        let mut parts = head.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        CivilDate::new(year, month, day)
    }

    /// Days since 1970-01-01.
    pub fn day_number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_day_number(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CivilDate { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Self {
        CivilDate::from_day_number(self.day_number() + days)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.day_number() + 3).rem_euclid(7) as u32
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = CivilDate {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.day_number() - jan1.day_number()) / 7 + 1;
        (thursday.year, week as u32)
    }

    /// Month index (year * 12 + month - 1), for month arithmetic.
    pub fn month_index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
}

/// `(year, month)` of a month index.
pub fn month_from_index(index: i64) -> (i32, u32) {
    (
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u32,
    )
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_weekdays_are_right() {
        let d = CivilDate::new(2013, 12, 27).unwrap();
        assert_eq!(d.weekday(), 4, "2013-12-27 was a Friday");
        for n in [-800_000i64, -1, 0, 1, 10_957, 16_066, 60_000] {
            assert_eq!(CivilDate::from_day_number(n).day_number(), n);
        }
        assert_eq!(
            CivilDate::new(2004, 2, 28).unwrap().add_days(1).to_string(),
            "2004-02-29"
        );
        assert_eq!(CivilDate::new(2005, 2, 29), None);
    }

    #[test]
    fn iso_weeks_follow_the_thursday_rule() {
        assert_eq!(CivilDate::new(2013, 12, 27).unwrap().iso_week(), (2013, 52));
        assert_eq!(CivilDate::new(2013, 12, 30).unwrap().iso_week(), (2014, 1));
        assert_eq!(CivilDate::new(2010, 1, 3).unwrap().iso_week(), (2009, 53));
        assert_eq!(CivilDate::new(2005, 2, 25).unwrap().iso_week(), (2005, 8));
    }

    #[test]
    fn parses_iso_prefixes_only_when_valid() {
        assert_eq!(
            CivilDate::parse_iso("2013-12-27T08:00:00Z"),
            CivilDate::new(2013, 12, 27)
        );
        assert_eq!(CivilDate::parse_iso("2013-13-01"), None);
        assert_eq!(CivilDate::parse_iso("é"), None);
    }
}
