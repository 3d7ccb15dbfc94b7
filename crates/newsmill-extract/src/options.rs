//! Options of `extract.metadata`, their defaults and their validation.

use newsmill_core::{parse_options, ConfigIssue, StageTable};
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::publisher::PublisherRule;

pub(crate) const EXAMPLE: &str = "\
[[stage]]
use = \"extract.metadata\"
strip_header = true
header_blocks = 6
footer_blocks = 5
publishers = [{ pattern = '(?i)example gazette|examplegazette\\.com', name = \"The Example Gazette\" }]";

#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawOptions {
    /// Remove the title block and the byline/date lines found near the top from the body.
    #[serde(default = "default_true")]
    strip_header: bool,
    /// How many blocks from the top are searched for the title, byline and date lines (1-50).
    #[serde(default = "default_header_blocks")]
    header_blocks: i64,
    /// How many blocks from the end are searched for a publisher footer (0-50).
    #[serde(default = "default_footer_blocks")]
    footer_blocks: i64,
    /// Extra publisher rules; `pattern` is a regex matched against the footer blocks and the
    /// URL, checked before the built-in table. Each rule is `{ pattern, name }`.
    #[serde(default)]
    publishers: Vec<RawPublisher>,
}

#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPublisher {
    pattern: String,
    name: String,
}

fn default_true() -> bool {
    true
}

fn default_header_blocks() -> i64 {
    6
}

fn default_footer_blocks() -> i64 {
    5
}

/// The documentation of every option, from [`RawOptions`]' doc comments.
pub(crate) fn docs() -> Vec<newsmill_core::OptionDoc> {
    newsmill_core::option_docs::<RawOptions>()
}

/// Validated options.
#[derive(Debug)]
pub(crate) struct MetadataOptions {
    pub strip_header: bool,
    pub header_blocks: usize,
    pub footer_blocks: usize,
    pub publishers: Vec<PublisherRule>,
}

/// Parses and checks the table; every problem is reported with its line.
pub(crate) fn parse(table: &StageTable) -> Result<MetadataOptions, Vec<ConfigIssue>> {
    let raw: RawOptions = parse_options(table)?;
    let mut issues = Vec::new();
    let mut range = |key: &str, value: i64, min: i64, max: i64| -> usize {
        if (min..=max).contains(&value) {
            value as usize
        } else {
            issues.push(
                table
                    .issue(
                        line_of(table, key),
                        format!("must be between {min} and {max}, got {value}"),
                    )
                    .with_key(key),
            );
            0
        }
    };
    let header_blocks = range("header_blocks", raw.header_blocks, 1, 50);
    let footer_blocks = range("footer_blocks", raw.footer_blocks, 0, 50);
    let mut publishers = Vec::new();
    for rule in raw.publishers {
        let line = line_of(table, &rule.pattern).or_else(|| line_of(table, "publishers"));
        if rule.name.trim().is_empty() {
            issues.push(
                table
                    .issue(line, "publisher name must not be empty")
                    .with_key("publishers"),
            );
        }
        match Regex::new(&rule.pattern) {
            Ok(pattern) => publishers.push(PublisherRule {
                pattern,
                name: rule.name.trim().to_string(),
            }),
            Err(err) => issues.push(
                table
                    .issue(
                        line,
                        format!(
                            "invalid regex {:?}: {}",
                            rule.pattern,
                            first_line(&err.to_string())
                        ),
                    )
                    .with_key("publishers"),
            ),
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(MetadataOptions {
        strip_header: raw.strip_header,
        header_blocks,
        footer_blocks,
        publishers,
    })
}

/// 1-based file line of the first table line that mentions `needle`.
fn line_of(table: &StageTable, needle: &str) -> Option<usize> {
    table
        .text
        .lines()
        .position(|l| l.contains(needle))
        .map(|i| table.first_line + i)
}

fn first_line(text: &str) -> &str {
    text.lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .unwrap_or(text)
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_to_an_empty_table() {
        let opts = parse(&StageTable::from_options("extract.metadata", "")).unwrap();
        assert!(opts.strip_header);
        assert_eq!(
            (
                opts.header_blocks,
                opts.footer_blocks,
                opts.publishers.len()
            ),
            (6, 5, 0)
        );
    }

    #[test]
    fn bad_values_are_located() {
        let body = "header_blocks = 0\npublishers = [{ pattern = \"(unclosed\", name = \"X\" }]\nstrip_heder = false";
        let issues = parse(&StageTable::from_options("extract.metadata", body)).unwrap_err();
        assert_eq!(
            issues.len(),
            1,
            "unknown keys are reported first: {issues:?}"
        );
        assert_eq!(issues[0].suggestion.as_deref(), Some("strip_header"));
        let body = "header_blocks = 0\npublishers = [{ pattern = \"(unclosed\", name = \"X\" }]";
        let issues = parse(&StageTable::from_options("extract.metadata", body)).unwrap_err();
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!(
            (issues[0].line, issues[0].key.as_deref()),
            (Some(2), Some("header_blocks"))
        );
        assert_eq!(
            (issues[1].line, issues[1].key.as_deref()),
            (Some(3), Some("publishers"))
        );
        assert!(
            issues[1].message.contains("invalid regex"),
            "{}",
            issues[1].message
        );
    }
}
