//! The composition root: every stage and reader the binary offers.

use newsmill_core::{Reader, StageFactory};
use newsmill_runner::{InputConfig, Registry};

/// Every stage and reader, handed to the runner (which names no stage itself).
pub fn registry() -> Registry {
    Registry {
        stages: factories(),
        readers: readers_for,
    }
}

/// Every stage, in the order `newsmill stages` lists them.
pub fn factories() -> Vec<StageFactory> {
    let mut all = Vec::new();
    all.extend(newsmill_clean::factories());
    all.extend(newsmill_extract::factories());
    all.extend(newsmill_ner::factories());
    all.extend(newsmill_geo::factories());
    all.extend(newsmill_quotes::factories());
    all.extend(newsmill_temporal::factories());
    all
}

/// Readers, in the order they are asked whether they take a file, with the JSON field
/// mapping adjusted by `[input.fields]` (validated when the config was loaded).
fn readers_for(input: &InputConfig) -> Vec<Box<dyn Reader>> {
    let fields = newsmill_read::FieldOverrides::new(&input.fields).unwrap_or_default();
    let mut all: Vec<Box<dyn Reader>> = vec![Box::new(newsmill_html::HtmlReader::default())];
    all.extend(newsmill_read::readers_with(fields));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_are_unique_and_every_example_builds() {
        let registry = registry();
        let mut names: Vec<&str> = registry.stages.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), registry.stages.len(), "duplicate stage names");
        for factory in &registry.stages {
            newsmill_core::testing::check_factory(factory);
        }
    }

    #[test]
    fn the_default_pipeline_is_in_family_order() {
        let loaded = newsmill_runner::load_config(
            newsmill_runner::DEFAULT_CONFIG_NAME,
            newsmill_runner::DEFAULT_CONFIG,
            &registry(),
        );
        assert!(loaded.is_ok(), "{:?}", loaded.err());
    }
}
