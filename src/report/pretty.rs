//! pretty: findings as miette diagnostics, for people at a terminal.
//!
//! Every finding becomes one diagnostic with its code, severity, message and help, and a
//! labelled span for each piece of evidence ("tu jako: …", "a tu jako: …"); the first label
//! is primary. Evidence in other files goes into related diagnostics, each with its own file
//! as source. Colour only when asked for (the caller decides from the terminal and NO_COLOR).

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use super::Report;
use super::WriteError;
use super::texts::{TextCache, TextChanged};
use crate::check::{Finding, FindingKind};
use crate::rules::Severity;

/// Width the diagnostics are wrapped to.
const WIDTH: usize = 100;

/// One diagnostic as miette draws it: a finding, or the part of it in another file.
struct View {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<Arc<str>>>,
    labels: Vec<LabeledSpan>,
    related: Vec<View>,
}

impl fmt::Debug for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("View")
            .field("message", &self.message)
            .finish()
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for View {}

impl Diagnostic for View {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|v| v as &dyn Diagnostic)))
    }
}

fn source_of(texts: &TextCache, report: &Report, file: usize) -> Result<Source, TextChanged> {
    Ok(NamedSource::new(&report.files[file].path, texts.get(file)?).with_language("text"))
}

type Source = NamedSource<Arc<str>>;

/// The diagnostic for one finding: labels in the first file, related views for the others.
fn view(
    report: &Report,
    texts: &TextCache,
    finding: &Finding,
) -> Result<Option<View>, TextChanged> {
    let Some(first) = finding.evidence.first() else {
        return Ok(None);
    };
    let mut files: Vec<usize> = Vec::new();
    for evidence in &finding.evidence {
        if !files.contains(&evidence.file) {
            files.push(evidence.file);
        }
    }
    let labels_in = |file: usize| -> Vec<LabeledSpan> {
        finding
            .evidence
            .iter()
            .filter(|e| e.file == file)
            .map(|e| {
                let span = miette::SourceSpan::from(e.span);
                if std::ptr::eq(e, first) {
                    LabeledSpan::new_primary_with_span(Some(e.label.to_string()), span)
                } else {
                    LabeledSpan::new_with_span(Some(e.label.to_string()), span)
                }
            })
            .collect()
    };
    let main = &report.files[first.file];
    let readable = finding.kind != FindingKind::Input;
    let related = files[1..]
        .iter()
        .map(|&file| {
            Ok(View {
                message: format!("druga strona konfliktu: {}", report.files[file].path),
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                source: Some(source_of(texts, report, file)?),
                labels: labels_in(file),
                related: Vec::new(),
            })
        })
        .collect::<Result<_, TextChanged>>()?;
    let source = if readable {
        Some(source_of(texts, report, first.file)?)
    } else {
        None
    };
    Ok(Some(View {
        message: if readable {
            finding.message.clone()
        } else {
            format!("{}: {}", main.path, finding.message)
        },
        code: Some(finding.code.clone()),
        severity: match finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        },
        help: finding.help.as_deref().map(str::to_owned),
        source,
        labels: labels_in(first.file),
        related,
    }))
}

/// Render every finding, then a one-line summary.
pub fn render(report: &Report, color: bool) -> Result<String, WriteError> {
    super::rendered(|out| write(report, color, out))
}

/// Write every finding, then a one-line summary, one diagnostic at a time: on a large corpus
/// the output is larger than the input.
pub fn write(report: &Report, color: bool, mut out: impl std::io::Write) -> Result<(), WriteError> {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(WIDTH);
    let texts = TextCache::new(&report.files);
    let mut diagnostic = String::new();
    for finding in &report.findings {
        let Some(view) = view(report, &texts, finding)? else {
            continue;
        };
        diagnostic.clear();
        if handler.render_report(&mut diagnostic, &view).is_err() {
            diagnostic = format!("{}: {}\n", finding.code, finding.message);
        }
        diagnostic.push('\n');
        out.write_all(diagnostic.as_bytes())?;
    }
    let summary = report.summary();
    writeln!(
        out,
        "rolelint: pliki: {}, twierdzenia: {}, błędy: {}, ostrzeżenia: {}",
        summary.files, summary.claims, summary.errors, summary.warnings
    )?;
    Ok(())
}
