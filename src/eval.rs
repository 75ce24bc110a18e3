//! eval: how right rolelint is on an annotated corpus.
//!
//! Each text `X.txt` may carry `X.expected.toml` (the findings a perfect linter gives, as
//! `[[finding]] code, role?, dimension?`) and `X.claims.toml` (gold claims, as
//! `[[claim]] role, dimension, value, text` with `text` quoted from the file). Each text is
//! checked alone; findings are matched on (code, role, dimension), claims on value and
//! overlapping span. The result gives precision and recall per finding kind, code and
//! dimension, claim recall and role-attribution accuracy.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::input::{Source, read};
use crate::rules::{Engine, RuleSet};
use crate::{LintOptions, lint_with};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExpectedFile {
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
}

/// A finding as annotated: what a perfect linter reports for a text.
#[derive(Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct ExpectedFinding {
    pub code: String,
    pub role: Option<String>,
    pub dimension: Option<String>,
}

impl ExpectedFinding {
    /// The findings of a report in the form annotations use, sorted.
    pub fn of(report: &crate::report::Report) -> Vec<ExpectedFinding> {
        let mut found: Vec<ExpectedFinding> = report
            .findings
            .iter()
            .map(|f| ExpectedFinding {
                code: f.code.clone(),
                role: f.role.as_deref().map(str::to_owned),
                dimension: f.dimension.as_deref().map(str::to_owned),
            })
            .collect();
        found.sort();
        found
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    #[serde(default)]
    claim: Vec<GoldClaim>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
struct GoldClaim {
    role: String,
    dimension: String,
    value: String,
    text: String,
}

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    /// Precision; 1 when nothing was reported.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Recall; 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// What the evaluation measured.
#[derive(Debug, Default)]
pub struct Evaluation {
    pub texts: usize,
    pub texts_with_gold_claims: usize,
    /// Keyed by "kind contradiction", "code RL101", "dimension salary" …
    pub findings: BTreeMap<String, Counts>,
    pub gold_claims: usize,
    /// Gold claims for which a claim of the same value overlaps the quoted text.
    pub claims_found: usize,
    /// … and that claim names the gold role.
    pub claims_attributed: usize,
    /// Every mismatch, for people tuning rules: "file: expected/unexpected …".
    pub mismatches: Vec<String>,
}

impl Evaluation {
    pub fn claim_recall(&self) -> f64 {
        ratio(self.claims_found, self.gold_claims)
    }

    pub fn attribution_accuracy(&self) -> f64 {
        ratio(self.claims_attributed, self.claims_found)
    }

    /// Counts for one key, zero when absent.
    pub fn counts(&self, key: &str) -> Counts {
        self.findings.get(key).copied().unwrap_or_default()
    }

    /// The quality table, as Markdown.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Texts: {} ({} with gold claims)\n\n| measure | precision | recall | TP | FP | FN |\n|---|---|---|---|---|---|",
            self.texts, self.texts_with_gold_claims
        );
        for (key, c) in &self.findings {
            let _ = writeln!(
                out,
                "| {key} | {:.3} | {:.3} | {} | {} | {} |",
                c.precision(),
                c.recall(),
                c.true_positives,
                c.false_positives,
                c.false_negatives
            );
        }
        let _ = writeln!(
            out,
            "\n| claims | value |\n|---|---|\n| gold claims | {} |\n| claim recall | {:.3} ({} found) |\n| attribution accuracy | {:.3} ({} with the right role) |",
            self.gold_claims,
            self.claim_recall(),
            self.claims_found,
            self.attribution_accuracy(),
            self.claims_attributed
        );
        out
    }
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("nie można odczytać {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("błąd w pliku adnotacji {path}: {message}")]
    Annotation { path: PathBuf, message: String },
    #[error(transparent)]
    Changed(#[from] crate::report::texts::TextChanged),
}

fn read_toml<T: serde::de::DeserializeOwned + Default>(
    path: &Path,
) -> Result<Option<T>, EvalError> {
    if !path.exists() {
        return Ok(None);
    }
    let text = fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_owned(),
        source,
    })?;
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| EvalError::Annotation {
            path: path.to_owned(),
            message: e.to_string(),
        })
}

/// Evaluate every annotated text in `dir` (texts without `.expected.toml` are skipped).
pub fn evaluate(dir: &Path, rules: &RuleSet) -> Result<Evaluation, EvalError> {
    let mut texts: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|source| EvalError::Read {
            path: dir.to_owned(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| crate::input::is_text(p))
        .collect();
    texts.sort();
    let kind_of = |code: &str| match rules.conflict(code).map(|c| &c.engine) {
        Some(Engine::Drift | Engine::Misleading) => "terminology",
        Some(_) => "contradiction",
        None => "input",
    };
    let mut evaluation = Evaluation::default();
    for text in texts {
        let Some(expected) = read_toml::<ExpectedFile>(&text.with_extension("expected.toml"))?
        else {
            continue;
        };
        evaluation.texts += 1;
        let report = lint_with(
            vec![read(&Source::File(text.clone()))],
            rules,
            LintOptions {
                cross_file: false,
                ..LintOptions::default()
            },
        )?;
        let mut actual = ExpectedFinding::of(&report);
        let name = text
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        for want in &expected.finding {
            let counts = match actual.iter().position(|a| a == want) {
                Some(at) => {
                    actual.remove(at);
                    Counts {
                        true_positives: 1,
                        ..Counts::default()
                    }
                }
                None => {
                    evaluation
                        .mismatches
                        .push(format!("{name}: missed {want:?}"));
                    Counts {
                        false_negatives: 1,
                        ..Counts::default()
                    }
                }
            };
            evaluation.tally(kind_of(&want.code), want, counts);
        }
        for extra in &actual {
            evaluation
                .mismatches
                .push(format!("{name}: unexpected {extra:?}"));
            evaluation.tally(
                kind_of(&extra.code),
                extra,
                Counts {
                    false_positives: 1,
                    ..Counts::default()
                },
            );
        }
        if let Some(gold) = read_toml::<GoldFile>(&text.with_extension("claims.toml"))? {
            evaluation.texts_with_gold_claims += 1;
            let file = &report.files[0];
            let file_text = file.read_text()?;
            for claim in gold.claim {
                evaluation.gold_claims += 1;
                let Some(at) = file_text.find(&claim.text) else {
                    return Err(EvalError::Annotation {
                        path: text.with_extension("claims.toml"),
                        message: format!("cytatu „{}” nie ma w tekście", claim.text),
                    });
                };
                let (start, end) = (at, at + claim.text.len());
                let found: Vec<_> = file
                    .claims
                    .iter()
                    .filter(|c| {
                        report.names.value(c.value) == claim.value
                            && c.span.start() < end
                            && start < c.span.end()
                    })
                    .collect();
                if found.is_empty() {
                    evaluation.mismatches.push(format!(
                        "{name}: claim not found: {} {} {} „{}”",
                        claim.role, claim.dimension, claim.value, claim.text
                    ));
                    continue;
                }
                evaluation.claims_found += 1;
                if found
                    .iter()
                    .any(|c| report.names.role(c.role) == claim.role)
                {
                    evaluation.claims_attributed += 1;
                } else {
                    evaluation.mismatches.push(format!(
                        "{name}: wrong role for „{}”: {} instead of {}",
                        claim.text, found[0].role, claim.role
                    ));
                }
            }
        }
    }
    Ok(evaluation)
}

impl Evaluation {
    fn tally(&mut self, kind: &str, finding: &ExpectedFinding, counts: Counts) {
        self.findings
            .entry(format!("kind {kind}"))
            .or_default()
            .add(counts);
        self.findings
            .entry(format!("code {}", finding.code))
            .or_default()
            .add(counts);
        if let Some(dimension) = &finding.dimension {
            self.findings
                .entry(format!("dimension {dimension}"))
                .or_default()
                .add(counts);
        }
    }
}
