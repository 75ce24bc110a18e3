//! report: one [`Report`] value for a whole run, and its renderers.
//!
//! The report holds plain data — files with their claims (ids resolved to strings) and
//! findings — sorted once, so the output is the same whatever the thread count. Each renderer
//! (`pretty`, `json`) turns a `&Report` into text and computes nothing of its own.

pub mod claims;
pub mod json;
pub mod pretty;

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;

use serde::Serialize;

use crate::Analysis;
use crate::check::{Finding, FindingKind};
use crate::extract::numbers::Quantity;
use crate::extract::{Modality, Polarity};
use crate::roles::Subject;
use crate::rules::{RuleSet, Severity};
use crate::span::{Orig, Span};

/// The result of one run.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub findings: Vec<Finding>,
}

/// One checked file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given or found, or `<stdin>`.
    pub path: String,
    /// The encoding it was read in; `None` when it could not be read.
    pub encoding: Option<&'static str>,
    /// The decoded text as read; spans point here.
    pub text: Arc<str>,
    pub claims: Vec<ClaimRecord>,
    /// Every place the text names a role.
    pub mentions: Vec<MentionRecord>,
}

/// A place where a text names a role, by whichever alias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRecord {
    pub role: String,
    pub span: Span<Orig>,
}

/// A claim as reported: ids instead of indices.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    pub role: String,
    pub dimension: String,
    pub value: String,
    pub label: String,
    pub polarity: Polarity,
    pub modality: Modality,
    pub quantity: Option<Quantity>,
    pub subject: Subject,
    pub span: Span<Orig>,
    pub sentence: Span<Orig>,
    pub rule: String,
}

/// Counts for the end of the output.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub claims: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub by_code: BTreeMap<String, usize>,
}

/// How a run ended, as the process exit status says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No error-level findings (and no warnings, with `--deny-warnings`): exit 0.
    Clean,
    /// Findings that fail the run: exit 1.
    Findings,
    /// The run could not be done as asked: exit 2.
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(match outcome {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failed => 2,
        })
    }
}

impl FileReport {
    pub fn new(path: String, analysis: &Analysis, rules: &RuleSet) -> FileReport {
        let claims = analysis
            .claims
            .iter()
            .map(|claim| {
                let value = &rules.values[claim.value];
                ClaimRecord {
                    role: rules.roles[claim.role].id.clone(),
                    dimension: rules.dimensions[value.dimension].id.clone(),
                    value: value.id.clone(),
                    label: value.label.clone(),
                    polarity: claim.polarity,
                    modality: claim.modality,
                    quantity: claim.quantity.clone(),
                    subject: claim.subject,
                    span: claim.span,
                    sentence: claim.sentence,
                    rule: claim.cue.clone(),
                }
            })
            .collect();
        let tokens = &analysis.doc.tokens;
        let mentions = analysis
            .roles
            .mentions
            .iter()
            .map(|m| MentionRecord {
                role: rules.roles[m.role].id.clone(),
                span: analysis.text.to_original(
                    tokens[m.tokens.start]
                        .span
                        .cover(&tokens[m.tokens.end - 1].span),
                ),
            })
            .collect();
        FileReport {
            path,
            encoding: Some(analysis.text.encoding()),
            text: Arc::from(analysis.text.original()),
            claims,
            mentions,
        }
    }

    pub fn unreadable(path: String) -> FileReport {
        FileReport {
            path,
            encoding: None,
            text: Arc::from(""),
            claims: Vec::new(),
            mentions: Vec::new(),
        }
    }
}

impl Report {
    /// Sort findings by (path, first span, code): the one order every renderer shows.
    pub fn sort(&mut self) {
        let files = &self.files;
        self.findings.sort_by(|a, b| {
            let key = |f: &Finding| {
                let first = f.evidence.first();
                (
                    first.map(|e| files[e.file].path.clone()),
                    first.map(|e| e.span),
                    f.code.clone(),
                    f.message.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            files: self.files.len(),
            claims: self.files.iter().map(|f| f.claims.len()).sum(),
            findings: self.findings.len(),
            ..Summary::default()
        };
        for finding in &self.findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
            }
            *summary.by_code.entry(finding.code.clone()).or_default() += 1;
        }
        summary
    }

    /// The exit status this report calls for.
    pub fn outcome(&self, deny_warnings: bool) -> Outcome {
        let fails = |f: &Finding| f.severity == Severity::Error || deny_warnings;
        if self.findings.iter().any(fails) {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }

    /// Findings of one kind (used by tests and the summary line).
    pub fn count(&self, kind: FindingKind) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }
}
