//! json: the machine-readable report, version 1 (schema: `schema/report.schema.json`).
//!
//! Spans are byte offsets into each file's decoded text, with 1-based line and column
//! (in characters) computed here from a line index built once per file.

use rayon::prelude::*;
use serde::Serialize;

use super::texts::TextChanged;
use super::{FileReport, Names, Report, WriteError, placed};
use crate::check::Finding;
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
pub fn render(report: &Report) -> Result<String, WriteError> {
    super::rendered(|out| write(report, out))
}

/// How many claims (of files) or pieces of evidence (of findings) are turned into JSON at a
/// time, in parallel, before they are written in order: a few MB of output. Counted in those,
/// not in elements, because one finding across a large corpus can cite thousands of places.
const CHUNK_WEIGHT: usize = 2048;

/// Write the report as pretty-printed JSON, a chunk of files and findings at a time: the
/// whole document (on a large corpus several times the size of the input) is never held in
/// memory, and files whose texts were not kept are read again one chunk at a time.
pub fn write(report: &Report, mut out: impl std::io::Write) -> Result<(), WriteError> {
    write!(out, "{{\n  \"version\": {VERSION},\n  \"files\": ")?;
    let claims = |file: &FileReport| file.claims.len();
    write_array(&mut out, &report.files, claims, |file| {
        let text = file.read_text()?;
        let index = LineIndex::new(&text);
        Ok(element(&JsonFile {
            path: &file.path,
            encoding: file.encoding,
            claims: file
                .claims
                .iter()
                .map(|c| claim(&report.names, &index, &text, c))
                .collect(),
        }))
    })?;
    out.write_all(b",\n  \"findings\": ")?;
    let evidence = |finding: &Finding| finding.evidence.len();
    write_array(&mut out, &report.findings, evidence, |f| {
        Ok(element(&JsonFinding {
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
                    let place = placed(e);
                    JsonEvidence {
                        path: report.path(e),
                        span: JsonSpan {
                            start: e.span.start(),
                            end: e.span.end(),
                            line: place.start().line,
                            column: place.start().column,
                        },
                        text: &place.quote,
                        label: &e.label,
                        claim: e.claim,
                    }
                })
                .collect(),
        }))
    })?;
    out.write_all(b",\n  \"summary\": ")?;
    let summary = serde_json::to_vec_pretty(&[report.summary()])?;
    out.write_all(&summary[b"[\n  ".len()..summary.len() - b"\n]".len()])?;
    out.write_all(b"\n}")?;
    Ok(())
}

/// Write a JSON array of `items` at the second level of the document, each turned into JSON
/// by `element` (in parallel, a chunk of about [`CHUNK_WEIGHT`] by `weight` at a time), in
/// order.
fn write_array<T: Sync>(
    out: &mut impl std::io::Write,
    items: &[T],
    weight: impl Fn(&T) -> usize,
    element: impl Fn(&T) -> Result<Vec<u8>, TextChanged> + Sync,
) -> Result<(), WriteError> {
    if items.is_empty() {
        out.write_all(b"[]")?;
        return Ok(());
    }
    out.write_all(b"[")?;
    let mut first = true;
    let mut rest = items;
    while !rest.is_empty() {
        let mut total = 0;
        let len = rest
            .iter()
            .take_while(|item| {
                let fits = total < CHUNK_WEIGHT;
                total += weight(item) + 1;
                fits
            })
            .count();
        let (chunk, after) = rest.split_at(len);
        rest = after;
        let rendered: Vec<Vec<u8>> = chunk.par_iter().map(&element).collect::<Result<_, _>>()?;
        for json in rendered {
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            out.write_all(&json)?;
            first = false;
        }
    }
    out.write_all(b"\n  ]")?;
    Ok(())
}

/// One element of a second-level array: pretty JSON indented to its depth, serialized in
/// place as the only element of a nested array and cut out of it.
fn element(value: &impl Serialize) -> Vec<u8> {
    let mut json = serde_json::to_vec_pretty(&[[value]]).expect("report elements serialize");
    json.truncate(json.len() - b"\n  ]\n]".len());
    json.drain(..b"[\n  [\n    ".len());
    json
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
