//! Byline lines ("By Jane Doe and John Roe", "Written by ...", "Author: ...", a name in bold)
//! and the person names in them.

use regex::Regex;

use crate::dates::DateParser;

/// Compiled byline patterns; built once per stage.
#[derive(Debug)]
pub(crate) struct BylineParser {
    by: Regex,
    labelled: Regex,
    in_place: Regex,
    list_separators: Regex,
}

/// Words that mark a byline part as a role, a desk, an agency or page furniture rather than a
/// name ("Jane Doe, Senior Correspondent", "By Reuters staff", "CNN Business", "**Key Points**").
const NOT_NAME_WORDS: &str = "\
    correspondent correspondents editor reporter writer staff contributor columnist bureau chief \
    senior news press agency agencies reuters afp associated updated published posted minutes \
    minute hours read comment comments share follow photo photos video email analysis opinion \
    editorial breaking live summary exclusive watch listen related advertisement more key points \
    contact subscribe newsletter team desk service online media the business politics sport sports \
    world health science technology tech entertainment international national investigations \
    magazine times journal herald tribune daily weekly gazette network channel radio television tv";

/// Lower-case words that may sit inside a name ("Ludwig van Beethoven", "Maria de la Cruz").
const NAME_PARTICLES: &str =
    "van von de der den da del della di du la le al el bin ibn ter dos das y e st.";

fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

impl BylineParser {
    /// The patterns compiled once per process and shared by every stage instance.
    pub(crate) fn shared() -> &'static BylineParser {
        static SHARED: std::sync::LazyLock<BylineParser> =
            std::sync::LazyLock::new(BylineParser::new);
        &SHARED
    }

    pub(crate) fn new() -> Self {
        BylineParser {
            by: Regex::new(r"^(?:[Bb]y|BY|(?i:written\s+by|words\s+by|reporting\s+by|story\s+by))\s*:?\s+(?P<rest>.+)$")
                .expect("byline pattern compiles"),
            labelled: Regex::new(r"(?i)^(?:authors?|byline|reporters?|writers?)\s*:\s*(?P<rest>.+)$")
                .expect("label pattern compiles"),
            in_place: Regex::new(r"\s+in\s+\p{Lu}.*$").expect("place pattern compiles"),
            list_separators: Regex::new(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*").expect("separator pattern compiles"),
        }
    }

    /// Names in a byline line: "By A", "By A and B", "By A, B and C", "Written by A",
    /// "Author: A". When `bold` (the line is wholly bold in the source), a bare list of names
    /// counts too. `None` when the line is not a byline or names nobody.
    pub(crate) fn names(&self, line: &str, bold: bool, dates: &DateParser) -> Option<Vec<String>> {
        let line = line.trim();
        if line.is_empty() || line.len() > 160 {
            return None;
        }
        let rest = if let Some(caps) = self
            .by
            .captures(line)
            .or_else(|| self.labelled.captures(line))
        {
            caps.name("rest")?.as_str()
        } else if bold {
            line
        } else {
            return None;
        };
        let names = self.split_names(rest, dates);
        (!names.is_empty()).then_some(names)
    }

    /// Cuts what follows the names ("| Reuters", "- 27 December 2013", "(AP)"), splits the
    /// list and keeps the parts that look like person names.
    fn split_names(&self, rest: &str, dates: &DateParser) -> Vec<String> {
        let mut end = rest.len();
        for sep in [
            " | ", "|", " — ", " – ", " - ", " • ", " · ", "(", " / ", ";",
        ] {
            if let Some(i) = rest.find(sep) {
                end = end.min(i);
            }
        }
        if let Some(found) = dates.find(rest) {
            end = end.min(found.range.start);
        }
        let list = rest[..end].trim().trim_end_matches([',', ':', '.']);
        let mut names: Vec<String> = Vec::new();
        for part in self.list_separators.split(list) {
            let part = self.in_place.replace(part.trim(), "");
            let part = part.trim().trim_end_matches([',', ':']);
            let part = part.strip_prefix("and ").unwrap_or(part).trim();
            if looks_like_name(part) {
                let name = unshout(part);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }
}

/// "JANE DOE-SMITH" -> "Jane Doe-Smith"; names with any lower-case letter are left alone
/// ("Bill Van Auken", "McDonald").
fn unshout(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start_of_word = true;
    for c in name.chars() {
        if start_of_word {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_word = !c.is_alphabetic();
    }
    out
}

/// Two to five words, each capitalised (or a name particle), no digits, no role words.
fn looks_like_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    words.iter().all(|word| {
        let lower = word.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if listed(NOT_NAME_WORDS, bare) || word.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if listed(NAME_PARTICLES, &lower) {
            return true;
        }
        // "al-Maliki", "O'Brien", "J.", "McDonald"
        let core = word.rsplit(['-', '\'', '’']).next().unwrap_or(word);
        word.chars().next().is_some_and(char::is_uppercase)
            || core.chars().next().is_some_and(char::is_uppercase)
    }) && words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str, bold: bool) -> Option<Vec<String>> {
        BylineParser::shared().names(line, bold, DateParser::shared())
    }

    fn some(names: &[&str]) -> Option<Vec<String>> {
        Some(names.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn by_lines_with_one_two_and_three_authors() {
        assert_eq!(names("By Jane Doe", false), some(&["Jane Doe"]));
        assert_eq!(
            names("By Jane Doe and John Roe", false),
            some(&["Jane Doe", "John Roe"])
        );
        assert_eq!(
            names("By Ann Lee, Bo Chen and Cy Twombly", false),
            some(&["Ann Lee", "Bo Chen", "Cy Twombly"])
        );
        assert_eq!(
            names("BY Ann Lee, Bo Chen, and Cy Twombly", false),
            some(&["Ann Lee", "Bo Chen", "Cy Twombly"])
        );
        assert_eq!(
            names("Written by Maria de la Cruz", false),
            some(&["Maria de la Cruz"])
        );
        assert_eq!(
            names("Author: Nuri al-Maliki", false),
            some(&["Nuri al-Maliki"])
        );
    }

    #[test]
    fn trailing_roles_places_and_dates_are_cut() {
        assert_eq!(names("By Jane Doe | Reuters", false), some(&["Jane Doe"]));
        assert_eq!(
            names("By Jane Doe, Senior Correspondent", false),
            some(&["Jane Doe"])
        );
        assert_eq!(names("By Jane Doe in Baghdad", false), some(&["Jane Doe"]));
        assert_eq!(
            names("By Jane Doe - 27 December 2013", false),
            some(&["Jane Doe"])
        );
        assert_eq!(
            names("By Jane Doe December 27, 2013", false),
            some(&["Jane Doe"])
        );
        assert_eq!(names("By Jane Doe (AP)", false), some(&["Jane Doe"]));
        assert_eq!(
            names("By Jane Doe, CNN Business", false),
            some(&["Jane Doe"])
        );
        assert_eq!(
            names(
                "By JANE DOE-SMITH and O'NEIL JONES, Associated Press",
                false
            ),
            some(&["Jane Doe-Smith", "O'Neil Jones"])
        );
    }

    #[test]
    fn bold_names_only_when_bold_and_prose_never() {
        assert_eq!(names("Bill Van Auken", true), some(&["Bill Van Auken"]));
        assert_eq!(names("Bill Van Auken", false), None);
        assert_eq!(names("Key Points", true), None);
        assert_eq!(
            names("By the time the troops arrived, it was over", false),
            None
        );
        assert_eq!(names("By Reuters", false), None);
        assert_eq!(names("by 2015 prices had doubled", false), None);
    }
}
