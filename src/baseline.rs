//! baseline: findings accepted once, so a run reports only new ones.
//!
//! A baseline is a JSON file listing one fingerprint per accepted finding:
//!
//! ```json
//! {"version": 1, "fingerprints": [{"fingerprint": "3f0c…", "code": "RL101", "path": "corpus/a.txt"}]}
//! ```
//!
//! The fingerprint is [`crate::report::content_hash`] — code, role, dimension, and the path and
//! text of each piece of evidence — so it survives edits elsewhere in the file (no offsets, no
//! line numbers); `code` and `path` are only there for people reading the file. The baseline is a
//! multiset: two identical findings need two entries, so a second copy of an accepted problem is
//! still reported. This module writes and reads the file and filters a [`Report`]; when to do so
//! is the CLI's business.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use serde::{Deserialize, Serialize};

use crate::check::Finding;
use crate::mistake::{FileKind, FileMistake};
use crate::report::{Report, content_hash, slash_path};

/// The format version this module writes and reads.
pub const VERSION: u32 = 1;

/// The fingerprint of one finding of `report`: 16 hex digits, the same for the same problem
/// wherever it moves in its file. For the first of several identical findings it equals the
/// fingerprint of the SARIF and GitLab outputs.
pub fn fingerprint(report: &Report, finding: &Finding) -> String {
    format!("{:016x}", content_hash(report, finding))
}

/// Accepted findings, as read from or written to a baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    /// One entry per accepted finding, sorted by path, code and fingerprint; repeats allowed.
    pub entries: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    /// The finding's code, for people reading the file.
    pub code: String,
    /// The path of the finding's first piece of evidence, for people reading the file.
    pub path: String,
}

/// The file as stored.
#[derive(Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    fingerprints: Vec<Entry>,
}

/// A baseline that could not be read or written.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum BaselineError {
    #[error("plik bazy {path} nie istnieje")]
    #[diagnostic(
        code(rolelint::baseline::missing),
        help("utwórz plik bazy z bieżących wyników albo popraw ścieżkę")
    )]
    Missing { path: PathBuf },
    #[error(
        "nie można odczytać pliku bazy {path}: {}",
        crate::input::reason(source)
    )]
    #[diagnostic(code(rolelint::baseline::unreadable))]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "nie można zapisać pliku bazy {path}: {}",
        crate::input::reason(source)
    )]
    #[diagnostic(code(rolelint::baseline::unwritable))]
    Unwritable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Malformed(Box<FileMistake>),
}

impl Baseline {
    /// Accept every finding of `report`.
    pub fn from_report(report: &Report) -> Baseline {
        let mut entries: Vec<Entry> = report
            .findings
            .iter()
            .map(|finding| Entry {
                fingerprint: fingerprint(report, finding),
                code: finding.code.clone(),
                path: finding
                    .evidence
                    .first()
                    .and_then(|e| report.files.get(e.file))
                    .map(|f| slash_path(&f.path).into_owned())
                    .unwrap_or_default(),
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.path, &a.code, &a.fingerprint).cmp(&(&b.path, &b.code, &b.fingerprint))
        });
        Baseline { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The file's text: pretty JSON, one entry per line group, ending in a newline.
    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            version: VERSION,
            fingerprints: self.entries.clone(),
        };
        let mut json =
            serde_json::to_string_pretty(&file).expect("a baseline serialises: strings only");
        json.push('\n');
        json
    }

    /// Write the baseline to `path`, replacing the file.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        fs::write(path, self.to_json()).map_err(|source| BaselineError::Unwritable {
            path: path.to_owned(),
            source,
        })
    }

    /// Read a baseline file.
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let text = fs::read_to_string(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                BaselineError::Missing {
                    path: path.to_owned(),
                }
            } else {
                BaselineError::Unreadable {
                    path: path.to_owned(),
                    source,
                }
            }
        })?;
        Baseline::parse(&path.display().to_string(), &text)
    }

    /// Check the text of a baseline file named `name` (for messages).
    pub fn parse(name: &str, text: &str) -> Result<Baseline, BaselineError> {
        let malformed = |message: String, span: Option<(usize, usize)>| {
            BaselineError::Malformed(Box::new(FileMistake::new(
                FileKind::Baseline,
                name,
                text,
                message,
                span.map(|(start, len)| start..start + len),
                None,
            )))
        };
        let file: BaselineFile = serde_json::from_str(text).map_err(|e| {
            let message = match e.classify() {
                serde_json::error::Category::Eof => {
                    "plik jest niekompletny (urywa się w połowie)".to_owned()
                }
                serde_json::error::Category::Syntax => format!("to nie jest poprawny JSON ({e})"),
                _ => format!("niepoprawna zawartość ({e})"),
            };
            malformed(
                message,
                offset_of(text, e.line(), e.column()).map(|o| (o, 0)),
            )
        })?;
        if file.version != VERSION {
            let at = text.find("\"version\"").map(|o| (o, "\"version\"".len()));
            return Err(malformed(
                format!(
                    "wersja {} nie jest obsługiwana (ta wersja rolelint obsługuje tylko wersję {VERSION})",
                    file.version
                ),
                at,
            ));
        }
        if let Some(bad) = file
            .fingerprints
            .iter()
            .find(|e| !is_fingerprint(&e.fingerprint))
        {
            let quoted = format!("\"{}\"", bad.fingerprint);
            let at = text.find(&quoted).map(|o| (o, quoted.len()));
            return Err(malformed(
                format!(
                    "„{}” nie jest odciskiem (16 cyfr szesnastkowych)",
                    bad.fingerprint
                ),
                at,
            ));
        }
        Ok(Baseline {
            entries: file.fingerprints,
        })
    }

    /// Drop the findings of `report` the baseline accepts and say how many. Each entry accepts
    /// one finding: a second identical finding is kept when the baseline lists it once.
    pub fn filter(&self, report: &mut Report) -> usize {
        let mut left: BTreeMap<&str, usize> = BTreeMap::new();
        for entry in &self.entries {
            *left.entry(entry.fingerprint.as_str()).or_default() += 1;
        }
        let keep: Vec<bool> = report
            .findings
            .iter()
            .map(
                |finding| match left.get_mut(fingerprint(report, finding).as_str()) {
                    Some(count) if *count > 0 => {
                        *count -= 1;
                        false
                    }
                    _ => true,
                },
            )
            .collect();
        let before = report.findings.len();
        let mut keep = keep.into_iter();
        report
            .findings
            .retain(|_| keep.next().expect("one flag per finding"));
        before - report.findings.len()
    }
}

/// 16 lower-case hex digits, as [`fingerprint`] writes them.
fn is_fingerprint(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The byte offset of serde_json's 1-based line and column (a column counts bytes), kept on a
/// character boundary; `None` when the error has no position.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let mut offset = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    Some(offset)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::check::{Evidence, FindingKind};
    use crate::input::Input;
    use crate::report::FileReport;
    use crate::report::texts::FileText;
    use crate::rules::{RuleSet, Severity};
    use crate::span::{LineIndex, Span};

    const TEXT: &str = "Account Manager buduje relacje z klientami.\n\nAccount Manager prowadzi księgowość firmy.\n";

    fn lint(files: &[(&str, &str)]) -> Report {
        let rules = RuleSet::embedded().expect("the embedded rules load");
        let inputs = files
            .iter()
            .map(|(name, text)| Input::from_text(*name, text))
            .collect();
        crate::lint(inputs, &rules).expect("texts in memory are kept")
    }

    fn codes(report: &Report) -> Vec<&str> {
        report.findings.iter().map(|f| f.code.as_str()).collect()
    }

    #[test]
    fn a_baseline_survives_a_paragraph_inserted_above() {
        let before = lint(&[("corpus/am.txt", TEXT)]);
        assert!(codes(&before).contains(&"RL101"), "{:?}", codes(&before));
        let baseline = Baseline::from_report(&before);
        assert_eq!(baseline.len(), before.findings.len());

        let edited =
            format!("Nowy wstęp do tekstu o pracy w sprzedaży.\nDruga linia wstępu.\n\n{TEXT}");
        let mut after = lint(&[("corpus/am.txt", &edited)]);
        let moved = after.findings[0].evidence[0].span;
        assert_ne!(
            moved, before.findings[0].evidence[0].span,
            "the spans moved"
        );
        let dropped = baseline.filter(&mut after);
        assert_eq!(dropped, before.findings.len());
        assert!(after.findings.is_empty(), "{:?}", codes(&after));
    }

    #[test]
    fn a_new_problem_is_still_reported() {
        let before = lint(&[("corpus/am.txt", TEXT)]);
        let baseline = Baseline::from_report(&before);
        let grown = format!(
            "{TEXT}\nProduct Manager zarabia średnio 18 000 zł brutto miesięcznie.\nProduct Manager zarabia 12 000 zł brutto miesięcznie.\n"
        );
        let mut after = lint(&[("corpus/am.txt", &grown)]);
        let total = after.findings.len();
        let dropped = baseline.filter(&mut after);
        assert_eq!(dropped, before.findings.len());
        assert_eq!(after.findings.len(), total - dropped);
        assert_eq!(codes(&after), ["RL104"]);
    }

    #[test]
    fn the_same_text_in_another_file_is_another_finding() {
        let baseline = Baseline::from_report(&lint(&[("corpus/am.txt", TEXT)]));
        let mut other = lint(&[("corpus/kopia.txt", TEXT)]);
        assert_eq!(baseline.filter(&mut other), 0);
    }

    #[test]
    fn an_edited_sentence_is_a_new_finding() {
        let before = lint(&[("am.txt", TEXT)]);
        let baseline = Baseline::from_report(&before);
        let edited = TEXT.replace("prowadzi księgowość", "prowadzi całą księgowość");
        let mut after = lint(&[("am.txt", &edited)]);
        assert!(codes(&after).contains(&"RL101"));
        baseline.filter(&mut after);
        assert!(
            codes(&after).contains(&"RL101"),
            "the evidence text changed"
        );
    }

    fn finding(start: usize, end: usize) -> Finding {
        Finding {
            code: "RL201".to_owned(),
            kind: FindingKind::Terminology,
            severity: Severity::Warning,
            message: "ta sama wiadomość".to_owned(),
            role: Some("account_manager".into()),
            dimension: None,
            evidence: vec![Evidence {
                file: 0,
                span: Span::new(start, end),
                label: "tu".into(),
                claim: None,
                place: Some(LineIndex::new(TEXT_OF_REPORT).place(Span::new(start, end))),
            }],
            help: None,
        }
    }

    /// The one file of [`report`].
    const TEXT_OF_REPORT: &str = "AM i AM";

    fn report(findings: Vec<Finding>) -> Report {
        Report {
            files: vec![FileReport {
                path: "a.txt".to_owned(),
                encoding: Some("UTF-8"),
                text: FileText::Kept(Arc::from(TEXT_OF_REPORT)),
                claims: Vec::new(),
                names: Vec::new(),
                suppressions: Default::default(),
            }],
            findings,
            rules: Vec::new(),
            names: Default::default(),
        }
    }

    #[test]
    fn identical_findings_are_counted_not_merged() {
        let one = report(vec![finding(0, 2)]);
        let baseline = Baseline::from_report(&one);
        let mut two = report(vec![finding(0, 2), finding(5, 7)]);
        assert_eq!(
            fingerprint(&two, &two.findings[0]),
            fingerprint(&two, &two.findings[1]),
            "same code, role and text: same fingerprint"
        );
        assert_eq!(baseline.filter(&mut two), 1);
        assert_eq!(two.findings.len(), 1, "the second copy is new");

        let both = Baseline::from_report(&report(vec![finding(0, 2), finding(5, 7)]));
        let mut again = report(vec![finding(0, 2), finding(5, 7)]);
        assert_eq!(both.filter(&mut again), 2);
    }

    #[test]
    fn the_fingerprint_is_the_first_gitlab_fingerprint() {
        let report = lint(&[("corpus/am.txt", TEXT)]);
        let shared = crate::report::fingerprints(&report);
        for (finding, id) in report.findings.iter().zip(&shared) {
            assert_eq!(&fingerprint(&report, finding), id);
        }
    }

    #[test]
    fn write_and_read_round_trip() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("rolelint-baseline.json");
        let report = lint(&[("corpus/am.txt", TEXT)]);
        let baseline = Baseline::from_report(&report);
        baseline.write(&path).expect("the file is written");
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("{\n  \"version\": 1,\n  \"fingerprints\": ["),
            "{text}"
        );
        assert!(text.contains("\"code\": \"RL101\""));
        assert!(text.contains("\"path\": \"corpus/am.txt\""));
        assert_eq!(
            Baseline::read(&path).expect("the file reads back"),
            baseline
        );
    }

    #[test]
    fn a_missing_file_says_so() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let error = Baseline::read(&dir.path().join("brak.json")).expect_err("no file");
        assert!(matches!(error, BaselineError::Missing { .. }));
        assert!(error.to_string().contains("nie istnieje"), "{error}");
    }

    fn malformed(text: &str) -> (String, Option<String>) {
        match Baseline::parse("baza.json", text) {
            Err(BaselineError::Malformed(m)) => (
                m.message().to_owned(),
                m.span().map(|s| {
                    if s.is_empty() {
                        text[s.start..].chars().take(3).collect()
                    } else {
                        text[s].to_owned()
                    }
                }),
            ),
            other => panic!("expected a malformed baseline, got {other:?}"),
        }
    }

    #[test]
    fn a_malformed_file_is_labelled() {
        let (message, at) =
            malformed("{\"version\": 1,\n \"fingerprints\": [ {\"fingerprint\": 12} ]}");
        assert!(message.contains("niepoprawna zawartość"), "{message}");
        assert!(at.is_some());

        let (message, at) = malformed("{\"version\": 1,\n \"fingerprints\": [,]}");
        assert!(message.contains("nie jest poprawny JSON"), "{message}");
        assert_eq!(at.as_deref(), Some(",]}"));

        let (message, _) = malformed("{\"version\": 1, \"fingerprints\": [");
        assert!(message.contains("urywa się"), "{message}");

        let (message, at) = malformed("{\"version\": 2, \"fingerprints\": []}");
        assert!(message.contains("wersja 2"), "{message}");
        assert_eq!(at.as_deref(), Some("\"version\""));

        let text = "{\"version\": 1, \"fingerprints\": [{\"fingerprint\": \"xyz\", \"code\": \"RL101\", \"path\": \"a\"}]}";
        let (message, at) = malformed(text);
        assert!(message.contains("„xyz”"), "{message}");
        assert_eq!(at.as_deref(), Some("\"xyz\""));

        assert!(Baseline::parse("b", "{\"version\": 1, \"fingerprints\": []}").is_ok());
    }
}
