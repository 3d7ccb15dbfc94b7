//! Turns a scanned expression into an ISO value, using the publication date, the tense of
//! the sentence and the previously resolved date. The conventions are those of news
//! writing; docs/dates-and-facts.md lists them.

use newsmill_core::Granularity;

use crate::date_scan::{Expr, Modifier, Unit, YearRef};
use crate::lexicon::Tense;
use newsmill_core::civil::{month_from_index, CivilDate};

/// A resolved value: the first day of the period it names, and its granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub date: CivilDate,
    pub granularity: Granularity,
}

impl Resolved {
    fn day(date: CivilDate) -> Self {
        Resolved {
            date,
            granularity: Granularity::Day,
        }
    }

    fn month(index: i64) -> Option<Self> {
        let (year, month) = month_from_index(index);
        Some(Resolved {
            date: CivilDate::new(year, month, 1)?,
            granularity: Granularity::Month,
        })
    }

    fn year(year: i32) -> Option<Self> {
        Some(Resolved {
            date: CivilDate::new(year, 1, 1)?,
            granularity: Granularity::Year,
        })
    }

    fn week_of(date: CivilDate) -> Self {
        let monday = date.add_days(-i64::from(date.weekday()));
        Resolved {
            date: monday,
            granularity: Granularity::Week,
        }
    }

    /// Quarter `index` = year * 4 + (0..=3).
    fn quarter(index: i64) -> Option<Self> {
        Some(Resolved {
            date: Resolved::month(index * 3)?.date,
            granularity: Granularity::Quarter,
        })
    }

    /// Season `index` = year * 4 + season (0 spring, 1 summer, 2 fall, 3 winter): spring is
    /// March-May, summer June-August, fall September-November, winter December-February (the
    /// winter of 1998 starts in December 1998).
    fn season(index: i64) -> Option<Self> {
        Some(Resolved {
            date: Resolved::month(index.div_euclid(4) * 12 + 2 + index.rem_euclid(4) * 3)?.date,
            granularity: Granularity::Season,
        })
    }

    fn decade(first_year: i32) -> Option<Self> {
        Some(Resolved {
            date: CivilDate::new(first_year - first_year.rem_euclid(10), 1, 1)?,
            granularity: Granularity::Decade,
        })
    }

    fn present(published: CivilDate) -> Self {
        Resolved {
            date: published,
            granularity: Granularity::Present,
        }
    }

    /// A vague past or future, anchored at the publication day (its open end).
    fn vague(published: CivilDate, future: bool) -> Self {
        Resolved {
            date: published,
            granularity: if future {
                Granularity::Future
            } else {
                Granularity::Past
            },
        }
    }

    /// First and last day of the period as ISO days; a vague reference is open on one side
    /// (`PAST_REF` ends at the publication day, `FUTURE_REF` starts there).
    pub fn bounds(&self) -> (String, String) {
        match self.granularity {
            Granularity::Past => (String::new(), self.date.to_string()),
            Granularity::Future => (self.date.to_string(), String::new()),
            _ => (self.date.to_string(), self.last_day().to_string()),
        }
    }

    /// TIMEX3-style value at the granularity: `2013-12-22`, `2013-W51`, `2013-12`,
    /// `2013-Q4`, `2013-FA`, `2013`, `201` (the 2010s), `PRESENT_REF`.
    pub fn value(&self) -> String {
        let d = self.date;
        match self.granularity {
            Granularity::Day => d.to_string(),
            Granularity::Week => {
                let (year, week) = d.iso_week();
                format!("{year:04}-W{week:02}")
            }
            Granularity::Month => format!("{:04}-{:02}", d.year, d.month),
            Granularity::Quarter => format!("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1),
            Granularity::Season => {
                let name = match d.month {
                    3 => "SP",
                    6 => "SU",
                    9 => "FA",
                    _ => "WI",
                };
                format!("{:04}-{name}", d.year)
            }
            Granularity::Year => format!("{:04}", d.year),
            Granularity::Decade => format!("{:03}", d.year.div_euclid(10)),
            Granularity::Present => "PRESENT_REF".to_string(),
            Granularity::Past => "PAST_REF".to_string(),
            Granularity::Future => "FUTURE_REF".to_string(),
        }
    }

    /// The last day of the period (the publication day for `PRESENT_REF`).
    pub fn last_day(&self) -> CivilDate {
        let d = self.date;
        let months_later = |n: i64| {
            let (year, month) = month_from_index(d.month_index() + n);
            CivilDate::new(year, month, 1).map_or(d, |first| first.add_days(-1))
        };
        match self.granularity {
            Granularity::Day | Granularity::Present | Granularity::Past | Granularity::Future => d,
            Granularity::Week => d.add_days(6),
            Granularity::Month => months_later(1),
            Granularity::Quarter | Granularity::Season => months_later(3),
            Granularity::Year => months_later(12),
            Granularity::Decade => months_later(120),
        }
    }
}

/// Why an expression could not be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresolved {
    /// Relative to the publication date, which the article lacks.
    NoPublicationDate,
    /// "two days later" with no earlier date of fine enough granularity.
    NoAnchor,
}

/// How far ahead a past-tense sentence may still point ("said on Sunday it meets on
/// 12 January"): a month, in days or months.
const PAST_LOOKAHEAD_DAYS: i64 = 31;
const PAST_LOOKAHEAD_MONTHS: i64 = 1;

/// How far ahead the future tense may send a date without a year: half a year. Beyond it
/// the nearer candidate wins ("will repatriate the child by Jan. 14" the day after 14 January
/// is that deadline, not next year's).
const FUTURE_REACH_DAYS: i64 = 183;
const FUTURE_REACH_MONTHS: i64 = 6;

/// Picks between the latest candidate not after publication and the earliest not before.
fn choose(
    past: Option<i64>,
    future: Option<i64>,
    now: i64,
    tense: Tense,
    lookahead: i64,
) -> Option<i64> {
    let reach = if lookahead == PAST_LOOKAHEAD_DAYS {
        FUTURE_REACH_DAYS
    } else {
        FUTURE_REACH_MONTHS
    };
    match (past, future) {
        (Some(p), Some(f)) => Some(match tense {
            Tense::Future if f - now <= reach => f,
            Tense::Past if f - now > lookahead => p,
            _ if f - now < now - p => f,
            _ => p,
        }),
        (p, f) => p.or(f),
    }
}

/// The latest index not after `now` and the earliest not before it among indices of
/// `kind` modulo 4 (quarters, seasons).
fn cycle_candidates(now: i64, kind: u32) -> (i64, i64) {
    let offset = (i64::from(kind) - now.rem_euclid(4)).rem_euclid(4);
    if offset == 0 {
        (now, now)
    } else {
        (now + offset - 4, now + offset)
    }
}

/// Which quarter holds `date` (see [`Resolved::quarter`]).
fn quarter_index(date: CivilDate) -> i64 {
    i64::from(date.year) * 4 + i64::from(date.month - 1) / 3
}

/// Which season holds `date` (see [`Resolved::season`]).
fn season_index(date: CivilDate) -> i64 {
    let months = date.month_index() - 2;
    months.div_euclid(12) * 4 + months.rem_euclid(12) / 3
}

pub fn resolve(
    expr: Expr,
    published: Option<CivilDate>,
    tense: Tense,
    previous: Option<Resolved>,
) -> Result<Resolved, Unresolved> {
    let need_pub = || published.ok_or(Unresolved::NoPublicationDate);
    let invalid = Unresolved::NoAnchor;
    match expr {
        Expr::Day {
            year: Some(year),
            month,
            day,
        } => CivilDate::new(year, month, day)
            .map(Resolved::day)
            .ok_or(invalid),
        Expr::Day {
            year: None,
            month,
            day,
        } => {
            let pub_date = need_pub()?;
            let now = pub_date.day_number();
            let candidate = |y: i32| CivilDate::new(y, month, day).map(CivilDate::day_number);
            let years = [pub_date.year - 1, pub_date.year, pub_date.year + 1];
            let past = years
                .iter()
                .filter_map(|&y| candidate(y))
                .filter(|&d| d <= now)
                .max();
            let future = years
                .iter()
                .filter_map(|&y| candidate(y))
                .filter(|&d| d >= now)
                .min();
            let chosen = choose(past, future, now, tense, PAST_LOOKAHEAD_DAYS).ok_or(invalid)?;
            Ok(Resolved::day(CivilDate::from_day_number(chosen)))
        }
        Expr::MonthOfYear {
            year: YearRef::Absolute(year),
            month,
        } => Resolved::month(i64::from(year) * 12 + i64::from(month) - 1).ok_or(invalid),
        Expr::MonthOfYear {
            year: YearRef::Relative(n),
            month,
        } => {
            let year = i64::from(need_pub()?.year) + n;
            Resolved::month(year * 12 + i64::from(month) - 1).ok_or(invalid)
        }
        Expr::Month { month, modifier } => {
            let now = need_pub()?.month_index();
            let offset = (i64::from(month) - 1 - now.rem_euclid(12)).rem_euclid(12);
            let (past, future) = if offset == 0 {
                (now, now)
            } else {
                (now + offset - 12, now + offset)
            };
            let chosen = match modifier {
                Modifier::Last => {
                    if past == now {
                        now - 12
                    } else {
                        past
                    }
                }
                Modifier::Next => {
                    if future == now {
                        now + 12
                    } else {
                        future
                    }
                }
                Modifier::This => now - now.rem_euclid(12) + i64::from(month) - 1,
                Modifier::Since => past,
                Modifier::None | Modifier::SameDay => {
                    choose(Some(past), Some(future), now, tense, PAST_LOOKAHEAD_MONTHS)
                        .unwrap_or(past)
                }
            };
            Resolved::month(chosen).ok_or(invalid)
        }
        Expr::Year(year) => Resolved::year(year).ok_or(invalid),
        Expr::Weekday { weekday, modifier } => {
            let pub_date = need_pub()?;
            let today = i64::from(pub_date.weekday());
            let back = (today - i64::from(weekday) - 1).rem_euclid(7) + 1;
            let ahead = (i64::from(weekday) - today - 1).rem_euclid(7) + 1;
            // Wire convention: a bare weekday that is the publication's weekday is the
            // publication day ("The FAA on Friday announced" in a Friday story), whatever the
            // tense; only "last"/"next" move it a week.
            let bare = matches!(
                modifier,
                Modifier::None | Modifier::This | Modifier::SameDay
            );
            if bare && today == i64::from(weekday) {
                return Ok(Resolved::day(pub_date));
            }
            let forward = match modifier {
                Modifier::Next => true,
                Modifier::Last | Modifier::Since => false,
                Modifier::None | Modifier::This | Modifier::SameDay => tense == Tense::Future,
            };
            Ok(Resolved::day(pub_date.add_days(if forward {
                ahead
            } else {
                -back
            })))
        }
        // "a year ago" right after a quarter is that quarter a year before (earnings copy).
        Expr::Ago {
            unit: Unit::Year,
            n: -1,
        } if previous.is_some_and(|p| p.granularity == Granularity::Quarter) => {
            let quarter = previous.ok_or(invalid)?;
            Resolved::quarter(quarter_index(quarter.date) - 4).ok_or(invalid)
        }
        Expr::Offset { unit, n } | Expr::Ago { unit, n } => {
            let pub_date = need_pub()?;
            match unit {
                Unit::Day => Ok(Resolved::day(pub_date.add_days(n))),
                Unit::Week => Ok(Resolved::week_of(pub_date.add_days(7 * n))),
                Unit::Month => Resolved::month(pub_date.month_index() + n).ok_or(invalid),
                Unit::Year => Resolved::year(pub_date.year.saturating_add(n as i32)).ok_or(invalid),
            }
        }
        Expr::Period { unit, past } => {
            let pub_date = need_pub()?;
            let half = match unit {
                Unit::Day => 0,
                Unit::Week => 3,
                Unit::Month => 15,
                Unit::Year => 182,
            };
            let middle = pub_date.add_days(if past { -half } else { half });
            match unit {
                Unit::Day => Ok(Resolved::day(middle)),
                Unit::Week => Ok(Resolved::week_of(middle)),
                Unit::Month => Resolved::month(middle.month_index()).ok_or(invalid),
                Unit::Year => Resolved::year(middle.year).ok_or(invalid),
            }
        }
        Expr::Quarter {
            n: Some(n),
            year: Some(year),
        } => Resolved::quarter(i64::from(year) * 4 + i64::from(n) - 1).ok_or(invalid),
        Expr::Quarter { n, year: None } => {
            let pub_date = need_pub()?;
            let now = quarter_index(pub_date);
            let chosen = match n {
                // "the quarter", "the latest quarter": the last one reported, i.e. complete.
                None => now - 1,
                Some(n) => {
                    let (past, future) = cycle_candidates(now, n - 1);
                    if tense == Tense::Future {
                        future
                    } else {
                        past
                    }
                }
            };
            Resolved::quarter(chosen).ok_or(invalid)
        }
        Expr::Quarter {
            n: None,
            year: Some(year),
        } => Resolved::year(year).ok_or(invalid),
        Expr::Season {
            season,
            modifier,
            year: Some(year),
        } => {
            let _ = modifier;
            Resolved::season(i64::from(year) * 4 + i64::from(season)).ok_or(invalid)
        }
        Expr::Season {
            season,
            modifier,
            year: None,
        } => {
            let now = season_index(need_pub()?);
            let (past, future) = cycle_candidates(now, season);
            let chosen = match modifier {
                Modifier::Last => {
                    if past == now {
                        now - 4
                    } else {
                        past
                    }
                }
                Modifier::Next => {
                    if future == now {
                        now + 4
                    } else {
                        future
                    }
                }
                Modifier::Since => past,
                Modifier::This if future - now < now - past => future,
                Modifier::This => past,
                Modifier::None | Modifier::SameDay => {
                    choose(Some(past), Some(future), now, tense, 1).unwrap_or(past)
                }
            };
            Resolved::season(chosen).ok_or(invalid)
        }
        Expr::Movable { holiday, modifier } => {
            let pub_date = need_pub()?;
            let now = pub_date.day_number();
            let days: Vec<i64> = (pub_date.year - 1..=pub_date.year + 1)
                .filter_map(|y| holiday.in_year(y))
                .map(CivilDate::day_number)
                .collect();
            let past = days.iter().copied().filter(|&d| d <= now).max();
            let future = days.iter().copied().filter(|&d| d >= now).min();
            let chosen = match modifier {
                Modifier::Last => days.iter().copied().filter(|&d| d < now).max(),
                Modifier::Next => days.iter().copied().filter(|&d| d > now).min(),
                _ => choose(past, future, now, tense, PAST_LOOKAHEAD_DAYS),
            }
            .ok_or(invalid)?;
            Ok(Resolved::day(CivilDate::from_day_number(chosen)))
        }
        Expr::Decade(first_year) => Resolved::decade(first_year).ok_or(invalid),
        Expr::Present => Ok(Resolved::present(need_pub()?)),
        Expr::Vague { future } => Ok(Resolved::vague(need_pub()?, future)),
        Expr::Shift { unit, n } => {
            let anchor = previous
                .filter(|p| p.granularity != Granularity::Present)
                .ok_or(invalid)?;
            match unit {
                Unit::Day | Unit::Week if anchor.granularity == Granularity::Day => {
                    let days = if unit == Unit::Day { n } else { 7 * n };
                    Ok(Resolved::day(anchor.date.add_days(days)))
                }
                Unit::Month if anchor.granularity <= Granularity::Month => {
                    Resolved::month(anchor.date.month_index() + n).ok_or(invalid)
                }
                // "a year earlier" keeps a quarter's or season's granularity.
                Unit::Year if anchor.granularity == Granularity::Quarter => {
                    Resolved::quarter(quarter_index(anchor.date) + 4 * n).ok_or(invalid)
                }
                Unit::Year if anchor.granularity == Granularity::Season => {
                    Resolved::season(season_index(anchor.date) + 4 * n).ok_or(invalid)
                }
                Unit::Year => {
                    Resolved::year(anchor.date.year.saturating_add(n as i32)).ok_or(invalid)
                }
                Unit::Week if anchor.granularity == Granularity::Week => {
                    Ok(Resolved::week_of(anchor.date.add_days(7 * n)))
                }
                _ => Err(invalid),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pub_date() -> Option<CivilDate> {
        CivilDate::new(2013, 12, 27)
    }

    fn value(expr: Expr, tense: Tense) -> String {
        resolve(expr, pub_date(), tense, None).unwrap().value()
    }

    #[test]
    fn weekdays_follow_tense() {
        let thursday = Expr::Weekday {
            weekday: 3,
            modifier: Modifier::None,
        };
        assert_eq!(value(thursday, Tense::Past), "2013-12-26");
        assert_eq!(value(thursday, Tense::Future), "2014-01-02");
        let friday = Expr::Weekday {
            weekday: 4,
            modifier: Modifier::None,
        };
        assert_eq!(
            value(friday, Tense::Past),
            "2013-12-27",
            "a bare weekday equal to the publication's is that day"
        );
        assert_eq!(value(friday, Tense::Future), "2013-12-27");
        assert_eq!(
            value(
                Expr::Weekday {
                    weekday: 4,
                    modifier: Modifier::Last
                },
                Tense::Past
            ),
            "2013-12-20"
        );
        assert_eq!(
            value(
                Expr::Weekday {
                    weekday: 6,
                    modifier: Modifier::Last
                },
                Tense::Future
            ),
            "2013-12-22"
        );
        assert_eq!(
            value(
                Expr::Weekday {
                    weekday: 4,
                    modifier: Modifier::SameDay
                },
                Tense::Future
            ),
            "2013-12-27"
        );
        assert_eq!(
            value(
                Expr::Weekday {
                    weekday: 3,
                    modifier: Modifier::SameDay
                },
                Tense::Past
            ),
            "2013-12-26"
        );
    }

    #[test]
    fn months_and_days_without_year_take_the_nearest_sensible_year() {
        let month = |m| Expr::Month {
            month: m,
            modifier: Modifier::None,
        };
        assert_eq!(
            value(
                Expr::Month {
                    month: 4,
                    modifier: Modifier::Last
                },
                Tense::Past
            ),
            "2013-04"
        );
        assert_eq!(
            value(
                Expr::Month {
                    month: 12,
                    modifier: Modifier::Last
                },
                Tense::Past
            ),
            "2012-12"
        );
        assert_eq!(value(month(3), Tense::Past), "2013-03");
        assert_eq!(value(month(2), Tense::Unknown), "2014-02");
        assert_eq!(
            value(month(1), Tense::Past),
            "2014-01",
            "a month ahead is allowed in the past tense"
        );
        let jan12 = Expr::Day {
            year: None,
            month: 1,
            day: 12,
        };
        let pub_2005 = CivilDate::new(2005, 1, 11);
        assert_eq!(
            resolve(jan12, pub_2005, Tense::Past, None).unwrap().value(),
            "2005-01-12"
        );
        let apr18 = Expr::Day {
            year: None,
            month: 4,
            day: 18,
        };
        let pub_2014 = CivilDate::new(2014, 3, 12);
        assert_eq!(
            resolve(apr18, pub_2014, Tense::Past, None).unwrap().value(),
            "2013-04-18"
        );
        assert_eq!(
            resolve(apr18, pub_2014, Tense::Future, None)
                .unwrap()
                .value(),
            "2014-04-18"
        );
    }

    #[test]
    fn relative_units_periods_and_shifts() {
        assert_eq!(
            value(
                Expr::Offset {
                    unit: Unit::Week,
                    n: -1
                },
                Tense::Past
            ),
            "2013-W51"
        );
        assert_eq!(
            value(
                Expr::Offset {
                    unit: Unit::Month,
                    n: 1
                },
                Tense::Past
            ),
            "2014-01"
        );
        assert_eq!(
            value(
                Expr::Offset {
                    unit: Unit::Day,
                    n: -1
                },
                Tense::Past
            ),
            "2013-12-26"
        );
        assert_eq!(
            value(
                Expr::Period {
                    unit: Unit::Year,
                    past: true
                },
                Tense::Past
            ),
            "2013"
        );
        assert_eq!(
            value(
                Expr::Period {
                    unit: Unit::Year,
                    past: false
                },
                Tense::Past
            ),
            "2014"
        );
        let anchor = resolve(
            Expr::Day {
                year: Some(2013),
                month: 4,
                day: 18,
            },
            None,
            Tense::Past,
            None,
        )
        .ok();
        let later = resolve(
            Expr::Shift {
                unit: Unit::Day,
                n: 2,
            },
            None,
            Tense::Past,
            anchor,
        )
        .unwrap();
        assert_eq!(later.value(), "2013-04-20");
        let month_anchor = resolve(
            Expr::Month {
                month: 4,
                modifier: Modifier::Last,
            },
            pub_date(),
            Tense::Past,
            None,
        )
        .ok();
        assert_eq!(
            resolve(
                Expr::Shift {
                    unit: Unit::Day,
                    n: 2
                },
                pub_date(),
                Tense::Past,
                month_anchor
            ),
            Err(Unresolved::NoAnchor)
        );
    }

    #[test]
    fn movable_holidays_take_their_weekday_rule() {
        use crate::date_scan::MovableHoliday;
        let thanksgiving = Expr::Movable {
            holiday: MovableHoliday::Thanksgiving,
            modifier: Modifier::Last,
        };
        assert_eq!(
            resolve(thanksgiving, CivilDate::new(2000, 2, 10), Tense::Past, None)
                .unwrap()
                .value(),
            "1999-11-25"
        );
        let election = Expr::Movable {
            holiday: MovableHoliday::ElectionDay,
            modifier: Modifier::None,
        };
        assert_eq!(
            resolve(election, CivilDate::new(1998, 10, 26), Tense::Future, None)
                .unwrap()
                .value(),
            "1998-11-03"
        );
    }

    #[test]
    fn quarters_and_seasons_have_timex_values_and_periods() {
        let q = resolve(
            Expr::Quarter {
                n: Some(3),
                year: None,
            },
            CivilDate::new(1989, 10, 27),
            Tense::Past,
            None,
        )
        .unwrap();
        assert_eq!(
            (q.value(), q.last_day().to_string()),
            ("1989-Q3".into(), "1989-09-30".into())
        );
        let fall = resolve(
            Expr::Season {
                season: 2,
                modifier: Modifier::Last,
                year: None,
            },
            CivilDate::new(1999, 1, 22),
            Tense::Past,
            None,
        )
        .unwrap();
        assert_eq!(
            (
                fall.value(),
                fall.date.to_string(),
                fall.last_day().to_string()
            ),
            ("1998-FA".into(), "1998-09-01".into(), "1998-11-30".into())
        );
        let winter = Resolved::season(1998 * 4 + 3).unwrap();
        assert_eq!(
            (winter.value(), winter.last_day().to_string()),
            ("1998-WI".into(), "1999-02-28".into())
        );
        let decade = Resolved::decade(1990).unwrap();
        assert_eq!(
            (decade.value(), decade.last_day().to_string()),
            ("199".into(), "1999-12-31".into())
        );
    }

    #[test]
    fn relative_expressions_need_a_publication_date() {
        let today = Expr::Offset {
            unit: Unit::Day,
            n: 0,
        };
        assert_eq!(
            resolve(today, None, Tense::Past, None),
            Err(Unresolved::NoPublicationDate)
        );
        assert_eq!(
            resolve(Expr::Year(2008), None, Tense::Past, None)
                .unwrap()
                .value(),
            "2008"
        );
    }
}
