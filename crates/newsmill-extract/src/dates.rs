//! Publication dates as news pages print them ("27 December 2013", "Dec. 27, 2013",
//! "Friday, 27 December 2013", "2013-12-27", "Updated: ..."), turned into ISO `YYYY-MM-DD`.
//!
//! Only unambiguous forms are read: a month name, or a year-first numeric date. Day-first
//! and month-first numeric dates ("27/12/2013", "03/04/2013") are skipped, because which
//! convention a page follows cannot be known from the date alone.

use std::ops::Range;

use regex::{Captures, Regex};

/// A date found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// `HH:MM` (24-hour), with seconds and a zone when the source gives them.
    pub time: Option<String>,
    /// Byte range of the date (without the time) in the searched text.
    pub range: Range<usize>,
}

/// What a date line's prefix says the date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateRole {
    /// No prefix, or "Published", "Posted", "First published", "Date".
    Published,
    /// "Updated", "Last updated", "Modified".
    Updated,
}

/// Compiled date patterns; built once per stage.
#[derive(Debug)]
pub(crate) struct DateParser {
    forms: Vec<Regex>,
    time: Regex,
    prefix: Regex,
    leftover: Regex,
}

const MONTH: &str = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str =
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?";

impl DateParser {
    /// The patterns compiled once per process and shared by every stage instance.
    pub(crate) fn shared() -> &'static DateParser {
        static SHARED: std::sync::LazyLock<DateParser> = std::sync::LazyLock::new(DateParser::new);
        &SHARED
    }

    pub(crate) fn new() -> Self {
        let forms = [
            // 2013-12-27, 2013-12-27T10:05:00Z
            r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:\.\d+)?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?".to_string(),
            // 2013/12/27: year first is never read day-first.
            r"\b(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})\b".to_string(),
            // Friday, 27 December 2013; 27th of Dec. 2013
            format!(r"(?i)\b{WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?P<year>\d{{4}})\b"),
            // Friday, December 27, 2013; Dec. 27, 2013; Dec 27 2013
            format!(r"(?i)\b{WEEKDAY}{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
        ];
        DateParser {
            forms: forms.iter().map(|f| Regex::new(f).expect("date pattern compiles")).collect(),
            time: Regex::new(
                r"(?i)\b(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:\s*(?P<ampm>[ap])\.?m\b\.?)?(?:\s*(?P<zone>GMT|UTC|BST|CET|CEST|EET|EEST|ET|EST|EDT|CT|CST|CDT|MST|MDT|PT|PST|PDT|IST|AEST|AEDT|JST)\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?",
            )
            .expect("time pattern compiles"),
            prefix: Regex::new(
                r"(?i)^(?:(?P<updated>last\s+updated|updated|last\s+modified|modified)|published|first\s+published|posted|dated|date)(?:\s+on)?\s*:?\s*",
            )
            .expect("prefix pattern compiles"),
            leftover: Regex::new(r"(?i)^(?:[\s,|•·/–—-]|\bat\b|\bon\b)*$").expect("leftover pattern compiles"),
        }
    }

    /// The first valid date anywhere in `text` (invalid days such as 31 April are skipped).
    pub(crate) fn find(&self, text: &str) -> Option<FoundDate> {
        // Every form has a four-digit year: most lines are ruled out without a regex.
        if !has_four_digits(text) {
            return None;
        }
        self.forms
            .iter()
            .flat_map(|form| form.captures_iter(text))
            .filter_map(|caps| self.date_from_captures(&caps, text))
            .min_by_key(|found| found.range.start)
    }

    /// A line that is a date and nothing else: an optional prefix ("Updated:", "Published
    /// on"), a date, an optional time and zone, and separators.
    pub(crate) fn date_line(&self, line: &str) -> Option<(FoundDate, DateRole)> {
        let line = line.trim();
        if line.len() > 80 || !has_four_digits(line) {
            return None;
        }
        let (role, rest_start) = match self.prefix.captures(line) {
            Some(caps) => {
                let role = if caps.name("updated").is_some() {
                    DateRole::Updated
                } else {
                    DateRole::Published
                };
                (role, caps.get(0).map_or(0, |m| m.end()))
            }
            None => (DateRole::Published, 0),
        };
        let rest = &line[rest_start..];
        let found = self.find(rest)?;
        let mut leftover = format!(
            "{} {}",
            &rest[..found.range.start],
            &rest[found.range.end..]
        );
        let mut time = found.time.clone();
        if let Some(caps) = self.time.captures(&leftover) {
            if time.is_none() {
                time = time_text(&caps);
            }
            let whole = caps.get(0).map_or(0..0, |m| m.range());
            leftover.replace_range(whole, " ");
        }
        if !self.leftover.is_match(&leftover) {
            return None;
        }
        Some((FoundDate { time, ..found }, role))
    }

    fn date_from_captures(&self, caps: &Captures<'_>, text: &str) -> Option<FoundDate> {
        let whole = caps.get(0)?;
        let year: u32 = caps.name("year")?.as_str().parse().ok()?;
        let month = match caps.name("mon") {
            Some(m) => m.as_str().parse().ok()?,
            None => month_number(caps.name("month")?.as_str())?,
        };
        let day: u32 = caps.name("day")?.as_str().parse().ok()?;
        if !(1000..=2999).contains(&year) || day == 0 || day > days_in_month(year, month)? {
            return None;
        }
        let mut time = time_text(caps);
        if time.is_none() {
            // "27 December 2013, 10:05 GMT": a time right after the date.
            let after = &text[whole.end()..];
            let gap = after.len()
                - after
                    .trim_start_matches([' ', ',', '-', '|', '–', '—'])
                    .len();
            let after = &after[gap..];
            let after = after.strip_prefix("at ").unwrap_or(after);
            if let Some(caps) = self
                .time
                .captures(after)
                .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
            {
                time = time_text(&caps);
            }
        }
        Some(FoundDate {
            iso: format!("{year:04}-{month:02}-{day:02}"),
            time,
            range: whole.range(),
        })
    }
}

fn has_four_digits(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// `HH:MM[:SS][ zone]` from a match with `hh`, `mm`, optional `ss`, `ampm`, `zone` groups.
fn time_text(caps: &Captures<'_>) -> Option<String> {
    let mut hour: u32 = caps.name("hh")?.as_str().parse().ok()?;
    let minute: u32 = caps.name("mm")?.as_str().parse().ok()?;
    match caps.name("ampm").map(|m| m.as_str().to_ascii_lowercase()) {
        Some(ampm) if (1..=12).contains(&hour) => {
            hour = match (ampm.as_str(), hour) {
                ("a", 12) => 0,
                ("p", h) if h < 12 => h + 12,
                (_, h) => h,
            }
        }
        Some(_) => return None,
        None => {}
    }
    if hour > 23 || minute > 59 {
        return None;
    }
    let mut out = format!("{hour:02}:{minute:02}");
    if let Some(ss) = caps.name("ss") {
        out.push(':');
        out.push_str(ss.as_str());
    }
    if let Some(zone) = caps.name("zone") {
        if zone.as_str() != "Z" {
            out.push(' ');
        }
        out.push_str(&zone.as_str().to_ascii_uppercase());
    }
    Some(out)
}

fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).flat_map(char::to_lowercase).collect();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

/// Days in the month from the one calendar (`newsmill_core::civil`); `None` for no month.
fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let days = newsmill_core::civil::days_in_month(i32::try_from(year).ok()?, month);
    (days > 0).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Option<(String, Option<String>, DateRole)> {
        DateParser::shared()
            .date_line(text)
            .map(|(d, role)| (d.iso, d.time, role))
    }

    fn iso(text: &str) -> Option<String> {
        line(text).map(|(iso, _, _)| iso)
    }

    #[test]
    fn every_listed_form() {
        for text in [
            "27 December 2013",
            "December 27, 2013",
            "Dec. 27, 2013",
            "Dec 27 2013",
            "2013-12-27",
            "Friday, 27 December 2013",
            "Friday 27 December 2013",
            "Friday, December 27, 2013",
            "27th Dec 2013",
            "Sept. 27, 2013",
            "Published 27 December 2013",
            "Published on: Dec 27, 2013",
            "Last modified on Fri 27 Dec 2013 10.05 GMT",
            "2013/12/27",
        ] {
            let want = if text.starts_with("Sept") {
                "2013-09-27"
            } else {
                "2013-12-27"
            };
            assert_eq!(iso(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn prefixes_times_and_roles() {
        assert_eq!(
            line("Updated: 27 December 2013, 10:05 GMT"),
            Some((
                "2013-12-27".into(),
                Some("10:05 GMT".into()),
                DateRole::Updated
            ))
        );
        assert_eq!(
            line("Posted December 27, 2013 at 4:30 p.m. EST"),
            Some((
                "2013-12-27".into(),
                Some("16:30 EST".into()),
                DateRole::Published
            ))
        );
        assert_eq!(
            line("2013-12-27T08:15:00Z"),
            Some((
                "2013-12-27".into(),
                Some("08:15:00Z".into()),
                DateRole::Published
            ))
        );
    }

    #[test]
    fn ambiguous_invalid_and_prose_are_refused() {
        assert_eq!(iso("27/12/2013"), None);
        assert_eq!(iso("03/04/2013"), None);
        assert_eq!(iso("31 April 2013"), None);
        assert_eq!(iso("29 February 2013"), None);
        assert_eq!(iso("29 February 2012").as_deref(), Some("2012-02-29"));
        assert_eq!(iso("On 27 December 2013 the army attacked"), None);
        assert_eq!(iso("May 2013"), None);
    }

    #[test]
    fn find_locates_dates_inside_text() {
        let p = DateParser::shared();
        let text = "Jane Doe | Dec. 27, 2013";
        let found = p.find(text).unwrap();
        assert_eq!(
            (found.iso.as_str(), &text[found.range]),
            ("2013-12-27", "Dec. 27, 2013")
        );
    }
}
