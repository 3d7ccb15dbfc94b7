//! The composition root: every stage and reader the binary offers.

use newsmill_core::{Reader, StageFactory};

/// Every stage, in the order `newsmill stages` lists them.
pub fn factories() -> Vec<StageFactory> {
    let mut all = Vec::new();
    all.extend(newsmill_clean::factories());
    all.extend(newsmill_extract::factories());
    all.extend(newsmill_ner::factories());
    all.extend(newsmill_quotes::factories());
    all.extend(newsmill_temporal::factories());
    all
}

/// Readers, in the order they are asked whether they take a file.
pub fn readers() -> Vec<Box<dyn Reader>> {
    readers_with(newsmill_read::FieldOverrides::default())
}

/// [`readers`], with the JSON field mapping adjusted by `[input.fields]`.
pub fn readers_with(fields: newsmill_read::FieldOverrides) -> Vec<Box<dyn Reader>> {
    let mut all: Vec<Box<dyn Reader>> = vec![Box::new(newsmill_html::HtmlReader::default())];
    all.extend(newsmill_read::readers_with(fields));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::StageTable;

    #[test]
    fn stage_names_are_unique_and_every_example_builds() {
        let factories = factories();
        let mut names: Vec<&str> = factories.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), factories.len(), "duplicate stage names");
        for factory in &factories {
            let config = factory.example_table();
            let issues = newsmill_runner::load_config("example", &config, &factories);
            assert!(
                issues.is_ok(),
                "example of {} does not build: {:?}",
                factory.name,
                issues.err()
            );
            // Every option has a default: an empty table builds too.
            let built = (factory.build)(&StageTable::from_options(factory.name, ""));
            assert!(
                built.is_ok(),
                "{} needs options: {:?}",
                factory.name,
                built.err()
            );
        }
    }
}
