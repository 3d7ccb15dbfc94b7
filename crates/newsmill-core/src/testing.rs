//! Checks every stage crate runs on its own registry entries, so the six crates share one
//! test instead of six copies of it.

use crate::registry::{StageFactory, StageTable};

/// Panics unless `factory`'s example builds, an empty table builds (every option has a
/// default), every option has documentation, every key of the example is an option, and the stage declares what it
/// reads and writes consistently (it never reads what it writes itself).
pub fn check_factory(factory: &StageFactory) {
    let example = factory.example_table();
    let body: String = example
        .lines()
        .filter(|line| {
            let key = line.split('=').next().unwrap_or("").trim();
            key != "use" && line.trim() != "[[stage]]"
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let table = StageTable::from_options(factory.name, &body);
    if let Err(issues) = (factory.build)(&table) {
        panic!("the example of {} does not build: {issues:?}", factory.name);
    }
    if let Err(issues) = (factory.build)(&StageTable::from_options(factory.name, "")) {
        panic!(
            "{} needs options (every option needs a default): {issues:?}",
            factory.name
        );
    }
    let options = (factory.options)();
    for option in &options {
        assert!(
            !option.doc.is_empty(),
            "{}: option `{}` has no doc comment",
            factory.name,
            option.key
        );
    }
    for line in body.lines() {
        let key = line.split('=').next().unwrap_or("").trim();
        if key.is_empty() || key.starts_with('#') || key.starts_with('[') {
            continue;
        }
        assert!(
            options.iter().any(|o| o.key == key),
            "{}: option `{key}` of the example is not an option of the stage",
            factory.name
        );
    }
    for family in factory.reads {
        assert!(
            !factory.writes.contains(family),
            "{} both reads and writes {family}",
            factory.name
        );
    }
}
