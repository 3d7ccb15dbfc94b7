//! `newsmill stages`: the registry, for humans.

use std::process::ExitCode;

use crate::registry;

pub fn print() -> anyhow::Result<ExitCode> {
    for factory in registry::factories() {
        println!("{}\n  {}\n", factory.name, factory.summary);
        if !factory.options.trim().is_empty() {
            println!("  options:");
            for line in factory.options.trim().lines() {
                println!("    {}", line.trim());
            }
            println!();
        }
        println!("  example:");
        for line in factory.example_table().lines() {
            println!("    {line}");
        }
        println!();
    }
    Ok(ExitCode::SUCCESS)
}
