//! Date strings as pages write them, to a calendar day: ISO 8601 and its variants, numeric
//! day-month-year forms, month names in English, Spanish, Portuguese, French, German,
//! Italian, Dutch, Russian, Ukrainian, Turkish, Arabic, Persian, Hindi, Bengali and a few
//! more, digits of those scripts, Solar Hijri dates, and dates inside URL paths.
//! Hand-written because no maintained crate parses free-text multilingual dates to a day
//! without also guessing times and relative dates we do not want.

use std::sync::LazyLock;

use regex::Regex;

use crate::calendar;
// Month names (matched lower-case, on whole words) are shared with the metadata dates.
use newsmill_core::months::MONTHS;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// A valid day (by the one calendar, `newsmill_core::civil`) in the years a web page's
    /// publication date can plausibly have.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1995..=2035).contains(&year) {
            return None;
        }
        newsmill_core::civil::CivilDate::new(year, month, day)?;
        Some(Day { year, month, day })
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T|\s|_)").expect("iso date")
});
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])((?:19|20)\d\d)(\d\d)(\d\d)(?:[^\d]|$)").expect("compact date")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d|\d\d)(?:[^\d]|$)")
        .expect("dmy date")
});
// Letters and combining marks: Indic scripts write vowels as marks (`फ़रवरी`, `ফেব্রুয়ারি`).
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{M}]+\.?|\d+").expect("tokens"));

static MONTH_INDEX: LazyLock<std::collections::HashMap<&'static str, u32>> =
    LazyLock::new(|| MONTHS.iter().copied().collect());

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(&m) = MONTH_INDEX.get(w) {
        return Some(m);
    }
    MONTH_INDEX.get(w.to_lowercase().as_str()).copied()
}

fn year_of(token: &str) -> Option<i32> {
    let y: i32 = token.parse().ok()?;
    if (1995..=2035).contains(&y) && token.len() == 4 {
        Some(y)
    } else {
        None
    }
}

/// Parse the first date in `s`. `month_first` says how to read ambiguous `01/02/2020`
/// (US pages); otherwise day-first.
pub fn parse(s: &str, month_first: bool) -> Option<Day> {
    let s = &*ascii_digits(s);
    if let Some(d) = parse_solar_hijri(s) {
        return Some(d);
    }
    if let Some(d) = parse_iso(s) {
        return Some(d);
    }
    if let Some(d) = parse_words(s) {
        return Some(d);
    }
    parse_numeric(s, month_first)
}

/// ISO-like `YYYY-MM-DD` (also `/` and `.` separated), the form machine-readable markup uses.
pub fn parse_iso(s: &str) -> Option<Day> {
    for c in ISO.captures_iter(s) {
        let y = c[1].parse().ok()?;
        let m = c[2].parse().ok()?;
        let d = c[3].parse().ok()?;
        if let Some(day) = Day::new(y, m, d) {
            return Some(day);
        }
    }
    None
}

static UTC_TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::\d\d?(?:\.\d+)?)?\s*(?:Z|UTC|GMT|\+00:?00)\s*$")
        .expect("utc timestamp")
});

impl Day {
    fn next(self) -> Option<Day> {
        Day::new(self.year, self.month, self.day + 1)
            .or_else(|| Day::new(self.year, self.month + 1, 1))
            .or_else(|| Day::new(self.year + 1, 1, 1))
    }

    fn prev(self) -> Option<Day> {
        if self.day > 1 {
            return Day::new(self.year, self.month, self.day - 1);
        }
        let (y, m) = if self.month == 1 {
            (self.year - 1, 12)
        } else {
            (self.year, self.month - 1)
        };
        (28..=31).rev().find_map(|d| Day::new(y, m, d))
    }
}

/// A timestamp written in UTC (`...Z`), as the calendar day at `offset_minutes` east of
/// UTC: the publisher's local day. `None` when `s` is not such a timestamp.
pub fn parse_utc_in_zone(s: &str, offset_minutes: i32) -> Option<Day> {
    let c = UTC_TIMESTAMP.captures(s)?;
    let day = Day::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    let minutes = c[4].parse::<i32>().ok()? * 60 + c[5].parse::<i32>().ok()? + offset_minutes;
    if minutes < 0 {
        day.prev()
    } else if minutes >= 24 * 60 {
        day.next()
    } else {
        Some(day)
    }
}

/// A Unix time (seconds, or milliseconds when it has 13 digits) as the UTC timestamp
/// `YYYY-MM-DDTHH:MM:SSZ`, so that it takes the same path as any other UTC stamp a page
/// writes. `None` outside the plausible publication years.
pub fn unix_to_utc_stamp(digits: &str) -> Option<String> {
    let value: i64 = digits.parse().ok()?;
    let seconds = match digits.len() {
        10 => value,
        13 => value / 1_000,
        _ => return None,
    };
    let day = calendar::day_from_number(seconds.div_euclid(86_400))?;
    let second_of_day = seconds.rem_euclid(86_400);
    Some(format!(
        "{}T{:02}:{:02}:{:02}Z",
        day.iso(),
        second_of_day / 3_600,
        second_of_day % 3_600 / 60,
        second_of_day % 60
    ))
}

/// A day-month-year date as one URL path part: `/27-01-2022/`, `-27-01-2022.html`,
/// `_27.01.2022`; four-digit years only (two digits in a path are usually ids).
static URL_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_-])(\d{1,2})[-.](\d{1,2})[-.]((?:19|20)\d\d)(?:[/_.-]|$)")
        .expect("url dmy date")
});

/// `20200607` and ISO forms, as found in URL paths; also `/2020/06/07/` and
/// `/27-01-2022/` (day first unless the first number cannot be a day).
pub fn parse_url(url: &str) -> Option<Day> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    if let Some(d) = parse_iso(path) {
        return Some(d);
    }
    for c in COMPACT.captures_iter(path) {
        if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if let Some(day) = Day::new(y, m, d) {
                return Some(day);
            }
        }
    }
    // Day-first dates only in the path proper: queries carry ranges and ids.
    let path_only = path.split(['?', '#']).next().unwrap_or("");
    for c in URL_DMY.captures_iter(path_only) {
        if let (Ok(a), Ok(b), Ok(y)) = (c[1].parse::<u32>(), c[2].parse::<u32>(), c[3].parse()) {
            let day = Day::new(y, b, a).or_else(|| Day::new(y, a, b));
            if day.is_some() {
                return day;
            }
        }
    }
    None
}

fn parse_numeric(s: &str, month_first: bool) -> Option<Day> {
    for c in DMY.captures_iter(s) {
        let a: u32 = c[1].parse().ok()?;
        let b: u32 = c[2].parse().ok()?;
        let y_raw = &c[3];
        let mut y: i32 = y_raw.parse().ok()?;
        if y_raw.len() == 2 {
            y += 2000;
        }
        let (m, d) = if a > 12 {
            (b, a)
        } else if b > 12 || month_first {
            (a, b)
        } else {
            (b, a)
        };
        if let Some(day) = Day::new(y, m, d) {
            return Some(day);
        }
    }
    None
}

/// Dates with a month name: `June 7, 2020`, `7 June 2020`, `7 de junio de 2020`,
/// `7 июня 2020 г.`, `7. Juni 2020`, `2020年6月7日`.
fn parse_words(s: &str) -> Option<Day> {
    if let Some(d) = parse_cjk(s) {
        return Some(d);
    }
    let tokens: Vec<&str> = WORD.find_iter(s).map(|m| m.as_str()).take(4000).collect();
    for (i, tok) in tokens.iter().enumerate() {
        let Some(month) = month_of(tok) else { continue };
        // `may`, `mar`, `set`, `out` are also words: require a number right next to them.
        let window = |from: usize, to: usize| -> Vec<&str> {
            tokens
                .get(from..to.min(tokens.len()))
                .map(|w| w.to_vec())
                .unwrap_or_default()
        };
        let before = window(i.saturating_sub(2), i);
        let after = window(i + 1, i + 5);
        let is_filler = |t: &str| {
            matches!(
                t.to_lowercase().as_str(),
                "de" | "del" | "of" | "the" | "г" | "г." | "року" | "года"
            )
        };
        // Day before the month: `7 June 2020`, `7 de junio de 2020`.
        let day_before = before
            .iter()
            .rev()
            .find(|t| !is_filler(t))
            .and_then(|t| t.parse::<u32>().ok())
            .filter(|d| (1..=31).contains(d));
        let year_after = after
            .iter()
            .filter(|t| !is_filler(t))
            .take(2)
            .find_map(|t| year_of(t));
        if let (Some(d), Some(y)) = (day_before, year_after) {
            if let Some(day) = Day::new(y, month, d) {
                return Some(day);
            }
        }
        // `June 7, 2020` / `June 7th 2020`.
        let mut rest = after.iter().filter(|t| !is_filler(t));
        if let Some(first) = rest.next() {
            let first = first.trim_end_matches(|c: char| c.is_alphabetic());
            if let Ok(d) = first.parse::<u32>() {
                if let Some(y) = rest.take(2).find_map(|t| year_of(t)) {
                    if let Some(day) = Day::new(y, month, d) {
                        return Some(day);
                    }
                }
            }
        }
        // `2020 June 7` and `2020. június 7.` style.
        let year_before = before.iter().find_map(|t| year_of(t));
        if let (Some(y), Some(d)) = (
            year_before,
            after.first().and_then(|t| t.parse::<u32>().ok()),
        ) {
            if let Some(day) = Day::new(y, month, d) {
                return Some(day);
            }
        }
    }
    None
}

/// Zero digits of the scripts whose digits news pages write dates in: Arabic-Indic,
/// Persian, Devanagari, Bengali, Thai and fullwidth forms.
const DIGIT_ZEROS: &[char] = &[
    '\u{660}', '\u{6F0}', '\u{966}', '\u{9E6}', '\u{E50}', '\u{FF10}',
];

/// `s` with the digits of other scripts written as ASCII digits (`۱۳۹۹` -> `1399`).
fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    let other_digit = |c: char| {
        DIGIT_ZEROS
            .iter()
            .find(|&&zero| (zero..=char::from_u32(zero as u32 + 9).unwrap_or(zero)).contains(&c))
            .map(|&zero| char::from(b'0' + (c as u32 - zero as u32) as u8))
    };
    if s.is_ascii() || !s.chars().any(|c| other_digit(c).is_some()) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars().map(|c| other_digit(c).unwrap_or(c)).collect()
}

/// Solar Hijri month names, in Persian spelling (Arabic `ي`/`ك` are folded to the Persian
/// letters before lookup); Afghan (Dari) sites use the same names.
const SOLAR_HIJRI_MONTHS: &[(&str, i64)] = &[
    ("فروردین", 1),
    ("اردیبهشت", 2),
    ("خرداد", 3),
    ("تیر", 4),
    ("مرداد", 5),
    ("امرداد", 5),
    ("شهریور", 6),
    ("مهر", 7),
    ("آبان", 8),
    ("آذر", 9),
    ("دی", 10),
    ("بهمن", 11),
    ("اسفند", 12),
];

/// A Solar Hijri date (`2 تیر 1399`, `1399/04/02`), as its Gregorian day. Years must
/// be written in full (13xx or 14xx), so Gregorian numbers are never read as Hijri.
fn parse_solar_hijri(s: &str) -> Option<Day> {
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])(1[34][0-9]{2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,2})(?:[^0-9]|$)")
            .expect("solar hijri numeric date")
    });
    if let Some(c) = NUMERIC.captures(s) {
        let number = |i: usize| c[i].parse::<i64>().ok();
        if let Some(day) = calendar::from_solar_hijri(number(1)?, number(2)?, number(3)?) {
            return Some(day);
        }
    }
    // Month names are written in Arabic script: nothing more to find without it.
    if !s.contains(|c: char| ('\u{600}'..='\u{6FF}').contains(&c)) {
        return None;
    }
    let folded: String = s
        .chars()
        .map(|c| match c {
            'ي' => 'ی',
            'ك' => 'ک',
            other => other,
        })
        .collect();
    let tokens: Vec<&str> = WORD
        .find_iter(&folded)
        .map(|m| m.as_str())
        .take(4000)
        .collect();
    for (i, tok) in tokens.iter().enumerate() {
        let Some(&(_, month)) = SOLAR_HIJRI_MONTHS.iter().find(|(name, _)| name == tok) else {
            continue;
        };
        let day = i.checked_sub(1).and_then(|j| tokens[j].parse::<i64>().ok());
        let year = tokens.get(i + 1).and_then(|t| t.parse::<i64>().ok());
        if let (Some(d), Some(y)) = (day, year) {
            if let Some(found) = calendar::from_solar_hijri(y, month, d) {
                return Some(found);
            }
        }
    }
    None
}

fn parse_cjk(s: &str) -> Option<Day> {
    static CJK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
            .expect("cjk date")
    });
    let c = CJK.captures(s)?;
    Day::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse(s, false).map(|d| d.iso())
    }

    #[test]
    fn formats() {
        assert_eq!(
            p("2020-06-07T10:00:00+02:00").as_deref(),
            Some("2020-06-07")
        );
        assert_eq!(
            p("Published June 7, 2020 at 5pm").as_deref(),
            Some("2020-06-07")
        );
        assert_eq!(p("7 de junio de 2020").as_deref(), Some("2020-06-07"));
        assert_eq!(p("7 июня 2020 г.").as_deref(), Some("2020-06-07"));
        assert_eq!(p("07.06.2020 10:12").as_deref(), Some("2020-06-07"));
        assert_eq!(p("le 7 juin 2020").as_deref(), Some("2020-06-07"));
        assert_eq!(p("2020年6月7日").as_deref(), Some("2020-06-07"));
        assert_eq!(
            parse("06/07/2020", true).map(|d| d.iso()).as_deref(),
            Some("2020-06-07")
        );
        assert_eq!(p("٧ يونيو ٢٠٢٠").as_deref(), Some("2020-06-07"));
        assert_eq!(p("अपडेट 7 जून 2020 10:12 AM").as_deref(), Some("2020-06-07"));
        assert_eq!(p("१६ फ़रवरी २०२०").as_deref(), Some("2020-02-16"));
        assert_eq!(p("১৬:২০, ১৬ ফেব্রুয়ারি ২০২০").as_deref(), Some("2020-02-16"));
        assert_eq!(p("may be 2020"), None);
        assert_eq!(p("2020-13-45"), None);
    }

    #[test]
    fn solar_hijri_dates_in_persian_pages() {
        // Arabic yeh in the month name, as many Persian CMSs write it.
        assert_eq!(
            p("2 تير 1399 - 12:09:08 ب.ظ").as_deref(),
            Some("2020-06-22")
        );
        assert_eq!(p("دوشنبه ۲ تیر ۱۳۹۹").as_deref(), Some("2020-06-22"));
        assert_eq!(p("۱۳۹۹/۰۴/۰۲ ۱۲:۰۹").as_deref(), Some("2020-06-22"));
        assert_eq!(p("۱۱ دی ۱۳۹۹").as_deref(), Some("2020-12-31"));
        // A Gregorian date on a Persian page stays Gregorian.
        assert_eq!(p("۲۲ ژوئن ۲۰۲۰").as_deref(), Some("2020-06-22"));
        assert_eq!(p("تیر 1399"), None, "no day, no date");
        assert_eq!(p("1399/13/02"), None);
    }

    #[test]
    fn utc_to_local_day() {
        let d = |s, o| parse_utc_in_zone(s, o).map(|d| d.iso());
        assert_eq!(
            d("2020-08-25T00:23:33.312Z", -300).as_deref(),
            Some("2020-08-24")
        );
        assert_eq!(d("2020-12-31T23:15:0Z", 60).as_deref(), Some("2021-01-01"));
        assert_eq!(d("2020-12-05T12:00:00Z", 60).as_deref(), Some("2020-12-05"));
        assert_eq!(d("2020-12-05T12:00:00+02:00", 60), None);
    }

    #[test]
    fn unix_times_to_utc_stamps() {
        let d = |s| unix_to_utc_stamp(s);
        assert_eq!(d("1594448702").as_deref(), Some("2020-07-11T06:25:02Z"));
        assert_eq!(d("1594448702176").as_deref(), Some("2020-07-11T06:25:02Z"));
        assert_eq!(
            d("951782400").as_deref(),
            None,
            "nine digits is not a timestamp"
        );
        assert_eq!(d("0951782400").as_deref(), Some("2000-02-29T00:00:00Z"));
        assert_eq!(d("1609459199").as_deref(), Some("2020-12-31T23:59:59Z"));
        assert_eq!(d("0000000000"), None, "1970 is outside the plausible range");
        assert_eq!(d("12345abcde"), None);
        // The stamp then takes the usual UTC path: local day in the publisher's zone.
        let stamp = d("1594448702").unwrap();
        assert_eq!(
            parse_utc_in_zone(&stamp, -8 * 60)
                .map(|d| d.iso())
                .as_deref(),
            Some("2020-07-10")
        );
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            parse_url("https://x.com/2020/06/07/story")
                .map(|d| d.iso())
                .as_deref(),
            Some("2020-06-07")
        );
        assert_eq!(
            parse_url("https://x.com/news-20200607-abc")
                .map(|d| d.iso())
                .as_deref(),
            Some("2020-06-07")
        );
        assert_eq!(parse_url("https://x.com/id/1234567890"), None);
        assert_eq!(
            parse_url("https://zeitung.example.de/lokales/27-01-2022/brand-in-der-altstadt")
                .map(|d| d.iso()),
            Some("2022-01-27".into())
        );
        assert_eq!(
            parse_url("https://x.example/a/story_03.11.2021.html").map(|d| d.iso()),
            Some("2021-11-03".into())
        );
        assert_eq!(parse_url("https://x.example/a?from=01-02-2020"), None);
    }
}
