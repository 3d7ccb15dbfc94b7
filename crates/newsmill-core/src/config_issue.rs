//! Located config mistakes, collected and printed before any input is read.

use std::fmt;

/// One mistake in a config file. `Display` prints one line a user can act on:
/// `config/pipeline.toml:14: stage 3 (clean.boilerplate): key `treshold`: unknown option (nearest valid name: `threshold`)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigIssue {
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based position of the `[[stage]]` table, for stage options.
    pub stage: Option<usize>,
    /// The stage's `use` name, when known.
    pub stage_name: Option<String>,
    pub key: Option<String>,
    pub message: String,
    /// The nearest valid stage or key name.
    pub suggestion: Option<String>,
}

impl ConfigIssue {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        ConfigIssue {
            file: file.into(),
            line: None,
            stage: None,
            stage_name: None,
            key: None,
            message: message.into(),
            suggestion: None,
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn in_stage(mut self, index: usize, name: Option<&str>) -> Self {
        self.stage = Some(index);
        self.stage_name = name.map(str::to_string);
        self
    }

    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    pub fn with_suggestion(mut self, suggestion: Option<impl Into<String>>) -> Self {
        self.suggestion = suggestion.map(Into::into);
        self
    }
}

impl fmt::Display for ConfigIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ":")?;
        if let Some(stage) = self.stage {
            match &self.stage_name {
                Some(name) => write!(f, " stage {stage} ({name}):")?,
                None => write!(f, " stage {stage}:")?,
            }
        }
        if let Some(key) = &self.key {
            write!(f, " key `{key}`:")?;
        }
        write!(f, " {}", self.message)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (nearest valid name: `{s}`)")?;
        }
        Ok(())
    }
}

/// The valid name closest to `wrong`, by Jaro-Winkler similarity (it favours shared prefixes,
/// which is how option names are usually mistyped). `None` only when there are no candidates.
pub fn nearest_name<'a>(wrong: &str, valid: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong = wrong.to_lowercase();
    valid
        .into_iter()
        .map(|v| (strsim::jaro_winkler(&wrong, &v.to_lowercase()), v))
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_name_picks_the_closest_spelling() {
        let names = ["clean.boilerplate", "clean.paragraphs", "extract.metadata"];
        assert_eq!(
            nearest_name("clean.boilerplat", names),
            Some("clean.boilerplate")
        );
        assert_eq!(
            nearest_name("extract.metdata", names),
            Some("extract.metadata")
        );
        assert_eq!(nearest_name("x", std::iter::empty()), None);
    }

    #[test]
    fn display_names_file_line_stage_key_and_suggestion() {
        let issue = ConfigIssue::new("p.toml", "unknown option")
            .at_line(7)
            .in_stage(2, Some("clean.markup"))
            .with_key("treshold")
            .with_suggestion(Some("threshold"));
        assert_eq!(
            issue.to_string(),
            "p.toml:7: stage 2 (clean.markup): key `treshold`: unknown option (nearest valid name: `threshold`)"
        );
    }
}
