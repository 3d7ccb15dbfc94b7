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

    /// ISO value at the granularity: `2013-12-22`, `2013-W51`, `2013-12`, `2013`.
    pub fn value(&self) -> String {
        match self.granularity {
            Granularity::Day => self.date.to_string(),
            Granularity::Week => {
                let (year, week) = self.date.iso_week();
                format!("{year:04}-W{week:02}")
            }
            Granularity::Month => format!("{:04}-{:02}", self.date.year, self.date.month),
            Granularity::Year => format!("{:04}", self.date.year),
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

/// Picks between the latest candidate not after publication and the earliest not before.
fn choose(
    past: Option<i64>,
    future: Option<i64>,
    now: i64,
    tense: Tense,
    lookahead: i64,
) -> Option<i64> {
    match (past, future) {
        (Some(p), Some(f)) => Some(match tense {
            Tense::Future => f,
            Tense::Past if f - now > lookahead => p,
            _ if f - now < now - p => f,
            _ => p,
        }),
        (p, f) => p.or(f),
    }
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
            if modifier == Modifier::SameDay && today == i64::from(weekday) {
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
        Expr::Offset { unit, n } => {
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
        Expr::Shift { unit, n } => {
            let anchor = previous.ok_or(invalid)?;
            match unit {
                Unit::Day | Unit::Week if anchor.granularity == Granularity::Day => {
                    let days = if unit == Unit::Day { n } else { 7 * n };
                    Ok(Resolved::day(anchor.date.add_days(days)))
                }
                Unit::Month if anchor.granularity <= Granularity::Month => {
                    Resolved::month(anchor.date.month_index() + n).ok_or(invalid)
                }
                Unit::Year => {
                    Resolved::year(anchor.date.year.saturating_add(n as i32)).ok_or(invalid)
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
            "2013-12-20",
            "the publication day itself only as 'today'"
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
