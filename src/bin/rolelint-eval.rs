//! `rolelint-eval [DIR]`: precision and recall of rolelint on an annotated corpus (default
//! `corpus/`), printed as a Markdown table, with every mismatch listed after it.

use std::path::PathBuf;
use std::process::ExitCode;

use rolelint::eval::evaluate;
use rolelint::rules::RuleSet;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("corpus"), PathBuf::from);
    let rules = match RuleSet::embedded() {
        Ok(rules) => rules,
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    };
    match evaluate(&dir, &rules) {
        Ok(evaluation) => {
            print!("{}", evaluation.table());
            if !evaluation.mismatches.is_empty() {
                println!("\nMismatches:");
                for mismatch in &evaluation.mismatches {
                    println!("- {mismatch}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rolelint-eval: {e}");
            ExitCode::from(2)
        }
    }
}
