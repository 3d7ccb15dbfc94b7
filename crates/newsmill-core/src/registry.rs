//! Stage registry entries and typed option parsing with located errors.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::config_issue::{nearest_name, ConfigIssue};
use crate::family::Family;
use crate::options::OptionDoc;
use crate::stage::Stage;

/// Builds a stage from its `[[stage]]` table. Returns every problem it can find.
pub type BuildFn = fn(&StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>>;

/// One entry of the stage registry. Stage crates export `pub fn factories() -> Vec<StageFactory>`.
#[derive(Clone, Copy)]
pub struct StageFactory {
    /// The `use` name in `[[stage]]` tables, `family.name` (`clean.boilerplate`).
    pub name: &'static str,
    /// One line, shown by `newsmill stages`.
    pub summary: &'static str,
    /// Every option with its type, default and documentation, taken from the options type
    /// (`newsmill_core::option_docs::<Options>`), so the docs cannot drift from what loads.
    pub options: fn() -> Vec<OptionDoc>,
    /// An example: a complete `[[stage]]` table, or just its option lines (see
    /// [`StageFactory::example_table`]). A test builds every example.
    pub example: &'static str,
    /// Families this stage needs from earlier stages (or readers). Config loading rejects a
    /// pipeline where no earlier stage writes one of them.
    pub reads: &'static [Family],
    /// Families this stage fills. Output tables follow from what the pipeline writes.
    pub writes: &'static [Family],
    pub build: BuildFn,
}

impl StageFactory {
    /// The example as a complete `[[stage]]` table, whichever form the stage wrote it in.
    pub fn example_table(&self) -> String {
        let example = self.example.trim();
        if example.contains("[[stage]]") {
            format!("{example}\n")
        } else {
            format!("[[stage]]\nuse = \"{}\"\n{example}\n", self.name)
        }
    }
}

impl std::fmt::Debug for StageFactory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StageFactory")
            .field("name", &self.name)
            .finish()
    }
}

/// The source text of one `[[stage]]` table, cut from the config file so that option errors
/// keep their real line numbers. The `use = ...` line is blanked, so option structs can use
/// `#[serde(deny_unknown_fields)]` without knowing about it.
#[derive(Debug, Clone)]
pub struct StageTable {
    /// Config file name, for messages.
    pub file: String,
    /// 1-based position among the `[[stage]]` tables.
    pub index: usize,
    pub name: String,
    /// 1-based line of the `[[stage]]` header in the file.
    pub first_line: usize,
    /// The table's text, from its header to the next top-level table.
    pub text: String,
}

impl StageTable {
    /// A table for tests and examples: `body` holds the option lines (no header, no `use`).
    pub fn from_options(name: &str, body: &str) -> Self {
        StageTable {
            file: "<inline>".into(),
            index: 1,
            name: name.into(),
            first_line: 1,
            text: format!("[[stage]]\n{body}\n"),
        }
    }

    pub fn issue(&self, line: Option<usize>, message: impl Into<String>) -> ConfigIssue {
        let mut issue =
            ConfigIssue::new(&self.file, message).in_stage(self.index, Some(&self.name));
        issue.line = line.or(Some(self.first_line));
        issue
    }
}

#[derive(Deserialize)]
struct StageEnvelope<T> {
    stage: Vec<T>,
}

/// Deserialises a stage's options, reporting every unknown key and wrong value type with its
/// line and key (and, for unknown keys, the nearest valid name). serde stops at the first
/// error, so each faulty line is blanked and parsing repeated until the table is clean.
pub fn parse_options<T: DeserializeOwned>(table: &StageTable) -> Result<T, Vec<ConfigIssue>> {
    parse_options_unsorted(table).map_err(|mut issues| {
        issues.sort_by_key(|i| i.line);
        issues
    })
}

fn parse_options_unsorted<T: DeserializeOwned>(table: &StageTable) -> Result<T, Vec<ConfigIssue>> {
    let mut text = table.text.clone();
    let mut issues = Vec::new();
    for _ in 0..64 {
        match toml::from_str::<StageEnvelope<T>>(&text) {
            Ok(mut env) if issues.is_empty() => {
                return env
                    .stage
                    .pop()
                    .ok_or_else(|| vec![table.issue(None, "empty stage table")]);
            }
            Ok(_) => return Err(issues),
            Err(err) => {
                let Some(span) = err.span() else {
                    issues.push(table.issue(None, err.message().to_string()));
                    return Err(issues);
                };
                let line_index = text[..span.start.min(text.len())].matches('\n').count();
                let line_start = text[..span.start.min(text.len())]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                let line_end = text[line_start..]
                    .find('\n')
                    .map_or(text.len(), |i| line_start + i);
                let line_text = &text[line_start..line_end];
                let key = line_text
                    .split_once('=')
                    .map(|(k, _)| k.trim().trim_matches('"').to_string());
                let mut issue =
                    table.issue(Some(table.first_line + line_index), describe(err.message()));
                if let Some(key) = key.filter(|k| !k.is_empty() && !k.starts_with('[')) {
                    issue = issue.with_key(key.clone());
                    if let Some(expected) = expected_fields(err.message()) {
                        issue.suggestion = nearest_name(&key, expected.iter().map(String::as_str))
                            .map(str::to_string);
                    }
                } else {
                    issues.push(issue);
                    return Err(issues);
                }
                issues.push(issue);
                let blanked = format!("{}{}", &text[..line_start], &text[line_end..]);
                if blanked.parse::<toml::Table>().is_err() {
                    // The bad value spans several lines; what follows would be noise.
                    return Err(issues);
                }
                // The line's content goes, its newline stays, so later line numbers hold.
                text = blanked;
            }
        }
    }
    Err(issues)
}

/// serde's wording, trimmed to what a user needs.
fn describe(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    if let Some(rest) = first.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return format!("unknown option {field}");
    }
    first.to_string()
}

/// The valid names serde lists in "unknown field `x`, expected one of `a`, `b`".
fn expected_fields(message: &str) -> Option<Vec<String>> {
    let (_, tail) = message.split_once("expected ")?;
    let names: Vec<String> = tail
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect();
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Opts {
        #[serde(default)]
        threshold: f64,
        #[serde(default)]
        min_count: usize,
        #[serde(default)]
        patterns: Vec<String>,
    }

    fn table(body: &str) -> StageTable {
        StageTable {
            first_line: 10,
            ..StageTable::from_options("clean.test", body)
        }
    }

    #[test]
    fn parses_valid_options() {
        let opts: Opts =
            parse_options(&table("threshold = 0.5\npatterns = [\"a\", \"b\"]")).unwrap();
        assert_eq!(
            opts,
            Opts {
                threshold: 0.5,
                min_count: 0,
                patterns: vec!["a".into(), "b".into()]
            }
        );
    }

    #[test]
    fn reports_every_bad_key_with_line_and_nearest_name() {
        let issues = parse_options::<Opts>(&table(
            "treshold = 0.5\nmin_count = \"three\"\npatterns = []",
        ))
        .unwrap_err();
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!(issues[0].line, Some(11));
        assert_eq!(issues[0].key.as_deref(), Some("treshold"));
        assert_eq!(issues[0].suggestion.as_deref(), Some("threshold"));
        assert_eq!(issues[1].line, Some(12));
        assert_eq!(issues[1].key.as_deref(), Some("min_count"));
        assert!(
            issues[1].message.contains("invalid type"),
            "{}",
            issues[1].message
        );
    }
}
