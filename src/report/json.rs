//! json: the machine-readable report, version 1 (schema: `schema/report.schema.json`).
//!
//! Spans are byte offsets into each file's decoded text, with 1-based line and column (in
//! characters): for claims computed here from a line index built once per file, for
//! evidence read from its [`crate::span::Place`].

use serde::Serialize;

use super::texts::TextChanged;
use super::{FileReport, Names, Report, WriteError, placed, render_in_chunks};
use crate::check::Finding;
use crate::check::FindingKind;
use crate::extract::Claim;
use crate::extract::numbers::Quantity;
use crate::extract::{Modality, Polarity};
use crate::roles::Subject;
use crate::rules::Severity;
use crate::span::{LineColumn, LineIndex, Orig, Span};

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
    /// The forum poster whose words these are; none for the text's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    poster: Option<&'a str>,
    /// The header of the digest's offer these words belong to; none for the text's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    offer: Option<&'a str>,
    /// The header of the note revising the text these words belong to.
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<&'a str>,
    span: JsonSpan,
    text: &'a str,
    sentence: &'a str,
    rule: &'a str,
}

/// A claim as the claims view writes it: with its file's path, and every key in alphabetical
/// order (the view's layout since it was first written through `serde_json::Value`).
#[derive(Serialize)]
pub(super) struct JsonPlacedClaim<'a> {
    dimension: &'a str,
    label: &'a str,
    modality: Modality,
    /// Through a JSON value, for its keys in alphabetical order too.
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offer: Option<&'a str>,
    path: &'a str,
    polarity: Polarity,
    #[serde(skip_serializing_if = "Option::is_none")]
    poster: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<&'a str>,
    role: &'a str,
    rule: &'a str,
    sentence: &'a str,
    span: PlacedSpan,
    subject: Subject,
    text: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct PlacedSpan {
    column: usize,
    end: usize,
    line: usize,
    start: usize,
}

impl<'a> JsonPlacedClaim<'a> {
    pub(super) fn new(path: &'a str, claim: JsonClaim<'a>) -> JsonPlacedClaim<'a> {
        let JsonSpan {
            start,
            end,
            line,
            column,
        } = claim.span;
        JsonPlacedClaim {
            dimension: claim.dimension,
            label: claim.label,
            modality: claim.modality,
            number: claim
                .number
                .map(|q| serde_json::to_value(q).expect("a quantity serializes")),
            offer: claim.offer,
            path,
            polarity: claim.polarity,
            poster: claim.poster,
            revision: claim.revision,
            role: claim.role,
            rule: claim.rule,
            sentence: claim.sentence,
            span: PlacedSpan {
                column,
                end,
                line,
                start,
            },
            subject: claim.subject,
            text: claim.text,
            value: claim.value,
        }
    }
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

impl JsonSpan {
    fn new(span: Span<Orig>, at: LineColumn) -> JsonSpan {
        JsonSpan {
            start: span.start(),
            end: span.end(),
            line: at.line,
            column: at.column,
        }
    }
}

/// Render the report as pretty-printed JSON.
pub fn render(report: &Report) -> Result<String, WriteError> {
    super::rendered(|out| write(report, out))
}

/// Write the report as pretty-printed JSON, a chunk of files and findings at a time: the
/// whole document (on a large corpus several times the size of the input) is never held in
/// memory, and files whose texts were not kept are read again one chunk at a time.
pub fn write(report: &Report, mut out: impl std::io::Write) -> Result<(), WriteError> {
    write!(out, "{{\n  \"version\": {VERSION},\n  \"files\": ")?;
    let claims = |file: &FileReport| file.claims.len();
    write_array(&mut out, &report.files, 1, claims, |file| {
        let text = file.quoted_text()?;
        let index = LineIndex::new(&text);
        Ok(vec![element(&JsonFile {
            path: &file.path,
            encoding: file.encoding,
            claims: file
                .claims
                .iter()
                .map(|c| claim(&report.names, &index, &text, c))
                .collect(),
        })])
    })?;
    out.write_all(b",\n  \"findings\": ")?;
    let evidence = |finding: &Finding| finding.evidence.len();
    write_array(&mut out, &report.findings, 1, evidence, |f| {
        Ok(vec![element(&JsonFinding {
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
                        span: JsonSpan::new(e.span, place.start()),
                        text: &place.quote,
                        label: &e.label,
                        claim: e.claim,
                    }
                })
                .collect(),
        })])
    })?;
    out.write_all(b",\n  \"summary\": ")?;
    out.write_all(&nested(&report.summary(), 1))?;
    out.write_all(b"\n}")?;
    Ok(())
}

/// Write a JSON array that stands `depth` levels deep in the document, of the elements
/// `elements` makes from each item (none or several), each already indented for its own depth
/// (see [`nested`]); made a chunk of items at a time (see [`render_in_chunks`]).
pub(super) fn write_array<T: Sync>(
    out: &mut impl std::io::Write,
    items: &[T],
    depth: usize,
    weight: impl Fn(&T) -> usize,
    elements: impl Fn(&T) -> Result<Vec<Vec<u8>>, TextChanged> + Sync,
) -> Result<(), WriteError> {
    let indent = "  ".repeat(depth + 1);
    let mut empty = true;
    render_in_chunks(items, weight, elements, |made| {
        for element in made {
            out.write_all(if empty { b"[\n" } else { b",\n" })?;
            out.write_all(indent.as_bytes())?;
            out.write_all(&element)?;
            empty = false;
        }
        Ok(())
    })?;
    if empty {
        out.write_all(b"[]")?;
    } else {
        write!(out, "\n{}]", "  ".repeat(depth))?;
    }
    Ok(())
}

/// One element of a second-level array, indented to its depth.
fn element(value: &impl Serialize) -> Vec<u8> {
    nested(value, 2)
}

/// Pretty JSON of `value` as it stands `depth` levels deep in the document: its inner lines
/// indented for that depth, its first line not at all (the array it is in writes that).
pub(super) fn nested(value: &impl Serialize, depth: usize) -> Vec<u8> {
    let mut json = Vec::new();
    let formatter = Indented {
        depth,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, formatter);
    value
        .serialize(&mut serializer)
        .expect("report elements serialize");
    json
}

/// serde_json's `PrettyFormatter` (two spaces a level), starting `depth` levels in. The
/// report's elements are serialized a file or a finding at a time in parallel, each where it
/// stands in the document; wrapping each in `depth` arrays and cutting them off again moved
/// every byte of the report once more.
struct Indented {
    depth: usize,
    /// Whether the array or object being written has a value yet.
    has_value: bool,
}

impl Indented {
    fn new_line(
        &self,
        out: &mut (impl ?Sized + std::io::Write),
        first: bool,
    ) -> std::io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }

    fn indent(&self, out: &mut (impl ?Sized + std::io::Write)) -> std::io::Result<()> {
        for _ in 0..self.depth {
            out.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open(
        &mut self,
        out: &mut (impl ?Sized + std::io::Write),
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close(
        &mut self,
        out: &mut (impl ?Sized + std::io::Write),
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(out, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(out, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
    ) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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
        poster: c.voice.poster(),
        offer: c.voice.offer(),
        revision: c.voice.revision(),
        span: JsonSpan::new(c.span, index.locate(c.span.start())),
        text: c.span.slice(text),
        sentence: c.sentence.slice(text),
        rule: &c.cue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nested_value_reads_as_in_serde_jsons_pretty_document() {
        let value = serde_json::json!({
            "claims": [1, {"empty": [], "none": {}, "quote": "„tu”\n\"tam\"\t"}, [[]]],
            "span": {"start": 0, "end": 12},
            "number": null
        });
        for depth in 0..5 {
            let mut document = value.clone();
            let (mut open, mut close) = (String::new(), String::new());
            for level in 0..depth {
                document = serde_json::json!([document]);
                open.push_str(&format!("[\n{}", "  ".repeat(level + 1)));
                close.insert_str(0, &format!("\n{}]", "  ".repeat(level)));
            }
            let whole = serde_json::to_string_pretty(&document).expect("serializes");
            let ours = String::from_utf8(nested(&value, depth)).expect("UTF-8");
            assert_eq!(format!("{open}{ours}{close}"), whole, "depth {depth}");
        }
    }
}
