//! Finds temporal expressions in a tokenised sentence and says what they denote, before any
//! resolution against the publication date.

use std::ops::Range;

use newsmill_core::Granularity;

use crate::lexicon::{month_abbreviation, month_name, weekday_name};
use crate::tokens::{Tok, TokenKind};

/// A calendar unit in relative expressions ("two weeks ago", "last month").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// "last", "next", "this" or nothing in front of a month or weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    None,
    Last,
    Next,
    This,
    /// "since March": always the past one.
    Since,
    /// "later on Friday", "earlier on Friday": the publication day itself when it is that
    /// weekday.
    SameDay,
}

/// What an expression denotes, unresolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A day, with or without its year ("27 December 2013", "Dec. 27", Christmas Day).
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// A month with its year ("July 2003", "March last year" = year offset).
    MonthOfYear {
        year: YearRef,
        month: u32,
    },
    /// A month without a year ("last April", "in March").
    Month {
        month: u32,
        modifier: Modifier,
    },
    Year(i32),
    /// 0 = Monday.
    Weekday {
        weekday: u32,
        modifier: Modifier,
    },
    /// Relative to the publication date: today (Day, 0), last week (Week, -1), two years ago.
    Offset {
        unit: Unit,
        n: i64,
    },
    /// "two years ago": an offset from publication, except that "a year ago" right after a
    /// quarter is that quarter a year before (earnings copy).
    Ago {
        unit: Unit,
        n: i64,
    },
    /// A rolling period ending (`past`) or starting at publication: "the last year",
    /// "the coming year"; resolved to the unit holding its midpoint.
    Period {
        unit: Unit,
        past: bool,
    },
    /// Relative to the previous resolved date: "two days later" (Day, 2), "the day before".
    Shift {
        unit: Unit,
        n: i64,
    },
    /// "the third quarter" (n 3), "third-quarter", "the quarter" (the last complete one),
    /// "the fourth quarter of 1989".
    Quarter {
        n: Option<u32>,
        year: Option<i32>,
    },
    /// "last fall", "this summer", "the spring of 1998"; 0 spring, 1 summer, 2 fall, 3 winter.
    Season {
        season: u32,
        modifier: Modifier,
        year: Option<i32>,
    },
    /// "the 1990s" (1990).
    Decade(i32),
    /// A holiday whose day moves with the year: "Thanksgiving Day", "last Thanksgiving",
    /// "Election Day".
    Movable {
        holiday: MovableHoliday,
        modifier: Modifier,
    },
    /// "now", "currently": the time of writing.
    Present,
    /// "recently", "in the past", "in recent weeks": some time before the writing
    /// (`PAST_REF`); "the future", "in coming months": some time after it (`FUTURE_REF`).
    Vague {
        future: bool,
    },
}

impl Expr {
    /// Whether resolving it needs the publication date or an earlier expression.
    pub fn is_relative(&self) -> bool {
        !matches!(
            self,
            Expr::Day { year: Some(_), .. }
                | Expr::MonthOfYear {
                    year: YearRef::Absolute(_),
                    ..
                }
                | Expr::Year(_)
                | Expr::Decade(_)
                | Expr::Quarter { year: Some(_), .. }
                | Expr::Season { year: Some(_), .. }
        )
    }

    /// The granularity its value has once resolved.
    pub fn granularity(&self) -> Granularity {
        match self {
            Expr::Day { .. } | Expr::Weekday { .. } | Expr::Movable { .. } => Granularity::Day,
            Expr::MonthOfYear { .. } | Expr::Month { .. } => Granularity::Month,
            Expr::Year(_) => Granularity::Year,
            Expr::Offset { unit, .. }
            | Expr::Ago { unit, .. }
            | Expr::Period { unit, .. }
            | Expr::Shift { unit, .. } => match unit {
                Unit::Day => Granularity::Day,
                Unit::Week => Granularity::Week,
                Unit::Month => Granularity::Month,
                Unit::Year => Granularity::Year,
            },
            Expr::Quarter {
                n: None,
                year: Some(_),
            } => Granularity::Year,
            Expr::Quarter { .. } => Granularity::Quarter,
            Expr::Season { .. } => Granularity::Season,
            Expr::Decade(_) => Granularity::Decade,
            Expr::Present => Granularity::Present,
            Expr::Vague { future: false } => Granularity::Past,
            Expr::Vague { future: true } => Granularity::Future,
        }
    }
}

/// Holidays fixed by weekday rules (United States).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovableHoliday {
    /// The fourth Thursday of November.
    Thanksgiving,
    /// The Tuesday after the first Monday of November.
    ElectionDay,
}

impl MovableHoliday {
    pub fn in_year(self, year: i32) -> Option<newsmill_core::civil::CivilDate> {
        let first = newsmill_core::civil::CivilDate::new(year, 11, 1)?;
        let to = |weekday: u32| i64::from((weekday + 7 - first.weekday()) % 7);
        Some(match self {
            MovableHoliday::Thanksgiving => first.add_days(to(3) + 21),
            MovableHoliday::ElectionDay => first.add_days(to(0) + 1),
        })
    }
}

/// The year of a month expression: stated, or relative to publication ("last year").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    Relative(i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundExpr {
    /// Token index range in the block's token list.
    pub tokens: Range<usize>,
    pub expr: Expr,
}

#[derive(Debug, Clone, Copy)]
pub struct ScanOptions {
    pub bare_years: bool,
    pub holidays: bool,
}

const SMALL_NUMBERS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "the",
    "and",
    "or",
    "between",
    "through",
    "throughout",
    "for",
    "around",
];
/// After a number these make it no year; "the 1953 team" names a team, not a date.
const NOT_A_YEAR_NEXT: &[&str] = &[
    "local", "gmt", "bst", "utc", "hours", "hrs", "%", "per", "percent", "team", "teams", "squad",
    "roster", "lineup", "vintage",
];
const NOT_A_YEAR_PREV: &[&str] = &[
    "$", "£", "€", "¥", "number", "no", "flight", "route", "room", "page", "section", "at",
];
/// Capitalised words that make a weekday part of a name.
const NAMED_DAY_PREFIXES: &[&str] = &[
    "black", "good", "super", "bloody", "ash", "easter", "palm", "holy", "maundy", "cyber", "blue",
    "shrove", "giving", "manic", "casual", "freaky", "fat",
];
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// A lowercase word that reads as a plural noun after a number ("2000 people").
fn plural_like(tok: &Tok) -> bool {
    const IRREGULAR_PLURALS: &[&str] = &[
        "people",
        "men",
        "women",
        "children",
        "police",
        "personnel",
        "staff",
        "crew",
    ];
    /// Words ending in "s" that are not plural nouns ("August 10 was quiet").
    const NOT_PLURALS: &[&str] = &[
        "was", "is", "has", "as", "this", "its", "his", "thus", "does", "plus", "always",
        "whereas", "perhaps",
    ];
    tok.kind == TokenKind::Word
        && !tok.capital
        && !tok.is_any(NOT_PLURALS)
        && (tok.norm.ends_with('s') || tok.is_any(IRREGULAR_PLURALS))
}

/// Small number words and digits, for "two days ago".
fn small_number(tok: &Tok) -> Option<i64> {
    if tok.kind == TokenKind::Number {
        return tok.norm.parse().ok().filter(|n| (1..=1000).contains(n));
    }
    SMALL_NUMBERS
        .iter()
        .position(|w| *w == tok.norm)
        .map(|i| if i < 2 { 1 } else { i as i64 - 1 })
}

fn unit_of(tok: &Tok) -> Option<(Unit, bool)> {
    Some(match tok.norm {
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        _ => return None,
    })
}

/// A day of the month: "27", "27th", "1st".
fn day_number(tok: &Tok) -> Option<u32> {
    let digits = tok
        .norm
        .strip_suffix("st")
        .or_else(|| tok.norm.strip_suffix("nd"));
    let digits = digits
        .or_else(|| tok.norm.strip_suffix("rd"))
        .or_else(|| tok.norm.strip_suffix("th"));
    let digits = digits.unwrap_or(tok.norm);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year token ("2013"), range 1000-2999.
fn year_number(tok: &Tok) -> Option<i32> {
    if tok.kind != TokenKind::Number || tok.norm.len() != 4 {
        return None;
    }
    tok.norm.parse().ok().filter(|y| (1000..=2999).contains(y))
}

struct Cursor<'a> {
    tokens: &'a [Tok<'a>],
    end: usize,
}

impl<'a> Cursor<'a> {
    fn get(&self, i: usize) -> Option<&'a Tok<'a>> {
        if i < self.end {
            self.tokens.get(i)
        } else {
            None
        }
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.get(i).is_some_and(|t| t.is(word))
    }

    /// A month name at `i` (full, or abbreviated when followed by a day number), and the
    /// index after it (skipping the abbreviation's period).
    fn month_at(&self, i: usize, need_day_after_abbreviation: bool) -> Option<(u32, usize)> {
        let tok = self.get(i)?;
        if let Some(m) = month_name(tok) {
            return Some((m, i + 1));
        }
        let m = month_abbreviation(tok)?;
        let after = if self.is(i + 1, ".") { i + 2 } else { i + 1 };
        let day_follows = self.get(after).and_then(day_number).is_some();
        (!need_day_after_abbreviation || day_follows).then_some((m, after))
    }

    /// ", 2013" or "2013" after a day expression.
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.get(i).and_then(year_number) {
            return Some((y, i + 1));
        }
        if self.is(i, ",") {
            if let Some(y) = self.get(i + 1).and_then(year_number) {
                return Some((y, i + 2));
            }
        }
        None
    }
}

/// Scans one sentence (`range` of `tokens`) and returns non-overlapping expressions.
pub fn scan(tokens: &[Tok], range: Range<usize>, options: ScanOptions) -> Vec<FoundExpr> {
    let cursor = Cursor {
        tokens,
        end: range.end.min(tokens.len()),
    };
    let mut found = Vec::new();
    let mut i = range.start;
    while i < cursor.end {
        match match_at(&cursor, i, range.start, options) {
            Some(hit) if hit.tokens.end > i => {
                i = hit.tokens.end;
                found.push(hit);
            }
            _ => i += 1,
        }
    }
    borrow_nearby_years(&mut found);
    found
}

/// How close a stated year must be for a yearless day to take it.
const YEAR_CONTEXT_TOKENS: usize = 8;

/// "including 2001 when the 11 September attacks", "the 11 September attacks in 2001": a
/// day without a year takes a year stated a few tokens away, with no other date between.
fn borrow_nearby_years(found: &mut [FoundExpr]) {
    for i in 0..found.len() {
        let Expr::Day {
            year: None,
            month,
            day,
        } = found[i].expr
        else {
            continue;
        };
        let neighbours = [i.checked_sub(1), Some(i + 1)];
        let year = neighbours.into_iter().flatten().find_map(|j| {
            let other = found.get(j)?;
            let Expr::Year(year) = other.expr else {
                return None;
            };
            let gap = if j < i {
                found[i].tokens.start.saturating_sub(other.tokens.end)
            } else {
                other.tokens.start.saturating_sub(found[i].tokens.end)
            };
            (gap <= YEAR_CONTEXT_TOKENS).then_some(year)
        });
        if let Some(year) = year {
            found[i].expr = Expr::Day {
                year: Some(year),
                month,
                day,
            };
        }
    }
}

/// Words after which a date is not a noun modifier ("on Friday in aid of ...").
const NOT_MODIFIED: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "to",
    "and",
    "or",
    "for",
    "with",
    "by",
    "from",
    "as",
    "that",
    "when",
    "which",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "has",
    "have",
    "had",
    "after",
    "before",
    "but",
    "while",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// A dateline ("WASHINGTON, August 11 (Xinhua) -", "NAIROBI, Kenya, Aug. 7 _") states when
/// the dispatch was filed, which the publication date already says: a place in capitals at
/// the start of the block, a comma, the date, then a bracket, dash or underscore.
pub fn is_dateline(text: &str, tokens: &[Tok], expr: &Range<usize>) -> bool {
    const MAX_PLACE_TOKENS: usize = 8;
    let surface = |t: &Tok| text.get(t.start..t.end).unwrap_or_default();
    let Some(first) = tokens.first() else {
        return false;
    };
    let before = &tokens[..expr.start.min(tokens.len())];
    let capitals = surface(first).chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !surface(first).chars().any(char::is_lowercase);
    let place_then_comma = before.len() >= 2
        && before.len() <= MAX_PLACE_TOKENS
        && before.last().is_some_and(|t| t.is(","))
        && before
            .iter()
            .all(|t| t.is(",") || t.kind == TokenKind::Word && t.capital || t.is("."));
    let closes = match tokens.get(expr.end) {
        None => true,
        Some(t) => matches!(surface(t), "(" | "_" | "-" | "--" | "—" | "–" | ":"),
    };
    capitals && place_then_comma && closes
}

/// A date used as a modifier names an event ("Sunday's earthquake", "the Boxing Day
/// disaster", "the 19 February meets"); the tense of the clause around it says little
/// about when that event was.
pub fn is_attributive(tokens: &[Tok], expr: &Range<usize>) -> bool {
    let next = tokens.get(expr.end);
    if next.is_some_and(|n| n.is("'s")) {
        return true;
    }
    let prev_is_the = expr
        .start
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| p.is("the"));
    prev_is_the
        && next.is_some_and(|n| n.kind == TokenKind::Word && !n.capital && !n.is_any(NOT_MODIFIED))
}

fn hit(start: usize, end: usize, expr: Expr) -> Option<FoundExpr> {
    Some(FoundExpr {
        tokens: start..end,
        expr,
    })
}

/// Lowercase words an expression can start with; every other lowercase word is skipped
/// before trying the matchers (most tokens of a text), which keeps the scan cheap.
const STARTERS: &[&str] = &[
    "a",
    "after",
    "an",
    "at",
    "before",
    "by",
    "coming",
    "currently",
    "during",
    "earlier",
    "early",
    "eight",
    "eleven",
    "first",
    "five",
    "four",
    "fourth",
    "from",
    "in",
    "last",
    "late",
    "later",
    "mid",
    "next",
    "nine",
    "now",
    "of",
    "one",
    "past",
    "recent",
    "second",
    "seven",
    "since",
    "six",
    "ten",
    "that",
    "the",
    "third",
    "this",
    "three",
    "through",
    "till",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "twelve",
    "two",
    "until",
    "yesterday",
];

/// Whether any matcher could start at this token: digits, capitals, a starter word, a
/// prefixed month ("mid-December") or a hyphenated quarter ("third-quarter").
fn may_start_expression(tok: &Tok) -> bool {
    tok.kind == TokenKind::Number
        || tok.capital
        || tok.norm.starts_with(|c: char| c.is_ascii_digit())
        || tok.norm.contains('-')
        || is_starter(tok.norm)
}

/// [`STARTERS`] membership without a string comparison per entry: the first byte and the
/// length rule out almost every word before any bytes are compared.
fn is_starter(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    if word.len() > 9 || !b"abcdefilmnoprstuy".contains(&first) {
        return false;
    }
    STARTERS
        .iter()
        .any(|s| s.len() == word.len() && s.as_bytes()[0] == first && *s == word)
}

fn match_at(
    c: &Cursor,
    i: usize,
    sentence_start: usize,
    options: ScanOptions,
) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    if !may_start_expression(tok) {
        return None;
    }
    if let Some(found) = iso_date(c, i) {
        return Some(found);
    }
    if let Some(found) = absolute_day(c, i) {
        return Some(found);
    }
    if let Some(found) = month_expression(c, i) {
        return Some(found);
    }
    if let Some(found) = weekday(c, i, sentence_start) {
        return Some(found);
    }
    if let Some(found) = relative(c, i) {
        return Some(found);
    }
    if let Some(found) = quarter(c, i).or_else(|| season(c, i)) {
        return Some(found);
    }
    if let Some(found) = decade(c, i).or_else(|| present(c, i, sentence_start)) {
        return Some(found);
    }
    if let Some(found) = vague(c, i) {
        return Some(found);
    }
    if options.holidays {
        if let Some(found) = holiday(c, i) {
            return Some(found);
        }
    }
    if options.bare_years {
        if let Some(year) = year_number(tok) {
            let prev = i.checked_sub(1).and_then(|p| c.tokens.get(p));
            let next = c.get(i + 1);
            let blocked_prev = prev.is_some_and(|p| p.is_any(NOT_A_YEAR_PREV));
            let blocked_next = next.is_some_and(|n| n.is_any(NOT_A_YEAR_NEXT));
            // "2000 people": a lowercase plural right after the number makes it a count,
            // unless a preposition announces a year ("in 2004 plans ...").
            // A sentence-initial year is a subject ("2004 reinforces the trend").
            let opens_sentence = i == sentence_start
                || i == sentence_start + 1 && prev.is_some_and(|p| p.kind == TokenKind::Punct);
            let count_like = next.is_some_and(plural_like)
                && !prev.is_some_and(|p| p.is_any(YEAR_PREPOSITIONS))
                && !opens_sentence;
            if (1800..=2099).contains(&year) && !blocked_prev && !blocked_next && !count_like {
                return hit(i, i + 1, Expr::Year(year));
            }
        }
    }
    None
}

fn iso_date(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    let bytes = tok.norm.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let date = newsmill_core::civil::CivilDate::parse_iso(tok.norm)?;
    hit(
        i,
        i + 1,
        Expr::Day {
            year: Some(date.year),
            month: date.month,
            day: date.day,
        },
    )
}

/// "27 December 2013", "1 May, 2002", "27th of December", "December 27, 2013", "Dec. 27",
/// optionally led by a weekday ("Friday 27 December").
fn absolute_day(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let mut start = i;
    let mut at = i;
    if c.get(i).and_then(weekday_name).is_some() {
        at = if c.is(i + 1, ",") { i + 2 } else { i + 1 };
    }
    let found = day_month(c, at).or_else(|| month_day(c, at))?;
    if at == i {
        start = found.tokens.start;
    }
    Some(FoundExpr {
        tokens: start..found.tokens.end,
        expr: found.expr,
    })
}

fn day_month(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let day = day_number(c.get(i)?)?;
    let month_at = if c.is(i + 1, "of") { i + 2 } else { i + 1 };
    let (month, after) = c.month_at(month_at, false)?;
    if month_at == i + 2 && month_name(c.get(month_at)?).is_none() {
        return None;
    }
    let (year, end) = c
        .year_after(after)
        .map_or((None, after), |(y, e)| (Some(y), e));
    newsmill_core::civil::CivilDate::new(year.unwrap_or(2000), month, day)?;
    hit(i, end, Expr::Day { year, month, day })
}

fn month_day(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let (month, after) = c.month_at(i, true)?;
    let day = day_number(c.get(after)?)?;
    // "May 2 people" is not a date (May and March are also a modal and a verb); after other
    // months a plural noun is what the date modifies ("the Aug. 7 bombings").
    if matches!(month, 3 | 5) && c.get(after + 1).is_some_and(plural_like) {
        return None;
    }
    let (year, end) = c
        .year_after(after + 1)
        .map_or((None, after + 1), |(y, e)| (Some(y), e));
    newsmill_core::civil::CivilDate::new(year.unwrap_or(2000), month, day)?;
    hit(i, end, Expr::Day { year, month, day })
}

/// "July 2003", "March last year", "last April", "early December", "mid-December", "in March".
fn month_expression(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    let (modifier, month_at) = match tok.norm {
        "last" | "past" => (Modifier::Last, i + 1),
        "next" | "coming" => (Modifier::Next, i + 1),
        "this" => (Modifier::This, i + 1),
        "since" => (Modifier::Since, i + 1),
        "early" | "late" | "mid" | "in" | "of" | "until" | "by" | "from" | "during" | "before"
        | "after" | "to" => (Modifier::None, i + 1),
        _ => (Modifier::None, i),
    };
    // "from March 30": the day expression starts at the month, one token on.
    if month_at > i && absolute_day(c, month_at).is_some() {
        return None;
    }
    let start = if matches!(modifier, Modifier::Last | Modifier::Next | Modifier::This) {
        i
    } else {
        month_at
    };
    let mid_month = c.get(month_at).and_then(|t| {
        let rest = ["mid-", "late-", "early-"]
            .iter()
            .find_map(|p| t.norm.strip_prefix(p))?;
        let m = month_name(&Tok {
            norm: rest,
            capital: true,
            ..t.clone()
        })?;
        Some(m)
    });
    let (month, after) = match mid_month {
        Some(m) => (m, month_at + 1),
        None => {
            let t = c.get(month_at)?;
            let m = month_name(t)?;
            // "may" the modal is lowercase, but a sentence-initial "May" is ambiguous: take
            // it only with a lead-in word or a year.
            if m == 5 && month_at == i && c.get(month_at + 1).and_then(year_number).is_none() {
                return None;
            }
            (m, month_at + 1)
        }
    };
    if let Some((year, end)) = c
        .year_after(after)
        .filter(|_| modifier == Modifier::None || modifier == Modifier::Since)
    {
        return hit(
            start,
            end,
            Expr::MonthOfYear {
                year: YearRef::Absolute(year),
                month,
            },
        );
    }
    if c.is(after, "of") {
        if let Some(year) = c.get(after + 1).and_then(year_number) {
            return hit(
                start,
                after + 2,
                Expr::MonthOfYear {
                    year: YearRef::Absolute(year),
                    month,
                },
            );
        }
    }
    if c.get(after + 1).is_some_and(|t| t.is("year")) {
        let n = match c.get(after).map(|t| t.norm) {
            Some("last") => Some(-1),
            Some("this") => Some(0),
            Some("next") => Some(1),
            _ => None,
        };
        if let Some(n) = n {
            return hit(
                start,
                after + 2,
                Expr::MonthOfYear {
                    year: YearRef::Relative(n),
                    month,
                },
            );
        }
    }
    hit(start, after, Expr::Month { month, modifier })
}

/// "Monday", "on Monday", "last Saturday", "next Friday", "Tuesday morning"; not "Black
/// Friday" (a capitalised word before it makes it a name) nor "every Monday".
fn weekday(c: &Cursor, i: usize, sentence_start: usize) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    let (modifier, day_at) = match tok.norm {
        "last" | "past" => (Modifier::Last, i + 1),
        "next" | "coming" => (Modifier::Next, i + 1),
        "this" => (Modifier::This, i + 1),
        _ => (Modifier::None, i),
    };
    let weekday = weekday_name(c.get(day_at)?)?;
    let before = |k: usize| {
        i.checked_sub(k)
            .filter(|&p| p >= sentence_start)
            .and_then(|p| c.tokens.get(p))
    };
    let same_day = before(1).is_some_and(|t| t.is("on"))
        && before(2).is_some_and(|t| t.is_any(&["later", "earlier"]));
    let modifier = if same_day {
        Modifier::SameDay
    } else {
        modifier
    };
    if modifier == Modifier::None && i > 0 {
        // A capitalised word before a weekday is usually the subject ("President Bill
        // Clinton Saturday vowed", "in Kenya and Tanzania Friday"); only a few names are
        // days of their own ("Black Friday", "Good Friday", "Super Tuesday").
        let prev = c.tokens.get(i - 1)?;
        if prev.is_any(NAMED_DAY_PREFIXES) && prev.capital
            || prev.is_any(&["every", "each", "on-again"])
        {
            return None;
        }
    }
    let mut end = day_at + 1;
    if c.get(end).is_some_and(|t| t.is_any(DAY_PARTS)) {
        end += 1;
    }
    hit(i, end, Expr::Weekday { weekday, modifier })
}

fn relative(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    let word = tok.norm;
    let offset = |unit, n| Expr::Offset { unit, n };
    match word {
        "today" | "tonight" => return hit(i, i + 1, offset(Unit::Day, 0)),
        "yesterday" => return hit(i, i + 1, offset(Unit::Day, -1)),
        "tomorrow" => return hit(i, i + 1, offset(Unit::Day, 1)),
        _ => {}
    }
    // "earlier this month", "later this year"
    if matches!(word, "earlier" | "later") && c.is(i + 1, "this") {
        if let Some((unit, false)) = c.get(i + 2).and_then(unit_of) {
            return hit(i, i + 3, offset(unit, 0));
        }
    }
    // "the last year", "the past month", "the coming year", "the next week" (rolling periods)
    if word == "the" {
        let past = match c.get(i + 1).map(|t| t.norm) {
            Some("last" | "past") => Some(true),
            Some("coming") => Some(false),
            _ => None,
        };
        if let (Some(past), Some((unit, false))) = (past, c.get(i + 2).and_then(unit_of)) {
            if unit != Unit::Day {
                return hit(i, i + 3, Expr::Period { unit, past });
            }
        }
        // "the next day", "the following day", "the day before", "the previous day"
        if c.get(i + 1)
            .is_some_and(|t| t.is_any(&["next", "following"]))
            && c.is(i + 2, "day")
        {
            return hit(
                i,
                i + 3,
                Expr::Shift {
                    unit: Unit::Day,
                    n: 1,
                },
            );
        }
        if c.is(i + 1, "previous") && c.is(i + 2, "day") {
            return hit(
                i,
                i + 3,
                Expr::Shift {
                    unit: Unit::Day,
                    n: -1,
                },
            );
        }
        if c.is(i + 1, "day")
            && c.is(i + 2, "before")
            && !c.get(i + 3).is_some_and(|t| t.kind == TokenKind::Word)
        {
            return hit(
                i,
                i + 3,
                Expr::Shift {
                    unit: Unit::Day,
                    n: -1,
                },
            );
        }
    }
    // "that day", "that same day", "later that year", "the next morning": the previous date.
    if let Some(found) = anaphoric(c, i) {
        return Some(found);
    }
    // "a decade ago", "two decades ago"
    if let (Some(n), Some(unit)) = (small_number(tok), c.get(i + 1)) {
        let one = matches!(word, "a" | "an" | "one");
        let fits = if unit.is("decade") {
            one
        } else {
            unit.is("decades") && n > 1
        };
        if fits && c.is(i + 2, "ago") {
            return hit(
                i,
                i + 3,
                Expr::Ago {
                    unit: Unit::Year,
                    n: -10 * n,
                },
            );
        }
    }
    // "last week", "next month", "this year", "past week"
    let step = match word {
        "last" => Some(-1),
        "next" => Some(1),
        "this" => Some(0),
        _ => None,
    };
    if let (Some(n), Some((unit, false))) = (step, c.get(i + 1).and_then(unit_of)) {
        if unit != Unit::Day {
            return hit(i, i + 2, offset(unit, n));
        }
    }
    // "two days ago", "a week later", "three years earlier"
    if let (Some(n), Some((unit, plural))) = (small_number(tok), c.get(i + 1).and_then(unit_of)) {
        let singular_article = matches!(word, "a" | "an" | "one");
        if plural == (n > 1) || singular_article && !plural {
            match c.get(i + 2).map(|t| t.norm) {
                Some("ago") => return hit(i, i + 3, Expr::Ago { unit, n: -n }),
                Some("later") => return hit(i, i + 3, Expr::Shift { unit, n }),
                Some("earlier") => return hit(i, i + 3, Expr::Shift { unit, n: -n }),
                _ => {}
            }
        }
    }
    None
}

const ORDINALS: &[&str] = &["first", "second", "third", "fourth"];

fn ordinal_of(word: &str) -> Option<u32> {
    let n = match word {
        "1st" => 0,
        "2nd" => 1,
        "3rd" => 2,
        "4th" => 3,
        _ => ORDINALS.iter().position(|o| *o == word)?,
    };
    Some(n as u32 + 1)
}

/// "of 1989" after a quarter or season.
fn of_year(c: &Cursor, i: usize) -> Option<(i32, usize)> {
    if c.is(i, "of") {
        return c.get(i + 1).and_then(year_number).map(|y| (y, i + 2));
    }
    c.get(i).and_then(year_number).map(|y| (y, i + 1))
}

/// "the third quarter", "third-quarter (profit)", "the fiscal first quarter", "the latest
/// quarter", "the quarter", "the fourth quarter of 1989". Not "a quarter of the votes".
fn quarter(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let mut j = i;
    let the = c.is(j, "the");
    if the {
        j += 1;
    }
    if c.is(j, "fiscal") {
        j += 1;
    }
    let tok = c.get(j)?;
    let (n, end) = if let Some(n) = tok.norm.strip_suffix("-quarter").and_then(ordinal_of) {
        (Some(n), j + 1)
    } else if let (Some(n), true) = (ordinal_of(tok.norm), c.is(j + 1, "quarter")) {
        (Some(n), j + 2)
    } else if the && c.is(j, "latest") && c.is(j + 1, "quarter") {
        (None, j + 2)
    } else if the && j == i + 1 && tok.is("quarter") {
        (None, j + 1)
    } else {
        return None;
    };
    if n.is_none() && c.is(end, "of") && c.get(end + 1).and_then(year_number).is_none() {
        return None;
    }
    let (year, end) = match (n, of_year(c, end)) {
        (Some(_), Some((y, e))) => (Some(y), e),
        _ => (None, end),
    };
    hit(i, end, Expr::Quarter { n, year })
}

fn season_of(word: &str) -> Option<u32> {
    Some(match word {
        "spring" => 0,
        "summer" => 1,
        "fall" | "autumn" => 2,
        "winter" => 3,
        _ => return None,
    })
}

/// "last fall", "this past spring", "next summer", "in the fall", "the winter of 1998",
/// "summer 1998". A bare "the fall" needs a preposition before it and no "of" after it other
/// than a year ("the fall of Saigon" is no season).
fn season(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    let (modifier, mut at) = match tok.norm {
        "last" | "past" => (Modifier::Last, i + 1),
        "next" | "coming" => (Modifier::Next, i + 1),
        "this" if c.is(i + 1, "past") => (Modifier::Last, i + 2),
        "this" => (Modifier::This, i + 1),
        _ => (Modifier::None, i),
    };
    let mut start = i;
    if modifier == Modifier::None {
        if !tok.is_any(&["in", "by", "during", "until", "since", "through", "the"]) {
            return None;
        }
        if !tok.is("the") {
            at += 1;
            start = at;
        }
        if c.is(at, "early") || c.is(at, "late") {
            at += 1;
        }
        if !c.is(at, "the") {
            // "in spring 1998", "since summer 1998": a year must follow.
            let season = season_of(c.get(at)?.norm)?;
            let (year, end) = of_year(c, at + 1)?;
            return hit(
                start,
                end,
                Expr::Season {
                    season,
                    modifier,
                    year: Some(year),
                },
            );
        }
        at += 1;
    }
    let season = season_of(c.get(at)?.norm)?;
    let year = of_year(c, at + 1);
    if let Some((year, end)) = year {
        return hit(
            start,
            end,
            Expr::Season {
                season,
                modifier,
                year: Some(year),
            },
        );
    }
    let needs_context = modifier == Modifier::None;
    if needs_context && (tok.is("the") || c.is(at + 1, "of")) {
        return None;
    }
    hit(
        start,
        at + 1,
        Expr::Season {
            season,
            modifier,
            year: None,
        },
    )
}

/// "the 1990s", "the mid-1980s", "the '90s" (taken as the 1900s).
fn decade(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    let norm = tok.norm.strip_prefix("mid-").unwrap_or(tok.norm);
    let digits = norm.strip_suffix('s')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !digits.ends_with('0') {
        return None;
    }
    let year: i32 = match digits.len() {
        4 => digits.parse().ok()?,
        2 if i > 0 && c.tokens.get(i - 1).is_some_and(|p| p.is("'") || p.is("’")) => {
            1900 + digits.parse::<i32>().ok()?
        }
        _ => return None,
    };
    (1000..=2990).contains(&year).then_some(())?;
    hit(i, i + 1, Expr::Decade(year))
}

/// "now", "currently", "right now", "at present": the time of writing. A sentence-initial
/// "Now" is a discourse marker ("Now, he says ...") and is left out.
fn present(c: &Cursor, i: usize, sentence_start: usize) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    let opens = i == sentence_start
        || i == sentence_start + 1
            && c.tokens
                .get(sentence_start)
                .is_some_and(|t| t.kind == TokenKind::Punct);
    match tok.norm {
        "now" | "currently" if !opens => hit(i, i + 1, Expr::Present),
        "at" if c.is(i + 1, "present")
            && !c
                .get(i + 2)
                .is_some_and(|t| t.kind == TokenKind::Word && !t.is_any(NOT_MODIFIED)) =>
        {
            hit(i, i + 2, Expr::Present)
        }
        _ => None,
    }
}

/// Vague references (TimeML `PAST_REF`, `FUTURE_REF`): "the past" (not "the past week": a
/// period, matched before this), "recent weeks", "the last few months", "the past several
/// quarters"; "the (near) future" (not "the future of X", a noun phrase about X), "(the)
/// coming months". Left out because the TimeML corpora disagree on them (TimeBank marks
/// about half, AQUAINT none): "recently", "previously", and "future" as a modifier
/// ("future earnings").
fn vague(c: &Cursor, i: usize) -> Option<FoundExpr> {
    /// Words that may follow "the past" when it is the past itself ("in the past, ...",
    /// "in the past it has"), not a modifier of a noun ("the past champion").
    const AFTER_THE_PAST: &[&str] = &[
        "and", "but", "as", "it", "he", "she", "they", "we", "i", "you", "that", "this", "is",
        "was", "has", "have", "had", "when", "to", "in", "of", "for", "by", "or", "the", "a",
    ];
    let tok = c.get(i)?;
    let plural_unit = |j: usize| {
        c.get(j).is_some_and(|t| {
            unit_of(t).is_some_and(|(_, plural)| plural) || t.is_any(&["quarters", "decades"])
        })
    };
    let past = |end: usize| hit(i, end, Expr::Vague { future: false });
    let future = |end: usize| hit(i, end, Expr::Vague { future: true });
    match tok.norm {
        "recent" if plural_unit(i + 1) => past(i + 2),
        "coming" if plural_unit(i + 1) => future(i + 2),
        "the" => match c.get(i + 1)?.norm {
            "past" | "last"
                if c.get(i + 2).is_some_and(|t| t.is_any(&["few", "several"]))
                    && plural_unit(i + 3) =>
            {
                past(i + 4)
            }
            "past"
                if c.get(i + 2)
                    .is_none_or(|t| t.kind == TokenKind::Punct || t.is_any(AFTER_THE_PAST)) =>
            {
                past(i + 2)
            }
            "future" if !c.is(i + 2, "of") => future(i + 2),
            "near" if c.is(i + 2, "future") && !c.is(i + 3, "of") => future(i + 3),
            "coming" if plural_unit(i + 2) => future(i + 3),
            _ => None,
        },
        _ => None,
    }
}

/// Expressions that point back at the previous date: "that day", "that same day", "the
/// same day", "earlier/later that day|week|month|year", "the next|following morning".
fn anaphoric(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let shift = |unit, n| Expr::Shift { unit, n };
    let unit_at = |j: usize| match c.get(j).map(|t| t.norm) {
        Some("day") => Some(Unit::Day),
        Some("week") => Some(Unit::Week),
        Some("month") => Some(Unit::Month),
        Some("year") => Some(Unit::Year),
        _ => None,
    };
    let tok = c.get(i)?;
    let mut j = i;
    if tok.is_any(&["earlier", "later"]) {
        j += 1;
    }
    if c.is(j, "that") || c.is(j, "the") && c.is(j + 1, "same") {
        let the_same = c.is(j, "the");
        let mut k = j + 1;
        if c.is(k, "same") {
            k += 1;
        }
        let unit = unit_at(k)?;
        // "the same day" alone; "that year" only with earlier/later (else it is often
        // anaphora to a year just named, already resolved by itself).
        let plain = j == i;
        if plain && unit != Unit::Day || the_same && !c.is(j + 1, "same") {
            return None;
        }
        return hit(i, k + 1, shift(unit, 0));
    }
    if tok.is("the")
        && c.get(i + 1)
            .is_some_and(|t| t.is_any(&["next", "following"]))
    {
        if c.get(i + 2).is_some_and(|t| t.is_any(DAY_PARTS)) {
            return hit(i, i + 3, shift(Unit::Day, 1));
        }
        if let Some(unit) = unit_at(i + 2).filter(|u| *u != Unit::Day) {
            return hit(i, i + 3, shift(unit, 1));
        }
    }
    None
}

/// "Thanksgiving (Day)", "last Thanksgiving", "Election Day".
fn movable_holiday(c: &Cursor, i: usize) -> Option<FoundExpr> {
    let tok = c.get(i)?;
    let (modifier, at) = match tok.norm {
        "last" | "past" => (Modifier::Last, i + 1),
        "next" | "coming" => (Modifier::Next, i + 1),
        "this" => (Modifier::This, i + 1),
        _ => (Modifier::None, i),
    };
    let name = c.get(at).filter(|t| t.capital)?;
    let day_follows = c.get(at + 1).is_some_and(|t| t.capital && t.is("day"));
    let (holiday, end) = match name.norm {
        "thanksgiving" if day_follows => (MovableHoliday::Thanksgiving, at + 2),
        "thanksgiving" => (MovableHoliday::Thanksgiving, at + 1),
        "election" if day_follows => (MovableHoliday::ElectionDay, at + 2),
        _ => return None,
    };
    hit(i, end, Expr::Movable { holiday, modifier })
}

fn holiday(c: &Cursor, i: usize) -> Option<FoundExpr> {
    if let Some(found) = movable_holiday(c, i) {
        return Some(found);
    }
    let tok = c.get(i)?;
    if !tok.capital {
        return None;
    }
    let day_or_eve = |j: usize| c.get(j).filter(|t| t.capital).map(|t| t.norm);
    let (month, day, end) = match (tok.norm, day_or_eve(i + 1)) {
        ("christmas", Some("day")) => (12, 25, i + 2),
        ("christmas", Some("eve")) => (12, 24, i + 2),
        ("boxing", Some("day")) => (12, 26, i + 2),
        ("new", Some("year")) if c.is(i + 2, "'s") => match day_or_eve(i + 3) {
            Some("day") => (1, 1, i + 4),
            Some("eve") => (12, 31, i + 4),
            _ => return None,
        },
        ("valentine", Some("'s")) if c.get(i + 2).is_some_and(|t| t.capital && t.is("day")) => {
            (2, 14, i + 3)
        }
        _ => return None,
    };
    hit(
        i,
        end,
        Expr::Day {
            year: None,
            month,
            day,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    const ALL: ScanOptions = ScanOptions {
        bare_years: true,
        holidays: true,
    };

    fn found(text: &str) -> Vec<(String, Expr)> {
        let tokens = tokenize(text);
        scan(&tokens, 0..tokens.len(), ALL)
            .into_iter()
            .map(|f| {
                (
                    text[tokens[f.tokens.start].start..tokens[f.tokens.end - 1].end].to_string(),
                    f.expr,
                )
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn vague_past_and_future_references() {
        let past = Expr::Vague { future: false };
        let future = Expr::Vague { future: true };
        assert_eq!(
            found("In the past, it rose; in recent weeks it fell over the past several quarters"),
            [
                ("the past".to_string(), past),
                ("recent weeks".to_string(), past),
                ("the past several quarters".to_string(), past)
            ]
        );
        assert_eq!(
            found("in the near future, or in coming months, said the past champion"),
            [
                ("the near future".to_string(), future),
                ("coming months".to_string(), future)
            ]
        );
        // A period ("the past week") is matched as a period; "the future of" is a noun phrase;
        // "recently" and modifier "future" are left out.
        assert_eq!(texts("over the past week"), ["the past week"]);
        assert!(texts("the future of the party, recently, future earnings").is_empty());
    }

    #[test]
    fn starters_are_found_and_others_are_not() {
        assert!(STARTERS.iter().all(|s| is_starter(s) && s.len() <= 9));
        assert!(!is_starter("people") && !is_starter("") && !is_starter("yesterdays"));
    }

    #[test]
    fn finds_absolute_and_partial_dates() {
        assert_eq!(
            texts("On 27 December 2013 and December 27, 2013 and Dec. 27 and 2013-12-27."),
            [
                "27 December 2013",
                "December 27, 2013",
                "Dec. 27",
                "2013-12-27"
            ]
        );
        assert_eq!(
            found("the 1 May, 2002 raid")[0].1,
            Expr::Day {
                year: Some(2002),
                month: 5,
                day: 1
            }
        );
        assert_eq!(
            texts("in July 2003, last April, in March, the 2003 winner"),
            ["July 2003", "last April", "March", "2003"]
        );
        assert_eq!(texts("On April 18, 33 people died."), ["April 18"]);
        assert_eq!(
            found("since March last year")[0].1,
            Expr::MonthOfYear {
                year: YearRef::Relative(-1),
                month: 3
            }
        );
    }

    #[test]
    fn finds_weekdays_but_not_names_or_habits() {
        assert_eq!(texts("the film Black Friday opens on Friday"), ["Friday"]);
        assert_eq!(
            texts("in Kenya and Tanzania Friday, and President Bill Clinton Saturday vowed"),
            ["Friday", "Saturday"]
        );
        assert_eq!(
            texts("He goes every Monday. Last Sunday, he left Tuesday morning."),
            ["Last Sunday", "Tuesday morning"]
        );
        assert_eq!(texts("killed in last Saturday’s attack"), ["last Saturday"]);
    }

    #[test]
    fn finds_relative_expressions() {
        assert_eq!(
            texts("today, yesterday, last week, Earlier this month, next month's talks, over the last year, two days later, three weeks ago, the next day"),
            ["today", "yesterday", "last week", "Earlier this month", "next month", "the last year", "two days later", "three weeks ago", "the next day"]
        );
        assert!(
            texts("over the next two days and for the last nine years, two years after").is_empty()
        );
    }

    #[test]
    fn yearless_days_borrow_a_nearby_year() {
        assert_eq!(
            found("10 days after the 11 September attacks in 2001")[0].1,
            Expr::Day {
                year: Some(2001),
                month: 9,
                day: 11
            }
        );
        assert_eq!(found("The club meets on 12 January to discuss what the committee had planned for the season of 2005")[0].1, Expr::Day {
            year: None,
            month: 1,
            day: 12
        });
    }

    #[test]
    fn attributive_dates_are_recognised() {
        let tokens =
            tokenize("by Sunday's earthquake and the Boxing Day disaster but on Friday in aid");
        let spans: Vec<bool> = scan(&tokens, 0..tokens.len(), ALL)
            .iter()
            .map(|f| is_attributive(&tokens, &f.tokens))
            .collect();
        assert_eq!(spans, [true, true, false]);
    }

    #[test]
    fn finds_quarters_seasons_decades_and_the_present() {
        assert_eq!(
            found("third-quarter profit rose; the fourth quarter of 1989; the quarter")
                .into_iter()
                .map(|(_, e)| e)
                .collect::<Vec<_>>(),
            [
                Expr::Quarter {
                    n: Some(3),
                    year: None
                },
                Expr::Quarter {
                    n: Some(4),
                    year: Some(1989)
                },
                Expr::Quarter {
                    n: None,
                    year: None
                },
            ]
        );
        assert!(texts("a quarter of the votes and three quarters").is_empty());
        assert_eq!(
            texts("last fall, this past spring, in the winter, the summer of 1998, after the fall of Saigon"),
            ["last fall", "this past spring", "the winter", "the summer of 1998"]
        );
        assert_eq!(found("in the 1960s")[0].1, Expr::Decade(1960));
        assert_eq!(
            texts("Now, he says, troops are now there and currently wait."),
            ["now", "currently"]
        );
    }

    #[test]
    fn skips_numbers_that_are_not_years() {
        assert!(texts(
            "at 2100 local time, 2000 people, $1999, 1,000 troops, 1973-90, the 1953 team"
        )
        .is_empty());
        assert_eq!(
            texts("Christmas Day and New Year's Day"),
            ["Christmas Day", "New Year's Day"]
        );
    }
}
