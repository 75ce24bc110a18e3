//! json: the machine-readable report, version 1 (schema: `schema/report.schema.json`).
//!
//! Spans are byte offsets into each file's decoded text, with 1-based line and column
//! (in characters) computed here from a line index built once per file.

use serde::Serialize;

use super::{Names, Report, Summary};
use crate::check::FindingKind;
use crate::extract::Claim;
use crate::extract::numbers::Quantity;
use crate::extract::{Modality, Polarity};
use crate::roles::Subject;
use crate::rules::Severity;
use crate::span::{LineIndex, Orig, Span};

/// Version of the JSON contract.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
#[serde(bound = "Lazy<F>: Serialize, Lazy<G>: Serialize")]
struct JsonReport<F, G> {
    version: u32,
    files: Lazy<F>,
    findings: Lazy<G>,
    summary: Summary,
}

/// A JSON array whose elements are made one at a time while it is written, so the output of
/// a large corpus never stands in memory as a whole.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator<Item: Serialize>,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    encoding: Option<&'a str>,
    claims: Vec<JsonClaim<'a>>,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
pub(super) struct JsonClaim<'a> {
    role: &'a str,
    dimension: &'a str,
    value: &'a str,
    label: &'a str,
    polarity: Polarity,
    modality: Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a Quantity>,
    subject: Subject,
    span: JsonSpan,
    text: &'a str,
    sentence: &'a str,
    rule: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    kind: FindingKind,
    severity: Severity,
    message: &'a str,
    role: Option<&'a str>,
    dimension: Option<&'a str>,
    help: Option<&'a str>,
    evidence: Vec<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    path: &'a str,
    span: JsonSpan,
    text: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<usize>,
}

fn span(index: &LineIndex, span: Span<Orig>) -> JsonSpan {
    let at = index.locate(span.start());
    JsonSpan {
        start: span.start(),
        end: span.end(),
        line: at.line,
        column: at.column,
    }
}

/// Render the report as pretty-printed JSON.
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Write the report as pretty-printed JSON, streaming: the whole document is never held in
/// memory (on a large corpus it is several times the size of the input).
pub fn write(report: &Report, out: impl std::io::Write) -> std::io::Result<()> {
    let indexes: Vec<LineIndex> = report
        .files
        .iter()
        .map(|f| LineIndex::new(&f.text))
        .collect();
    let files = || {
        report
            .files
            .iter()
            .zip(&indexes)
            .map(|(file, index)| JsonFile {
                path: &file.path,
                encoding: file.encoding,
                claims: file
                    .claims
                    .iter()
                    .map(|c| claim(&report.names, index, &file.text, c))
                    .collect(),
            })
    };
    let findings = || {
        report.findings.iter().map(|f| JsonFinding {
            code: &f.code,
            kind: f.kind,
            severity: f.severity,
            message: &f.message,
            role: f.role.as_deref(),
            dimension: f.dimension.as_deref(),
            help: f.help.as_deref(),
            evidence: f
                .evidence
                .iter()
                .map(|e| {
                    let file = &report.files[e.file];
                    JsonEvidence {
                        path: &file.path,
                        span: span(&indexes[e.file], e.span),
                        text: e.span.slice(&file.text),
                        label: &e.label,
                        claim: e.claim,
                    }
                })
                .collect(),
        })
    };
    let json = JsonReport {
        version: VERSION,
        files: Lazy(files),
        findings: Lazy(findings),
        summary: report.summary(),
    };
    serde_json::to_writer_pretty(out, &json).map_err(std::io::Error::from)
}

pub(super) fn claim<'a>(
    names: &'a Names,
    index: &LineIndex,
    text: &'a str,
    c: &'a Claim,
) -> JsonClaim<'a> {
    JsonClaim {
        role: names.role(c.role),
        dimension: names.dimension(c.value),
        value: names.value(c.value),
        label: names.label(c.value),
        polarity: c.polarity,
        modality: c.modality,
        number: c.quantity.as_deref(),
        subject: c.subject,
        span: span(index, c.span),
        text: c.span.slice(text),
        sentence: c.sentence.slice(text),
        rule: &c.cue,
    }
}
