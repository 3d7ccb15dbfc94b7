//! Word classes: a coarse and a fine class number per word form, learnt from unlabelled news
//! by `cluster_build` (the committed table is data/word_classes.tsv). They are features for
//! words the labelled data never showed: a rare surname shares its class with common ones.
//! The table travels inside the model file, like the gazetteer lists.

use crate::hash::{hash_str, HashKeyed};
use crate::token_info::{normalize, TokenInfo, ALL_CAPS};

/// The committed table (rebuilt by the `clusters` example; see docs/ner-model.md).
pub(crate) fn builtin_table() -> &'static str {
    include_str!("../data/word_classes.tsv")
}

/// Class numbers of one word; 0 means "not in the table" (classes are stored as number + 1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Classes {
    pub coarse: u16,
    pub fine: u16,
}

#[derive(Debug, Default)]
pub(crate) struct WordClasses {
    by_word: HashKeyed<Classes>,
}

impl WordClasses {
    /// Parses `word<TAB>coarse<TAB>fine` lines; `#` lines and malformed lines are skipped.
    pub fn new(text: &str) -> Self {
        let mut by_word = HashKeyed::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(word), Some(coarse), Some(fine)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let (Ok(coarse), Ok(fine)) = (coarse.parse::<u16>(), fine.parse::<u16>()) else {
                continue;
            };
            let classes = Classes {
                coarse: coarse.saturating_add(1),
                fine: fine.saturating_add(1),
            };
            by_word.entry(hash_str(word)).or_insert(classes);
        }
        WordClasses { by_word }
    }

    pub fn is_empty(&self) -> bool {
        self.by_word.is_empty()
    }

    /// Whether the table holds this exact form.
    pub fn contains(&self, form: &str) -> bool {
        self.by_word.contains_key(&hash_str(form))
    }

    /// The classes of a token. A form not in the table is looked up as a capitalised word
    /// when it is all capitals ("REUTERS" as "Reuters": headlines), then in lowercase ("The"
    /// as "the"). `info` is the token's summary (its hashes are the table's keys), so the
    /// usual case costs one or two hash lookups and no allocation.
    pub fn lookup(&self, token: &str, info: &TokenInfo) -> Classes {
        if self.by_word.is_empty() {
            return Classes::default();
        }
        if let Some(&c) = self.by_word.get(&info.word) {
            return c;
        }
        if info.flags & ALL_CAPS != 0 {
            let lower = normalize(token).to_lowercase();
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                let capitalised: String = first.to_uppercase().chain(chars).collect();
                if let Some(&c) = self.by_word.get(&hash_str(&capitalised)) {
                    return c;
                }
            }
        }
        self.by_word.get(&info.lower).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token_info::summarize;

    #[test]
    fn looks_up_exact_then_capitalised_then_lowercase() {
        let lookup = |table: &WordClasses, w: &str| table.lookup(w, &summarize(w));
        let table = WordClasses::new("# header\nReuters\t3\t40\nthe\t0\t1\nbad line\nx\ty\tz\n");
        assert_eq!(
            lookup(&table, "Reuters"),
            Classes {
                coarse: 4,
                fine: 41
            }
        );
        assert_eq!(
            lookup(&table, "REUTERS"),
            Classes {
                coarse: 4,
                fine: 41
            }
        );
        assert_eq!(lookup(&table, "The"), Classes { coarse: 1, fine: 2 });
        assert_eq!(lookup(&table, "reuters"), Classes::default());
        assert_eq!(lookup(&table, ""), Classes::default());
        assert!(WordClasses::new("").is_empty());
    }

    #[test]
    fn builtin_table_parses() {
        let table = WordClasses::new(builtin_table());
        assert!(!table.is_empty());
        assert_ne!(
            table.lookup("Tuesday", &summarize("Tuesday")),
            Classes::default()
        );
    }
}
