//! config: `rolelint.toml`, a project's settings for a run.
//!
//! Finds the file (walking up from where the run starts), reads and checks it, and owns
//! [`Config`]: which rule folder to use, which codes to report and at what severity, which
//! findings to drop in which paths, which discovered files to check, and whether to compare
//! files with each other. A mistake in the file is a [`ConfigError`] labelled inside the TOML,
//! as rule files are. The config filters a finished [`Report`] ([`Config::apply`]) and the list
//! of files ([`Config::wants_file`]); it does not parse arguments (the CLI merges flags over
//! it) and does not read texts. The format is documented in `docs/config.md`.
//!
//! Paths in the file — `rules` and every glob — are relative to the folder holding
//! `rolelint.toml`, never to the current directory, so a run gives the same result from
//! anywhere in the project.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use miette::Diagnostic;
use serde::Deserialize;
use toml::Spanned;

use crate::check::{Finding, UNREADABLE_CODE};
use crate::mistake::{FileKind, FileMistake};
use crate::report::{FileReport, Report};
use crate::rules::Severity;

/// The name of the config file [`Config::discover`] looks for.
pub const FILE_NAME: &str = "rolelint.toml";

/// The top-level keys of `rolelint.toml`, for the help of an unknown-key error.
const KEYS: &str =
    "rules, select, ignore, severity, per-path-ignores, include, exclude, cross-file";

/// Largest config file read, so a wrong path (a huge log) fails fast instead of filling memory.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The settings of one `rolelint.toml`, checked and compiled.
#[derive(Debug, Clone)]
pub struct Config {
    /// A folder of rule files replacing the built-in rules, already joined to the config's
    /// folder (the file says it relative to its own folder).
    pub rules: Option<PathBuf>,
    /// Codes to report; empty means every code. RL001 (unreadable file) is always reported
    /// unless named in `ignore`: a file that was not checked must not pass silently.
    pub select: Vec<String>,
    /// Codes never to report; wins over `select`.
    pub ignore: Vec<String>,
    /// A severity per code, replacing the rule's own.
    pub severity: BTreeMap<String, Severity>,
    /// Codes to drop in files whose path matches a pattern.
    pub per_path_ignores: Vec<PathIgnore>,
    /// Files to check among those found; empty means all of them.
    pub include: Patterns,
    /// Files not to check among those found; wins over `include`.
    pub exclude: Patterns,
    /// Compare claims between files, not only within each file (default true).
    pub cross_file: bool,
    /// The absolute folder holding the config file; patterns match relative to it.
    root: PathBuf,
    /// Every code written in the file with where it is, for [`Config::check_codes`].
    codes: Vec<(String, Range<usize>)>,
    /// The file's name and text, for diagnostics raised after loading.
    source: Option<(String, String)>,
}

/// Codes dropped in the files one pattern matches.
#[derive(Debug, Clone)]
pub struct PathIgnore {
    /// The pattern as written in the file.
    pub pattern: String,
    matcher: GlobSet,
    pub codes: Vec<String>,
}

/// A list of path patterns compiled into one matcher.
#[derive(Debug, Clone)]
pub struct Patterns {
    written: Vec<String>,
    set: GlobSet,
}

/// A config file that could not be used.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum ConfigError {
    #[error(
        "nie można odczytać pliku konfiguracji {path}: {}",
        crate::input::reason(source)
    )]
    #[diagnostic(
        code(rolelint::config::unreadable),
        help("sprawdź ścieżkę i uprawnienia pliku")
    )]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<FileMistake>),
}

impl ConfigError {
    /// The byte range of the file the mistake is at, for a mistake inside the file.
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            ConfigError::Invalid(invalid) => invalid.span(),
            ConfigError::Unreadable { .. } => None,
        }
    }
}

// ---- raw TOML shape --------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    rules: Option<Spanned<String>>,
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    per_path_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    cross_file: Option<bool>,
}

/// The config file being read: its name and text, for errors.
struct ConfigFile<'a> {
    name: &'a str,
    text: &'a str,
}

impl ConfigFile<'_> {
    fn error(
        &self,
        message: impl Into<String>,
        span: Option<Range<usize>>,
        help: Option<String>,
    ) -> ConfigError {
        ConfigError::Invalid(Box::new(FileMistake::new(
            FileKind::Config,
            self.name,
            self.text,
            message,
            span,
            help,
        )))
    }

    /// A code as written, checked to be `RL` and three digits.
    fn code(&self, code: &Spanned<String>) -> Result<String, ConfigError> {
        if is_code(code.get_ref()) {
            Ok(code.get_ref().clone())
        } else {
            Err(self.error(
                format!("„{}” nie jest kodem reguły", code.get_ref()),
                Some(code.span()),
                Some(
                    "kod to RL i trzy cyfry, np. RL101; listę kodów wypisuje `rolelint rules`"
                        .to_owned(),
                ),
            ))
        }
    }

    fn patterns(&self, written: &[Spanned<String>]) -> Result<Patterns, ConfigError> {
        let mut builder = GlobSetBuilder::new();
        for pattern in written {
            for glob in self.globs(pattern)? {
                builder.add(glob);
            }
        }
        Ok(Patterns {
            written: written.iter().map(|p| p.get_ref().clone()).collect(),
            set: self.build(builder, written.first())?,
        })
    }

    /// The globs one written pattern stands for (see [`compile_pattern`]).
    fn globs(&self, pattern: &Spanned<String>) -> Result<Vec<globset::Glob>, ConfigError> {
        compile_pattern(pattern.get_ref()).map_err(|reason| {
            self.error(
                format!("niepoprawny wzorzec ścieżki „{}”: {reason}", pattern.get_ref()),
                Some(pattern.span()),
                Some(
                    "wzorce: * (bez /), ** (dowolne katalogi), ?, [abc], {a,b}; np. \"corpus/archiwum/**\""
                        .to_owned(),
                ),
            )
        })
    }

    fn build(
        &self,
        builder: GlobSetBuilder,
        at: Option<&Spanned<String>>,
    ) -> Result<GlobSet, ConfigError> {
        builder.build().map_err(|e| {
            self.error(
                format!("nie można skompilować wzorców ścieżek: {e}"),
                at.map(Spanned::span),
                None,
            )
        })
    }

    /// The parse error of the TOML, in Polish where serde's wording is known.
    fn parse_error(&self, error: &toml::de::Error) -> ConfigError {
        let message = error.message();
        let unknown = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next());
        match unknown {
            Some(key) => self.error(
                format!("nieznany klucz „{key}”"),
                error.span(),
                Some(format!("dozwolone klucze: {KEYS}")),
            ),
            None => self.error(
                format!("niepoprawny TOML: {}", message.trim_end()),
                error.span(),
                None,
            ),
        }
    }
}

/// `RL` and three digits.
fn is_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with("RL") && code[2..].bytes().all(|b| b.is_ascii_digit())
}

/// The globs one written pattern stands for. Matching is on `/`-separated paths relative to the
/// config folder; `*` and `?` never cross a `/`, `**` crosses any number of folders. A pattern
/// without `/` matches a name at any depth (`*.html` is `**/*.html`); a leading `/` or `./`
/// anchors it at the config folder instead. A pattern also matches everything inside a folder it
/// matches (`corpus/archiwum` covers `corpus/archiwum/a.txt`).
fn compile_pattern(written: &str) -> Result<Vec<globset::Glob>, String> {
    let trimmed = written.trim();
    if trimmed.is_empty() {
        return Err("wzorzec jest pusty".to_owned());
    }
    let anchored = trimmed.starts_with('/') || trimmed.starts_with("./");
    let body = trimmed
        .trim_start_matches("./")
        .trim_start_matches('/')
        .trim_end_matches('/');
    if body.is_empty() {
        return Err("wzorzec nie wskazuje żadnej ścieżki".to_owned());
    }
    let base = if anchored || body.contains('/') {
        body.to_owned()
    } else {
        format!("**/{body}")
    };
    let mut globs = Vec::new();
    for text in [base.clone(), format!("{base}/**")] {
        let glob = GlobBuilder::new(&text)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .map_err(|e| e.kind().to_string())?;
        globs.push(glob);
    }
    Ok(globs)
}

/// `path` without `.` and with `..` taken back lexically (symbolic links are not followed).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` made absolute against the current directory (an empty path is the current
/// directory), then normalised.
fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::path::absolute(path).map(|p| normalize(&p))
}

impl Patterns {
    /// No patterns at all.
    pub fn none() -> Patterns {
        Patterns {
            written: Vec::new(),
            set: GlobSet::empty(),
        }
    }

    /// The patterns as written in the file.
    pub fn written(&self) -> &[String] {
        &self.written
    }

    pub fn is_empty(&self) -> bool {
        self.written.is_empty()
    }

    /// Whether a `/`-separated path relative to the config folder matches any pattern.
    pub fn matches(&self, relative: &str) -> bool {
        self.set.is_match(relative)
    }
}

impl PathIgnore {
    /// Whether a `/`-separated path relative to the config folder matches the pattern.
    pub fn matches(&self, relative: &str) -> bool {
        self.matcher.is_match(relative)
    }
}

impl Default for Config {
    /// No file: every code at its rule's severity, every file, cross-file comparison on.
    fn default() -> Self {
        Config {
            rules: None,
            select: Vec::new(),
            ignore: Vec::new(),
            severity: BTreeMap::new(),
            per_path_ignores: Vec::new(),
            include: Patterns::none(),
            exclude: Patterns::none(),
            cross_file: true,
            root: PathBuf::new(),
            codes: Vec::new(),
            source: None,
        }
    }
}

impl Config {
    /// Look for `rolelint.toml` in `start` (or, when `start` is a file, in its folder) and in
    /// every folder above it up to the filesystem root; load the nearest one. `Ok(None)` when
    /// there is none.
    pub fn discover(start: &Path) -> Result<Option<(PathBuf, Config)>, ConfigError> {
        let start = absolute(start).map_err(|source| ConfigError::Unreadable {
            path: start.to_owned(),
            source,
        })?;
        let mut dir = if start.is_dir() {
            Some(start.as_path())
        } else {
            start.parent()
        };
        while let Some(folder) = dir {
            let candidate = folder.join(FILE_NAME);
            if candidate.is_file() {
                let config = Config::load(&candidate)?;
                return Ok(Some((candidate, config)));
            }
            dir = folder.parent();
        }
        Ok(None)
    }

    /// Read and check one config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let unreadable = |source| ConfigError::Unreadable {
            path: path.to_owned(),
            source,
        };
        let size = fs::metadata(path).map_err(unreadable)?.len();
        if size > MAX_CONFIG_BYTES {
            return Err(unreadable(std::io::Error::other(format!(
                "plik ma {}, a plik konfiguracji może mieć najwyżej {}",
                crate::plural::bytes(size),
                crate::plural::bytes(MAX_CONFIG_BYTES)
            ))));
        }
        let text = fs::read_to_string(path).map_err(unreadable)?;
        let root = absolute(path.parent().unwrap_or(Path::new(""))).map_err(unreadable)?;
        Config::parse(&path.display().to_string(), &text, &root)
    }

    /// Check the text of a config file named `name` (for messages) whose folder is `root`
    /// (made absolute here if it is not).
    pub fn parse(name: &str, text: &str, root: &Path) -> Result<Config, ConfigError> {
        let file = ConfigFile { name, text };
        let root = absolute(root).map_err(|source| ConfigError::Unreadable {
            path: root.to_owned(),
            source,
        })?;
        let raw: RawConfig = toml::from_str(text).map_err(|e| file.parse_error(&e))?;
        let mut codes = Vec::new();
        let mut code = |written: &Spanned<String>| -> Result<String, ConfigError> {
            let checked = file.code(written)?;
            codes.push((checked.clone(), written.span()));
            Ok(checked)
        };

        let select = raw.select.iter().map(&mut code).collect::<Result<_, _>>()?;
        let ignore = raw.ignore.iter().map(&mut code).collect::<Result<_, _>>()?;
        let mut severity = BTreeMap::new();
        for (key, value) in &raw.severity {
            let level = match value.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                other => {
                    return Err(file.error(
                        format!("nieznany poziom „{other}”"),
                        Some(value.span()),
                        Some("poziom to \"error\" albo \"warning\"".to_owned()),
                    ));
                }
            };
            severity.insert(code(key)?, level);
        }
        let mut per_path_ignores = Vec::new();
        for (pattern, listed) in &raw.per_path_ignores {
            let mut builder = GlobSetBuilder::new();
            for glob in file.globs(pattern)? {
                builder.add(glob);
            }
            per_path_ignores.push(PathIgnore {
                pattern: pattern.get_ref().clone(),
                matcher: file.build(builder, Some(pattern))?,
                codes: listed.iter().map(&mut code).collect::<Result<_, _>>()?,
            });
        }
        let rules = match &raw.rules {
            Some(dir) => {
                let joined = root.join(dir.get_ref());
                if !joined.is_dir() {
                    return Err(file.error(
                        format!("katalog reguł {} nie istnieje", joined.display()),
                        Some(dir.span()),
                        Some("ścieżka jest względna wobec katalogu pliku rolelint.toml".to_owned()),
                    ));
                }
                Some(joined)
            }
            None => None,
        };
        Ok(Config {
            rules,
            select,
            ignore,
            severity,
            per_path_ignores,
            include: file.patterns(&raw.include)?,
            exclude: file.patterns(&raw.exclude)?,
            cross_file: raw.cross_file.unwrap_or(true),
            root,
            codes,
            source: Some((name.to_owned(), text.to_owned())),
        })
    }

    /// The absolute folder patterns are matched against (empty for [`Config::default`]).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `path` (absolute, or relative to the current directory) relative to the config folder,
    /// with `/` between names; `None` for a path outside that folder or without a config file.
    pub fn relative(&self, path: &Path) -> Option<String> {
        if self.root.as_os_str().is_empty() {
            return None;
        }
        let path = absolute(path).ok()?;
        let inside = path.strip_prefix(&self.root).ok()?;
        let names: Vec<String> = inside
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(names.join("/"))
    }

    /// Whether a discovered file is to be checked: `include` (when not empty) must match it and
    /// `exclude` must not. Files outside the config folder are always checked: the config only
    /// describes its own tree.
    pub fn wants_file(&self, path: &Path) -> bool {
        if self.include.is_empty() && self.exclude.is_empty() {
            return true;
        }
        let Some(relative) = self.relative(path) else {
            return true;
        };
        (self.include.is_empty() || self.include.matches(&relative))
            && !self.exclude.matches(&relative)
    }

    /// Drop the findings the config does not want — codes outside `select`, codes in `ignore`,
    /// and codes a matching `per-path-ignores` pattern lists for the path of a finding's first
    /// piece of evidence — and set the severity of the rest.
    pub fn apply(&self, report: &mut Report) {
        let relative: Vec<Option<String>> = if self.per_path_ignores.is_empty() {
            Vec::new()
        } else {
            report
                .files
                .iter()
                .map(|f| self.relative(Path::new(&f.path)))
                .collect()
        };
        let files = &report.files;
        report
            .findings
            .retain(|finding| self.keeps(finding, files, &relative));
        for finding in &mut report.findings {
            if let Some(&severity) = self.severity.get(&finding.code) {
                finding.severity = severity;
            }
        }
    }

    fn keeps(&self, finding: &Finding, files: &[FileReport], relative: &[Option<String>]) -> bool {
        let code = finding.code.as_str();
        if self.ignore.iter().any(|c| c == code) {
            return false;
        }
        if !self.select.is_empty()
            && code != UNREADABLE_CODE
            && !self.select.iter().any(|c| c == code)
        {
            return false;
        }
        let path = finding
            .evidence
            .first()
            .filter(|e| e.file < files.len())
            .and_then(|e| relative.get(e.file))
            .and_then(Option::as_deref);
        match path {
            Some(path) => !self
                .per_path_ignores
                .iter()
                .any(|p| p.codes.iter().any(|c| c == code) && p.matches(path)),
            None => true,
        }
    }

    /// Check that every code the file names is one of `known` (the codes of the rule set in
    /// use, with the built-in ones); the error points at the first that is not.
    pub fn check_codes(&self, known: &[&str]) -> Result<(), ConfigError> {
        let Some((name, text)) = &self.source else {
            return Ok(());
        };
        let known_set: BTreeSet<&str> = known.iter().copied().collect();
        match self
            .codes
            .iter()
            .find(|(code, _)| !known_set.contains(code.as_str()))
        {
            Some((code, span)) => Err(ConfigFile { name, text }.error(
                format!("reguła {code} nie istnieje"),
                Some(span.clone()),
                Some(format!(
                    "znane kody: {}",
                    known_set.into_iter().collect::<Vec<_>>().join(", ")
                )),
            )),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::check::{Evidence, FindingKind};
    use crate::report::texts::FileText;
    use crate::span::Span;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse("rolelint.toml", text, Path::new("/projekt"))
    }

    /// The text an error's label covers.
    fn labelled(text: &str, error: &ConfigError) -> String {
        let span = error.span().expect("the error is labelled");
        text[span].to_owned()
    }

    fn rendered(error: &ConfigError) -> String {
        let mut out = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .render_report(&mut out, error)
            .expect("rendering to a string cannot fail");
        out
    }

    const FULL: &str = r#"
select = ["RL101", "RL103", "RL104", "RL201"]
ignore = ["RL201"]
include = ["corpus/**", "drafts"]
exclude = ["*.html", "corpus/szkice/**"]
cross-file = false

[severity]
RL104 = "warning"
RL101 = "error"

[per-path-ignores]
"corpus/archiwum/**" = ["RL104"]
"#;

    #[test]
    fn a_full_file_loads_every_key() {
        let config = parse(FULL).expect("the example is valid");
        assert_eq!(config.select, ["RL101", "RL103", "RL104", "RL201"]);
        assert_eq!(config.ignore, ["RL201"]);
        assert_eq!(config.severity["RL104"], Severity::Warning);
        assert_eq!(config.severity["RL101"], Severity::Error);
        assert_eq!(config.per_path_ignores.len(), 1);
        assert_eq!(config.per_path_ignores[0].pattern, "corpus/archiwum/**");
        assert_eq!(config.per_path_ignores[0].codes, ["RL104"]);
        assert_eq!(config.include.written(), ["corpus/**", "drafts"]);
        assert!(!config.cross_file);
        assert_eq!(config.rules, None);
    }

    #[test]
    fn the_documented_example_loads() {
        let docs = include_str!("../docs/config.md");
        let start = docs
            .find("```toml\n")
            .expect("docs/config.md has a TOML example")
            + 8;
        let end = start + docs[start..].find("```").expect("the example ends");
        let dir = tempfile::tempdir().expect("a temporary folder");
        fs::create_dir(dir.path().join("reguly")).expect("the rules folder it names");
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, &docs[start..end]).expect("the example is written");
        let config = Config::load(&path).expect("the documented example is valid");
        assert_eq!(config.severity.len(), 2);
        assert_eq!(config.per_path_ignores.len(), 2);
        assert!(!config.cross_file);
    }

    #[test]
    fn an_empty_file_is_the_default() {
        let config = parse("").expect("an empty file is valid");
        assert!(config.select.is_empty() && config.ignore.is_empty());
        assert!(config.cross_file);
        assert!(config.wants_file(Path::new("/projekt/a.txt")));
    }

    #[test]
    fn an_unknown_key_is_labelled_at_the_key() {
        let text = "select = [\"RL101\"]\ncross_file = false\n";
        let error = parse(text).expect_err("cross_file is spelled cross-file");
        assert_eq!(labelled(text, &error), "cross_file");
        let shown = rendered(&error);
        assert!(shown.contains("nieznany klucz „cross_file”"), "{shown}");
        assert!(
            shown.contains("cross-file"),
            "the help lists the keys: {shown}"
        );
        assert!(shown.contains("tutaj"), "{shown}");
    }

    #[test]
    fn an_unknown_key_in_a_table_is_labelled_too() {
        let text = "[per-path-ignores]\n\"a/**\" = [\"RL101\"]\n\n[wybor]\nkody = 1\n";
        let error = parse(text).expect_err("there is no [wybor] table");
        assert_eq!(labelled(text, &error), "wybor");
    }

    #[test]
    fn a_malformed_code_is_labelled() {
        let text = "ignore = [\"RL101\", \"rl-104\"]\n";
        let error = parse(text).expect_err("rl-104 is no code");
        assert_eq!(labelled(text, &error), "\"rl-104\"");
        let text = "[severity]\nRL10 = \"error\"\n";
        let error = parse(text).expect_err("RL10 has two digits");
        assert_eq!(labelled(text, &error), "RL10");
        let text = "[per-path-ignores]\n\"a/**\" = [\"RL1011\"]\n";
        let error = parse(text).expect_err("RL1011 has four digits");
        assert_eq!(labelled(text, &error), "\"RL1011\"");
    }

    #[test]
    fn an_unknown_severity_is_labelled_at_the_value() {
        let text = "[severity]\nRL101 = \"fatal\"\n";
        let error = parse(text).expect_err("fatal is no severity");
        assert_eq!(labelled(text, &error), "\"fatal\"");
    }

    #[test]
    fn a_broken_glob_is_labelled() {
        let text = "exclude = [\"ok/**\", \"corpus/[ab\"]\n";
        let error = parse(text).expect_err("an unclosed class");
        assert_eq!(labelled(text, &error), "\"corpus/[ab\"");
        let text = "[per-path-ignores]\n\"{a,b\" = [\"RL101\"]\n";
        let error = parse(text).expect_err("an unclosed alternative");
        assert_eq!(labelled(text, &error), "\"{a,b\"");
    }

    #[test]
    fn a_wrong_type_is_an_error_in_the_file() {
        let text = "cross-file = \"nie\"\n";
        let error = parse(text).expect_err("cross-file is a boolean");
        assert_eq!(labelled(text, &error), "\"nie\"");
    }

    #[test]
    fn the_rules_folder_is_relative_to_the_config_folder() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        fs::create_dir(dir.path().join("reguły")).expect("a rules folder");
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, "rules = \"reguły\"\n").expect("the config is written");
        let config = Config::load(&path).expect("the folder exists");
        assert_eq!(
            config.rules,
            Some(absolute(dir.path()).unwrap().join("reguły"))
        );

        fs::write(&path, "rules = \"nie-ma\"\n").expect("the config is written");
        let error = Config::load(&path).expect_err("the folder does not exist");
        assert!(matches!(error, ConfigError::Invalid(_)));
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(labelled(&text, &error), "\"nie-ma\"");
    }

    #[test]
    fn a_missing_file_is_unreadable() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let error = Config::load(&dir.path().join(FILE_NAME)).expect_err("no such file");
        assert!(matches!(error, ConfigError::Unreadable { .. }));
    }

    #[test]
    fn discovery_walks_up_to_the_nearest_file() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let deep = dir.path().join("corpus").join("archiwum");
        fs::create_dir_all(&deep).expect("folders");
        fs::write(dir.path().join(FILE_NAME), "ignore = [\"RL201\"]\n").expect("config");
        fs::write(deep.join("a.txt"), "tekst").expect("a text");

        let (found, config) = Config::discover(&deep.join("a.txt"))
            .expect("the config is valid")
            .expect("a config above the file");
        assert_eq!(found, absolute(dir.path()).unwrap().join(FILE_NAME));
        assert_eq!(config.ignore, ["RL201"]);
        assert_eq!(config.root(), absolute(dir.path()).unwrap());

        fs::write(
            dir.path().join("corpus").join(FILE_NAME),
            "ignore = [\"RL104\"]\n",
        )
        .expect("a nearer config");
        let (_, nearer) = Config::discover(&deep).unwrap().unwrap();
        assert_eq!(nearer.ignore, ["RL104"], "the nearest file wins");

        fs::write(dir.path().join(FILE_NAME), "ignor = []\n").expect("a broken config");
        assert!(
            Config::discover(&deep).unwrap().is_some(),
            "corpus/ has its own"
        );
        assert!(
            Config::discover(dir.path()).is_err(),
            "a broken config is an error"
        );
    }

    #[test]
    fn include_and_exclude_match_relative_to_the_config_folder() {
        let root = Path::new("/projekt");
        let text = "include = [\"corpus/**\", \"szkic.md\"]\nexclude = [\"*.html\", \"corpus/archiwum\"]\n";
        let config = Config::parse("rolelint.toml", text, root).expect("valid");
        let wants = |p: &str| config.wants_file(Path::new(p));
        assert!(wants("/projekt/corpus/a.txt"));
        assert!(wants("/projekt/corpus/głęboko/b.md"));
        assert!(
            wants("/projekt/./corpus/x/../a.txt"),
            "paths are normalised"
        );
        assert!(wants("/projekt/docs/szkic.md"), "no slash: any depth");
        assert!(!wants("/projekt/docs/inny.md"), "not included");
        assert!(!wants("/projekt/corpus/strona.html"), "*.html at any depth");
        assert!(
            !wants("/projekt/corpus/archiwum/stary.txt"),
            "inside an excluded folder"
        );
        assert!(!wants("/projekt/corpus/archiwum"), "the folder itself");
        assert!(
            wants("/gdzie-indziej/a.txt"),
            "outside the config folder: always checked"
        );
        assert!(
            wants("/projektX/strona.html"),
            "a sibling folder is outside"
        );
    }

    #[test]
    fn single_star_does_not_cross_folders() {
        let config = Config::parse("c", "exclude = [\"corpus/*.txt\"]\n", Path::new("/p")).unwrap();
        assert!(!config.wants_file(Path::new("/p/corpus/a.txt")));
        assert!(config.wants_file(Path::new("/p/corpus/sub/a.txt")));
        let anchored = Config::parse("c", "exclude = [\"/a.txt\"]\n", Path::new("/p")).unwrap();
        assert!(!anchored.wants_file(Path::new("/p/a.txt")));
        assert!(
            anchored.wants_file(Path::new("/p/sub/a.txt")),
            "a leading / anchors"
        );
    }

    #[test]
    fn relative_paths_are_taken_from_the_current_directory() {
        let cwd = std::env::current_dir().expect("a current directory");
        let config = Config::parse("c", "exclude = [\"src/**\"]\n", &cwd).unwrap();
        assert!(!config.wants_file(Path::new("src/config.rs")));
        assert!(config.wants_file(Path::new("docs/config.md")));
    }

    fn file(path: &str, text: &str) -> FileReport {
        FileReport {
            path: path.to_owned(),
            encoding: Some("UTF-8"),
            text: FileText::Kept(Arc::from(text)),
            claims: Vec::new(),
            names: Vec::new(),
            suppressions: Default::default(),
        }
    }

    fn finding(code: &str, file: usize, severity: Severity) -> Finding {
        Finding {
            code: code.to_owned(),
            kind: FindingKind::Contradiction,
            severity,
            message: format!("wiadomość {code}"),
            role: Some("account_manager".into()),
            dimension: None,
            evidence: vec![Evidence {
                file,
                span: Span::new(0, 4),
                label: "tu".into(),
                claim: None,
                place: None,
            }],
            help: None,
        }
    }

    fn codes(report: &Report) -> Vec<(String, usize, Severity)> {
        report
            .findings
            .iter()
            .map(|f| (f.code.clone(), f.evidence[0].file, f.severity))
            .collect()
    }

    #[test]
    fn apply_filters_by_select_ignore_and_path_and_sets_severity() {
        let text = r#"
select = ["RL101", "RL104", "RL201"]
ignore = ["RL201"]
[severity]
RL104 = "warning"
[per-path-ignores]
"corpus/archiwum/**" = ["RL104"]
"#;
        let config = Config::parse("rolelint.toml", text, Path::new("/projekt")).unwrap();
        let mut report = Report {
            files: vec![
                file("/projekt/corpus/nowy.txt", "Tekst nowy."),
                file("/projekt/corpus/archiwum/stary.txt", "Tekst stary."),
            ],
            findings: vec![
                finding("RL101", 0, Severity::Error),
                finding("RL103", 0, Severity::Error),
                finding("RL104", 0, Severity::Error),
                finding("RL201", 0, Severity::Warning),
                finding("RL101", 1, Severity::Error),
                finding("RL104", 1, Severity::Error),
                finding(UNREADABLE_CODE, 1, Severity::Error),
            ],
            rules: Vec::new(),
            names: Default::default(),
        };
        config.apply(&mut report);
        assert_eq!(
            codes(&report),
            [
                ("RL101".to_owned(), 0, Severity::Error),
                ("RL104".to_owned(), 0, Severity::Warning),
                ("RL101".to_owned(), 1, Severity::Error),
                (UNREADABLE_CODE.to_owned(), 1, Severity::Error),
            ]
        );
    }

    #[test]
    fn unreadable_files_are_dropped_only_when_ignored() {
        let config = parse("ignore = [\"RL001\"]\n").unwrap();
        let mut report = Report {
            files: vec![file("/projekt/a.txt", "")],
            findings: vec![finding(UNREADABLE_CODE, 0, Severity::Error)],
            rules: Vec::new(),
            names: Default::default(),
        };
        config.apply(&mut report);
        assert!(report.findings.is_empty());
    }

    #[test]
    fn codes_can_be_checked_against_the_rule_set() {
        let text = "select = [\"RL101\"]\n[severity]\nRL109 = \"warning\"\n";
        let config = parse(text).unwrap();
        let error = config
            .check_codes(&["RL001", "RL101", "RL104"])
            .expect_err("RL109 is no rule");
        assert_eq!(labelled(text, &error), "RL109");
        assert!(config.check_codes(&["RL101", "RL109"]).is_ok());
        assert!(Config::default().check_codes(&[]).is_ok());
    }
}
