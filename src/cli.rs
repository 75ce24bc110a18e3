//! cli: the command line, from typed arguments to a finished run.
//!
//! Parses flags with clap, turns them into a validated run (rules loaded, paths expanded),
//! runs the library and writes the chosen format. Besides checking texts it answers
//! `claims` (what the texts say about each role), `rules` (the rule list, or `rules test`
//! to run a rule set's examples), `explain CODE`, and prints shell completions and the man
//! page generated from these definitions. `main.rs` only maps the outcome to an
//! exit status.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::baseline::Baseline;
use crate::config::Config;
use crate::input::{self, Input, Source};
use crate::report::claims::ClaimsFormat;
use crate::report::texts::TextChanged;
use crate::report::{
    Outcome, Report, WriteError, claims, concise, github, gitlab, json, pretty, sarif,
};
use crate::rules::RuleSet;
use crate::{LintOptions, catalog, examples, suppress};

/// Finds where Polish texts about job roles contradict themselves.
#[derive(Debug, Parser)]
#[command(
    name = "rolelint",
    version,
    about,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub check: CheckArgs,
}

/// Checking texts: `rolelint [OPTIONS] PATH...`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (folders: every *.txt, *.md and *.html inside); `-` reads stdin.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    pub format: Format,

    /// A folder of rule files replacing the built-in rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// Pretty output: cite at most N files per finding, with a line saying how many more there
    /// are (0: every file). The other formats list every place.
    #[arg(long, value_name = "N", default_value_t = pretty::FILES_PER_FINDING)]
    pub files_per_finding: usize,

    /// Exit with status 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// After the output, count the findings of each code (on stderr for machine formats).
    #[arg(long)]
    pub statistics: bool,

    /// Compare claims only within each file, not between files.
    #[arg(long)]
    pub no_cross: bool,

    /// Check the PATHs against this reference corpus: report only findings that involve them.
    #[arg(long, value_name = "DIR")]
    pub against: Vec<PathBuf>,

    /// Threads to check files with (default: one per core). Output is the same for any number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// The name stdin's text goes by; its extension tells its format (.md, .html, .txt).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// The configuration file (default: the nearest rolelint.toml from the working directory up).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Report only findings that are not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record today's findings in this baseline file (and report them as usual).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print what the texts claim about each role: values, how many texts say so, and where.
    Claims {
        /// Files or folders to read.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormatArg::Table)]
        format: ClaimsFormatArg,
        /// A folder of rule files replacing the built-in rules.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Threads to read files with (default: one per core). Output is the same for any number.
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
        /// The configuration file (default: the nearest rolelint.toml from the working
        /// directory up); its rules, include and exclude apply.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// List the rules; `rules test [DIR]` runs a rule set's examples.
    Rules {
        #[command(subcommand)]
        action: Option<RulesAction>,
        /// A folder of rule files replacing the built-in rules.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `rolelint man > rolelint.1`.
    Man,
    /// Explain a rule: what it checks, why, what to do, and its examples.
    Explain {
        /// The rule's code, e.g. RL101.
        code: String,
        /// A folder of rule files replacing the built-in rules.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Run every example of a rule set (the built-in one without DIR); exit 1 on a failure.
    Test {
        /// The folder of rule files to test.
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics for people (miette), colour on a terminal unless NO_COLOR is set.
    Pretty,
    /// The JSON report, version 1.
    Json,
    /// One line per finding: `path:line:col: CODE message`.
    Concise,
    /// A SARIF 2.1.0 log, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands: annotations on a pull request.
    Github,
    /// A GitLab Code Quality report.
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormatArg {
    /// An aligned table per role.
    Table,
    /// Markdown tables.
    Markdown,
    /// Comma-separated values, one row per role, dimension and value.
    Csv,
    /// The claim objects of the JSON report, grouped by role.
    Json,
}

impl From<ClaimsFormatArg> for ClaimsFormat {
    fn from(format: ClaimsFormatArg) -> ClaimsFormat {
        match format {
            ClaimsFormatArg::Table => ClaimsFormat::Table,
            ClaimsFormatArg::Markdown => ClaimsFormat::Markdown,
            ClaimsFormatArg::Csv => ClaimsFormat::Csv,
            ClaimsFormatArg::Json => ClaimsFormat::Json,
        }
    }
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
    #[error("nieznany kod reguły {0}")]
    #[diagnostic(
        code(rolelint::explain),
        help("`rolelint rules` wypisuje wszystkie kody")
    )]
    UnknownCode(String),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Baseline(#[from] crate::baseline::BaselineError),
    #[error("--jobs musi być liczbą większą od zera")]
    #[diagnostic(code(rolelint::jobs))]
    Jobs,
    #[error(
        "nie można ustalić bieżącego katalogu, od którego zaczyna się szukanie pliku rolelint.toml: {}",
        crate::input::reason(.0)
    )]
    #[diagnostic(
        code(rolelint::working_directory),
        help("podaj plik konfiguracji przez --config")
    )]
    WorkingDirectory(std::io::Error),
    #[error("nie można zapisać wyniku: {}", crate::input::reason(.0))]
    #[diagnostic(code(rolelint::output))]
    Output(#[from] std::io::Error),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Changed(#[from] TextChanged),
}

/// Paths that gave no text to check: folders without texts, or every file left out by the
/// configuration. Not an error (a hook may pass only excluded files), but said on stderr, so
/// that a CI job pointed at the wrong folder does not pass in silence.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("w {paths} nie ma żadnego tekstu do sprawdzenia")]
#[diagnostic(
    code(rolelint::input::nothing),
    severity(Warning),
    help(
        "w katalogach rolelint czyta pliki z rozszerzeniami {extensions}; sprawdź ścieżki oraz \
         include i exclude w pliku konfiguracji"
    )
)]
pub struct NothingToCheck {
    paths: String,
    extensions: String,
}

/// Warn on stderr that `paths` gave no text to check.
fn warn_nothing_in(paths: &[PathBuf]) {
    let warning = NothingToCheck {
        paths: paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        extensions: input::TEXT_EXTENSIONS
            .iter()
            .map(|e| format!(".{e}"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    eprintln!("{:?}", miette::Report::new(warning));
}

fn load_rules(dir: Option<&Path>) -> Result<RuleSet, RunError> {
    Ok(match dir {
        Some(dir) => RuleSet::from_dir(dir)?,
        None => RuleSet::embedded()?,
    })
}

/// The sources, each read by the worker that checks it, not all up front; stdin takes the
/// name given with `--stdin-filename`.
fn read_lazily(
    sources: Vec<Source>,
    stdin_name: Option<&str>,
) -> impl IndexedParallelIterator<Item = Input> + '_ {
    sources.into_par_iter().map(move |source| {
        let mut read = input::read(&source);
        if let (Source::Stdin, Some(name)) = (&source, stdin_name) {
            read.name = name.to_owned();
        }
        read
    })
}

/// What a check and the claims view start from: the threads (`--jobs`), the configuration
/// (see [`load_config`]) and the rules: `--rules`, else the configuration's, else the
/// built-in ones.
fn prepare(
    jobs: Option<usize>,
    config: Option<&Path>,
    rules: Option<&Path>,
) -> Result<(Config, RuleSet), RunError> {
    use_threads(jobs)?;
    let config = load_config(config)?;
    let rules = load_rules(rules.or(config.rules.as_deref()))?;
    Ok((config, rules))
}

/// Run rolelint as the arguments ask.
pub fn run(args: Args) -> Result<Outcome, RunError> {
    match args.command {
        None => check(args.check),
        Some(Command::Claims {
            paths,
            format,
            rules,
            jobs,
            config,
        }) => {
            let (config, rules) = prepare(jobs, config.as_deref(), rules.as_deref())?;
            let options = LintOptions {
                cross_file: false,
                ..LintOptions::default()
            };
            let inputs = read_lazily(wanted(&config, &paths)?, None);
            let report = crate::lint_with(inputs, &rules, options)?;
            stream(|out| claims::write(&report, format.into(), out))?;
            Ok(Outcome::Clean)
        }
        Some(Command::Rules {
            action: None,
            rules,
        }) => {
            let rules = load_rules(rules.as_deref())?;
            write_all(std::io::stdout().lock(), &catalog::list(&rules))?;
            Ok(Outcome::Clean)
        }
        Some(Command::Rules {
            action: Some(RulesAction::Test { dir }),
            rules,
        }) => {
            let rules = load_rules(dir.as_deref().or(rules.as_deref()))?;
            let failures = examples::run(&rules);
            let mut out = String::new();
            for failure in &failures {
                out.push_str(&format!(
                    "✗ {}: {}\n    {}\n",
                    failure.rule, failure.problem, failure.example
                ));
            }
            out.push_str(&format!(
                "przykłady: {}, niezgodne: {}\n",
                examples::count(&rules),
                failures.len()
            ));
            write_all(std::io::stdout().lock(), &out)?;
            Ok(if failures.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Findings
            })
        }
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Args::command(), "rolelint", &mut script);
            write_all(std::io::stdout().lock(), &String::from_utf8_lossy(&script))?;
            Ok(Outcome::Clean)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Args::command()).render(&mut page)?;
            write_all(std::io::stdout().lock(), &String::from_utf8_lossy(&page))?;
            Ok(Outcome::Clean)
        }
        Some(Command::Explain { code, rules }) => {
            let rules = load_rules(rules.as_deref())?;
            let text = catalog::explain(&rules, &code).ok_or(RunError::UnknownCode(code))?;
            write_all(std::io::stdout().lock(), &text)?;
            Ok(Outcome::Clean)
        }
    }
}

/// Run on `jobs` threads (`--jobs`), or one per core.
fn use_threads(jobs: Option<usize>) -> Result<(), RunError> {
    if let Some(jobs) = jobs {
        if jobs == 0 {
            return Err(RunError::Jobs);
        }
        // Fails only when a pool was already built in this process; the first one stands.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global();
    }
    Ok(())
}

/// The configuration `--config` names, or the nearest `rolelint.toml` from the working
/// directory up, or the defaults.
fn load_config(path: Option<&Path>) -> Result<Config, RunError> {
    Ok(match path {
        Some(path) => Config::load(path)?,
        None => Config::discover(&std::env::current_dir().map_err(RunError::WorkingDirectory)?)?
            .map(|(_, config)| config)
            .unwrap_or_default(),
    })
}

/// The sources `paths` expand to that the configuration's `include` and `exclude` keep (stdin
/// always); a warning on stderr when that is none (see [`NothingToCheck`]).
fn wanted(config: &Config, paths: &[PathBuf]) -> Result<Vec<Source>, RunError> {
    let sources: Vec<Source> = input::discover(paths)?
        .into_iter()
        .filter(|source| match source {
            Source::Stdin => true,
            Source::File(path) => config.wants_file(path),
        })
        .collect();
    if sources.is_empty() {
        warn_nothing_in(paths);
    }
    Ok(sources)
}

fn check(args: CheckArgs) -> Result<Outcome, RunError> {
    let (config, rules) = prepare(args.jobs, args.config.as_deref(), args.rules.as_deref())?;
    let mut known: Vec<&str> = vec![crate::check::UNREADABLE_CODE, crate::suppress::UNUSED_CODE];
    known.extend(rules.conflicts.iter().map(|c| c.code.as_str()));
    config.check_codes(&known)?;
    let sources = wanted(&config, &args.paths)?;
    let drafts = sources.len();
    let inputs = read_lazily(sources, args.stdin_filename.as_deref());
    let mut report = if args.against.is_empty() {
        let cross_file = config.cross_file && !args.no_cross;
        let options = LintOptions {
            cross_file,
            ..LintOptions::default()
        };
        crate::lint_with(inputs, &rules, options)?
    } else {
        let reference = read_lazily(wanted(&config, &args.against)?, None);
        crate::lint_against(inputs, reference, &rules)?
    };
    let unused = suppress::apply(&mut report);
    // With --against, only the drafts' own markers are the author's business.
    report.findings.extend(
        unused
            .into_iter()
            .filter(|f| args.against.is_empty() || f.evidence.iter().any(|e| e.file < drafts)),
    );
    config.apply(&mut report);
    if let Some(path) = &args.write_baseline {
        Baseline::from_report(&report).write(path)?;
    }
    if let Some(path) = &args.baseline {
        Baseline::read(path)?.filter(&mut report);
    }
    report.sort();
    render(&report, &args)?;
    Ok(report.outcome(args.deny_warnings))
}

fn render(report: &Report, args: &CheckArgs) -> Result<(), RunError> {
    let table = args.statistics.then(|| concise::statistics(report));
    // After the findings on stdout for people; on stderr beside machine-readable formats.
    let (after, beside) = match args.format {
        Format::Pretty | Format::Concise => (table, None),
        _ => (None, table),
    };
    stream(|out| {
        match args.format {
            Format::Pretty => {
                let color = std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
                let style = pretty::Style {
                    color,
                    files_per_finding: (args.files_per_finding > 0)
                        .then_some(args.files_per_finding),
                };
                pretty::write(report, style, &mut *out)?;
            }
            Format::Json => json::write(report, &mut *out)?,
            Format::Concise => concise::write(report, &mut *out)?,
            Format::Sarif => sarif::write(report, &mut *out)?,
            Format::Github => github::write(report, &mut *out)?,
            Format::Gitlab => gitlab::write(report, &mut *out)?,
        }
        if matches!(args.format, Format::Json | Format::Sarif | Format::Gitlab) {
            out.write_all(b"\n")?;
        }
        out.write_all(after.unwrap_or_default().as_bytes())?;
        Ok(())
    })?;
    if let Some(table) = beside {
        write_all(std::io::stderr().lock(), &table)?;
    }
    Ok(())
}

/// Write to stdout through a buffer as `write` goes: the output of a large corpus is larger
/// than its texts. A reader that went away (`| head`) is no error.
fn stream(write: impl FnOnce(&mut dyn Write) -> Result<(), WriteError>) -> Result<(), RunError> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| Ok(out.flush()?)) {
        Err(WriteError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(WriteError::Output(e)) => Err(e.into()),
        Err(WriteError::Changed(e)) => Err(e.into()),
        Ok(()) => Ok(()),
    }
}

/// Write all of `text`; a reader that went away (`| head`) is no error.
fn write_all(mut out: impl Write, text: &str) -> Result<(), RunError> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
