//! `newsmill stages`: the registry, for humans.

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::registry;

pub fn print() -> anyhow::Result<ExitCode> {
    // Written as one text, so `newsmill stages | head` ends quietly on the closed pipe.
    let mut out = String::new();
    for factory in registry::factories() {
        writeln!(out, "{}\n  {}\n", factory.name, factory.summary)?;
        let families = |list: &[newsmill_core::Family]| {
            if list.is_empty() {
                "-".to_string()
            } else {
                list.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ")
            }
        };
        writeln!(
            out,
            "  reads: {}; writes: {}\n",
            families(factory.reads),
            families(factory.writes)
        )?;
        let options = (factory.options)();
        if !options.is_empty() {
            writeln!(out, "  options:")?;
            for option in options {
                writeln!(out, "    {}", option.line())?;
            }
            writeln!(out)?;
        }
        writeln!(out, "  example:")?;
        for line in factory.example_table().lines() {
            writeln!(out, "    {line}")?;
        }
        writeln!(out)?;
    }
    super::print_stdout(out.trim_end())?;
    Ok(ExitCode::SUCCESS)
}
