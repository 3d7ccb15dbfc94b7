//! Options of the `extract.quotes` stage.

use newsmill_core::{ConfigIssue, StageTable};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct QuoteOptions {
    /// Also output scare quotes, quoted terms and quoted names, with kind `term`.
    pub include_terms: bool,
    /// A quoted fragment with no speech cue in its sentence counts as a quotation from this
    /// many words on (shorter ones are terms).
    pub min_words: usize,
    /// A quoted fragment with a speech cue in its sentence counts as a quotation from this
    /// many words on ("very bad" with "he said"); single words are terms by default.
    pub min_cued_words: usize,
    /// Name speakers from the `extract.entities` mentions when that stage ran; `false`
    /// always uses the capitalised words of the attribution.
    pub use_entities: bool,
}

impl Default for QuoteOptions {
    fn default() -> Self {
        QuoteOptions {
            include_terms: false,
            min_words: 5,
            min_cued_words: 2,
            use_entities: true,
        }
    }
}

impl QuoteOptions {
    pub fn validate(&self, table: &StageTable) -> Vec<ConfigIssue> {
        let mut issues = Vec::new();
        if self.min_cued_words == 0 {
            issues.push(
                table
                    .issue(None, "min_cued_words must be at least 1")
                    .with_key("min_cued_words"),
            );
        }
        if self.min_words < self.min_cued_words {
            issues.push(
                table
                    .issue(
                        None,
                        format!(
                            "min_words ({}) must not be below min_cued_words ({})",
                            self.min_words, self.min_cued_words
                        ),
                    )
                    .with_key("min_words"),
            );
        }
        issues
    }
}
