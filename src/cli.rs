//! cli: the command line, from typed arguments to a finished run.
//!
//! Parses flags with clap, turns them into a validated run (rules loaded, paths expanded),
//! runs the library and writes the chosen format. `main.rs` only maps the outcome to an exit
//! status.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::input;
use crate::report::{Outcome, json, pretty};
use crate::rules::RuleSet;

/// Finds where Polish texts about job roles contradict themselves.
#[derive(Debug, Parser)]
#[command(name = "rolelint", version, about)]
pub struct Args {
    /// Files or folders to check (folders: every *.txt and *.md inside); `-` reads stdin.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    pub format: Format,

    /// A folder of rule files replacing the built-in rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// Exit with status 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics for people (miette), colour on a terminal unless NO_COLOR is set.
    Pretty,
    /// The JSON report, version 1.
    Json,
}

/// Why a run could not be done as asked.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum RunError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] crate::rules::RulesError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Input(#[from] input::MissingPath),
    #[error("nie można zapisać wyniku: {0}")]
    #[diagnostic(code(rolelint::output))]
    Output(#[from] std::io::Error),
}

/// Run rolelint as the arguments ask.
pub fn run(args: Args) -> Result<Outcome, RunError> {
    let rules = match &args.rules {
        Some(dir) => RuleSet::from_dir(dir)?,
        None => RuleSet::embedded()?,
    };
    let sources = input::discover(&args.paths)?;
    let inputs = sources.iter().map(input::read).collect();
    let report = crate::lint(inputs, &rules);
    let rendered = match args.format {
        Format::Pretty => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            pretty::render(&report, color)
        }
        Format::Json => json::render(&report) + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(rendered.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(report.outcome(args.deny_warnings))
}
