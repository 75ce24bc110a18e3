//! The `rolelint` binary: parse arguments, run the library, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;
use rolelint::cli::{Args, run};
use rolelint::report::Outcome;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Outcome::Failed.into()
            } else {
                Outcome::Clean.into()
            };
        }
    };
    match run(args) {
        Ok(outcome) => outcome.into(),
        Err(error) => {
            eprintln!("{:?}", miette::Report::new(error));
            Outcome::Failed.into()
        }
    }
}
